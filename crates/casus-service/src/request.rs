//! The typed requests, one per question, as front ends fill them: the CLI
//! from its flags, the server from query parameters or a JSON body. Names
//! and dates stay strings here; the service resolves and validates them, so
//! every front end gets the same errors. Enumerations are `snake_case` in
//! JSON, as in the CLI's `--format json` output.

use serde::Deserialize;

/// What was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TargetKind {
    /// The territory at the place.
    #[default]
    Territory,
    /// The defenders' forces there.
    Forces,
}

impl From<TargetKind> for casus_core::Target {
    fn from(t: TargetKind) -> Self {
        match t {
            TargetKind::Territory => casus_core::Target::Territory,
            TargetKind::Forces => casus_core::Target::Forces,
        }
    }
}

/// Was the use of force deliberate?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum IntentKind {
    #[default]
    Deliberate,
    Accidental,
    Unknown,
}

/// An armed attack, or an incident that may fall below its gravity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ScaleKind {
    #[default]
    ArmedAttack,
    Incident,
}

/// Kinetic force or a cyber operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MeansKind {
    #[default]
    Kinetic,
    Cyber,
}

/// Intent, scale and means of the attack (default: a deliberate armed
/// attack by kinetic means).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Character {
    pub intent: IntentKind,
    pub scale: ScaleKind,
    pub means: MeansKind,
}

impl Character {
    pub fn to_core(self) -> casus_core::engine::AttackCharacter {
        use casus_core::engine::{AttackCharacter, Intent, Means, Scale};
        AttackCharacter {
            intent: match self.intent {
                IntentKind::Deliberate => Intent::Deliberate,
                IntentKind::Accidental => Intent::Accidental,
                IntentKind::Unknown => Intent::Unknown,
            },
            scale: match self.scale {
                ScaleKind::ArmedAttack => Scale::ArmedAttack,
                ScaleKind::Incident => Scale::Incident,
            },
            means: match self.means {
                MeansKind::Kinetic => Means::Kinetic,
                MeansKind::Cyber => Means::Cyber,
            },
        }
    }

    /// Whether any part differs from the default.
    pub fn given(self) -> bool {
        self != Character::default()
    }
}

/// `why`: judge an attack and explain every verdict.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema, utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct WhyRequest {
    /// Attacking states or armed groups (name, alias or id; `unknown` for
    /// an attack not yet attributed). At least one.
    #[serde(alias = "attacker")]
    pub attackers: Vec<String>,
    /// Attacked states; default: the sovereign and controller of the place.
    #[serde(default, alias = "defender")]
    pub defenders: Vec<String>,
    /// A place or territory name, or coordinates (`39.8153,46.7519`).
    pub at: String,
    /// The date of the attack, `YYYY-MM-DD`.
    pub on: String,
    #[serde(default)]
    pub target: TargetKind,
    #[serde(default)]
    pub intent: IntentKind,
    #[serde(default)]
    pub scale: ScaleKind,
    #[serde(default)]
    pub means: MeansKind,
    /// Settle an ambiguous gazetteer name by population.
    #[serde(default)]
    pub most_populous: bool,
}

/// `place`: how a place resolves on a date.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema, utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct PlaceRequest {
    /// A place or territory name, or coordinates.
    pub place: String,
    /// `YYYY-MM-DD`.
    pub on: String,
    #[serde(default)]
    pub most_populous: bool,
}

/// `commitments`: what a state owes and is owed on a date.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema, utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct CommitmentsRequest {
    /// A state (name, alias or id).
    pub polity: String,
    /// `YYYY-MM-DD`.
    pub on: String,
}

/// `treaties`: every treaty, or those in force on a date.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema, utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct TreatiesRequest {
    /// `YYYY-MM-DD`; absent: every treaty.
    #[serde(default)]
    pub on: Option<String>,
}

/// `show`: one treaty in full.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema, utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct ShowRequest {
    /// A treaty id, name or alias (`csto`, `NATO`, `Washington Treaty`).
    pub treaty: String,
}

