//! Civil dates with their precision, and intervals of them.
//!
//! A source that gives only a year or a month keeps that precision: `1999` is
//! not 1 January 1999. Asking whether an interval holds on a day is therefore
//! a three-valued question ([`Truth`]): a day inside the span of an imprecise
//! bound gets [`Truth::Unknown`], which the engine turns into `contested`.
//!
//! Interval bounds are inclusive: `from` is the first day a fact holds, `to`
//! the last. A missing `from` means "since before anything we model"; a
//! missing `to` means "still holds".

use std::fmt;
use std::str::FromStr;

use bitcode::{Decode, Encode};
use jiff::civil::Date;
use serde::{Serialize, Serializer};

/// Three-valued truth: the answer to "does this hold on that day?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case")]
pub enum Truth {
    No,
    Unknown,
    Yes,
}

impl Truth {
    /// Logical AND in Kleene's three-valued logic.
    pub fn and(self, other: Truth) -> Truth {
        self.min(other)
    }
    /// Logical OR in Kleene's three-valued logic.
    pub fn or(self, other: Truth) -> Truth {
        self.max(other)
    }
    pub fn from_bool(b: bool) -> Truth {
        if b {
            Truth::Yes
        } else {
            Truth::No
        }
    }
}

impl std::ops::Not for Truth {
    type Output = Truth;
    fn not(self) -> Truth {
        match self {
            Truth::No => Truth::Yes,
            Truth::Unknown => Truth::Unknown,
            Truth::Yes => Truth::No,
        }
    }
}

/// How precisely a [`FuzzyDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A civil date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Encode, Decode)]
pub struct FuzzyDate {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
}

/// Why a date string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {}: {reason} (expected {expected})", crate::limits::quoted_for_message(.input))]
pub struct DateError {
    pub input: String,
    pub reason: String,
    /// The forms accepted where the date was read.
    pub expected: &'static str,
}

/// The forms a knowledge-base date takes.
pub const FUZZY_DATE_FORMS: &str = "YYYY, YYYY-MM or YYYY-MM-DD, year 1000 to 9999";
/// The form a query date takes.
pub const DAY_FORM: &str = "YYYY-MM-DD, year 1000 to 9999";

impl FuzzyDate {
    pub fn day(date: Date) -> FuzzyDate {
        FuzzyDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    pub fn year(&self) -> i16 {
        self.year
    }

    /// The first day this date could denote.
    pub fn earliest(&self) -> Date {
        let month = self.month.unwrap_or(1);
        let day = self.day.unwrap_or(1);
        // Validated on construction, so this cannot fail; fall back to the
        // first of the year rather than panic if it ever did.
        Date::new(self.year, month, day).unwrap_or_else(|_| Date::constant(2000, 1, 1))
    }

    /// Where `date` lies relative to the days this date could denote:
    /// before them (`Less`), among them (`Equal`) or after them (`Greater`).
    pub fn span_position(&self, date: Date) -> std::cmp::Ordering {
        let by_year = date.year().cmp(&self.year);
        let Some(month) = self.month else {
            return by_year;
        };
        let by_month = by_year.then(date.month().cmp(&month));
        match self.day {
            None => by_month,
            Some(day) => by_month.then(date.day().cmp(&day)),
        }
    }

    /// The last day this date could denote.
    pub fn latest(&self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m, d).unwrap_or(self.earliest()),
            (Some(m), None) => {
                let first = Date::new(self.year, m, 1).unwrap_or(self.earliest());
                first.last_of_month()
            }
            (None, _) => Date::new(self.year, 12, 31).unwrap_or(self.earliest()),
        }
    }
}

impl FromStr for FuzzyDate {
    type Err = DateError;

