//! Premises 3 and 4: no frozen or suspended participation of either party
//! (`Unknown` if one may hold: whether the obligation still binds is then
//! uncertain), and no suspension of the obligation between the two (the
//! United States' suspension of its ANZUS obligations toward New Zealand,
//! 1986). Each status and suspension is cited in the treaty file.

use super::judge::Ctx;
use super::Proof;
use crate::model::*;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    /// Frozen or suspended participation that may hold on the date.
    pub(super) fn binding_statuses<'s>(
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
    pub(super) fn participation_truth(&self, polity: &str) -> Truth {
        if self.binding_statuses(polity).next().is_some() {
            Truth::Unknown
        } else {
            Truth::Yes
        }
    }

    pub(super) fn participation(&self, polity: &str) -> Vec<Proof> {
        self.binding_statuses(polity)
            .map(|s| {
                let mut statement = text!(
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
    pub(super) fn active_dyads<'s>(
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
    pub(super) fn dyad_truth(&self, obligor: &str, beneficiary: &str) -> Truth {
        self.active_dyads(obligor, beneficiary)
            .fold(Truth::Yes, |acc, (_, t)| acc.and(t))
    }

    pub(super) fn dyad(&self, obligor: &str, beneficiary: &str) -> Vec<Proof> {
        self.active_dyads(obligor, beneficiary)
            .map(|(d, holds)| {
                Proof::fact(
                    text!(
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
}
