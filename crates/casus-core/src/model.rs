//! The domain model: polities, territories, places, treaties and their
//! provisions, and officials' claims, each fact with its interval and source.
//!
//! These types are what the knowledge base loader produces and what the
//! engine reads; they are plain data with no I/O. Every id is a `String`
//! that the loader has checked resolves (see `kb::check`).

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::time::{FuzzyDate, Interval};

/// Where a fact was written: file, 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Loc {
    pub file: Arc<str>,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// The evidence behind one fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Human-readable citation: treaty and article, official statement with
    /// date, or dataset and version. Shared, since proofs cite it often.
    pub citation: Arc<str>,
    /// The compiler of the fact could not confirm it, or sources disagree.
    pub uncertain: bool,
    /// Where in the knowledge base the fact is written.
    pub loc: Loc,
}

/// A value that holds over an interval, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dated<T> {
    pub value: T,
    pub interval: Interval,
    pub source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PolityKind {
    /// A sovereign state.
    State,
    /// A de facto state recognised by few or no UN members.
    DeFactoState,
    /// An international organisation that is a frame for treaties.
    Organisation,
}

impl PolityKind {
    pub fn label(self) -> &'static str {
        match self {
            PolityKind::State => "state",
            PolityKind::DeFactoState => "de facto state",
            PolityKind::Organisation => "organisation",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Polity {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: PolityKind,
    pub iso3: Option<String>,
    pub cow_code: Option<u16>,
    pub cow_abb: Option<String>,
    /// When the polity existed. Several spells are allowed (e.g. a state
    /// that lost and regained independence).
    pub existence: Vec<Dated<()>>,
    /// States that recognise a de facto state (empty for states).
    pub recognised_by: Vec<Dated<String>>,
    pub source: Source,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TerritoryKind {
    /// A state's mainland or core territory.
    Mainland,
    /// An administrative region of a state.
    Region,
    /// An island or island group.
    Islands,
    /// A dependency or overseas territory.
    Overseas,
    /// A region whose sovereignty or control is disputed.
    Disputed,
    /// An area of sea.
    Sea,
}

#[derive(Debug, Clone, Serialize)]
pub struct Territory {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: TerritoryKind,
    /// The territory this one lies within. Sovereign, controller and regions
    /// are inherited from the parent where this territory has no fact of its
    /// own for a date.
    pub parent: Option<String>,
    /// ISO 3166-1 alpha-2 or ISO 3166-2 codes of the boundary-layer areas
    /// that make up this territory, for coordinate lookup.
    pub iso_codes: Vec<String>,
    /// An outline of `(lon, lat)` vertices in decimal degrees: the territory
    /// is the part of its `iso_codes` areas inside it. Geometry is done by
    /// `casus-geo`; core only carries the data.
    pub polygon: Vec<(f64, f64)>,
    /// De jure holder, in the view of most states and the UN.
    pub sovereign: Vec<Dated<String>>,
    /// Who holds it on the ground.
    pub controller: Vec<Dated<String>>,
    /// Polities that claim it (besides, or instead of, the sovereign).
    pub claimants: Vec<Dated<String>>,
    /// Region tags that scope rules test (ids in `Region`).
    pub regions: Vec<String>,
    pub regions_source: Option<Source>,
    pub source: Source,
    pub note: Option<String>,
}

/// A named region that scope rules test ("europe", "north-atlantic-north-of-cancer").
#[derive(Debug, Clone, Serialize)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub description: String,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    City,
    Town,
    Village,
    Base,
    Landmark,
    Island,
}

#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: PlaceKind,
    pub territory: String,
    /// Latitude and longitude in decimal degrees, where known.
    pub coords: Option<(f64, f64)>,
    pub source: Source,
    pub note: Option<String>,
    /// Names by date (gazetteer): each a name the place bore or bears over
    /// a period (Stalingrad 1925–1961). Resolvable at any date; outside its
    /// period the answer carries a note.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dated_names: Vec<Dated<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentKind {
    /// A treaty binding in international law.
    Treaty,
    /// A signed political declaration between states (may or may not be
    /// ratified; its obligations are political unless noted).
    Declaration,
    /// Security assurances that create no obligation to defend.
    Assurance,
    /// A state's domestic law: binds its own government only.
    DomesticLaw,
}

impl InstrumentKind {
    pub fn label(self) -> &'static str {
        match self {
            InstrumentKind::Treaty => "treaty",
            InstrumentKind::Declaration => "declaration",
            InstrumentKind::Assurance => "assurance (no defence obligation)",
            InstrumentKind::DomesticLaw => "domestic law",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationStatus {
    /// The party says it has frozen its participation, without withdrawing.
    Frozen,
    /// The party's membership is suspended.
    Suspended,
    /// The party left the integrated military structure but remains bound
    /// (France 1966-2009): no effect on obligations, kept for the record.
    OutsideMilitaryStructure,
}

impl ParticipationStatus {
    pub fn label(self) -> &'static str {
        match self {
            ParticipationStatus::Frozen => "frozen participation",
            ParticipationStatus::Suspended => "suspended membership",
            ParticipationStatus::OutsideMilitaryStructure => {
                "outside the integrated military structure"
            }
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Party {
    pub polity: String,
    /// Membership: from the day the party was bound to the last day.
    pub membership: Dated<()>,
    pub signed: Option<FuzzyDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusSpell {
    pub polity: String,
    pub status: Dated<ParticipationStatus>,
}

/// One party's obligations toward another suspended (ANZUS, US to NZ, 1986).
#[derive(Debug, Clone, Serialize)]
pub struct DyadSuspension {
    pub obligor: String,
    pub beneficiary: String,
    pub spell: Dated<()>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObligationKind {
    Defense,
    Consultation,
    Neutrality,
    NonAggression,
    Offense,
}

impl ObligationKind {
    pub fn label(self) -> &'static str {
        match self {
            ObligationKind::Defense => "defense",
            ObligationKind::Consultation => "consultation",
            ObligationKind::Neutrality => "neutrality",
            ObligationKind::NonAggression => "non-aggression",
            ObligationKind::Offense => "offense",
        }
    }
}

/// Who owes the obligation to whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Owed {
    /// Every party owes it to every other party (NATO Art. 5).
    Mutual,
    /// Only the listed obligors owe it, only to the listed beneficiaries.
    Directed {
        obligors: Vec<String>,
        beneficiaries: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    ArmedAttack,
    Aggression,
    Threat,
}

impl TriggerKind {
    pub fn label(self) -> &'static str {
        match self {
            TriggerKind::ArmedAttack => "an armed attack",
            TriggerKind::Aggression => "aggression",
            TriggerKind::Threat => "a threat",
        }
    }
}

/// What an attack must hit for a provision to apply. A provision's scope is
/// the union of its rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScopeKind {
    /// The attacked party's own de jure territory, optionally only in some
    /// regions, optionally only for some parties.
    PartyTerritory {
        regions: Vec<String>,
        parties: Vec<String>,
    },
    /// Territory under the administration (de facto control) of `party`, or
    /// of the attacked party when `party` is `None`.
    AdministeredBy { party: Option<String> },
    /// One named territory (NATO's "Algerian Departments of France").
    Territory { territory: String },
    /// The attacked party's forces, vessels or aircraft in these regions.
    ForcesIn { regions: Vec<String> },
    /// The attacked party's territory or forces anywhere.
    Anywhere,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScopeRule {
    pub rule: ScopeKind,
    pub validity: Interval,
    pub source: Source,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ConditionKind {
    /// Help is given at the request of the attacked party.
    RequestByAttacked,
    /// A council or summit must decide (CSTO heads of state, NATO's NAC).
    CouncilDecision { body: String },
    /// "In accordance with constitutional processes".
    ConstitutionalProcesses,
    /// Only attacks by these adversaries count.
    Adversary { polities: Vec<String> },
    /// The parties first consult and agree on the help case by case.
    ConsultationFirst,
    /// The obligation is limited (to a location, an adversary, a conflict…)
    /// but the source does not say how: the engine cannot decide, so a
    /// verdict that depends on it is `contested`, naming `text`.
    UnnamedRestriction { text: String },
    /// Anything else, in words.
    Other { text: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct Condition {
    pub condition: ConditionKind,
    pub source: Source,
}

/// How strong the response owed is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// Automatic military assistance.
    Automatic,
    /// "Necessary assistance, including military".
    NecessaryAssistance,
    /// "Such action as it deems necessary, including the use of armed force".
    AsDeemedNecessary,
    /// "Act to meet the common danger in accordance with constitutional processes".
    MeetCommonDanger,
    /// Help agreed case by case after consultations.
    AgreedCaseByCase,
    /// The parties "may consider" assistance.
    Discretionary,
    /// Consult only.
    Consult,
    /// Refrain from force or from helping the adversary.
    Refrain,
    /// A political declaration without a stated response.
    Political,
}

impl Response {
    pub fn label(self) -> &'static str {
        match self {
            Response::Automatic => "automatic military assistance",
            Response::NecessaryAssistance => "necessary assistance, including military",
            Response::AsDeemedNecessary => "such action as each deems necessary",
            Response::MeetCommonDanger => {
                "act to meet the common danger per constitutional processes"
            }
            Response::AgreedCaseByCase => "help agreed case by case",
            Response::Discretionary => "may consider assistance",
            Response::Consult => "consult",
            Response::Refrain => "refrain",
            Response::Political => "political declaration",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Provision {
    /// Unique within the treaty, e.g. `art5`.
    pub id: String,
    /// The article as written ("5", "IV", "security clause").
    pub article: String,
    pub kind: ObligationKind,
    pub owed: Owed,
    pub trigger: TriggerKind,
    pub scope: Vec<ScopeRule>,
    pub conditions: Vec<Condition>,
    pub response: Response,
    /// A short paraphrase in the project's own words.
    pub paraphrase: String,
    /// When this text of the provision applied (amendments).
    pub validity: Interval,
    pub source: Source,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Treaty {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub aliases: Vec<String>,
    pub kind: InstrumentKind,
    pub signed: Option<FuzzyDate>,
    pub in_force: Dated<()>,
    pub parties: Vec<Party>,
    pub statuses: Vec<StatusSpell>,
    pub dyad_suspensions: Vec<DyadSuspension>,
    pub provisions: Vec<Provision>,
    pub source: Source,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// The commitment covers / is triggered by the subject.
    Applies,
    /// It does not.
    DoesNotApply,
    /// The statement addresses the question without a clear stance.
    Unclear,
}

impl Stance {
    pub fn label(self) -> &'static str {
        match self {
            Stance::Applies => "applies",
            Stance::DoesNotApply => "does not apply",
            Stance::Unclear => "unclear",
        }
    }
}

/// What a claim is about: a treaty's reach over a territory, or over an
/// adversary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ClaimSubject {
    Territory { territory: String },
    Adversary { polity: String },
}

/// An official interpretation: evidence, not law.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub id: String,
    pub speaker: String,
    pub office: String,
    /// The state or body the speaker speaks for.
    pub on_behalf_of: Option<String>,
    pub date: FuzzyDate,
    pub treaty: String,
    /// Provision id within the treaty, where the claim names one.
    pub provision: Option<String>,
    /// The party whose protection the claim is about; a claim without one
    /// speaks to every beneficiary.
    pub beneficiary: Option<String>,
    pub subject: ClaimSubject,
    pub stance: Stance,
    /// The claim in the project's own words.
    pub summary: String,
    pub source: Source,
}
