//! Place names, in priority order: the knowledge base's own places,
//! territories and polities (with their names by date), then the gazetteer
//! (`casus-gazetteer`: GeoNames places and Natural Earth features), whose
//! coordinates go through the same [`Resolver`] chain as typed coordinates
//! — so sovereignty and regions still come from the knowledge base on the
//! date; then the name's variants (`casus_core::name_variants`), a
//! knowledge-base name it begins, and near spellings. When the question
//! names states ([`NameContext`]), they choose among namesakes, and the
//! answer says which places were passed over and why. An ambiguous name is
//! an error listing the candidates, unless a country qualifier (`"Tripoli,
//! LB"`) or [`NameOptions::most_populous`] settles it (docs/gazetteer.md).

use casus_core::kb::KnowledgeBase;
use casus_core::model::TerritoryKind;
use casus_core::name_variants::{variants, SiteHint, Variant};
use casus_core::query::{
    matching_places_on, place_candidates_on, place_status, QueryError, ResolvedPlace,
};
use casus_core::time::Truth;
use casus_gazetteer::{
    candidates, decide, decide_with, describe, split_qualifier, Choice, Entry, Feature, Gazetteer,
    How, Policy,
};
use jiff::civil::Date;
use serde::Serialize;

use crate::coord::Coord;
use crate::layer::LayerError;
use crate::resolve::{Resolution, Resolver};

/// How many candidates an ambiguity error lists before "and N more".
const LISTED: usize = 8;

/// How many gazetteer candidates of one name are located to rank them by
/// the question's states (the heaviest first).
const LOCATED: usize = 40;

/// Among namesakes that the question's states have narrowed down (all in
/// the defenders' territory, say), a place at least this many times the
/// weight of every other is chosen; without the question, the gazetteer's
/// own factor (10) applies.
const CONTEXT_LEADER_FACTOR: u32 = 3;

/// What the user asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameOptions {
    /// Take the most populous of several gazetteer places of one name.
    pub most_populous: bool,
    /// The states the question names, which decide among namesakes.
    pub context: NameContext,
}

impl NameOptions {
    /// Options without a question's states (`casus place`).
    pub fn most_populous(most_populous: bool) -> NameOptions {
        NameOptions {
            most_populous,
            context: NameContext::default(),
        }
    }
}

/// The states a question names (polity ids). Among places that bear a
/// name, one in a defender's territory on the date comes first, then one
/// in an attacker's, then one in a state bordering either; only then do
/// population and the knowledge base's own places decide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameContext {
    pub defenders: Vec<String>,
    pub attackers: Vec<String>,
}

impl NameContext {
    pub fn is_empty(&self) -> bool {
        self.defenders.is_empty() && self.attackers.is_empty()
    }
}

/// How a candidate stands to the question's states, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Defender,
    Attacker,
    Neighbour,
    Elsewhere,
}

/// The question's states on the date, and their neighbours.
struct Ranker<'a> {
    kb: &'a KnowledgeBase,
    context: &'a NameContext,
    neighbours: Vec<String>,
    date: Date,
}

impl<'a> Ranker<'a> {
    fn new(kb: &'a KnowledgeBase, context: &'a NameContext, date: Date) -> Ranker<'a> {
        let named: Vec<&String> = context.defenders.iter().chain(&context.attackers).collect();
        let mut neighbours = Vec::new();
        for state in &named {
            for b in kb.borders_of(state) {
                if b.spell.interval.contains(date) == Truth::No {
                    continue;
                }
                for other in &b.between {
                    if !named.contains(&other) && !neighbours.contains(other) {
                        neighbours.push(other.clone());
                    }
                }
            }
        }
        Ranker {
            kb,
            context,
            neighbours,
            date,
        }
    }

    /// The polities that may hold the place on the date, sovereign or
    /// controller.
    fn holders(&self, place: &ResolvedPlace) -> Vec<String> {
        let status = place_status(self.kb, place, self.date);
        status
            .sovereign
            .iter()
            .chain(&status.controller)
            .filter(|h| h.holds != Truth::No)
            .map(|h| h.polity.clone())
            .collect()
    }

    /// The tier of a resolved place, and the state that put it there.
    fn tier(&self, place: &ResolvedPlace) -> (Tier, Option<String>) {
        self.tier_of(&self.holders(place))
    }

    /// The tier of a place with these holders.
    fn tier_of(&self, holders: &[String]) -> (Tier, Option<String>) {
        let find = |list: &[String]| list.iter().find(|s| holders.contains(s)).cloned();
        if let Some(s) = find(&self.context.defenders) {
            (Tier::Defender, Some(s))
        } else if let Some(s) = find(&self.context.attackers) {
            (Tier::Attacker, Some(s))
        } else if let Some(s) = find(&self.neighbours) {
            (Tier::Neighbour, Some(s))
        } else {
            (Tier::Elsewhere, None)
        }
    }

    /// True when a state holds the place and it is neither a defender nor
    /// an attacker (the open sea is no one's, not abroad).
    fn held_elsewhere(&self, place: &ResolvedPlace) -> bool {
        let holders = self.holders(place);
        self.tier_of(&holders).0 > Tier::Attacker && !holders.is_empty()
    }

    fn reason(&self, tier: Tier, state: Option<&str>) -> String {
        let name = state.map_or_else(String::new, |s| self.kb.polity_name(s).to_string());
        match tier {
            Tier::Defender => format!("it lies in {name}, named as defender"),
            Tier::Attacker => format!("it lies in {name}, named as attacker"),
            Tier::Neighbour => {
                format!("it lies in {name}, a neighbour of a state the question names")
            }
            Tier::Elsewhere => "none lies in the states the question names".to_string(),
        }
    }
}

