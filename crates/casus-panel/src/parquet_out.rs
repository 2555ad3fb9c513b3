//! Parquet output: one file, or a Hive-partitioned directory
//! (`DIR/year=1990/part-0.parquet`, the year in the path and not in the
//! files) that Spark, DuckDB, polars and Arrow read as one table. Snappy
//! compression, one row group per 64 Ki-row batch, written as rows come.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::arrow_batches::{BatchSink, BatchTarget, BATCH_ROWS};
use crate::error::PanelError;
use crate::panel::{Panel, Progress, Row, RowSink, Time};
use crate::spec::Unit;

fn properties() -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_size(BATCH_ROWS)
        .build()
}

/// Batches into an Arrow Parquet writer.
pub struct ParquetTarget<W: Write + Send>(pub ArrowWriter<W>);

impl<W: Write + Send> BatchTarget for ParquetTarget<W> {
    fn batch(&mut self, batch: RecordBatch) -> Result<(), PanelError> {
        self.0.write(&batch)?;
        Ok(())
    }
}

/// Write the panel as one Parquet file to `out`; returns the rows.
pub fn write_parquet<W: Write + Send>(
    panel: &Panel,
    out: W,
    progress: Progress,
) -> Result<u64, PanelError> {
    let spec = panel.spec;
    let schema = crate::arrow_batches::schema(spec.unit, spec.columns, true);
    let writer = ArrowWriter::try_new(out, schema, Some(properties()))?;
    let mut sink = BatchSink::new(
        spec.unit,
        spec.columns,
        true,
        &panel.data.instruments,
        BATCH_ROWS,
        ParquetTarget(writer),
    );
    let rows = panel.write(&mut sink, progress)?;
    let ParquetTarget(writer) = sink.finish()?;
    writer.close()?;
    Ok(rows)
}

/// One year's file being written.
struct Open<'d> {
    year: i32,
    sink: BatchSink<'d, ParquetTarget<File>>,
}

/// A row sink writing `DIR/year=Y/part-0.parquet`, one year at a time
/// (rows of year and day panels come year by year).
pub struct PartitionSink<'d> {
    dir: PathBuf,
    unit: Unit,
    columns: crate::spec::Columns,
    instruments: &'d [String],
    open: Option<Open<'d>>,
}

impl<'d> PartitionSink<'d> {
    fn close(&mut self) -> Result<(), PanelError> {
        if let Some(o) = self.open.take() {
            let ParquetTarget(w) = o.sink.finish()?;
            w.close()?;
        }
        Ok(())
    }

    fn start(&mut self, year: i32) -> Result<(), PanelError> {
        self.close()?;
        let dir = self.dir.join(format!("year={year}"));
        std::fs::create_dir_all(&dir).map_err(|source| PanelError::Write {
            what: dir.display().to_string(),
            source,
        })?;
        let path = dir.join("part-0.parquet");
        let file = File::create(&path).map_err(|source| PanelError::Write {
            what: path.display().to_string(),
            source,
        })?;
        let schema = crate::arrow_batches::schema(self.unit, self.columns, false);
        let writer = ArrowWriter::try_new(file, schema, Some(properties()))?;
        self.open = Some(Open {
            year,
            sink: BatchSink::new(
                self.unit,
                self.columns,
                false,
                self.instruments,
                BATCH_ROWS,
                ParquetTarget(writer),
            ),
        });
        Ok(())
    }
}

impl RowSink for PartitionSink<'_> {
    fn row(&mut self, row: &Row<'_>) -> Result<(), PanelError> {
        let year = match row.time {
            Time::Year(y) => y,
            Time::Day(d) => crate::day::year_of(d),
            Time::Spell(s, _) => crate::day::year_of(s),
        };
        if self.open.as_ref().is_none_or(|o| o.year != year) {
            self.start(year)?;
        }
        match &mut self.open {
            Some(o) => o.sink.row(row),
            None => Ok(()),
        }
    }
}

/// Write the panel as a Hive-partitioned Parquet dataset into `dir` (which
/// must exist); returns the rows. Year and day panels only.
pub fn write_partitioned(panel: &Panel, dir: &Path, progress: Progress) -> Result<u64, PanelError> {
    let spec = panel.spec;
    if spec.unit == Unit::Spell {
        return Err(PanelError::Usage(
            "--partition-by year needs --unit year or day (a spell may span years)".into(),
        ));
    }
    let mut sink = PartitionSink {
        dir: dir.to_path_buf(),
        unit: spec.unit,
        columns: spec.columns,
        instruments: &panel.data.instruments,
        open: None,
    };
    let rows = panel.write(&mut sink, progress)?;
    sink.close()?;
    Ok(rows)
}
