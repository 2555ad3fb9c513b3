//! casus-panel: dyad panels of security commitments — dyad-year, dyad-day
//! and spell panels, directed or undirected, for pairs with an obligation or
//! for every pair of states in the COW state system — from a casus
//! knowledge base or from ATOP's member file, written as CSV or Parquet (one
//! file or a Hive-partitioned directory), or handed over as Arrow record
//! batches. No terminal code: the CLI (`casus panel`) and the Python package
//! call it. Rules and columns: docs/panel.md.
//!
//! ```no_run
//! use casus_panel::{load, record_batches, PanelSpec, Source};
//! let kb = casus_core::KnowledgeBase::embedded().unwrap();
//! let loaded = load(Source::Kb(&kb), false, None).unwrap();
//! let spec = PanelSpec::years(1990, 2026).unwrap();
//! let (schema, batches) = record_batches(&loaded.dataset, spec).unwrap();
//! ```

pub mod actors;
pub mod arrow_batches;
pub mod csv_writer;
pub mod dataset;
pub mod day;
pub mod error;
pub mod output;
pub mod panel;
pub mod parquet_out;
pub mod spec;
pub mod system;

use std::io::Write;
use std::path::Path;

pub use arrow_array::RecordBatch;
pub use arrow_schema::SchemaRef;
use casus_core::KnowledgeBase;
use casus_import::RowProblem;

pub use dataset::{Dataset, SourceKind, FLAGS};
pub use error::PanelError;
pub use panel::{Cell, Panel, Row, RowSink, Time};
pub use spec::{Bound, Columns, Direction, PanelSpec, Unit};
pub use system::StateSystem;

/// Where the obligations come from.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// The knowledge base in use.
    Kb(&'a KnowledgeBase),
    /// ATOP's member file (`atop5_1m.csv`, or a directory holding it);
    /// `kb`, when given, supplies ISO codes and the state system.
    Atop {
        path: &'a Path,
        kb: Option<&'a KnowledgeBase>,
    },
}

/// A dataset with the problems of the rows that could not be read.
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<RowProblem>,
}

/// Load a source. `all_pairs` loads the state system: from `cow`
/// (`states2016.csv` or `system2016.csv`) if given, else from the
/// knowledge base.
pub fn load(source: Source, all_pairs: bool, cow: Option<&Path>) -> Result<Loaded, PanelError> {
    let mut problems = Vec::new();
    let kb = match source {
        Source::Kb(kb) => Some(kb),
        Source::Atop { kb, .. } => kb,
    };
    let system = if !all_pairs {
        None
    } else if let Some(path) = cow {
        Some(StateSystem::from_cow_file(path, &mut problems)?)
    } else if let Some(kb) = kb {
        Some(StateSystem::from_kb(kb)?)
    } else {
        return Err(PanelError::NoStateSystem(
            "pass --cow states2016.csv or a knowledge base".into(),
        ));
    };
    let dataset = match source {
        Source::Kb(kb) => Dataset::from_kb(kb, system),
        Source::Atop { path, kb } => {
            let member_file = if path.is_dir() {
                path.join(casus_import::atop::MEMBER_FILE)
            } else {
                path.to_path_buf()
            };
            let members = casus_import::atop::read_members(&member_file, &mut problems)?;
            Dataset::from_atop(&members, kb, system)
        }
    };
    Ok(Loaded { dataset, problems })
}

fn no_progress(_: u64, _: u64) {}

/// The whole panel as Arrow record batches (of up to 64 Ki rows), with its
/// schema. Memory grows with the panel: for very large panels write
/// Parquet instead.
pub fn record_batches(
    data: &Dataset,
    spec: PanelSpec,
) -> Result<(SchemaRef, Vec<RecordBatch>), PanelError> {
    let panel = Panel::new(data, spec)?;
    let mut batches = Vec::new();
    let mut sink = arrow_batches::BatchSink::new(
        spec.unit,
        spec.columns,
        true,
        &data.instruments,
        arrow_batches::BATCH_ROWS,
        |b: RecordBatch| {
            batches.push(b);
            Ok(())
        },
    );
    let schema = sink.schema();
    panel.write(&mut sink, &mut no_progress)?;
    let _ = sink.finish()?;
    Ok((schema, batches))
}

/// Write the panel as CSV; returns the rows.
pub fn write_csv<W: Write>(
    data: &Dataset,
    spec: PanelSpec,
    out: W,
    progress: panel::Progress,
) -> Result<u64, PanelError> {
    let panel = Panel::new(data, spec)?;
    let mut sink = csv_writer::CsvWriter::new(out, spec.unit, spec.columns, &data.instruments)?;
    let rows = panel.write(&mut sink, progress)?;
    sink.finish()?;
    Ok(rows)
}
