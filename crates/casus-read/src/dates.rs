//! Dates: the publication date (given, HTML metadata, a date line, a
//! dateline), and the time expressions of the text resolved against it
//! with `jiff` — weekdays (the most recent on or before the publication
//! date), "today", "yesterday", "last night", month and day with or
//! without a year, month and year, and bare years. Partial dates keep
//! their precision ("1994", "2020-07").

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::Serialize;

use crate::layout::{Paragraph, Role};
use crate::lexicon::Lexicon;
use crate::tokens::Tokens;
use crate::words;

/// The publication date and where it came from.
#[derive(Debug, Clone, Serialize)]
pub struct Published {
    pub date: Date,
    /// `given`, `html_meta`, `date_line`, `dateline`.
    pub from: &'static str,
}

/// A time expression and the date it stands for.
#[derive(Debug, Clone, Serialize)]
pub struct TimeExpr {
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

/// `YYYY-MM-DD` as a date.
pub fn parse_iso_day(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i16 = s[..4].parse().ok()?;
    let m: i8 = s[5..7].parse().ok()?;
    let d: i8 = s[8..].parse().ok()?;
    Date::new(y, m, d).ok()
}

fn month_of(lex: &Lexicon, tokens: &Tokens, text: &str, i: usize) -> Option<i8> {
    let t = &tokens.tokens[i];
    if !t.cap {
        return None;
    }
    let norm = tokens.norm(i);
    let m = *lex.months.get(norm)?;
    // An abbreviation needs its full stop ("Sept. 27"), except "May".
    let full = words::MONTHS.iter().any(|(n, _)| *n == norm && n.len() > 4)
        || norm == "may"
        || norm == "june"
        || norm == "july";
    let dotted = text[t.end..].starts_with('.');
    (full || dotted).then_some(m)
}

fn number(tokens: &Tokens, i: usize) -> Option<i32> {
    let t = tokens.tokens.get(i)?;
    if !t.digits || t.end - t.start > 4 {
        return None;
    }
    tokens.norm(i).parse().ok()
}

fn day_number(tokens: &Tokens, text: &str, i: usize) -> Option<i8> {
    let n = number(tokens, i)?;
    let t = &tokens.tokens[i];
    // "27th" folds to "27th" (not digits): only plain numbers; "3:00" is a time.
    if text[t.end..].starts_with(':') || !(1..=31).contains(&n) {
        return None;
    }
    Some(n as i8)
}

fn year_number(tokens: &Tokens, text: &str, i: usize) -> Option<i16> {
    let n = number(tokens, i)?;
    let t = &tokens.tokens[i];
    if t.end - t.start != 4 || !(1800..=2100).contains(&n) {
        return None;
    }
    let before = text[..t.start].chars().next_back();
    let after = text[t.end..].chars().next();
    if before.is_some_and(|c| matches!(c, '$' | '.' | ',' | ':' | '/' | '#' | '€' | '£'))
        && !text[..t.start].ends_with(", ")
    {
        return None;
    }
    let digit_after_dot = text[t.end..].starts_with('.')
        && text[t.end + 1..].starts_with(|c: char| c.is_ascii_digit());
    if after.is_some_and(|c| matches!(c, '%' | ':' | '/')) || digit_after_dot {
        return None;
    }
    Some(n as i16)
}

/// The publication date: given; else HTML metadata; else a date line
/// ("14:34 10.09.2025", "June 20, 2024"); else a dateline's month and day
/// with the year of the latest full date in the text. `None` if nothing
/// says.
pub fn publication(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    paras: &[Paragraph],
    given: Option<Date>,
    meta: Option<&str>,
) -> Option<Published> {
    if let Some(date) = given {
        return Some(Published {
            date,
            from: "given",
        });
    }
    if let Some(date) = meta.and_then(parse_iso_day) {
        return Some(Published {
            date,
            from: "html_meta",
        });
    }
    for p in paras.iter().filter(|p| p.role == Role::DateLine) {
        if let Some(date) = full_date_in(lex, text, tokens, p.start, p.end) {
            return Some(Published {
                date,
                from: "date_line",
            });
        }
    }
    None
}

/// The first complete date in `start..end`: `DD.MM.YYYY`, `YYYY-MM-DD`,
/// "Month D, YYYY" or "D Month YYYY".
fn full_date_in(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    start: usize,
    end: usize,
) -> Option<Date> {
    let range = tokens.within(start, end);
    for i in range.clone() {
        let t = &tokens.tokens[i];
        let s = &text[t.start..t.end];
        // 10.09.2025 is three tokens joined by dots.
        if t.digits && i + 2 < range.end {
            let (a, b) = (&tokens.tokens[i + 1], &tokens.tokens[i + 2]);
            let sep1 = &text[t.end..a.start];
            let sep2 = &text[a.end..b.start];
            if a.digits && b.digits && sep1 == sep2 && (sep1 == "." || sep1 == "-" || sep1 == "/") {
                let (x, y, z): (i32, i32, i32) = (
                    s.parse().ok()?,
                    tokens.norm(i + 1).parse().ok()?,
                    tokens.norm(i + 2).parse().ok()?,
                );
                let date = if s.len() == 4 {
                    Date::new(x as i16, y as i8, z as i8).ok()
                } else if sep1 == "/" {
                    None
                } else {
                    Date::new(z as i16, y as i8, x as i8).ok()
                };
                if date.is_some() {
                    return date;
                }
            }
        }
        if let Some(m) = month_of(lex, tokens, text, i) {
            if i + 2 < range.end {
                if let (Some(d), Some(y)) = (
                    day_number(tokens, text, i + 1),
                    year_number(tokens, text, i + 2),
                ) {
                    if let Ok(date) = Date::new(y, m, d) {
                        return Some(date);
                    }
                }
            }
            if i > range.start && i + 1 < range.end {
                if let (Some(d), Some(y)) = (
                    day_number(tokens, text, i - 1),
                    year_number(tokens, text, i + 1),
                ) {
                    if let Ok(date) = Date::new(y, m, d) {
                        return Some(date);
                    }
                }
            }
        }
    }
    None
}

/// The dateline at the head of the first body paragraph ("MOSCOW, October
/// 7. /TASS/.", "NEW YORK/TOKYO --"): its byte span, to leave out of the
/// time expressions.
pub fn dateline_span(text: &str, tokens: &Tokens, paras: &[Paragraph]) -> Option<(usize, usize)> {
    for p in paras.iter().filter(|p| p.role == Role::Body).take(4) {
        let range = tokens.within(p.start, p.end);
        let first = range.start;
        if first >= range.end
            || tokens.tokens[first].start != p.start
            || !tokens.tokens[first].upper
        {
            continue;
        }
        let head = &text[p.start..crate::tokens::floor_boundary(text, p.end.min(p.start + 120))];
        if let Some(k) = head.find(" -- ").or_else(|| head.find(" — ")) {
            return Some((p.start, p.start + k + 4));
        }
        if let Some(k) = head.find("/.") {
            return Some((p.start, p.start + k + 2));
        }
        if let Some(k) = head.find(". ") {
            let before = &head[..k];
            if before.contains(',') && before.split_whitespace().count() <= 5 {
                return Some((p.start, p.start + k + 1));
            }
        }
    }
    None
}

/// Every time expression outside the date line and the dateline, resolved
/// against `published` (relative ones are left out without it).
pub fn expressions(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    paras: &[Paragraph],
    skip: Option<(usize, usize)>,
    published: Option<Date>,
) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut seen: std::collections::HashSet<(String, String)> = Default::default();
    for p in paras
        .iter()
        .filter(|p| matches!(p.role, Role::Body | Role::Headline))
    {
        let range = tokens.within(p.start, p.end);
        let mut i = range.start;
        while i < range.end {
            if skip.is_some_and(|(a, b)| tokens.tokens[i].start >= a && tokens.tokens[i].end <= b) {
                i += 1;
                continue;
            }
            let (found, next) = expression_at(lex, text, tokens, i, range.end, published);
            if let Some(e) = found {
                if seen.insert((e.text.to_lowercase(), e.date.clone())) {
                    out.push(e);
                }
            }
            i = next.max(i + 1);
        }
    }
    out
}

