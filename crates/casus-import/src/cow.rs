//! Reader for COW State System Membership v2016 (`states2016.csv`): one row
//! per membership spell of a state in the interstate system.
//!
//! COW's data end on 2016-12-31; a spell ending on that day is read as still
//! open (the state did not end, the dataset did).

use std::collections::BTreeMap;
use std::path::Path;

use casus_core::FuzzyDate;

use crate::atop::read_date;
use crate::problem::{ImportError, RowProblem};
use crate::table::Table;

/// The last day COW State System v2016 covers.
pub const COVERAGE_END: &str = "2016-12-31";

/// One membership spell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateSpell {
    pub line: u64,
    pub code: u16,
    pub abb: String,
    pub name: String,
    pub from: FuzzyDate,
    /// `None` when the spell runs to the end of the data.
    pub to: Option<FuzzyDate>,
}

/// The states of the COW list by code, spells in file order.
#[derive(Debug, Clone, Default)]
pub struct CowStates {
    pub by_code: BTreeMap<u16, Vec<StateSpell>>,
}

impl CowStates {
    /// The state's name (from its latest spell).
    pub fn name(&self, code: u16) -> Option<&str> {
        self.by_code
            .get(&code)
            .and_then(|s| s.last())
            .map(|s| s.name.as_str())
    }

    pub fn abb(&self, code: u16) -> Option<&str> {
        self.by_code
            .get(&code)
            .and_then(|s| s.last())
            .map(|s| s.abb.as_str())
    }

    /// Is `code` a system member at some point of `year`?
    pub fn member_in_year(&self, code: u16, year: i16) -> bool {
        self.by_code.get(&code).is_some_and(|spells| {
            spells
                .iter()
                .any(|s| s.from.year() <= year && s.to.is_none_or(|t| t.year() >= year))
        })
    }
}

const COLUMNS: &[&str] = &[
    "stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday",
];

/// Read `states2016.csv`.
pub fn read_states(path: &Path, problems: &mut Vec<RowProblem>) -> Result<CowStates, ImportError> {
    let table = Table::open(path, COLUMNS, "the COW State System file states2016.csv")?;
    let spells = table.rows(problems, |row| {
        let code = row.int_in("ccode", 1, 9999)? as u16;
        let name = row.text("statenme");
        if name.is_empty() {
            return Err(row.problem("statenme", "empty state name"));
        }
        let from = read_date(row, ["styear", "stmonth", "stday"], false)?
            .ok_or_else(|| row.problem("styear", "empty start year"))?;
        let to = read_date(row, ["endyear", "endmonth", "endday"], false)?
            .filter(|d| d.to_string() != COVERAGE_END);
        Ok(StateSpell {
            line: row.line,
            code,
            abb: row.text("stateabb").to_string(),
            name: name.to_string(),
            from,
            to,
        })
    });
    if spells.is_empty() {
        return Err(ImportError::NoRows {
            path: path.into(),
            problems: problems.len(),
            expected: "the COW State System file states2016.csv",
        });
    }
    let mut states = CowStates::default();
    for s in spells {
        states.by_code.entry(s.code).or_default().push(s);
    }
    Ok(states)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spells_ending_with_the_data_stay_open() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("states2016.csv");
        std::fs::write(
            &p,
            "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n\
             BAD,267,Baden,1816,1,1,1870,12,31,2016\n\
             RUS,365,Russia,1816,1,1,2016,12,31,2016\n\
             XXX,zz,Nowhere,1816,1,1,2016,12,31,2016\n",
        )
        .unwrap();
        let mut problems = Vec::new();
        let s = read_states(&p, &mut problems).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4);
        assert_eq!(s.name(267), Some("Baden"));
        assert!(s.by_code[&365][0].to.is_none());
        assert!(s.member_in_year(267, 1870));
        assert!(!s.member_in_year(267, 1871));
    }
}