/// The gazetteer place a name resolved to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GazetteerHit {
    pub name: String,
    pub country: String,
    pub population: u32,
    /// GeoNames' id for a populated place, Natural Earth's `ne_id` for a
    /// feature (see `kind`).
    pub geonameid: u32,
    /// `place` (GeoNames), or the Natural Earth feature kind: `province`,
    /// `sea`, `region`, `island`, `cape`, `airport`, `port`.
    pub kind: Feature,
    pub lat: f64,
    pub lon: f64,
    /// `only`, `leader`, `most_populous` (see `casus_gazetteer::choose`),
    /// or `context`: the question's states decided (see `reason`).
    pub chosen: &'static str,
    /// Why the question's states decided, for `chosen = "context"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Other places of that name, described, most populous first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub passed_over: Vec<String>,
}

/// A resolved name.
#[derive(Debug, Clone)]
pub struct NamedPlace {
    /// `None` when the gazetteer's coordinates lie in no territory of the
    /// knowledge base (then `geo` explains why).
    pub place: Option<ResolvedPlace>,
    /// The coordinate chain, for a gazetteer hit.
    pub geo: Option<Resolution>,
    pub gazetteer: Option<GazetteerHit>,
}

/// Why a name did not resolve.
#[derive(Debug, thiserror::Error)]
pub enum NameError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Layer(#[from] LayerError),
}

/// Resolve a place name on `date`. `resolver` is called at most once, for
/// a gazetteer hit or to rank namesakes by the question's states, so a
/// knowledge-base name never builds one; it may give a new resolver or a
/// shared one (`&Resolver`, as the server keeps).
pub fn resolve_name<'kb, R: std::borrow::Borrow<Resolver<'kb>>>(
    kb: &'kb KnowledgeBase,
    input: &str,
    date: Date,
    options: &NameOptions,
    resolver: impl FnOnce() -> Result<R, LayerError>,
) -> Result<NamedPlace, NameError> {
    let mut make = Some(resolver);
    let mut built: Option<R> = None;
    resolve_name_by(kb, input, date, options, |coord| {
        if built.is_none() {
            let make = make
                .take()
                .ok_or_else(|| LayerError::new("resolver unavailable"))?;
            built = Some(make()?);
        }
        let r = built
            .as_ref()
            .ok_or_else(|| LayerError::new("resolver unavailable"))?;
        Ok(r.borrow().resolve(coord))
    })
}

/// One lookup key: the name as typed, or one of its variants.
struct Key<'a> {
    key: &'a str,
    /// For a variant, the kind its generic word names (`Any` otherwise).
    hint: SiteHint,
}

/// [`resolve_name`] with the gazetteer's coordinates resolved by `locate`.
fn resolve_name_by(
    kb: &KnowledgeBase,
    input: &str,
    date: Date,
    options: &NameOptions,
    mut locate: impl FnMut(Coord) -> Result<Resolution, LayerError>,
) -> Result<NamedPlace, NameError> {
    let mut found = find_name(kb, input, date, options, &mut locate)?;
    if found.gazetteer.is_none() {
        if let Some(place) = found.place.as_mut() {
            settle_at_sea(kb, place, &mut locate)?;
        }
    }
    Ok(found)
}

