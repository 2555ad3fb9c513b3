//! `place`: how a place resolves on a date. The JSON of [`PlaceResponse`]
//! is `casus place --format json` (docs/json.md): the territory's status,
//! or, for coordinates in no territory, the geographic chain alone.

use casus_core::query::{place_status, Holder, NoSovereign, ResolvedPlace, TerritoryStatus};
use casus_geo::{GazetteerHit, Resolution};
use jiff::civil::Date;
use serde::{Serialize, Serializer};

use crate::{parse_date, Field, PlaceRequest, Service, ServiceError};

/// A place that lies in a territory of the knowledge base.
#[derive(Debug, Clone)]
pub struct ResolvedStatus {
    pub place: ResolvedPlace,
    pub status: TerritoryStatus,
}

/// The answer to a [`PlaceRequest`].
#[derive(Debug, Clone)]
pub struct PlaceResponse {
    /// What the user typed.
    pub input: String,
    pub date: Date,
    /// `None` for coordinates in no territory of the knowledge base (then
    /// `geo` is always set).
    pub resolved: Option<ResolvedStatus>,
    pub geo: Option<Resolution>,
    pub gazetteer: Option<GazetteerHit>,
}

#[derive(Serialize)]
struct PlaceJson<'a> {
    input: &'a str,
    date: String,
    place: Option<&'a str>,
    coords: Option<(f64, f64)>,
    territory: &'a str,
    territory_name: &'a str,
    ancestry: &'a [String],
    sovereign: &'a [Holder],
    controller: &'a [Holder],
    controller_assumed: bool,
    claimants: &'a [Holder],
    regions: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    geo: Option<&'a Resolution>,
    // --- history: dated membership, non-recognition, no sovereign ---
    #[serde(skip_serializing_if = "Option::is_none")]
    present_territory: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Holder]>::is_empty")]
    not_recognised_by: &'a [Holder],
    #[serde(skip_serializing_if = "Option::is_none")]
    no_sovereign: Option<&'a NoSovereign>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gazetteer: Option<&'a GazetteerHit>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

/// For coordinates with no territory: the chain only.
#[derive(Serialize)]
struct NoTerritoryJson<'a> {
    input: &'a str,
    date: String,
    coords: (f64, f64),
    territory: Option<()>,
    regions: Vec<&'a str>,
    geo: &'a Resolution,
    #[serde(skip_serializing_if = "Option::is_none")]
    gazetteer: Option<&'a GazetteerHit>,
}

impl Serialize for PlaceResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (&self.resolved, &self.geo) {
            (Some(ResolvedStatus { place, status }), _) => PlaceJson {
                input: &place.input,
                date: self.date.to_string(),
                place: place.place_name.as_deref(),
                coords: place.coords,
                territory: &status.territory,
                territory_name: &status.name,
                ancestry: &status.ancestry,
                sovereign: &status.sovereign,
                controller: &status.controller,
                controller_assumed: status.controller_assumed,
                claimants: &status.claimants,
                regions: &status.regions,
                geo: self.geo.as_ref(),
                present_territory: status.present_territory.as_deref(),
                not_recognised_by: &status.not_recognised_by,
                no_sovereign: status.no_sovereign.as_ref(),
                gazetteer: self.gazetteer.as_ref(),
                notes: &place.notes,
            }
            .serialize(serializer),
            (None, Some(geo)) => NoTerritoryJson {
                input: &self.input,
                date: self.date.to_string(),
                coords: (geo.coords.lat, geo.coords.lon),
                territory: None,
                regions: geo.regions.iter().map(|r| r.region).collect(),
                geo,
                gazetteer: self.gazetteer.as_ref(),
            }
            .serialize(serializer),
            (None, None) => Err(serde::ser::Error::custom(format!(
                "{} did not resolve",
                self.input
            ))),
        }
    }
}

impl Service {
    /// How the place in `req` resolves on its date.
    pub fn place(&self, req: &PlaceRequest) -> Result<PlaceResponse, ServiceError> {
        self.limits().check_text(Field::Place, &req.place)?;
        self.limits().check_text(Field::On, &req.on)?;
        let date = parse_date(Field::On, &req.on)?;
        let input = self.resolve_place(Field::Place, &req.place, date, req.most_populous)?;
        let resolved = match input.place {
            Some(place) => Some(ResolvedStatus {
                status: place_status(self.kb(), &place, date),
                place,
            }),
            None if input.geo.is_some() => None,
            None => {
                return Err(ServiceError::internal(format!(
                    "{} did not resolve",
                    req.place
                )))
            }
        };
        Ok(PlaceResponse {
            input: req.place.clone(),
            date,
            resolved,
            geo: input.geo,
            gazetteer: input.gazetteer,
        })
    }
}
