//! The domain model: polities, territories, places, treaties and their
//! provisions, and officials' claims, each fact with its interval and source.
//!
//! These types are what the knowledge base loader produces and what the
//! engine reads; they are plain data with no I/O. Every id is a `String`
//! that the loader has checked resolves (see `kb::check`).

use std::fmt;
use std::sync::Arc;

use bitcode::{Decode, Encode};
use serde::Serialize;

use crate::time::{FuzzyDate, Interval, Truth};

/// Where a fact was written: file, 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Encode, Decode)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Encode, Decode)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Encode, Decode)]
pub struct Dated<T> {
    pub value: T,
    pub interval: Interval,
    pub source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case")]
pub enum PolityKind {
    /// A sovereign state.
    State,
    /// A de facto state recognised by few or no UN members.
    DeFactoState,
    /// An international organisation that is a frame for treaties.
    Organisation,
    /// A non-state armed group (al-Qaeda, Hezbollah, …): it can attack but
    /// is party to nothing.
    ArmedGroup,
    /// An attacker not (yet) identified.
    Unknown,
}

impl PolityKind {
    pub fn label(self) -> &'static str {
        match self {
            PolityKind::State => "state",
            PolityKind::DeFactoState => "de facto state",
            PolityKind::Organisation => "organisation",
            PolityKind::ArmedGroup => "non-state armed group",
            PolityKind::Unknown => "unknown attacker",
        }
    }
}

#[derive(Debug, Clone, Serialize, Encode, Decode)]
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
    /// Membership of the COW state system where it differs from existence
    /// (the rule is in `state_system`, docs/kb-format.md).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub system_membership: Vec<Dated<()>>,
    /// States that recognise a de facto state (empty for states).
    pub recognised_by: Vec<Dated<String>>,
    /// An armed group's dated relations to states (host, sponsor, control).
    pub relations: Vec<Dated<GroupRelation>>,
    pub source: Source,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
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

#[derive(Debug, Clone, Serialize, Encode, Decode)]
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
    // --- history: dated membership, non-recognition, no sovereign ---
    /// Spells during which this territory belonged to another territory
    /// (the predecessor state's: today's Czech Republic within
    /// Czechoslovakia before 1993). On such a day the territory is reported
    /// as, and takes every fact from, that territory.
    pub part_of: Vec<Dated<String>>,
    /// Polities that did not recognise the sovereignty exercised over this
    /// territory during the spell (the United States and the Soviet
    /// annexation of the Baltic states).
    pub not_recognised_by: Vec<Dated<String>>,
    /// Spells with no sovereign at all, the note saying why (Germany under
    /// four-power occupation, a UN trust territory). An ancestor's sovereign
    /// is not inherited on such a day.
    pub no_sovereign: Vec<Dated<()>>,
}

/// A named region that scope rules test ("europe", "north-atlantic-north-of-cancer").
#[derive(Debug, Clone, Serialize, Encode, Decode)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub description: String,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    City,
    Town,
    Village,
    /// A quarter, district or suburb of a larger place.
    Neighbourhood,
    /// A military base of no more specific kind.
    Base,
    AirBase,
    NavalBase,
    /// An army camp, garrison, training range or test site.
    MilitarySite,
    /// A nuclear facility: reactor, enrichment or test site.
    NuclearSite,
    MissileSite,
    Airport,
    Port,
    Landmark,
    Island,
    Islet,
    Reef,
    Shoal,
    Rock,
    Peninsula,
    Cape,
    Mountain,
    Pass,
    Valley,
    River,
    Lake,
    Canal,
    /// A border crossing or checkpoint.
    Crossing,
    Bridge,
    Dam,
    /// A power plant (nuclear plants are `nuclear_site`).
    PowerPlant,
    /// An oil or gas field, refinery or terminal.
    OilSite,
    /// A point on a pipeline or submarine cable.
    Pipeline,
    Cable,
    /// A refugee or displaced persons' camp.
    Camp,
    /// A named area: a district, a region or a disputed strip of land.
    Area,
}

