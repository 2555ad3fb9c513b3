//! Input limits and careful file reading: the sizes and counts past which
//! casus refuses an input instead of exhausting the machine, and reading a
//! user-named file only when it is a regular file within its limit (a FIFO
//! or a device would block or never end). The CLI and the server share these
//! constants; docs/limits.md lists them.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest knowledge-base file read (bytes). The largest shipped file is
/// about 135 kB; an ATOP import writes files of a few MB.
pub const MAX_KB_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The most `*.toml` files read from one knowledge-base directory.
pub const MAX_KB_FILES: usize = 20_000;

/// The largest scenario file read by `casus escalate` (bytes).
pub const MAX_SCENARIO_FILE_BYTES: u64 = 256 * 1024;

/// The largest dataset file `casus import` reads (bytes): ATOP's and COW's
/// CSV files are far smaller; the limit stops a device or a runaway file.
pub const MAX_IMPORT_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The largest `--boundaries` GeoJSON file read (bytes); Natural Earth's
/// disputed-areas file is a few MB.
pub const MAX_BOUNDARY_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Names echoed in messages are cut to this many characters.
pub const MAX_ECHOED_NAME_CHARS: usize = 80;

/// A user-named file that cannot be used as text.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read {what} {path}: it does not exist")]
    NotFound { what: &'static str, path: PathBuf },
    #[error("{path} ({what}) is a directory, not a file")]
    IsDirectory { what: &'static str, path: PathBuf },
    #[error("{path} ({what}) is not a regular file but {kind}; casus reads only regular files")]
    NotRegular {
        what: &'static str,
        path: PathBuf,
        kind: &'static str,
    },
    #[error(
        "{path} ({what}) is {size} bytes, over the limit of {limit} bytes (see docs/limits.md)"
    )]
    TooLarge {
        what: &'static str,
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path} ({what}) is UTF-16 text; save it as UTF-8")]
    Utf16 { what: &'static str, path: PathBuf },
    #[error("{path} ({what}) is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        what: &'static str,
        path: PathBuf,
        offset: usize,
    },
    #[error("cannot read {what} {path}: {source}")]
    Io {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What kind of non-regular file `meta` describes, in words.
pub fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let ft = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a directory"
    } else if ft.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Check that `path` is a regular file of at most `limit` bytes, without
/// opening it (opening a FIFO blocks). Symbolic links are followed.
pub fn check_regular_file(path: &Path, what: &'static str, limit: u64) -> Result<u64, FileError> {
    let meta = std::fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => FileError::NotFound {
            what,
            path: path.into(),
        },
        _ => FileError::Io {
            what,
            path: path.into(),
            source,
        },
    })?;
    if meta.is_dir() {
        return Err(FileError::IsDirectory {
            what,
            path: path.into(),
        });
    }
    if !meta.is_file() {
        return Err(FileError::NotRegular {
            what,
            path: path.into(),
            kind: file_kind(&meta),
        });
    }
    if meta.len() > limit {
        return Err(FileError::TooLarge {
            what,
            path: path.into(),
            size: meta.len(),
            limit,
        });
    }
    Ok(meta.len())
}

/// Read a user-named text file: a regular file of at most `limit` bytes, in
/// UTF-8 (a UTF-16 byte-order mark is named as such). `what` names the file
/// in messages ("scenario file", "knowledge-base file").
pub fn read_text_file(path: &Path, what: &'static str, limit: u64) -> Result<String, FileError> {
    check_regular_file(path, what, limit)?;
    let io = |source| FileError::Io {
        what,
        path: path.into(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    // The file may grow between the check and the read: read one byte past
    // the limit at most.
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge {
            what,
            path: path.into(),
            size: bytes.len() as u64,
            limit,
        });
    }
    text_from_bytes(bytes, path, what)
}

/// Decode file bytes as UTF-8, naming UTF-16 when its byte-order mark is
/// there. A UTF-8 byte-order mark is dropped.
pub fn text_from_bytes(
    bytes: Vec<u8>,
    path: &Path,
    what: &'static str,
) -> Result<String, FileError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FileError::Utf16 {
            what,
            path: path.into(),
        });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| FileError::NotUtf8 {
        what,
        path: path.into(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// `name` cut to [`MAX_ECHOED_NAME_CHARS`] characters (with "…" and the
/// full length), for echoing user input in messages.
pub fn truncate_for_message(name: &str) -> String {
    let count = name.chars().count();
    if count <= MAX_ECHOED_NAME_CHARS {
        return name.to_string();
    }
    let head: String = name.chars().take(MAX_ECHOED_NAME_CHARS).collect();
    format!("{head}… ({count} characters)")
}

/// `name` in quotes (Rust debug escaping), cut like [`truncate_for_message`].
pub fn quoted_for_message(name: &str) -> String {
    let count = name.chars().count();
    if count <= MAX_ECHOED_NAME_CHARS {
        return format!("{name:?}");
    }
    let head: String = name.chars().take(MAX_ECHOED_NAME_CHARS).collect();
    format!("{head:?}… ({count} characters)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut() {
        let long = "x".repeat(10_000);
        let cut = truncate_for_message(&long);
        assert!(cut.chars().count() < 120, "{cut}");
        assert!(cut.contains("10000 characters"), "{cut}");
        assert_eq!(truncate_for_message("Armenia"), "Armenia");
    }

    #[test]
    fn utf16_is_named() {
        let e = text_from_bytes(vec![0xFF, 0xFE, b'a', 0], Path::new("x.csv"), "file").unwrap_err();
        assert!(e.to_string().contains("UTF-16"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_blocking() {
        let e = read_text_file(Path::new("/dev/null"), "scenario file", 10).unwrap_err();
        assert!(e.to_string().contains("character device"), "{e}");
    }
}
