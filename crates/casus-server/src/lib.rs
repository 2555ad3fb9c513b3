//! casus-server: `casus serve`, the JSON API over HTTP. Routes mirror the
//! CLI (`/api/why`, `/api/place`, …; docs/server.md); every answer comes
//! from `casus-service`, so the JSON is the CLI's `--format json`.
//!
//! Modules: [`api`] the handlers and the router; [`params`] query strings
//! and JSON bodies into typed requests (errors name the field); [`error`]
//! the JSON error body and status codes; [`openapi`] the OpenAPI document
//! generated from the code; [`limits`] the hardening layers and their
//! numbers; [`cache`] answers kept for repeated requests. This module starts and stops the server.
//!
//! Everything is embedded: no file or network access at run time beyond
//! the knowledge-base directory the user may name with `--kb`.

pub mod api;
pub mod cache;
pub mod error;
pub mod limits;
pub mod openapi;
pub mod panel;
pub mod params;

use std::net::SocketAddr;
use std::sync::Arc;

use casus_service::Service;
use tokio::net::TcpListener;

pub use api::router;
pub use limits::ServerLimits;

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot start the async runtime: {0}")]
    Runtime(std::io::Error),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
}

/// Serve `service` on `addr` until SIGTERM or Ctrl-C, then finish the
/// requests in flight and return. Prints `listening on http://ADDR` on
/// stdout once bound (with the real port when `addr` asks for port 0);
/// request logs go to stderr.
pub fn run(service: Service, addr: &str, limits: ServerLimits) -> Result<(), ServeError> {
    init_logging();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("casus-serve")
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(async move {
        // Handlers first: a signal that arrives once `listening` is printed
        // must stop the server gracefully, not kill it.
        let shutdown = shutdown_signal();
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: addr.to_string(),
                source,
            })?;
        let local = listener.local_addr().map_err(ServeError::Serve)?;
        serve(listener, Arc::new(service), limits, shutdown, |bound| {
            println!("listening on http://{bound}");
        })
        .await?;
        tracing::info!(addr = %local, "stopped");
        Ok(())
    })
}

/// Serve on an already bound listener until `shutdown` completes.
/// `on_ready` is called with the bound address before the first request.
pub async fn serve(
    listener: TcpListener,
    service: Arc<Service>,
    limits: ServerLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let local = listener.local_addr().map_err(ServeError::Serve)?;
    let app = router(service, limits);
    on_ready(local);
    tracing::info!(addr = %local, "listening");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(ServeError::Serve)
}

/// A future that completes on SIGTERM or Ctrl-C (SIGINT). The handlers
/// are installed when this is called (inside the runtime), not when the
/// future is first polled, so no signal is missed between the two.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let terminate = signal(SignalKind::terminate()).ok();
        let interrupt = signal(SignalKind::interrupt()).ok();
        async move {
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = wait(interrupt) => tracing::info!("Ctrl-C: shutting down"),
                () = wait(terminate) => tracing::info!("SIGTERM: shutting down"),
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
            tracing::info!("Ctrl-C: shutting down");
        }
    }
}

/// Request logs on stderr, one line per event with key=value fields.
/// `CASUS_LOG=debug|info|warn|error|off` sets the level (default info).
fn init_logging() {
    let level = match std::env::var("CASUS_LOG").ok().as_deref() {
        Some("off") => None,
        Some("error") => Some(tracing::Level::ERROR),
        Some("warn") => Some(tracing::Level::WARN),
        Some("debug") => Some(tracing::Level::DEBUG),
        Some("trace") => Some(tracing::Level::TRACE),
        _ => Some(tracing::Level::INFO),
    };
    let Some(level) = level else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}