impl PlaceKind {
    /// Every kind with its name in the knowledge-base format.
    pub const ALL: [(&'static str, PlaceKind); 35] = [
        ("city", PlaceKind::City),
        ("town", PlaceKind::Town),
        ("village", PlaceKind::Village),
        ("neighbourhood", PlaceKind::Neighbourhood),
        ("base", PlaceKind::Base),
        ("air_base", PlaceKind::AirBase),
        ("naval_base", PlaceKind::NavalBase),
        ("military_site", PlaceKind::MilitarySite),
        ("nuclear_site", PlaceKind::NuclearSite),
        ("missile_site", PlaceKind::MissileSite),
        ("airport", PlaceKind::Airport),
        ("port", PlaceKind::Port),
        ("landmark", PlaceKind::Landmark),
        ("island", PlaceKind::Island),
        ("islet", PlaceKind::Islet),
        ("reef", PlaceKind::Reef),
        ("shoal", PlaceKind::Shoal),
        ("rock", PlaceKind::Rock),
        ("peninsula", PlaceKind::Peninsula),
        ("cape", PlaceKind::Cape),
        ("mountain", PlaceKind::Mountain),
        ("pass", PlaceKind::Pass),
        ("valley", PlaceKind::Valley),
        ("river", PlaceKind::River),
        ("lake", PlaceKind::Lake),
        ("canal", PlaceKind::Canal),
        ("crossing", PlaceKind::Crossing),
        ("bridge", PlaceKind::Bridge),
        ("dam", PlaceKind::Dam),
        ("power_plant", PlaceKind::PowerPlant),
        ("oil_site", PlaceKind::OilSite),
        ("pipeline", PlaceKind::Pipeline),
        ("cable", PlaceKind::Cable),
        ("camp", PlaceKind::Camp),
        ("area", PlaceKind::Area),
    ];

    /// The kind's name in the knowledge-base format (`air_base`).
    pub fn as_str(self) -> &'static str {
        PlaceKind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("place", |(name, _)| name)
    }
}

#[derive(Debug, Clone, Serialize, Encode, Decode)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Encode, Decode)]
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

#[derive(Debug, Clone, Serialize, Encode, Decode)]
pub struct Party {
    pub polity: String,
    /// Membership: from the day the party was bound to the last day.
    pub membership: Dated<()>,
    pub signed: Option<FuzzyDate>,
    /// Sources disagree whether this polity is a party at all (ATOP lists
    /// Guinea-Bissau in the 1981 ECOWAS defence protocol, Okolo says it
    /// never signed): inside its spell its membership is `Unknown`, never
    /// `Yes`, so its verdicts come out contested. The spell's note names
    /// the sources that disagree.
    pub disputed: bool,
}

impl Party {
    /// Whether this spell makes the polity a party on `date`.
    pub fn member_on(&self, date: jiff::civil::Date) -> Truth {
        let t = self.membership.interval.contains(date);
        if self.disputed {
            t.min(Truth::Unknown)
        } else {
            t
        }
    }
}

#[derive(Debug, Clone, Serialize, Encode, Decode)]
pub struct StatusSpell {
    pub polity: String,
    pub status: Dated<ParticipationStatus>,
}

/// One party's obligations toward another suspended (ANZUS, US to NZ, 1986).
#[derive(Debug, Clone, Serialize, Encode, Decode)]
pub struct DyadSuspension {
    pub obligor: String,
    pub beneficiary: String,
    pub spell: Dated<()>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Encode, Decode)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Encode, Decode)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScopeKind {
    /// The attacked party's own de jure territory, optionally only in some
    /// regions, optionally only for some parties.
    PartyTerritory {
        regions: Vec<String>,
        parties: Vec<String>,
        /// Only metropolitan territory: not a territory of kind `overseas`
        /// (ANZUS and US-Philippines Art. V: "the metropolitan territory").
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        metropolitan: bool,
    },
    /// Territory under the administration (de facto control) of `party`, or
    /// of the attacked party when `party` is `None`.
    AdministeredBy { party: Option<String> },
    /// One named territory (NATO's "Algerian Departments of France"),
    /// without the named parts in `except` (US-ROC Art. VI names "Taiwan
    /// and the Pescadores": Kinmen and Matsu, filed under Taiwan, are out).
    Territory {
        territory: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        except: Vec<String>,
    },
    /// The attacked party's forces, vessels or aircraft in these regions,
    /// or in or over these named territories.
    ForcesIn {
        regions: Vec<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        territories: Vec<String>,
    },
    /// The attacked party's forces, vessels or aircraft in or over the de
    /// jure territory of any party to the treaty (in one of `regions`, if
    /// given; of one of `parties`, if given): NATO Art. 6(2), "when in or
    /// over these territories".
    ForcesOnPartyTerritory {
        regions: Vec<String>,
        parties: Vec<String>,
    },
    /// The attacked party's territory or forces anywhere.
    Anywhere,
}

#[derive(Debug, Clone, Serialize, Encode, Decode)]
pub struct ScopeRule {
    pub rule: ScopeKind,
    pub validity: Interval,
    pub source: Source,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Encode, Decode)]
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
    /// A reservation, understanding or declaration one party attached to
    /// the provision: it qualifies only that party's obligation (as
    /// obligor). See [`ReservationEffect`].
    Reservation {
        /// The party that made it.
        party: String,
        /// Its name as the record gives it ("United States Understanding").
        name: String,
        effect: ReservationEffect,
    },
}

