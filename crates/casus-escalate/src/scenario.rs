//! Escalation scenarios: the date, the given attacks, support relations
//! short of belligerence and the policy knobs, read from a TOML file (with
//! file:line:col errors and "did you mean" for unknown names) or built from
//! command-line flags for the simple case.

use std::collections::BTreeMap;

use casus_core::engine::{default_defenders, AttackCharacter, Intent, Means, Scale};
use casus_core::model::Response;
use casus_core::query::{
    resolve_place_on, resolve_polity, resolve_treaty, QueryError, ResolvedPlace,
};

/// How a place name becomes a place on a date, in the question of its
/// attack (gazetteer: the CLI passes one that falls back to the gazetteer
/// and lets the attack's states choose among namesakes; the default knows
/// only the knowledge base).
pub type PlaceLookup<'a> =
    &'a dyn Fn(&str, Date, &PlaceQuestion<'_>) -> Result<ResolvedPlace, QueryError>;

/// The attack a place name is read for: its states decide among places
/// of one name (docs/gazetteer.md).
#[derive(Debug, Clone, Copy)]
pub struct PlaceQuestion<'q> {
    pub attackers: &'q [String],
    pub defenders: &'q [String],
    pub target: Target,
}
use casus_core::{KnowledgeBase, Target};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::policy::{Compliance, ContestedRule, CounterStrike, Policy, SupportRule};

/// The most `[[attack]]` tables a scenario may hold (more is refused with
/// this number; see docs/limits.md). The file size limit is
/// [`casus_core::limits::MAX_SCENARIO_FILE_BYTES`].
pub const MAX_ATTACKS: usize = 256;

/// One given attack (round 0).
#[derive(Debug, Clone, Serialize)]
pub struct GivenAttack {
    pub attackers: Vec<String>,
    pub defenders: Vec<String>,
    pub place: ResolvedPlace,
    pub target: Target,
    /// Intent, scale and means (docs/events.md); default: a deliberate
    /// armed attack by kinetic means.
    pub character: AttackCharacter,
}

/// Support short of belligerence: `supporter` helps `recipient` (arms,
/// drones, intelligence) without fighting.
#[derive(Debug, Clone, Serialize)]
pub struct Support {
    pub supporter: String,
    pub recipient: String,
    pub what: Option<String>,
}

/// A resolved escalation scenario.
#[derive(Debug, Clone, Serialize)]
pub struct EscalationScenario {
    pub name: Option<String>,
    pub date: Date,
    pub attacks: Vec<GivenAttack>,
    pub supports: Vec<Support>,
    pub policy: Policy,
}

/// A scenario that could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScenarioError {
    /// The file is not valid TOML, or a field is missing, mistyped or unknown.
    #[error("{file}:{line}:{col}: {message}")]
    Malformed {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    /// A name in the file does not resolve.
    #[error("{file}:{line}:{col}: {error}")]
    UnknownName {
        file: String,
        line: usize,
        col: usize,
        error: QueryError,
    },
    /// A name given as a flag does not resolve.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A flag or combination of inputs makes no sense.
    #[error("{0}")]
    Invalid(String),
    /// One flag's value was refused, for the reason `error` gives; `flag`
    /// says which (so a caller can name the input at fault).
    #[error("{error}")]
    Flag {
        flag: Flag,
        error: Box<ScenarioError>,
    },
}

/// The inputs of [`scenario_from_flags`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Attacker,
    Defender,
    At,
    Support,
}