    fn from_str(input: &str) -> Result<FuzzyDate, DateError> {
        let err = |reason: &str| DateError {
            input: input.to_string(),
            reason: reason.to_string(),
            expected: FUZZY_DATE_FORMS,
        };
        let s = input.trim();
        let parts: Vec<&str> = s.split('-').collect();
        if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(err("wrong shape"));
        }
        if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(err("wrong shape"));
        }
        if parts[0].len() != 4 {
            return Err(err("the year must have four digits"));
        }
        let year: i16 = parts[0].parse().map_err(|_| err("bad year"))?;
        if year < 1000 {
            return Err(err("year out of range (1000 to 9999)"));
        }
        let month: Option<i8> = match parts.get(1) {
            None => None,
            Some(m) => {
                if m.len() != 2 {
                    return Err(err("month must have two digits"));
                }
                let m: i8 = m.parse().map_err(|_| err("bad month"))?;
                if !(1..=12).contains(&m) {
                    return Err(err("month must be between 01 and 12"));
                }
                Some(m)
            }
        };
        let day: Option<i8> = match parts.get(2) {
            None => None,
            Some(d) => {
                if d.len() != 2 {
                    return Err(err("day must have two digits"));
                }
                let d: i8 = d.parse().map_err(|_| err("bad day"))?;
                let m = month.unwrap_or(1);
                if Date::new(year, m, d).is_err() {
                    return Err(err(&format!("month {m:02} of {year} has no day {d:02}")));
                }
                Some(d)
            }
        };
        Ok(FuzzyDate { year, month, day })
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Proofs write many dates: the usual case (years 0 to 9999, valid
        // month and day) is written digit by digit, without the formatting
        // machinery (docs/performance.md).
        if let Some(text) = self.ascii() {
            return f.write_str(self.ascii_str(&text).map_err(|_| fmt::Error)?);
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FuzzyDate {
    /// The meaningful part of [`FuzzyDate::ascii`]'s bytes.
    fn ascii_str<'t>(&self, text: &'t [u8; 10]) -> Result<&'t str, std::str::Utf8Error> {
        let len = match (self.month, self.day) {
            (None, _) => 4,
            (Some(_), None) => 7,
            (Some(_), Some(_)) => 10,
        };
        std::str::from_utf8(&text[..len])
    }

    /// Append the date as [`Display`](fmt::Display) writes it, without the
    /// formatting machinery in the usual case.
    pub fn push_to(&self, out: &mut String) {
        match self.ascii().as_ref().map(|text| self.ascii_str(text)) {
            Some(Ok(s)) => out.push_str(s),
            _ => {
                use fmt::Write as _;
                // Writing to a String cannot fail.
                let _ = write!(out, "{self}");
            }
        }
    }

    /// `YYYY-MM-DD` as ASCII bytes (only the first 4 or 7 meaningful at
    /// year or month precision), when the year is 0 to 9999 and the month
    /// and day have two digits.
    fn ascii(&self) -> Option<[u8; 10]> {
        let year = u16::try_from(self.year).ok().filter(|y| *y <= 9999)?;
        let two = |v: Option<i8>| -> Option<[u8; 2]> {
            match v {
                None => Some(*b"00"),
                Some(v @ 0..=99) => Some([b'0' + v as u8 / 10, b'0' + v as u8 % 10]),
                Some(_) => None,
            }
        };
        let [m1, m2] = two(self.month)?;
        let [d1, d2] = two(self.day)?;
        let digit = |v: u16| b'0' + (v % 10) as u8;
        Some([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            m1,
            m2,
            b'-',
            d1,
            d2,
        ])
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Parse a query date: it must be a full day.
pub fn parse_day(input: &str) -> Result<Date, DateError> {
    let fuzzy: FuzzyDate = input.parse().map_err(|e: DateError| DateError {
        expected: DAY_FORM,
        ..e
    })?;
    if fuzzy.precision() != Precision::Day {
        return Err(DateError {
            input: input.to_string(),
            reason: "a query date needs a day".to_string(),
            expected: DAY_FORM,
        });
    }
    Ok(fuzzy.earliest())
}

/// An inclusive interval of civil dates with possibly imprecise bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Encode, Decode)]
pub struct Interval {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<FuzzyDate>,
}

impl Interval {
    pub fn new(from: Option<FuzzyDate>, to: Option<FuzzyDate>) -> Interval {
        Interval { from, to }
    }

    pub fn always() -> Interval {
        Interval::default()
    }

    /// Does the interval hold on `date`? `Unknown` when `date` falls within
    /// the span of an imprecise bound (e.g. `to = "1999"` asked about
    /// 1999-06-01).
    pub fn contains(&self, date: Date) -> Truth {
        // The fact has certainly started once the latest reading of `from`
        // is reached, and has certainly not ended up to the earliest
        // reading of `to` (bounds are inclusive).
        // Compared field by field at the bound's precision; only a day
        // inside an imprecise bound's span needs the span's first or last
        // day (the engine asks this thousands of times per answer).
        use std::cmp::Ordering;
        let after_start = match &self.from {
            None => Truth::Yes,
            Some(f) => match f.span_position(date) {
                Ordering::Greater => Truth::Yes,
                Ordering::Less => Truth::No,
                Ordering::Equal if date >= f.latest() => Truth::Yes,
                Ordering::Equal => Truth::Unknown,
            },
        };
        let before_end = match &self.to {
            None => Truth::Yes,
            Some(t) => match t.span_position(date) {
                Ordering::Less => Truth::Yes,
                Ordering::Greater => Truth::No,
                Ordering::Equal if date <= t.earliest() => Truth::Yes,
                Ordering::Equal => Truth::Unknown,
            },
        };
        after_start.and(before_end)
    }

    /// Is the interval inverted (it certainly ends before it starts)?
    pub fn is_inverted(&self) -> bool {
        match (&self.from, &self.to) {
            (Some(f), Some(t)) => t.latest() < f.earliest(),
            _ => false,
        }
    }

    /// Do two intervals certainly share at least one day?
    pub fn overlaps(&self, other: &Interval) -> bool {
        let start = |i: &Interval| i.from.map(|d| d.latest());
        let end = |i: &Interval| i.to.map(|d| d.earliest());
        let a_starts_before_b_ends = match (start(self), end(other)) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        let b_starts_before_a_ends = match (start(other), end(self)) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        a_starts_before_b_ends && b_starts_before_a_ends
    }

    /// Does this interval lie within `outer`? `Unknown` at imprecise edges.
    pub fn within(&self, outer: &Interval) -> Truth {
        let starts_ok = match (&outer.from, &self.from) {
            (None, _) => Truth::Yes,
            (Some(_), None) => Truth::No,
            (Some(o), Some(s)) => {
                if s.earliest() >= o.latest() {
                    Truth::Yes
                } else if s.latest() < o.earliest() {
                    Truth::No
                } else {
                    Truth::Unknown
                }
            }
        };
        let ends_ok = match (&outer.to, &self.to) {
            (None, _) => Truth::Yes,
            (Some(_), None) => Truth::No,
            (Some(o), Some(s)) => {
                if s.latest() <= o.earliest() {
                    Truth::Yes
                } else if s.earliest() > o.latest() {
                    Truth::No
                } else {
                    Truth::Unknown
                }
            }
        };
        starts_ok.and(ends_ok)
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.from, &self.to) {
            (None, None) => f.write_str("always"),
            (Some(a), None) => {
                f.write_str("from ")?;
                a.fmt(f)
            }
            (None, Some(b)) => {
                f.write_str("until ")?;
                b.fmt(f)
            }
            (Some(a), Some(b)) => {
                a.fmt(f)?;
                f.write_str(" to ")?;
                b.fmt(f)
            }
        }
    }
}

impl Interval {
    /// Append the interval as [`Display`](fmt::Display) writes it, without
    /// the formatting machinery.
    pub fn push_to(&self, out: &mut String) {
        match (&self.from, &self.to) {
            (None, None) => out.push_str("always"),
            (Some(a), None) => {
                out.push_str("from ");
                a.push_to(out);
            }
            (None, Some(b)) => {
                out.push_str("until ");
                b.push_to(out);
            }
            (Some(a), Some(b)) => {
                a.push_to(out);
                out.push_str(" to ");
                b.push_to(out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_day(s).unwrap()
    }
    fn fz(s: &str) -> FuzzyDate {
        s.parse().unwrap()
    }

    /// `Interval::contains` as first written, from each bound's first and
    /// last day: the reference the field-by-field comparison must match.
    fn contains_by_days(i: &Interval, date: Date) -> Truth {
        let after_start = match &i.from {
            None => Truth::Yes,
            Some(f) if date >= f.latest() => Truth::Yes,
            Some(f) if date < f.earliest() => Truth::No,
            Some(_) => Truth::Unknown,
        };
        let before_end = match &i.to {
            None => Truth::Yes,
            Some(t) if date <= t.earliest() => Truth::Yes,
            Some(t) if date > t.latest() => Truth::No,
            Some(_) => Truth::Unknown,
        };
        after_start.and(before_end)
    }

    /// `push_to` writes what `Display` writes, for every shape of bound
    /// (year, month, day; years outside 0–9999 take the general path).
    #[test]
    fn push_to_writes_what_display_writes() {
        let mut dates: Vec<FuzzyDate> =
            ["1994", "1994-01", "1994-01-22", "1000-12-31", "2020-10-07"]
                .iter()
                .map(|s| fz(s))
                .collect();
        dates.push(FuzzyDate {
            year: -44,
            month: Some(3),
            day: Some(15),
        });
        dates.push(FuzzyDate {
            year: 7,
            month: Some(1),
            day: None,
        });
        dates.push(FuzzyDate {
            year: 12000,
            month: None,
            day: None,
        });
        let bounds: Vec<Option<FuzzyDate>> = std::iter::once(None)
            .chain(dates.iter().copied().map(Some))
            .collect();
        for from in &bounds {
            for to in &bounds {
                let i = Interval::new(*from, *to);
                let mut pushed = String::from("x");
                i.push_to(&mut pushed);
                assert_eq!(pushed, format!("x{i}"));
            }
        }
        for d in &dates {
            let mut pushed = String::new();
            d.push_to(&mut pushed);
            assert_eq!(pushed, d.to_string());
        }
    }

    #[test]
    fn contains_agrees_with_first_and_last_days() {
        let bounds = [
            None,
            Some("1999"),
            Some("1999-02"),
            Some("1999-02-28"),
            Some("1999-12"),
            Some("1999-12-31"),
            Some("2000-01-01"),
            Some("2000-02"),
        ];
        let mut day = d("1998-12-25");
        let last = d("2000-03-05");
        while day <= last {
            for from in bounds {
                for to in bounds {
                    let i = Interval {
                        from: from.map(fz),
                        to: to.map(fz),
                    };
                    assert_eq!(i.contains(day), contains_by_days(&i, day), "{i} on {day}");
                }
            }
            day = day.tomorrow().unwrap();
        }
    }

    #[test]
    fn dates_display_at_their_precision() {
        for text in ["1999", "1999-04", "1999-04-07", "2020-12-31"] {
            assert_eq!(fz(text).to_string(), text);
        }
        assert_eq!(
            FuzzyDate::day(Date::constant(42, 1, 1)).to_string(),
            "0042-01-01"
        );
        let day = FuzzyDate::day(Date::constant(-5, 3, 9));
        assert_eq!(day.to_string(), "-005-03-09");
        assert_eq!(format!("{}", Interval::always()), "always");
    }

    #[test]
    fn parses_all_precisions() {
        assert_eq!(fz("1999").precision(), Precision::Year);
        assert_eq!(fz("1999-04").precision(), Precision::Month);
        assert_eq!(fz("1999-04-20").precision(), Precision::Day);
        assert_eq!(fz("1999-04").to_string(), "1999-04");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!("2020-13-40".parse::<FuzzyDate>().is_err());
        assert!("2021-02-29".parse::<FuzzyDate>().is_err());
        assert!("2020-02-29".parse::<FuzzyDate>().is_ok());
        assert!("20-01-01".parse::<FuzzyDate>().is_err());
        assert!("".parse::<FuzzyDate>().is_err());
        assert!("1999-4".parse::<FuzzyDate>().is_err());
        assert!(parse_day("1999-04").is_err());
    }

    #[test]
    fn imprecise_bounds_give_unknown_inside_their_span() {
        let i = Interval::new(Some(fz("1994-04-20")), Some(fz("1999")));
        assert_eq!(i.contains(d("1995-01-01")), Truth::Yes);
        assert_eq!(i.contains(d("1999-06-01")), Truth::Unknown);
        assert_eq!(i.contains(d("2000-01-01")), Truth::No);
        assert_eq!(i.contains(d("1994-04-19")), Truth::No);
        assert_eq!(i.contains(d("1994-04-20")), Truth::Yes);
    }

    #[test]
    fn month_bound() {
        let i = Interval::new(Some(fz("2020-10")), None);
        assert_eq!(i.contains(d("2020-09-30")), Truth::No);
        assert_eq!(i.contains(d("2020-10-15")), Truth::Unknown);
        assert_eq!(i.contains(d("2020-11-01")), Truth::Yes);
    }

    #[test]
    fn overlap_and_inversion() {
        let a = Interval::new(Some(fz("1990")), Some(fz("1995-01-01")));
        let b = Interval::new(Some(fz("1995-01-02")), None);
        assert!(!a.overlaps(&b));
        let c = Interval::new(Some(fz("1994-12-31")), None);
        assert!(a.overlaps(&c));
        assert!(Interval::new(Some(fz("2000")), Some(fz("1999"))).is_inverted());
        assert!(!Interval::new(Some(fz("1999-05")), Some(fz("1999"))).is_inverted());
    }

    #[test]
    fn within() {
        let outer = Interval::new(Some(fz("1991-09-21")), None);
        assert_eq!(
            Interval::new(Some(fz("1994-04-20")), None).within(&outer),
            Truth::Yes
        );
        assert_eq!(
            Interval::new(Some(fz("1990")), None).within(&outer),
            Truth::No
        );
        assert_eq!(
            Interval::new(Some(fz("1991")), None).within(&outer),
            Truth::Unknown
        );
    }
}
