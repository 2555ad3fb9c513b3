//! Errors crossing into Python: every refusal names the argument it is
//! about, the reason, and the names it might have meant, and is raised as
//! `casus.CasusError` (a `ValueError`), defined in `casus/_errors.py`.

use pyo3::prelude::*;

/// A request the library refused, with the Python argument it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    /// The keyword argument at fault (`attacker`, `on`, …), or `knowledge_base`
    /// when the data itself is broken.
    pub field: &'static str,
    pub reason: String,
    /// Names it may have meant, best first (empty when there is no guess).
    pub suggestions: Vec<String>,
}

impl InputError {
    pub fn new(field: &'static str, reason: impl ToString) -> InputError {
        InputError {
            field,
            reason: reason.to_string(),
            suggestions: Vec::new(),
        }
    }

    /// A query error from casus-core, keeping its suggestions.
    pub fn query(field: &'static str, error: casus_core::query::QueryError) -> InputError {
        let suggestions = match &error {
            casus_core::query::QueryError::Unknown { suggestions, .. } => suggestions.clone(),
            _ => Vec::new(),
        };
        InputError {
            field,
            reason: error.to_string(),
            suggestions,
        }
    }

    /// The Python exception: `casus.CasusError(field, reason, suggestions)`.
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
        match class.call1((self.field, self.reason, self.suggestions)) {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        }
    }
}
