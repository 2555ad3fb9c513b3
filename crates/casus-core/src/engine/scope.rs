//! Premise 7: the attack falls within the provision's scope — any scope
//! rule valid on the date matches. Each rule quotes its article as source
//! (NATO Art. 6, Rio Art. 4, US–Japan Art. V, …). `party_territory` tests
//! the de jure sovereign; where only the controller is the party it is
//! `Unknown` (de jure and de facto disagree). `administered_by` tests the
//! controller; `forces_in` applies to attacks on forces, vessels and
//! aircraft only.

use super::judge::Ctx;
use super::{Proof, Target};
use crate::model::*;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    /// Premise 7: does the attack fall within the provision's scope (any
    /// rule valid on the date matches)?
    pub(super) fn scope_truth(&self, beneficiary: &str) -> Truth {
        if self.provision.scope.is_empty() {
            return Truth::Yes;
        }
        self.provision
            .scope
            .iter()
            .filter_map(|r| self.scope_rule_truth(r, beneficiary))
            .fold(Truth::No, Truth::or)
    }

    /// One scope rule's answer; `None` when the rule is not valid on the date.
    pub(super) fn scope_rule_truth(&self, rule: &ScopeRule, beneficiary: &str) -> Option<Truth> {
        let valid = rule.validity.contains(self.date());
        (valid != Truth::No).then(|| self.scope_kind_truth(&rule.rule, beneficiary).and(valid))
    }

    /// Does the attack match this kind of scope rule? `party_territory`
    /// tests the de jure sovereign; where only the controller is the party
    /// it is `Unknown`.
    pub(super) fn scope_kind_truth(&self, rule: &ScopeKind, beneficiary: &str) -> Truth {
        let s = self.status;
        match rule {
            ScopeKind::PartyTerritory { regions, parties } => {
                let in_parties = parties.is_empty() || parties.iter().any(|p| p == beneficiary);
                let in_regions =
                    regions.is_empty() || regions.iter().any(|r| s.regions.contains(r));
                if !in_parties || !in_regions {
                    return Truth::No;
                }
                match s.sovereign_is(beneficiary) {
                    Truth::Yes => Truth::Yes,
                    Truth::Unknown => Truth::Unknown,
                    Truth::No if s.controller_is(beneficiary) != Truth::No => Truth::Unknown,
                    Truth::No => Truth::No,
                }
            }
            ScopeKind::AdministeredBy { party } => {
                s.controller_is(party.as_deref().unwrap_or(beneficiary))
            }
            ScopeKind::Territory { territory } => {
                Truth::from_bool(s.ancestry.iter().any(|t| t == territory))
            }
            ScopeKind::ForcesIn { regions } => Truth::from_bool(
                self.scenario.target == Target::Forces
                    && regions.iter().any(|r| s.regions.contains(r)),
            ),
            ScopeKind::Anywhere => Truth::Yes,
        }
    }

    /// Does the attack fall within the provision's scope?
    pub(super) fn scope(&self, beneficiary: &str) -> Proof {
        let rules: Vec<Proof> = self
            .provision
            .scope
            .iter()
            .filter_map(|r| self.scope_rule(r, beneficiary))
            .collect();
        if self.provision.scope.is_empty() {
            return Proof::rule(
                "the provision states no geographic limit".to_string(),
                Truth::Yes,
                vec![],
            );
        }
        let holds = self.scope_truth(beneficiary);
        let place = self.place_phrase();
        let statement = match holds {
            Truth::Yes => {
                let why = rules
                    .iter()
                    .find(|r| r.holds == Truth::Yes)
                    .map(|r| r.statement.clone())
                    .unwrap_or_default();
                format!(
                    "the attack falls within the scope of Art. {}: {why}",
                    self.provision.article
                )
            }
            Truth::No => format!(
                "the attack is outside the scope of Art. {}: {place}{}",
                self.provision.article,
                rules
                    .iter()
                    .map(|r| r.statement.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Truth::Unknown => format!(
                "whether the attack falls within the scope of Art. {} is uncertain: {}",
                self.provision.article,
                rules
                    .iter()
                    .filter(|r| r.holds == Truth::Unknown)
                    .map(|r| r.statement.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        };
        Proof::rule(statement, holds, rules)
    }

    /// "Stepanakert lies in Nagorno-Karabakh: " when a place was named.
    pub(super) fn place_phrase(&self) -> String {
        match &self.scenario.place.place_name {
            Some(p) => format!("{p} lies in {}; ", self.status.name),
            None => String::new(),
        }
    }

    pub(super) fn scope_rule(&self, rule: &ScopeRule, beneficiary: &str) -> Option<Proof> {
        let valid = rule.validity.contains(self.date());
        if valid == Truth::No {
            return None;
        }
        let s = self.status;
        let b = self.name(beneficiary);
        let short = &self.treaty.short_name;
        let leaves = |holders: &[crate::query::Holder], role: &str| -> Vec<Proof> {
            holders
                .iter()
                .map(|h| {
                    Proof::fact(
                        format!(
                            "{role} of {} {}: {}",
                            self.kb
                                .territory(&h.from_territory)
                                .map(|t| t.name.as_str())
                                .unwrap_or(&h.from_territory),
                            h.interval,
                            h.name
                        ),
                        h.holds,
                        &h.source,
                    )
                })
                .collect()
        };
        let mut proof = match &rule.rule {
            ScopeKind::PartyTerritory { regions, parties } => {
                let sov = s.sovereign_is(beneficiary);
                let ctl = s.controller_is(beneficiary);
                let mut premises = leaves(&s.sovereign, "sovereign");
                if !s.controller_assumed {
                    premises.extend(leaves(&s.controller, "controller"));
                }
                let in_parties = parties.is_empty() || parties.iter().any(|p| p == beneficiary);
                let in_regions =
                    regions.is_empty() || regions.iter().any(|r| s.regions.contains(r));
                let region_names: Vec<&str> = regions
                    .iter()
                    .map(|r| self.kb.region(r).map(|x| x.name.as_str()).unwrap_or(r))
                    .collect();
                let holds;
                let statement;
                if !in_parties {
                    holds = Truth::No;
                    statement = format!(
                        "this rule covers only the territory of {}",
                        parties
                            .iter()
                            .map(|p| self.name(p))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                } else if sov == Truth::Yes {
                    if in_regions {
                        holds = Truth::Yes;
                        let here = self.scenario.place.place_name.as_deref().unwrap_or(&s.name);
                        statement = if regions.is_empty() {
                            format!("{here} is de jure territory of {b}")
                        } else {
                            format!(
                                "{here} is de jure territory of {b} in {}",
                                region_names.join(" or ")
                            )
                        };
                    } else {
                        holds = Truth::No;
                        statement = format!(
                            "{} is territory of {b} but not in {}",
                            s.name,
                            region_names.join(" or ")
                        );
                    }
                } else if sov == Truth::Unknown {
                    holds = if in_regions {
                        Truth::Unknown
                    } else {
                        Truth::No
                    };
                    statement = format!(
                        "whether {} is de jure territory of {b} on {} is uncertain",
                        s.name,
                        self.date()
                    );
                } else if ctl != Truth::No && in_regions {
                    holds = Truth::Unknown;
                    let sov_name = s
                        .main_sovereign()
                        .map(|h| h.name.as_str())
                        .unwrap_or("no recognised state");
                    statement = format!(
                        "{} is held by {b} on the ground but is de jure territory of {sov_name}: de jure and de facto disagree",
                        s.name
                    );
                } else {
                    holds = Truth::No;
                    let sov = s
                        .main_sovereign()
                        .map(|h| {
                            format!(
                                "de jure territory of {} ({} to {short})",
                                h.name,
                                self.party_note(&h.polity)
                            )
                        })
                        .unwrap_or_else(|| "not the territory of any recognised state".into());
                    let ctl = s
                        .main_controller()
                        .map(|h| {
                            format!("controlled by {} ({})", h.name, self.party_note(&h.polity))
                        })
                        .unwrap_or_else(|| "with no recorded controller".into());
                    statement = format!("{} is {sov} and {ctl}, not territory of {b}", s.name);
                }
                Proof::rule(statement, holds, premises)
            }
            ScopeKind::AdministeredBy { party } => {
                let admin = party.as_deref().unwrap_or(beneficiary);
                let holds = s.controller_is(admin);
                let statement = match holds {
                    Truth::Yes => format!(
                        "{} is under the administration of {}",
                        s.name,
                        self.name(admin)
                    ),
                    Truth::No => format!(
                        "{} is not under the administration of {} ({})",
                        s.name,
                        self.name(admin),
                        s.main_controller()
                            .map(|h| format!("controlled by {}", h.name))
                            .unwrap_or_else(|| "no recorded controller".into())
                    ),
                    Truth::Unknown => format!(
                        "whether {} is under the administration of {} is uncertain",
                        s.name,
                        self.name(admin)
                    ),
                };
                let role = if s.controller_assumed {
                    "sovereign (no separate control record, so assumed to administer it)"
                } else {
                    "controller"
                };
                Proof::rule(statement, holds, leaves(&s.controller, role))
            }
            ScopeKind::Territory { territory } => {
                let holds = Truth::from_bool(s.ancestry.iter().any(|t| t == territory));
                let tname = self
                    .kb
                    .territory(territory)
                    .map(|t| t.name.as_str())
                    .unwrap_or(territory);
                let statement = if holds == Truth::Yes {
                    format!("{} lies in {tname}, named in the scope", s.name)
                } else {
                    format!("{} is not {tname}", s.name)
                };
                Proof::rule(statement, holds, vec![])
            }
            ScopeKind::ForcesIn { regions } => {
                let names: Vec<&str> = regions
                    .iter()
                    .map(|r| self.kb.region(r).map(|x| x.name.as_str()).unwrap_or(r))
                    .collect();
                if self.scenario.target != Target::Forces {
                    Proof::rule(
                        format!("the rule on forces, vessels and aircraft in {} does not apply: the attack is on territory", names.join(", ")),
                        Truth::No,
                        vec![],
                    )
                } else {
                    let hit = regions.iter().any(|r| s.regions.contains(r));
                    Proof::rule(
                        if hit {
                            format!("forces of {b} attacked in {}", names.join(" or "))
                        } else {
                            format!("forces of {b} attacked outside {}", names.join(", "))
                        },
                        Truth::from_bool(hit),
                        vec![],
                    )
                }
            }
            ScopeKind::Anywhere => Proof::rule(
                format!("the provision covers an attack on {b} anywhere"),
                Truth::Yes,
                vec![],
            ),
        };
        proof.premises.push(Proof::fact(
            format!(
                "scope rule of Art. {}{}",
                self.provision.article,
                rule.note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ),
            valid,
            &rule.source,
        ));
        proof.holds = self.scope_kind_truth(&rule.rule, beneficiary).and(valid);
        Some(proof)
    }
}
