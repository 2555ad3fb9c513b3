//! `why`: judge an attack and explain every verdict. The JSON of
//! [`WhyResponse`] is `casus why --format json` (docs/json.md): the engine's
//! `Analysis`, plus `geo` (and `gazetteer`) when the place went through the
//! coordinate chain.

use casus_core::engine::{default_defenders, Analysis};
use casus_core::model::TerritoryKind;
use casus_core::query::{resolve_polity, QueryError};
use casus_core::{analyse, Scenario};
use casus_geo::{GazetteerHit, NameContext, Resolution};
use serde::{Serialize, Serializer};

use crate::{parse_date, ErrorKind, Field, Service, ServiceError, TargetKind, WhyRequest};

/// The answer to a [`WhyRequest`].
#[derive(Debug, Clone)]
pub struct WhyResponse {
    pub analysis: Analysis,
    /// The geographic chain, for coordinates (typed, or from the gazetteer).
    pub geo: Option<Resolution>,
    /// The gazetteer place, when the name was found there.
    pub gazetteer: Option<GazetteerHit>,
    /// How the place name was read (historical name, namesakes passed over).
    pub name_notes: Vec<String>,
}

impl Serialize for WhyResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        if self.geo.is_none() && self.name_notes.is_empty() {
            return self.analysis.serialize(serializer);
        }
        let mut value = serde_json::to_value(&self.analysis).map_err(S::Error::custom)?;
        if let Some(obj) = value.as_object_mut() {
            // For coordinates, the geographic chain is added as `geo`.
            if let Some(geo) = &self.geo {
                obj.insert(
                    "geo".to_string(),
                    serde_json::to_value(geo).map_err(S::Error::custom)?,
                );
            }
            if let Some(g) = &self.gazetteer {
                obj.insert(
                    "gazetteer".to_string(),
                    serde_json::to_value(g).map_err(S::Error::custom)?,
                );
            }
            // How the place name was read: namesakes passed over and why,
            // a variant or a historical name, the sea judged as forces.
            if !self.name_notes.is_empty() {
                obj.insert(
                    "place_notes".to_string(),
                    serde_json::to_value(&self.name_notes).map_err(S::Error::custom)?,
                );
            }
        }
        value.serialize(serializer)
    }
}

/// Refuse a state named twice in one role: the second mention would be
/// silently dropped.
pub(crate) fn refuse_duplicates(
    service: &Service,
    ids: &[String],
    field: Field,
    role: &str,
) -> Result<(), ServiceError> {
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            return Err(ServiceError::conflict(
                field,
                format!("{} is given twice as {role}", service.kb().polity_name(id)),
            ));
        }
    }
    Ok(())
}

impl Service {
    /// Judge the attack in `req`.
    pub fn why(&self, req: &WhyRequest) -> Result<WhyResponse, ServiceError> {
        let kb = self.kb();
        let limits = self.limits();
        limits.check_list(Field::Attacker, &req.attackers)?;
        limits.check_list(Field::Defender, &req.defenders)?;
        limits.check_text(Field::At, &req.at)?;
        limits.check_text(Field::On, &req.on)?;
        if req.attackers.is_empty() {
            return Err(ServiceError::malformed(
                Field::Attacker,
                "give at least one attacker",
            ));
        }
        let date = parse_date(Field::On, &req.on)?;
        let attackers = req
            .attackers
            .iter()
            .map(|a| resolve_polity(kb, a).map_err(|e| ServiceError::query(Field::Attacker, e)))
            .collect::<Result<Vec<_>, _>>()?;
        // The defenders' names are read before the place, so that they can
        // decide among places of one name; an unknown defender is still
        // reported after the place, as before.
        let defender_ids: Vec<Result<String, QueryError>> = req
            .defenders
            .iter()
            .map(|d| resolve_polity(kb, d))
            .collect();
        // Forces, vessels and aircraft are attacked abroad as often as at
        // home: only an attack on territory says the place is the
        // defenders' or the attackers'.
        let context = if req.target == TargetKind::Territory {
            NameContext {
                defenders: defender_ids.iter().flatten().cloned().collect(),
                attackers: attackers.clone(),
            }
        } else {
            NameContext::default()
        };
        let input = self.resolve_place_in(Field::At, &req.at, date, req.most_populous, context)?;
        let Some(place) = input.place else {
            let notes = input
                .geo
                .as_ref()
                .map(|g| g.notes.join("; "))
                .unwrap_or_default();
            return Err(ServiceError::new(
                Field::At,
                ErrorKind::NoAnswer,
                format!(
                    "{} lies in no territory of the knowledge base, so there is no sovereign or controller to judge: {notes}",
                    req.at
                ),
            ));
        };
        // At sea beyond any territorial sea there is no territory to
        // attack: what is attacked there is forces, vessels or aircraft.
        let at_sea = kb.territories[place.territory].kind == TerritoryKind::Sea
            && casus_core::query::place_status(kb, &place, date)
                .sovereign
                .is_empty();
        let mut place = place;
        let target = if at_sea && req.target == TargetKind::Territory {
            place.notes.push(format!(
                "{} is at sea, no state's territory: an attack there is on forces, vessels or aircraft, and is judged as one (name the flag state with --defender)",
                place.territory_name
            ));
            TargetKind::Forces
        } else {
            req.target
        };
        let name_notes = place.notes.clone();
        let mut defenders = defender_ids
            .into_iter()
            .map(|d| d.map_err(|e| ServiceError::query(Field::Defender, e)))
            .collect::<Result<Vec<_>, _>>()?;
        refuse_duplicates(self, &attackers, Field::Attacker, "attacker")?;
        refuse_duplicates(self, &defenders, Field::Defender, "defender")?;
        for (p, field) in attackers
            .iter()
            .map(|a| (a, Field::Attacker))
            .chain(defenders.iter().map(|d| (d, Field::Defender)))
        {
            casus_core::query::check_exists(kb, p, date)
                .map_err(|e| ServiceError::query(field, e))?;
        }
        if defenders.is_empty() {
            defenders = default_defenders(kb, &place, date, &attackers);
        }
        if defenders.is_empty() {
            return Err(ServiceError::conflict(
                Field::Defender,
                format!(
                    "nobody is attacked at {} on {date}: no sovereign or controller other than the attackers; name the defenders with --defender",
                    casus_core::limits::truncate_for_message(&req.at)
                ),
            ));
        }
        if let Some(both) = defenders.iter().find(|d| attackers.contains(d)) {
            return Err(ServiceError::conflict(
                Field::Defender,
                format!(
                    "{} is given both as an attacker and as a defender",
                    kb.polity_name(both)
                ),
            ));
        }
        let scenario = Scenario {
            attackers,
            defenders,
            place,
            date,
            target: target.into(),
            character: req.character().to_core(),
        };
        Ok(WhyResponse {
            analysis: analyse(kb, &scenario),
            geo: input.geo,
            gazetteer: input.gazetteer,
            name_notes,
        })
    }
}
