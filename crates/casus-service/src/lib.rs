//! casus-service: the layer between the engine (casus-core, casus-geo,
//! casus-escalate) and its front ends (the CLI, the HTTP server, the web
//! app, the Python package). It owns three things:
//!
//! - the typed requests ([`request`]) and their validation, with errors that
//!   name the field and the reason ([`ServiceError`]);
//! - the answers ([`why`], [`place`], [`commitments`], [`treaties`],
//!   [`show`], [`escalate`], [`search`]) as `Serialize` types whose JSON *is*
//!   the CLI's `--format json` output (docs/json.md): one definition, which
//!   the CLI prints and the server sends;
//! - per-request caps ([`Limits`]).
//!
//! It knows nothing of terminals or HTTP. A [`Service`] holds the knowledge
//! base in an `Arc` and builds the coordinate resolver once, on first need;
//! it is `Send + Sync`, so one instance serves every thread.

pub mod commitments;
pub mod error;
pub mod escalate;
mod limits;
pub mod place;
pub mod places;
pub mod request;
pub mod search;
pub mod show;
pub mod treaties;
pub mod why;

use std::sync::{Arc, Mutex, OnceLock};

use casus_core::KnowledgeBase;
use casus_geo::{Overlay, Resolver};

pub use error::{ErrorKind, Field, ServiceError};
pub use limits::Limits;
pub use request::*;

/// The coordinate resolver, built on first use from the knowledge base it
/// borrows (and the optional overlay, consumed then).
struct Geo<'kb> {
    overlay: Mutex<Option<Overlay>>,
    resolver: OnceLock<Result<Resolver<'kb>, String>>,
}

self_cell::self_cell!(
    struct Loaded {
        owner: Arc<KnowledgeBase>,
        #[not_covariant]
        dependent: Geo,
    }
);

/// One knowledge base, ready to answer requests.
pub struct Service {
    loaded: Loaded,
    overlay_path: Option<String>,
    limits: Limits,
    search: OnceLock<search::Index>,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service")
            .field("overlay_path", &self.overlay_path)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Service {
    /// A service over `kb` with the default limits.
    pub fn new(kb: Arc<KnowledgeBase>) -> Service {
        Service::with_overlay(kb, None)
    }

    /// A service whose coordinate lookups also consult `overlay` (a
    /// GeoJSON file of breakaway and disputed areas, read by the caller).
    pub fn with_overlay(kb: Arc<KnowledgeBase>, overlay: Option<Overlay>) -> Service {
        let overlay_path = overlay.as_ref().map(|o| o.path.clone());
        Service {
            loaded: Loaded::new(kb, |_| Geo {
                overlay: Mutex::new(overlay),
                resolver: OnceLock::new(),
            }),
            overlay_path,
            limits: Limits::default(),
            search: OnceLock::new(),
        }
    }

    /// The same service with other per-request limits.
    pub fn with_limits(mut self, limits: Limits) -> Service {
        self.limits = limits;
        self
    }

    pub fn kb(&self) -> &KnowledgeBase {
        self.loaded.borrow_owner()
    }

    /// The shared knowledge base.
    pub fn kb_arc(&self) -> &Arc<KnowledgeBase> {
        self.loaded.borrow_owner()
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The overlay file's path, when one was given.
    pub fn overlay_path(&self) -> Option<&str> {
        self.overlay_path.as_deref()
    }

    /// Run `f` with the knowledge base and the coordinate resolver (built
    /// on first call; an error if the embedded boundary layer cannot be read).
    pub fn with_resolver<R>(
        &self,
        f: impl for<'k> FnOnce(&'k KnowledgeBase, Result<&Resolver<'k>, &str>) -> R,
    ) -> R {
        self.loaded.with_dependent(|kb, geo| {
            let resolver = geo.resolver.get_or_init(|| {
                let overlay = geo.overlay.lock().ok().and_then(|mut o| o.take());
                Resolver::new(kb, overlay).map_err(|e| e.to_string())
            });
            f(kb, resolver.as_ref().map_err(String::as_str))
        })
    }
}

/// Parse a request date (`YYYY-MM-DD`) for `field`.
pub fn parse_date(field: Field, input: &str) -> Result<jiff::civil::Date, ServiceError> {
    casus_core::time::parse_day(input).map_err(|e| ServiceError::date(field, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_is_shareable_across_threads() {
        fn check<T: Send + Sync>() {}
        check::<Service>();
    }
}
