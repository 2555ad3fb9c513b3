//! Premise 7: the attack falls within the provision's scope — any scope
//! rule valid on the date matches. Each rule quotes its article as source
//! (NATO Art. 6, Rio Art. 4, US–Japan Art. V, …). `party_territory` tests
//! the de jure sovereign; where only the controller is the party it is
//! `Unknown` (de jure and de facto disagree). `administered_by` tests the
//! controller; `forces_in` applies to attacks on forces, vessels and
//! aircraft only. The clause-specific tests (named territories with parts
//! left out, metropolitan territory, forces on any party's territory) are in
//! `crate::scope_rules`; docs/geography.md lists every clause.

use std::sync::Arc;

use super::judge::Ctx;
use super::{Proof, Target};
use crate::model::*;
use crate::scope_rules;
use crate::time::Truth;

impl<'a> Ctx<'a> {
    fn territory_name<'b>(&'b self, id: &'b str) -> &'b str {
        self.kb.territory(id).map(|t| t.name.as_str()).unwrap_or(id)
    }

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
            ScopeKind::PartyTerritory {
                regions,
                parties,
                metropolitan,
            } => {
                let in_parties = parties.is_empty() || parties.iter().any(|p| p == beneficiary);
                let in_regions =
                    regions.is_empty() || regions.iter().any(|r| s.regions.contains(r));
                if !in_parties
                    || !in_regions
                    || (*metropolitan && !scope_rules::is_metropolitan(self.kb, s))
                {
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
            ScopeKind::Territory { territory, except } => {
                Truth::from_bool(scope_rules::in_named_territory(s, territory, except))
            }
            ScopeKind::ForcesIn {
                regions,
                territories,
            } => Truth::from_bool(scope_rules::forces_in(
                s,
                self.scenario.target == Target::Forces,
                regions,
                territories,
            )),
            ScopeKind::ForcesOnPartyTerritory { regions, parties } => {
                scope_rules::forces_on_party_territory(
                    s,
                    self.scenario.target == Target::Forces,
                    regions,
                    parties,
                    self.members.truths.iter().copied(),
                )
            }
            ScopeKind::Anywhere => Truth::Yes,
        }
    }

