//! The casus web app's files, embedded at build time: the page, its
//! stylesheet and scripts (plain JavaScript modules, no framework), and the
//! world map SVG generated from the `country-boundaries` layer
//! (`tests/map_generate.rs` makes it; the file is committed).
//!
//! [`asset`] answers a request path with the bytes, the content type and a
//! gzip variant compressed once, on first use. `casus serve` mounts it at `/`.

use std::io::Write as _;
use std::sync::OnceLock;

use flate2::write::GzEncoder;
use flate2::Compression;

/// One file of the web app.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// The file as shipped.
    pub bytes: &'static [u8],
    /// The `Content-Type` header value.
    pub content_type: &'static str,
    /// The same file gzip-compressed (`Content-Encoding: gzip`), when that
    /// is smaller.
    pub gzip: Option<&'static [u8]>,
    /// Whether the URL is versionless and must be revalidated (the page);
    /// the others may be cached briefly.
    pub is_page: bool,
}

struct File {
    path: &'static str,
    bytes: &'static [u8],
    content_type: &'static str,
}

macro_rules! file {
    ($path:literal, $type:literal) => {
        File {
            path: $path,
            bytes: include_bytes!(concat!("../app/", $path)),
            content_type: $type,
        }
    };
}

const FILES: &[File] = &[
    file!("index.html", "text/html; charset=utf-8"),
    file!("app.css", "text/css; charset=utf-8"),
    file!("app.js", "text/javascript; charset=utf-8"),
    file!("api.js", "text/javascript; charset=utf-8"),
    file!("map.js", "text/javascript; charset=utf-8"),
    file!("ui.js", "text/javascript; charset=utf-8"),
    file!("map.svg", "image/svg+xml"),
];

static GZIP: [OnceLock<Option<Vec<u8>>>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];

/// The web app's file for a request path (`/`, `/index.html`, `/app.js`,
/// …; a leading slash and a query string are ignored). `None` for anything
/// else, so no path can reach outside the embedded set.
pub fn asset(path: &str) -> Option<Asset> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    let index = FILES.iter().position(|f| f.path == path)?;
    let file = &FILES[index];
    let gzip = GZIP[index].get_or_init(|| compress(file.bytes)).as_deref();
    Some(Asset {
        bytes: file.bytes,
        content_type: file.content_type,
        gzip,
        is_page: file.path == "index.html",
    })
}

/// What to send for a request: the body and its headers, for any HTTP
/// framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reply {
    pub body: &'static [u8],
    pub content_type: &'static str,
    /// `Some("gzip")` when the body is the compressed variant.
    pub content_encoding: Option<&'static str>,
    /// `no-cache` for the page (its URL never changes), a short max-age for
    /// the rest.
    pub cache_control: &'static str,
}

/// The reply for `path`, given the request's `Accept-Encoding` header: the
/// gzip variant when the client takes gzip, else the plain file. The
/// server adds `Vary: Accept-Encoding`.
pub fn reply(path: &str, accept_encoding: Option<&str>) -> Option<Reply> {
    let asset = asset(path)?;
    let takes_gzip = accept_encoding.is_some_and(|header| {
        header.split(',').any(|part| {
            let mut fields = part.split(';');
            let coding = fields.next().unwrap_or_default().trim();
            let refused =
                fields.any(|q| matches!(q.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
    });
    let (body, content_encoding) = match asset.gzip {
        Some(gzip) if takes_gzip => (gzip, Some("gzip")),
        _ => (asset.bytes, None),
    };
    Some(Reply {
        body,
        content_type: asset.content_type,
        content_encoding,
        cache_control: if asset.is_page {
            "no-cache"
        } else {
            "public, max-age=300"
        },
    })
}

/// The paths [`asset`] serves, without the leading slash.
pub fn paths() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|f| f.path)
}

fn compress(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).ok()?;
    let out = encoder.finish().ok()?;
    (out.len() < bytes.len()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_the_page_at_root_and_by_name() {
        let root = asset("/").expect("root");
        assert!(root.is_page);
        assert_eq!(root.content_type, "text/html; charset=utf-8");
        assert_eq!(root.bytes, asset("/index.html").expect("index").bytes);
        assert_eq!(
            asset("/app.js?v=1").expect("query ignored").content_type,
            "text/javascript; charset=utf-8"
        );
    }

    #[test]
    fn refuses_paths_outside_the_set() {
        for path in [
            "/../Cargo.toml",
            "/app/../../src/lib.rs",
            "/nope.js",
            "//etc/passwd",
            "/api/why",
            "/src/lib.rs",
        ] {
            assert!(asset(path).is_none(), "{path}");
        }
    }

    #[test]
    fn gzip_round_trips_and_is_smaller() {
        use std::io::Read as _;
        for path in paths() {
            let a = asset(path).expect("listed path");
            let gz = a.gzip.expect("text files compress");
            assert!(gz.len() < a.bytes.len());
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(gz)
                .read_to_end(&mut out)
                .expect("valid gzip");
            assert_eq!(out, a.bytes, "{path}");
        }
    }

    #[test]
    fn reply_honours_accept_encoding() {
        let plain = reply("/map.svg", None).expect("map");
        assert_eq!(plain.content_encoding, None);
        assert_eq!(plain.content_type, "image/svg+xml");
        let gz = reply("/map.svg", Some("br, gzip;q=0.8")).expect("map");
        assert_eq!(gz.content_encoding, Some("gzip"));
        assert!(gz.body.len() < plain.body.len());
        assert_eq!(
            reply("/map.svg", Some("gzip;q=0"))
                .expect("map")
                .content_encoding,
            None
        );
        assert_eq!(
            reply("/", Some("gzip")).expect("page").cache_control,
            "no-cache"
        );
        assert!(reply("/../etc/passwd", Some("gzip")).is_none());
    }

    #[test]
    fn page_references_only_embedded_files() {
        let html = std::str::from_utf8(asset("/").expect("page").bytes).expect("utf-8");
        for attr in ["src=\"", "href=\""] {
            for rest in html.split(attr).skip(1) {
                let target = rest.split('"').next().unwrap_or_default();
                if target.starts_with("http")
                    || target.starts_with('#')
                    || target.starts_with("data:")
                {
                    continue;
                }
                assert!(asset(target).is_some(), "{target} is not embedded");
            }
        }
        // Nothing is fetched from elsewhere: no script or stylesheet from a CDN.
        assert!(!html.contains("<script src=\"http"));
        assert!(!html.contains("stylesheet\" href=\"http"));
    }
}