/// A knowledge-base place filed under a sea area as a whole (a strait, a
/// gulf) is where its coordinates are: within 12 nautical miles of land,
/// the coastal state's territorial sea; beyond, the sea area or claimed
/// waters there.
fn settle_at_sea(
    kb: &KnowledgeBase,
    place: &mut ResolvedPlace,
    locate: &mut impl FnMut(Coord) -> Result<Resolution, LayerError>,
) -> Result<(), NameError> {
    let filed = &kb.territories[place.territory];
    let (Some((lat, lon)), true, true) = (
        place.coords,
        filed.kind == TerritoryKind::Sea,
        filed.polygon.is_empty(),
    ) else {
        return Ok(());
    };
    let r = locate(Coord { lat, lon })?;
    let Some(t) = r.territory.filter(|&t| t != place.territory) else {
        return Ok(());
    };
    let was = filed.name.clone();
    let there = &kb.territories[t];
    place.notes.push(if there.kind == TerritoryKind::Sea {
        format!(
            "filed under {was}; its point lies in {}, which answers for it",
            there.name
        )
    } else {
        format!(
            "filed under {was}, but its point lies within 12 nautical miles of land: the territorial sea of {} (UNCLOS Art. 3), which answers for it",
            there.name
        )
    });
    place.territory = t;
    place.territory_id = there.id.clone();
    place.territory_name = there.name.clone();
    place.extra_regions = r.regions.iter().map(|h| h.region.to_string()).collect();
    Ok(())
}

/// The name as typed, then its variants.
fn find_name(
    kb: &KnowledgeBase,
    input: &str,
    date: Date,
    options: &NameOptions,
    mut locate: impl FnMut(Coord) -> Result<Resolution, LayerError>,
) -> Result<NamedPlace, NameError> {
    let (name, country) = split_qualifier(input);
    let ranker = (!options.context.is_empty()).then(|| Ranker::new(kb, &options.context, date));
    let typed = Key {
        key: input,
        hint: SiteHint::Any,
    };
    let mut first = attempt(
        kb,
        &typed,
        name,
        country.as_deref(),
        date,
        options,
        ranker.as_ref(),
        &mut locate,
    )?;
    // A name found only outside the question's states may be another
    // spelling of a place inside them (`Anbar` for Al Anbar): the variants
    // are tried, and one in a defender's or an attacker's territory wins.
    let abroad = |found: &NamedPlace| match (&ranker, &found.place) {
        (Some(r), Some(p)) => !r.context.defenders.is_empty() && r.held_elsewhere(p),
        _ => false,
    };
    if let Some(found) = first.take_if(|found| !abroad(found)) {
        return Ok(found);
    }
    // Found abroad: a variant must land at home to win, and its errors are
    // passed over; found nowhere: the first variant found wins.
    let retrying = first.is_some();
    for v in variants(name) {
        let found = attempt_variant(
            kb,
            &v,
            country.as_deref(),
            date,
            options,
            ranker.as_ref(),
            &mut locate,
        );
        let found = if retrying {
            found.ok().flatten()
        } else {
            found?
        };
        if let Some(found) = found.filter(|f| !retrying || !abroad(f)) {
            return Ok(read_as(found, input, name, &v.key, &v.how));
        }
    }
    if let Some(found) = first {
        return Ok(found);
    }
    if let Some(found) = longer_kb_name(kb, ranker.as_ref(), input, name, date)? {
        return Ok(found);
    }
    if let Some(r) = ranker.as_ref() {
        if let Some(found) = near_spelling(kb, r, input, name, country.as_deref(), &mut locate)? {
            return Ok(found);
        }
    }
    Err(place_candidates_on(kb, input, date)
        .err()
        .unwrap_or_else(|| QueryError::Place(format!("{input}: no place")))
        .into())
}

/// A name that matches nothing may be the start of a knowledge-base
/// place's name (`Kamdesh` for "Kamdesh outpost", `Tammuz reactor` read as
/// `Tammuz` for "Tammuz 1"): taken when it starts exactly one place's name,
/// or one in the question's states.
fn longer_kb_name(
    kb: &KnowledgeBase,
    ranker: Option<&Ranker<'_>>,
    input: &str,
    name: &str,
    date: Date,
) -> Result<Option<NamedPlace>, NameError> {
    let keys = std::iter::once(casus_core::names::fold(name))
        .chain(variants(name).into_iter().map(|v| v.key));
    for key in keys.take(NEAR_KEYS) {
        if key.chars().filter(|c| c.is_alphanumeric()).count() < 4 {
            continue;
        }
        let mut found: Vec<ResolvedPlace> = Vec::new();
        for longer in kb.names_extending(&key) {
            for p in matching_places_on(kb, longer, date) {
                if !found
                    .iter()
                    .any(|f| f.place == p.place && f.territory == p.territory)
                {
                    found.push(p);
                }
            }
        }
        let chosen = match (found.len(), ranker) {
            (0, _) => continue,
            (1, _) => found.pop(),
            (_, Some(r)) => {
                let ranked: Vec<Ranked<ResolvedPlace>> = found
                    .into_iter()
                    .map(|p| {
                        let (tier, state) = r.tier(&p);
                        Ranked {
                            tier,
                            state,
                            item: p,
                        }
                    })
                    .collect();
                match pick_kb(r, &key, ranked, Vec::new()) {
                    Ok(n) => n.place,
                    Err(_) => None,
                }
            }
            (_, None) => None,
        };
        let Some(mut place) = chosen else {
            return Ok(None);
        };
        let shown = place.describe();
        place.input = input.to_string();
        place.notes.push(format!(
            "“{name}” is no name the knowledge base or the gazetteer holds as such; read as {shown}, whose name begins with it"
        ));
        return Ok(Some(NamedPlace {
            place: Some(place),
            geo: None,
            gazetteer: None,
        }));
    }
    Ok(None)
}