    /// Does the attack fall within the provision's scope?
    pub(super) fn scope(&self, beneficiary: &str) -> Proof {
        let rules: Vec<Arc<Proof>> = self
            .provision
            .scope
            .iter()
            .filter_map(|r| self.scope_rule(r, beneficiary).map(Proof::shared))
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
                text!(
                    "the attack falls within the scope of Art. {}: {why}",
                    self.provision.article
                )
            }
            Truth::No => text!(
                "the attack is outside the scope of Art. {}: {place}{}",
                self.provision.article,
                rules
                    .iter()
                    .map(|r| r.statement.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Truth::Unknown => text!(
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
            Some(p) => text!("{p} lies in {}; ", self.status.name),
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
        let leaves = |holders: &[crate::query::Holder], role: &str| -> Vec<Arc<Proof>> {
            holders
                .iter()
                .map(|h| {
                    Proof::fact(
                        text!(
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
                    .shared()
                })
                .collect()
        };
        let mut proof = match &rule.rule {
            ScopeKind::PartyTerritory {
                regions,
                parties,
                metropolitan,
            } => {
                let sov = s.sovereign_is(beneficiary);
                let not_metropolitan = *metropolitan && !scope_rules::is_metropolitan(self.kb, s);
                let ctl = s.controller_is(beneficiary);
                let [sovereign, controller] = self.holder_leaves.get_or_init(|| {
                    [
                        leaves(&s.sovereign, "sovereign"),
                        leaves(&s.controller, "controller"),
                    ]
                });
                let mut premises = sovereign.clone();
                if !s.controller_assumed {
                    premises.extend(controller.iter().cloned());
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
                if not_metropolitan {
                    holds = Truth::No;
                    statement = text!(
                        "{} is not metropolitan territory (an island group, overseas territory or sea), which this rule requires",
                        s.name
                    );
                } else if !in_parties {
                    holds = Truth::No;
                    statement = text!(
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
                        let kind = if *metropolitan {
                            "metropolitan territory"
                        } else {
                            "territory"
                        };
                        statement = if regions.is_empty() {
                            text!("{here} is de jure {kind} of {b}")
                        } else {
                            text!(
                                "{here} is de jure {kind} of {b} in {}",
                                region_names.join(" or ")
                            )
                        };
                    } else {
                        holds = Truth::No;
                        statement = text!(
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
                    statement = text!(
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
                    statement = text!(
                        "{} is held by {b} on the ground but is de jure territory of {sov_name}: de jure and de facto disagree",
                        s.name
                    );
                } else {
                    holds = Truth::No;
                    let sov = s
                        .main_sovereign()
                        .map(|h| {
                            text!(
                                "de jure territory of {} ({} to {short})",
                                h.name,
                                self.party_note(&h.polity)
                            )
                        })
                        .unwrap_or_else(|| "not the territory of any recognised state".into());
                    let ctl = s
                        .main_controller()
                        .map(|h| text!("controlled by {} ({})", h.name, self.party_note(&h.polity)))
                        .unwrap_or_else(|| "with no recorded controller".into());
                    statement = text!("{} is {sov} and {ctl}, not territory of {b}", s.name);
                }
                Proof::rule(statement, holds, premises)
            }
            ScopeKind::AdministeredBy { party } => {
                let admin = party.as_deref().unwrap_or(beneficiary);
                let holds = s.controller_is(admin);
                let statement = match holds {
                    Truth::Yes => text!(
                        "{} is under the administration of {}",
                        s.name,
                        self.name(admin)
                    ),
                    Truth::No => text!(
                        "{} is not under the administration of {} ({})",
                        s.name,
                        self.name(admin),
                        s.main_controller()
                            .map(|h| text!("controlled by {}", h.name))
                            .unwrap_or_else(|| "no recorded controller".into())
                    ),
                    Truth::Unknown => text!(
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
            ScopeKind::Territory { territory, except } => {
                let holds = Truth::from_bool(scope_rules::in_named_territory(s, territory, except));
                let tname = self.territory_name(territory);
                let statement = if holds == Truth::Yes {
                    text!("{} lies in {tname}, named in the scope", s.name)
                } else if let Some(part) = scope_rules::excluded_part(s, except) {
                    let part = self.territory_name(part);
                    if part == s.name {
                        text!("{part}, which the clause does not name, is not {tname} as the text means it")
                    } else {
                        text!(
                            "{} lies in {part}, which the clause does not name: it is not {tname} as the text means it",
                            s.name
                        )
                    }
                } else {
                    text!("{} is not {tname}", s.name)
                };
                Proof::rule(statement, holds, vec![])
            }
            ScopeKind::ForcesIn {
                regions,
                territories,
            } => {
                let mut names: Vec<&str> = regions
                    .iter()
                    .map(|r| self.kb.region(r).map(|x| x.name.as_str()).unwrap_or(r))
                    .collect();
                names.extend(territories.iter().map(|t| self.territory_name(t)));
                if self.scenario.target != Target::Forces {
                    Proof::rule(
                        text!("the rule on forces, vessels and aircraft in {} does not apply: the attack is on territory", names.join(", ")),
                        Truth::No,
                        vec![],
                    )
                } else {
                    let hit = scope_rules::forces_in(s, true, regions, territories);
                    Proof::rule(
                        if hit {
                            text!("forces of {b} attacked in {}", names.join(" or "))
                        } else {
                            text!("forces of {b} attacked outside {}", names.join(", "))
                        },
                        Truth::from_bool(hit),
                        vec![],
                    )
                }
            }
            ScopeKind::ForcesOnPartyTerritory { regions, parties } => {
                let mut whose = text!("any party to {short}");
                if !regions.is_empty() {
                    let names: Vec<&str> = regions
                        .iter()
                        .map(|r| self.kb.region(r).map(|x| x.name.as_str()).unwrap_or(r))
                        .collect();
                    whose.push_str(&text!(" in {}", names.join(" or ")));
                }
                if !parties.is_empty() {
                    whose = parties
                        .iter()
                        .map(|p| self.name(p))
                        .collect::<Vec<_>>()
                        .join(", ");
                }
                let holds = self.scope_kind_truth(&rule.rule, beneficiary);
                let statement = if self.scenario.target != Target::Forces {
                    text!("the rule on forces, vessels and aircraft on the territory of {whose} does not apply: the attack is on territory")
                } else {
                    let here = scope_rules::sovereign_name(s)
                        .map(|n| text!("{} (de jure territory of {n})", s.name))
                        .unwrap_or_else(|| text!("{} (no recorded sovereign)", s.name));
                    match holds {
                        Truth::Yes => text!("forces of {b} attacked in or over {here}, the territory of {whose}"),
                        Truth::No => text!("forces of {b} attacked in or over {here}, not the territory of {whose}"),
                        Truth::Unknown => text!("whether {here} is the territory of {whose} is uncertain"),
                    }
                };
                Proof::rule(statement, holds, leaves(&s.sovereign, "sovereign"))
            }
            ScopeKind::Anywhere => Proof::rule(
                text!("the provision covers an attack on {b} anywhere"),
                Truth::Yes,
                vec![],
            ),
        };
        proof.premises.push(Arc::new(Proof::fact(
            text!(
                "scope rule of Art. {}{}",
                self.provision.article,
                rule.note
                    .as_deref()
                    .map(|n| text!(" ({n})"))
                    .unwrap_or_default()
            ),
            valid,
            &rule.source,
        )));
        proof.holds = self.scope_kind_truth(&rule.rule, beneficiary).and(valid);
        Some(proof)
    }
}
