//! One (provision, obligor, beneficiary) judged: the context [`Ctx`] that
//! caches what a provision's verdicts share, the Kleene conjunction of the
//! premises (each decided in its own module), and the three ways of
//! writing it out — a verdict only, a verdict with its deciding reasons, or
//! the full proof tree.

use std::sync::Arc;

use jiff::civil::Date;

use super::claims::{overturn, overturns, Questions};
use super::party::Members;
use super::{Proof, Scenario, Verdict, VerdictKind};
use crate::kb::KnowledgeBase;
use crate::model::*;
use crate::query::TerritoryStatus;
use crate::time::Truth;

pub(super) struct Ctx<'a> {
    pub(super) kb: &'a KnowledgeBase,
    pub(super) scenario: &'a Scenario,
    pub(super) status: &'a TerritoryStatus,
    pub(super) treaty: &'a Treaty,
    pub(super) provision: &'a Provision,
    /// Cached: whether the treaty and this text are in force.
    pub(super) in_force: Option<Arc<Proof>>,
    /// Cached: [`Ctx::in_force_truth`] and [`Ctx::adversary_truth`], the
    /// same for every verdict of the provision.
    provision_truths: std::cell::OnceCell<(Truth, Truth)>,
    /// Cached: adversary conditions.
    pub(super) adversary: Option<Vec<Arc<Proof>>>,
    /// Cached scope proofs, by beneficiary.
    pub(super) scopes: Vec<(String, Arc<Proof>)>,
    /// Cached scope answers (no proof), by beneficiary.
    pub(super) scope_truths: Vec<(String, Truth)>,
    /// Cached membership proofs, by polity (the beneficiary's recurs in
    /// every verdict of the provision).
    pub(super) party_proofs: Vec<(String, Arc<Proof>)>,
    /// Cached condition sentences (all but reservations), by beneficiary,
    /// with each condition's index in the provision.
    condition_texts: Vec<(String, Vec<(usize, String)>)>,
    /// Cached: the facts on the attacked territory's sovereign and
    /// controller that scope rules cite (the same for every provision of
    /// one answer: `walk` carries them from one provision to the next).
    pub(super) holder_leaves: std::cell::OnceCell<[Vec<Arc<Proof>>; 2]>,
    /// Cached: the fact that the treaty is in force, the same for each of
    /// its provisions (`walk` carries it from one to the next).
    pub(super) treaty_in_force: std::cell::OnceCell<Arc<Proof>>,
    /// Cached claims cited, by beneficiary, verdict and answers.
    cited: Vec<(String, VerdictKind, Questions, Vec<super::CitedClaim>)>,
    /// Cached: the premise on an attacker that is itself a party.
    pub(super) between_parties_proof: std::cell::OnceCell<Option<Arc<Proof>>>,
    /// Claims about this treaty and provision (or the whole treaty).
    pub(super) claims: Vec<&'a Claim>,
    /// Who is a party on the date.
    pub(super) members: Members<'a>,
    /// Is any attacker a party (`party_attackers` is not empty)?
    pub(super) attacker_is_party: bool,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        kb: &'a KnowledgeBase,
        scenario: &'a Scenario,
        status: &'a TerritoryStatus,
        treaty: &'a Treaty,
        provision: &'a Provision,
        members: Members<'a>,
    ) -> Ctx<'a> {
        Ctx {
            kb,
            scenario,
            status,
            treaty,
            provision,
            in_force: None,
            adversary: None,
            provision_truths: std::cell::OnceCell::new(),
            scopes: Vec::new(),
            scope_truths: Vec::new(),
            party_proofs: Vec::new(),
            condition_texts: Vec::new(),
            between_parties_proof: std::cell::OnceCell::new(),
            cited: Vec::new(),
            holder_leaves: std::cell::OnceCell::new(),
            treaty_in_force: std::cell::OnceCell::new(),
            claims: kb
                .claims
                .iter()
                .filter(|c| c.treaty == treaty.id)
                .filter(|c| c.provision.as_ref().is_none_or(|p| p == &provision.id))
                .collect(),
            attacker_is_party: scenario
                .attackers
                .iter()
                .any(|a| members.of(a) == Truth::Yes),
            members,
        }
    }

    pub(super) fn name<'b>(&'b self, id: &'b str) -> &'b str {
        self.kb.polity_name(id)
    }

    pub(super) fn date(&self) -> Date {
        self.scenario.date
    }

    /// The conjunction of the premises (before claims) and the answers
    /// claims can speak to, from the premise truth functions alone.
    /// `in_force` and `adversary` are [`Ctx::in_force_truth`] and
    /// [`Ctx::adversary_truth`].
    pub(super) fn answer(
        &mut self,
        in_force: Truth,
        adversary: Truth,
        obligor: &str,
        beneficiary: &str,
    ) -> (Truth, Questions) {
        let base = in_force
            .and(self.members.of(beneficiary))
            .and(self.members.of(obligor))
            .and(self.participation_truth(beneficiary))
            .and(self.participation_truth(obligor))
            .and(self.dyad_truth(obligor, beneficiary));
        if self.provision.kind == ObligationKind::NonAggression {
            return (base, Questions::default());
        }
        let base = base
            .and(self.character_truth())
            .and(self.attackers_truth(obligor))
            .and(self.reservations_truth(obligor));
        let scope = match self.scope_truths.iter().find(|(b, _)| b == beneficiary) {
            Some((_, cached)) => *cached,
            None => {
                let fresh = self.scope_truth(beneficiary);
                self.scope_truths.push((beneficiary.to_string(), fresh));
                fresh
            }
        };
        let questions = Questions {
            base,
            scope: Some(scope),
            adversary: Some(adversary),
        };
        (base.and(adversary).and(scope), questions)
    }

    /// The verdict [`Ctx::judge`] gives, writing no statement.
    pub(super) fn verdict_only(
        &mut self,
        in_force: Truth,
        adversary: Truth,
        obligor: &str,
        beneficiary: &str,
    ) -> VerdictKind {
        let (holds, questions) = self.answer(in_force, adversary, obligor, beneficiary);
        let verdict = verdict_of(holds);
        if verdict != VerdictKind::Contested
            && self.claims.iter().any(|c| {
                self.claim_answer(c, verdict, questions, beneficiary)
                    .is_some_and(|(about, agrees, fit)| {
                        fit.may_overturn && overturns(c, about, agrees, questions)
                    })
            })
        {
            return VerdictKind::Contested;
        }
        verdict
    }

    /// The premises of the verdict, in order; with `only`, just those that
    /// hold to that degree (the others are not written).
    pub(super) fn premises(
        &mut self,
        obligor: &str,
        beneficiary: &str,
        only: Option<Truth>,
    ) -> Vec<Arc<Proof>> {
        let want = |t: Truth| only.is_none_or(|w| w == t);
        // Room for every premise a verdict has (in force, two parties,
        // attacker, character, adversary, scope, …) without regrowing.
        let mut premises = Vec::with_capacity(12);
        // With every premise wanted (the full proof), no truth needs to be
        // computed to decide which to write.
        let wanted = |truth: &dyn Fn() -> Truth| only.is_none() || want(truth());
        if wanted(&|| self.in_force_truth()) {
            if self.in_force.is_none() {
                self.in_force = Some(self.in_force().shared());
            }
            premises.extend(self.in_force.clone());
        }
        for polity in [beneficiary, obligor] {
            if wanted(&|| self.members.of(polity)) {
                premises.push(self.cached_party(polity));
            }
        }
        if want(Truth::Unknown) {
            premises.extend(
                self.participation(beneficiary)
                    .into_iter()
                    .map(Proof::shared),
            );
            premises.extend(self.participation(obligor).into_iter().map(Proof::shared));
        }
        premises.extend(
            self.dyad(obligor, beneficiary)
                .into_iter()
                .filter(|p| want(p.holds))
                .map(Proof::shared),
        );
        if self.provision.kind == ObligationKind::NonAggression {
            if want(Truth::Yes) {
                premises.push(self.breach(obligor, beneficiary).shared());
            }
            return premises;
        }
        premises.extend(
            self.character()
                .into_iter()
                .filter(|p| want(p.holds))
                .map(Proof::shared),
        );
        if only.is_none() || self.attackers_truth(obligor) != Truth::Yes {
            premises.extend(
                self.attackers_check(obligor)
                    .into_iter()
                    .filter(|p| want(p.holds)),
            );
        }
        premises.extend(
            self.reservations(obligor)
                .into_iter()
                .filter(|p| want(p.holds))
                .map(Proof::shared),
        );
        if self.adversary.is_none() {
            self.adversary = Some(self.adversary().into_iter().map(Proof::shared).collect());
        }
        premises.extend(
            self.adversary
                .iter()
                .flatten()
                .filter(|p| want(p.holds))
                .cloned(),
        );
        let scope_holds = || match self.scope_truths.iter().find(|(b, _)| b == beneficiary) {
            Some((_, cached)) => *cached,
            None => self.scope_truth(beneficiary),
        };
        if wanted(&scope_holds) {
            premises.push(self.cached_scope(beneficiary));
        }
        premises
    }

    /// The premise of a non-aggression verdict: the obligor attacks.
    pub(super) fn breach(&self, obligor: &str, beneficiary: &str) -> Proof {
        Proof::rule(
            text!(
                "{} is among the attackers and {} is attacked: the non-aggression obligation is breached",
                self.name(obligor),
                self.name(beneficiary)
            ),
            Truth::Yes,
            vec![],
        )
    }

    /// The scope premise as a reason (a sentence), without copying its
    /// proof.
    pub(super) fn scope_reason(&mut self, beneficiary: &str) -> String {
        if !self.scopes.iter().any(|(b, _)| b == beneficiary) {
            let fresh = self.scope(beneficiary).shared();
            self.scopes.push((beneficiary.to_string(), fresh));
        }
        self.scopes
            .iter()
            .find(|(b, _)| b == beneficiary)
            .map(|(_, p)| sentence(&p.statement))
            .unwrap_or_default()
    }

    /// [`Ctx::claims`], cited once per (beneficiary, verdict, answers):
    /// the same for every obligor of the provision.
    fn cached_claims(
        &mut self,
        verdict: VerdictKind,
        questions: Questions,
        beneficiary: &str,
    ) -> Vec<super::CitedClaim> {
        if self.claims.is_empty() {
            return Vec::new();
        }
        let hit = self
            .cited
            .iter()
            .find(|(b, v, q, _)| b == beneficiary && *v == verdict && *q == questions);
        if let Some((.., cited)) = hit {
            return cited.clone();
        }
        let fresh = self.claims(verdict, questions, beneficiary);
        self.cited
            .push((beneficiary.to_string(), verdict, questions, fresh.clone()));
        fresh
    }

    /// [`Ctx::party`], built once per polity.
    pub(super) fn cached_party(&mut self, polity: &str) -> Arc<Proof> {
        match self.party_proofs.iter().find(|(p, _)| p == polity) {
            Some((_, cached)) => cached.clone(),
            None => {
                let fresh = self.party(polity).shared();
                self.party_proofs.push((polity.to_string(), fresh.clone()));
                fresh
            }
        }
    }

    /// [`Ctx::scope`], built once per beneficiary.
    pub(super) fn cached_scope(&mut self, beneficiary: &str) -> Arc<Proof> {
        match self.scopes.iter().find(|(b, _)| b == beneficiary) {
            Some((_, cached)) => cached.clone(),
            None => {
                let fresh = self.scope(beneficiary).shared();
                self.scopes.push((beneficiary.to_string(), fresh.clone()));
                fresh
            }
        }
    }

    /// The verdict and its plain reasons, as [`Ctx::judge`] gives them,
    /// writing only the premises that decide it.
    pub(super) fn verdict_with_reasons(
        &mut self,
        in_force: Truth,
        adversary: Truth,
        obligor: &str,
        beneficiary: &str,
    ) -> (VerdictKind, Vec<String>) {
        let (holds, questions) = self.answer(in_force, adversary, obligor, beneficiary);
        let verdict = verdict_of(holds);
        let sentences = |premises: Vec<Arc<Proof>>| -> Vec<String> {
            premises.iter().map(|pr| sentence(&pr.statement)).collect()
        };
        let reasons = match verdict {
            VerdictKind::NotTriggered => {
                sentences(self.premises(obligor, beneficiary, Some(Truth::No)))
            }
            VerdictKind::Contested => {
                sentences(self.premises(obligor, beneficiary, Some(Truth::Unknown)))
            }
            // The last premise (the breach, or scope) says why.
            VerdictKind::Triggered if self.provision.kind == ObligationKind::NonAggression => {
                vec![sentence(&self.breach(obligor, beneficiary).statement)]
            }
            VerdictKind::Triggered => {
                let mut r = self.settled_reasons(obligor);
                r.push(self.scope_reason(beneficiary));
                r
            }
        };
        let claims = self.claims(verdict, questions, beneficiary);
        let (verdict, reasons) = overturn(verdict, reasons, &claims, questions);
        (verdict, reasons)
    }

    /// The verdict with its reasons, conditions, claims and proof (the
    /// pair's ids move into it).
    pub(super) fn judge(&mut self, obligor_id: String, beneficiary_id: String) -> Verdict {
        let (obligor, beneficiary) = (obligor_id.as_str(), beneficiary_id.as_str());
        let t = self.treaty;
        let p = self.provision;
        // The same for every verdict of the provision: decided once.
        let (in_force, adversary) = *self
            .provision_truths
            .get_or_init(|| (self.in_force_truth(), self.adversary_truth()));
        let (holds, questions) = self.answer(in_force, adversary, obligor, beneficiary);
        let premises = self.premises(obligor, beneficiary, None);
        let verdict = verdict_of(holds);
        let deciding = |want: Truth| -> Vec<String> {
            premises
                .iter()
                .filter(|pr| pr.holds == want)
                .map(|pr| sentence(&pr.statement))
                .collect()
        };
        let reasons = match verdict {
            VerdictKind::NotTriggered => deciding(Truth::No),
            VerdictKind::Contested => deciding(Truth::Unknown),
            VerdictKind::Triggered if p.kind == ObligationKind::NonAggression => premises
                .last()
                .map(|pr| vec![sentence(&pr.statement)])
                .unwrap_or_default(),
            VerdictKind::Triggered => {
                let mut r = self.settled_reasons(obligor);
                r.extend(premises.last().map(|pr| sentence(&pr.statement)));
                r
            }
        };
        let claims = self.cached_claims(verdict, questions, beneficiary);
        let (verdict, reasons) = overturn(verdict, reasons, &claims, questions);
        let conditions = self.conditions(obligor, beneficiary);
        let proof = Proof::rule(
            self.verdict_statement(verdict, obligor, beneficiary),
            match verdict {
                VerdictKind::Triggered => Truth::Yes,
                VerdictKind::NotTriggered => Truth::No,
                VerdictKind::Contested => Truth::Unknown,
            },
            premises,
        );
        Verdict {
            treaty: t.id.clone(),
            treaty_name: t.short_name.clone(),
            provision: p.id.clone(),
            article: p.article.clone(),
            kind: p.kind,
            response: p.response,
            obligor: obligor_id,
            beneficiary: beneficiary_id,
            verdict,
            reasons,
            conditions,
            claims,
            proof,
        }
    }
}

