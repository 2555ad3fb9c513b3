//! Resolving what a user typed (a place, a polity, a treaty) against the
//! knowledge base, and the dated status of a territory: sovereign,
//! controller, claimants and region tags on a given day.

use jiff::civil::Date;
use serde::Serialize;

use crate::kb::{KnowledgeBase, Named, RefKind};
use crate::model::*;
use crate::time::Truth;

/// A name that did not resolve, or resolved to more than one thing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("unknown {what} {input:?}{}", did_you_mean(.suggestions))]
    Unknown {
        what: &'static str,
        input: String,
        suggestions: Vec<String>,
    },
    #[error("{input:?} is ambiguous: it names {}", .candidates.join(", "))]
    Ambiguous {
        input: String,
        candidates: Vec<String>,
    },
}

fn did_you_mean(s: &[String]) -> String {
    match s {
        [] => String::new(),
        [one] => format!("; did you mean {one:?}?"),
        many => format!(
            "; did you mean one of: {}?",
            many.iter()
                .map(|m| format!("{m:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// What a place name resolved to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedPlace {
    /// What the user typed.
    pub input: String,
    /// The place, when the input named one (rather than a territory).
    pub place: Option<String>,
    pub place_name: Option<String>,
    pub coords: Option<(f64, f64)>,
    /// Index of the innermost territory.
    #[serde(skip)]
    pub territory: usize,
    pub territory_id: String,
    pub territory_name: String,
    /// Regions that geometry puts the place in (a coordinate resolved by
    /// `casus-geo`), added to the territory's own region tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra_regions: Vec<String>,
    /// When true, the territory's region tags do not describe this place
    /// (a point in an outlying area the knowledge base does not model on its
    /// own, resolved to the enclosing territory), so only `extra_regions` count.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub regions_from_geometry_only: bool,
    /// How the name was read, where that needs saying (a historical name
    /// outside its period, a gazetteer choice among namesakes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl ResolvedPlace {
    /// A place that stands for territory `t` as a whole.
    pub fn of_territory(kb: &KnowledgeBase, input: &str, t: usize) -> ResolvedPlace {
        ResolvedPlace {
            input: input.to_string(),
            place: None,
            place_name: None,
            coords: None,
            territory: t,
            territory_id: kb.territories[t].id.clone(),
            territory_name: kb.territories[t].name.clone(),
            extra_regions: Vec::new(),
            regions_from_geometry_only: false,
            notes: Vec::new(),
        }
    }
}

/// Resolve a place or territory name (or a polity name, meaning its mainland).
pub fn resolve_place(kb: &KnowledgeBase, input: &str) -> Result<ResolvedPlace, QueryError> {
    let hits = kb.lookup(input);
    let pick = |named: &Named| -> Option<ResolvedPlace> {
        match *named {
            Named::Place(i) => {
                let p = &kb.places[i];
                let t = kb.index_of(RefKind::Territory, &p.territory)?;
                Some(ResolvedPlace {
                    input: input.to_string(),
                    place: Some(p.id.clone()),
                    place_name: Some(p.name.clone()),
                    coords: p.coords,
                    territory: t,
                    territory_id: kb.territories[t].id.clone(),
                    territory_name: kb.territories[t].name.clone(),
                    extra_regions: Vec::new(),
                    regions_from_geometry_only: false,
                    notes: Vec::new(),
                })
            }
            Named::Territory(t) => Some(ResolvedPlace::of_territory(kb, input, t)),
            Named::Polity(_) => None,
        }
    };
    // Places first, then territories; a polity name means its mainland.
    let places: Vec<&Named> = hits
        .iter()
        .filter(|n| matches!(n, Named::Place(_)))
        .collect();
    let territories: Vec<&Named> = hits
        .iter()
        .filter(|n| matches!(n, Named::Territory(_)))
        .collect();
    for group in [places, territories] {
        match group.as_slice() {
            [] => continue,
            [one] => {
                if let Some(r) = pick(one) {
                    return Ok(r);
                }
            }
            many => {
                let candidates = many
                    .iter()
                    .filter_map(|n| pick(n))
                    .map(|r| match r.place_name {
                        Some(p) => format!("{p} (in {})", r.territory_name),
                        None => r.territory_name,
                    })
                    .collect();
                return Err(QueryError::Ambiguous {
                    input: input.to_string(),
                    candidates,
                });
            }
        }
    }
    if let Some(Named::Polity(p)) = hits.iter().find(|n| matches!(n, Named::Polity(_))) {
        let polity = &kb.polities[*p].id;
        let mainland = kb.territories.iter().position(|t| {
            t.kind == TerritoryKind::Mainland && t.sovereign.iter().any(|s| &s.value == polity)
        });
        if let Some(t) = mainland {
            return pick(&Named::Territory(t)).ok_or_else(|| unknown(kb, "place", input));
        }
    }
    Err(unknown(kb, "place", input))
}

// --- gazetteer: names by date -------------------------------------------

/// Resolve a place name on `date`: as [`resolve_place`], and when the name
/// is one of the place's dated names, a note saying whether the place bore
/// that name on the day and, if not, what it was called then. A dated name
/// resolves at any date: the note is the only difference.
pub fn resolve_place_on(
    kb: &KnowledgeBase,
    input: &str,
    date: Date,
) -> Result<ResolvedPlace, QueryError> {
    let mut resolved = resolve_place(kb, input)?;
    let place = resolved
        .place
        .as_deref()
        .and_then(|id| kb.places.iter().find(|p| p.id == id));
    if let Some(place) = place {
        if let Some(note) = dated_name_note(place, input, date) {
            resolved.notes.push(note);
        }
    }
    Ok(resolved)
}

/// The note for a dated name typed as `input`, or `None` when `input` is
/// none of the place's dated names, or is the place's own name in use on
/// the day.
pub fn dated_name_note(place: &Place, input: &str, date: Date) -> Option<String> {
    let key = crate::names::fold(input);
    let spells: Vec<&Dated<String>> = place
        .dated_names
        .iter()
        .filter(|d| crate::names::fold(&d.value) == key)
        .collect();
    let typed = spells.first()?.value.as_str();
    let periods = spells
        .iter()
        .map(|d| d.interval.to_string())
        .collect::<Vec<_>>()
        .join(" and ");
    let cite = spells
        .iter()
        .map(|d| d.source.citation.to_string())
        .collect::<Vec<_>>()
        .join("; ");
    let during = spells
        .iter()
        .map(|d| d.interval.contains(date))
        .max()
        .unwrap_or(Truth::No);
    let then: Vec<&str> = place
        .dated_names
        .iter()
        .filter(|d| crate::names::fold(&d.value) != key && d.interval.contains(date) == Truth::Yes)
        .map(|d| d.value.as_str())
        .collect();
    let then = if then.is_empty() {
        place.name.clone()
    } else {
        then.join(" / ")
    };
    // The place's own name in use on the day needs no note.
    if during == Truth::Yes && key == crate::names::fold(&place.name) {
        return None;
    }
    Some(match during {
        Truth::Yes => format!("{typed} is the place's name on {date} ({periods}) [{cite}]"),
        Truth::Unknown => format!(
            "{typed} is the place's name for {periods}; {date} falls within an imprecise bound of that period [{cite}]"
        ),
        Truth::No => format!(
            "{typed} is the place's name only for {periods}; on {date} it was {then} — resolved to {} all the same [{cite}]",
            place.name
        ),
    })
}

fn unknown(kb: &KnowledgeBase, what: &'static str, input: &str) -> QueryError {
    QueryError::Unknown {
        what,
        input: input.to_string(),
        suggestions: kb.suggest(input),
    }
}

/// Resolve a polity by id (any case), name or alias.
pub fn resolve_polity(kb: &KnowledgeBase, input: &str) -> Result<String, QueryError> {
    if let Some(p) = kb.polity(&input.trim().to_uppercase()) {
        return Ok(p.id.clone());
    }
    let polities: Vec<usize> = kb
        .lookup(input)
        .iter()
        .filter_map(|n| match n {
            Named::Polity(i) => Some(*i),
            _ => None,
        })
        .collect();
    match polities.as_slice() {
        [one] => Ok(kb.polities[*one].id.clone()),
        [] => {
            let suggestions = kb
                .suggest(input)
                .into_iter()
                .filter(|s| kb.lookup(s).iter().any(|n| matches!(n, Named::Polity(_))))
                .collect();
            Err(QueryError::Unknown {
                what: "state or polity",
                input: input.to_string(),
                suggestions,
            })
        }
        many => Err(QueryError::Ambiguous {
            input: input.to_string(),
            candidates: many
                .iter()
                .map(|i| format!("{} ({})", kb.polities[*i].name, kb.polities[*i].id))
                .collect(),
        }),
    }
}

/// Resolve a treaty by id, name, short name or alias.
pub fn resolve_treaty(kb: &KnowledgeBase, input: &str) -> Result<usize, QueryError> {
    match kb.lookup_treaty(input) {
        [one] => Ok(*one),
        [] => Err(QueryError::Unknown {
            what: "treaty",
            input: input.to_string(),
            suggestions: kb.suggest_treaty(input),
        }),
        many => Err(QueryError::Ambiguous {
            input: input.to_string(),
            candidates: many.iter().map(|i| kb.treaties[*i].id.clone()).collect(),
        }),
    }
}

/// Who holds something on a day, and how sure we are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Holder {
    pub polity: String,
    pub name: String,
    /// `Unknown` when the day falls within an imprecise bound of the fact.
    pub holds: Truth,
    /// The territory whose fact this is (may be an ancestor of the place's).
    pub from_territory: String,
    pub source: Source,
    pub interval: crate::time::Interval,
}

/// A territory's dated status on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TerritoryStatus {
    pub territory: String,
    pub name: String,
    /// De jure holders whose spell may cover the day (normally one).
    pub sovereign: Vec<Holder>,
    pub controller: Vec<Holder>,
    /// True when the knowledge base records no controller for the day and
    /// the sovereign is assumed to hold the territory on the ground.
    pub controller_assumed: bool,
    pub claimants: Vec<Holder>,
    /// Region ids of the innermost territory (itself or an ancestor) that
    /// has region tags: a child's tags replace its parent's.
    pub regions: Vec<String>,
    /// Territory ids from innermost outwards.
    pub ancestry: Vec<String>,
}

impl TerritoryStatus {
    /// Is `polity` the sovereign on that day?
    pub fn sovereign_is(&self, polity: &str) -> Truth {
        holder_is(&self.sovereign, polity)
    }
    /// Is `polity` the controller on that day?
    pub fn controller_is(&self, polity: &str) -> Truth {
        holder_is(&self.controller, polity)
    }
    /// The most certain sovereign, if any.
    pub fn main_sovereign(&self) -> Option<&Holder> {
        self.sovereign.iter().max_by_key(|h| h.holds)
    }
    pub fn main_controller(&self) -> Option<&Holder> {
        self.controller.iter().max_by_key(|h| h.holds)
    }
}

fn holder_is(holders: &[Holder], polity: &str) -> Truth {
    holders
        .iter()
        .filter(|h| h.polity == polity)
        .map(|h| h.holds)
        .max()
        .unwrap_or(Truth::No)
}

/// The status of territory `t` on `date`, inheriting from ancestors where
/// the territory has no fact of its own for that day.
pub fn territory_status(kb: &KnowledgeBase, t: usize, date: Date) -> TerritoryStatus {
    let chain = kb.ancestry(t);
    let pick = |get: fn(&Territory) -> &Vec<Dated<String>>| -> Vec<Holder> {
        for &i in &chain {
            let terr = &kb.territories[i];
            let holders: Vec<Holder> = get(terr)
                .iter()
                .filter_map(|d| {
                    let holds = d.interval.contains(date);
                    (holds != Truth::No).then(|| Holder {
                        polity: d.value.clone(),
                        name: kb.polity_name(&d.value).to_string(),
                        holds,
                        from_territory: terr.id.clone(),
                        source: d.source.clone(),
                        interval: d.interval,
                    })
                })
                .collect();
            if !holders.is_empty() {
                return holders;
            }
        }
        Vec::new()
    };
    // The innermost territory that has region tags describes the place: an
    // island group overseas does not inherit its state's continent.
    let regions = chain
        .iter()
        .map(|&i| &kb.territories[i].regions)
        .find(|r| !r.is_empty())
        .cloned()
        .unwrap_or_default();
    let sovereign = pick(|t| &t.sovereign);
    let mut controller = pick(|t| &t.controller);
    let controller_assumed = controller.is_empty() && !sovereign.is_empty();
    if controller_assumed {
        controller = sovereign.clone();
    }
    TerritoryStatus {
        territory: kb.territories[t].id.clone(),
        name: kb.territories[t].name.clone(),
        sovereign,
        controller,
        controller_assumed,
        claimants: pick(|t| &t.claimants),
        regions,
        ancestry: chain
            .iter()
            .map(|&i| kb.territories[i].id.clone())
            .collect(),
    }
}

/// The region tags that name a continent; geometry decides them for a
/// coordinate (see `casus_geo::regions`).
pub const CONTINENTS: &[&str] = &["europe", "asia", "africa", "north-america"];

/// The status of a resolved place on `date`: its territory's status, with
/// the regions that geometry adds (or, for an outlying area the knowledge
/// base does not model, with only those).
pub fn place_status(kb: &KnowledgeBase, place: &ResolvedPlace, date: Date) -> TerritoryStatus {
    let mut status = territory_status(kb, place.territory, date);
    if place.regions_from_geometry_only {
        status.regions.clear();
    }
    // gazetteer (issue 9 item 5, Sakhalin): when geometry gives the point a
    // continent, it replaces the territory's continent tags. A
    // transcontinental territory (Russia, Turkey: tagged both `europe` and
    // `asia`) otherwise tagged a point off Sakhalin — inside the layer's RU
    // area — with both.
    if place
        .extra_regions
        .iter()
        .any(|r| CONTINENTS.contains(&r.as_str()))
    {
        status.regions.retain(|r| !CONTINENTS.contains(&r.as_str()));
    }
    for r in &place.extra_regions {
        if !status.regions.contains(r) {
            status.regions.push(r.clone());
        }
    }
    status
}

/// Is `polity` a party to `treaty` on `date`? The membership spell that
/// decides it, if any.
pub fn membership<'a>(treaty: &'a Treaty, polity: &str, date: Date) -> (Truth, Option<&'a Party>) {
    let mut best: (Truth, Option<&Party>) = (Truth::No, None);
    for p in treaty.parties.iter().filter(|p| p.polity == polity) {
        let t = p.membership.interval.contains(date);
        if t > best.0 || best.1.is_none() {
            best = (t.max(best.0), Some(p));
        }
    }
    best
}

/// Participation statuses (frozen, suspended, …) of `polity` that may hold on `date`.
pub fn statuses_on<'a>(
    treaty: &'a Treaty,
    polity: &str,
    date: Date,
) -> Vec<(&'a StatusSpell, Truth)> {
    treaty
        .statuses
        .iter()
        .filter(|s| s.polity == polity)
        .map(|s| (s, s.status.interval.contains(date)))
        .filter(|(_, t)| *t != Truth::No)
        .collect()
}
