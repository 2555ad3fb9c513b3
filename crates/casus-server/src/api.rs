//! The routes: `/healthz`, the JSON API under `/api/` (GET with query
//! parameters, POST with a JSON body for `why` and `escalate`), the OpenAPI
//! document, the panel as a streamed CSV download ([`crate::panel`]), and
//! a JSON 404 for everything else. Handlers parse the
//! request ([`crate::params`]), ask the shared [`Service`], and send its
//! answer as JSON. Engine calls take microseconds and run inline; an
//! escalation (Monte Carlo) runs on the blocking pool, a few at a time.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use casus_service::escalate::NoProgress;
use casus_service::{
    CommitmentsRequest, EscalateRequest, PlaceRequest, SearchRequest, Service, ShowRequest,
    TreatiesRequest, WhyRequest,
};
use serde::Serialize;
use tokio::sync::Semaphore;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::cache::AnswerCache;
use crate::error::{json_errors, ApiError};
use crate::params::{self, from_body, from_query};
use crate::ServerLimits;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub service: Arc<Service>,
    /// Permits for escalations running at once.
    pub escalations: Arc<Semaphore>,
    /// Answers to repeated GET requests.
    pub cache: Arc<AnswerCache>,
}

impl AppState {
    /// One of the permits for CPU-heavy work on the blocking pool
    /// (escalations, panels), waited for when all are taken.
    pub async fn heavy_work_permit(&self) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
        self.escalations
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::from_status(StatusCode::SERVICE_UNAVAILABLE))
    }
}

type Answer = Result<Response, ApiError>;

/// Answers larger than this are computed each time, not kept.
const MAX_CACHED_ANSWER_BYTES: usize = 4 * 1024 * 1024;

/// The whole application: routes, state and hardening layers.
pub fn router(service: Arc<Service>, limits: ServerLimits) -> Router {
    let state = AppState {
        service,
        escalations: Arc::new(Semaphore::new(limits.escalations.max(1))),
        cache: Arc::new(AnswerCache::new(
            limits.cache_entries,
            limits.cache_bytes,
            MAX_CACHED_ANSWER_BYTES,
        )),
    };
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/why", get(why_get).post(why_post))
        .route("/api/place", get(place_get))
        .route("/api/commitments", get(commitments_get))
        .route("/api/treaties", get(treaties_get))
        .route("/api/show", get(show_get))
        .route("/api/escalate", get(escalate_get).post(escalate_post))
        .route("/api/search", get(search_get))
        .route("/api/panel", get(crate::panel::panel_get))
        .route("/api/openapi.json", get(openapi_json))
        // webapp: the web app (crates/casus-web) at `/`; other paths get the JSON 404.
        .fallback(web_app)
        .with_state(state)
        // Panics, body size, time, requests in flight (outermost first).
        .layer(
            ServiceBuilder::new()
                .layer(CatchPanicLayer::custom(panic_response))
                .layer(RequestBodyLimitLayer::new(limits.body_bytes))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    limits.timeout,
                ))
                .layer(GlobalConcurrencyLimitLayer::new(limits.concurrency.max(1))),
        )
        // Every error those layers or the router produce becomes JSON.
        .layer(axum::middleware::map_response(json_errors))
        // Outermost: compression and request logs.
        .layer(
            ServiceBuilder::new()
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                        .on_response(DefaultOnResponse::new().level(Level::INFO)),
                )
                .layer(CompressionLayer::new()),
        )
}

/// A JSON response of `value`.
fn json<T: Serialize>(value: &T) -> Answer {
    Ok(json_bytes(to_json(value)?))
}

fn to_json<T: Serialize>(value: &T) -> Result<Bytes, ApiError> {
    serde_json::to_vec(value)
        .map(Bytes::from)
        .map_err(|e| ApiError::from_status(StatusCode::INTERNAL_SERVER_ERROR).with_reason(e))
}

fn json_bytes(body: Bytes) -> Response {
    let mut res = Response::new(Body::from(body));
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// Whether the client takes gzip (`Accept-Encoding: gzip`, not `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused =
                parts.any(|p| p.replace(' ', "").starts_with("q=0") && !p.contains("q=0."));
            name.eq_ignore_ascii_case("gzip") && !refused
        })
}

/// Answers smaller than this are sent as they are.
const GZIP_FROM_BYTES: usize = 1024;

fn gzip(body: &[u8]) -> Option<Bytes> {
    use std::io::Write;
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(body).ok()?;
    z.finish().ok().map(Bytes::from)
}

fn gzip_response(body: Bytes) -> Response {
    let mut res = json_bytes(body);
    let h = res.headers_mut();
    h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    res
}