/// The last resort for a name that matches nothing, when the question
/// names defenders: gazetteer names one edit away (`Hilmand` for
/// `Helmand`, `Baluchistan` for `Balochistan`), of the name or of its
/// variants, taken only when they leave one place in a defender's
/// territory.
fn near_spelling(
    kb: &KnowledgeBase,
    ranker: &Ranker<'_>,
    input: &str,
    name: &str,
    country: Option<&str>,
    locate: &mut impl FnMut(Coord) -> Result<Resolution, LayerError>,
) -> Result<Option<NamedPlace>, NameError> {
    let folded = casus_core::names::fold(name);
    let keys = std::iter::once(folded.clone()).chain(variants(name).into_iter().map(|v| v.key));
    let mut entries: Vec<Entry> = Vec::new();
    let mut spelt: Vec<(u32, String)> = Vec::new();
    for key in keys.take(NEAR_KEYS) {
        let letters = key.chars().filter(|c| c.is_alphanumeric()).count();
        if letters < 5 {
            continue;
        }
        for (near, found) in Gazetteer::get().near_folded(&key, 1, NEAR_NAMES) {
            for e in found {
                if country.is_none_or(|c| e.country.eq_ignore_ascii_case(c))
                    && !entries.iter().any(|x| x.index == e.index)
                {
                    entries.push(e);
                    spelt.push((e.index, near.clone()));
                }
            }
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.weight()));
    let located = locate_all(kb, ranker, input, &entries, locate)?;
    let inside: Vec<Ranked<Located>> = located
        .into_iter()
        .filter(|r| r.tier == Tier::Defender)
        .collect();
    if inside.is_empty() {
        return Ok(None);
    }
    let Ok(Some(mut found)) =
        context_choice(ranker, input, name, inside, Vec::new(), Policy::default())
    else {
        return Ok(None);
    };
    let near = found
        .gazetteer
        .as_ref()
        .and_then(|g| {
            spelt.iter().find(|(i, _)| {
                g.geonameid != 0
                    && entries
                        .iter()
                        .any(|e| e.index == *i && e.geonameid == g.geonameid)
            })
        })
        .map(|(_, n)| n.clone())
        .unwrap_or_default();
    if let Some(p) = found.place.as_mut() {
        p.input = input.to_string();
        p.notes.push(format!(
            "“{name}” matches no name; read as “{near}”, a spelling one letter away, the only such place in the defenders' territory"
        ));
    }
    Ok(Some(found))
}

/// How many keys (the name, then its variants) [`near_spelling`] tries,
/// and how many near names it reads for each.
const NEAR_KEYS: usize = 6;
const NEAR_NAMES: usize = 30;

/// [`attempt`] for one variant of the name.
fn attempt_variant(
    kb: &KnowledgeBase,
    v: &Variant,
    country: Option<&str>,
    date: Date,
    options: &NameOptions,
    ranker: Option<&Ranker<'_>>,
    locate: &mut impl FnMut(Coord) -> Result<Resolution, LayerError>,
) -> Result<Option<NamedPlace>, NameError> {
    let key = Key {
        key: &v.key,
        hint: v.hint,
    };
    attempt(kb, &key, &v.key, country, date, options, ranker, locate)
}

/// A place found under a variant of the name, with a note saying so.
fn read_as(mut found: NamedPlace, input: &str, name: &str, key: &str, how: &str) -> NamedPlace {
    if let Some(p) = found.place.as_mut() {
        p.input = input.to_string();
        p.notes.push(format!("“{name}” read as “{key}” ({how})"));
    }
    found
}

