//! Errors at the edge: each carries its exit code and prints as a readable
//! report on stderr.

use casus_core::Diagnostic;
use owo_colors::{OwoColorize, Stream};

#[derive(Debug)]
pub enum CliError {
    /// The user asked for something malformed or unknown (exit 2).
    Usage(String),
    /// The knowledge base or a data file is broken (exit 1).
    Data(String),
    /// The knowledge base has errors, listed (exit 1).
    Invalid(Vec<Diagnostic>),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Data(_) | CliError::Invalid(_) => 1,
        }
    }

    pub fn report(&self) {
        let label = "error:"
            .if_supports_color(Stream::Stderr, |s| s.red().bold().to_string())
            .to_string();
        match self {
            CliError::Usage(m) | CliError::Data(m) => eprintln!("{label} {m}"),
            CliError::Invalid(diags) => {
                for d in diags {
                    eprintln!("{}", crate::output::diagnostic_line(d));
                }
                let errors = diags
                    .iter()
                    .filter(|d| d.severity == casus_core::Severity::Error)
                    .count();
                eprintln!("{label} the knowledge base has {errors} error(s); nothing was answered");
            }
        }
    }
}

impl From<casus_core::query::QueryError> for CliError {
    fn from(e: casus_core::query::QueryError) -> Self {
        CliError::Usage(e.to_string())
    }
}

impl From<casus_core::time::DateError> for CliError {
    fn from(e: casus_core::time::DateError) -> Self {
        CliError::Usage(e.to_string())
    }
}

impl From<casus_core::kb::KbError> for CliError {
    fn from(e: casus_core::kb::KbError) -> Self {
        match e {
            casus_core::kb::KbError::Invalid(d) => CliError::Invalid(d.0),
            other => CliError::Data(other.to_string()),
        }
    }
}

impl From<casus_core::kb::ExportError> for CliError {
    fn from(e: casus_core::kb::ExportError) -> Self {
        match e {
            // The user named a directory that would be overwritten.
            casus_core::kb::ExportError::NotEmpty { .. } => CliError::Usage(e.to_string()),
            other => CliError::Data(other.to_string()),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Data(e.to_string())
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        CliError::Data(format!("cannot write JSON: {e}"))
    }
}

impl From<casus_service::ServiceError> for CliError {
    fn from(e: casus_service::ServiceError) -> Self {
        if e.kind.is_usage() {
            CliError::Usage(e.reason)
        } else {
            CliError::Data(e.reason)
        }
    }
}
