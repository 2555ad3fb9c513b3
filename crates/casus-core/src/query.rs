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
    #[error("unknown {what} {}{}", quoted_for_message(.input), did_you_mean(.suggestions))]
    Unknown {
        what: &'static str,
        input: String,
        suggestions: Vec<String>,
    },
    #[error("{} is ambiguous: it names {}", quoted_for_message(.input), .candidates.join(", "))]
    Ambiguous {
        input: String,
        candidates: Vec<String>,
    },
    /// The name is known, but as something else than what was asked for
    /// ("CSTO" given as a state), or names a state with no territory.
    #[error("{} {found}; expected a {what}", quoted_for_message(.input))]
    OtherKind {
        what: &'static str,
        input: String,
        /// What the name does name, as a phrase ("is a treaty (CSTO)").
        found: String,
    },
    /// A place given as coordinates that cannot be used (malformed, or in
    /// no territory of the knowledge base); the message says why.
    #[error("{0}")]
    Place(String),
    /// The state is known but did not exist on the date asked about.
    #[error("{name} ({polity}) did not exist on {date}: the knowledge base records it {spells}")]
    NotExisting {
        polity: String,
        name: String,
        date: Date,
        /// Its existence spells, e.g. "from 1991-09-21" or "1922-12-30 to 1991-12-26".
        spells: String,
    },
}

use crate::limits::quoted_for_message;