/// Look one key up: `Ok(None)` when neither the knowledge base nor the
/// gazetteer holds it; an error when it is ambiguous.
#[allow(clippy::too_many_arguments)]
fn attempt(
    kb: &KnowledgeBase,
    key: &Key<'_>,
    gazetteer_name: &str,
    country: Option<&str>,
    date: Date,
    options: &NameOptions,
    ranker: Option<&Ranker<'_>>,
    locate: &mut impl FnMut(Coord) -> Result<Resolution, LayerError>,
) -> Result<Option<NamedPlace>, NameError> {
    let kb_places = matching_places_on(kb, key.key, date);
    let kb_only = |p: ResolvedPlace| NamedPlace {
        place: Some(p),
        geo: None,
        gazetteer: None,
    };
    let hint = key.hint;
    // Every entry of the name (in the qualifier's country, of the kind a
    // generic word names where there are such), before the choice rules.
    let raw = || {
        let mut all: Vec<Entry> = Gazetteer::get()
            .lookup(gazetteer_name)
            .into_iter()
            .filter(|e| country.is_none_or(|c| e.country.eq_ignore_ascii_case(c)))
            .collect();
        if all.iter().any(|e| fits(hint, e.kind)) {
            all.retain(|e| fits(hint, e.kind));
        }
        all
    };
    let lookup = || closest_own_names(candidates(raw(), None), gazetteer_name);
    let policy = Policy {
        most_populous: options.most_populous,
    };
    let Some(ranker) = ranker else {
        // No states in the question: the knowledge base wins, then the
        // gazetteer's rules.
        return match kb_places.len() {
            0 => gazetteer_choice(kb, key.key, lookup(), policy, locate),
            1 => Ok(kb_places.into_iter().next().map(kb_only)),
            _ => Err(kb_ambiguous(key.key, &kb_places).into()),
        };
    };
    // The question's states decide. A place in a defender's territory on
    // the date comes first, the knowledge base's before the gazetteer's.
    let kb_ranked: Vec<Ranked<ResolvedPlace>> = kb_places
        .into_iter()
        .map(|p| {
            let (tier, state) = ranker.tier(&p);
            Ranked {
                tier,
                state,
                item: p,
            }
        })
        .collect();
    if kb_ranked.iter().any(|r| r.tier == Tier::Defender) {
        return pick_kb(ranker, key.key, kb_ranked, Vec::new()).map(Some);
    }
    let entries = lookup();
    let mut located: Vec<Ranked<Located>> = Vec::new();
    if !ranker.context.defenders.is_empty() {
        // Alternate names count here: a town that bears the name only as
        // an alternate (Skikda, once Philippeville) is still the one in the
        // defender's territory.
        located = locate_all(kb, ranker, key.key, &raw(), locate)?;
        if located.iter().any(|r| r.tier == Tier::Defender) {
            let others = kb_ranked.iter().map(|r| r.item.describe()).collect();
            return context_choice(ranker, key.key, gazetteer_name, located, others, policy);
        }
    }
    // No place of the name in a defender's territory: the knowledge base
    // wins as without the question's states; its namesakes, or the
    // gazetteer's when its rules leave several, are told apart by the
    // attackers' territory, then their and the defenders' neighbours.
    match kb_ranked.len() {
        0 => {}
        1 => return Ok(kb_ranked.into_iter().next().map(|r| kb_only(r.item))),
        _ => return pick_kb(ranker, key.key, kb_ranked, Vec::new()).map(Some),
    }
    match decide(entries.clone(), policy) {
        Choice::None => Ok(None),
        Choice::One { .. } => gazetteer_choice(kb, key.key, entries, policy, locate),
        Choice::Ambiguous(all) => {
            if located.is_empty() {
                located = locate_all(kb, ranker, key.key, &all, locate)?;
            } else {
                located.retain(|r| all.iter().any(|e| e.index == r.item.entry.index));
            }
            context_choice(ranker, key.key, gazetteer_name, located, Vec::new(), policy)
        }
    }
}

/// When every candidate bears the name only as an alternate, the ones whose
/// own name is spelt most like it (`Sloviansk`: Slovyansk, not Nikopol,
/// which GeoNames also lists under that name).
fn closest_own_names(entries: Vec<Entry>, name: &str) -> Vec<Entry> {
    if entries.len() < 2 || entries.iter().any(|e| e.primary) {
        return entries;
    }
    let key = casus_core::names::fold(name);
    let score = |e: &Entry| strsim::jaro_winkler(&casus_core::names::fold(e.name), &key);
    let best = entries.iter().map(score).fold(0.0, f64::max);
    if best < SPELT_ALIKE {
        return entries;
    }
    entries
        .into_iter()
        .filter(|e| score(e) >= best - 0.05)
        .collect()
}

