//! Which knowledge base a call uses: the embedded one, decoded once per
//! process and shared, or a directory the user loaded (`casus.KnowledgeBase`,
//! as the CLI's `--kb DIR`). Each is held as a `casus_service::Service`, so
//! the coordinate resolver and the search index are built once per base.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use casus_core::KnowledgeBase;
use casus_service::{Limits, Service};
use pyo3::prelude::*;

use crate::errors::InputError;

/// A service over `kb` with the CLI's limits: a notebook is as local as a
/// shell, so it gets the same caps as the command line, not the server's.
fn service(kb: KnowledgeBase) -> Service {
    Service::new(Arc::new(kb)).with_limits(Limits::cli())
}

/// The service over the embedded knowledge base.
pub fn embedded() -> Result<Arc<Service>, InputError> {
    static SERVICE: OnceLock<Result<Arc<Service>, String>> = OnceLock::new();
    SERVICE
        .get_or_init(|| {
            KnowledgeBase::embedded()
                .map(|kb| Arc::new(service(kb)))
                .map_err(|d| format!("the embedded knowledge base has {} problem(s)", d.0.len()))
        })
        .clone()
        .map_err(|reason| InputError::new("internal", "internal", reason))
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
                "document",
                format!(
                    "the knowledge base in {} has {} error(s): {}{more}",
                    dir.display(),
                    errors.len(),
                    errors[..errors.len().min(SHOWN)].join("; ")
                ),
            )
        }
        other => InputError::new("kb", "document", other),
    })
}

/// `casus.KnowledgeBase`: a knowledge base loaded from a directory, to pass
/// as `kb=` to every function.
#[pyclass(frozen, name = "KnowledgeBase", module = "casus._casus")]
pub struct PyKnowledgeBase {
    pub service: Arc<Service>,
    dir: PathBuf,
}

#[pymethods]
impl PyKnowledgeBase {
    /// Load and validate the knowledge base in `dir`.
    #[new]
    fn new(py: Python<'_>, dir: PathBuf) -> PyResult<PyKnowledgeBase> {
        let kb = py
            .detach(|| load_dir(&dir))
            .map_err(|e| e.into_py_err(py))?;
        Ok(PyKnowledgeBase {
            service: Arc::new(service(kb)),
            dir,
        })
    }

    /// The directory it was loaded from.
    #[getter]
    fn path(&self) -> PathBuf {
        self.dir.clone()
    }

    fn __repr__(&self) -> String {
        let kb = self.service.kb();
        format!(
            "casus.KnowledgeBase({:?}: {} treaties, {} polities)",
            self.dir.display().to_string(),
            kb.treaties.len(),
            kb.polities.len()
        )
    }
}

/// The knowledge base a call asked for, taken while Python is attached:
/// `kb=` when given, else (resolved later, off the GIL) the embedded one.
pub struct Chosen(Option<Arc<Service>>);

impl Chosen {
    pub fn new(kb: Option<&Bound<'_, PyKnowledgeBase>>) -> Chosen {
        Chosen(kb.map(|handle| handle.get().service.clone()))
    }

    /// The service itself (decoding the embedded base on first use).
    pub fn get(self) -> Result<Arc<Service>, InputError> {
        match self.0 {
            Some(service) => Ok(service),
            None => embedded(),
        }
    }
}
