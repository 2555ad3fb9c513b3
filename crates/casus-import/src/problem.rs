//! What can go wrong while importing: a whole file that cannot be used
//! ([`ImportError`]) or one row that cannot be read ([`RowProblem`]), which is
//! reported and skipped while the rest is imported.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// One row that could not be read, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// The file, as the user named it.
    pub file: String,
    /// The 1-based line the row starts on (the header is line 1).
    pub line: u64,
    /// The column at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub reason: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if let Some(c) = &self.column {
            write!(f, "column {c}: ")?;
        }
        write!(f, "{}; row skipped", self.reason)
    }
}

/// A file that cannot be used at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read {path} as CSV: {source}")]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error("{path} has no column {column:?}; is this the right file ({expected})?")]
    MissingColumn {
        path: PathBuf,
        column: String,
        expected: &'static str,
    },
    #[error(transparent)]
    File(#[from] casus_core::limits::FileError),
    #[error("{path} is not a directory: expected the directory holding the ATOP 5.1 CSV files")]
    NotADirectory { path: PathBuf },
    #[error("{path} not found; expected {expected}")]
    MissingFile {
        path: PathBuf,
        expected: &'static str,
    },
    #[error(
        "{path} has no readable rows ({problems} problem(s)); is this the right file ({expected})?"
    )]
    NoRows {
        path: PathBuf,
        problems: usize,
        expected: &'static str,
    },
}
