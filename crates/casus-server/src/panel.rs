//! `GET /api/panel`: the dyad panel of `casus panel` (docs/panel.md) as a
//! streamed CSV download, from the server's knowledge base. The rows are
//! written on the blocking pool into a bounded channel that the response
//! body drains, so memory stays flat however long the panel, and a client
//! that goes away stops the writing. Day panels are capped at
//! [`MAX_DAY_PANEL_DAYS`] per request; year and spell panels may span the
//! whole range the panel crate accepts.

use std::io::{self, Write};

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use casus_panel::{Columns, Direction, PanelSpec, Source, Unit};
use serde::Deserialize;
use tokio::sync::mpsc;

use crate::api::AppState;
use crate::error::ApiError;
use crate::params::{self, from_query};

/// Most days in one day panel over HTTP (a day panel of every dyad is
/// about 1,500 rows a day).
pub const MAX_DAY_PANEL_DAYS: i32 = 366;

/// Bytes gathered before a chunk is sent to the client.
const CHUNK_BYTES: usize = 64 * 1024;

/// Chunks in flight between the writer and the response body.
const CHUNKS_IN_FLIGHT: usize = 16;

/// The query parameters: `casus panel`'s options by the same names.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PanelQuery {
    /// First year (`1990`) or day (`1990-01-01`).
    from: String,
    /// Last year or day, inclusive.
    to: String,
    /// `year` (default), `day` or `spell`.
    unit: Option<String>,
    /// ATOP's undirected rule (a flag is 1 if either owes it); default directed.
    undirected: Option<bool>,
    /// Every pair of states in the state system, not only pairs with an obligation.
    all_pairs: Option<bool>,
    /// `full` (default) or `atop` (ATOP's columns only).
    columns: Option<String>,
}

impl PanelQuery {
    fn spec(&self) -> Result<PanelSpec, ApiError> {
        // `casus panel`'s own parsing of each option, with the field named.
        fn field<T: std::str::FromStr<Err = casus_panel::PanelError>>(
            name: &str,
            text: &str,
        ) -> Result<T, ApiError> {
            text.parse().map_err(|e: casus_panel::PanelError| {
                ApiError::bad_request(Some(name), e.to_string())
            })
        }
        let unit: Unit = field("unit", self.unit.as_deref().unwrap_or("year"))?;
        let columns: Columns = field("columns", self.columns.as_deref().unwrap_or("full"))?;
        let spec = PanelSpec {
            from: field("from", &self.from)?,
            to: field("to", &self.to)?,
            unit,
            direction: if self.undirected.unwrap_or(false) {
                Direction::Undirected
            } else {
                Direction::Directed
            },
            all_pairs: self.all_pairs.unwrap_or(false),
            columns,
        };
        let (first, last) = spec
            .days()
            .map_err(|e| ApiError::bad_request(Some("to"), e.to_string()))?;
        if unit == Unit::Day && last - first >= MAX_DAY_PANEL_DAYS {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("to"),
                "too_large",
                format!(
                    "a day panel over HTTP spans at most {MAX_DAY_PANEL_DAYS} days; ask for unit=spell (the same facts, one row per run of equal values) or use `casus panel`"
                ),
            ));
        }
        Ok(spec)
    }
}

/// The panel as CSV, streamed.
#[utoipa::path(get, path = "/api/panel", params(PanelQuery),
    responses(
        (status = 200, description = "as `casus panel --out -` (CSV; docs/panel.md)", content_type = "text/csv"),
        (status = 400, description = "a malformed parameter", body = crate::error::ErrorBody),
        (status = 422, description = "a day panel longer than the cap", body = crate::error::ErrorBody)))]
pub async fn panel_get(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let query: PanelQuery = from_query(q.as_deref(), &params::PANEL)?;
    let spec = query.spec()?;
    let permit = s.heavy_work_permit().await?;
    let service = s.service.clone();
    let (tx, mut rx) = mpsc::channel::<io::Result<Bytes>>(CHUNKS_IN_FLIGHT);
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let mut out = ChannelWriter {
            tx: tx.clone(),
            buf: Vec::with_capacity(CHUNK_BYTES),
        };
        let written = casus_panel::load(Source::Kb(service.kb()), spec.all_pairs, None)
            .and_then(|loaded| {
                casus_panel::write_csv(&loaded.dataset, spec, &mut out, &mut |_, _| {})
            })
            .map_err(|e| io::Error::other(e.to_string()))
            .and_then(|_| out.flush());
        if let Err(e) = written {
            // The client sees a cut-off body; the log says why.
            tracing::warn!("panel stopped: {e}");
            let _ = tx.blocking_send(Err(e));
        }
    });
    let stream = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let mut res = Response::new(Body::from_stream(stream));
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"casus-panel.csv\""),
    );
    Ok(res)
}

/// A `Write` that sends its bytes, in chunks, to the response body; a
/// closed channel (the client went away) is a broken pipe, which stops the
/// panel.
struct ChannelWriter {
    tx: mpsc::Sender<io::Result<Bytes>>,
    buf: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buf,
            Vec::with_capacity(CHUNK_BYTES),
        ));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK_BYTES {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}
