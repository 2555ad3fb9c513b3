//! Premise 6: the provision's adversary conditions match the attackers.
//! A condition names the states whose attack the provision covers (an
//! `adversary` condition in the treaty file, cited to the clause that
//! limits it); a restriction whose content the source does not give
//! (ATOP's `unnamed_restriction` flag) gives `Unknown`. The second part,
//! whether the trigger covers a non-state attacker, is in `non_state`.

use super::judge::Ctx;
use super::Proof;
use crate::model::*;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    /// Premise 6 for one condition: `None` when the condition is not about
    /// the adversary.
    pub(super) fn condition_truth(&self, c: &Condition) -> Option<Truth> {
        match &c.condition {
            ConditionKind::Adversary { polities } => Some(Truth::from_bool(
                self.scenario.attackers.iter().any(|a| polities.contains(a)),
            )),
            ConditionKind::UnnamedRestriction { .. } => Some(Truth::Unknown),
            _ => None,
        }
    }

    /// Premise 6: every adversary condition matches, and the trigger
    /// covers the attacker.
    pub(super) fn adversary_truth(&self) -> Truth {
        self.provision
            .conditions
            .iter()
            .filter_map(|c| self.condition_truth(c))
            .fold(Truth::Yes, Truth::and)
            .and(self.coverage_truth())
    }

    pub(super) fn adversary(&self) -> Vec<Proof> {
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
                        text!(
                            "the attacker is one of the named adversaries ({})",
                            names.join(", ")
                        )
                    } else {
                        text!("the provision only covers attacks by {}", names.join(", "))
                    };
                    Some(Proof::fact(statement, holds, &c.source))
                }
                ConditionKind::UnnamedRestriction { text } => Some(Proof::fact(
                    text!("the obligation is restricted ({text}) but the source does not say to what, so whether this attack is covered cannot be decided"),
                    holds,
                    &c.source,
                )),
                _ => None,
            }})
            .chain(self.coverage())
            .collect()
    }
}
