//! Counterfactual memberships (`ARM:csto` removes Armenia from the CSTO;
//! `FIN:nato@2020-01-01` adds Finland to NATO from that day) applied to a
//! copy of the knowledge base, and the diff of two cascade outcomes.

use std::sync::Arc;

use casus_core::model::{Dated, Loc, Party, Source};
use casus_core::query::{resolve_polity, resolve_treaty};
use casus_core::time::parse_day;
use casus_core::{FuzzyDate, Interval, KnowledgeBase, Truth};
use serde::Serialize;

use crate::cascade::{Join, Outcome, Side};
use crate::scenario::ScenarioError;

/// One membership edit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MembershipEdit {
    pub polity: String,
    pub treaty: String,
    /// `true` adds the membership, `false` removes it.
    pub add: bool,
    /// For additions: the first day (default: the treaty's entry into force).
    pub from: Option<String>,
}

impl std::fmt::Display for MembershipEdit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.add { "with" } else { "without" };
        write!(f, "{sign} {}:{}", self.polity, self.treaty)?;
        if let Some(d) = &self.from {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

/// Parse `STATE:TREATY` (removal) or `STATE:TREATY[@YYYY-MM-DD]` (addition).
pub fn parse_edit(
    kb: &KnowledgeBase,
    spec: &str,
    add: bool,
) -> Result<MembershipEdit, ScenarioError> {
    let flag = if add { "--with" } else { "--without" };
    let shown = casus_core::limits::quoted_for_message(spec);
    let (who, rest) = spec.split_once(':').ok_or_else(|| {
        ScenarioError::Invalid(format!(
            "{flag} {shown}: expected STATE:TREATY{}, e.g. {}",
            if add { "[@YYYY-MM-DD]" } else { "" },
            if add {
                "FIN:nato@2020-01-01"
            } else {
                "ARM:csto"
            }
        ))
    })?;
    let (treaty, from) = match rest.split_once('@') {
        Some((t, d)) if add => (t, Some(d)),
        Some(_) => {
            return Err(ScenarioError::Invalid(format!(
                "{flag} {shown}: a removal takes no date (it removes every membership spell)"
            )))
        }
        None => (rest, None),
    };
    let polity = resolve_polity(kb, who)?;
    let t = resolve_treaty(kb, treaty)?;
    let from = match from {
        Some(d) => Some(
            parse_day(d)
                .map_err(|e| ScenarioError::Invalid(format!("{flag} {shown}: {e}")))?
                .to_string(),
        ),
        None => None,
    };
    let treaty = &kb.treaties[t];
    let is_party = treaty.parties.iter().any(|p| p.polity == polity);
    if !add && !is_party {
        return Err(ScenarioError::Invalid(format!(
            "{flag} {shown}: {} is not a party to {} in the knowledge base",
            kb.polity_name(&polity),
            treaty.short_name
        )));
    }
    Ok(MembershipEdit {
        polity,
        treaty: treaty.id.clone(),
        add,
        from,
    })
}

/// Refuse edits that change nothing or contradict each other, judged for an
/// attack on `date`: the same membership removed and added, an edit given
/// twice, adding a state that is already a party on the date, or adding one
/// from a day before the treaty entered into force or before the state
/// existed, or after the attack.
pub fn check_edits(
    kb: &KnowledgeBase,
    edits: &[MembershipEdit],
    date: jiff::civil::Date,
) -> Result<(), ScenarioError> {
    for (i, e) in edits.iter().enumerate() {
        let Some(treaty) = kb.treaty(&e.treaty) else {
            continue;
        };
        let name = kb.polity_name(&e.polity);
        if let Some(other) = edits[..i]
            .iter()
            .find(|o| o.polity == e.polity && o.treaty == e.treaty)
        {
            return Err(ScenarioError::Invalid(if other.add == e.add {
                format!("--{e} is given twice")
            } else {
                format!(
                    "--with and --without both name {name} in {}: they contradict each other",
                    treaty.short_name
                )
            }));
        }
        if !e.add {
            continue;
        }
        if casus_core::query::membership(treaty, &e.polity, date).0 == Truth::Yes {
            return Err(ScenarioError::Invalid(format!(
                "--{e}: {name} is already a party to {} on {date}, so this changes nothing",
                treaty.short_name
            )));
        }
        let Some(from) = &e.from else { continue };
        let Ok(from) = from.parse::<FuzzyDate>() else {
            continue;
        };
        if let Some(start) = treaty.in_force.interval.from {
            if from.latest() < start.earliest() {
                return Err(ScenarioError::Invalid(format!(
                    "--{e}: {from} is before {} entered into force ({start})",
                    treaty.short_name
                )));
            }
        }
        casus_core::query::check_exists(kb, &e.polity, from.earliest())
            .map_err(|err| ScenarioError::Invalid(format!("--{e}: {err}")))?;
        if from.earliest() > date {
            return Err(ScenarioError::Invalid(format!(
                "--{e}: the membership would begin after the attack ({date}), so this changes nothing"
            )));
        }
    }
    Ok(())
}

/// A copy of the knowledge base with the edits applied.
pub fn apply_edits(
    kb: &KnowledgeBase,
    edits: &[MembershipEdit],
) -> Result<KnowledgeBase, ScenarioError> {
    let mut out = kb.clone();
    for e in edits {
        let Some(t) = out.treaties.iter_mut().find(|t| t.id == e.treaty) else {
            return Err(ScenarioError::Invalid(format!(
                "unknown treaty {}",
                e.treaty
            )));
        };
        if e.add {
            let from = match &e.from {
                Some(d) => Some(
                    d.parse::<FuzzyDate>()
                        .map_err(|err| ScenarioError::Invalid(err.to_string()))?,
                ),
                None => t.in_force.interval.from,
            };
            let citation = format!("counterfactual: {e}");
            t.parties.push(Party {
                polity: e.polity.clone(),
                membership: Dated {
                    value: (),
                    interval: Interval::new(from, None),
                    source: Source {
                        citation: Arc::from(citation),
                        uncertain: false,
                        loc: Loc {
                            file: Arc::from("<counterfactual>"),
                            line: 1,
                            col: 1,
                        },
                    },
                    note: None,
                },
                signed: None,
                disputed: false,
            });
        } else {
            t.parties.retain(|p| p.polity != e.polity);
            t.statuses.retain(|s| s.polity != e.polity);
        }
    }
    // The engine visits a party's treaties through an index of them: it
    // must see the edited memberships (ARCHITECTURE.md, Invariants).
    out.reindex_parties();
    Ok(out)
}

/// A join present in one outcome and not the other (or on another side or round).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JoinChange {
    pub state: String,
    pub name: String,
    pub actual: Option<JoinSummary>,
    pub counterfactual: Option<JoinSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JoinSummary {
    pub round: u32,
    pub side: Side,
    /// "CSTO Art. 4"
    pub provision: String,
    pub beneficiary: String,
}

impl From<&Join> for JoinSummary {
    fn from(j: &Join) -> Self {
        JoinSummary {
            round: j.round,
            side: j.side,
            provision: j.obligation.label(),
            beneficiary: j.obligation.beneficiary.clone(),
        }
    }
}

/// Two outcomes side by side.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub edits: Vec<MembershipEdit>,
    pub belligerents: (usize, usize),
    /// Rounds judged after round 0, actual and counterfactual.
    pub rounds: (usize, usize),
    /// Joins in the actual outcome missing from the counterfactual.
    pub disappeared: Vec<JoinChange>,
    /// Joins only in the counterfactual.
    pub appeared: Vec<JoinChange>,
    /// Joins in both, but in another round, on another side or by another provision.
    pub changed: Vec<JoinChange>,
}