/// Which triggered obligations are honoured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ComplianceKind {
    All,
    Automatic,
    Probabilistic,
}

/// Whether joining states strike the attackers' homeland.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CounterStrikeKind {
    Homeland,
    None,
}

/// Whether contested obligations are acted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ContestedKind {
    StayOut,
    Join,
}

/// Whether support short of belligerence counts as belligerence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SupportCountsKind {
    Bystander,
    Belligerent,
}

/// A scenario document: TOML text as in `examples/*.toml`, with the name
/// errors are reported against (`file:line:col`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScenarioDocument {
    /// The name used in error positions (a file name; default `scenario.toml`).
    #[serde(default = "default_document_name")]
    pub name: String,
    /// The TOML text.
    pub toml: String,
}

fn default_document_name() -> String {
    "scenario.toml".into()
}

/// `escalate`: follow an attack round by round. Either a scenario
/// document, or one attack given by `attackers`/`at`/`on`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema, utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct EscalateRequest {
    /// A scenario document (POST only).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(ignore))]
    pub scenario: Option<ScenarioDocument>,
    #[serde(default, alias = "attacker")]
    pub attackers: Vec<String>,
    #[serde(default, alias = "defender")]
    pub defenders: Vec<String>,
    #[serde(default)]
    pub at: Option<String>,
    /// `YYYY-MM-DD`; with a scenario document, overrides its date.
    #[serde(default)]
    pub on: Option<String>,
    #[serde(default)]
    pub target: TargetKind,
    #[serde(default)]
    pub intent: IntentKind,
    #[serde(default)]
    pub scale: ScaleKind,
    #[serde(default)]
    pub means: MeansKind,
    /// Support short of belligerence, `SUPPORTER:RECIPIENT`.
    #[serde(default, alias = "support")]
    pub supports: Vec<String>,
    #[serde(default)]
    pub policy: Option<ComplianceKind>,
    #[serde(default)]
    pub counter_strike: Option<CounterStrikeKind>,
    #[serde(default)]
    pub contested: Option<ContestedKind>,
    #[serde(default)]
    pub support_counts: Option<SupportCountsKind>,
    /// The last round judged, 1 to 100 (default 10).
    #[serde(default)]
    pub max_rounds: Option<u32>,
    /// Monte Carlo samples (implies `policy: probabilistic`); capped per
    /// request (see `Limits::max_runs`).
    #[serde(default)]
    pub runs: Option<u64>,
    /// Seed for Monte Carlo runs (default 1).
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Counterfactual: remove a membership, `STATE:TREATY`.
    #[serde(default)]
    pub without: Vec<String>,
    /// Counterfactual: add a membership, `STATE:TREATY[@YYYY-MM-DD]`.
    #[serde(default)]
    pub with: Vec<String>,
    #[serde(default)]
    pub most_populous: bool,
}

fn default_seed() -> u64 {
    1
}

/// What a name search looks in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SearchKind {
    /// States (and de facto states).
    State,
    /// Non-state armed groups (and the `unknown` attacker).
    ArmedGroup,
    Treaty,
    /// Territories and places of the knowledge base.
    Place,
    /// Populated places of the GeoNames gazetteer.
    Gazetteer,
}

/// `search`: type-ahead over names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema, utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct SearchRequest {
    /// What the user has typed so far (case and accents do not matter).
    pub q: String,
    /// Only these kinds (default: all).
    #[serde(default)]
    pub kinds: Vec<SearchKind>,
    /// At most this many results (default 10, at most `Limits::max_search_results`).
    #[serde(default)]
    pub limit: Option<usize>,
}

impl WhyRequest {
    pub fn character(&self) -> Character {
        Character {
            intent: self.intent,
            scale: self.scale,
            means: self.means,
        }
    }
}

impl EscalateRequest {
    pub fn character(&self) -> Character {
        Character {
            intent: self.intent,
            scale: self.scale,
            means: self.means,
        }
    }
}
