//! The CSV writer: hand-formatted rows (integers with `itoa`, dates with
//! `day::push_iso`) into a 256 KiB buffer, flushed to any `Write`. It is the
//! hot path of the all-pairs panel, so nothing in it allocates per row.

use std::io::Write;

use crate::dataset::{why, FLAGS};
use crate::error::PanelError;
use crate::panel::{Row, RowSink, Time};
use crate::spec::{Columns, Unit};

const FLUSH_AT: usize = 256 * 1024;

/// Writes rows as CSV (RFC 4180; empty cell = missing).
pub struct CsvWriter<'d, W: Write> {
    out: W,
    buf: Vec<u8>,
    columns: Columns,
    instruments: &'d [String],
    /// Some instrument id needs quoting (a comma, quote or space in it).
    quote_ids: bool,
}

/// The header of a panel of `unit` with `columns`.
pub fn header(unit: Unit, columns: Columns) -> Vec<String> {
    let mut h: Vec<String> = vec!["ccode1".into(), "ccode2".into()];
    match unit {
        Unit::Year => h.push("year".into()),
        Unit::Day => h.push("date".into()),
        Unit::Spell => {
            h.push("start".into());
            h.push("end".into());
        }
    }
    h.extend(FLAGS.iter().map(|f| f.to_string()));
    if columns == Columns::Full {
        h.push("iso1".into());
        h.push("iso2".into());
        h.push("instruments".into());
        h.extend(FLAGS.iter().map(|f| format!("{f}_ids")));
        h.extend(FLAGS.iter().map(|f| format!("{f}_truth")));
        h.push("why".into());
    }
    h
}

/// The names of the `why` bits set, space-separated.
pub fn why_names(bits: u8) -> impl Iterator<Item = &'static str> {
    why::NAMES
        .iter()
        .filter(move |(b, _)| bits & b != 0)
        .map(|(_, n)| *n)
}

impl<'d, W: Write> CsvWriter<'d, W> {
    /// A writer; writes the header at once.
    pub fn new(
        out: W,
        unit: Unit,
        columns: Columns,
        instruments: &'d [String],
    ) -> Result<Self, PanelError> {
        let quote_ids = instruments
            .iter()
            .any(|i| i.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')));
        let mut w = CsvWriter {
            out,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            columns,
            instruments,
            quote_ids,
        };
        w.buf
            .extend_from_slice(header(unit, columns).join(",").as_bytes());
        w.buf.push(b'\n');
        Ok(w)
    }

    fn flush_buf(&mut self) -> Result<(), PanelError> {
        self.out
            .write_all(&self.buf)
            .map_err(|source| PanelError::Write {
                what: "the CSV output".into(),
                source,
            })?;
        self.buf.clear();
        Ok(())
    }

    /// Flush and return the inner writer.
    pub fn finish(mut self) -> Result<W, PanelError> {
        self.flush_buf()?;
        self.out.flush().map_err(|source| PanelError::Write {
            what: "the CSV output".into(),
            source,
        })?;
        Ok(self.out)
    }
}

fn push_int(buf: &mut Vec<u8>, n: impl itoa::Integer) {
    let mut b = itoa::Buffer::new();
    buf.extend_from_slice(b.format(n).as_bytes());
}

impl<W: Write> RowSink for CsvWriter<'_, W> {
    fn row(&mut self, row: &Row<'_>) -> Result<(), PanelError> {
        let buf = &mut self.buf;
        if let Some(c) = row.a1.ccode() {
            push_int(buf, c);
        }
        buf.push(b',');
        if let Some(c) = row.a2.ccode() {
            push_int(buf, c);
        }
        buf.push(b',');
        match row.time {
            Time::Year(y) => push_int(buf, y),
            Time::Day(d) => crate::day::push_iso(buf, d),
            Time::Spell(s, e) => {
                crate::day::push_iso(buf, s);
                buf.push(b',');
                crate::day::push_iso(buf, e);
            }
        }
        let cell = row.cell;
        for k in 0..5 {
            buf.push(b',');
            match cell.flag(k) {
                Some(true) => buf.push(b'1'),
                Some(false) => buf.push(b'0'),
                None => {}
            }
        }
        if self.columns == Columns::Full {
            for iso in [row.iso1, row.iso2] {
                buf.push(b',');
                if let Some(s) = iso {
                    buf.extend_from_slice(s.as_bytes());
                }
            }
            buf.push(b',');
            if cell.covered || cell.instruments > 0 {
                push_int(buf, cell.instruments);
            }
            for ids in &cell.ids {
                buf.push(b',');
                if self.quote_ids && !ids.is_empty() {
                    buf.push(b'"');
                }
                for (n, i) in ids.iter().enumerate() {
                    if n > 0 {
                        buf.push(b' ');
                    }
                    let name = self.instruments[*i as usize].as_bytes();
                    if self.quote_ids {
                        for b in name {
                            if *b == b'"' {
                                buf.push(b'"');
                            }
                            buf.push(*b);
                        }
                    } else {
                        buf.extend_from_slice(name);
                    }
                }
                if self.quote_ids && !ids.is_empty() {
                    buf.push(b'"');
                }
            }
            for k in 0..5 {
                buf.push(b',');
                if let Some(t) = cell.truth_label(k) {
                    buf.extend_from_slice(t.as_bytes());
                }
            }
            buf.push(b',');
            for (n, w) in why_names(cell.why).enumerate() {
                if n > 0 {
                    buf.push(b' ');
                }
                buf.extend_from_slice(w.as_bytes());
            }
        }
        buf.push(b'\n');
        if self.buf.len() >= FLUSH_AT {
            self.flush_buf()?;
        }
        Ok(())
    }
}
