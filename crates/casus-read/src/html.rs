//! A small HTML-to-text reader for news pages: drops scripts, styles,
//! navigation, headers, footers, asides, figures and captions, keeps the
//! text of headings and paragraphs (one paragraph per block element), and
//! reads the publication date from `<meta>` or `<time datetime>`.
//!
//! Why not html5ever: a full parser (with its code generation) costs more
//! compile time than this crate; article pages need only block boundaries,
//! a list of elements to skip, entities and two metadata fields, and a
//! malformed page degrades to more text, never to a failure.

/// The text of a page and its publication date, if the metadata gives one.
pub struct Page {
    pub text: String,
    pub published: Option<String>,
}

/// Elements whose content is boilerplate, not article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "noscript",
    "form",
    "button",
    "svg",
    "iframe",
    "template",
    "select",
    "menu",
    "title",
];

/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "article",
    "section",
    "blockquote",
    "tr",
    "table",
    "main",
    "body",
];

/// Strip tags from `html`. Never fails: unclosed tags and stray `<` are text.
pub fn strip(html: &str) -> Page {
    let mut out = String::with_capacity(html.len() / 2);
    let mut published = None;
    let mut skip_depth: Vec<String> = Vec::new();
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
                continue;
            }
            let Some(end) = html[i..].find('>').map(|e| i + e) else {
                break;
            };
            let tag = &html[i + 1..end];
            i = end + 1;
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if name.is_empty() {
                continue;
            }
            if published.is_none() {
                published = date_attribute(&name, tag);
            }
            if SKIP.contains(&name.as_str()) {
                if closing {
                    if let Some(p) = skip_depth.iter().rposition(|n| *n == name) {
                        skip_depth.truncate(p);
                    }
                } else if !tag.ends_with('/') {
                    skip_depth.push(name.clone());
                }
                continue;
            }
            if skip_depth.is_empty() && BLOCK.contains(&name.as_str()) && !out.ends_with("\n\n") {
                out.push_str("\n\n");
            }
            continue;
        }
        let next = html[i..].find('<').map_or(bytes.len(), |e| i + e);
        if skip_depth.is_empty() {
            push_text(&mut out, &html[i..next]);
        }
        i = next;
    }
    let text = out
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    Page { text, published }
}

/// Text content with entities decoded and whitespace collapsed.
fn push_text(out: &mut String, raw: &str) {
    let decoded = decode_entities(raw);
    for (n, word) in decoded.split_whitespace().enumerate() {
        if (n > 0 || raw.starts_with(char::is_whitespace))
            && !out.is_empty()
            && !out.ends_with(['\n', ' '])
        {
            out.push(' ');
        }
        out.push_str(word);
    }
    if raw.ends_with(char::is_whitespace) && !out.ends_with(['\n', ' ']) {
        out.push(' ');
    }
}

/// Decode the named entities news pages use and every numeric entity.
pub fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(semi) = rest[..crate::tokens::floor_boundary(rest, 12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "hellip" => Some('…'),
            _ => entity.strip_prefix('#').and_then(|n| {
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                };
                code.and_then(char::from_u32)
            }),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A publication date from `<meta property="article:published_time"
/// content="…">` (or `name="date"`, `pubdate`, …) or `<time datetime="…">`.
fn date_attribute(name: &str, tag: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let value = match name {
        "meta"
            if [
                "article:published_time",
                "\"date\"",
                "pubdate",
                "publishdate",
                "datepublished",
                "dc.date",
                "og:published_time",
            ]
            .iter()
            .any(|k| lower.contains(k)) =>
        {
            attribute(tag, "content")
        }
        "time" => attribute(tag, "datetime"),
        _ => None,
    }?;
    let day: String = value.chars().take(10).collect();
    crate::dates::parse_iso_day(&day).map(|_| day)
}

/// The value of attribute `key` in a tag's source.
fn attribute(tag: &str, key: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(key).map(|p| p + from) {
        let after = lower[p + key.len()..].trim_start();
        if let Some(v) = after.strip_prefix('=') {
            let v = v.trim_start();
            let start = tag.len() - v.len();
            let quote = v.chars().next()?;
            if quote == '"' || quote == '\'' {
                let end = tag[start + 1..].find(quote)? + start + 1;
                return Some(tag[start + 1..end].to_string());
            }
            let end = v.find(char::is_whitespace).unwrap_or(v.len());
            return Some(tag[start..start + end].to_string());
        }
        from = p + key.len();
    }
    None
}
