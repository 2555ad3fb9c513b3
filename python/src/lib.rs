//! The extension module `casus._casus`: the Rust half of the Python package.
//!
//! It owns only the crossing between Python and Rust: the request in (a JSON
//! object read into `casus-service`'s typed requests), the answer out (the
//! service's JSON, identical to the CLI's `--format json`), the knowledge
//! base held once per process, the GIL released while the engine works, and
//! typed errors turned into Python exceptions. The Python shim
//! (`casus/__init__.py`) gives each question its keyword arguments and turns
//! the answers into dicts.

mod errors;
mod knowledge;
mod questions;

use pyo3::prelude::*;

use crate::errors::InputError;
use crate::knowledge::{Chosen, PyKnowledgeBase};

/// Answer `question` (`why`, `place`, `commitments`, `treaties`, `show`,
/// `search`) for `request`, a JSON object of the service's request fields;
/// the answer is JSON text, as the CLI's `--format json`.
#[pyfunction]
#[pyo3(signature = (question, request, kb=None))]
fn ask(
    py: Python<'_>,
    question: String,
    request: String,
    kb: Option<&Bound<'_, PyKnowledgeBase>>,
) -> PyResult<String> {
    let kb = Chosen::new(kb);
    answer(py, move || questions::ask(&*kb.get()?, &question, &request))
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
    m.add_function(wrap_pyfunction!(ask, m)?)?;
    m.add_class::<PyKnowledgeBase>()?;
    Ok(())
}
