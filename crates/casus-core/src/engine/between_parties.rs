//! Premise 5, third part: an attack by one party on another. The obligor is
//! never bound to act against its own attack (see `attacker`); whether the
//! *other* parties owe help to the attacked party when the attacker is
//! itself a party depends on each treaty's text, recorded per provision as
//! `between_parties` with the clause quoted:
//!
//! - `covered`: the trigger reaches an attack by a party. The Rio Treaty
//!   covers "an armed attack by any State" (Art. 3(1)) and gives conflicts
//!   between American states their own procedure (Art. 7: the parties,
//!   meeting in consultation, call on the contending states to suspend
//!   hostilities and take the measures needed; practice: the Organ of
//!   Consultation invoked Art. 7 in the El Salvador–Honduras war of
//!   Jul 1969);
//! - `excluded`: the trigger covers only attacks from outside (`No`);
//! - `unsettled`: the text is silent and practice does not settle it
//!   (`Unknown`). A provision with no reading recorded is `unsettled`.

use super::judge::Ctx;
use super::Proof;
use crate::model::*;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    fn between_parties_reading(&self) -> BetweenParties {
        self.provision
            .between_parties
            .as_ref()
            .map_or(BetweenParties::Unsettled, |r| r.value)
    }

    /// Attackers that are themselves parties to the treaty.
    pub(super) fn party_attackers(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.scenario
            .attackers
            .iter()
            .filter(|a| self.members.of(a) == Truth::Yes)
            .map(String::as_str)
    }

    /// With an attacker that is a party: does the trigger reach its attack?
    pub(super) fn between_parties_truth(&self) -> Truth {
        match self.between_parties_reading() {
            BetweenParties::Covered => Truth::Yes,
            BetweenParties::Excluded => Truth::No,
            BetweenParties::Unsettled => Truth::Unknown,
        }
    }

    /// The premise as a proof (only when an attacker is a party).
    pub(super) fn between_parties(&self) -> Option<Proof> {
        let party_attackers: Vec<&str> = self.party_attackers().collect();
        if party_attackers.is_empty() {
            return None;
        }
        let who = party_attackers
            .iter()
            .map(|a| self.name(a))
            .collect::<Vec<_>>()
            .join(", ");
        let short = &self.treaty.short_name;
        let art = &self.provision.article;
        let holds = self.between_parties_truth();
        let statement = match self.between_parties_reading() {
            BetweenParties::Covered => text!(
                "the attacker ({who}) is itself a party to {short}, and Art. {art} covers an attack by a party"
            ),
            BetweenParties::Excluded => text!(
                "the attacker ({who}) is itself a party to {short}, and Art. {art} covers only attacks from outside the treaty"
            ),
            BetweenParties::Unsettled => text!(
                "the attacker ({who}) is itself a party to {short}: whether an attack by one party on another triggers the others' obligation is unsettled"
            ),
        };
        let premises = match &self.provision.between_parties {
            Some(r) => vec![Proof::fact(
                text!("what Art. {art} says of an attack by a party"),
                Truth::Yes,
                &r.source,
            )
            .shared()],
            None => Vec::new(),
        };
        Some(Proof::rule(statement, holds, premises))
    }
}
