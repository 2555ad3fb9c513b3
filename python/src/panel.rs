//! `casus.panel`: a dyad panel from `casus-panel`, written batch by batch
//! into one Arrow IPC stream in memory (no CSV, no second copy of the
//! batches), which the shim opens with `pyarrow.ipc.open_stream` over the
//! buffer `ArrowStream` lends it.

use std::path::PathBuf;
use std::str::FromStr;

use arrow_ipc::writer::StreamWriter;
use casus_core::KnowledgeBase;
use casus_panel::arrow_batches::{schema, BatchSink, BATCH_ROWS};
use casus_panel::{
    load, Bound, Columns, Direction, Panel, PanelError, PanelSpec, RecordBatch, Source, Unit,
};

use crate::errors::InputError;

/// The arguments of `casus.panel`, as the user gave them (bounds as text:
/// a year `1990` or a day `1990-06-01`).
pub struct PanelRequest {
    pub start: String,
    pub end: String,
    pub unit: String,
    pub directed: bool,
    pub all_pairs: bool,
    pub columns: String,
    /// ATOP's member file (or its directory) instead of the knowledge base.
    pub atop: Option<PathBuf>,
    /// COW's `system2016.csv`/`states2016.csv` for the state system.
    pub cow: Option<PathBuf>,
}

impl PanelRequest {
    fn spec(&self) -> Result<PanelSpec, InputError> {
        let bound = |field: &str, text: &str| {
            Bound::from_str(text).map_err(|e| InputError::new(field, "malformed", e))
        };
        let spec = PanelSpec {
            from: bound("start", &self.start)?,
            to: bound("end", &self.end)?,
            unit: Unit::from_str(&self.unit)
                .map_err(|e| InputError::new("unit", "malformed", e))?,
            direction: if self.directed {
                Direction::Directed
            } else {
                Direction::Undirected
            },
            all_pairs: self.all_pairs,
            columns: Columns::from_str(&self.columns)
                .map_err(|e| InputError::new("columns", "malformed", e))?,
        };
        if spec.days().is_err() {
            return Err(InputError::new(
                "end",
                "conflict",
                format!(
                    "start {} is after end {}: the period ends before it starts",
                    self.start, self.end
                ),
            ));
        }
        Ok(spec)
    }
}

/// The panel as Arrow IPC stream bytes.
pub fn ipc_stream(kb: &KnowledgeBase, request: &PanelRequest) -> Result<Vec<u8>, InputError> {
    let spec = request.spec()?;
    let source = match &request.atop {
        Some(path) => Source::Atop { path, kb: Some(kb) },
        None => Source::Kb(kb),
    };
    let loaded = load(source, spec.all_pairs, request.cow.as_deref()).map_err(|e| {
        let field = match &e {
            PanelError::NoStateSystem(_) => "all_pairs",
            PanelError::Import(_) if request.atop.is_some() => "atop",
            PanelError::Import(_) | PanelError::Unwritable { .. } => "cow",
            _ => "internal",
        };
        panel_error(field, e)
    })?;
    let data = &loaded.dataset;
    let panel = Panel::new(data, spec).map_err(|e| panel_error("request", e))?;
    let mut writer = StreamWriter::try_new(Vec::new(), &schema(spec.unit, spec.columns, true))
        .map_err(arrow_error)?;
    let mut sink = BatchSink::new(
        spec.unit,
        spec.columns,
        true,
        &data.instruments,
        BATCH_ROWS,
        |batch: RecordBatch| writer.write(&batch).map_err(PanelError::from),
    );
    panel
        .write(&mut sink, &mut |_, _| {})
        .map_err(|e| panel_error("internal", e))?;
    // `finish` flushes the last batch and hands back the closure (done with).
    let _done_with = sink.finish().map_err(|e| panel_error("internal", e))?;
    writer.finish().map_err(arrow_error)?;
    writer.into_inner().map_err(arrow_error)
}

fn panel_error(field: &str, e: PanelError) -> InputError {
    let kind = match &e {
        PanelError::Usage(_) => "malformed",
        PanelError::NoStateSystem(_) => "conflict",
        PanelError::Import(_) => "document",
        _ => "internal",
    };
    InputError::new(field, kind, e)
}

fn arrow_error(e: arrow_schema::ArrowError) -> InputError {
    InputError::new("internal", "internal", format!("Arrow: {e}"))
}
