//! The article's layout: paragraphs with their role (headline, date line,
//! body), the boilerplate left out (captions, photo credits, bylines,
//! "Related article" lines, bare links), quotations paired by their marks,
//! and sentences that never break inside a quotation.

use serde::Serialize;

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Headline,
    DateLine,
    Body,
    /// Left out: caption, credit, byline, related-article line, link.
    Boilerplate,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub role: Role,
}

/// A quotation: `inner` is the text between the marks.
#[derive(Debug, Clone)]
pub struct QuoteSpan {
    pub open: usize,
    pub inner_start: usize,
    pub inner_end: usize,
    pub close: usize,
    pub paragraph: usize,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// Paragraphs of `text`: blocks separated by blank lines; the lines of the
/// first block are separate paragraphs (headline, date line).
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut first = true;
    for (start, end) in blocks(text) {
        let block = &text[start..end];
        // The first block's lines are separate paragraphs (headline, date
        // line) unless they run on as one sentence wrapped over lines.
        let separate_lines = block.split('\n').skip(1).all(|l| {
            l.trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        if first && block.contains('\n') && separate_lines {
            let mut pos = start;
            for line in block.split('\n') {
                let (s, e) = trim_span(text, pos, pos + line.len());
                if s < e {
                    out.push(Paragraph {
                        start: s,
                        end: e,
                        role: Role::Body,
                    });
                }
                pos += line.len() + 1;
            }
        } else {
            out.push(Paragraph {
                start,
                end,
                role: Role::Body,
            });
        }
        first = false;
    }
    classify(text, &mut out);
    out
}

/// Byte spans of blank-line-separated blocks, trimmed.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let mut blank_run = false;
    for line in text.split_inclusive('\n') {
        let is_blank = line.trim().is_empty();
        if is_blank && !blank_run {
            let (s, e) = trim_span(text, start, pos);
            if s < e {
                out.push((s, e));
            }
        }
        if is_blank {
            start = pos + line.len();
        }
        blank_run = is_blank;
        pos += line.len();
    }
    let (s, e) = trim_span(text, start, text.len());
    if s < e {
        out.push((s, e));
    }
    out
}

fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail >= slice.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

fn classify(text: &str, paras: &mut [Paragraph]) {
    let mut seen_headline = false;
    for (n, p) in paras.iter_mut().enumerate() {
        let s = &text[p.start..p.end];
        p.role = if is_boilerplate(s) {
            Role::Boilerplate
        } else if n <= 2 && is_date_line(s) {
            Role::DateLine
        } else if !seen_headline && n == 0 && !ends_sentence(s) {
            seen_headline = true;
            Role::Headline
        } else {
            Role::Body
        };
    }
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with(['.', '?', '!', ':'])
}

/// Captions with credits, bylines, related-article lines, bare links.
fn is_boilerplate(s: &str) -> bool {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return t.split_whitespace().count() <= 3;
    }
    for lead in [
        "related article",
        "related:",
        "read more",
        "read also",
        "see also",
        "also read",
        "more:",
        "advertisement",
        "share this",
        "follow us",
        "subscribe",
    ] {
        if lower.starts_with(lead) {
            return true;
        }
    }
    if lower.starts_with("by ") && t.len() < 80 && !ends_sentence(t) {
        return true;
    }
    // A byline "Staff writers | Desk" (a date in it makes it a date line).
    if t.contains('|') && !ends_sentence(t) && !has_year(t) {
        return true;
    }
    // A caption: a paragraph closed by a credit — "(Source photos by AP)",
    // "(State Department)", or a bare domain "Kremlin.ru".
    if t.ends_with(')') && !t.ends_with(".)") {
        return t.contains(". ") || t.contains(", ") || t.split_whitespace().count() > 6;
    }
    if let Some(last) = t.split_whitespace().last() {
        let domain = last.rsplit_once('.').is_some_and(|(a, tld)| {
            !a.is_empty()
                && (2..=4).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
                && a.chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        });
        if domain && t.split_whitespace().count() > 2 {
            return true;
        }
    }
    false
}

fn has_year(s: &str) -> bool {
    s.as_bytes().windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (w[0] == b'1' || w[0] == b'2')
            && !s.as_bytes().get(i + 4).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !s.as_bytes()[i - 1].is_ascii_digit())
    })
}

