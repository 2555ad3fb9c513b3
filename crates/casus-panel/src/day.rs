//! Days as integers: the proleptic Gregorian calendar's day number counted
//! from 1970-01-01, so a day is one `i32`, a range is two, and the panel
//! walks time by adding one. Conversions to and from civil dates and a fast
//! `YYYY-MM-DD` writer for the CSV output.

use jiff::civil::Date;

/// A day number (1970-01-01 is 0).
pub type Day = i32;

/// The day number of a civil date (Howard Hinnant's `days_from_civil`).
pub fn from_ymd(year: i32, month: u32, day: u32) -> Day {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe as i32 - 719_468
}

/// The civil date (year, month, day) of a day number.
pub fn to_ymd(n: Day) -> (i32, u32, u32) {
    let z = n + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = (z - era * 146_097) as u32;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe as i32 + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The day number of a jiff date.
pub fn from_date(d: Date) -> Day {
    from_ymd(i32::from(d.year()), d.month() as u32, d.day() as u32)
}

/// The jiff date of a day number (None outside jiff's range).
pub fn to_date(n: Day) -> Option<Date> {
    let (y, m, d) = to_ymd(n);
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

/// The first day of a year.
pub fn year_start(year: i32) -> Day {
    from_ymd(year, 1, 1)
}

/// The last day of a year.
pub fn year_end(year: i32) -> Day {
    from_ymd(year, 12, 31)
}

/// The year a day falls in.
pub fn year_of(n: Day) -> i32 {
    to_ymd(n).0
}

/// Append `YYYY-MM-DD` to `out` (years 1000 to 9999).
pub fn push_iso(out: &mut Vec<u8>, n: Day) {
    let (y, m, d) = to_ymd(n);
    let y = y.clamp(0, 9999) as u32;
    out.extend_from_slice(&[
        b'0' + (y / 1000) as u8,
        b'0' + (y / 100 % 10) as u8,
        b'0' + (y / 10 % 10) as u8,
        b'0' + (y % 10) as u8,
        b'-',
        b'0' + (m / 10) as u8,
        b'0' + (m % 10) as u8,
        b'-',
        b'0' + (d / 10) as u8,
        b'0' + (d % 10) as u8,
    ]);
}

/// `YYYY-MM-DD` as a string.
pub fn iso(n: Day) -> String {
    let mut v = Vec::with_capacity(10);
    push_iso(&mut v, n);
    String::from_utf8_lossy(&v).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_agrees_with_jiff() {
        assert_eq!(from_ymd(1970, 1, 1), 0);
        let mut d = Date::constant(1816, 1, 1);
        let end = Date::constant(2030, 12, 31);
        let mut n = from_date(d);
        while d <= end {
            assert_eq!(from_date(d), n);
            assert_eq!(to_date(n), Some(d));
            n += 1;
            d = d.tomorrow().unwrap();
        }
        assert_eq!(iso(from_ymd(1816, 2, 29)), "1816-02-29");
        assert_eq!(year_end(2016) - year_start(2016), 365);
    }
}