impl ScenarioError {
    fn in_flag(flag: Flag) -> impl Fn(ScenarioError) -> ScenarioError {
        move |e| ScenarioError::Flag {
            flag,
            error: Box::new(e),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn names(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    date: Spanned<String>,
    #[serde(default, rename = "attack")]
    attacks: Vec<RawAttack>,
    #[serde(default, rename = "support")]
    supports: Vec<RawSupport>,
    #[serde(default)]
    policy: Option<RawPolicy>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttack {
    by: Spanned<OneOrMany>,
    #[serde(default)]
    against: Option<Spanned<OneOrMany>>,
    at: Spanned<String>,
    #[serde(default)]
    target: Option<RawTarget>,
    // The attack's character (docs/events.md).
    #[serde(default)]
    intent: Option<Intent>,
    #[serde(default)]
    scale: Option<Scale>,
    #[serde(default)]
    means: Option<Means>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RawTarget {
    Territory,
    Forces,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSupport {
    by: Spanned<String>,
    to: Spanned<String>,
    #[serde(default)]
    what: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    compliance: Option<Compliance>,
    counter_strike: Option<CounterStrike>,
    contested: Option<ContestedRule>,
    support: Option<SupportRule>,
    max_rounds: Option<Spanned<u32>>,
    contested_factor: Option<Spanned<f64>>,
    probability: Option<RawProbabilities>,
    #[serde(default)]
    treaty_probability: BTreeMap<String, Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProbabilities {
    automatic: Option<Spanned<f64>>,
    necessary_assistance: Option<Spanned<f64>>,
    as_deemed_necessary: Option<Spanned<f64>>,
    meet_common_danger: Option<Spanned<f64>>,
    agreed_case_by_case: Option<Spanned<f64>>,
    discretionary: Option<Spanned<f64>>,
}

/// Line/column lookup for one file's text.
struct Lines<'a> {
    file: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(file: &'a str, text: &str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { file, starts }
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let col = offset.saturating_sub(self.starts.get(line).copied().unwrap_or(0)) + 1;
        (line + 1, col)
    }

    fn malformed(&self, offset: usize, message: impl Into<String>) -> ScenarioError {
        let (line, col) = self.at(offset);
        ScenarioError::Malformed {
            file: self.file.to_string(),
            line,
            col,
            message: message.into(),
        }
    }

    fn unknown(&self, offset: usize, error: QueryError) -> ScenarioError {
        let (line, col) = self.at(offset);
        ScenarioError::UnknownName {
            file: self.file.to_string(),
            line,
            col,
            error,
        }
    }
}

/// Read a scenario file. `file` names it in error messages.
pub fn parse_scenario(
    kb: &KnowledgeBase,
    file: &str,
    text: &str,
) -> Result<EscalationScenario, ScenarioError> {
    parse_scenario_on(kb, file, text, None)
}

/// Read a scenario file, optionally on another date than the file's
/// (default defenders are resolved on the date used).
pub fn parse_scenario_on(
    kb: &KnowledgeBase,
    file: &str,
    text: &str,
    date_override: Option<Date>,
) -> Result<EscalationScenario, ScenarioError> {
    parse_scenario_with(kb, file, text, date_override, &|s, d, _| {
        resolve_place_on(kb, s, d)
    })
}

/// [`parse_scenario_on`] with places resolved by `lookup`.
pub fn parse_scenario_with(
    kb: &KnowledgeBase,
    file: &str,
    text: &str,
    date_override: Option<Date>,
    lookup: PlaceLookup,
) -> Result<EscalationScenario, ScenarioError> {
    let lines = Lines::new(file, text);
    let raw: RawScenario = toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        lines.malformed(offset, explain_toml_error(e.message()))
    })?;
    let _ = &raw.description;
    let file_date = casus_core::time::parse_day(raw.date.get_ref()).map_err(|e| {
        lines.malformed(
            raw.date.span().start,
            format!(
                "invalid date {:?}: {} (expected `date = \"YYYY-MM-DD\"`, year 1000 to 9999)",
                e.input, e.reason
            ),
        )
    })?;
    let date = date_override.unwrap_or(file_date);
    if raw.attacks.len() > MAX_ATTACKS {
        return Err(lines.malformed(
            raw.attacks[MAX_ATTACKS].at.span().start,
            format!(
                "{} attacks: a scenario holds at most {MAX_ATTACKS} [[attack]] tables (see docs/limits.md)",
                raw.attacks.len()
            ),
        ));
    }
    if raw.attacks.is_empty() {
        return Err(lines.malformed(
            0,
            "no attacks: expected at least one [[attack]] table with `by` and `at`",
        ));
    }
    let polity = |s: &str, offset: usize| -> Result<String, ScenarioError> {
        resolve_polity(kb, s).map_err(|e| lines.unknown(offset, e))
    };
    let mut attacks = Vec::new();
    for a in &raw.attacks {
        let attackers =
            a.by.get_ref()
                .names()
                .into_iter()
                .map(|n| polity(n, a.by.span().start))
                .collect::<Result<Vec<_>, _>>()?;
        if attackers.is_empty() {
            return Err(lines.malformed(
                a.by.span().start,
                "`by` is empty: expected a state or a list of states",
            ));
        }
        // The defenders are read first, so that they can choose among
        // places of one name; a bad name among them is still reported
        // after the place.
        let defenders = match &a.against {
            Some(ag) if ag.get_ref().names().is_empty() => Err(lines.malformed(
                ag.span().start,
                "`against` is empty: name the defenders, or leave `against` out to default to the sovereign and controller of the place",
            )),
            Some(ag) => ag
                .get_ref()
                .names()
                .into_iter()
                .map(|n| polity(n, ag.span().start))
                .collect::<Result<Vec<_>, _>>(),
            None => Ok(Vec::new()),
        };
        let target = match a.target {
            Some(RawTarget::Forces) => Target::Forces,
            _ => Target::Territory,
        };
        let question = PlaceQuestion {
            attackers: &attackers,
            defenders: defenders.as_deref().unwrap_or_default(),
            target,
        };
        let place = lookup(a.at.get_ref(), date, &question)
            .map_err(|e| lines.unknown(a.at.span().start, e))?;
        let defenders = defenders?;
        let mut attack =
            given_attack(kb, date, attackers, defenders, place, target).map_err(|e| match e {
                ScenarioError::Invalid(m) => lines.malformed(a.by.span().start, m),
                other => other,
            })?;
        attack.character = AttackCharacter {
            intent: a.intent.unwrap_or_default(),
            scale: a.scale.unwrap_or_default(),
            means: a.means.unwrap_or_default(),
        };
        attacks.push(attack);
    }
    let mut supports = Vec::new();
    for s in &raw.supports {
        let support = Support {
            supporter: polity(s.by.get_ref(), s.by.span().start)?,
            recipient: polity(s.to.get_ref(), s.to.span().start)?,
            what: s.what.clone(),
        };
        check_support(kb, &support).map_err(|m| lines.malformed(s.to.span().start, m))?;
        supports.push(support);
    }
    let mut policy = Policy::default();
    if let Some(p) = &raw.policy {
        apply_raw_policy(kb, &lines, p, &mut policy)?;
    }
    Ok(EscalationScenario {
        name: raw.name,
        date,
        attacks,
        supports,
        policy,
    })
}

fn explain_toml_error(message: &str) -> String {
    let m = message.trim();
    if m.contains("invalid type: map, expected a string") {
        "expected text in quotes; an unquoted date such as 2020-10-07 is a TOML date, not text: write `date = \"2020-10-07\"`".to_string()
    } else if m.contains("data did not match any variant of untagged enum OneOrMany") {
        "expected a state name or a list of state names, e.g. `by = \"Turkey\"` or `by = [\"Turkey\", \"Azerbaijan\"]`".to_string()
    } else if m.starts_with("missing field") {
        format!(
            "{m} (an [[attack]] needs `by` and `at`; a [[support]] needs `by` and `to`; the file needs `date`)"
        )
    } else {
        m.to_string()
    }
}

fn apply_raw_policy(
    kb: &KnowledgeBase,
    lines: &Lines<'_>,
    p: &RawPolicy,
    policy: &mut Policy,
) -> Result<(), ScenarioError> {
    if let Some(c) = p.compliance {
        policy.compliance = c;
    }
    if let Some(c) = p.counter_strike {
        policy.counter_strike = c;
    }
    if let Some(c) = p.contested {
        policy.contested = c;
    }
    if let Some(s) = p.support {
        policy.support = s;
    }
    if let Some(m) = &p.max_rounds {
        if *m.get_ref() == 0 || *m.get_ref() > 100 {
            return Err(lines.malformed(m.span().start, "max_rounds must be between 1 and 100"));
        }
        policy.max_rounds = *m.get_ref();
    }
    let prob = |v: &Spanned<f64>| -> Result<f64, ScenarioError> {
        let x = *v.get_ref();
        if (0.0..=1.0).contains(&x) {
            Ok(x)
        } else {
            Err(lines.malformed(
                v.span().start,
                format!("probability {x} is out of range: expected a number from 0 to 1"),
            ))
        }
    };
    if let Some(f) = &p.contested_factor {
        policy.probabilities.contested_factor = prob(f)?;
    }
    if let Some(r) = &p.probability {
        let fields = [
            (Response::Automatic, &r.automatic),
            (Response::NecessaryAssistance, &r.necessary_assistance),
            (Response::AsDeemedNecessary, &r.as_deemed_necessary),
            (Response::MeetCommonDanger, &r.meet_common_danger),
            (Response::AgreedCaseByCase, &r.agreed_case_by_case),
            (Response::Discretionary, &r.discretionary),
        ];
        for (response, value) in fields {
            if let Some(v) = value {
                policy.probabilities.by_response.insert(response, prob(v)?);
            }
        }
    }
    for (treaty, v) in &p.treaty_probability {
        let i = resolve_treaty(kb, treaty).map_err(|e| lines.unknown(v.span().start, e))?;
        policy
            .probabilities
            .by_treaty
            .insert(kb.treaties[i].id.clone(), prob(v)?);
    }
    Ok(())
}

/// Build one given attack, defaulting the defenders to the sovereign and the
/// controller of the place on the date.
pub fn given_attack(
    kb: &KnowledgeBase,
    date: Date,
    mut attackers: Vec<String>,
    defenders: Vec<String>,
    place: ResolvedPlace,
    target: Target,
) -> Result<GivenAttack, ScenarioError> {
    attackers.sort();
    if let Some(w) = attackers.windows(2).find(|w| w[0] == w[1]) {
        return Err(ScenarioError::Invalid(format!(
            "{} is given twice as an attacker",
            kb.polity_name(&w[0])
        )));
    }
    for p in attackers.iter().chain(&defenders) {
        casus_core::query::check_exists(kb, p, date)?;
    }
    let mut defenders = if defenders.is_empty() {
        default_defenders(kb, &place, date, &attackers)
    } else {
        defenders
    };
    defenders.sort();
    defenders.dedup();
    if let Some(both) = defenders.iter().find(|d| attackers.contains(d)) {
        return Err(ScenarioError::Invalid(format!(
            "{} is given both as an attacker and as a defender",
            kb.polity_name(both)
        )));
    }
    if defenders.is_empty() {
        return Err(ScenarioError::Invalid(format!(
            "nobody is attacked at {}: name the defenders with `against`",
            place.input
        )));
    }
    Ok(GivenAttack {
        attackers,
        defenders,
        place,
        target,
        character: AttackCharacter::default(),
    })
}

/// The simple case from flags: one attack, optional supports `A:B`.
pub fn scenario_from_flags(
    kb: &KnowledgeBase,
    date: Date,
    attackers: &[String],
    defenders: &[String],
    at: &str,
    target: Target,
    supports: &[String],
) -> Result<EscalationScenario, ScenarioError> {
    scenario_from_flags_with(
        kb,
        date,
        attackers,
        defenders,
        at,
        target,
        supports,
        &|s, d, _| resolve_place_on(kb, s, d),
    )
}

/// [`scenario_from_flags`] with the place resolved by `lookup`.
#[allow(clippy::too_many_arguments)]
pub fn scenario_from_flags_with(
    kb: &KnowledgeBase,
    date: Date,
    attackers: &[String],
    defenders: &[String],
    at: &str,
    target: Target,
    supports: &[String],
    lookup: PlaceLookup,
) -> Result<EscalationScenario, ScenarioError> {
    let polities = |names: &[String], flag| {
        names
            .iter()
            .map(|n| resolve_polity(kb, n))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| ScenarioError::in_flag(flag)(e.into()))
    };
    let attackers = polities(attackers, Flag::Attacker)?;
    let defenders = polities(defenders, Flag::Defender)?;
    let question = PlaceQuestion {
        attackers: &attackers,
        defenders: &defenders,
        target,
    };
    let place =
        lookup(at, date, &question).map_err(|e| ScenarioError::in_flag(Flag::At)(e.into()))?;
    let attack = given_attack(kb, date, attackers, defenders, place, target).map_err(for_flags)?;
    let supports = supports
        .iter()
        .map(|s| parse_support_flag(kb, s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(ScenarioError::in_flag(Flag::Support))?;
    Ok(EscalationScenario {
        name: None,
        date,
        attacks: vec![attack],
        supports,
        policy: Policy::default(),
    })
}

/// Messages written for scenario files, reworded for flag users.
fn for_flags(e: ScenarioError) -> ScenarioError {
    match e {
        ScenarioError::Invalid(m) => {
            ScenarioError::Invalid(m.replace("with `against`", "with --defender"))
        }
        other => other,
    }
}

/// Support needs two different states.
fn check_support(kb: &KnowledgeBase, s: &Support) -> Result<(), String> {
    if s.supporter == s.recipient {
        return Err(format!(
            "{} cannot support itself: support names a supporter and a different recipient",
            kb.polity_name(&s.supporter)
        ));
    }
    Ok(())
}

/// `SUPPORTER:RECIPIENT` (e.g. `TUR:AZE`, `Turkey:Azerbaijan`).
pub fn parse_support_flag(kb: &KnowledgeBase, s: &str) -> Result<Support, ScenarioError> {
    let (a, b) = s.split_once(':').ok_or_else(|| {
        ScenarioError::Invalid(format!(
            "--support {}: expected SUPPORTER:RECIPIENT, e.g. Turkey:Azerbaijan",
            casus_core::limits::quoted_for_message(s)
        ))
    })?;
    let support = Support {
        supporter: resolve_polity(kb, a)?,
        recipient: resolve_polity(kb, b)?,
        what: None,
    };
    check_support(kb, &support).map_err(|m| {
        ScenarioError::Invalid(format!(
            "--support {}: {m}",
            casus_core::limits::quoted_for_message(s)
        ))
    })?;
    Ok(support)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().unwrap()
    }

    #[test]
    fn reads_a_full_scenario() {
        let s = parse_scenario(
            &kb(),
            "s.toml",
            r#"
date = "2020-10-07"
[[attack]]
by = "Azerbaijan"
at = "Stepanakert"
against = ["Armenia"]
[[support]]
by = "Turkey"
to = "Azerbaijan"
what = "drones"
[policy]
compliance = "automatic"
max_rounds = 3
[policy.probability]
automatic = 0.9
[policy.treaty_probability]
csto = 0.2
"#,
        )
        .unwrap();
        assert_eq!(s.attacks[0].attackers, vec!["AZE"]);
        assert_eq!(s.attacks[0].defenders, vec!["ARM"]);
        assert_eq!(s.supports[0].supporter, "TUR");
        assert_eq!(s.policy.compliance, Compliance::Automatic);
        assert_eq!(s.policy.max_rounds, 3);
        assert_eq!(s.policy.probabilities.by_treaty["csto"], 0.2);
    }

    #[test]
    fn unknown_field_names_line() {
        let e = parse_scenario(
            &kb(),
            "s.toml",
            "date = \"2020-10-07\"\n[[attack]]\nby = \"AZE\"\nat = \"Jermuk\"\nwhen = 1\n",
        )
        .unwrap_err();
        let m = e.to_string();
        assert!(m.starts_with("s.toml:5:"), "{m}");
        assert!(m.contains("when"), "{m}");
    }

    #[test]
    fn unknown_name_suggests() {
        let e = parse_scenario(
            &kb(),
            "s.toml",
            "date = \"2020-10-07\"\n[[attack]]\nby = \"Azerbaijn\"\nat = \"Jermuk\"\n",
        )
        .unwrap_err();
        let m = e.to_string();
        assert!(m.starts_with("s.toml:3:6"), "{m}");
        assert!(m.contains("did you mean"), "{m}");
    }

    #[test]
    fn bad_probability_is_located() {
        let e = parse_scenario(
            &kb(),
            "s.toml",
            "date = \"2020-10-07\"\n[[attack]]\nby = \"AZE\"\nat = \"Jermuk\"\n[policy.probability]\nautomatic = 1.5\n",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("s.toml:6:13"), "{e}");
    }
}
