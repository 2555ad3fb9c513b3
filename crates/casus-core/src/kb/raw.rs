//! The on-disk TOML schema of a knowledge-base file, exactly as written.
//!
//! Every file may hold any of the top-level arrays `polity`, `territory`,
//! `region`, `place`, `claim` and `treaty`. Fields keep their spans so that
//! problems found later (unknown ids, bad dates, missing sources) can be
//! reported with file, line and column. Unknown keys are rejected, so a typo
//! in a field name is an error, not a silently ignored fact.
//! docs/kb-format.md documents this schema for people.

use serde::Deserialize;
use toml::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub polity: Vec<S<RawPolity>>,
    #[serde(default)]
    pub territory: Vec<S<RawTerritory>>,
    #[serde(default)]
    pub region: Vec<S<RawRegion>>,
    #[serde(default)]
    pub place: Vec<S<RawPlace>>,
    #[serde(default)]
    pub claim: Vec<S<RawClaim>>,
    #[serde(default)]
    pub treaty: Vec<S<RawTreaty>>,
    /// Land borders between states.
    #[serde(default)]
    pub border: Vec<S<RawBorder>>,
}

/// A fact that holds over an interval: `{ from, to, source, uncertain, note }`
/// plus one value field that depends on the context.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpell {
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

/// A dated fact about a polity: sovereign, controller, claimant, recognition.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPolitySpell {
    pub polity: S<String>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPolity {
    pub id: S<String>,
    pub name: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    pub kind: S<String>,
    pub iso3: Option<S<String>>,
    pub cow: Option<S<i64>>,
    pub cow_abb: Option<S<String>>,
    #[serde(default)]
    pub existence: Vec<S<RawSpell>>,
    /// COW state-system membership where it differs from existence.
    #[serde(default)]
    pub system_membership: Vec<S<RawSpell>>,
    #[serde(default)]
    pub recognised_by: Vec<S<RawPolitySpell>>,
    /// An armed group's dated relations to states.
    #[serde(default)]
    pub relations: Vec<S<RawRelation>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerritory {
    pub id: S<String>,
    pub name: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    pub kind: S<String>,
    pub parent: Option<S<String>>,
    /// ISO 3166-1 alpha-2 or ISO 3166-2 codes of the boundary-layer areas
    /// that make up this territory (`["AM"]`, `["US-HI"]`).
    #[serde(default)]
    pub iso_codes: Vec<S<String>>,
    /// An outline `[[lon, lat], …]` that restricts the territory to the part
    /// of its `iso_codes` areas inside it (breakaway or disputed areas).
    pub polygon: Option<S<Vec<[f64; 2]>>>,
    #[serde(default)]
    pub sovereign: Vec<S<RawPolitySpell>>,
    #[serde(default)]
    pub controller: Vec<S<RawPolitySpell>>,
    #[serde(default)]
    pub claimants: Vec<S<RawPolitySpell>>,
    #[serde(default)]
    pub regions: Vec<S<String>>,
    pub regions_source: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    // --- history: dated membership, non-recognition, no sovereign ---
    #[serde(default)]
    pub part_of: Vec<S<RawTerritorySpell>>,
    #[serde(default)]
    pub not_recognised_by: Vec<S<RawPolitySpell>>,
    #[serde(default)]
    pub no_sovereign: Vec<S<RawSpell>>,
}

/// A dated membership of one territory in another (`part_of`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerritorySpell {
    pub territory: S<String>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    pub id: S<String>,
    pub name: S<String>,
    pub description: S<String>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlace {
    pub id: S<String>,
    pub name: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    pub kind: S<String>,
    pub territory: S<String>,
    pub lat: Option<S<f64>>,
    pub lon: Option<S<f64>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    // gazetteer: names by date
    #[serde(default)]
    pub dated_name: Vec<S<RawDatedName>>,
}

/// gazetteer: a name a place bore (or bears) over a period:
/// `[[place.dated_name]] name, from, to, source`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDatedName {
    pub name: S<String>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub id: S<String>,
    pub speaker: S<String>,
    pub office: S<String>,
    pub on_behalf_of: Option<S<String>>,
    pub date: S<String>,
    pub treaty: S<String>,
    pub provision: Option<S<String>>,
    /// The party whose protection the claim is about (Armenia, for "the
    /// CSTO does not extend to Karabakh").
    pub beneficiary: Option<S<String>>,
    pub territory: Option<S<String>>,
    pub adversary: Option<S<String>>,
    pub stance: S<String>,
    pub summary: S<String>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    // What the claim speaks to (docs/claims.md): the period of events it
    // covers (default: from its date on), the past event it names, the
    // administration it presupposes and the kinds of target.
    pub covers_from: Option<S<String>>,
    pub covers_to: Option<S<String>>,
    pub event: Option<S<String>>,
    pub administered_by: Option<S<String>>,
    #[serde(default)]
    pub targets: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTreaty {
    pub id: S<String>,
    pub name: S<String>,
    pub short_name: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    pub kind: S<String>,
    pub signed: Option<S<String>>,
    pub in_force: Option<S<RawSpell>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    #[serde(default)]
    pub party: Vec<S<RawParty>>,
    #[serde(default)]
    pub status: Vec<S<RawStatus>>,
    #[serde(default)]
    pub dyad_suspension: Vec<S<RawDyadSuspension>>,
    #[serde(default)]
    pub provision: Vec<S<RawProvision>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParty {
    pub polity: S<String>,
    pub signed: Option<S<String>>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    /// Sources disagree whether the polity is a party at all.
    #[serde(default)]
    pub disputed: bool,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatus {
    pub polity: S<String>,
    pub status: S<String>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDyadSuspension {
    pub obligor: S<String>,
    pub beneficiary: S<String>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvision {
    pub id: S<String>,
    pub article: Option<S<String>>,
    pub kind: S<String>,
    /// `"mutual"` (default) or `"directed"` with `obligors` and `beneficiaries`.
    pub owed: Option<S<String>>,
    #[serde(default)]
    pub obligors: Vec<S<String>>,
    #[serde(default)]
    pub beneficiaries: Vec<S<String>>,
    pub trigger: Option<S<String>>,
    pub response: S<String>,
    pub paraphrase: S<String>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    #[serde(default)]
    pub scope: Vec<S<RawScope>>,
    #[serde(default)]
    pub conditions: Vec<S<RawCondition>>,
    // Readings of the text (docs/events.md).
    pub trigger_by: Option<S<RawReading>>,
    pub between_parties: Option<S<RawReading>>,
    pub threatened_party: Option<S<RawReading>>,
    pub cyber: Option<S<RawReading>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScope {
    pub kind: S<String>,
    #[serde(default)]
    pub regions: Vec<S<String>>,
    #[serde(default)]
    pub parties: Vec<S<String>>,
    pub party: Option<S<String>>,
    pub territory: Option<S<String>>,
    /// `territory`: named parts left out; `forces_in`: named territories.
    #[serde(default)]
    pub except: Vec<S<String>>,
    #[serde(default)]
    pub territories: Vec<S<String>>,
    /// `party_territory`: metropolitan territory only.
    #[serde(default)]
    pub metropolitan: bool,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    pub kind: S<String>,
    pub body: Option<S<String>>,
    #[serde(default)]
    pub polities: Vec<S<String>>,
    pub text: Option<S<String>>,
    /// `reservation`: the party that made it, its name, its effect
    /// (`adversary_only` with `polities` and `instead`, or `note`).
    pub party: Option<S<String>>,
    pub name: Option<S<String>>,
    pub effect: Option<S<String>>,
    pub instead: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
}

// ---- Issue 8: armed groups' relations, readings of a provision, borders ----

/// `{ kind = "host" | "sponsor" | "control", polity, from, to, source }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    pub kind: S<String>,
    pub polity: S<String>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

/// A reading of a provision's text: `trigger_by` has `covers`,
/// `between_parties` has `rule`, `cyber` has `stance`; `threatened_party`
/// has only its source. Every reading quotes the clause in `source`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReading {
    pub covers: Option<S<String>>,
    pub rule: Option<S<String>>,
    pub stance: Option<S<String>>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}

/// `{ between = [A, B], from, to, source }`: a land border.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBorder {
    pub between: S<Vec<S<String>>>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: Option<S<String>>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
}
