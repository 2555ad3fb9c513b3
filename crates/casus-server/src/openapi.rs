//! The OpenAPI 3.1 document at `/api/openapi.json`, generated from the
//! handlers' `#[utoipa::path]` attributes and the request types of
//! `casus-service`. Answers are described by reference to docs/json.md
//! (the CLI's schema) rather than re-declared here.

use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "casus",
        description = "Which security commitments does an armed attack trigger, for whom, and why? The answers are the JSON of the casus command line (`--format json`, docs/json.md); errors are `{\"error\": {\"field\", \"kind\", \"reason\", \"did_you_mean\"}}`."
    ),
    paths(
        crate::api::healthz,
        crate::api::why_get,
        crate::api::why_post,
        crate::api::place_get,
        crate::api::commitments_get,
        crate::api::treaties_get,
        crate::api::show_get,
        crate::api::escalate_get,
        crate::api::escalate_post,
        crate::api::search_get,
        crate::panel::panel_get,
        crate::api::openapi_json,
    ),
    components(schemas(
        crate::error::ErrorBody,
        crate::error::ErrorDetail,
        casus_service::WhyRequest,
        casus_service::EscalateRequest,
        casus_service::ScenarioDocument,
        casus_service::search::SearchResponse,
        casus_service::search::SearchHit,
    ))
)]
struct ApiDoc;

/// The document.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
