//! Reading a CSV file by column name: header lookup, line numbers, and typed
//! cells whose failures become [`RowProblem`]s naming file, line and column.
//! CRLF and LF line endings both work; empty cells are missing values.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use crate::problem::{ImportError, RowProblem};

/// An open CSV file whose required columns are all present.
pub struct Table {
    name: String,
    columns: HashMap<String, usize>,
    width: usize,
    /// Byte offsets of every `\n`, to turn a record's offset into its line
    /// (the csv crate counts CRLF files' lines differently).
    newlines: Vec<usize>,
    reader: csv::Reader<Cursor<Vec<u8>>>,
}

/// A UTF-16 file: its byte-order mark, or NUL bytes in every other place
/// of the first characters (ASCII text in UTF-16 without a mark).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(64)];
    head.len() >= 4
        && (head.iter().skip(1).step_by(2).all(|b| *b == 0)
            || head.iter().step_by(2).all(|b| *b == 0))
}

impl Table {
    /// Open `path` and check that every column in `required` is in its header.
    /// `expected` names the file for error messages ("ATOP 5.1 member file").
    pub fn open(
        path: &Path,
        required: &[&str],
        expected: &'static str,
    ) -> Result<Table, ImportError> {
        casus_core::limits::check_regular_file(
            path,
            expected,
            casus_core::limits::MAX_IMPORT_FILE_BYTES,
        )
        .map_err(|e| match e {
            casus_core::limits::FileError::NotFound { .. } => ImportError::MissingFile {
                path: path.into(),
                expected,
            },
            other => ImportError::File(other),
        })?;
        let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
            path: path.into(),
            source,
        })?;
        if looks_like_utf16(&bytes) {
            return Err(ImportError::File(casus_core::limits::FileError::Utf16 {
                what: expected,
                path: path.into(),
            }));
        }
        let newlines = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i)
            .collect();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(Cursor::new(bytes));
        let headers = reader.headers().map_err(|source| ImportError::Csv {
            path: path.into(),
            source,
        })?;
        let columns: HashMap<String, usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().trim_start_matches('\u{feff}').to_string(), i))
            .collect();
        let width = headers.len();
        for c in required {
            if !columns.contains_key(*c) {
                return Err(ImportError::MissingColumn {
                    path: path.into(),
                    column: (*c).to_string(),
                    expected,
                });
            }
        }
        Ok(Table {
            name: path.display().to_string(),
            columns,
            width,
            newlines,
            reader,
        })
    }

    /// The index of a column (present: checked on open).
    pub fn index(&self, column: &str) -> Option<usize> {
        self.columns.get(column).copied()
    }

    /// Check that `columns` are all present (after [`Table::open`] when
    /// which columns are needed depends on the header).
    pub fn require(&self, columns: &[&str], expected: &'static str) -> Result<(), ImportError> {
        for c in columns {
            if !self.columns.contains_key(*c) {
                return Err(ImportError::MissingColumn {
                    path: self.name.clone().into(),
                    column: (*c).to_string(),
                    expected,
                });
            }
        }
        Ok(())
    }

    pub fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&self, offset: u64) -> u64 {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        // In CRLF files a record may be reported from the `\n` that ends the
        // previous line, so a newline at `offset` itself is counted.
        self.newlines.partition_point(|&n| n <= offset) as u64 + 1
    }

    /// Call `f` on every row; a row `f` rejects, or that has the wrong number
    /// of cells or is not valid CSV/UTF-8, is pushed to `problems`.
    pub fn rows<T>(
        mut self,
        problems: &mut Vec<RowProblem>,
        mut f: impl FnMut(&Row<'_>) -> Result<T, RowProblem>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        let mut record = csv::StringRecord::new();
        loop {
            let line_hint = self.line_of(self.reader.position().byte());
            match self.reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    let line = record
                        .position()
                        .map(|p| self.line_of(p.byte()))
                        .unwrap_or(line_hint);
                    if record.len() != self.width {
                        problems.push(RowProblem {
                            file: self.name.clone(),
                            line,
                            column: None,
                            reason: format!(
                                "expected {} cells, found {}",
                                self.width,
                                record.len()
                            ),
                        });
                        continue;
                    }
                    let row = Row {
                        table: &self.name,
                        columns: &self.columns,
                        record: &record,
                        line,
                    };
                    match f(&row) {
                        Ok(v) => out.push(v),
                        Err(p) => problems.push(p),
                    }
                }
                Err(e) => {
                    let line = e
                        .position()
                        .map(|p| self.line_of(p.byte()))
                        .unwrap_or(line_hint);
                    problems.push(RowProblem {
                        file: self.name.clone(),
                        line,
                        column: None,
                        reason: format!("unreadable row: {e}"),
                    });
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        break;
                    }
                }
            }
        }
        out
    }
}

