//! Claims: officials' readings of a treaty (speaker, office, date, stance,
//! each with its source) cited by the verdicts they speak to — the attacked
//! territory (scope) or an attacker (adversary). A claim that disagrees
//! with the text's answer makes a certain verdict `contested`, but only
//! when the question it answers could decide the verdict.

use super::judge::Ctx;
use super::{CitedClaim, Question, Target, VerdictKind};
use crate::claim_fit;
use crate::model::*;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    /// Claims about this treaty (and provision) on the attacked territory or
    /// an attacker. A territory claim agrees when its stance matches the scope
    /// premise; an adversary claim when it matches the adversary premise.
    pub(super) fn claims(
        &self,
        verdict: VerdictKind,
        q: Questions,
        beneficiary: &str,
    ) -> Vec<CitedClaim> {
        let mut out: Vec<CitedClaim> = self
            .claims
            .iter()
            .filter_map(|c| {
                let (about, agrees, fit) = self.claim_answer(c, verdict, q, beneficiary)?;
                Some(CitedClaim {
                    hindsight: fit.hindsight,
                    event: c.event.clone(),
                    may_overturn: fit.may_overturn,
                    id: c.id.clone(),
                    speaker: c.speaker.clone(),
                    office: c.office.clone(),
                    date: c.date.to_string(),
                    stance: c.stance,
                    about,
                    agrees,
                    summary: c.summary.clone(),
                    source: (&c.source).into(),
                })
            })
            .collect();
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
        out
    }

    /// The question a claim (already about this treaty and provision)
    /// answers in this attack and whether it agrees with the engine's
    /// answer; `None` when it does not speak to this beneficiary, place or
    /// attacker.
    pub(super) fn claim_answer(
        &self,
        c: &Claim,
        verdict: VerdictKind,
        q: Questions,
        beneficiary: &str,
    ) -> Option<(Question, bool, claim_fit::Fit)> {
        if c.beneficiary.as_deref().is_some_and(|b| b != beneficiary) {
            return None;
        }
        let fit = claim_fit::fit(
            c,
            self.status,
            self.date(),
            self.scenario.target == Target::Forces,
        )?;
        let overall = match verdict {
            VerdictKind::Triggered => Truth::Yes,
            VerdictKind::NotTriggered => Truth::No,
            VerdictKind::Contested => Truth::Unknown,
        };
        let (about, answer) = match &c.subject {
            ClaimSubject::Territory { territory } => self
                .status
                .ancestry
                .contains(territory)
                .then_some((Question::Scope, q.scope.unwrap_or(overall))),
            ClaimSubject::Adversary { polity } => self
                .scenario
                .attackers
                .contains(polity)
                .then_some((Question::Adversary, q.adversary.unwrap_or(overall))),
        }?;
        let agrees = matches!(
            (c.stance, answer),
            (Stance::Applies, Truth::Yes)
                | (Stance::DoesNotApply, Truth::No)
                | (Stance::Unclear, Truth::Unknown)
        );
        Some((about, agrees, fit))
    }
}

/// A claim that disagrees makes a certain verdict contested only if the
/// question it speaks to could decide the verdict: it cannot rescue an
/// obligation that fails for another reason.
pub(super) fn decisive(about: Question, q: Questions) -> bool {
    let other = match about {
        Question::Scope => q.adversary,
        Question::Adversary => q.scope,
    };
    q.base.and(other.unwrap_or(Truth::Yes)).and(Truth::Unknown) == Truth::Unknown
}

/// Disagreeing decisive claims make a certain verdict contested, each
/// adding a reason.
pub(super) fn overturn(
    verdict: VerdictKind,
    mut reasons: Vec<String>,
    claims: &[CitedClaim],
    q: Questions,
) -> (VerdictKind, Vec<String>) {
    if verdict == VerdictKind::Contested {
        return (verdict, reasons);
    }
    let disagreeing: Vec<&CitedClaim> = claims
        .iter()
        .filter(|c| {
            c.may_overturn && !c.agrees && c.stance != Stance::Unclear && decisive(c.about, q)
        })
        .collect();
    if disagreeing.is_empty() {
        return (verdict, reasons);
    }
    for c in disagreeing {
        reasons.push(text!(
            "{} ({}, {}) holds that the obligation {} here, against the reading of the text.",
            c.speaker,
            c.office,
            c.date,
            c.stance.label()
        ));
    }
    (VerdictKind::Contested, reasons)
}

/// Does this claim make a certain verdict contested?
pub(super) fn overturns(c: &Claim, about: Question, agrees: bool, q: Questions) -> bool {
    !agrees && c.stance != Stance::Unclear && decisive(about, q)
}

/// The answers to the questions claims can speak to, where the provision
/// poses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Questions {
    /// The conjunction of every premise but scope and adversary.
    pub(super) base: Truth,
    pub(super) scope: Option<Truth>,
    pub(super) adversary: Option<Truth>,
}

impl Default for Questions {
    fn default() -> Questions {
        Questions {
            base: Truth::Yes,
            scope: None,
            adversary: None,
        }
    }
}
