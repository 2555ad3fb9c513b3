//! Errors as HTTP responses: every error is JSON
//! `{ "error": { "field", "kind", "reason", "did_you_mean" } }` with a 4xx
//! status for anything the client sent, and 5xx only for the server's own
//! failures. [`json_errors`] rewrites the bodies of errors produced by
//! layers and the router (404, 405, 408, 413, 503) into the same shape.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use casus_service::{ErrorKind, ServiceError};
use serde::Serialize;

/// The body of every error response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// The request field or query parameter at fault (`attacker`, `on`,
    /// `runs`, …); `null` when the request as a whole is (unknown route,
    /// method, body too large, timeout).
    pub field: Option<String>,
    /// `malformed`, `unknown`, `ambiguous`, `conflict`, `too_large`,
    /// `no_answer`, `document`, `not_found`, `method_not_allowed`,
    /// `timeout`, `busy` or `internal`.
    pub kind: String,
    /// The reason, worded as the CLI words it.
    pub reason: String,
    /// Near names for an unknown name, or the candidates for an ambiguous one.
    pub did_you_mean: Vec<String>,
}

/// An error to send.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub detail: ErrorDetail,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        field: Option<&str>,
        kind: &str,
        reason: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            detail: ErrorDetail {
                field: field.map(str::to_string),
                kind: kind.to_string(),
                reason: reason.into(),
                did_you_mean: Vec::new(),
            },
        }
    }

    /// A malformed request (bad JSON, a parameter of the wrong type).
    pub fn bad_request(field: Option<&str>, reason: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, field, "malformed", reason)
    }

    /// The response for a bare status from a layer or the router.
    pub fn from_status(status: StatusCode) -> ApiError {
        let (kind, reason) = match status {
            StatusCode::NOT_FOUND => ("not_found", "no such route; see /api/openapi.json"),
            StatusCode::METHOD_NOT_ALLOWED => (
                "method_not_allowed",
                "this route does not take that method (the API is read-only: GET, and POST where a body is natural)",
            ),
            StatusCode::PAYLOAD_TOO_LARGE => ("too_large", "the request body is larger than the limit"),
            StatusCode::REQUEST_TIMEOUT => ("timeout", "the request took longer than the limit"),
            StatusCode::SERVICE_UNAVAILABLE => ("busy", "the server is busy; try again"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ("malformed", "the body must be JSON"),
            s if s.is_client_error() => ("malformed", "the request was refused"),
            _ => ("internal", "the server failed on this request"),
        };
        ApiError::new(status, None, kind, reason)
    }
}

/// The status for a service error: 400 malformed input, 422 input that is
/// well-formed but cannot be answered, 500 only for the server's own data.
pub fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::Malformed => StatusCode::BAD_REQUEST,
        ErrorKind::Unknown
        | ErrorKind::Ambiguous
        | ErrorKind::Conflict
        | ErrorKind::TooLarge
        | ErrorKind::NoAnswer
        | ErrorKind::Document => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> ApiError {
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| "internal".into());
        let field = match e.field {
            casus_service::Field::Internal | casus_service::Field::Request => None,
            f => Some(f.name().to_string()),
        };
        ApiError {
            status: status_of(e.kind),
            detail: ErrorDetail {
                field,
                kind,
                reason: e.reason,
                did_you_mean: e.did_you_mean,
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(status = self.status.as_u16(), reason = %self.detail.reason, "request failed");
        }
        let body = serde_json::to_vec(&ErrorBody { error: self.detail }).unwrap_or_else(|_| {
            br#"{"error":{"field":null,"kind":"internal","reason":"","did_you_mean":[]}}"#.to_vec()
        });
        let mut res = Response::new(Body::from(body));
        *res.status_mut() = self.status;
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        res
    }
}

/// Give every error response without a JSON body the JSON error shape,
/// keeping its status and headers (`Allow` on 405).
pub async fn json_errors(res: Response) -> Response {
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return res;
    }
    let (mut parts, _) = res.into_parts();
    let fresh = ApiError::from_status(status).into_response();
    let (fresh_parts, body) = fresh.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    let _ = fresh_parts;
    Response::from_parts(parts, body)
}
