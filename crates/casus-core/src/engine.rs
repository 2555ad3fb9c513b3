//! The trigger engine: for an attack (attackers, defenders, place, date) it
//! decides, for each relevant (treaty provision, obligor, beneficiary),
//! whether the obligation is `triggered`, `not_triggered` or `contested`, and
//! builds a proof tree whose leaves are sourced facts.
//!
//! The rule is a three-valued conjunction: every premise (treaty in force,
//! both parties bound, no suspension, attack in scope, adversary matches, …)
//! is Yes, No or Unknown. Any No gives `not_triggered`; otherwise any Unknown
//! gives `contested`; otherwise `triggered`. Official claims that disagree
//! with the result make it `contested`. Output order is deterministic:
//! treaties by id, provisions in file order, obligors and beneficiaries by id.
//!
//! Two paths share one rule: [`analyse`] writes every premise as a proof;
//! [`verdicts`] (and [`verdicts_at`], [`verdicts_where`]) decide the same
//! premises with the same functions and write nothing, for callers that
//! judge many attacks; [`explain`] writes the reasons for chosen verdicts
//! from the premises that decide them.

use jiff::civil::Date;
use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::model::*;
use crate::query::{membership, place_status, ResolvedPlace, TerritoryStatus};
use crate::scope_rules;
use crate::{claim_fit, reservations};
use crate::time::Truth;

/// What was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The territory at the place.
    #[default]
    Territory,
    /// The defenders' forces, vessels or aircraft at the place.
    Forces,
}

/// An armed attack to judge.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    pub attackers: Vec<String>,
    pub defenders: Vec<String>,
    pub place: ResolvedPlace,
    pub date: Date,
    pub target: Target,
}

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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proof {
    pub statement: String,
    pub holds: Truth,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub premises: Vec<Proof>,
}

