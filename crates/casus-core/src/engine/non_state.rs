//! Premise 6, second part: the provision's trigger covers this attacker.
//!
//! Treaty texts differ on whom their trigger covers, and each provision
//! records its reading (`trigger_by`, quoting the text): "an armed attack"
//! with no qualifier says nothing of who attacks (NATO Art. 5: `unstated`);
//! "an armed attack by any State" covers states (Rio Art. 3: `states`); a
//! text may cover any attacker (`any`). A state (or de facto state) attacker
//! is always covered. For a non-state armed group:
//!
//! - `any`: covered;
//! - `states`: not covered — unless a state controls the group on the date:
//!   "the sending by or on behalf of a State of armed bands, groups,
//!   irregulars or mercenaries" of sufficient gravity is an armed attack by
//!   that state (ICJ, *Military and Paramilitary Activities in and against
//!   Nicaragua*, judgment of 27 Jun 1986, ¶195, reading GA resolution 3314
//!   (XXIX), Art. 3(g)); then it is `Unknown`, attribution being a question
//!   of fact. Hosting or arming a group does not make its attack the
//!   state's (¶195), so those relations are shown but change nothing.
//!   An official reading of the treaty that applies it to this attacker's
//!   attack (the OAS Organ of Consultation on 9/11, RC.24/RES.1 of 21 Sep
//!   2001) also makes it `Unknown`: the text and the treaty's own organ
//!   disagree, and casus does not pick one over the other;
//! - `unstated` (or no reading recorded): `Unknown`, unless official
//!   readings of this treaty about this attacker settle it (NATO's decision
//!   of 12 Sep 2001 on al-Qaeda's attack): `applies` makes it covered,
//!   `does_not_apply` not covered; readings that disagree leave it open. A
//!   reading that names the party attacked settles only attacks on it.
//!
//! The `unknown` attacker (not yet attributed) may be a state: `Unknown`
//! under `states` and `unstated`. With several attackers the attack is
//! covered if any attacker's is.

