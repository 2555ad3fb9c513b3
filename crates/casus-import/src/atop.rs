//! ATOP 5.1 readers: the member file (`atop5_1m.csv`, one row per member per
//! alliance phase), the alliance file (`atop5_1a.csv`) and the optional
//! alliance-phase file (`atop5_1aph.csv`).
//!
//! Dates follow ATOP's conventions (codebook v5.1): entry dates are signature
//! dates; an exit year of 0 means still in force at the end of ATOP's
//! coverage (2018-12-31) and becomes an open end; an empty day cell keeps the
//! date at month precision, an empty or 0 month at year precision. Nothing is
//! padded.

use std::collections::BTreeMap;
use std::path::Path;

use casus_core::FuzzyDate;

use crate::problem::{ImportError, RowProblem};
use crate::table::{Row, Table};

/// The member file's name inside an ATOP 5.1 download.
pub const MEMBER_FILE: &str = "atop5_1m.csv";
/// The alliance-level file.
pub const ALLIANCE_FILE: &str = "atop5_1a.csv";
/// The alliance-phase file (optional).
pub const PHASE_FILE: &str = "atop5_1aph.csv";
/// The last day ATOP 5.1 covers; an exit of 0 means "in force then".
pub const COVERAGE_END_YEAR: i16 = 2018;

/// The five obligation kinds ATOP codes, in ATOP's column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Obligation {
    Defense,
    Offense,
    Neutral,
    Nonagg,
    Consul,
}

impl Obligation {
    pub const ALL: [Obligation; 5] = [
        Obligation::Defense,
        Obligation::Offense,
        Obligation::Neutral,
        Obligation::Nonagg,
        Obligation::Consul,
    ];

    /// ATOP's column name.
    pub fn column(self) -> &'static str {
        match self {
            Obligation::Defense => "defense",
            Obligation::Offense => "offense",
            Obligation::Neutral => "neutral",
            Obligation::Nonagg => "nonagg",
            Obligation::Consul => "consul",
        }
    }

    /// The provision kind in the casus knowledge-base format.
    pub fn kb_kind(self) -> &'static str {
        match self {
            Obligation::Defense => "defense",
            Obligation::Offense => "offense",
            Obligation::Neutral => "neutrality",
            Obligation::Nonagg => "non_aggression",
            Obligation::Consul => "consultation",
        }
    }

    /// The condition flags ATOP codes for this obligation.
    pub fn condition_flags(self) -> &'static [&'static str] {
        match self {
            Obligation::Defense => &[
                "defcoadv", "defcoloc", "defcocon", "defconum", "defcodem", "defconpr",
            ],
            Obligation::Offense => &["offcoadv", "offcoloc", "offcocon", "offconum", "offcodem"],
            Obligation::Neutral => &[
                "neucoadv", "neucoloc", "neucocon", "neuconum", "neucodem", "neuconpr", "neucoatt",
            ],
            Obligation::Nonagg => &[],
            Obligation::Consul => &["concoadv", "concoloc", "concocon", "concoreq"],
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Which of the five obligations a row carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Obligations(pub [bool; 5]);

impl Obligations {
    pub fn has(&self, o: Obligation) -> bool {
        self.0[o.index()]
    }
}

/// One row of the member file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub line: u64,
    pub atopid: u32,
    /// COW state code.
    pub member: u16,
    /// 0 for single-phase alliances, else 1..=maxphase.
    pub phase: u8,
    /// Signature date (the member's entry into this phase).
    pub entry: FuzzyDate,
    /// `None`: still in force at the end of 2018.
    pub exit: Option<FuzzyDate>,
    pub obligations: Obligations,
    /// The condition flags set on this row (`defcoloc`, …).
    pub conditions: Vec<&'static str>,
    /// Alliance-level: obligations differ between members.
    pub asymm: bool,
    /// Member-level: this member owes different things to different partners.
    pub obvary: bool,
}

impl MemberRow {
    /// The first and last calendar year of the row (an open end is 2018).
    pub fn years(&self) -> (i16, i16) {
        (
            self.entry.year(),
            self.exit.map(|d| d.year()).unwrap_or(COVERAGE_END_YEAR),
        )
    }
}

/// One row of the alliance file (the fields the importer uses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllianceRow {
    pub line: u64,
    pub atopid: u32,
    pub begin: FuzzyDate,
    pub end: Option<FuzzyDate>,
    pub bilat: bool,
    pub asymm: bool,
    pub maxphase: u8,
    /// COW codes of the threat states ATOP names (`statthr1`, `statthr2`).
    pub threats: Vec<u16>,
}