/// How alike (Jaro–Winkler) an own name and the name looked up must be for
/// [`closest_own_names`] to prefer it.
const SPELT_ALIKE: f64 = 0.85;

/// A candidate with its tier and the state that put it there.
struct Ranked<T> {
    tier: Tier,
    state: Option<String>,
    item: T,
}

/// A gazetteer entry with its coordinate chain.
struct Located {
    entry: Entry,
    resolution: Resolution,
    place: Option<ResolvedPlace>,
}

/// Locate (at most [`LOCATED`] of) `entries` and rank them.
fn locate_all(
    kb: &KnowledgeBase,
    ranker: &Ranker<'_>,
    input: &str,
    entries: &[Entry],
    locate: &mut impl FnMut(Coord) -> Result<Resolution, LayerError>,
) -> Result<Vec<Ranked<Located>>, NameError> {
    let mut out = Vec::new();
    for e in entries.iter().take(LOCATED) {
        let resolution = locate(Coord {
            lat: e.lat,
            lon: e.lon,
        })?;
        let place = resolution.to_place(kb, input);
        let (tier, state) = place
            .as_ref()
            .map_or((Tier::Elsewhere, None), |p| ranker.tier(p));
        out.push(Ranked {
            tier,
            state,
            item: Located {
                entry: *e,
                resolution,
                place,
            },
        });
    }
    Ok(out)
}

/// The gazetteer's rules among the located entries of the best tier; an
/// ambiguity error when no tier tells them apart.
fn context_choice(
    ranker: &Ranker<'_>,
    key: &str,
    gazetteer_name: &str,
    located: Vec<Ranked<Located>>,
    mut others: Vec<String>,
    policy: Policy,
) -> Result<Option<NamedPlace>, NameError> {
    let Some(best) = located.iter().map(|r| r.tier).min() else {
        return Ok(None);
    };
    let (inside, outside): (Vec<_>, Vec<_>) = located.into_iter().partition(|r| r.tier == best);
    let entries = closest_own_names(
        candidates(inside.iter().map(|r| r.item.entry).collect(), None),
        gazetteer_name,
    );
    if best == Tier::Elsewhere {
        let all: Vec<Entry> = entries
            .into_iter()
            .chain(outside.iter().map(|r| r.item.entry))
            .collect();
        return Err(ambiguous(key, gazetteer_name, &all).into());
    }
    others.splice(0..0, outside.iter().map(|r| describe(&r.item.entry)));
    match decide_with(entries, policy, CONTEXT_LEADER_FACTOR) {
        Choice::None => Ok(None),
        Choice::Ambiguous(all) => Err(ambiguous(key, gazetteer_name, &all).into()),
        Choice::One {
            entry, passed_over, ..
        } => {
            let Some(chosen) = inside
                .into_iter()
                .find(|r| r.item.entry.index == entry.index)
            else {
                return Ok(None);
            };
            let mut passed: Vec<String> = passed_over.iter().map(describe).collect();
            passed.extend(others);
            let reason = ranker.reason(best, chosen.state.as_deref());
            Ok(Some(gazetteer_place(
                &entry,
                "context",
                Some(reason),
                passed,
                chosen.item.resolution,
                chosen.item.place,
            )))
        }
    }
}

/// Whether a gazetteer feature is of the kind a generic word names.
fn fits(hint: SiteHint, kind: Feature) -> bool {
    match hint {
        SiteHint::Any | SiteHint::Site => true,
        SiteHint::Air => kind == Feature::Airport,
        SiteHint::Naval => kind == Feature::Port,
        SiteHint::Province => kind == Feature::Province,
        SiteHint::Sea => kind == Feature::Sea,
        SiteHint::Island => kind == Feature::Island,
        SiteHint::Settlement => kind == Feature::Place,
    }
}

/// The knowledge-base place of the best tier, noting the others; an
/// ambiguity error when several share it.
fn pick_kb(
    ranker: &Ranker<'_>,
    key: &str,
    ranked: Vec<Ranked<ResolvedPlace>>,
    mut others: Vec<String>,
) -> Result<NamedPlace, NameError> {
    let best = ranked
        .iter()
        .map(|r| r.tier)
        .min()
        .unwrap_or(Tier::Elsewhere);
    let (inside, outside): (Vec<_>, Vec<_>) = ranked.into_iter().partition(|r| r.tier == best);
    if inside.len() > 1 || best == Tier::Elsewhere && !outside.is_empty() {
        let all: Vec<ResolvedPlace> = inside.into_iter().chain(outside).map(|r| r.item).collect();
        return Err(kb_ambiguous(key, &all).into());
    }
    let Some(Ranked {
        tier,
        state,
        item: mut place,
    }) = inside.into_iter().next()
    else {
        return Err(QueryError::Place(format!("{key}: no place")).into());
    };
    others.extend(outside.iter().map(|r| r.item.describe()));
    if !others.is_empty() {
        place.notes.push(format!(
            "chosen among places of this name because {}; passed over: {}",
            ranker.reason(tier, state.as_deref()),
            list(&others)
        ));
    }
    Ok(NamedPlace {
        place: Some(place),
        geo: None,
        gazetteer: None,
    })
}