use super::judge::Ctx;
use super::Proof;
use crate::model::*;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    fn attacker_kind(&self, attacker: &str) -> PolityKind {
        self.kb
            .polity(attacker)
            .map_or(PolityKind::State, |p| p.kind)
    }

    fn is_non_state(&self, attacker: &str) -> bool {
        matches!(
            self.attacker_kind(attacker),
            PolityKind::ArmedGroup | PolityKind::Unknown
        )
    }

    fn coverage_reading(&self) -> AttackerCoverage {
        self.provision
            .trigger_by
            .as_ref()
            .map_or(AttackerCoverage::Unstated, |r| r.value)
    }

    /// Relations of a group to states that may hold on the date.
    fn relations_on(
        &self,
        group: &str,
    ) -> impl Iterator<Item = (&'a Dated<GroupRelation>, Truth)> + '_ {
        let kb: &'a crate::kb::KnowledgeBase = self.kb;
        kb.polity(group)
            .into_iter()
            .flat_map(|p| p.relations.iter())
            .filter_map(|r| {
                let t = r.interval.contains(self.date());
                (t != Truth::No).then_some((r, t))
            })
    }

    /// Is the group controlled by a state on the date?
    fn controlled(&self, group: &str) -> Truth {
        self.relations_on(group)
            .filter(|(r, _)| r.value.kind == RelationKind::Control)
            .fold(Truth::No, |acc, (r, t)| {
                acc.or(if r.source.uncertain {
                    Truth::Unknown
                } else {
                    t
                })
            })
    }

    /// What official readings of this treaty say of this attacker: `None`
    /// when there are none; `Unknown` when they disagree or are unclear.
    fn settled(&self, attacker: &str) -> Option<Truth> {
        let mut out: Option<Truth> = None;
        for c in &self.claims {
            if !matches!(&c.subject, ClaimSubject::Adversary { polity } if polity == attacker) {
                continue;
            }
            // Held to its time and situation (docs/claims.md): a reading
            // settles only attacks in the period it speaks to. One made
            // after the event it names (NATO, 12 Sep 2001, on the attacks
            // of the day before) still settles what the text leaves open.
            // A reading about the attack on one party settles nothing for
            // an attack on another.
            let forces = self.scenario.target == super::Target::Forces;
            if crate::claim_fit::fit(c, self.status, self.date(), forces).is_none()
                || c.beneficiary
                    .as_ref()
                    .is_some_and(|b| !self.scenario.defenders.contains(b))
            {
                continue;
            }
            let t = match c.stance {
                Stance::Applies => Truth::Yes,
                Stance::DoesNotApply => Truth::No,
                Stance::Unclear => Truth::Unknown,
            };
            out = Some(match out {
                None => t,
                Some(prev) if prev == t => t,
                Some(_) => Truth::Unknown,
            });
        }
        out
    }

    /// Does the trigger cover this one attacker?
    fn covers(&self, attacker: &str) -> Truth {
        let kind = self.attacker_kind(attacker);
        if !matches!(kind, PolityKind::ArmedGroup | PolityKind::Unknown) {
            return Truth::Yes;
        }
        match self.coverage_reading() {
            AttackerCoverage::Any => Truth::Yes,
            AttackerCoverage::States if kind == PolityKind::Unknown => Truth::Unknown,
            AttackerCoverage::States => match (self.controlled(attacker), self.settled(attacker)) {
                (Truth::No, None | Some(Truth::No)) => Truth::No,
                _ => Truth::Unknown,
            },
            AttackerCoverage::Unstated => self.settled(attacker).unwrap_or(Truth::Unknown),
        }
    }

    /// The trigger covers the attack: some attacker is covered.
    pub(super) fn coverage_truth(&self) -> Truth {
        let mut acc = Truth::No;
        for a in &self.scenario.attackers {
            acc = acc.or(self.covers(a));
            if acc == Truth::Yes {
                break;
            }
        }
        if self.scenario.attackers.is_empty() {
            Truth::Yes
        } else {
            acc
        }
    }

    /// The coverage premise, written only when a non-state attacker makes
    /// it a question.
    pub(super) fn coverage(&self) -> Vec<Proof> {
        if !self.scenario.attackers.iter().any(|a| self.is_non_state(a)) {
            return Vec::new();
        }
        let holds = self.coverage_truth();
        let mut premises = Vec::new();
        let reading = self.coverage_reading();
        match &self.provision.trigger_by {
            Some(r) => premises.push(
                Proof::fact(
                    text!(
                        "Art. {} {}",
                        self.provision.article,
                        match reading {
                            AttackerCoverage::Any => "covers an attack by any attacker",
                            AttackerCoverage::States => "covers attacks by states",
                            AttackerCoverage::Unstated => "does not say who the attacker must be",
                        }
                    ),
                    Truth::Yes,
                    &r.source,
                )
                .shared(),
            ),
            None => premises.push(
                Proof::rule(
                    text!(
                        "the knowledge base records no reading of whom Art. {} covers",
                        self.provision.article
                    ),
                    Truth::Unknown,
                    vec![],
                )
                .shared(),
            ),
        }
        for a in &self.scenario.attackers {
            if !self.is_non_state(a) {
                continue;
            }
            for (r, t) in self.relations_on(a) {
                premises.push(
                    Proof::fact(
                        text!(
                            "{} is {} {} ({})",
                            self.name(a),
                            r.value.kind.label(),
                            self.name(&r.value.state),
                            r.interval
                        ),
                        t,
                        &r.source,
                    )
                    .shared(),
                );
            }
        }
        let groups: Vec<&str> = self
            .scenario
            .attackers
            .iter()
            .filter(|a| self.is_non_state(a))
            .map(|a| match self.attacker_kind(a) {
                PolityKind::Unknown => "an attacker not yet identified",
                _ => self.name(a),
            })
            .collect();
        let who = groups.join(", ");
        let short = &self.treaty.short_name;
        let art = &self.provision.article;
        let unknown_attacker = self
            .scenario
            .attackers
            .iter()
            .any(|a| self.attacker_kind(a) == PolityKind::Unknown);
        let statement = match (reading, holds) {
            (_, Truth::Yes) if reading == AttackerCoverage::Any => {
                text!("{short} Art. {art} covers an attack by any attacker, {who} included")
            }
            (_, Truth::Yes) => text!(
                "{short} Art. {art} does not say who the attacker must be, and official readings hold that it covers the attack by {who}"
            ),
            (_, Truth::No) if reading == AttackerCoverage::States => text!(
                "{short} Art. {art} covers attacks by states, and {who} is not a state nor controlled by one on {}; hosting or arming a group does not make its attack the host's (ICJ, Nicaragua, 1986, ¶195)",
                self.date()
            ),
            (_, Truth::No) => text!(
                "official readings hold that {short} Art. {art} does not cover the attack by {who}"
            ),
            (AttackerCoverage::States, _)
                if self
                    .scenario
                    .attackers
                    .iter()
                    .any(|a| matches!(self.settled(a), Some(Truth::Yes | Truth::Unknown))) =>
            {
                text!(
                    "{short} Art. {art} covers attacks by states, and {who} is none; but an official reading of the treaty applies it to this attack: the text and the reading disagree"
                )
            }
            (AttackerCoverage::States, _) if unknown_attacker => text!(
                "{short} Art. {art} covers attacks by states, and the attacker is not yet known: it may be a state"
            ),
            (AttackerCoverage::States, _) => text!(
                "{short} Art. {art} covers attacks by states, and {who} may be controlled by a state on {}: an attack by armed groups sent by or on behalf of a state is that state's (ICJ, Nicaragua, 1986, ¶195), a question of fact",
                self.date()
            ),
            _ if self.scenario.attackers.iter().any(|a| self.settled(a).is_some()) => text!(
                "{short} Art. {art} does not say who the attacker must be, and official readings of whether it covers the attack by {who} disagree or are unclear"
            ),
            _ if unknown_attacker => text!(
                "{short} Art. {art} does not say who the attacker must be, and the attacker is not yet known"
            ),
            _ => text!(
                "{short} Art. {art} does not say whether an attack by a non-state group ({who}) is covered: the text is silent and no official reading settles it"
            ),
        };
        vec![Proof::rule(statement, holds, premises)]
    }
}
