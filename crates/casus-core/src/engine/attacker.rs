//! Premise 5: the obligor is not itself an attacker (no party owes help
//! against its own attack: `No`). When an attacker is itself a party, what
//! the others owe follows the treaty's own text (see `between_parties`).

use std::sync::Arc;

use super::judge::Ctx;
use super::Proof;
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
            Truth::No
        } else if self.attacker_is_party {
            self.between_parties_truth()
        } else {
            Truth::Yes
        }
    }

    pub(super) fn attackers_check(&self, obligor: &str) -> Option<Arc<Proof>> {
        if self.is_attacker(obligor) {
            return Some(
                Proof::rule(
                    text!("{} is itself one of the attackers", self.name(obligor)),
                    Truth::No,
                    vec![],
                )
                .shared(),
            );
        }
        // The same for every obligor that is not an attacker: written once
        // per provision.
        self.between_parties_proof
            .get_or_init(|| self.between_parties().map(Proof::shared))
            .clone()
    }
}