/// The cached answer to GET `route?query`, or `answer`'s, then kept; for
/// clients that take gzip, the answer gzipped once and kept too.
fn cached<T: Serialize>(
    s: &AppState,
    route: &str,
    query: Option<&str>,
    headers: &HeaderMap,
    answer: impl FnOnce(Option<&str>) -> Result<T, ApiError>,
) -> Answer {
    let key = format!("{route}?{}", query.unwrap_or(""));
    let gzipped = accepts_gzip(headers);
    let gzip_key = format!("gzip:{key}");
    if gzipped {
        if let Some(body) = s.cache.get(&gzip_key) {
            return Ok(gzip_response(body));
        }
    }
    let body = match s.cache.get(&key) {
        Some(body) => body,
        None => {
            let body = to_json(&answer(query)?)?;
            s.cache.put(key, body.clone());
            body
        }
    };
    if gzipped && body.len() >= GZIP_FROM_BYTES {
        if let Some(z) = gzip(&body) {
            s.cache.put(gzip_key, z.clone());
            return Ok(gzip_response(z));
        }
    }
    Ok(json_bytes(body))
}

impl ApiError {
    fn with_reason(mut self, reason: impl std::fmt::Display) -> ApiError {
        self.detail.reason = reason.to_string();
        self
    }
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::from_status(StatusCode::INTERNAL_SERVER_ERROR).into_response()
}

async fn not_found() -> ApiError {
    ApiError::from_status(StatusCode::NOT_FOUND)
}

// ---- webapp: the web app's embedded files -----------------------------------
/// GET or HEAD of one of the web app's files (`casus_web::reply`: gzip when
/// the client takes it); anything else is the JSON 404.
async fn web_app(
    method: axum::http::Method,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
) -> Response {
    use axum::http::Method;
    let accept = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok());
    let reply = (method == Method::GET || method == Method::HEAD)
        .then(|| casus_web::reply(uri.path(), accept))
        .flatten();
    let Some(reply) = reply else {
        return not_found().await.into_response();
    };
    let mut res = Response::new(Body::from(Bytes::from_static(reply.body)));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(reply.content_type),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(reply.cache_control),
    );
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Some(encoding) = reply.content_encoding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    res
}
// ---- end webapp ---------------------------------------------------------------

/// Liveness: `{"status":"ok"}` once the knowledge base is loaded.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "the server is up")))]
pub async fn healthz(State(s): State<AppState>) -> Answer {
    #[derive(Serialize)]
    struct Health {
        status: &'static str,
        version: &'static str,
        treaties: usize,
        polities: usize,
    }
    json(&Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        treaties: s.service.kb().treaties.len(),
        polities: s.service.kb().polities.len(),
    })
}

/// Judge an attack: which commitments it triggers, for whom, and why.
#[utoipa::path(get, path = "/api/why", params(WhyRequest),
    responses(
        (status = 200, description = "the analysis, as `casus why --format json` (docs/json.md)", content_type = "application/json"),
        (status = 400, description = "malformed input", body = crate::error::ErrorBody),
        (status = 422, description = "unknown names, contradictory input, or nothing to judge", body = crate::error::ErrorBody)))]
pub async fn why_get(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Answer {
    cached(&s, "why", q.as_deref(), &headers, |q| {
        Ok(s.service.why(&from_query(q, &params::WHY)?)?)
    })
}

/// Judge an attack given as a JSON body.
#[utoipa::path(post, path = "/api/why", request_body = WhyRequest,
    responses(
        (status = 200, description = "the analysis, as `casus why --format json`", content_type = "application/json"),
        (status = 400, description = "malformed JSON or input", body = crate::error::ErrorBody),
        (status = 413, description = "body too large", body = crate::error::ErrorBody),
        (status = 422, description = "unknown names or contradictory input", body = crate::error::ErrorBody)))]
pub async fn why_post(State(s): State<AppState>, body: Bytes) -> Answer {
    json(&s.service.why(&from_body::<WhyRequest>(&body)?)?)
}

/// How a place (name or coordinates) resolves on a date.
#[utoipa::path(get, path = "/api/place", params(PlaceRequest),
    responses(
        (status = 200, description = "as `casus place --format json`", content_type = "application/json"),
        (status = 400, description = "malformed input", body = crate::error::ErrorBody),
        (status = 422, description = "unknown place", body = crate::error::ErrorBody)))]
pub async fn place_get(State(s): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    json(
        &s.service
            .place(&from_query::<PlaceRequest>(q.as_deref(), &params::PLACE)?)?,
    )
}

/// What a state owes and is owed on a date.
#[utoipa::path(get, path = "/api/commitments", params(CommitmentsRequest),
    responses(
        (status = 200, description = "as `casus commitments --format json`", content_type = "application/json"),
        (status = 400, description = "malformed input", body = crate::error::ErrorBody),
        (status = 422, description = "unknown state", body = crate::error::ErrorBody)))]
