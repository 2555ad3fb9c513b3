//! The questions the package answers, as JSON text identical to the CLI's
//! `--format json`: `why` and `commitments` on a given knowledge base.
//!
//! These follow `casus-cli`'s commands step for step (name and date
//! resolution, default defenders, the same refusals) until `casus-service`
//! offers the typed requests that the CLI, the server and this package share.

use casus_core::engine::{default_defenders, AttackCharacter, Intent, Means, Scale};
use casus_core::query::{check_exists, resolve_polity};
use casus_core::{analyse, KnowledgeBase, Scenario, Target};
use casus_geo::{looks_like_coordinates, parse_coord, resolve_name, NameOptions, Resolver};
use jiff::civil::Date;
use serde::Serialize;

use crate::errors::InputError;

/// The arguments of `casus.why`, as the user gave them.
pub struct WhyRequest {
    pub attackers: Vec<String>,
    pub defenders: Vec<String>,
    pub at: String,
    pub on: String,
    pub target: String,
    pub character: Character,
}

/// The attack's character, as the CLI's `--intent`, `--scale`, `--means`.
pub struct Character {
    pub intent: String,
    pub scale: String,
    pub means: String,
}

fn day(field: &'static str, input: &str) -> Result<Date, InputError> {
    casus_core::time::parse_day(input).map_err(|e| InputError::new(field, e))
}

/// One of a fixed set of words, or an error listing them.
fn choice<T: Copy>(
    field: &'static str,
    input: &str,
    options: &[(&str, T)],
) -> Result<T, InputError> {
    options
        .iter()
        .find(|(word, _)| *word == input)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
            InputError::new(
                field,
                format!("{input:?} is not one of {}", words.join(", ")),
            )
        })
}

impl Character {
    fn parse(&self) -> Result<AttackCharacter, InputError> {
        Ok(AttackCharacter {
            intent: choice(
                "intent",
                &self.intent,
                &[
                    ("deliberate", Intent::Deliberate),
                    ("accidental", Intent::Accidental),
                    ("unknown", Intent::Unknown),
                ],
            )?,
            scale: choice(
                "scale",
                &self.scale,
                &[
                    ("armed-attack", Scale::ArmedAttack),
                    ("incident", Scale::Incident),
                ],
            )?,
            means: choice(
                "means",
                &self.means,
                &[("kinetic", Means::Kinetic), ("cyber", Means::Cyber)],
            )?,
        })
    }
}

fn polities(
    kb: &KnowledgeBase,
    field: &'static str,
    names: &[String],
    date: Date,
) -> Result<Vec<String>, InputError> {
    let mut ids: Vec<String> = Vec::new();
    for name in names {
        let id = resolve_polity(kb, name).map_err(|e| InputError::query(field, e))?;
        if ids.contains(&id) {
            return Err(InputError::new(
                field,
                format!("{} is given twice as {field}", kb.polity_name(&id)),
            ));
        }
        check_exists(kb, &id, date).map_err(|e| InputError::query(field, e))?;
        ids.push(id);
    }
    Ok(ids)
}

/// `casus why … --format json`.
pub fn why(kb: &KnowledgeBase, request: &WhyRequest) -> Result<String, InputError> {
    let date = day("on", &request.on)?;
    let character = request.character.parse()?;
    let target = choice(
        "target",
        &request.target,
        &[("territory", Target::Territory), ("forces", Target::Forces)],
    )?;
    if request.attackers.is_empty() {
        return Err(InputError::new(
            "attacker",
            "at least one attacker is needed",
        ));
    }
    let attackers = polities(kb, "attacker", &request.attackers, date)?;
    let (place, geo, gazetteer) = if looks_like_coordinates(&request.at) {
        let coord = parse_coord(&request.at).map_err(|e| InputError::new("at", e))?;
        let resolver = Resolver::new(kb, None).map_err(|e| InputError::new("knowledge_base", e))?;
        let resolution = resolver.resolve(coord);
        (resolution.to_place(kb, &request.at), Some(resolution), None)
    } else {
        let named = resolve_name(kb, &request.at, date, NameOptions::default(), || {
            Resolver::new(kb, None)
        })
        .map_err(|e| match e {
            casus_geo::NameError::Query(q) => InputError::query("at", q),
            casus_geo::NameError::Layer(l) => InputError::new("knowledge_base", l),
        })?;
        (named.place, named.geo, named.gazetteer)
    };
    let Some(place) = place else {
        let notes = geo.as_ref().map(|g| g.notes.join("; ")).unwrap_or_default();
        return Err(InputError::new(
            "at",
            format!(
                "{} lies in no territory of the knowledge base, so there is no sovereign or controller to judge: {notes}",
                request.at
            ),
        ));
    };
    let mut defenders = polities(kb, "defender", &request.defenders, date)?;
    if defenders.is_empty() {
        defenders = default_defenders(kb, &place, date, &attackers);
    }
    if defenders.is_empty() {
        return Err(InputError::new(
            "defender",
            format!(
                "nobody is attacked at {} on {date}: no sovereign or controller other than the attackers; name the defenders",
                casus_core::limits::truncate_for_message(&request.at)
            ),
        ));
    }
    if let Some(both) = defenders.iter().find(|d| attackers.contains(d)) {
        return Err(InputError::new(
            "defender",
            format!(
                "{} is given both as an attacker and as a defender",
                kb.polity_name(both)
            ),
        ));
    }
    let analysis = analyse(
        kb,
        &Scenario {
            attackers,
            defenders,
            place,
            date,
            target,
            character,
        },
    );
    let mut value = to_value(&analysis)?;
    // For coordinates (typed, or from the gazetteer) the CLI adds the chain.
    if let (Some(geo), Some(obj)) = (&geo, value.as_object_mut()) {
        obj.insert("geo".into(), to_value(geo)?);
        if let Some(g) = &gazetteer {
            obj.insert("gazetteer".into(), to_value(g)?);
        }
    }
    Ok(value.to_string())
}

/// `casus commitments STATE --on DATE --format json`.
pub fn commitments(kb: &KnowledgeBase, state: &str, on: &str) -> Result<String, InputError> {
    #[derive(Serialize)]
    struct Json<'a> {
        polity: &'a str,
        date: String,
        memberships: &'a [casus_core::commitments::Membership],
    }
    let date = day("on", on)?;
    let polity = resolve_polity(kb, state).map_err(|e| InputError::query("state", e))?;
    check_exists(kb, &polity, date).map_err(|e| InputError::query("state", e))?;
    let list = casus_core::commitments::commitments(kb, &polity, date);
    let json = Json {
        polity: &polity,
        date: date.to_string(),
        memberships: &list,
    };
    Ok(to_value(&json)?.to_string())
}

fn to_value<T: Serialize>(value: &T) -> Result<serde_json::Value, InputError> {
    serde_json::to_value(value).map_err(|e| InputError::new("knowledge_base", e))
}