/// A short line giving the date ("14:34 10.09.2025", "The Citizen|June
/// 20, 2024", "Published 7 October 2020").
fn is_date_line(s: &str) -> bool {
    s.len() < 80 && !ends_sentence(s) && has_year(s) && s.split_whitespace().count() <= 8
}

/// Quotation marks pair within a paragraph; a quotation left open runs to
/// the paragraph's end (the convention for quotations over paragraphs).
pub fn quotes(text: &str, paras: &[Paragraph]) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    for (n, p) in paras.iter().enumerate() {
        if p.role == Role::Boilerplate || p.role == Role::DateLine {
            continue;
        }
        let s = &text[p.start..p.end];
        let mut open: Option<(usize, char)> = None;
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let prev = k.checked_sub(1).map(|k| chars[k].1);
            let next = chars.get(k + 1).map(|x| x.1);
            let at = p.start + i;
            match (open, c) {
                (None, '“') => open = Some((at, c)),
                (None, '"') => open = Some((at, c)),
                (None, '‘' | '\'')
                    if !prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric) =>
                {
                    open = Some((at, c))
                }
                (Some((o, oc)), '”' | '"') if oc == '“' || oc == '"' => {
                    push_quote(&mut out, o, oc, at, c, n);
                    open = None;
                }
                (Some((o, oc)), '’' | '\'')
                    if (oc == '‘' || oc == '\'') && !next.is_some_and(char::is_alphanumeric) =>
                {
                    push_quote(&mut out, o, oc, at, c, n);
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((o, oc)) = open {
            if oc == '“' || oc == '"' {
                out.push(QuoteSpan {
                    open: o,
                    inner_start: o + oc.len_utf8(),
                    inner_end: p.end,
                    close: p.end,
                    paragraph: n,
                });
            }
        }
    }
    out
}

fn push_quote(
    out: &mut Vec<QuoteSpan>,
    open: usize,
    oc: char,
    close: usize,
    cc: char,
    paragraph: usize,
) {
    let inner_start = open + oc.len_utf8();
    if close > inner_start {
        out.push(QuoteSpan {
            open,
            inner_start,
            inner_end: close,
            close: close + cc.len_utf8(),
            paragraph,
        });
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "gen", "lt", "col", "adm", "sen", "rep", "gov", "st", "no", "vs", "art",
    "prof", "capt", "maj", "sgt", "jr", "sr", "inc", "co", "corp", "ltd",
];

/// Sentences of the body and headline paragraphs; a full stop inside a
/// quotation does not end the sentence.
pub fn sentences(text: &str, paras: &[Paragraph], quotes: &[QuoteSpan]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (n, p) in paras.iter().enumerate() {
        if p.role == Role::Boilerplate || p.role == Role::DateLine {
            continue;
        }
        let s = &text[p.start..p.end];
        let first = quotes.partition_point(|q| q.paragraph < n);
        let last = quotes.partition_point(|q| q.paragraph <= n);
        let mine = &quotes[first..last];
        let in_quote = |pos: usize| {
            let k = mine.partition_point(|q| q.open < pos);
            k > 0 && pos < mine[k - 1].inner_end
        };
        let mut start = p.start;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if matches!(b, b'.' | b'?' | b'!') && !in_quote(p.start + i) {
                // Closing quotation marks belong to the sentence.
                let mut j = i + 1;
                loop {
                    let rest = &s[j..];
                    if let Some(c) = rest
                        .chars()
                        .next()
                        .filter(|c| matches!(c, '"' | '”' | '’' | '\'' | ')'))
                    {
                        j += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let rest = &s[j..];
                let after = rest.trim_start();
                let spaced = rest.len() > after.len();
                let next_ok = after.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '[')
                });
                if spaced && next_ok && !abbreviation_before(s, i) {
                    out.push(Sentence {
                        start,
                        end: p.start + j,
                        paragraph: n,
                    });
                    start = p.start + j + (rest.len() - after.len());
                    i = start - p.start;
                    continue;
                }
            }
            i += 1;
        }
        if start < p.end {
            out.push(Sentence {
                start,
                end: p.end,
                paragraph: n,
            });
        }
    }
    out
}

/// The word before the full stop at `i` is an abbreviation or an initial.
fn abbreviation_before(s: &str, i: usize) -> bool {
    if s.as_bytes()[i] != b'.' {
        return false;
    }
    let word: String = s[..i]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    let letters: Vec<&str> = word.split('.').collect();
    if letters.iter().all(|w| w.chars().count() == 1)
        && word.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
}