pub async fn commitments_get(State(s): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    json(&s.service.commitments(&from_query::<CommitmentsRequest>(
        q.as_deref(),
        &params::PLAIN,
    )?)?)
}

/// Every treaty, or those in force on a date.
#[utoipa::path(get, path = "/api/treaties", params(TreatiesRequest),
    responses(
        (status = 200, description = "as `casus treaties --format json`", content_type = "application/json"),
        (status = 400, description = "malformed date", body = crate::error::ErrorBody)))]
pub async fn treaties_get(State(s): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    json(&s.service.treaties(&from_query::<TreatiesRequest>(
        q.as_deref(),
        &params::PLAIN,
    )?)?)
}

/// One treaty in full.
#[utoipa::path(get, path = "/api/show", params(ShowRequest),
    responses(
        (status = 200, description = "as `casus show --format json`", content_type = "application/json"),
        (status = 422, description = "unknown treaty", body = crate::error::ErrorBody)))]
pub async fn show_get(State(s): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    json(
        &s.service
            .show(&from_query::<ShowRequest>(q.as_deref(), &params::PLAIN)?)?,
    )
}

/// Follow an attack round by round (one attack given by parameters).
#[utoipa::path(get, path = "/api/escalate", params(EscalateRequest),
    responses(
        (status = 200, description = "as `casus escalate --format json`", content_type = "application/json"),
        (status = 400, description = "malformed input", body = crate::error::ErrorBody),
        (status = 422, description = "unknown names, contradictory input, too many Monte Carlo runs", body = crate::error::ErrorBody)))]
pub async fn escalate_get(State(s): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    let key = format!("escalate?{}", q.as_deref().unwrap_or(""));
    if let Some(body) = s.cache.get(&key) {
        return Ok(json_bytes(body));
    }
    let req = from_query(q.as_deref(), &params::ESCALATE)?;
    let cache = s.cache.clone();
    let body = escalate(s, req).await?;
    cache.put(key, body.clone());
    Ok(json_bytes(body))
}

/// Follow an attack round by round: a JSON body, which may carry a
/// scenario document (`{"scenario": {"name": "…", "toml": "…"}}`).
#[utoipa::path(post, path = "/api/escalate", request_body = EscalateRequest,
    responses(
        (status = 200, description = "as `casus escalate --format json`", content_type = "application/json"),
        (status = 400, description = "malformed JSON or input", body = crate::error::ErrorBody),
        (status = 413, description = "body too large", body = crate::error::ErrorBody),
        (status = 422, description = "unknown names, a bad scenario document, too many Monte Carlo runs", body = crate::error::ErrorBody)))]
pub async fn escalate_post(State(s): State<AppState>, body: Bytes) -> Answer {
    Ok(json_bytes(escalate(s, from_body(&body)?).await?))
}

/// Run an escalation on the blocking pool, holding one of the permits for
/// as long as it runs (even if the client has gone).
async fn escalate(s: AppState, req: EscalateRequest) -> Result<Bytes, ApiError> {
    let permit = s.heavy_work_permit().await?;
    let service = s.service.clone();
    let answer = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        service
            .escalate(&req, &NoProgress)
            .map(|a| serde_json::to_vec(&a))
    })
    .await
    .map_err(|e| ApiError::from_status(StatusCode::INTERNAL_SERVER_ERROR).with_reason(e))??;
    answer
        .map(Bytes::from)
        .map_err(|e| ApiError::from_status(StatusCode::INTERNAL_SERVER_ERROR).with_reason(e))
}

/// Type-ahead over names: states, armed groups, treaties, places (the
/// knowledge base's and the GeoNames gazetteer's).
#[utoipa::path(get, path = "/api/search", params(SearchRequest),
    responses(
        (status = 200, description = "ranked matches", body = casus_service::search::SearchResponse),
        (status = 400, description = "malformed input (limit out of range)", body = crate::error::ErrorBody)))]
pub async fn search_get(State(s): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    json(
        &s.service
            .search(&from_query::<SearchRequest>(q.as_deref(), &params::SEARCH)?)?,
    )
}

/// This API's OpenAPI 3.1 document.
#[utoipa::path(get, path = "/api/openapi.json", responses((status = 200, description = "the OpenAPI document")))]
pub async fn openapi_json() -> Answer {
    json(&crate::openapi::document())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).expect("a header"),
        );
        h
    }

    #[test]
    fn gzip_is_taken_unless_refused() {
        assert!(accepts_gzip(&headers("gzip, deflate, br")));
        assert!(accepts_gzip(&headers("br;q=1.0, GZIP;q=0.5")));
        assert!(!accepts_gzip(&headers("gzip;q=0")));
        assert!(!accepts_gzip(&headers("br")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
