//! The hardening numbers and the tower layers that enforce them: request
//! body size, per-request time, requests in flight, escalations running at
//! once (each may run Monte Carlo on the blocking pool), and the service's
//! own per-request caps (Monte Carlo runs, list lengths, input length).

use std::time::Duration;

/// Limits of one server.
#[derive(Debug, Clone, Copy)]
pub struct ServerLimits {
    /// Most bytes of a request body (a JSON request or scenario).
    pub body_bytes: usize,
    /// Longest a request may take before a 408.
    pub timeout: Duration,
    /// Most requests being handled at once; more wait their turn.
    pub concurrency: usize,
    /// Most escalations running at once (CPU-bound, on the blocking pool).
    pub escalations: usize,
    /// The service's per-request caps.
    pub service: casus_service::Limits,
    /// Answers kept for repeated GET requests (0: none).
    pub cache_entries: usize,
    /// Bytes of answers kept in all.
    pub cache_bytes: usize,
}

impl Default for ServerLimits {
    fn default() -> ServerLimits {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        ServerLimits {
            body_bytes: 128 * 1024,
            timeout: Duration::from_secs(10),
            concurrency: 512,
            escalations: cores,
            service: casus_service::Limits::default(),
            cache_entries: match std::env::var("CASUS_SERVE_CACHE").as_deref() {
                Ok("off") | Ok("0") => 0,
                _ => 4096,
            },
            cache_bytes: 256 * 1024 * 1024,
        }
    }
}
