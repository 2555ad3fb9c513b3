//! Errors crossing into Python: every refusal names the argument it is
//! about, the kind of problem, the reason (the CLI's words) and the names it
//! might have meant, and is raised as `casus.CasusError` (a `ValueError`,
//! defined in `casus/_errors.py`).

use casus_service::ServiceError;
use pyo3::prelude::*;

/// A request refused, with the Python argument it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    /// The keyword argument at fault (`attacker`, `on`, …), `kb` for a
    /// knowledge-base directory, `internal` when the embedded data failed.
    pub field: String,
    /// `malformed`, `unknown`, `ambiguous`, `conflict`, `no_answer`, … (the
    /// service's `ErrorKind`, as in the server's JSON errors).
    pub kind: String,
    pub reason: String,
    /// Names it may have meant, best first (empty when there is no guess).
    pub suggestions: Vec<String>,
}

impl InputError {
    pub fn new(field: &str, kind: &str, reason: impl ToString) -> InputError {
        InputError {
            field: field.to_string(),
            kind: kind.to_string(),
            reason: reason.to_string(),
            suggestions: Vec::new(),
        }
    }

    /// A request body that does not fit the typed request: the field it
    /// names (`target` for an unknown variant), else the request itself.
    pub fn request(e: serde_path_to_error::Error<serde_json::Error>) -> InputError {
        let path = e.path().to_string();
        let field = match path.as_str() {
            "" | "." => "request".to_string(),
            p => p.split(['.', '[']).next().unwrap_or(p).to_string(),
        };
        InputError::new(&field, "malformed", e.into_inner())
    }

    /// The Python exception: `casus.CasusError(field, reason, suggestions, kind)`.
    pub fn into_py_err(self, py: Python<'_>) -> PyErr {
        let class = match py
            .import("casus._errors")
            .and_then(|m| m.getattr("CasusError"))
        {
            Ok(class) => class,
            // The shim is missing (the module imported on its own): still a
            // ValueError with the whole message.
            Err(_) => {
                return pyo3::exceptions::PyValueError::new_err(format!(
                    "{}: {}",
                    self.field, self.reason
                ))
            }
        };
        match class.call1((self.field, self.reason, self.suggestions, self.kind)) {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        }
    }
}

impl From<ServiceError> for InputError {
    fn from(e: ServiceError) -> InputError {
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| "internal".to_string());
        InputError {
            field: e.field.name().to_string(),
            kind,
            reason: e.reason,
            suggestions: e.did_you_mean,
        }
    }
}
