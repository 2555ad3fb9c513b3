//! Premise 5, second part: the event is an armed attack. Not every use of
//! force is one, and a defence provision answers only to an armed attack
//! (or aggression). The event's character is given with the scenario:
//!
//! - **intent** — `deliberate` (the default), `accidental`, `unknown`. An
//!   accident is not an attack: a defence provision is not triggered by it
//!   (NATO on the missile that fell at Przewodów, Poland, on 15 Nov 2022:
//!   "no indication that this was the result of a deliberate attack",
//!   Secretary General, 16 Nov 2022); with intent unknown it is `Unknown`.
//! - **scale** — `armed_attack` (the default) or `incident`. The ICJ
//!   distinguishes "the most grave forms of the use of force (those
//!   constituting an armed attack) from other less grave forms" (*Military
//!   and Paramilitary Activities in and against Nicaragua*, judgment of
//!   27 Jun 1986, ¶191); whether an incident reaches that gravity is a
//!   judgment, so it is `Unknown`.
//! - **means** — `kinetic` (the default) or `cyber`. A cyber operation
//!   follows the organisation's stated position where the provision records
//!   one (`cyber`; NATO: "a decision as to when a cyber attack would lead to
//!   the invocation of Article 5 would be taken by the North Atlantic
//!   Council on a case-by-case basis", Wales Summit Declaration, 5 Sep 2014,
//!   ¶72), else `Unknown`.
//!
//! The premise binds defence and neutrality provisions only. Consultation
//! clauses answer to a threat, which an accident, an incident or a cyber
//! operation can be; non-aggression pledges are judged on the attacker's
//! conduct as given.

use serde::{Deserialize, Serialize};

use super::judge::Ctx;
use super::Proof;
use crate::model::*;
use crate::time::Truth;

/// Was the use of force meant?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    #[default]
    Deliberate,
    Accidental,
    Unknown,
}

/// How grave the use of force was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    #[default]
    #[serde(alias = "armed-attack")]
    ArmedAttack,
    Incident,
}

/// By what means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Means {
    #[default]
    Kinetic,
    Cyber,
}

/// The character of the event: intent, scale and means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct AttackCharacter {
    pub intent: Intent,
    pub scale: Scale,
    pub means: Means,
}

impl AttackCharacter {
    /// A deliberate armed attack by kinetic means (the default).
    pub fn is_default(&self) -> bool {
        *self == AttackCharacter::default()
    }
}

impl<'a> Ctx<'a> {
    /// Does the provision answer only to an armed attack?
    fn answers_to_armed_attack(&self) -> bool {
        matches!(
            self.provision.kind,
            ObligationKind::Defense | ObligationKind::Neutrality
        )
    }

    fn intent_truth(&self) -> Truth {
        match self.scenario.character.intent {
            Intent::Deliberate => Truth::Yes,
            Intent::Accidental => Truth::No,
            Intent::Unknown => Truth::Unknown,
        }
    }

    fn scale_truth(&self) -> Truth {
        match self.scenario.character.scale {
            Scale::ArmedAttack => Truth::Yes,
            Scale::Incident => Truth::Unknown,
        }
    }

    /// The organisation's stated position on cyber operations, where one
    /// holds on the date.
    fn cyber_stance(&self) -> Option<&'a Dated<CyberStance>> {
        let provision: &'a Provision = self.provision;
        provision
            .cyber
            .as_ref()
            .filter(|c| c.interval.contains(self.date()) == Truth::Yes)
    }

    fn means_truth(&self) -> Truth {
        match self.scenario.character.means {
            Means::Kinetic => Truth::Yes,
            Means::Cyber => match self.cyber_stance().map(|c| c.value) {
                Some(CyberStance::Covered) => Truth::Yes,
                Some(CyberStance::NotCovered) => Truth::No,
                Some(CyberStance::CaseByCase) | None => Truth::Unknown,
            },
        }
    }

    /// Premise 5b: the event is an armed attack this provision answers to.
    pub(super) fn character_truth(&self) -> Truth {
        if !self.answers_to_armed_attack() || self.scenario.character.is_default() {
            return Truth::Yes;
        }
        self.intent_truth()
            .and(self.scale_truth())
            .and(self.means_truth())
    }

    /// The character premise, one statement per attribute that is not the
    /// default (none for a deliberate kinetic armed attack).
    pub(super) fn character(&self) -> Vec<Proof> {
        if !self.answers_to_armed_attack() {
            return Vec::new();
        }
        let art = &self.provision.article;
        let short = &self.treaty.short_name;
        let c = self.scenario.character;
        let mut out = Vec::new();
        match c.intent {
            Intent::Deliberate => {}
            Intent::Accidental => out.push(Proof::rule(
                text!("the event was an accident, not a deliberate attack: it is not the armed attack {short} Art. {art} answers to"),
                Truth::No,
                vec![],
            )),
            Intent::Unknown => out.push(Proof::rule(
                text!("whether the event was a deliberate attack is not known: an accident would not trigger {short} Art. {art}"),
                Truth::Unknown,
                vec![],
            )),
        }
        if c.scale == Scale::Incident {
            out.push(Proof::rule(
                text!("the event is an incident: whether it reaches the gravity of an armed attack, as {short} Art. {art} requires, is a judgment (ICJ, Nicaragua, 27 Jun 1986, ¶191: the most grave forms of the use of force are distinguished from less grave ones)"),
                Truth::Unknown,
                vec![],
            ));
        }
        if c.means == Means::Cyber {
            let holds = self.means_truth();
            out.push(match self.cyber_stance() {
                Some(stance) => Proof::fact(
                    match stance.value {
                        CyberStance::CaseByCase => text!("the attack is a cyber operation: whether it triggers {short} Art. {art} is decided case by case"),
                        CyberStance::Covered => text!("the attack is a cyber operation, which {short} Art. {art} covers by the organisation's stated position"),
                        CyberStance::NotCovered => text!("the attack is a cyber operation, which {short} Art. {art} does not cover by the organisation's stated position"),
                    },
                    holds,
                    &stance.source,
                ),
                None => Proof::rule(
                    text!("the attack is a cyber operation, and no stated position says whether one can trigger {short} Art. {art} on {}", self.date()),
                    holds,
                    vec![],
                ),
            });
        }
        out
    }
}