/// Compare the actual outcome with the counterfactual one.
pub fn diff(kb: &KnowledgeBase, edits: &[MembershipEdit], actual: &Outcome, cf: &Outcome) -> Diff {
    let first = |o: &Outcome, s: &str| o.joins().find(|j| j.state == s).map(JoinSummary::from);
    let mut states: Vec<String> = actual
        .joins()
        .chain(cf.joins())
        .map(|j| j.state.clone())
        .collect();
    states.sort();
    states.dedup();
    let mut d = Diff {
        edits: edits.to_vec(),
        belligerents: (actual.belligerents, cf.belligerents),
        rounds: (
            actual.rounds.len().saturating_sub(1),
            cf.rounds.len().saturating_sub(1),
        ),
        disappeared: Vec::new(),
        appeared: Vec::new(),
        changed: Vec::new(),
    };
    for s in states {
        let a = first(actual, &s);
        let c = first(cf, &s);
        let change = JoinChange {
            state: s.clone(),
            name: kb.polity_name(&s).to_string(),
            actual: a.clone(),
            counterfactual: c.clone(),
        };
        match (&a, &c) {
            (Some(_), None) => d.disappeared.push(change),
            (None, Some(_)) => d.appeared.push(change),
            (Some(x), Some(y)) if x != y => d.changed.push(change),
            _ => {}
        }
    }
    let key = |c: &JoinChange| {
        let r = c
            .actual
            .as_ref()
            .or(c.counterfactual.as_ref())
            .map(|j| j.round);
        (r, c.state.clone())
    };
    d.disappeared.sort_by_key(key);
    d.appeared.sort_by_key(key);
    d.changed.sort_by_key(key);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_specs() {
        let kb = KnowledgeBase::embedded().unwrap();
        let e = parse_edit(&kb, "ARM:csto", false).unwrap();
        assert_eq!(
            (e.polity.as_str(), e.treaty.as_str(), e.add),
            ("ARM", "csto", false)
        );
        let e = parse_edit(&kb, "Finland:NATO@2020-01-01", true).unwrap();
        assert_eq!(e.from.as_deref(), Some("2020-01-01"));
        assert!(parse_edit(&kb, "ARM", false).is_err());
        let m = parse_edit(&kb, "Armenai:csto", false)
            .unwrap_err()
            .to_string();
        assert!(m.contains("did you mean"), "{m}");
    }

    #[test]
    fn removal_drops_every_spell() {
        let kb = KnowledgeBase::embedded().unwrap();
        let e = parse_edit(&kb, "ARM:csto", false).unwrap();
        let cf = apply_edits(&kb, &[e]).unwrap();
        let csto = cf.treaty("csto").unwrap();
        assert!(csto.parties.iter().all(|p| p.polity != "ARM"));
    }

    /// The engine finds a party's treaties through an index built at load:
    /// after counterfactual edits it must see the added and the removed
    /// memberships, not the ones the index was built from.
    #[test]
    fn edited_memberships_reach_the_engine() {
        use casus_core::engine::{analyse, Scenario, Target};
        let kb = KnowledgeBase::embedded().unwrap();
        let edits = [
            parse_edit(&kb, "ARM:nato@1999-01-01", true).unwrap(),
            parse_edit(&kb, "ARM:csto", false).unwrap(),
        ];
        let cf = apply_edits(&kb, &edits).unwrap();
        let scenario = Scenario {
            attackers: vec!["AZE".into()],
            defenders: vec!["ARM".into()],
            place: casus_core::query::resolve_place(&kb, "Yerevan").unwrap(),
            date: parse_day("2020-10-07").unwrap(),
            target: Target::Territory,
            character: Default::default(),
        };
        let treaties_toward_armenia = |kb: &KnowledgeBase| {
            let mut t: Vec<String> = analyse(kb, &scenario)
                .verdicts
                .into_iter()
                .filter(|v| v.beneficiary == "ARM")
                .map(|v| v.treaty)
                .collect();
            t.dedup();
            t
        };
        let actual = treaties_toward_armenia(&kb);
        let counterfactual = treaties_toward_armenia(&cf);
        assert!(actual.iter().any(|t| t == "csto"), "{actual:?}");
        assert!(!actual.iter().any(|t| t == "nato"), "{actual:?}");
        assert!(
            counterfactual.iter().any(|t| t == "nato"),
            "{counterfactual:?}"
        );
        assert!(
            !counterfactual.iter().any(|t| t == "csto"),
            "{counterfactual:?}"
        );
        assert!(kb.party_index_is_current());
        assert!(cf.party_index_is_current());
    }
}
