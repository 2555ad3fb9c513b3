//! Premise 5: the obligor is not itself an attacker (no party owes help
//! against its own attack: `No`). One exception: a consultation clause
//! whose text covers an attack by a party (`between_parties = covered`, e.g.
//! Budapest Memorandum para. 6, NATO Art. 4) binds every party to consult,
//! the attacker included. When an attacker is itself a party, what the
//! others owe follows the treaty's own text (see `between_parties`).

use super::judge::Ctx;
use super::Proof;
use crate::model::ObligationKind;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    pub(super) fn is_attacker(&self, polity: &str) -> bool {
        self.scenario.attackers.iter().any(|a| a == polity)
    }

    /// Premise 5: the obligor is not an attacker (`No`); with an attacker
    /// that is itself a party, the treaty's reading of attacks between
    /// parties decides.
    pub(super) fn attackers_truth(&self, obligor: &str) -> Truth {
        if self.is_attacker(obligor) {
            if self.attacker_must_consult() {
                Truth::Yes
            } else {
                Truth::No
            }
        } else if self.attacker_is_party {
            self.between_parties_truth()
        } else {
            Truth::Yes
        }
    }

    /// A consultation clause that covers attacks by a party binds the
    /// attacking party to consult too.
    fn attacker_must_consult(&self) -> bool {
        self.provision.kind == ObligationKind::Consultation
            && self.between_parties_truth() == Truth::Yes
    }

    pub(super) fn attackers_check(&self, obligor: &str) -> Vec<Proof> {
        if self.is_attacker(obligor) && self.attacker_must_consult() {
            return vec![Proof::rule(
                format!(
                    "{} is itself one of the attackers, and {} Art. {} binds every party to consult, the attacker included",
                    self.name(obligor),
                    self.treaty.short_name,
                    self.provision.article
                ),
                Truth::Yes,
                vec![],
            )];
        }
        if self.is_attacker(obligor) {
            return vec![Proof::rule(
                format!("{} is itself one of the attackers", self.name(obligor)),
                Truth::No,
                vec![],
            )];
        }
        self.between_parties().into_iter().collect()
    }
}
