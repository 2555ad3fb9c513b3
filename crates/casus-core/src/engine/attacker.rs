//! Premise 5: the obligor is not itself an attacker (no party owes help
//! against its own attack). An attacker that is itself a party to the
//! treaty makes the verdict `Unknown`: most alliance texts do not say
//! whether an attack by one party on another triggers the others'
//! obligations.

use super::judge::Ctx;
use super::Proof;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    pub(super) fn is_attacker(&self, polity: &str) -> bool {
        self.scenario.attackers.iter().any(|a| a == polity)
    }

    /// Attackers that are themselves parties to the treaty.
    pub(super) fn party_attackers(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.scenario
            .attackers
            .iter()
            .filter(|a| self.members.of(a) == Truth::Yes)
            .map(String::as_str)
    }

    /// Premise 5: the obligor is not an attacker (`No`); an attacker that is
    /// itself a party makes it `Unknown`.
    pub(super) fn attackers_truth(&self, obligor: &str) -> Truth {
        if self.is_attacker(obligor) {
            Truth::No
        } else if self.attacker_is_party {
            Truth::Unknown
        } else {
            Truth::Yes
        }
    }

    pub(super) fn attackers_check(&self, obligor: &str) -> Vec<Proof> {
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
}