fn span(text: &str, tokens: &Tokens, a: usize, b: usize) -> (usize, usize, String) {
    let (s, e) = (tokens.tokens[a].start, tokens.tokens[b].end);
    (s, e, text[s..e].to_string())
}

fn expr(text: &str, tokens: &Tokens, a: usize, b: usize, date: String) -> TimeExpr {
    let (start, end, t) = span(text, tokens, a, b);
    TimeExpr {
        text: t,
        date,
        start,
        end,
    }
}

/// Read the expression starting at token `i`, returning it and the next
/// token to look at.
fn expression_at(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    i: usize,
    end: usize,
    published: Option<Date>,
) -> (Option<TimeExpr>, usize) {
    let norm = tokens.norm(i);
    let nth = |k: usize| (i + k < end).then(|| tokens.norm(i + k));
    // Month [day] [, year] / Month year.
    if let Some(m) = month_of(lex, tokens, text, i) {
        if let Some(d) = (i + 1 < end)
            .then(|| day_number(tokens, text, i + 1))
            .flatten()
        {
            if let Some(y) = (i + 2 < end)
                .then(|| year_number(tokens, text, i + 2))
                .flatten()
            {
                if let Ok(date) = Date::new(y, m, d) {
                    return (Some(expr(text, tokens, i, i + 2, date.to_string())), i + 3);
                }
            }
            if let Some(date) = published.and_then(|p| infer_year(p, m, d)) {
                return (Some(expr(text, tokens, i, i + 1, date.to_string())), i + 2);
            }
            return (None, i + 2);
        }
        if let Some(y) = (i + 1 < end)
            .then(|| year_number(tokens, text, i + 1))
            .flatten()
        {
            return (
                Some(expr(text, tokens, i, i + 1, format!("{y:04}-{m:02}"))),
                i + 2,
            );
        }
    }
    // Day Month [year].
    if let Some(d) = day_number(tokens, text, i) {
        if let Some(m) = (i + 1 < end)
            .then(|| month_of(lex, tokens, text, i + 1))
            .flatten()
        {
            if let Some(y) = (i + 2 < end)
                .then(|| year_number(tokens, text, i + 2))
                .flatten()
            {
                if let Ok(date) = Date::new(y, m, d) {
                    return (Some(expr(text, tokens, i, i + 2, date.to_string())), i + 3);
                }
            }
            if let Some(date) = published.and_then(|p| infer_year(p, m, d)) {
                return (Some(expr(text, tokens, i, i + 1, date.to_string())), i + 2);
            }
        }
    }
    // Weekday [, Month day].
    if let Some(w) = words::WEEKDAYS.iter().position(|d| *d == norm) {
        if !tokens.tokens[i].cap {
            return (None, i + 1);
        }
        if nth(1).is_some() && text[tokens.tokens[i].end..].starts_with(", ") {
            if let Some(m) = month_of(lex, tokens, text, i + 1) {
                if let Some(d) = (i + 2 < end)
                    .then(|| day_number(tokens, text, i + 2))
                    .flatten()
                {
                    let year = (i + 3 < end)
                        .then(|| year_number(tokens, text, i + 3))
                        .flatten();
                    let date = match year {
                        Some(y) => Date::new(y, m, d).ok(),
                        None => published.and_then(|p| infer_year(p, m, d)),
                    };
                    if let Some(date) = date {
                        let last = if year.is_some() { i + 3 } else { i + 2 };
                        return (
                            Some(expr(text, tokens, i, last, date.to_string())),
                            last + 1,
                        );
                    }
                }
            }
        }
        let Some(p) = published else {
            return (None, i + 1);
        };
        let want = weekday(w);
        let back = (7 + p.weekday().to_monday_zero_offset() - want.to_monday_zero_offset()) % 7;
        let date = p.checked_sub((back as i64).days()).ok();
        return (date.map(|d| expr(text, tokens, i, i, d.to_string())), i + 1);
    }
    // Relative days.
    if let Some(p) = published {
        let rel = match (norm, nth(1)) {
            ("today", _) | ("tonight", _) => Some((0, 0)),
            ("yesterday", _) => Some((-1, 0)),
            ("tomorrow", _) => Some((1, 0)),
            ("last", Some("night")) => Some((-1, 1)),
            ("this", Some("morning" | "afternoon" | "evening")) => Some((0, 1)),
            _ => None,
        };
        if let Some((days, extra)) = rel {
            if let Ok(date) = p.checked_add((days as i64).days()) {
                return (
                    Some(expr(text, tokens, i, i + extra, date.to_string())),
                    i + 1 + extra,
                );
            }
        }
    }
    // A bare year, not a duration ("24 years") nor part of a number.
    if let Some(y) = year_number(tokens, text, i) {
        let next = nth(1);
        let plural = text[tokens.tokens[i].end..].starts_with('s');
        if !plural && !next.is_some_and(|n| words::DURATION_NOUNS.contains(&n)) {
            return (Some(expr(text, tokens, i, i, format!("{y:04}"))), i + 1);
        }
    }
    (None, i + 1)
}

fn weekday(i: usize) -> Weekday {
    match i {
        0 => Weekday::Monday,
        1 => Weekday::Tuesday,
        2 => Weekday::Wednesday,
        3 => Weekday::Thursday,
        4 => Weekday::Friday,
        5 => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

/// A month and day without a year: the publication year, or the year
/// before when that would put the day more than two months ahead.
fn infer_year(published: Date, m: i8, d: i8) -> Option<Date> {
    let this = Date::new(published.year(), m, d).ok()?;
    if this > published.checked_add(62.days()).ok()? {
        return Date::new(published.year() - 1, m, d).ok();
    }
    Some(this)
}