fn kb_ambiguous(input: &str, places: &[ResolvedPlace]) -> QueryError {
    QueryError::Ambiguous {
        input: input.to_string(),
        candidates: places.iter().map(ResolvedPlace::describe).collect(),
    }
}

/// The gazetteer's rules on `entries`, without the question's states.
fn gazetteer_choice(
    kb: &KnowledgeBase,
    input: &str,
    entries: Vec<Entry>,
    policy: Policy,
    locate: &mut impl FnMut(Coord) -> Result<Resolution, LayerError>,
) -> Result<Option<NamedPlace>, NameError> {
    let (entry, how, passed_over) = match decide(entries, policy) {
        Choice::None => return Ok(None),
        Choice::Ambiguous(all) => return Err(ambiguous(input, input, &all).into()),
        Choice::One {
            entry,
            how,
            passed_over,
        } => (entry, how, passed_over),
    };
    let resolution = locate(Coord {
        lat: entry.lat,
        lon: entry.lon,
    })?;
    let place = resolution.to_place(kb, input);
    let chosen = match how {
        How::Only => "only",
        How::Leader => "leader",
        How::MostPopulous => "most_populous",
    };
    let passed: Vec<String> = passed_over.iter().map(describe).collect();
    let mut named = gazetteer_place(&entry, chosen, None, passed, resolution, place);
    if let (Some(p), Some(hit)) = (named.place.as_mut(), named.gazetteer.as_ref()) {
        if let Some(note) = passed_over_note(how, &hit.passed_over) {
            p.notes.push(note);
        }
    }
    Ok(Some(named))
}

/// The answer for a chosen gazetteer entry.
fn gazetteer_place(
    entry: &Entry,
    chosen: &'static str,
    reason: Option<String>,
    passed_over: Vec<String>,
    resolution: Resolution,
    place: Option<ResolvedPlace>,
) -> NamedPlace {
    let hit = GazetteerHit {
        name: entry.name.to_string(),
        country: entry.country.to_string(),
        population: entry.population,
        geonameid: entry.geonameid,
        kind: entry.kind,
        lat: entry.lat,
        lon: entry.lon,
        chosen,
        reason: reason.clone(),
        passed_over,
    };
    let place = place.map(|mut p| {
        p.place_name = Some(match (entry.kind, entry.country) {
            (Feature::Place, cc) => format!("{} ({cc})", entry.name),
            (kind, "--") => format!("{} ({})", entry.name, kind.as_str()),
            (kind, cc) => format!("{} ({}, {cc})", entry.name, kind.as_str()),
        });
        p.notes.push(format!(
            "not in the knowledge base: found in the gazetteer ({}) and located by its coordinates through the boundary layer",
            entry.kind.source()
        ));
        if let Some(reason) = &reason {
            p.notes.push(if hit.passed_over.is_empty() {
                format!("chosen because {reason}")
            } else {
                format!(
                    "chosen among places of this name because {reason}; passed over: {}",
                    list(&hit.passed_over)
                )
            });
        }
        p
    });
    NamedPlace {
        place,
        geo: Some(resolution),
        gazetteer: Some(hit),
    }
}

fn passed_over_note(how: How, others: &[String]) -> Option<String> {
    let listed = list(others);
    match how {
        How::Only => None,
        How::Leader => Some(format!(
            "chosen as at least {}× more populous than every other place of that name: {listed}",
            casus_gazetteer::LEADER_FACTOR
        )),
        How::MostPopulous => Some(format!(
            "the most populous place of that name, as asked; the others: {listed}"
        )),
    }
}

fn list(items: &[String]) -> String {
    let mut out = items.iter().take(LISTED).cloned().collect::<Vec<_>>();
    if items.len() > LISTED {
        out.push(format!("and {} more", items.len() - LISTED));
    }
    out.join(", ")
}