impl<'a> Ctx<'a> {
    /// The conditions on the response, as sentences: the same for every
    /// obligor but a reservation's maker, so written once per beneficiary.
    fn conditions(&mut self, obligor: &str, beneficiary: &str) -> Vec<String> {
        let reserved = |c: &Condition| {
            // A reservation qualifies only its maker's obligation.
            matches!(&c.condition, ConditionKind::Reservation { .. })
        };
        let common = match self.condition_texts.iter().find(|(b, _)| b == beneficiary) {
            Some((_, texts)) => texts,
            None => {
                let texts: Vec<(usize, String)> = self
                    .provision
                    .conditions
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !reserved(c))
                    .map(|(i, c)| (i, condition_text(self.kb, c, beneficiary)))
                    .collect();
                self.condition_texts.push((beneficiary.to_string(), texts));
                &self.condition_texts[self.condition_texts.len() - 1].1
            }
        };
        let mut common = common.iter().peekable();
        let mut out = Vec::with_capacity(self.provision.conditions.len());
        for (i, c) in self.provision.conditions.iter().enumerate() {
            match &c.condition {
                ConditionKind::Reservation { party, .. } if party == obligor => {
                    out.push(condition_text(self.kb, c, beneficiary));
                }
                ConditionKind::Reservation { .. } => {}
                _ => {
                    if let Some((_, text)) = common.next_if(|(j, _)| *j == i) {
                        out.push(text.clone());
                    }
                }
            }
        }
        out
    }

    /// The statement at a verdict's root: "<treaty> Art. <n> (<kind>) is
    /// triggered for <obligor> toward <beneficiary>", written without the
    /// formatting machinery.
    fn verdict_statement(&self, verdict: VerdictKind, obligor: &str, beneficiary: &str) -> String {
        let parts = [
            self.treaty.short_name.as_str(),
            " Art. ",
            self.provision.article.as_str(),
            " (",
            self.provision.kind.label(),
            ") ",
            match verdict {
                VerdictKind::Triggered => "is triggered",
                VerdictKind::NotTriggered => "is not triggered",
                VerdictKind::Contested => "is contested",
            },
            " for ",
            self.name(obligor),
            " toward ",
            self.name(beneficiary),
        ];
        let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        for part in parts {
            out.push_str(part);
        }
        out
    }

    /// For a triggered verdict, the premises that hold only because the
    /// text or an official reading settles a question this attack raises
    /// (an attacker that is a party, a non-state attacker, the attack's
    /// character): said before the scope, so the reader sees why.
    fn settled_reasons(&self, obligor: &str) -> Vec<String> {
        if self.provision.kind == ObligationKind::NonAggression {
            return Vec::new();
        }
        let mut out: Vec<String> = self
            .character()
            .iter()
            .filter(|p| p.holds == Truth::Yes)
            .map(|p| sentence(&p.statement))
            .collect();
        out.extend(
            self.attackers_check(obligor)
                .iter()
                .filter(|p| p.holds == Truth::Yes)
                .map(|p| sentence(&p.statement)),
        );
        out.extend(
            self.coverage()
                .iter()
                .filter(|p| p.holds == Truth::Yes)
                .map(|p| sentence(&p.statement)),
        );
        out
    }
}

pub(super) fn verdict_of(holds: Truth) -> VerdictKind {
    match holds {
        Truth::Yes => VerdictKind::Triggered,
        Truth::No => VerdictKind::NotTriggered,
        Truth::Unknown => VerdictKind::Contested,
    }
}

pub(super) fn condition_text(kb: &KnowledgeBase, c: &Condition, beneficiary: &str) -> String {
    let mut s = crate::describe::condition(kb, &c.condition, Some(beneficiary));
    if c.source.uncertain {
        s.push_str(" (uncertain)");
    }
    s
}

/// Capitalise the first letter and end with a full stop.
pub(super) fn sentence(s: &str) -> String {
    // One allocation, sized for the text, the capital and the stop.
    let mut out = String::with_capacity(s.len() + 4);
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}
