//! From bytes to article text: the size limit, binary and encoding checks,
//! and the choice between plain text and HTML (which `html` strips).

use crate::ReadError;

/// The largest article accepted: far above any news article (the longest
/// feature stories are a few hundred kilobytes), low enough that a wrong
/// file is refused at once instead of read.
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

/// What the input turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    Text,
    Html,
}

/// Decoded article text, with what it was and any publication date found
/// in HTML metadata.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub kind: InputKind,
    pub meta_published: Option<String>,
}

/// Check and decode raw bytes. Errors name the problem: empty, too large,
/// binary (NUL bytes or mostly control characters), UTF-16, invalid UTF-8
/// (with the byte offset).
pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16);
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(ReadError::Binary);
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    if !head.is_empty() && controls * 20 > head.len() {
        return Err(ReadError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let text = text.replace("\r\n", "\n");
    if looks_like_html(&text) {
        let page = crate::html::strip(&text);
        if page.text.trim().is_empty() {
            return Err(ReadError::Empty);
        }
        return Ok(Decoded {
            text: page.text,
            kind: InputKind::Html,
            meta_published: page.published,
        });
    }
    Ok(Decoded {
        text,
        kind: InputKind::Text,
        meta_published: None,
    })
}

/// HTML: the text opens with a tag or doctype, or holds common block tags.
fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start();
    let lower: String = start
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return true;
    }
    start.starts_with('<')
        && ["<p>", "<p ", "<div", "<body", "<head", "<article"]
            .iter()
            .any(|t| text.contains(t))
}
