//! The engine's output types: verdicts, proofs, cited claims and the
//! report of the scenario as judged. Plain data, serialised for `--json`
//! (docs/json.md).

use serde::Serialize;

use super::Target;
use crate::kb::KnowledgeBase;
use crate::model::*;
use crate::query::TerritoryStatus;
use crate::time::Truth;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    Triggered,
    NotTriggered,
    Contested,
}

impl VerdictKind {
    pub fn label(self) -> &'static str {
        match self {
            VerdictKind::Triggered => "triggered",
            VerdictKind::NotTriggered => "not_triggered",
            VerdictKind::Contested => "contested",
        }
    }
}

/// A citation of the evidence for one fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub citation: std::sync::Arc<str>,
    /// `file:line:col` in the knowledge base.
    #[serde(serialize_with = "serialize_display")]
    pub at: Loc,
    pub uncertain: bool,
}

impl From<&Source> for SourceRef {
    fn from(s: &Source) -> SourceRef {
        SourceRef {
            citation: s.citation.clone(),
            at: s.loc.clone(),
            uncertain: s.uncertain,
        }
    }
}

fn serialize_display<S: serde::Serializer>(v: &Loc, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// A node of a proof: a statement, whether it holds, the fact it rests on
/// (for leaves) and the premises it follows from (for inner nodes).
///
/// Premises are shared sub-trees: a premise repeated across verdicts (a
/// treaty in force, a party's membership, the scope) is built once per
/// answer and each verdict holds it by reference count, so no verdict
/// deep-copies (or frees) another's tree. Serialised and displayed as a
/// plain tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proof {
    pub statement: std::sync::Arc<str>,
    pub holds: Truth,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub premises: Vec<std::sync::Arc<Proof>>,
}

impl Proof {
    pub(super) fn fact(
        statement: impl Into<std::sync::Arc<str>>,
        holds: Truth,
        source: &Source,
    ) -> Proof {
        Proof {
            statement: statement.into(),
            holds,
            source: Some(source.into()),
            premises: Vec::new(),
        }
    }
    pub(super) fn rule(
        statement: impl Into<std::sync::Arc<str>>,
        holds: Truth,
        premises: Vec<std::sync::Arc<Proof>>,
    ) -> Proof {
        Proof {
            statement: statement.into(),
            holds,
            source: None,
            premises,
        }
    }

    /// This node as a premise other proofs can share.
    pub(super) fn shared(self) -> std::sync::Arc<Proof> {
        std::sync::Arc::new(self)
    }
}

/// A claim cited by a verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitedClaim {
    pub id: String,
    pub speaker: String,
    pub office: String,
    pub date: String,
    pub stance: Stance,
    /// Which question the claim answers: the attack's place (`scope`) or
    /// the attacker (`adversary`).
    pub about: Question,
    /// Does the claim agree with the engine's answer to that question?
    pub agrees: bool,
    pub summary: String,
    pub source: SourceRef,
    /// Made after the attack: shown, but it does not change the verdict
    /// (docs/claims.md).
    pub hindsight: bool,
    /// The past event the claim names, where it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Whether a disagreement can make a certain verdict contested (not
    /// hindsight; its period and presupposed situation certainly hold).
    #[serde(skip)]
    pub may_overturn: bool,
}

/// The question a claim speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    Scope,
    Adversary,
}

/// The answer for one (provision, obligor, beneficiary).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub treaty: String,
    pub treaty_name: String,
    pub provision: String,
    pub article: String,
    pub kind: ObligationKind,
    pub response: Response,
    pub obligor: String,
    pub beneficiary: String,
    pub verdict: VerdictKind,
    /// Plain sentences: why this verdict.
    pub reasons: Vec<String>,
    /// Conditions on the response (request, council decision, …).
    pub conditions: Vec<String>,
    pub claims: Vec<CitedClaim>,
    pub proof: Proof,
}

/// The place as resolved on the date of the attack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceReport {
    pub input: String,
    pub place: Option<String>,
    pub territory: String,
    pub territory_name: String,
    pub sovereign: Option<String>,
    pub controller: Option<String>,
    /// No control record: the sovereign is assumed to hold the territory.
    pub controller_assumed: bool,
    pub regions: Vec<String>,
    #[serde(skip)]
    pub status: TerritoryStatus,
}

/// Everything `why` answers for one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub scenario: ScenarioReport,
    pub verdicts: Vec<Verdict>,
    /// Instruments that touch the defenders but create no obligation.
    pub notes: Vec<String>,
    /// Consultation rights of parties whose neighbour is attacked or
    /// attacking (docs/events.md), kept apart from the obligations toward
    /// the attacked state.
    pub neighbours: Vec<super::NeighbourVerdict>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScenarioReport {
    pub attackers: Vec<String>,
    pub defenders: Vec<String>,
    pub place: PlaceReport,
    pub date: String,
    pub target: Target,
    /// Intent, scale and means of the event.
    pub character: super::AttackCharacter,
}

/// The verdict for one (provision, obligor, beneficiary) without its
/// explanation: what [`verdicts`] returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictSummary {
    /// Index into `KnowledgeBase::treaties`.
    pub treaty: usize,
    /// Index into that treaty's `provisions`.
    pub provision: usize,
    pub obligor: String,
    pub beneficiary: String,
    pub kind: ObligationKind,
    pub response: Response,
    pub verdict: VerdictKind,
}

impl VerdictSummary {
    pub fn treaty<'k>(&self, kb: &'k KnowledgeBase) -> &'k Treaty {
        &kb.treaties[self.treaty]
    }
    pub fn provision<'k>(&self, kb: &'k KnowledgeBase) -> &'k Provision {
        &kb.treaties[self.treaty].provisions[self.provision]
    }
}