/// One row of the alliance-phase file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseRow {
    pub line: u64,
    pub atopid: u32,
    pub phase: u8,
    pub begin: FuzzyDate,
    pub end: Option<FuzzyDate>,
}

/// Everything read from an ATOP directory, with the rows that were skipped.
#[derive(Debug, Default)]
pub struct AtopData {
    pub members: Vec<MemberRow>,
    pub alliances: BTreeMap<u32, AllianceRow>,
    pub phases: BTreeMap<(u32, u8), PhaseRow>,
    /// Whether the phase file was present.
    pub has_phase_file: bool,
    pub problems: Vec<RowProblem>,
}

/// Read an ATOP date from three columns. `open_zero`: a year of 0 means
/// "no end" (`Ok(None)`).
pub fn read_date(
    row: &Row<'_>,
    [y, m, d]: [&str; 3],
    open_zero: bool,
) -> Result<Option<FuzzyDate>, RowProblem> {
    let year = row.int(y)?;
    if year == 0 && open_zero {
        return Ok(None);
    }
    if !(1000..=2100).contains(&year) {
        return Err(row.problem(y, format!("year {year} is out of range")));
    }
    let month = row.opt_int(m)?.filter(|v| *v != 0);
    let day = row.opt_int(d)?.filter(|v| *v != 0);
    let text = match (month, day) {
        (None, _) => format!("{year:04}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
    };
    let column = match (month, day) {
        (Some(_), Some(_)) => d,
        (Some(_), None) => m,
        (None, _) => y,
    };
    if month.is_some_and(|v| !(1..=12).contains(&v)) {
        return Err(row.problem(m, format!("month {} is not 1..=12", month.unwrap_or(0))));
    }
    text.parse::<FuzzyDate>()
        .map(Some)
        .map_err(|e| row.problem(column, e.reason))
}

fn code(row: &Row<'_>, column: &str) -> Result<u16, RowProblem> {
    Ok(row.int_in(column, 1, 9999)? as u16)
}

const MEMBER_COLUMNS: &[&str] = &[
    "atopid", "member", "phase", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit",
    "defense", "offense", "neutral", "nonagg", "consul", "asymm", "obvary",
];

/// Read the member file.
pub fn read_members(
    path: &Path,
    problems: &mut Vec<RowProblem>,
) -> Result<Vec<MemberRow>, ImportError> {
    let table = Table::open(
        path,
        MEMBER_COLUMNS,
        "the ATOP 5.1 member file atop5_1m.csv",
    )?;
    let flag_columns: Vec<&'static str> = Obligation::ALL
        .iter()
        .flat_map(|o| o.condition_flags().iter().copied())
        .filter(|c| table.has(c))
        .collect();
    let rows = table.rows(problems, |row| {
        let atopid = row.int_in("atopid", 1, 99_999)? as u32;
        let member = code(row, "member")?;
        let phase = row.int_in("phase", 0, 99)? as u8;
        let entry = read_date(row, ["yrent", "moent", "dayent"], false)?
            .ok_or_else(|| row.problem("yrent", "empty entry year"))?;
        let exit = read_date(row, ["yrexit", "moexit", "dayexit"], true)?;
        if let Some(x) = exit {
            if x.latest() < entry.earliest() {
                return Err(row.problem("yrexit", format!("exit {x} is before entry {entry}")));
            }
        }
        let mut obligations = Obligations::default();
        for o in Obligation::ALL {
            obligations.0[o.index()] = row.flag(o.column())?;
        }
        let mut conditions = Vec::new();
        for c in &flag_columns {
            if row.flag(c)? {
                conditions.push(*c);
            }
        }
        Ok(MemberRow {
            line: row.line,
            atopid,
            member,
            phase,
            entry,
            exit,
            obligations,
            conditions,
            asymm: row.flag("asymm")?,
            obvary: row.flag("obvary")?,
        })
    });
    Ok(rows)
}

const ALLIANCE_COLUMNS: &[&str] = &[
    "atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday", "bilat", "asymm", "maxphase",
];

fn threats(row: &Row<'_>) -> Result<Vec<u16>, RowProblem> {
    let mut out = Vec::new();
    for c in ["statthr1", "statthr2"] {
        if let Some(v) = row.opt_int(c)? {
            if (1..=9999).contains(&v) {
                out.push(v as u16);
            }
        }
    }
    Ok(out)
}

/// Read the alliance file.
pub fn read_alliances(
    path: &Path,
    problems: &mut Vec<RowProblem>,
) -> Result<BTreeMap<u32, AllianceRow>, ImportError> {
    let table = Table::open(
        path,
        ALLIANCE_COLUMNS,
        "the ATOP 5.1 alliance file atop5_1a.csv",
    )?;
    let rows = table.rows(problems, |row| {
        let begin = read_date(row, ["begyr", "begmo", "begday"], false)?
            .ok_or_else(|| row.problem("begyr", "empty begin year"))?;
        Ok(AllianceRow {
            line: row.line,
            atopid: row.int_in("atopid", 1, 99_999)? as u32,
            begin,
            end: read_date(row, ["endyr", "endmo", "endday"], true)?,
            bilat: row.flag("bilat")?,
            asymm: row.flag("asymm")?,
            maxphase: row.int_in("maxphase", 0, 99)? as u8,
            threats: threats(row)?,
        })
    });
    Ok(rows.into_iter().map(|r| (r.atopid, r)).collect())
}

/// Read the alliance-phase file.
pub fn read_phases(
    path: &Path,
    problems: &mut Vec<RowProblem>,
) -> Result<BTreeMap<(u32, u8), PhaseRow>, ImportError> {
    let mut cols = ALLIANCE_COLUMNS.to_vec();
    cols.push("phase");
    let table = Table::open(
        path,
        &cols,
        "the ATOP 5.1 alliance-phase file atop5_1aph.csv",
    )?;
    let rows = table.rows(problems, |row| {
        let begin = read_date(row, ["begyr", "begmo", "begday"], false)?
            .ok_or_else(|| row.problem("begyr", "empty begin year"))?;
        Ok(PhaseRow {
            line: row.line,
            atopid: row.int_in("atopid", 1, 99_999)? as u32,
            phase: row.int_in("phase", 0, 99)? as u8,
            begin,
            end: read_date(row, ["endyr", "endmo", "endday"], true)?,
        })
    });
    Ok(rows.into_iter().map(|r| ((r.atopid, r.phase), r)).collect())
}

/// Read an ATOP 5.1 directory: the member and alliance files are required,
/// the phase file is used when present.
pub fn read_dir(dir: &Path) -> Result<AtopData, ImportError> {
    if dir.exists() && !dir.is_dir() {
        return Err(ImportError::NotADirectory { path: dir.into() });
    }
    let mut data = AtopData::default();
    let members_path = dir.join(MEMBER_FILE);
    data.members = read_members(&members_path, &mut data.problems)?;
    if data.members.is_empty() {
        return Err(ImportError::NoRows {
            path: members_path,
            problems: data.problems.len(),
            expected: "the ATOP 5.1 member file atop5_1m.csv",
        });
    }
    data.alliances = read_alliances(&dir.join(ALLIANCE_FILE), &mut data.problems)?;
    let phase_path = dir.join(PHASE_FILE);
    if phase_path.is_file() {
        data.phases = read_phases(&phase_path, &mut data.problems)?;
        data.has_phase_file = true;
    }
    Ok(data)
}

/// ATOP's alliance ids: four digits (ATOP 5.1 uses 1005 to 7050).
pub const ATOPID_RANGE: std::ops::RangeInclusive<u32> = 1000..=9999;

/// COW state codes run from 2 (United States) to 990 (Samoa).
pub const COW_CODE_RANGE: std::ops::RangeInclusive<u16> = 2..=999;

/// Member codes ATOP 5.1 uses outside the COW state system (seen in the
/// member file: 8152, a member of ATOP 1320, 1874–1883).
pub const ATOP_NON_COW_CODES: &[u16] = &[8152];

/// Checks that catch a file that parses but cannot be ATOP (columns swapped
/// under an intact header, another dataset saved under ATOP's name): alliance
/// ids outside ATOP's range, member codes outside the COW system (or, with
/// the COW file, codes it does not list), and a member's entry before its
/// alliance began. Each failure is a row problem with file and line; unlike
/// a malformed row, any of them means the files must not be imported.
pub fn sanity_errors(
    dir: &Path,
    data: &AtopData,
    cow: Option<&crate::cow::CowStates>,
) -> Vec<RowProblem> {
    let member_file = dir.join(MEMBER_FILE).display().to_string();
    let alliance_file = dir.join(ALLIANCE_FILE).display().to_string();
    let problem = |file: &str, line: u64, column: &str, reason: String| RowProblem {
        file: file.to_string(),
        line,
        column: Some(column.to_string()),
        reason,
    };
    let mut out = Vec::new();
    for a in data.alliances.values() {
        if !ATOPID_RANGE.contains(&a.atopid) {
            out.push(problem(
                &alliance_file,
                a.line,
                "atopid",
                format!(
                    "alliance id {} is outside ATOP's range ({}..={})",
                    a.atopid,
                    ATOPID_RANGE.start(),
                    ATOPID_RANGE.end()
                ),
            ));
        }
    }
    for m in &data.members {
        if !ATOPID_RANGE.contains(&m.atopid) {
            out.push(problem(
                &member_file,
                m.line,
                "atopid",
                format!(
                    "alliance id {} is outside ATOP's range ({}..={})",
                    m.atopid,
                    ATOPID_RANGE.start(),
                    ATOPID_RANGE.end()
                ),
            ));
            continue;
        }
        let known = ATOP_NON_COW_CODES.contains(&m.member)
            || match cow {
                Some(cow) => cow.by_code.contains_key(&m.member),
                None => COW_CODE_RANGE.contains(&m.member),
            };
        if !known {
            out.push(problem(
                &member_file,
                m.line,
                "member",
                match cow {
                    Some(_) => format!("member code {} is not a state in the COW file", m.member),
                    None => format!(
                        "member code {} is outside the COW system ({}..={})",
                        m.member,
                        COW_CODE_RANGE.start(),
                        COW_CODE_RANGE.end()
                    ),
                },
            ));
        }
        if let Some(a) = data.alliances.get(&m.atopid) {
            if m.entry.latest() < a.begin.earliest() {
                out.push(problem(
                    &member_file,
                    m.line,
                    "yrent",
                    format!(
                        "member {} enters alliance {} on {}, before the alliance began ({}, {alliance_file}:{})",
                        m.member, m.atopid, m.entry, a.begin, a.line
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "atopid,member,phase,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense,neutral,nonagg,consul,defcoloc,asymm,obvary";

    fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn reads_dates_with_atop_conventions() {
        let dir = tempfile::tempdir().unwrap();
        let text = format!(
            "{HEADER}\r\n1,2,0,1950,4,,0,0,0,1,0,0,0,1,1,0,0\r\n1,20,0,1950,4,4,1960,12,31,1,0,0,0,0,0,0,0\r\n"
        );
        let p = write(dir.path(), "m.csv", &text);
        let mut problems = Vec::new();
        let rows = read_members(&p, &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows[0].entry.to_string(), "1950-04");
        assert_eq!(rows[0].exit, None);
        assert_eq!(rows[0].conditions, vec!["defcoloc"]);
        assert!(rows[0].obligations.has(Obligation::Consul));
        assert_eq!(
            rows[1].exit.map(|d| d.to_string()).as_deref(),
            Some("1960-12-31")
        );
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn bad_rows_are_reported_with_line_and_column_and_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let text = format!(
            "{HEADER}\n1,2,0,1950,2,30,0,0,0,1,0,0,0,0,0,0,0\n1,x,0,1950,1,1,0,0,0,1,0,0,0,0,0,0,0\n1,2,0\n1,20,0,1950,1,1,0,0,0,7,0,0,0,0,0,0,0\n1,30,0,1950,1,1,0,0,0,1,0,0,0,0,0,0,0\n"
        );
        let p = write(dir.path(), "m.csv", &text);
        let mut problems = Vec::new();
        let rows = read_members(&p, &mut problems).unwrap();
        assert_eq!(rows.len(), 1);
        let lines: Vec<(u64, Option<&str>)> = problems
            .iter()
            .map(|p| (p.line, p.column.as_deref()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (2, Some("dayent")),
                (3, Some("member")),
                (4, None),
                (5, Some("defense"))
            ]
        );
        assert!(problems[0].to_string().contains("m.csv:2: column dayent"));
    }

    #[test]
    fn a_missing_column_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "m.csv", "atopid,member\n1,2\n");
        let err = read_members(&p, &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("no column \"phase\""), "{err}");
    }
}