impl Proof {
    fn fact(statement: impl Into<String>, holds: Truth, source: &Source) -> Proof {
        Proof {
            statement: statement.into(),
            holds,
            source: Some(source.into()),
            premises: Vec::new(),
        }
    }
    fn rule(statement: impl Into<String>, holds: Truth, premises: Vec<Proof>) -> Proof {
        Proof {
            statement: statement.into(),
            holds,
            source: None,
            premises,
        }
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
}

#[derive(Debug, Clone, Serialize)]
pub struct ScenarioReport {
    pub attackers: Vec<String>,
    pub defenders: Vec<String>,
    pub place: PlaceReport,
    pub date: String,
    pub target: Target,
}

/// The default defenders for an attack at a place: its sovereign and its
/// controller on the date (deduplicated, attackers removed).
pub fn default_defenders(
    kb: &KnowledgeBase,
    place: &ResolvedPlace,
    date: Date,
    attackers: &[String],
) -> Vec<String> {
    let status = place_status(kb, place, date);
    let mut out = Vec::new();
    for h in status
        .main_sovereign()
        .into_iter()
        .chain(status.main_controller())
    {
        if !out.contains(&h.polity) && !attackers.contains(&h.polity) {
            out.push(h.polity.clone());
        }
    }
    out
}

/// Judge one scenario against the whole knowledge base.
pub fn analyse(kb: &KnowledgeBase, scenario: &Scenario) -> Analysis {
    let status = place_status(kb, &scenario.place, scenario.date);
    let mut verdicts = Vec::new();
    let mut notes = Vec::new();
    let defenders = sorted_defenders(scenario);
    walk(
        kb,
        scenario,
        &status,
        &defenders,
        &|_| true,
        |treaty| instrument_notes(kb, scenario, &defenders, treaty, &mut notes),
        |ctx, _, _, pairs| {
            for (obligor, beneficiary) in pairs {
                verdicts.push(ctx.judge(&obligor, &beneficiary));
            }
        },
    );
    let main =
        |hs: &[crate::query::Holder]| hs.iter().max_by_key(|h| h.holds).map(|h| h.polity.clone());
    Analysis {
        scenario: ScenarioReport {
            attackers: scenario.attackers.clone(),
            defenders,
            place: PlaceReport {
                input: scenario.place.input.clone(),
                place: scenario.place.place_name.clone(),
                territory: status.territory.clone(),
                territory_name: status.name.clone(),
                sovereign: main(&status.sovereign),
                controller: main(&status.controller),
                controller_assumed: status.controller_assumed,
                regions: status.regions.clone(),
                status: status.clone(),
            },
            date: scenario.date.to_string(),
            target: scenario.target,
        },
        verdicts,
        notes,
    }
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

/// The verdicts [`analyse`] would give, in the same order, without proof
/// trees, reasons or claims: every premise is decided by the same functions,
/// only no statement is written. Claims still make a certain verdict
/// `contested` where `analyse` would.
pub fn verdicts(kb: &KnowledgeBase, scenario: &Scenario) -> Vec<VerdictSummary> {
    let status = place_status(kb, &scenario.place, scenario.date);
    verdicts_at(kb, scenario, &status)
}

/// [`verdicts`] with the place's status on the date already known (it must
/// be `place_status(kb, &scenario.place, scenario.date)`).
pub fn verdicts_at(
    kb: &KnowledgeBase,
    scenario: &Scenario,
    status: &TerritoryStatus,
) -> Vec<VerdictSummary> {
    verdicts_where(kb, scenario, status, |_| true)
}

/// [`verdicts_at`] for only the provisions `keep` accepts (the others are
/// skipped, as if the knowledge base did not hold them).
pub fn verdicts_where(
    kb: &KnowledgeBase,
    scenario: &Scenario,
    status: &TerritoryStatus,
    keep: impl Fn(&Provision) -> bool,
) -> Vec<VerdictSummary> {
    let defenders = sorted_defenders(scenario);
    let mut out = Vec::new();
    walk(
        kb,
        scenario,
        status,
        &defenders,
        &keep,
        |_| {},
        |ctx, ti, pi, pairs| {
            let in_force = ctx.in_force_truth();
            let adversary = ctx.adversary_truth();
            for (obligor, beneficiary) in pairs {
                let verdict = ctx.verdict_only(in_force, adversary, &obligor, &beneficiary);
                out.push(VerdictSummary {
                    treaty: ti,
                    provision: pi,
                    obligor,
                    beneficiary,
                    kind: ctx.provision.kind,
                    response: ctx.provision.response,
                    verdict,
                });
            }
        },
    );
    out
}

/// The verdict and reasons [`analyse`] gives for each of `summaries` (from
/// [`verdicts_at`] on the same knowledge base, scenario and status), writing
/// only the premises that decide each one.
pub fn explain(
    kb: &KnowledgeBase,
    scenario: &Scenario,
    status: &TerritoryStatus,
    summaries: &[&VerdictSummary],
) -> Vec<(VerdictKind, Vec<String>)> {
    let mut out = Vec::with_capacity(summaries.len());
    let mut ctx: Option<(usize, usize, Ctx<'_>, Truth, Truth)> = None;
    for v in summaries {
        let fresh = !matches!(&ctx, Some((t, p, ..)) if *t == v.treaty && *p == v.provision);
        if fresh {
            let treaty = v.treaty(kb);
            let members = Members::on(treaty, scenario.date);
            let c = Ctx::new(kb, scenario, status, treaty, v.provision(kb), members);
            let (in_force, adversary) = (c.in_force_truth(), c.adversary_truth());
            ctx = Some((v.treaty, v.provision, c, in_force, adversary));
        }
        if let Some((_, _, c, in_force, adversary)) = ctx.as_mut() {
            out.push(c.verdict_with_reasons(*in_force, *adversary, &v.obligor, &v.beneficiary));
        }
    }
    out
}

fn sorted_defenders(scenario: &Scenario) -> Vec<String> {
    let mut defenders = scenario.defenders.clone();
    defenders.sort();
    defenders.dedup();
    defenders
}

/// The one walk both [`analyse`] and [`verdicts`] take: treaties by id,
/// instruments that create no obligation to `on_instrument`, and each
/// provision that applies with the pairs it could bind to `on_provision`
/// (with its index in the knowledge base and in the treaty).
fn walk<'a>(
    kb: &'a KnowledgeBase,
    scenario: &'a Scenario,
    status: &'a TerritoryStatus,
    defenders: &[String],
    keep: &dyn Fn(&Provision) -> bool,
    mut on_instrument: impl FnMut(&Treaty),
    mut on_provision: impl FnMut(&mut Ctx<'a>, usize, usize, Vec<(String, String)>),
) {
    let mut order: Vec<usize> = (0..kb.treaties.len()).collect();
    order.sort_by(|&a, &b| kb.treaties[a].id.cmp(&kb.treaties[b].id));
    for ti in order {
        let treaty = &kb.treaties[ti];
        if treaty.in_force.interval.contains(scenario.date) == Truth::No {
            continue;
        }
        // Assurances and domestic law create no obligation to defend: they
        // get a note, and only their non-aggression pledges are judged (an
        // attack by the pledging state breaches them).
        let pledges_only = matches!(
            treaty.kind,
            InstrumentKind::Assurance | InstrumentKind::DomesticLaw
        );
        if pledges_only {
            on_instrument(treaty);
        }
        // Every verdict has a defender as beneficiary: skip treaties that
        // never had one as a party.
        if !treaty.parties.iter().any(|p| defenders.contains(&p.polity)) {
            continue;
        }
        let members = Members::on(treaty, scenario.date);
        for (pi, provision) in treaty.provisions.iter().enumerate() {
            if !keep(provision)
                || (pledges_only && provision.kind != ObligationKind::NonAggression)
                || provision.validity.contains(scenario.date) == Truth::No
            {
                continue;
            }
            let pairs = pairs(&members, provision, scenario, defenders);
            if pairs.is_empty() {
                continue;
            }
            let mut ctx = Ctx::new(kb, scenario, status, treaty, provision, members.clone());
            on_provision(&mut ctx, ti, pi, pairs);
        }
    }
}

/// Notes on an assurance or domestic law that touches a defender.
fn instrument_notes(
    kb: &KnowledgeBase,
    scenario: &Scenario,
    defenders: &[String],
    treaty: &Treaty,
    notes: &mut Vec<String>,
) {
    // The instrument concerns a defender it names as beneficiary, or,
    // when it names none, any defender that is a party.
    let names_any = treaty
        .provisions
        .iter()
        .any(|p| matches!(p.owed, Owed::Directed { .. }));
    for d in defenders {
        let concerned = if names_any {
            treaty.provisions.iter().any(|p| names_beneficiary(p, d))
        } else {
            membership(treaty, d, scenario.date).0 != Truth::No
        };
        if concerned {
            let what = match treaty.kind {
                InstrumentKind::DomesticLaw => "one state's domestic law, not a treaty",
                _ => "a set of assurances, not a defence pact",
            };
            notes.push(format!(
                "{} ({}) concerns {} but is {what}: it creates no obligation to defend {}.",
                treaty.name,
                treaty.id,
                kb.polity_name(d),
                kb.polity_name(d)
            ));
        }
    }
}

fn names_beneficiary(p: &Provision, polity: &str) -> bool {
    matches!(&p.owed, Owed::Directed { beneficiaries, .. } if beneficiaries.iter().any(|b| b == polity))
}

/// Whether each polity named as a party is a party on one date: the truth
/// [`membership`] gives, computed once per treaty.
#[derive(Debug, Clone, Default)]
struct Members<'a> {
    /// By polity id, sorted, one entry per polity.
    truths: Vec<(&'a str, Truth)>,
    /// The same by [`pack`]ed id, when every id packs (short ids: the
    /// lookup is then an integer search, not string comparisons).
    packed: Option<Vec<(u64, Truth)>>,
}

/// An id of at most 7 bytes as one integer (bytes and length), distinct
/// for distinct ids.
fn pack(id: &str) -> Option<u64> {
    let bytes = id.as_bytes();
    (bytes.len() <= 7).then(|| {
        let mut b = [0u8; 8];
        b[..bytes.len()].copy_from_slice(bytes);
        b[7] = bytes.len() as u8;
        u64::from_le_bytes(b)
    })
}

impl<'a> Members<'a> {
    fn on(treaty: &'a Treaty, date: Date) -> Members<'a> {
        let mut truths: Vec<(&str, Truth)> = treaty
            .parties
            .iter()
            .map(|p| (p.polity.as_str(), p.membership.interval.contains(date)))
            .collect();
        truths.sort();
        // Sorted by (polity, truth): the last entry of each polity is its
        // best spell, as `membership` takes.
        truths.reverse();
        truths.dedup_by_key(|(p, _)| *p);
        truths.reverse();
        let packed = truths
            .iter()
            .map(|(p, t)| pack(p).map(|k| (k, *t)))
            .collect::<Option<Vec<_>>>()
            .map(|mut v| {
                v.sort_unstable_by_key(|(k, _)| *k);
                v
            });
        Members { truths, packed }
    }

    /// `membership(treaty, polity, date).0`.
    fn of(&self, polity: &str) -> Truth {
        if let Some(packed) = &self.packed {
            // Every party's id packs, so an id that does not is no party.
            return pack(polity)
                .and_then(|k| packed.binary_search_by_key(&k, |(k, _)| *k).ok())
                .map_or(Truth::No, |i| packed[i].1);
        }
        match self.truths.binary_search_by(|(p, _)| (*p).cmp(polity)) {
            Ok(i) => self.truths[i].1,
            Err(_) => Truth::No,
        }
    }
}

/// The (obligor, beneficiary) pairs a provision could bind in this scenario.
fn pairs(
    members: &Members<'_>,
    provision: &Provision,
    scenario: &Scenario,
    defenders: &[String],
) -> Vec<(String, String)> {
    let is_party = |p: &str| members.of(p) != Truth::No;
    let parties: Vec<&str> = members
        .truths
        .iter()
        .filter(|(_, t)| *t != Truth::No)
        .map(|(p, _)| *p)
        .collect();
    let owes = |o: &str, b: &str| match &provision.owed {
        Owed::Mutual => o != b,
        Owed::Directed {
            obligors,
            beneficiaries,
        } => o != b && obligors.iter().any(|x| x == o) && beneficiaries.iter().any(|x| x == b),
    };
    let mut out = Vec::new();
    match provision.kind {
        ObligationKind::Offense => {}
        ObligationKind::NonAggression => {
            // Owed by each attacker that is a party to each defender.
            let mut attackers = scenario.attackers.clone();
            attackers.sort();
            for a in &attackers {
                for d in defenders {
                    if is_party(a) && is_party(d) && owes(a, d) {
                        out.push((a.clone(), d.clone()));
                    }
                }
            }
        }
        ObligationKind::Defense | ObligationKind::Consultation | ObligationKind::Neutrality => {
            for d in defenders {
                if !is_party(d) {
                    continue;
                }
                for o in &parties {
                    if owes(o, d) {
                        out.push((o.to_string(), d.clone()));
                    }
                }
            }
        }
    }
    out
}

struct Ctx<'a> {
    kb: &'a KnowledgeBase,
    scenario: &'a Scenario,
    status: &'a TerritoryStatus,
    treaty: &'a Treaty,
    provision: &'a Provision,
    /// Cached: whether the treaty and this text are in force.
    in_force: Option<Proof>,
    /// Cached: adversary conditions.
    adversary: Option<Vec<Proof>>,
    /// Cached scope proofs, by beneficiary.
    scopes: Vec<(String, Proof)>,
    /// Cached scope answers (no proof), by beneficiary.
    scope_truths: Vec<(String, Truth)>,
    /// Claims about this treaty and provision (or the whole treaty).
    claims: Vec<&'a Claim>,
    /// Who is a party on the date.
    members: Members<'a>,
    /// Is any attacker a party (`party_attackers` is not empty)?
    attacker_is_party: bool,
}

impl<'a> Ctx<'a> {
    fn new(
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
            scopes: Vec::new(),
            scope_truths: Vec::new(),
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

    fn name<'b>(&'b self, id: &'b str) -> &'b str {
        self.kb.polity_name(id)
    }

    fn date(&self) -> Date {
        self.scenario.date
    }

    /// The conjunction of the premises (before claims) and the answers
    /// claims can speak to, from the premise truth functions alone.
    /// `in_force` and `adversary` are [`Ctx::in_force_truth`] and
    /// [`Ctx::adversary_truth`].
    fn answer(
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
    fn verdict_only(
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
    fn premises(&mut self, obligor: &str, beneficiary: &str, only: Option<Truth>) -> Vec<Proof> {
        let want = |t: Truth| only.is_none_or(|w| w == t);
        let mut premises = Vec::new();
        if want(self.in_force_truth()) {
            if self.in_force.is_none() {
                self.in_force = Some(self.in_force());
            }
            premises.extend(self.in_force.clone());
        }
        for polity in [beneficiary, obligor] {
            if want(self.members.of(polity)) {
                premises.push(self.party(polity));
            }
        }
        if want(Truth::Unknown) {
            premises.extend(self.participation(beneficiary));
            premises.extend(self.participation(obligor));
        }
        premises.extend(
            self.dyad(obligor, beneficiary)
                .into_iter()
                .filter(|p| want(p.holds)),
        );
        if self.provision.kind == ObligationKind::NonAggression {
            if want(Truth::Yes) {
                premises.push(self.breach(obligor, beneficiary));
            }
            return premises;
        }
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
                .filter(|p| want(p.holds)),
        );
        if self.adversary.is_none() {
            self.adversary = Some(self.adversary());
        }
        premises.extend(
            self.adversary
                .iter()
                .flatten()
                .filter(|p| want(p.holds))
                .cloned(),
        );
        let scope_holds = match self.scope_truths.iter().find(|(b, _)| b == beneficiary) {
            Some((_, cached)) => *cached,
            None => self.scope_truth(beneficiary),
        };
        if want(scope_holds) {
            premises.push(self.cached_scope(beneficiary));
        }
        premises
    }

    /// The premise of a non-aggression verdict: the obligor attacks.
    fn breach(&self, obligor: &str, beneficiary: &str) -> Proof {
        Proof::rule(
            format!(
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
    fn scope_reason(&mut self, beneficiary: &str) -> String {
        if !self.scopes.iter().any(|(b, _)| b == beneficiary) {
            let fresh = self.scope(beneficiary);
            self.scopes.push((beneficiary.to_string(), fresh));
        }
        self.scopes
            .iter()
            .find(|(b, _)| b == beneficiary)
            .map(|(_, p)| sentence(&p.statement))
            .unwrap_or_default()
    }

    /// [`Ctx::scope`], built once per beneficiary.
    fn cached_scope(&mut self, beneficiary: &str) -> Proof {
        match self.scopes.iter().find(|(b, _)| b == beneficiary) {
            Some((_, cached)) => cached.clone(),
            None => {
                let fresh = self.scope(beneficiary);
                self.scopes.push((beneficiary.to_string(), fresh.clone()));
                fresh
            }
        }
    }

    /// The verdict and its plain reasons, as [`Ctx::judge`] gives them,
    /// writing only the premises that decide it.
    fn verdict_with_reasons(
        &mut self,
        in_force: Truth,
        adversary: Truth,
        obligor: &str,
        beneficiary: &str,
    ) -> (VerdictKind, Vec<String>) {
        let (holds, questions) = self.answer(in_force, adversary, obligor, beneficiary);
        let verdict = verdict_of(holds);
        let sentences = |premises: Vec<Proof>| -> Vec<String> {
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
                sentences(vec![self.breach(obligor, beneficiary)])
            }
            VerdictKind::Triggered => vec![self.scope_reason(beneficiary)],
        };
        let claims = self.claims(verdict, questions, beneficiary);
        let (verdict, reasons) = overturn(verdict, reasons, &claims, questions);
        (verdict, reasons)
    }

    fn judge(&mut self, obligor: &str, beneficiary: &str) -> Verdict {
        let t = self.treaty;
        let p = self.provision;
        let in_force = self.in_force_truth();
        let adversary = self.adversary_truth();
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
            VerdictKind::Triggered => premises
                .last()
                .map(|pr| vec![sentence(&pr.statement)])
                .unwrap_or_default(),
        };
        let claims = self.claims(verdict, questions, beneficiary);
        let (verdict, reasons) = overturn(verdict, reasons, &claims, questions);
        let conditions = p
            .conditions
            .iter()
            .filter(|c| match &c.condition {
                // A reservation is the obligor's own; one that can decide is
                // a premise (and a reason), not a condition on the response.
                ConditionKind::Reservation { party, effect, .. } => {
                    party == obligor && matches!(effect, ReservationEffect::Note { .. })
                }
                _ => true,
            })
            .map(|c| condition_text(self.kb, c, beneficiary))
            .collect();
        let proof = Proof::rule(
            format!(
                "{} Art. {} ({}) {} for {} toward {}",
                t.short_name,
                p.article,
                p.kind.label(),
                match verdict {
                    VerdictKind::Triggered => "is triggered",
                    VerdictKind::NotTriggered => "is not triggered",
                    VerdictKind::Contested => "is contested",
                },
                self.name(obligor),
                self.name(beneficiary)
            ),
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
            obligor: obligor.to_string(),
            beneficiary: beneficiary.to_string(),
            verdict,
            reasons,
            conditions,
            claims,
            proof,
        }
    }

    /// Premise 1: the treaty is in force and this text applies.
    fn in_force_truth(&self) -> Truth {
        self.treaty
            .in_force
            .interval
            .contains(self.date())
            .and(self.provision.validity.contains(self.date()))
    }

    fn in_force(&self) -> Proof {
        let t = self.treaty;
        let holds = t.in_force.interval.contains(self.date());
        let mut premises = vec![Proof::fact(
            format!("{} is in force {}", t.name, t.in_force.interval),
            holds,
            &t.in_force.source,
        )];
        let validity = self.provision.validity.contains(self.date());
        if self.provision.validity != crate::time::Interval::always() {
            premises.push(Proof::fact(
                format!(
                    "this text of Art. {} applies {}",
                    self.provision.article, self.provision.validity
                ),
                validity,
                &self.provision.source,
            ));
        }
        let both = self.in_force_truth();
        let statement = match both {
            Truth::Yes => format!("{} and Art. {} are in force on {}", t.short_name, self.provision.article, self.date()),
            Truth::No => format!("{} (Art. {}) is not in force on {}", t.short_name, self.provision.article, self.date()),
            Truth::Unknown => format!(
                "whether {} (Art. {}) is in force on {} is uncertain ({}; the date of entry into force is imprecise)",
                t.short_name,
                self.provision.article,
                self.date(),
                t.in_force.interval
            ),
        };
        Proof::rule(statement, both, premises)
    }

    fn party(&self, polity: &str) -> Proof {
        let (holds, spell) = membership(self.treaty, polity, self.date());
        let name = self.name(polity);
        let short = &self.treaty.short_name;
        match spell {
            Some(s) => {
                let statement = match holds {
                    Truth::Yes => format!("{name} is a party to {short} ({})", s.membership.interval),
                    Truth::No => format!("{name} is not a party to {short} on {} (member {})", self.date(), s.membership.interval),
                    Truth::Unknown => format!(
                        "whether {name} is a party to {short} on {} is uncertain (member {}, an imprecise date)",
                        self.date(),
                        s.membership.interval
                    ),
                };
                Proof::fact(statement, holds, &s.membership.source)
            }
            None => Proof::rule(
                format!("{name} is not a party to {short}"),
                Truth::No,
                vec![],
            ),
        }
    }

    /// Frozen or suspended participation that may hold on the date.
    fn binding_statuses<'s>(
        &'s self,
        polity: &'s str,
    ) -> impl Iterator<Item = &'a StatusSpell> + 's {
        // As `statuses_on`, without collecting.
        let treaty: &'a Treaty = self.treaty;
        treaty
            .statuses
            .iter()
            .filter(move |s| s.polity == polity)
            .filter(|s| s.status.interval.contains(self.date()) != Truth::No)
            .filter(|s| s.status.value != ParticipationStatus::OutsideMilitaryStructure)
    }

    /// Premise 3: no frozen or suspended participation (`Unknown` if any).
    fn participation_truth(&self, polity: &str) -> Truth {
        if self.binding_statuses(polity).next().is_some() {
            Truth::Unknown
        } else {
            Truth::Yes
        }
    }

    fn participation(&self, polity: &str) -> Vec<Proof> {
        self.binding_statuses(polity)
            .map(|s| {
                let mut statement = format!(
                    "{} has {} in {} since {}",
                    self.name(polity),
                    s.status.value.label(),
                    self.treaty.short_name,
                    s.status
                        .interval
                        .from
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "an unknown date".into())
                );
                statement.push_str(match s.status.value {
                    ParticipationStatus::Frozen => {
                        ": whether it would request, or be given, assistance is uncertain"
                    }
                    _ => ": whether the obligations still bind it is uncertain",
                });
                // Frozen or suspended participation (whether it certainly
                // holds or only may) makes the verdict uncertain, never
                // certain either way.
                Proof::fact(statement, Truth::Unknown, &s.status.source)
            })
            .collect()
    }

    /// Dyadic suspensions that may hold on the date, each with the truth of
    /// "not suspended".
    fn active_dyads<'s>(
        &'s self,
        obligor: &'s str,
        beneficiary: &'s str,
    ) -> impl Iterator<Item = (&'a DyadSuspension, Truth)> + 's {
        self.treaty
            .dyad_suspensions
            .iter()
            .filter(move |d| d.obligor == obligor && d.beneficiary == beneficiary)
            .filter_map(|d| {
                let t = d.spell.interval.contains(self.date());
                (t != Truth::No).then_some((d, !t))
            })
    }

    /// Premise 4: no dyadic suspension.
    fn dyad_truth(&self, obligor: &str, beneficiary: &str) -> Truth {
        self.active_dyads(obligor, beneficiary)
            .fold(Truth::Yes, |acc, (_, t)| acc.and(t))
    }

    fn dyad(&self, obligor: &str, beneficiary: &str) -> Vec<Proof> {
        self.active_dyads(obligor, beneficiary)
            .map(|(d, holds)| {
                Proof::fact(
                    format!(
                        "{} has suspended its {} obligations toward {} ({})",
                        self.name(obligor),
                        self.treaty.short_name,
                        self.name(beneficiary),
                        d.spell.interval
                    ),
                    holds,
                    &d.spell.source,
                )
            })
            .collect()
    }

    fn is_attacker(&self, polity: &str) -> bool {
        self.scenario.attackers.iter().any(|a| a == polity)
    }

    /// Attackers that are themselves parties to the treaty.
    fn party_attackers(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.scenario
            .attackers
            .iter()
            .filter(|a| self.members.of(a) == Truth::Yes)
            .map(String::as_str)
    }

    /// Premise 5: the obligor is not an attacker (`No`); an attacker that is
    /// itself a party makes it `Unknown`.
    fn attackers_truth(&self, obligor: &str) -> Truth {
        if self.is_attacker(obligor) {
            Truth::No
        } else if self.attacker_is_party {
            Truth::Unknown
        } else {
            Truth::Yes
        }
    }

    fn attackers_check(&self, obligor: &str) -> Vec<Proof> {
        let mut out = Vec::new();
        if self.is_attacker(obligor) {
            out.push(Proof::rule(
                format!("{} is itself one of the attackers", self.name(obligor)),
                Truth::No,
                vec![],
            ));
        }
        let party_attackers: Vec<&str> = self.party_attackers().collect();
        if !party_attackers.is_empty() && !self.is_attacker(obligor) {
            out.push(Proof::rule(
                format!(
                    "the attacker ({}) is itself a party to {}: whether an attack by one party on another triggers the others' obligation is unsettled",
                    party_attackers.iter().map(|a| self.name(a)).collect::<Vec<_>>().join(", "),
                    self.treaty.short_name
                ),
                Truth::Unknown,
                vec![],
            ));
        }
        out
    }

    /// Premise 5b: the obligation survives the reservations its obligor
    /// attached to the provision (`reservations`).
    fn reservations_truth(&self, obligor: &str) -> Truth {
        reservations::truth(self.provision, obligor, &self.scenario.attackers)
    }

    fn reservations(&self, obligor: &str) -> Vec<Proof> {
        reservations::applied(
            self.kb,
            self.provision,
            &self.provision.article,
            obligor,
            &self.scenario.attackers,
        )
        .into_iter()
        .map(|r| Proof::fact(r.statement, r.holds, r.source))
        .collect()
    }

    /// Premise 6 for one condition: `None` when the condition is not about
    /// the adversary.
    fn condition_truth(&self, c: &Condition) -> Option<Truth> {
        match &c.condition {
            ConditionKind::Adversary { polities } => Some(Truth::from_bool(
                self.scenario.attackers.iter().any(|a| polities.contains(a)),
            )),
            ConditionKind::UnnamedRestriction { .. } => Some(Truth::Unknown),
            _ => None,
        }
    }

    /// Premise 6: every adversary condition matches.
    fn adversary_truth(&self) -> Truth {
        self.provision
            .conditions
            .iter()
            .filter_map(|c| self.condition_truth(c))
            .fold(Truth::Yes, Truth::and)
    }

    fn adversary(&self) -> Vec<Proof> {
        self.provision
            .conditions
            .iter()
            .filter_map(|c| {
                let holds = self.condition_truth(c)?;
                match &c.condition {
                ConditionKind::Adversary { polities } => {
                    let hit = holds == Truth::Yes;
                    let names: Vec<&str> = polities.iter().map(|p| self.name(p)).collect();
                    let statement = if hit {
                        format!(
                            "the attacker is one of the named adversaries ({})",
                            names.join(", ")
                        )
                    } else {
                        format!("the provision only covers attacks by {}", names.join(", "))
                    };
                    Some(Proof::fact(statement, holds, &c.source))
                }
                ConditionKind::UnnamedRestriction { text } => Some(Proof::fact(
                    format!("the obligation is restricted ({text}) but the source does not say to what, so whether this attack is covered cannot be decided"),
                    holds,
                    &c.source,
                )),
                _ => None,
            }})
            .collect()
    }

    /// Premise 7: does the attack fall within the provision's scope (any
    /// rule valid on the date matches)?
    fn scope_truth(&self, beneficiary: &str) -> Truth {
        if self.provision.scope.is_empty() {
            return Truth::Yes;
        }
        self.provision
            .scope
            .iter()
            .filter_map(|r| self.scope_rule_truth(r, beneficiary))
            .fold(Truth::No, Truth::or)
    }

    /// One scope rule's answer; `None` when the rule is not valid on the date.
    fn scope_rule_truth(&self, rule: &ScopeRule, beneficiary: &str) -> Option<Truth> {
        let valid = rule.validity.contains(self.date());
        (valid != Truth::No).then(|| self.scope_kind_truth(&rule.rule, beneficiary).and(valid))
    }

    /// Does the attack match this kind of scope rule? `party_territory`
    /// tests the de jure sovereign; where only the controller is the party
    /// it is `Unknown`.
    fn scope_kind_truth(&self, rule: &ScopeKind, beneficiary: &str) -> Truth {
        let s = self.status;
        match rule {
            ScopeKind::PartyTerritory {
                regions,
                parties,
                metropolitan,
            } => {
                let in_parties = parties.is_empty() || parties.iter().any(|p| p == beneficiary);
                let in_regions =
                    regions.is_empty() || regions.iter().any(|r| s.regions.contains(r));
                if !in_parties
                    || !in_regions
                    || (*metropolitan && !scope_rules::is_metropolitan(self.kb, s))
                {
                    return Truth::No;
                }
                match s.sovereign_is(beneficiary) {
                    Truth::Yes => Truth::Yes,
                    Truth::Unknown => Truth::Unknown,
                    Truth::No if s.controller_is(beneficiary) != Truth::No => Truth::Unknown,
                    Truth::No => Truth::No,
                }
            }
            ScopeKind::AdministeredBy { party } => {
                s.controller_is(party.as_deref().unwrap_or(beneficiary))
            }
            ScopeKind::Territory { territory, except } => {
                Truth::from_bool(scope_rules::in_named_territory(s, territory, except))
            }
            ScopeKind::ForcesIn {
                regions,
                territories,
            } => Truth::from_bool(scope_rules::forces_in(
                s,
                self.scenario.target == Target::Forces,
                regions,
                territories,
            )),
            ScopeKind::ForcesOnPartyTerritory { regions, parties } => {
                scope_rules::forces_on_party_territory(
                    s,
                    self.scenario.target == Target::Forces,
                    regions,
                    parties,
                    self.members.truths.iter().copied(),
                )
            }
            ScopeKind::Anywhere => Truth::Yes,
        }
    }

    /// Does the attack fall within the provision's scope?
    fn scope(&self, beneficiary: &str) -> Proof {
        let rules: Vec<Proof> = self
            .provision
            .scope
            .iter()
            .filter_map(|r| self.scope_rule(r, beneficiary))
            .collect();
        if self.provision.scope.is_empty() {
            return Proof::rule(
                "the provision states no geographic limit".to_string(),
                Truth::Yes,
                vec![],
            );
        }
        let holds = self.scope_truth(beneficiary);
        let place = self.place_phrase();
        let statement = match holds {
            Truth::Yes => {
                let why = rules
                    .iter()
                    .find(|r| r.holds == Truth::Yes)
                    .map(|r| r.statement.clone())
                    .unwrap_or_default();
                format!(
                    "the attack falls within the scope of Art. {}: {why}",
                    self.provision.article
                )
            }
            Truth::No => format!(
                "the attack is outside the scope of Art. {}: {place}{}",
                self.provision.article,
                rules
                    .iter()
                    .map(|r| r.statement.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Truth::Unknown => format!(
                "whether the attack falls within the scope of Art. {} is uncertain: {}",
                self.provision.article,
                rules
                    .iter()
                    .filter(|r| r.holds == Truth::Unknown)
                    .map(|r| r.statement.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        };
        Proof::rule(statement, holds, rules)
    }

    /// "Stepanakert lies in Nagorno-Karabakh: " when a place was named.
    fn place_phrase(&self) -> String {
        match &self.scenario.place.place_name {
            Some(p) => format!("{p} lies in {}; ", self.status.name),
            None => String::new(),
        }
    }

    fn territory_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.kb.territory(id).map(|t| t.name.as_str()).unwrap_or(id)
    }

    fn party_note(&self, polity: &str) -> &'static str {
        match membership(self.treaty, polity, self.date()).0 {
            Truth::Yes => "a party",
            Truth::No => "not a party",
            Truth::Unknown => "of uncertain membership",
        }
    }

    fn scope_rule(&self, rule: &ScopeRule, beneficiary: &str) -> Option<Proof> {
        let valid = rule.validity.contains(self.date());
        if valid == Truth::No {
            return None;
        }
        let s = self.status;
        let b = self.name(beneficiary);
        let short = &self.treaty.short_name;
        let leaves = |holders: &[crate::query::Holder], role: &str| -> Vec<Proof> {
            holders
                .iter()
                .map(|h| {
                    Proof::fact(
                        format!(
                            "{role} of {} {}: {}",
                            self.kb
                                .territory(&h.from_territory)
                                .map(|t| t.name.as_str())
                                .unwrap_or(&h.from_territory),
                            h.interval,
                            h.name
                        ),
                        h.holds,
                        &h.source,
                    )
                })
                .collect()
        };
        let mut proof = match &rule.rule {
            ScopeKind::PartyTerritory {
                regions,
                parties,
                metropolitan,
            } => {
                let sov = s.sovereign_is(beneficiary);
                let not_metropolitan = *metropolitan && !scope_rules::is_metropolitan(self.kb, s);
                let ctl = s.controller_is(beneficiary);
                let mut premises = leaves(&s.sovereign, "sovereign");
                if !s.controller_assumed {
                    premises.extend(leaves(&s.controller, "controller"));
                }
                let in_parties = parties.is_empty() || parties.iter().any(|p| p == beneficiary);
                let in_regions =
                    regions.is_empty() || regions.iter().any(|r| s.regions.contains(r));
                let region_names: Vec<&str> = regions
                    .iter()
                    .map(|r| self.kb.region(r).map(|x| x.name.as_str()).unwrap_or(r))
                    .collect();
                let holds;
                let statement;
                if not_metropolitan {
                    holds = Truth::No;
                    statement = format!(
                        "{} is not metropolitan territory (an island group, overseas territory or sea), which this rule requires",
                        s.name
                    );
                } else if !in_parties {
                    holds = Truth::No;
                    statement = format!(
                        "this rule covers only the territory of {}",
                        parties
                            .iter()
                            .map(|p| self.name(p))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                } else if sov == Truth::Yes {
                    if in_regions {
                        holds = Truth::Yes;
                        let here = self.scenario.place.place_name.as_deref().unwrap_or(&s.name);
                        let kind = if *metropolitan { "metropolitan territory" } else { "territory" };
                        statement = if regions.is_empty() {
                            format!("{here} is de jure {kind} of {b}")
                        } else {
                            format!(
                                "{here} is de jure {kind} of {b} in {}",
                                region_names.join(" or ")
                            )
                        };
                    } else {
                        holds = Truth::No;
                        statement = format!(
                            "{} is territory of {b} but not in {}",
                            s.name,
                            region_names.join(" or ")
                        );
                    }
                } else if sov == Truth::Unknown {
                    holds = if in_regions {
                        Truth::Unknown
                    } else {
                        Truth::No
                    };
                    statement = format!(
                        "whether {} is de jure territory of {b} on {} is uncertain",
                        s.name,
                        self.date()
                    );
                } else if ctl != Truth::No && in_regions {
                    holds = Truth::Unknown;
                    let sov_name = s
                        .main_sovereign()
                        .map(|h| h.name.as_str())
                        .unwrap_or("no recognised state");
                    statement = format!(
                        "{} is held by {b} on the ground but is de jure territory of {sov_name}: de jure and de facto disagree",
                        s.name
                    );
                } else {
                    holds = Truth::No;
                    let sov = s
                        .main_sovereign()
                        .map(|h| {
                            format!(
                                "de jure territory of {} ({} to {short})",
                                h.name,
                                self.party_note(&h.polity)
                            )
                        })
                        .unwrap_or_else(|| "not the territory of any recognised state".into());
                    let ctl = s
                        .main_controller()
                        .map(|h| {
                            format!("controlled by {} ({})", h.name, self.party_note(&h.polity))
                        })
                        .unwrap_or_else(|| "with no recorded controller".into());
                    statement = format!("{} is {sov} and {ctl}, not territory of {b}", s.name);
                }
                Proof::rule(statement, holds, premises)
            }
            ScopeKind::AdministeredBy { party } => {
                let admin = party.as_deref().unwrap_or(beneficiary);
                let holds = s.controller_is(admin);
                let statement = match holds {
                    Truth::Yes => format!(
                        "{} is under the administration of {}",
                        s.name,
                        self.name(admin)
                    ),
                    Truth::No => format!(
                        "{} is not under the administration of {} ({})",
                        s.name,
                        self.name(admin),
                        s.main_controller()
                            .map(|h| format!("controlled by {}", h.name))
                            .unwrap_or_else(|| "no recorded controller".into())
                    ),
                    Truth::Unknown => format!(
                        "whether {} is under the administration of {} is uncertain",
                        s.name,
                        self.name(admin)
                    ),
                };
                let role = if s.controller_assumed {
                    "sovereign (no separate control record, so assumed to administer it)"
                } else {
                    "controller"
                };
                Proof::rule(statement, holds, leaves(&s.controller, role))
            }
            ScopeKind::Territory { territory, except } => {
                let holds = Truth::from_bool(scope_rules::in_named_territory(s, territory, except));
                let tname = self.territory_name(territory);
                let statement = if holds == Truth::Yes {
                    format!("{} lies in {tname}, named in the scope", s.name)
                } else if let Some(part) = scope_rules::excluded_part(s, except) {
                    format!(
                        "{} lies in {}, which the clause does not name: it is not {tname} as the text means it",
                        s.name,
                        self.territory_name(part)
                    )
                } else {
                    format!("{} is not {tname}", s.name)
                };
                Proof::rule(statement, holds, vec![])
            }
            ScopeKind::ForcesIn {
                regions,
                territories,
            } => {
                let mut names: Vec<&str> = regions
                    .iter()
                    .map(|r| self.kb.region(r).map(|x| x.name.as_str()).unwrap_or(r))
                    .collect();
                names.extend(territories.iter().map(|t| self.territory_name(t)));
                if self.scenario.target != Target::Forces {
                    Proof::rule(
                        format!("the rule on forces, vessels and aircraft in {} does not apply: the attack is on territory", names.join(", ")),
                        Truth::No,
                        vec![],
                    )
                } else {
                    let hit = scope_rules::forces_in(s, true, regions, territories);
                    Proof::rule(
                        if hit {
                            format!("forces of {b} attacked in {}", names.join(" or "))
                        } else {
                            format!("forces of {b} attacked outside {}", names.join(", "))
                        },
                        Truth::from_bool(hit),
                        vec![],
                    )
                }
            }
            ScopeKind::ForcesOnPartyTerritory { regions, parties } => {
                let mut whose = format!("any party to {short}");
                if !regions.is_empty() {
                    let names: Vec<&str> = regions
                        .iter()
                        .map(|r| self.kb.region(r).map(|x| x.name.as_str()).unwrap_or(r))
                        .collect();
                    whose.push_str(&format!(" in {}", names.join(" or ")));
                }
                if !parties.is_empty() {
                    whose = parties.iter().map(|p| self.name(p)).collect::<Vec<_>>().join(", ");
                }
                let holds = self.scope_kind_truth(&rule.rule, beneficiary);
                let statement = if self.scenario.target != Target::Forces {
                    format!("the rule on forces, vessels and aircraft on the territory of {whose} does not apply: the attack is on territory")
                } else {
                    let here = scope_rules::sovereign_name(s)
                        .map(|n| format!("{} (de jure territory of {n})", s.name))
                        .unwrap_or_else(|| format!("{} (no recorded sovereign)", s.name));
                    match holds {
                        Truth::Yes => format!("forces of {b} attacked in or over {here}, the territory of {whose}"),
                        Truth::No => format!("forces of {b} attacked in or over {here}, not the territory of {whose}"),
                        Truth::Unknown => format!("whether {here} is the territory of {whose} is uncertain"),
                    }
                };
                Proof::rule(statement, holds, leaves(&s.sovereign, "sovereign"))
            }
            ScopeKind::Anywhere => Proof::rule(
                format!("the provision covers an attack on {b} anywhere"),
                Truth::Yes,
                vec![],
            ),
        };
        proof.premises.push(Proof::fact(
            format!(
                "scope rule of Art. {}{}",
                self.provision.article,
                rule.note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ),
            valid,
            &rule.source,
        ));
        proof.holds = self.scope_kind_truth(&rule.rule, beneficiary).and(valid);
        Some(proof)
    }

    /// Claims about this treaty (and provision) on the attacked territory or
    /// an attacker. A territory claim agrees when its stance matches the scope
    /// premise; an adversary claim when it matches the adversary premise.
    fn claims(&self, verdict: VerdictKind, q: Questions, beneficiary: &str) -> Vec<CitedClaim> {
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
    fn claim_answer(
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

fn verdict_of(holds: Truth) -> VerdictKind {
    match holds {
        Truth::Yes => VerdictKind::Triggered,
        Truth::No => VerdictKind::NotTriggered,
        Truth::Unknown => VerdictKind::Contested,
    }
}

/// A claim that disagrees makes a certain verdict contested only if the
/// question it speaks to could decide the verdict: it cannot rescue an
/// obligation that fails for another reason.
fn decisive(about: Question, q: Questions) -> bool {
    let other = match about {
        Question::Scope => q.adversary,
        Question::Adversary => q.scope,
    };
    q.base.and(other.unwrap_or(Truth::Yes)).and(Truth::Unknown) == Truth::Unknown
}

/// Disagreeing decisive claims make a certain verdict contested, each
/// adding a reason.
fn overturn(
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
        reasons.push(format!(
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
fn overturns(c: &Claim, about: Question, agrees: bool, q: Questions) -> bool {
    !agrees && c.stance != Stance::Unclear && decisive(about, q)
}

/// The answers to the questions claims can speak to, where the provision
/// poses them.
#[derive(Debug, Clone, Copy)]
struct Questions {
    /// The conjunction of every premise but scope and adversary.
    base: Truth,
    scope: Option<Truth>,
    adversary: Option<Truth>,
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

fn condition_text(kb: &KnowledgeBase, c: &Condition, beneficiary: &str) -> String {
    let mut s = crate::describe::condition(kb, &c.condition, Some(beneficiary));
    if c.source.uncertain {
        s.push_str(" (uncertain)");
    }
    s
}

/// Capitalise the first letter and end with a full stop.
fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    let mut out = match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    };
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pack;

    #[test]
    fn packed_ids_are_distinct_and_long_ids_do_not_pack() {
        let ids = ["A", "AB", "ABC", "ABC\0", "ABD", "COW365", "ABCDEFG"];
        let keys: Vec<u64> = ids.iter().map(|i| pack(i).unwrap()).collect();
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(pack("ABCDEFGH"), None);
    }
}