/// One row of a [`Table`].
pub struct Row<'a> {
    table: &'a str,
    columns: &'a HashMap<String, usize>,
    record: &'a csv::StringRecord,
    pub line: u64,
}

impl Row<'_> {
    /// A problem at this row, in `column`.
    pub fn problem(&self, column: &str, reason: impl Into<String>) -> RowProblem {
        RowProblem {
            file: self.table.to_string(),
            line: self.line,
            column: Some(column.to_string()),
            reason: reason.into(),
        }
    }

    /// The trimmed text of a cell ("" if the column is absent).
    pub fn text(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .map(|i| self.text_at(*i))
            .unwrap_or("")
    }

    /// The trimmed text of the cell at `index` (from [`Table::index`]).
    pub fn text_at(&self, index: usize) -> &str {
        self.record.get(index).map(str::trim).unwrap_or("")
    }

    /// An integer cell; empty is `None`. Stata-style "12.0" is accepted.
    pub fn opt_int(&self, column: &str) -> Result<Option<i64>, RowProblem> {
        self.parse_int(self.text(column), column)
    }

    fn parse_int(&self, t: &str, column: &str) -> Result<Option<i64>, RowProblem> {
        if t.is_empty() || t == "NA" || t == "." {
            return Ok(None);
        }
        let t = t.strip_suffix(".0").unwrap_or(t);
        t.parse::<i64>()
            .map(Some)
            .map_err(|_| self.problem(column, format!("{t:?} is not a whole number")))
    }

    /// The integer cell at `index`, named `column` in problems, within `lo..=hi`.
    pub fn int_at(&self, index: usize, column: &str, lo: i64, hi: i64) -> Result<i64, RowProblem> {
        let v = self
            .parse_int(self.text_at(index), column)?
            .ok_or_else(|| self.problem(column, "empty; a number is required"))?;
        if v < lo || v > hi {
            return Err(self.problem(column, format!("{v} is outside {lo}..={hi}")));
        }
        Ok(v)
    }

    /// The 0/1 flag at `index`, named `column` in problems (empty is 0).
    pub fn flag_at(&self, index: usize, column: &str) -> Result<bool, RowProblem> {
        match self.parse_int(self.text_at(index), column)? {
            None | Some(0) => Ok(false),
            Some(1) => Ok(true),
            Some(v) => Err(self.problem(column, format!("{v} is not a 0/1 flag"))),
        }
    }

    /// A required integer cell.
    pub fn int(&self, column: &str) -> Result<i64, RowProblem> {
        self.opt_int(column)?
            .ok_or_else(|| self.problem(column, "empty; a number is required"))
    }

    /// An integer cell within `lo..=hi`.
    pub fn int_in(&self, column: &str, lo: i64, hi: i64) -> Result<i64, RowProblem> {
        let v = self.int(column)?;
        if v < lo || v > hi {
            return Err(self.problem(column, format!("{v} is outside {lo}..={hi}")));
        }
        Ok(v)
    }

    /// A 0/1 flag; empty counts as 0 (ATOP leaves inapplicable flags empty).
    pub fn flag(&self, column: &str) -> Result<bool, RowProblem> {
        match self.opt_int(column)? {
            None | Some(0) => Ok(false),
            Some(1) => Ok(true),
            Some(v) => Err(self.problem(column, format!("{v} is not a 0/1 flag"))),
        }
    }
}
