//! Per-request caps. The CLI runs with the loosest ([`Limits::cli`]); the
//! server with [`Limits::default`], which keeps one request well under a
//! second of CPU.

/// Caps on one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most Monte Carlo runs per escalation request.
    pub max_runs: u64,
    /// Most names in one list (attackers, defenders, supports, edits).
    pub max_names: usize,
    /// Most characters in one text input (a name, a date, coordinates).
    pub max_input_chars: usize,
    /// Most bytes of a scenario document.
    pub max_scenario_bytes: usize,
    /// Most results of a name search.
    pub max_search_results: usize,
}

impl Default for Limits {
    /// The server's caps.
    fn default() -> Limits {
        Limits {
            max_runs: 100_000,
            max_names: 32,
            max_input_chars: 200,
            max_scenario_bytes: 64 * 1024,
            max_search_results: 50,
        }
    }
}

impl Limits {
    /// The command line's caps: Monte Carlo up to
    /// `casus_escalate::montecarlo::MAX_RUNS`, scenario files up to
    /// `casus_core::limits::MAX_SCENARIO_FILE_BYTES`, no other cap beyond
    /// what the engine enforces.
    pub fn cli() -> Limits {
        Limits {
            max_runs: casus_escalate::montecarlo::MAX_RUNS,
            max_names: usize::MAX,
            max_input_chars: usize::MAX,
            max_scenario_bytes: usize::try_from(casus_core::limits::MAX_SCENARIO_FILE_BYTES)
                .unwrap_or(usize::MAX),
            max_search_results: 1000,
        }
    }
}

use crate::{Field, ServiceError};

impl Limits {
    /// Refuse a text input longer than [`Limits::max_input_chars`].
    pub fn check_text(&self, field: Field, input: &str) -> Result<(), ServiceError> {
        if input.chars().count() > self.max_input_chars {
            return Err(ServiceError::too_large(
                field,
                format!(
                    "{} is longer than {} characters",
                    field.name(),
                    self.max_input_chars
                ),
            ));
        }
        Ok(())
    }

    /// Refuse a list longer than [`Limits::max_names`], or with an item
    /// longer than [`Limits::max_input_chars`].
    pub fn check_list(&self, field: Field, items: &[String]) -> Result<(), ServiceError> {
        if items.len() > self.max_names {
            return Err(ServiceError::too_large(
                field,
                format!(
                    "{} names {} items; at most {} are allowed",
                    field.name(),
                    items.len(),
                    self.max_names
                ),
            ));
        }
        items.iter().try_for_each(|i| self.check_text(field, i))
    }
}
