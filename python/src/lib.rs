//! The extension module `casus._casus`: the Rust half of the Python package.
//!
//! It owns only the crossing between Python and Rust: argument passing, the
//! embedded knowledge base held once per process, releasing the GIL while
//! the engine works, and turning typed errors into Python exceptions. The
//! answers themselves come from the library crates (`queries`), as JSON text
//! identical to the CLI's `--format json`; the Python shim (`casus/__init__.py`)
//! turns them into dicts and tables.

mod errors;
mod knowledge;
mod queries;

use pyo3::prelude::*;

use crate::errors::InputError;
use crate::knowledge::{Chosen, PyKnowledgeBase};
use crate::queries::{Character, WhyRequest};

/// Judge an attack; the CLI's `why --format json` document as JSON text.
#[pyfunction]
#[pyo3(signature = (attackers, defenders, at, on, target, intent, scale, means, kb=None))]
#[allow(clippy::too_many_arguments)] // one Python keyword each, as in the CLI
fn why_json(
    py: Python<'_>,
    attackers: Vec<String>,
    defenders: Vec<String>,
    at: String,
    on: String,
    target: String,
    intent: String,
    scale: String,
    means: String,
    kb: Option<&Bound<'_, PyKnowledgeBase>>,
) -> PyResult<String> {
    let kb = Chosen::new(kb);
    let request = WhyRequest {
        attackers,
        defenders,
        at,
        on,
        target,
        character: Character {
            intent,
            scale,
            means,
        },
    };
    answer(py, move || queries::why(&*kb.get()?, &request))
}

/// What a state owes and is owed on a date; the CLI's `commitments --format json`.
#[pyfunction]
#[pyo3(signature = (state, on, kb=None))]
fn commitments_json(
    py: Python<'_>,
    state: String,
    on: String,
    kb: Option<&Bound<'_, PyKnowledgeBase>>,
) -> PyResult<String> {
    let kb = Chosen::new(kb);
    answer(py, move || queries::commitments(&*kb.get()?, &state, &on))
}

/// Run `work` without the GIL (the engine never touches Python objects) and
/// raise its error as the package's exception.
fn answer<T: Send>(
    py: Python<'_>,
    work: impl FnOnce() -> Result<T, InputError> + Send,
) -> PyResult<T> {
    py.detach(work).map_err(|e| e.into_py_err(py))
}

#[pymodule]
fn _casus(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(why_json, m)?)?;
    m.add_function(wrap_pyfunction!(commitments_json, m)?)?;
    m.add_class::<PyKnowledgeBase>()?;
    Ok(())
}
