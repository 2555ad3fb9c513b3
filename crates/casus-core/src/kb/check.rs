//! Cross-file validation of a knowledge base: references resolve (with "did
//! you mean"), intervals of one kind do not overlap, facts about a polity lie
//! within its existence, and similar invariants the engine relies on.

use std::collections::HashSet;

use super::convert::{PendingRef, RefKind};
use super::KnowledgeBase;
use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::names::suggest_from;
use crate::time::{Interval, Truth};

/// Where each entity's `id` is written, parallel to the entity vectors.
#[derive(Debug, Default)]
pub struct EntityLocs {
    pub polities: Vec<Loc>,
    pub territories: Vec<Loc>,
    pub regions: Vec<Loc>,
    pub places: Vec<Loc>,
    pub claims: Vec<Loc>,
    pub treaties: Vec<Loc>,
}

pub fn check(
    kb: &KnowledgeBase,
    refs: &[PendingRef],
    locs: &EntityLocs,
    out: &mut Vec<Diagnostic>,
) {
    check_refs(kb, refs, out);
    check_polity_names(kb, locs, out);
    check_places_and_claims(kb, locs, out);
    for t in &kb.territories {
        check_territory(kb, t, out);
    }
    check_parent_cycles(kb, locs, out);
    for t in &kb.treaties {
        check_treaty(kb, t, out);
    }
    for p in &kb.polities {
        for r in &p.recognised_by {
            within_existence(kb, &r.value, &r.interval, &r.source.loc, "recognition", out);
        }
        for s in &p.system_membership {
            within_existence(
                kb,
                &p.id,
                &s.interval,
                &s.source.loc,
                "system membership",
                out,
            );
        }
        check_relations(kb, p, out);
        crate::state_system::check(p, out);
    }
}

/// Issue 8: relations belong to armed groups, name states, and fall within
/// both parties' existence.
fn check_relations(kb: &KnowledgeBase, p: &Polity, out: &mut Vec<Diagnostic>) {
    for r in &p.relations {
        let at = &r.source.loc;
        if p.kind != PolityKind::ArmedGroup {
            out.push(Diagnostic::error(
                "bad-relation",
                at.clone(),
                format!(
                    "{} is a {}: only armed groups have host, sponsor or control relations",
                    p.id,
                    p.kind.label()
                ),
            ));
        }
        if kb
            .polity(&r.value.state)
            .is_some_and(|s| matches!(s.kind, PolityKind::ArmedGroup | PolityKind::Unknown))
        {
            out.push(Diagnostic::error(
                "bad-relation",
                at.clone(),
                format!("{} is not a state: a relation names a state", r.value.state),
            ));
        }
        let what = r.value.kind.label();
        within_existence(kb, &p.id, &r.interval, at, what, out);
        within_existence(kb, &r.value.state, &r.interval, at, what, out);
    }
}

fn check_refs(kb: &KnowledgeBase, refs: &[PendingRef], out: &mut Vec<Diagnostic>) {
    for r in refs {
        if kb.index_of(r.kind, &r.id).is_some() {
            continue;
        }
        let ids: Vec<&str> = match r.kind {
            RefKind::Polity => kb.polities.iter().map(|p| p.id.as_str()).collect(),
            RefKind::Territory => kb.territories.iter().map(|p| p.id.as_str()).collect(),
            RefKind::Region => kb.regions.iter().map(|p| p.id.as_str()).collect(),
            RefKind::Treaty => kb.treaties.iter().map(|p| p.id.as_str()).collect(),
        };
        let folded: Vec<(String, &str)> = ids.iter().map(|i| (crate::names::fold(i), *i)).collect();
        let suggestions = suggest_from(&r.id, folded.iter().map(|(f, d)| (f.as_str(), *d)));
        let mut d = Diagnostic::error(
            "unknown-id",
            r.loc.clone(),
            format!("unknown {} {:?}", r.kind.label(), r.id),
        );
        if let Some(best) = suggestions.first() {
            d = d.with_help(format!("did you mean {best:?}?"));
        }
        out.push(d);
    }
}