/// `Ok` unless the knowledge base certainly records that `polity` did not
/// exist on `date` (an uncertain bound or no record at all lets it pass).
pub fn check_exists(kb: &KnowledgeBase, polity: &str, date: Date) -> Result<(), QueryError> {
    let Some(p) = kb.polity(polity) else {
        return Ok(());
    };
    if p.existence.is_empty()
        || p.existence
            .iter()
            .any(|e| e.interval.contains(date) != Truth::No)
    {
        return Ok(());
    }
    Err(QueryError::NotExisting {
        polity: p.id.clone(),
        name: p.name.clone(),
        date,
        spells: p
            .existence
            .iter()
            .map(|e| e.interval.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    })
}

/// What a name the user gave names, when it is not what was asked for.
fn other_kind(kb: &KnowledgeBase, input: &str, asked: &'static str) -> Option<QueryError> {
    let found = if let Some(&t) = kb.lookup_treaty(input).first() {
        let t = &kb.treaties[t];
        format!("is a treaty ({}, id {})", t.short_name, t.id)
    } else if let Some(Named::Polity(p)) = kb
        .lookup(input)
        .iter()
        .find(|n| matches!(n, Named::Polity(_)))
    {
        let p = &kb.polities[*p];
        let spells: Vec<String> = p.existence.iter().map(|e| e.interval.to_string()).collect();
        format!(
            "names the state or polity {} ({}{}), which has no place or territory in the knowledge base",
            p.name,
            p.id,
            if spells.is_empty() {
                String::new()
            } else {
                format!(", existed {}", spells.join(", "))
            }
        )
    } else if let Some(n) = kb.lookup(input).first() {
        match *n {
            Named::Place(i) => format!("is a place ({})", kb.places[i].name),
            Named::Territory(i) => format!("is a territory ({})", kb.territories[i].name),
            Named::Polity(_) => return None,
        }
    } else {
        return None;
    };
    Some(QueryError::OtherKind {
        what: asked,
        input: input.to_string(),
        found,
    })
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
    /// `"Tripoli (in Libya)"`, or the territory's name for a territory:
    /// how a candidate is listed.
    pub fn describe(&self) -> String {
        match &self.place_name {
            Some(p) => format!("{p} (in {})", self.territory_name),
            None => self.territory_name.clone(),
        }
    }

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
    let mut candidates = place_candidates(kb, input)?;
    if candidates.len() == 1 {
        return Ok(candidates.remove(0));
    }
    Err(QueryError::Ambiguous {
        input: input.to_string(),
        candidates: candidates.iter().map(ResolvedPlace::describe).collect(),
    })
}

/// Every place of the knowledge base that `input` names: its places of
/// that name, else its territories of that name, else (for a polity's name)
/// the polity's mainland. Unknown names are an error with suggestions.
pub fn place_candidates(kb: &KnowledgeBase, input: &str) -> Result<Vec<ResolvedPlace>, QueryError> {
    let found = matching_places(kb, input);
    if found.is_empty() {
        return Err(other_kind(kb, input, "place").unwrap_or_else(|| unknown(kb, "place", input)));
    }
    Ok(found)
}

/// [`place_candidates`] without the error: empty for an unknown name, so a
/// caller that goes on to other sources pays nothing for suggestions.
pub fn matching_places(kb: &KnowledgeBase, input: &str) -> Vec<ResolvedPlace> {
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
    for places in [true, false] {
        let group: Vec<ResolvedPlace> = hits
            .iter()
            .filter(|n| match n {
                Named::Place(_) => places,
                Named::Territory(_) => !places,
                Named::Polity(_) => false,
            })
            .filter_map(pick)
            .collect();
        if !group.is_empty() {
            return group;
        }
    }
    if let Some(Named::Polity(p)) = hits.iter().find(|n| matches!(n, Named::Polity(_))) {
        let polity = &kb.polities[*p].id;
        let mainland = kb.territories.iter().position(|t| {
            t.kind == TerritoryKind::Mainland && t.sovereign.iter().any(|s| &s.value == polity)
        });
        if let Some(t) = mainland {
            return pick(&Named::Territory(t)).into_iter().collect();
        }
    }
    Vec::new()
}

// --- gazetteer: names by date -------------------------------------------

/// [`place_candidates`] on `date`: each with the note on a dated name
/// ([`dated_name_note`]).
pub fn place_candidates_on(
    kb: &KnowledgeBase,
    input: &str,
    date: Date,
) -> Result<Vec<ResolvedPlace>, QueryError> {
    let candidates = matching_places_on(kb, input, date);
    if candidates.is_empty() {
        return place_candidates(kb, input);
    }
    Ok(candidates)
}

/// [`matching_places`] on `date`, with the notes on dated names.
pub fn matching_places_on(kb: &KnowledgeBase, input: &str, date: Date) -> Vec<ResolvedPlace> {
    let mut candidates = matching_places(kb, input);
    for c in &mut candidates {
        let place = c
            .place
            .as_deref()
            .and_then(|id| kb.places.iter().find(|p| p.id == id));
        if let Some(note) = place.and_then(|p| dated_name_note(p, input, date)) {
            c.notes.push(note);
        }
    }
    candidates
}

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
        // Places and territories; a polity's name stands for its mainland.
        suggestions: kb.suggest_where(input, |_| true),
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
            if let Some(e) = other_kind(kb, input, "state or polity") {
                return Err(e);
            }
            Err(QueryError::Unknown {
                what: "state or polity",
                input: input.to_string(),
                suggestions: kb.suggest_where(input, |n| matches!(n, Named::Polity(_))),
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
        [] => Err(
            other_kind(kb, input, "treaty").unwrap_or_else(|| QueryError::Unknown {
                what: "treaty",
                input: input.to_string(),
                suggestions: kb.suggest_treaty(input),
            }),
        ),
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
    // --- history: dated membership, non-recognition, no sovereign ---
    /// The territory asked about, when on this day it was part of another
    /// (`part_of`): the status above is that other territory's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present_territory: Option<String>,
    /// Polities that did not recognise the sovereignty exercised here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_recognised_by: Vec<Holder>,
    /// Why there is no sovereign on this day, when the knowledge base says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_sovereign: Option<NoSovereign>,
}

/// A recorded reason for a territory having no sovereign on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoSovereign {
    /// Why (the spell's note).
    pub reason: String,
    pub from_territory: String,
    pub source: Source,
    pub interval: crate::time::Interval,
}

/// The territory that answers for `t` on `date`: following `part_of`
/// spells that hold on that day (today's Czech Republic answers as
/// Czechoslovakia in 1968). Bounded, so a cycle in the data cannot hang.
pub fn territory_on(kb: &KnowledgeBase, t: usize, date: Date) -> usize {
    let mut current = t;
    for _ in 0..8 {
        let next = kb.territories[current]
            .part_of
            .iter()
            .find(|d| d.interval.contains(date) == Truth::Yes)
            .and_then(|d| kb.index_of(RefKind::Territory, &d.value));
        match next {
            Some(n) if n != current => current = n,
            _ => break,
        }
    }
    current
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

/// The territories holding `t` on `date`, innermost first: its parents,
/// each taken as the territory that answers for it on that day (Crimea in
/// 1980: Crimea, then Ukraine answering as the Soviet Union).
fn ancestry_on(kb: &KnowledgeBase, t: usize, date: Date) -> Vec<usize> {
    let mut out = vec![t];
    let mut cur = t;
    while let Some(p) = kb.territories[cur]
        .parent
        .as_ref()
        .and_then(|p| kb.index_of(RefKind::Territory, p))
    {
        let p = territory_on(kb, p, date);
        if out.contains(&p) {
            break;
        }
        out.push(p);
        cur = p;
    }
    out
}

/// The status of territory `t` on `date`, inheriting from ancestors where
/// the territory has no fact of its own for that day.
pub fn territory_status(kb: &KnowledgeBase, asked: usize, date: Date) -> TerritoryStatus {
    let t = territory_on(kb, asked, date);
    let chain = ancestry_on(kb, t, date);
    let pick = |get: fn(&Territory) -> &Vec<Dated<String>>| -> Vec<Holder> {
        for &i in &chain {
            let terr = &kb.territories[i];
            let holders = pick_level(kb, terr, get(terr), date);
            if !holders.is_empty() {
                return holders;
            }
        }
        Vec::new()
    };
    // The innermost territory that has region tags describes the place: an
    // island group overseas does not inherit its state's continent. Region
    // tags are geography, so they come from the territory asked about, not
    // from the predecessor it answers as (Tashkent in 1980 is not in Europe
    // because the Soviet Union partly was).
    let regions = kb
        .ancestry(asked)
        .iter()
        .map(|&i| &kb.territories[i].regions)
        .find(|r| !r.is_empty())
        .cloned()
        .unwrap_or_default();
    // A territory with a `no_sovereign` spell on the day stops the search
    // for a sovereign: its ancestors' sovereign does not hold there.
    let mut no_sovereign = None;
    let mut sovereign = Vec::new();
    for &i in &chain {
        let terr = &kb.territories[i];
        let level = pick_level(kb, terr, &terr.sovereign, date);
        if !level.is_empty() {
            sovereign = level;
            break;
        }
        if let Some(d) = terr
            .no_sovereign
            .iter()
            .find(|d| d.interval.contains(date) == Truth::Yes)
        {
            no_sovereign = Some(NoSovereign {
                reason: d.note.clone().unwrap_or_default(),
                from_territory: terr.id.clone(),
                source: d.source.clone(),
                interval: d.interval,
            });
            break;
        }
    }
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
        present_territory: (t != asked).then(|| kb.territories[asked].id.clone()),
        not_recognised_by: pick(|t| &t.not_recognised_by),
        no_sovereign,
    }
}

/// The region tags that name a continent; geometry decides them for a
/// coordinate (see `casus_geo::regions`).
pub const CONTINENTS: &[&str] = &["europe", "asia", "africa", "north-america"];

/// The facts of one territory (no inheritance) that may hold on `date`.
fn pick_level(
    kb: &KnowledgeBase,
    terr: &Territory,
    facts: &[Dated<String>],
    date: Date,
) -> Vec<Holder> {
    facts
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
        .collect()
}

/// The status of a resolved place on `date`: its territory's status, with
/// the regions that geometry adds (or, for an outlying area the knowledge
/// base does not model, with only those).
pub fn place_status(kb: &KnowledgeBase, place: &ResolvedPlace, date: Date) -> TerritoryStatus {
    let mut status = territory_status(kb, place.territory, date);
    if place.regions_from_geometry_only {
        status.regions.clear();
    }
    // A point's continent is decided by geometry where geometry names one:
    // a transcontinental territory (Russia, Turkey: tagged both `europe` and
    // `asia`) does not put a point east of the Urals in Europe ("an armed
    // attack in Europe", Warsaw Treaty Art. 4), nor one off Sakhalin in both.
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
        let t = p.member_on(date);
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
