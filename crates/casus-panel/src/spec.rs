//! What panel to build: the period, the unit of time, directed or
//! undirected dyads, all system pairs or only pairs with an obligation, and
//! which columns. Parsing of the `Y|DATE` bounds lives here so every front
//! end (CLI, Python) reads them the same way.

use std::str::FromStr;

use jiff::civil::Date;

use crate::day::{self, Day};
use crate::error::PanelError;

/// One row per dyad and year, per dyad and day, or per run of identical
/// values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Year,
    Day,
    Spell,
}

impl FromStr for Unit {
    type Err = PanelError;
    fn from_str(s: &str) -> Result<Unit, PanelError> {
        match s {
            "year" => Ok(Unit::Year),
            "day" => Ok(Unit::Day),
            "spell" => Ok(Unit::Spell),
            other => Err(PanelError::Usage(format!(
                "unknown unit {other:?}: expected year, day or spell"
            ))),
        }
    }
}

/// Directed: (A, B) says what A owes B. Undirected: one row per unordered
/// pair, a flag set when either owes it to the other (ATOP's rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Directed,
    Undirected,
}

/// Which columns to write: all of them, or ATOP's dyad-year columns only
/// (`ccode1, ccode2, year, defense, offense, neutral, nonagg, consul`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Columns {
    #[default]
    Full,
    Atop,
}

impl FromStr for Columns {
    type Err = PanelError;
    fn from_str(s: &str) -> Result<Columns, PanelError> {
        match s {
            "full" => Ok(Columns::Full),
            "atop" => Ok(Columns::Atop),
            other => Err(PanelError::Usage(format!(
                "unknown column set {other:?}: expected full or atop"
            ))),
        }
    }
}

/// A bound of the period: a year (its first or last day) or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Year(i16),
    Day(Date),
}

impl FromStr for Bound {
    type Err = PanelError;
    fn from_str(s: &str) -> Result<Bound, PanelError> {
        let s = s.trim();
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            let y: i16 = s
                .parse()
                .map_err(|_| PanelError::Usage(format!("bad year {s:?}")))?;
            return Bound::year(y);
        }
        let d = casus_core::time::parse_day(s).map_err(|e| {
            PanelError::Usage(format!(
                "{e}; a bound is a year (1990) or a day (1990-06-01)"
            ))
        })?;
        Ok(Bound::Day(d))
    }
}

/// The years a panel may span.
pub const YEARS: std::ops::RangeInclusive<i16> = 1000..=9999;

impl Bound {
    pub fn year(y: i16) -> Result<Bound, PanelError> {
        if YEARS.contains(&y) {
            Ok(Bound::Year(y))
        } else {
            Err(PanelError::Usage(format!(
                "year {y} is out of range (1000 to 9999)"
            )))
        }
    }

    fn first_day(self) -> Day {
        match self {
            Bound::Year(y) => day::year_start(i32::from(y)),
            Bound::Day(d) => day::from_date(d),
        }
    }

    fn last_day(self) -> Day {
        match self {
            Bound::Year(y) => day::year_end(i32::from(y)),
            Bound::Day(d) => day::from_date(d),
        }
    }
}

/// A panel request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelSpec {
    pub from: Bound,
    pub to: Bound,
    pub unit: Unit,
    pub direction: Direction,
    /// Every pair of states in the COW state system, not only pairs with an
    /// obligation.
    pub all_pairs: bool,
    pub columns: Columns,
}

impl PanelSpec {
    /// A directed year panel of pairs with an obligation, all columns.
    pub fn years(from: i16, to: i16) -> Result<PanelSpec, PanelError> {
        let spec = PanelSpec {
            from: Bound::year(from)?,
            to: Bound::year(to)?,
            unit: Unit::Year,
            direction: Direction::Directed,
            all_pairs: false,
            columns: Columns::Full,
        };
        spec.days()?;
        Ok(spec)
    }

    /// The first and last day of the period; an error when it ends before
    /// it starts.
    pub fn days(&self) -> Result<(Day, Day), PanelError> {
        let (a, b) = (self.from.first_day(), self.to.last_day());
        if b < a {
            return Err(PanelError::Usage(format!(
                "--from {} is after --to {}: the period ends before it starts",
                day::iso(a),
                day::iso(b)
            )));
        }
        Ok((a, b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_parse_years_and_days_and_reject_the_rest() {
        assert_eq!("1990".parse::<Bound>().unwrap(), Bound::Year(1990));
        assert!(matches!(
            "1990-06-01".parse::<Bound>().unwrap(),
            Bound::Day(_)
        ));
        assert!("1990-06".parse::<Bound>().is_err());
        assert!("199".parse::<Bound>().is_err());
        assert!("0999".parse::<Bound>().is_err());
        assert!("soon".parse::<Bound>().is_err());
        assert!(PanelSpec::years(2000, 1990).is_err());
        let s = PanelSpec::years(1990, 1990).unwrap();
        let (a, b) = s.days().unwrap();
        assert_eq!(b - a, 364);
        assert!("week".parse::<Unit>().is_err());
    }
}
