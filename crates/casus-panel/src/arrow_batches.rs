//! The panel as Arrow record batches: the schema of each unit and column
//! set, and a [`RowSink`] that fills column builders and hands a batch on
//! every `batch_rows` rows (to a Parquet writer, or to a caller that wants
//! the batches themselves, like the Python package).

use std::sync::Arc;

use arrow_array::builder::{
    Date32Builder, Int32Builder, StringBuilder, UInt16Builder, UInt8Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};

use crate::csv_writer::why_names;
use crate::dataset::FLAGS;
use crate::error::PanelError;
use crate::panel::{Row, RowSink, Time};
use crate::spec::{Columns, Unit};

/// Rows per batch by default.
pub const BATCH_ROWS: usize = 64 * 1024;

/// The schema of a panel. `with_year = false` leaves the `year` column out
/// (a Hive-partitioned year panel carries it in the directory name).
pub fn schema(unit: Unit, columns: Columns, with_year: bool) -> SchemaRef {
    let mut f = vec![
        Field::new("ccode1", DataType::UInt16, true),
        Field::new("ccode2", DataType::UInt16, true),
    ];
    match unit {
        Unit::Year if with_year => f.push(Field::new("year", DataType::Int32, false)),
        Unit::Year => {}
        Unit::Day => f.push(Field::new("date", DataType::Date32, false)),
        Unit::Spell => {
            f.push(Field::new("start", DataType::Date32, false));
            f.push(Field::new("end", DataType::Date32, false));
        }
    }
    for flag in FLAGS {
        f.push(Field::new(flag, DataType::UInt8, true));
    }
    if columns == Columns::Full {
        f.push(Field::new("iso1", DataType::Utf8, true));
        f.push(Field::new("iso2", DataType::Utf8, true));
        f.push(Field::new("instruments", DataType::UInt16, true));
        for flag in FLAGS {
            f.push(Field::new(format!("{flag}_ids"), DataType::Utf8, true));
        }
        for flag in FLAGS {
            f.push(Field::new(format!("{flag}_truth"), DataType::Utf8, true));
        }
        f.push(Field::new("why", DataType::Utf8, true));
    }
    Arc::new(Schema::new(f))
}

/// Where full batches go.
pub trait BatchTarget {
    fn batch(&mut self, batch: RecordBatch) -> Result<(), PanelError>;
}

impl<F: FnMut(RecordBatch) -> Result<(), PanelError>> BatchTarget for F {
    fn batch(&mut self, batch: RecordBatch) -> Result<(), PanelError> {
        self(batch)
    }
}

/// Fills Arrow builders row by row; hands each full batch to its target.
pub struct BatchSink<'d, F: BatchTarget> {
    schema: SchemaRef,
    unit: Unit,
    columns: Columns,
    with_year: bool,
    instruments: &'d [String],
    batch_rows: usize,
    len: usize,
    ccode: [UInt16Builder; 2],
    year: Int32Builder,
    dates: [Date32Builder; 2],
    flags: [UInt8Builder; 5],
    iso: [StringBuilder; 2],
    count: UInt16Builder,
    ids: [StringBuilder; 5],
    truth: [StringBuilder; 5],
    why: StringBuilder,
    text: String,
    on_batch: F,
}

impl<'d, F: BatchTarget> BatchSink<'d, F> {
    pub fn new(
        unit: Unit,
        columns: Columns,
        with_year: bool,
        instruments: &'d [String],
        batch_rows: usize,
        on_batch: F,
    ) -> Self {
        BatchSink {
            schema: schema(unit, columns, with_year),
            unit,
            columns,
            with_year,
            instruments,
            batch_rows: batch_rows.max(1),
            len: 0,
            ccode: Default::default(),
            year: Int32Builder::new(),
            dates: Default::default(),
            flags: Default::default(),
            iso: Default::default(),
            count: UInt16Builder::new(),
            ids: Default::default(),
            truth: Default::default(),
            why: StringBuilder::new(),
            text: String::new(),
            on_batch,
        }
    }

    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    /// Hand on the rows gathered so far as one batch (none if empty).
    pub fn flush(&mut self) -> Result<(), PanelError> {
        if self.len == 0 {
            return Ok(());
        }
        let mut cols: Vec<ArrayRef> = vec![
            Arc::new(self.ccode[0].finish()),
            Arc::new(self.ccode[1].finish()),
        ];
        match self.unit {
            Unit::Year if self.with_year => cols.push(Arc::new(self.year.finish())),
            Unit::Year => {}
            Unit::Day => cols.push(Arc::new(self.dates[0].finish())),
            Unit::Spell => {
                cols.push(Arc::new(self.dates[0].finish()));
                cols.push(Arc::new(self.dates[1].finish()));
            }
        }
        for b in &mut self.flags {
            cols.push(Arc::new(b.finish()));
        }
        if self.columns == Columns::Full {
            for b in &mut self.iso {
                cols.push(Arc::new(b.finish()));
            }
            cols.push(Arc::new(self.count.finish()));
            for b in &mut self.ids {
                cols.push(Arc::new(b.finish()));
            }
            for b in &mut self.truth {
                cols.push(Arc::new(b.finish()));
            }
            cols.push(Arc::new(self.why.finish()));
        }
        self.len = 0;
        let batch = RecordBatch::try_new(self.schema.clone(), cols)?;
        self.on_batch.batch(batch)
    }

    /// Flush the last batch and give back the target.
    pub fn finish(mut self) -> Result<F, PanelError> {
        self.flush()?;
        Ok(self.on_batch)
    }
}

impl<F: BatchTarget> RowSink for BatchSink<'_, F> {
    fn row(&mut self, row: &Row<'_>) -> Result<(), PanelError> {
        self.ccode[0].append_option(row.a1.ccode());
        self.ccode[1].append_option(row.a2.ccode());
        match row.time {
            Time::Year(y) => {
                if self.with_year {
                    self.year.append_value(y);
                }
            }
            Time::Day(d) => self.dates[0].append_value(d),
            Time::Spell(s, e) => {
                self.dates[0].append_value(s);
                self.dates[1].append_value(e);
            }
        }
        let cell = row.cell;
        for (k, b) in self.flags.iter_mut().enumerate() {
            b.append_option(cell.flag(k).map(u8::from));
        }
        if self.columns == Columns::Full {
            self.iso[0].append_option(row.iso1);
            self.iso[1].append_option(row.iso2);
            self.count
                .append_option((cell.covered || cell.instruments > 0).then_some(cell.instruments));
            for (k, b) in self.ids.iter_mut().enumerate() {
                if cell.ids[k].is_empty() {
                    b.append_null();
                } else {
                    self.text.clear();
                    for (n, i) in cell.ids[k].iter().enumerate() {
                        if n > 0 {
                            self.text.push(' ');
                        }
                        self.text.push_str(&self.instruments[*i as usize]);
                    }
                    b.append_value(&self.text);
                }
            }
            for (k, b) in self.truth.iter_mut().enumerate() {
                b.append_option(cell.truth_label(k));
            }
            if cell.why == 0 {
                self.why.append_null();
            } else {
                self.text.clear();
                for (n, w) in why_names(cell.why).enumerate() {
                    if n > 0 {
                        self.text.push(' ');
                    }
                    self.text.push_str(w);
                }
                self.why.append_value(&self.text);
            }
        }
        self.len += 1;
        if self.len >= self.batch_rows {
            self.flush()?;
        }
        Ok(())
    }
}
