//! Output that is never half there: a file (or a partitioned directory) is
//! written under a hidden temporary name beside its final one and renamed
//! only when complete. An existing output is kept unless `force` is given;
//! an interrupted or failed run removes its temporary (or, if killed,
//! leaves only a dot-named `.NAME.partial-PID` that no reader takes for the
//! panel).

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::error::PanelError;

/// An output being written.
#[derive(Debug)]
pub struct Staged {
    final_path: PathBuf,
    temp_path: PathBuf,
    is_dir: bool,
    done: bool,
}

fn temp_beside(path: &Path) -> Result<PathBuf, PanelError> {
    let name = path
        .file_name()
        .ok_or_else(|| PanelError::Usage(format!("{} is not a file name", path.display())))?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(PanelError::Unwritable {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("the directory {} does not exist", parent.display()),
            ),
        });
    }
    Ok(parent.join(format!(
        ".{}.partial-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

impl Staged {
    /// Open a temporary file for `path`.
    pub fn file(path: &Path, force: bool) -> Result<(Staged, File), PanelError> {
        if path.is_dir() {
            return Err(PanelError::Usage(format!(
                "{} is a directory; name a file (or use --partition-by year for a directory)",
                path.display()
            )));
        }
        if path.exists() && !force {
            return Err(PanelError::OutputExists(path.to_path_buf()));
        }
        let temp_path = temp_beside(path)?;
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp_path)
            .map_err(|source| PanelError::Unwritable {
                path: path.to_path_buf(),
                source,
            })?;
        Ok((
            Staged {
                final_path: path.to_path_buf(),
                temp_path,
                is_dir: false,
                done: false,
            },
            file,
        ))
    }

    /// Create a temporary directory for `path`. With `force`, an existing
    /// `path` is replaced only if it holds nothing but `year=…` partitions.
    pub fn dir(path: &Path, force: bool) -> Result<Staged, PanelError> {
        if path.exists() {
            if !force {
                return Err(PanelError::OutputExists(path.to_path_buf()));
            }
            if !path.is_dir() || !only_partitions(path) {
                return Err(PanelError::Usage(format!(
                    "{} exists and is not a partitioned panel (only year=… directories); \
                     refusing to replace it",
                    path.display()
                )));
            }
        }
        let temp_path = temp_beside(path)?;
        fs::create_dir(&temp_path).map_err(|source| PanelError::Unwritable {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Staged {
            final_path: path.to_path_buf(),
            temp_path,
            is_dir: true,
            done: false,
        })
    }

    /// Where to write now.
    pub fn temp_path(&self) -> &Path {
        &self.temp_path
    }

    /// Move the finished output into place.
    pub fn commit(mut self) -> Result<(), PanelError> {
        let io = |source| PanelError::Write {
            what: self.final_path.display().to_string(),
            source,
        };
        if self.is_dir && self.final_path.exists() {
            fs::remove_dir_all(&self.final_path).map_err(io)?;
        }
        fs::rename(&self.temp_path, &self.final_path).map_err(|source| PanelError::Write {
            what: self.final_path.display().to_string(),
            source,
        })?;
        self.done = true;
        Ok(())
    }
}

fn only_partitions(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).all(|e| {
            e.file_name().to_string_lossy().starts_with("year=")
                && e.file_type().is_ok_and(|t| t.is_dir())
        })
    })
}

impl Drop for Staged {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        if self.is_dir {
            let _ = fs::remove_dir_all(&self.temp_path);
        } else {
            let _ = fs::remove_file(&self.temp_path);
        }
    }
}
