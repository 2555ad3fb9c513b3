//! Which knowledge base a call uses: the embedded one, decoded once per
//! process and shared, or a directory the user loaded (`casus.KnowledgeBase`,
//! as the CLI's `--kb DIR`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use casus_core::KnowledgeBase;
use pyo3::prelude::*;

use crate::errors::InputError;

/// The embedded knowledge base.
pub fn embedded() -> Result<Arc<KnowledgeBase>, InputError> {
    static KB: OnceLock<Result<Arc<KnowledgeBase>, String>> = OnceLock::new();
    KB.get_or_init(|| {
        KnowledgeBase::embedded()
            .map(Arc::new)
            .map_err(|d| format!("the embedded knowledge base has {} problem(s)", d.0.len()))
    })
    .clone()
    .map_err(|reason| InputError::new("knowledge_base", reason))
}

/// A knowledge-base directory (one `casus kb export` or `casus import atop`
/// wrote); its problems are the `kb` argument's, the first few listed.
pub fn load_dir(dir: &Path) -> Result<KnowledgeBase, InputError> {
    KnowledgeBase::load_dir(dir).map_err(|e| match e {
        casus_core::kb::KbError::Invalid(d) => {
            let errors: Vec<String> =
                d.0.iter()
                    .filter(|d| d.severity == casus_core::Severity::Error)
                    .map(|d| d.to_string())
                    .collect();
            const SHOWN: usize = 5;
            let more = if errors.len() > SHOWN { "; …" } else { "" };
            InputError::new(
                "kb",
                format!(
                    "the knowledge base in {} has {} error(s): {}{more}",
                    dir.display(),
                    errors.len(),
                    errors[..errors.len().min(SHOWN)].join("; ")
                ),
            )
        }
        other => InputError::new("kb", other),
    })
}

/// `casus.KnowledgeBase`: a knowledge base loaded from a directory, to pass
/// as `kb=` to every function.
#[pyclass(frozen, name = "KnowledgeBase", module = "casus._casus")]
pub struct PyKnowledgeBase {
    pub kb: Arc<KnowledgeBase>,
    dir: PathBuf,
}

#[pymethods]
impl PyKnowledgeBase {
    /// Load and validate the knowledge base in `dir`.
    #[new]
    fn new(py: Python<'_>, dir: PathBuf) -> PyResult<PyKnowledgeBase> {
        let loaded = py
            .detach(|| load_dir(&dir))
            .map_err(|e| e.into_py_err(py))?;
        Ok(PyKnowledgeBase {
            kb: Arc::new(loaded),
            dir,
        })
    }

    /// The directory it was loaded from.
    #[getter]
    fn path(&self) -> PathBuf {
        self.dir.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "casus.KnowledgeBase({:?}: {} treaties, {} polities)",
            self.dir.display().to_string(),
            self.kb.treaties.len(),
            self.kb.polities.len()
        )
    }
}

/// The knowledge base a call asked for, taken while Python is attached:
/// `kb=` when given, else (resolved later, off the GIL) the embedded one.
pub struct Chosen(Option<Arc<KnowledgeBase>>);

impl Chosen {
    pub fn new(kb: Option<&Bound<'_, PyKnowledgeBase>>) -> Chosen {
        Chosen(kb.map(|handle| handle.get().kb.clone()))
    }

    /// The knowledge base itself (decoding the embedded one on first use).
    pub fn get(self) -> Result<Arc<KnowledgeBase>, InputError> {
        match self.0 {
            Some(kb) => Ok(kb),
            None => embedded(),
        }
    }
}
