//! The panel's typed errors, each saying whether the user asked for
//! something impossible (a usage error: the CLI exits 2) or a file or
//! writer failed (exit 1).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum PanelError {
    /// A bad request: the range, unit, format or an option combination.
    #[error("{0}")]
    Usage(String),
    /// `--all-pairs` without the state-system dates it needs.
    #[error("--all-pairs needs the COW state system: {0}")]
    NoStateSystem(String),
    /// The output exists and `--force` was not given.
    #[error("{} already exists; pass --force to replace it", .0.display())]
    OutputExists(PathBuf),
    /// The output cannot be created where asked.
    #[error("cannot write {}: {source}", .path.display())]
    Unwritable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Writing failed after the output was opened (disk full, a closed pipe).
    #[error("writing {what} failed: {source}")]
    Write {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Import(#[from] casus_import::ImportError),
    #[error("Arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

impl PanelError {
    /// Whether the user can fix it by changing the command line (exit 2).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            PanelError::Usage(_)
                | PanelError::NoStateSystem(_)
                | PanelError::OutputExists(_)
                | PanelError::Unwritable { .. }
        )
    }
}