/// Two polities with one name, or an alias that is another polity's name,
/// would make every query by that name ambiguous.
fn check_polity_names(kb: &KnowledgeBase, locs: &EntityLocs, out: &mut Vec<Diagnostic>) {
    let mut by_name: std::collections::HashMap<String, usize> = Default::default();
    for (i, p) in kb.polities.iter().enumerate() {
        let key = crate::names::fold(&p.name);
        if key.is_empty() {
            continue;
        }
        if let Some(&first) = by_name.get(&key) {
            let other = &kb.polities[first];
            out.push(
                Diagnostic::error(
                    "duplicate-name",
                    locs.polities[i].clone(),
                    format!(
                        "polity {:?} has the name {:?}, like polity {:?} ({}); a query by that name would be ambiguous",
                        p.id, p.name, other.id, locs.polities[first]
                    ),
                )
                .with_help("give one of them a distinct name (keep the shared form as an alias of neither)"),
            );
        } else {
            by_name.insert(key, i);
        }
    }
    for (i, p) in kb.polities.iter().enumerate() {
        for alias in &p.aliases {
            let Some(&j) = by_name.get(&crate::names::fold(alias)) else {
                continue;
            };
            if j != i {
                let other = &kb.polities[j];
                out.push(Diagnostic::error(
                    "alias-collision",
                    locs.polities[i].clone(),
                    format!(
                        "alias {alias:?} of polity {:?} is the name of polity {:?} ({}); a query by that name would be ambiguous",
                        p.id, other.id, locs.polities[j]
                    ),
                ));
            }
        }
    }
}

fn check_places_and_claims(kb: &KnowledgeBase, locs: &EntityLocs, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    for (i, p) in kb.places.iter().enumerate() {
        if !seen.insert(p.id.as_str()) {
            out.push(Diagnostic::error(
                "duplicate-id",
                locs.places[i].clone(),
                format!("place id {:?} is defined more than once", p.id),
            ));
        }
    }
    let mut seen = HashSet::new();
    for (i, c) in kb.claims.iter().enumerate() {
        if !seen.insert(c.id.as_str()) {
            out.push(Diagnostic::error(
                "duplicate-id",
                locs.claims[i].clone(),
                format!("claim id {:?} is defined more than once", c.id),
            ));
        }
        if let (Some(t), Some(p)) = (kb.treaty(&c.treaty), &c.provision) {
            if !t.provisions.iter().any(|x| &x.id == p) {
                let ids: Vec<(String, &str)> = t
                    .provisions
                    .iter()
                    .map(|x| (crate::names::fold(&x.id), x.id.as_str()))
                    .collect();
                let mut d = Diagnostic::error(
                    "unknown-id",
                    locs.claims[i].clone(),
                    format!(
                        "claim {:?} names provision {p:?}, which treaty {:?} does not have",
                        c.id, t.id
                    ),
                );
                if let Some(best) =
                    suggest_from(p, ids.iter().map(|(f, d)| (f.as_str(), *d))).first()
                {
                    d = d.with_help(format!("did you mean {best:?}?"));
                }
                out.push(d);
            }
        }
    }
}

/// A fact about `polity` over `interval` must lie within one of its
/// existence spells.
fn within_existence(
    kb: &KnowledgeBase,
    polity: &str,
    interval: &Interval,
    at: &Loc,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Some(p) = kb.polity(polity) else { return };
    if p.existence.is_empty() {
        return;
    }
    let best = p
        .existence
        .iter()
        .map(|e| interval.within(&e.interval))
        .max()
        .unwrap_or(Truth::No);
    if best == Truth::No {
        let spells: Vec<String> = p.existence.iter().map(|e| e.interval.to_string()).collect();
        out.push(Diagnostic::error(
            "outside-existence",
            at.clone(),
            format!(
                "{what} of {polity} ({interval}) falls outside the existence of {} ({})",
                p.name,
                spells.join("; ")
            ),
        ));
    }
}

fn no_overlap<T>(items: &[(&str, &Dated<T>)], what: &str, out: &mut Vec<Diagnostic>) {
    for (i, (_, a)) in items.iter().enumerate() {
        for (_, b) in &items[i + 1..] {
            if a.interval.overlaps(&b.interval) {
                out.push(Diagnostic::error(
                    "overlap",
                    b.source.loc.clone(),
                    format!(
                        "{what} ({}) overlaps another one ({}) written at line {}",
                        b.interval, a.interval, a.source.loc.line
                    ),
                ));
            }
        }
    }
}

fn check_territory(kb: &KnowledgeBase, t: &Territory, out: &mut Vec<Diagnostic>) {
    for (spells, what) in [
        (&t.sovereign, "sovereign spell"),
        (&t.controller, "controller spell"),
    ] {
        let items: Vec<(&str, &Dated<String>)> = spells.iter().map(|s| ("", s)).collect();
        no_overlap(&items, &format!("{what} of {}", t.id), out);
        for s in spells.iter() {
            within_existence(kb, &s.value, &s.interval, &s.source.loc, what, out);
        }
    }
    for s in &t.claimants {
        within_existence(kb, &s.value, &s.interval, &s.source.loc, "claim", out);
    }
    // --- history: non-recognition spells, dated membership in another territory
    for s in &t.not_recognised_by {
        within_existence(
            kb,
            &s.value,
            &s.interval,
            &s.source.loc,
            "non-recognition",
            out,
        );
    }
    let part_of: Vec<(&str, &Dated<String>)> = t.part_of.iter().map(|s| ("", s)).collect();
    no_overlap(&part_of, &format!("part_of spell of {}", t.id), out);
    for s in t.part_of.iter().filter(|s| s.value == t.id) {
        out.push(Diagnostic::error(
            "parent-cycle",
            s.source.loc.clone(),
            format!("territory {:?} is part_of itself", t.id),
        ));
    }
}

