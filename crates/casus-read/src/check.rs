//! Checking claims against the engine: each claim implies an attack — on
//! its subject's place, on the article's date, against the treaty party
//! whose protection is in question, by the state the article sets against
//! it — and the engine judges that attack. The claim agrees when the
//! engine's verdict for the claim's treaty (and article) toward that party
//! says the same; it cannot tell when the claim takes no clear stance, the
//! verdict is contested, or the claim names nothing the engine can judge.

use jiff::civil::Date;
use serde::Serialize;

use casus_core::engine::{AttackCharacter, Verdict};
use casus_core::query::{membership, resolve_place, territory_status, ResolvedPlace};
use casus_core::{analyse, KnowledgeBase, Scenario, Target, Truth, VerdictKind};

use crate::claims::Claim;
use crate::Article;

/// The engine's view of one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Agree,
    Disagree,
    CannotTell,
}

impl Agreement {
    pub fn label(self) -> &'static str {
        match self {
            Agreement::Agree => "agrees",
            Agreement::Disagree => "disagrees",
            Agreement::CannotTell => "cannot tell",
        }
    }
}

/// The attack a claim implies.
#[derive(Debug, Clone, Serialize)]
pub struct ImpliedAttack {
    pub attackers: Vec<String>,
    pub defender: String,
    pub place: String,
    pub territory: String,
    pub date: Date,
    pub target: Target,
}

/// One claim, checked.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimCheck {
    /// Index into the article's claims.
    pub claim: usize,
    pub agreement: Agreement,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attack: Option<ImpliedAttack>,
    /// The engine's verdicts for the claim's treaty toward the defender.
    pub verdicts: Vec<VerdictLine>,
    /// Why: the engine's reasons, or why it cannot tell.
    pub reasons: Vec<String>,
}

/// One verdict, without its proof.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictLine {
    pub treaty: String,
    pub article: String,
    pub kind: String,
    pub obligor: String,
    pub beneficiary: String,
    pub verdict: VerdictKind,
    pub reasons: Vec<String>,
    /// Official claims of the knowledge base the verdict cites.
    pub cited: Vec<String>,
}

/// Check every claim of `article`.
///
/// A claim repeated word for word about the same subject is judged once
/// and the verdict shared: a long article (or a file of many) costs one
/// engine run per distinct claim.
pub fn check(kb: &KnowledgeBase, article: &Article) -> Vec<ClaimCheck> {
    let mut done: std::collections::HashMap<String, usize> = Default::default();
    let mut out: Vec<ClaimCheck> = Vec::with_capacity(article.claims.len());
    for (i, c) in article.claims.iter().enumerate() {
        let key = format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{:?}",
            c.treaty,
            c.article,
            c.applies,
            c.subject.territory,
            c.subject.place,
            c.subject.polity,
            c.subject.by,
            c.subject.forces,
            c.claimant
        ) + &format!("{:?}", c.subject.outside);
        match done.get(&key) {
            Some(&j) => {
                let mut again = out[j].clone();
                again.claim = i;
                out.push(again);
            }
            None => {
                done.insert(key, out.len());
                out.push(check_one(kb, article, i, c));
            }
        }
    }
    out
}

fn cannot(claim: usize, why: impl Into<String>) -> ClaimCheck {
    ClaimCheck {
        claim,
        agreement: Agreement::CannotTell,
        attack: None,
        verdicts: Vec::new(),
        reasons: vec![why.into()],
    }
}

