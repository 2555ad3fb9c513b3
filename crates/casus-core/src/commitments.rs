//! Standing commitments on a date: which treaties are in force, and what a
//! polity owes and is owed under each (`casus commitments`, `casus treaties`).

use jiff::civil::Date;
use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::model::*;
use crate::query::{membership, statuses_on};
use crate::time::Truth;

/// A polity's relation to one treaty on a date.
#[derive(Debug, Clone, Serialize)]
pub struct Membership {
    pub treaty: String,
    pub treaty_name: String,
    pub kind: InstrumentKind,
    /// Yes: a party on the date; Unknown: an imprecise bound; No: a party at
    /// another time only.
    pub party: Truth,
    /// All of the polity's membership spells, for context.
    pub spells: Vec<String>,
    pub statuses: Vec<String>,
    pub obligations: Vec<Obligation>,
}

/// One provision as it binds the polity.
#[derive(Debug, Clone, Serialize)]
pub struct Obligation {
    pub provision: String,
    pub article: String,
    pub kind: ObligationKind,
    pub response: Response,
    /// Parties the polity owes this to.
    pub owes_to: Vec<String>,
    /// Parties that owe this to the polity.
    pub owed_by: Vec<String>,
    pub paraphrase: String,
}

/// Every treaty the polity has ever been party to, with what binds it on
/// `date`. Treaties are sorted: those it is party to first, then by id.
pub fn commitments(kb: &KnowledgeBase, polity: &str, date: Date) -> Vec<Membership> {
    let mut out = Vec::new();
    for t in &kb.treaties {
        if !t.parties.iter().any(|p| p.polity == polity) {
            continue;
        }
        let in_force = t.in_force.interval.contains(date);
        let (member, _) = membership(t, polity, date);
        let party = member.and(in_force);
        let spells = t
            .parties
            .iter()
            .filter(|p| p.polity == polity)
            .map(|p| p.membership.interval.to_string())
            .collect();
        let statuses = statuses_on(t, polity, date)
            .into_iter()
            .map(|(s, _)| format!("{} ({})", s.status.value.label(), s.status.interval))
            .collect();
        let mut others: Vec<&str> = t
            .parties
            .iter()
            .filter(|p| p.polity != polity && p.member_on(date) != Truth::No)
            .map(|p| p.polity.as_str())
            .collect();
        others.sort();
        others.dedup();
        let obligations = if party == Truth::No {
            Vec::new()
        } else {
            t.provisions
                .iter()
                .filter(|p| p.validity.contains(date) != Truth::No)
                .map(|p| {
                    let (owes_to, owed_by) = match &p.owed {
                        Owed::Mutual => (others.clone(), others.clone()),
                        Owed::Directed {
                            obligors,
                            beneficiaries,
                        } => {
                            let owes_to = if obligors.iter().any(|o| o == polity) {
                                others
                                    .iter()
                                    .copied()
                                    .filter(|o| beneficiaries.iter().any(|b| b == o))
                                    .collect()
                            } else {
                                Vec::new()
                            };
                            let owed_by = if beneficiaries.iter().any(|b| b == polity) {
                                others
                                    .iter()
                                    .copied()
                                    .filter(|o| obligors.iter().any(|b| b == o))
                                    .collect()
                            } else {
                                Vec::new()
                            };
                            (owes_to, owed_by)
                        }
                    };
                    // Dyads whose obligations are suspended (ANZUS, US to NZ).
                    let suspended = |obligor: &str, beneficiary: &str| {
                        t.dyad_suspensions.iter().any(|d| {
                            d.obligor == obligor
                                && d.beneficiary == beneficiary
                                && d.spell.interval.contains(date) == Truth::Yes
                        })
                    };
                    let owes_to: Vec<&str> = owes_to
                        .into_iter()
                        .filter(|b| !suspended(polity, b))
                        .collect();
                    let owed_by: Vec<&str> = owed_by
                        .into_iter()
                        .filter(|o| !suspended(o, polity))
                        .collect();
                    Obligation {
                        provision: p.id.clone(),
                        article: p.article.clone(),
                        kind: p.kind,
                        response: p.response,
                        owes_to: owes_to.iter().map(|s| s.to_string()).collect(),
                        owed_by: owed_by.iter().map(|s| s.to_string()).collect(),
                        paraphrase: p.paraphrase.clone(),
                    }
                })
                .collect()
        };
        out.push(Membership {
            treaty: t.id.clone(),
            treaty_name: t.name.clone(),
            kind: t.kind,
            party,
            spells,
            statuses,
            obligations,
        });
    }
    out.sort_by(|a, b| b.party.cmp(&a.party).then(a.treaty.cmp(&b.treaty)));
    out
}

/// A treaty and its state on a date.
#[derive(Debug, Clone, Serialize)]
pub struct TreatySummary {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub kind: InstrumentKind,
    pub signed: Option<String>,
    pub in_force: String,
    /// Whether it is in force on the date asked (Yes when no date was given
    /// and it is in force today's open-ended interval).
    pub in_force_on_date: Truth,
    pub parties_on_date: Vec<String>,
    pub provisions: Vec<String>,
}

/// Treaties, optionally only those in force (or possibly in force) on `date`.
pub fn treaties(kb: &KnowledgeBase, date: Option<Date>) -> Vec<TreatySummary> {
    let mut out: Vec<TreatySummary> = kb
        .treaties
        .iter()
        .filter_map(|t| {
            let on = date
                .map(|d| t.in_force.interval.contains(d))
                .unwrap_or(Truth::Yes);
            if on == Truth::No {
                return None;
            }
            let mut parties: Vec<String> = t
                .parties
                .iter()
                .filter(|p| date.is_none_or(|d| p.membership.interval.contains(d) != Truth::No))
                .map(|p| p.polity.clone())
                .collect();
            parties.sort();
            parties.dedup();
            Some(TreatySummary {
                id: t.id.clone(),
                name: t.name.clone(),
                short_name: t.short_name.clone(),
                kind: t.kind,
                signed: t.signed.map(|d| d.to_string()),
                in_force: t.in_force.interval.to_string(),
                in_force_on_date: on,
                parties_on_date: parties,
                provisions: t
                    .provisions
                    .iter()
                    .filter(|p| date.is_none_or(|d| p.validity.contains(d) != Truth::No))
                    .map(|p| format!("Art. {} ({})", p.article, p.kind.label()))
                    .collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}