fn check_parent_cycles(kb: &KnowledgeBase, locs: &EntityLocs, out: &mut Vec<Diagnostic>) {
    for (i, t) in kb.territories.iter().enumerate() {
        let chain = kb.ancestry(i);
        let last = *chain.last().unwrap_or(&i);
        let cycles = kb.territories[last]
            .parent
            .as_ref()
            .and_then(|p| kb.index_of(RefKind::Territory, p))
            .is_some();
        if cycles {
            out.push(Diagnostic::error(
                "parent-cycle",
                locs.territories[i].clone(),
                format!("territory {:?} is its own ancestor", t.id),
            ));
        }
    }
}

/// Do two intervals certainly share no day (even at their imprecise edges)?
fn wholly_apart(a: &Interval, b: &Interval) -> bool {
    let ends_before = |x: &Interval, y: &Interval| match (x.to, y.from) {
        (Some(end), Some(start)) => end.latest() < start.earliest(),
        _ => false,
    };
    ends_before(a, b) || ends_before(b, a)
}

fn check_treaty(kb: &KnowledgeBase, t: &Treaty, out: &mut Vec<Diagnostic>) {
    let mut polities: Vec<&str> = t.parties.iter().map(|p| p.polity.as_str()).collect();
    polities.sort();
    polities.dedup();
    for polity in &polities {
        let spells: Vec<(&str, &Dated<()>)> = t
            .parties
            .iter()
            .filter(|p| p.polity == *polity)
            .map(|p| (p.polity.as_str(), &p.membership))
            .collect();
        no_overlap(&spells, &format!("membership of {polity} in {}", t.id), out);
    }
    for p in &t.parties {
        within_existence(
            kb,
            &p.polity,
            &p.membership.interval,
            &p.membership.source.loc,
            "membership",
            out,
        );
        if wholly_apart(&p.membership.interval, &t.in_force.interval) {
            out.push(Diagnostic::error(
                "membership-outside-treaty",
                p.membership.source.loc.clone(),
                format!(
                    "membership of {} ({}) lies wholly outside the treaty's time in force ({})",
                    p.polity, p.membership.interval, t.in_force.interval
                ),
            ));
        } else if p.membership.interval.within(&t.in_force.interval) == Truth::No {
            out.push(Diagnostic::warning(
                "outside-treaty",
                p.membership.source.loc.clone(),
                format!(
                    "membership of {} ({}) extends beyond the treaty's time in force ({})",
                    p.polity, p.membership.interval, t.in_force.interval
                ),
            ));
        }
    }
    for s in &t.statuses {
        let in_membership = t
            .parties
            .iter()
            .filter(|p| p.polity == s.polity)
            .any(|p| p.membership.interval.overlaps(&s.status.interval));
        if !in_membership {
            out.push(Diagnostic::error(
                "status-without-membership",
                s.status.source.loc.clone(),
                format!(
                    "{} status of {} ({}) is not within any of its memberships of {}",
                    s.status.value.label(),
                    s.polity,
                    s.status.interval,
                    t.id
                ),
            ));
        }
    }
    let mut seen = HashSet::new();
    for p in &t.provisions {
        if !seen.insert(p.id.as_str()) {
            out.push(Diagnostic::error(
                "duplicate-id",
                p.source.loc.clone(),
                format!("provision id {:?} appears twice in treaty {:?}", p.id, t.id),
            ));
        }
        if let Owed::Directed {
            obligors,
            beneficiaries,
        } = &p.owed
        {
            for id in obligors.iter().chain(beneficiaries) {
                if kb.polity(id).is_some() && !t.parties.iter().any(|x| &x.polity == id) {
                    out.push(Diagnostic::error(
                        "not-a-party",
                        p.source.loc.clone(),
                        format!(
                            "provision {:?} names {id}, which is not a party to {:?}",
                            p.id, t.id
                        ),
                    ));
                }
            }
        }
        // A reservation qualifies the obligation of the party that made it.
        for c in &p.conditions {
            if let ConditionKind::Reservation { party, .. } = &c.condition {
                if kb.polity(party).is_some() && !t.parties.iter().any(|x| &x.polity == party) {
                    out.push(Diagnostic::error(
                        "not-a-party",
                        c.source.loc.clone(),
                        format!(
                            "a reservation on provision {:?} is made by {party}, which is not a party to {:?}",
                            p.id, t.id
                        ),
                    ));
                }
            }
        }
    }
}