fn ambiguous(input: &str, name: &str, all: &[casus_gazetteer::Entry]) -> QueryError {
    let mut candidates: Vec<String> = all.iter().take(LISTED).map(describe).collect();
    if all.len() > LISTED {
        candidates.push(format!("and {} more", all.len() - LISTED));
    }
    if let Some(last) = candidates.last_mut() {
        // Suggest a country code only where it would tell them apart, and
        // never the qualifier the user already typed.
        let countries: Vec<&str> = all
            .iter()
            .map(|e| e.country)
            .filter(|c| *c != "--")
            .collect();
        let qualified = split_qualifier(input).1.is_some();
        let alone = countries
            .iter()
            .find(|c| countries.iter().filter(|d| d == c).count() == 1);
        match alone {
            Some(cc) if !qualified => last.push_str(&format!(
                " — name one with a country code, as \"{name}, {cc}\", or ask for the most populous with --most-populous"
            )),
            _ => last.push_str(
                " — a country code does not tell these apart: give coordinates, or ask for the most populous with --most-populous",
            ),
        }
    }
    QueryError::Ambiguous {
        input: input.to_string(),
        candidates,
    }
}

/// For callers that need a [`ResolvedPlace`] and nothing else (scenario
/// files): [`resolve_name`] with a resolver built on demand (no overlay);
/// gazetteer coordinates in no territory are an unknown place. To resolve
/// many names, use one [`PlaceNames`], which builds the resolver once.
pub fn resolve_place_anywhere(
    kb: &KnowledgeBase,
    input: &str,
    date: Date,
    options: NameOptions,
) -> Result<ResolvedPlace, QueryError> {
    PlaceNames::new(kb, options).place(input, date)
}

/// Place names resolved one after another (a scenario file's places): the
/// coordinate [`Resolver`] (no overlay) is built on the first gazetteer hit
/// and kept for the others, so a knowledge-base name never builds one and
/// a file of gazetteer names builds one, not one per name.
pub struct PlaceNames<'kb> {
    kb: &'kb KnowledgeBase,
    options: NameOptions,
    resolver: std::cell::OnceCell<Resolver<'kb>>,
}

impl<'kb> PlaceNames<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, options: NameOptions) -> PlaceNames<'kb> {
        PlaceNames {
            kb,
            options,
            resolver: std::cell::OnceCell::new(),
        }
    }

    /// [`resolve_place_anywhere`] with the kept resolver.
    pub fn place(&self, input: &str, date: Date) -> Result<ResolvedPlace, QueryError> {
        let locate = |coord: Coord| -> Result<Resolution, LayerError> {
            let resolver = match self.resolver.get() {
                Some(r) => r,
                None => {
                    let fresh = Resolver::new(self.kb, None)?;
                    self.resolver.get_or_init(|| fresh)
                }
            };
            Ok(resolver.resolve(coord))
        };
        named_place(
            resolve_name_by(self.kb, input, date, &self.options, locate),
            input,
        )
    }
}

/// What a caller that needs a knowledge-base place makes of a resolved
/// name `input`: the place, or a query error saying why there is none.
pub fn named_place(
    named: Result<NamedPlace, NameError>,
    input: &str,
) -> Result<ResolvedPlace, QueryError> {
    match named {
        Ok(NamedPlace {
            place: Some(p), ..
        }) => Ok(p),
        Ok(NamedPlace { place: None, .. }) => Err(QueryError::Unknown {
            what: "place (the gazetteer's coordinates for it lie in no territory of the knowledge base)",
            input: input.to_string(),
            suggestions: Vec::new(),
        }),
        Err(NameError::Query(e)) => Err(e),
        Err(NameError::Layer(e)) => Err(QueryError::Unknown {
            what: "place (the boundary layer could not be read)",
            input: format!("{input}: {e}"),
            suggestions: Vec::new(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_names_builds_one_resolver_for_many_gazetteer_names() {
        let kb = KnowledgeBase::embedded().expect("embedded knowledge base loads");
        let date = casus_core::time::parse_day("2024-01-01").expect("date");
        let names = PlaceNames::new(&kb, NameOptions::default());
        names
            .place("Stepanakert", date)
            .expect("a knowledge-base place");
        assert!(
            names.resolver.get().is_none(),
            "a knowledge-base name builds no resolver"
        );
        let zwickau = names.place("Zwickau", date).expect("a gazetteer place");
        assert_eq!(zwickau.place_name.as_deref(), Some("Zwickau (DE)"));
        let first: *const Resolver<'_> = names.resolver.get().expect("built on the first hit");
        names.place("Chemnitz", date).expect("a gazetteer place");
        let second: *const Resolver<'_> = names.resolver.get().expect("kept");
        assert!(std::ptr::eq(first, second), "the resolver is built once");
    }
}
