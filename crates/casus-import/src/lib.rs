//! casus-import: reads the datasets people already use — ATOP 5.1 alliance
//! files and the COW State System Membership list — and turns them into a
//! casus knowledge base; regenerates ATOP's directed dyad-year table from the
//! member file and compares it with the published one.
//!
//! The crate knows nothing of terminals. Readers return rows plus the
//! problems of the rows they could not read ([`RowProblem`]: file, line,
//! column, reason); one bad row never stops an import. No ATOP or COW file is
//! shipped: the caller points at the copies the user downloaded.

pub mod atop;
pub mod coverage;
pub mod cow;
pub mod ddyr;
pub mod kbgen;
pub mod polities;
pub mod problem;
pub mod table;
pub mod toml_text;

pub use problem::{ImportError, RowProblem};