fn check_one(kb: &KnowledgeBase, article: &Article, index: usize, claim: &Claim) -> ClaimCheck {
    let Some(date) = article.published.as_ref().map(|p| p.date) else {
        return cannot(index, "the article's date is unknown (give --published)");
    };
    let Some(treaty) = claim.treaty.as_deref().and_then(|t| kb.treaty(t)) else {
        return cannot(index, "the claim names no treaty of the knowledge base");
    };
    let place = match (
        &claim.subject.place,
        &claim.subject.territory,
        &claim.subject.polity,
    ) {
        (Some(p), _, _) => kb
            .places
            .iter()
            .find(|x| x.id == *p)
            .and_then(|x| resolve_place(kb, &x.name).ok()),
        (None, Some(t), _) => kb
            .index_of(casus_core::kb::RefKind::Territory, t)
            .map(|i| ResolvedPlace::of_territory(kb, t, i)),
        (None, None, Some(p)) => kb.polity(p).and_then(|x| resolve_place(kb, &x.name).ok()),
        // Outside a state's territory: the first place the article names
        // that is no state's mainland and not that state's (the conflict
        // zone of the article).
        _ => claim.subject.outside.as_deref().and_then(|outside| {
            article.places.iter().find_map(|p| {
                let i = kb.index_of(casus_core::kb::RefKind::Territory, &p.territory)?;
                let t = &kb.territories[i];
                let mainland = t.kind == casus_core::model::TerritoryKind::Mainland;
                let theirs = t.sovereign.iter().any(|s| s.value == outside);
                (!mainland && !theirs).then(|| ResolvedPlace::of_territory(kb, &p.territory, i))
            })
        }),
    };
    let Some(place) = place else {
        return cannot(
            index,
            format!(
                "the subject \"{}\" is no place the engine can judge",
                claim.subject.text
            ),
        );
    };
    let status = territory_status(kb, place.territory, date);
    let is_party = |p: &str| membership(treaty, p, date).0 != Truth::No;
    // The defender: a party the article names, preferring the place's
    // sovereign or controller, then one the sentence names, then the most
    // named; not the owner of "X's obligations".
    let mut counts: Vec<(String, usize, bool)> = Vec::new();
    for (id, n) in &article.polity_counts {
        if is_party(id) {
            counts.push((id.clone(), *n, claim.text.contains(kb.polity_name(id))));
        }
    }
    let holder = |p: &str| {
        status.sovereign_is(p) != Truth::No
            && status.main_sovereign().is_some_and(|h| h.polity == p)
            || status.main_controller().is_some_and(|h| h.polity == p)
    };
    let possessor = |p: &str| {
        let name = kb.polity_name(p);
        [
            "'s obligations",
            "’s obligations",
            "'s commitments",
            "’s commitments",
        ]
        .iter()
        .any(|s| claim.text.contains(&format!("{name}{s}")))
    };
    // The claimant's own state owes, it is not owed: "US Secretary of
    // State", a claimant that is the state itself.
    let claimant_state = |p: &str| {
        let name = kb.polity_name(p);
        let role = claim.claimant_role.as_deref().unwrap_or("");
        let who = claim.claimant.as_deref().unwrap_or("");
        who == name
            || kb.polity(p).is_some_and(|x| {
                std::iter::once(&x.name).chain(&x.aliases).any(|a| {
                    a.len() > 1
                        && role
                            .split(|c: char| !c.is_alphanumeric() && c != '.')
                            .any(|w| w == a)
                })
            })
    };
    let score = |(id, n, in_sentence): &(String, usize, bool)| -> i64 {
        let mut s = *n as i64;
        if holder(id) {
            s += 100;
        }
        if *in_sentence {
            s += 10;
        }
        if claim.subject.polity.as_deref() == Some(id.as_str()) {
            s += 50;
        }
        if possessor(id) || claimant_state(id) {
            s -= 200;
        }
        s
    };
    let Some(defender) = counts.iter().max_by_key(|c| score(c)).map(|c| c.0.clone()) else {
        return cannot(
            index,
            format!(
                "the article names no party to {} on {date}",
                treaty.short_name
            ),
        );
    };
    // The attacker: a state the article names that is no party, preferring
    // the place's sovereign or controller when that is not the defender.
    // The attacker: the state the sentence names as acting, else the state
    // the article names most that is no party (the place's holder first).
    let mut others: Vec<(String, i64)> = article
        .polity_counts
        .iter()
        .filter(|(id, _)| {
            *id != defender && !is_party(id) && claim.subject.polity.as_deref() != Some(id.as_str())
        })
        .map(|(id, n)| (id.clone(), *n as i64 + if holder(id) { 100 } else { 0 }))
        .collect();
    others.sort_by_key(|(_, s)| -s);
    let named_attacker = claim.subject.by.clone().filter(|b| *b != defender);
    let attackers = match named_attacker.or_else(|| others.first().map(|(id, _)| id.clone())) {
        Some(id) => vec![id],
        None if kb.polity("UNKNOWN").is_some() => vec!["UNKNOWN".to_string()],
        None => return cannot(index, "the article names no attacker"),
    };
    let scenario = Scenario {
        attackers: attackers.clone(),
        defenders: vec![defender.clone()],
        place: place.clone(),
        date,
        target: if claim.subject.forces {
            Target::Forces
        } else {
            Target::Territory
        },
        character: AttackCharacter::default(),
    };
    let analysis = analyse(kb, &scenario);
    let mut chosen: Vec<&Verdict> = analysis
        .verdicts
        .iter()
        .filter(|v| v.treaty == treaty.id && v.beneficiary == defender)
        .collect();
    if let Some(a) = &claim.article {
        let by_article: Vec<&Verdict> = chosen
            .iter()
            .copied()
            .filter(|v| same_article(&v.article, a))
            .collect();
        if !by_article.is_empty() {
            chosen = by_article;
        }
    } else {
        let defense: Vec<&Verdict> = chosen
            .iter()
            .copied()
            .filter(|v| v.kind == casus_core::model::ObligationKind::Defense)
            .collect();
        if !defense.is_empty() {
            chosen = defense;
        }
    }
    let attack = ImpliedAttack {
        attackers,
        defender: defender.clone(),
        place: place
            .place_name
            .clone()
            .unwrap_or(place.territory_name.clone()),
        territory: place.territory_id.clone(),
        date,
        target: scenario.target,
    };
    if chosen.is_empty() {
        return ClaimCheck {
            claim: index,
            agreement: Agreement::CannotTell,
            attack: Some(attack),
            verdicts: Vec::new(),
            reasons: vec![format!(
                "the engine gives no verdict of {} toward {} for this attack",
                treaty.short_name,
                kb.polity_name(&defender)
            )],
        };
    }
    let engine = if chosen.iter().any(|v| v.verdict == VerdictKind::Triggered) {
        Some(true)
    } else if chosen
        .iter()
        .all(|v| v.verdict == VerdictKind::NotTriggered)
    {
        Some(false)
    } else {
        None
    };
    let agreement = match (claim.applies, engine) {
        (Some(a), Some(e)) if a == e => Agreement::Agree,
        (Some(_), Some(_)) => Agreement::Disagree,
        _ => Agreement::CannotTell,
    };
    let mut reasons: Vec<String> = Vec::new();
    if claim.applies.is_none() {
        reasons.push("the claim takes no clear stance".to_string());
    }
    for v in &chosen {
        for r in &v.reasons {
            if !reasons.contains(r) {
                reasons.push(r.clone());
            }
        }
    }
    ClaimCheck {
        claim: index,
        agreement,
        attack: Some(attack),
        verdicts: chosen
            .iter()
            .map(|v| VerdictLine {
                treaty: v.treaty_name.clone(),
                article: v.article.clone(),
                kind: v.kind.label().to_string(),
                obligor: v.obligor.clone(),
                beneficiary: v.beneficiary.clone(),
                verdict: v.verdict,
                reasons: v.reasons.clone(),
                cited: v
                    .claims
                    .iter()
                    .map(|c| {
                        format!(
                            "{} ({}, {}): {}",
                            c.speaker,
                            c.date,
                            if c.agrees { "agrees" } else { "disagrees" },
                            c.summary
                        )
                    })
                    .collect(),
            })
            .collect(),
        reasons,
    }
}

/// "IV" and "4" are the same article.
pub fn same_article(a: &str, b: &str) -> bool {
    let n = |s: &str| -> Option<u32> {
        let s = s.trim();
        s.parse().ok().or_else(|| roman(s))
    };
    a.eq_ignore_ascii_case(b) || matches!((n(a), n(b)), (Some(x), Some(y)) if x == y)
}

fn roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}
