//! The extension module `casus._casus`: the Rust half of the Python package.
//!
//! It owns only the crossing between Python and Rust: the request in (a JSON
//! object read into `casus-service`'s typed requests), the answer out (the
//! service's JSON, identical to the CLI's `--format json`), the knowledge
//! base held once per process, the GIL released while the engine works, and
//! typed errors turned into Python exceptions. The Python shim
//! (`casus/__init__.py`) gives each question its keyword arguments and turns
//! the answers into dicts.

mod arrow_stream;
mod errors;
mod knowledge;
mod panel;
mod questions;

use std::path::PathBuf;

use pyo3::prelude::*;

use crate::arrow_stream::ArrowStream;
use crate::errors::InputError;
use crate::knowledge::{Chosen, PyKnowledgeBase};

/// Answer `question` (`why`, `place`, `commitments`, `treaties`, `show`,
/// `search`, `escalate`) for `request`, a JSON object of the service's request fields;
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

/// A dyad panel as an Arrow IPC stream (see `panel::PanelRequest`).
#[pyfunction]
#[pyo3(signature = (start, end, unit, directed, all_pairs, columns, atop=None, cow=None, kb=None))]
#[allow(clippy::too_many_arguments)] // one Python keyword each, as the CLI's flags
fn panel_stream(
    py: Python<'_>,
    start: String,
    end: String,
    unit: String,
    directed: bool,
    all_pairs: bool,
    columns: String,
    atop: Option<PathBuf>,
    cow: Option<PathBuf>,
    kb: Option<&Bound<'_, PyKnowledgeBase>>,
) -> PyResult<ArrowStream> {
    let kb = Chosen::new(kb);
    let request = panel::PanelRequest {
        start,
        end,
        unit,
        directed,
        all_pairs,
        columns,
        atop,
        cow,
    };
    let bytes = answer(py, move || panel::ipc_stream(kb.get()?.kb(), &request))?;
    Ok(ArrowStream::new(bytes))
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
    m.add_function(wrap_pyfunction!(panel_stream, m)?)?;
    m.add_class::<ArrowStream>()?;
    m.add_class::<PyKnowledgeBase>()?;
    Ok(())
}