/// What a reservation does to the obligation of the party that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case", tag = "effect")]
pub enum ReservationEffect {
    /// The party is bound only against attacks by these polities (the US
    /// understanding on SEATO Art. IV(1): communist aggression only). For
    /// other attackers `instead` names what the party does.
    AdversaryOnly {
        polities: Vec<String>,
        /// What the party undertakes instead, in words.
        instead: Option<String>,
    },
    /// Recorded and shown, without effect on the verdict.
    Note { text: String },
}

#[derive(Debug, Clone, Serialize, Encode, Decode)]
pub struct Condition {
    pub condition: ConditionKind,
    pub source: Source,
}

/// How strong the response owed is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Encode, Decode)]
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

#[derive(Debug, Clone, Serialize, Encode, Decode)]
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
    // Readings of the text (docs/events.md), each citing the clause.
    /// Whom the trigger covers; `None`: not recorded (read as unstated).
    pub trigger_by: Option<Dated<AttackerCoverage>>,
    /// What the text says of an attack by one party on another; `None`:
    /// not recorded (read as unsettled).
    pub between_parties: Option<Dated<BetweenParties>>,
    /// The trigger is a threat to the security of any party, in its own
    /// opinion: open to the neighbours of an attacked state.
    pub threatened_party: Option<Source>,
    /// The organisation's stated position on cyber operations.
    pub cyber: Option<Dated<CyberStance>>,
}

#[derive(Debug, Clone, Serialize, Encode, Decode)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ClaimSubject {
    Territory { territory: String },
    Adversary { polity: String },
}

/// The kind of object an attack hits, as claims and treaty clauses name it.
/// The engine judges `territory` or `forces`; a claim about vessels or
/// aircraft is about the engine's `forces` target ("forces, vessels or
/// aircraft", as every clause in the knowledge base names them together).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Territory,
    Forces,
    Vessels,
    Aircraft,
}

impl TargetKind {
    pub fn label(self) -> &'static str {
        match self {
            TargetKind::Territory => "territory",
            TargetKind::Forces => "armed forces",
            TargetKind::Vessels => "vessels",
            TargetKind::Aircraft => "aircraft",
        }
    }
}

/// An official interpretation: evidence, not law.
#[derive(Debug, Clone, Serialize, Encode, Decode)]
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
    /// The events the claim speaks to: by default those on or after the
    /// day it was made; a claim about a past event names its period.
    pub covers: Interval,
    /// The past event (or period) the claim is about, where it names one.
    pub event: Option<String>,
    /// The situation the claim presupposes: the attacked territory is under
    /// this polity's administration ("under Japan's administration").
    pub administered_by: Option<String>,
    /// The kinds of target the claim speaks to (empty: any).
    pub targets: Vec<TargetKind>,
}

// ---- Attackers beyond states, readings of a provision's trigger, land
// borders (docs/events.md) ----

/// A state's relation to a non-state armed group on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// The state lets the group operate from its territory.
    Host,
    /// The state arms, funds or trains the group.
    Sponsor,
    /// The group acts on the state's instructions or under its control.
    Control,
}

impl RelationKind {
    pub fn label(self) -> &'static str {
        match self {
            RelationKind::Host => "hosted by",
            RelationKind::Sponsor => "supported by",
            RelationKind::Control => "controlled by",
        }
    }
}

/// One dated relation of an armed group to a state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Encode, Decode)]
pub struct GroupRelation {
    pub kind: RelationKind,
    pub state: String,
}

/// Whom a provision's trigger covers, read from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case")]
pub enum AttackerCoverage {
    /// Any attacker, states and non-state groups alike.
    Any,
    /// Attacks by states ("an armed attack by any State").
    States,
    /// The text does not say who attacks ("an armed attack" with no
    /// qualifier): open for non-state attackers.
    Unstated,
}

/// What a provision's text says of an attack by one party on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case")]
pub enum BetweenParties {
    /// The trigger covers an attack by a party (Rio Art. 3, "by any State",
    /// with its Art. 7 procedure for conflicts between American states).
    Covered,
    /// The trigger covers only attacks from outside the alliance.
    Excluded,
    /// The text is silent and practice does not settle it.
    Unsettled,
}

/// An organisation's stated position on whether a cyber operation can
/// trigger a provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Encode, Decode)]
#[serde(rename_all = "snake_case")]
pub enum CyberStance {
    Covered,
    /// Decided case by case (NATO, Wales Summit Declaration 2014 ¶72).
    CaseByCase,
    NotCovered,
}

/// A land border between two states: it holds on a day inside its own
/// spell when both states exist.
#[derive(Debug, Clone, Serialize, Encode, Decode)]
pub struct Border {
    pub between: [String; 2],
    pub spell: Dated<()>,
}
