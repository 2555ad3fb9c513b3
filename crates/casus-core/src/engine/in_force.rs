//! Premise 1: the treaty is in force on the date, and the text of the
//! provision that applies on that date is the one judged. Entry into force
//! and termination come from the treaty file (depositary records); a date
//! known only to the year or month gives `Unknown` inside its span.

use super::judge::Ctx;
use super::Proof;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    /// Premise 1: the treaty is in force and this text applies.
    pub(super) fn in_force_truth(&self) -> Truth {
        self.treaty
            .in_force
            .interval
            .contains(self.date())
            .and(self.provision.validity.contains(self.date()))
    }

    pub(super) fn in_force(&self) -> Proof {
        let t = self.treaty;
        // The treaty's own fact, shared by its provisions.
        let treaty_fact = self.treaty_in_force.get_or_init(|| {
            Proof::fact(
                text!("{} is in force {}", t.name, t.in_force.interval),
                t.in_force.interval.contains(self.date()),
                &t.in_force.source,
            )
            .shared()
        });
        let mut premises = vec![treaty_fact.clone()];
        let validity = self.provision.validity.contains(self.date());
        if self.provision.validity != crate::time::Interval::always() {
            premises.push(
                Proof::fact(
                    text!(
                        "this text of Art. {} applies {}",
                        self.provision.article,
                        self.provision.validity
                    ),
                    validity,
                    &self.provision.source,
                )
                .shared(),
            );
        }
        let both = self.in_force_truth();
        let statement = match both {
            Truth::Yes => text!("{} and Art. {} are in force on {}", t.short_name, self.provision.article, self.date()),
            Truth::No => text!("{} (Art. {}) is not in force on {}", t.short_name, self.provision.article, self.date()),
            Truth::Unknown => text!(
                "whether {} (Art. {}) is in force on {} is uncertain ({}; the date of entry into force is imprecise)",
                t.short_name,
                self.provision.article,
                self.date(),
                t.in_force.interval
            ),
        };
        Proof::rule(statement, both, premises)
    }
}
