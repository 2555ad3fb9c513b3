//! Premise 5d: the obligation survives the reservations, understandings and
//! declarations its obligor attached to the provision (the US understanding
//! on SEATO Art. IV(1): communist aggression only, else consultation under
//! Art. IV(2)). The rule and its effects are in `crate::reservations`.

use super::judge::Ctx;
use super::Proof;
use crate::reservations;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    pub(super) fn reservations_truth(&self, obligor: &str) -> Truth {
        reservations::truth(self.provision, obligor, &self.scenario.attackers)
    }

    pub(super) fn reservations(&self, obligor: &str) -> Vec<Proof> {
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
}
