//! Which polity a COW state code stands for on given dates.
//!
//! The base may give one COW code to several polities, one after another
//! (COW 365: the Russian Empire `COW365` to 1922-12-29, the USSR `SUN`, then
//! Russia `RUS` from 1991-12-26). A membership goes to the polity whose
//! existence holds it; one that spans a succession is split at the
//! boundaries of those existences; a stretch no polity of the base covers
//! (Hanover in ATOP from 1815, in the base from 1837) goes to a generated
//! polity, `COW<code>` — or `ATOP<code>` when the base already uses that id.
//! Codes the base lacks are always generated, named from COW's
//! `states2016.csv` when it is given.

use std::collections::{BTreeMap, HashMap};

use casus_core::{FuzzyDate, Interval, KnowledgeBase, Truth};

use crate::cow::{CowStates, StateSpell};
use crate::toml_text::{kv, kv_opt, kv_raw};

/// A stretch of membership assigned to one polity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assigned {
    pub polity: String,
    pub interval: Interval,
    /// Why the membership was cut here, when it was.
    pub note: Option<String>,
}

/// Maps COW codes to polity ids and remembers the generated polities used.
pub struct PolityMap<'a> {
    base: &'a KnowledgeBase,
    /// Code -> indexes of the base's polities with that code, in file order.
    by_cow: HashMap<u16, Vec<usize>>,
    cow: Option<&'a CowStates>,
    /// Generated codes -> the membership spells put on them (for existence).
    generated: BTreeMap<u16, Vec<(Interval, String)>>,
}

/// One existence spell of a base polity with a given code.
struct Candidate<'k> {
    id: &'k str,
    name: &'k str,
    spell: Interval,
}

/// A piece of a split membership: the base polity holding it, or `None`
/// where no polity of the base does.
type Piece<'k> = (Option<&'k str>, Interval);

impl<'a> PolityMap<'a> {
    pub fn new(base: &'a KnowledgeBase, cow: Option<&'a CowStates>) -> PolityMap<'a> {
        let mut by_cow: HashMap<u16, Vec<usize>> = HashMap::new();
        for (i, p) in base.polities.iter().enumerate() {
            if let Some(c) = p.cow_code {
                by_cow.entry(c).or_default().push(i);
            }
        }
        PolityMap {
            base,
            by_cow,
            cow,
            generated: BTreeMap::new(),
        }
    }

    /// The id of the polity generated for `code`: `COW<code>`, or
    /// `ATOP<code>` when the base already has a polity `COW<code>`.
    pub fn generated_id(&self, code: u16) -> String {
        let cow_id = format!("COW{code}");
        if self.base.polity(&cow_id).is_some() {
            format!("ATOP{code}")
        } else {
            cow_id
        }
    }

    /// The base's polities for a code.
    pub fn known(&self, code: u16) -> Vec<&str> {
        self.by_cow
            .get(&code)
            .map(|v| {
                v.iter()
                    .map(|i| self.base.polities[*i].id.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn candidates(&self, code: u16) -> Vec<Candidate<'a>> {
        let base = self.base;
        let mut out = Vec::new();
        for i in self.by_cow.get(&code).into_iter().flatten() {
            let p = &base.polities[*i];
            if p.existence.is_empty() {
                out.push(Candidate {
                    id: &p.id,
                    name: &p.name,
                    spell: Interval::always(),
                });
            }
            for e in &p.existence {
                out.push(Candidate {
                    id: &p.id,
                    name: &p.name,
                    spell: e.interval,
                });
            }
        }
        out
    }

    /// The polity (or polities, when split) a membership of `code` over
    /// `interval` belongs to. `why` names the fact, for generated polities'
    /// notes ("atopid 1035").
    pub fn assign(&mut self, code: u16, interval: Interval, why: &str) -> Vec<Assigned> {
        let candidates = self.candidates(code);
        if candidates.is_empty() {
            return vec![self.generate(code, interval, why, None)];
        }
        for want in [Truth::Yes, Truth::Unknown] {
            if let Some(c) = candidates
                .iter()
                .find(|c| interval.within(&c.spell) == want)
            {
                return vec![Assigned {
                    polity: c.id.to_string(),
                    interval,
                    note: None,
                }];
            }
        }
        let generated = self.generated_id(code);
        match split(interval, &candidates) {
            Some(pieces) => pieces
                .into_iter()
                .map(|(polity, piece)| match polity {
                    Some(id) => Assigned {
                        polity: id.to_string(),
                        interval: piece,
                        note: Some(format!(
                            "membership split where COW code {code} passes from one polity to the next in this knowledge base"
                        )),
                    },
                    None => {
                        let note = format!(
                            "COW code {code} here falls outside every polity this knowledge base gives that code, so it is {generated}"
                        );
                        self.generate(code, piece, why, Some(note))
                    }
                })
                .collect(),
            None => {
                let names: Vec<String> = candidates
                    .iter()
                    .map(|c| format!("{} ({})", c.name, c.id))
                    .collect();
                let note = format!(
                    "outside the existence of {} in this knowledge base, so COW code {code} is {generated} here",
                    names.join(", ")
                );
                vec![self.generate(code, interval, why, Some(note))]
            }
        }
    }

    fn generate(
        &mut self,
        code: u16,
        interval: Interval,
        why: &str,
        note: Option<String>,
    ) -> Assigned {
        self.generated
            .entry(code)
            .or_default()
            .push((interval, why.to_string()));
        Assigned {
            polity: self.generated_id(code),
            interval,
            note,
        }
    }

    /// Mark every COW code the base lacks as used (the `cow-states` import).
    pub fn use_all_cow_codes(&mut self) {
        let Some(cow) = self.cow else { return };
        for code in cow.by_code.keys() {
            if !self.by_cow.contains_key(code) {
                self.generated.entry(*code).or_default();
            }
        }
    }

    pub fn generated_count(&self) -> usize {
        self.generated.len()
    }

    /// The display name of a code's polity for treaty names: the base's
    /// polity for that code on `on` (or its first), else COW's name.
    pub fn display_name(&self, code: u16, on: Option<FuzzyDate>) -> String {
        let candidates = self.candidates(code);
        let at = on.and_then(|d| {
            candidates
                .iter()
                .find(|c| c.spell.contains(d.earliest()) == Truth::Yes)
        });
        if let Some(c) = at.or(candidates.first()) {
            return c.name.to_string();
        }
        self.cow
            .and_then(|c| c.name(code))
            .map(str::to_string)
            .unwrap_or_else(|| format!("COW state {code}"))
    }

    /// `[[polity]]` entries for every generated polity used, as TOML.
    pub fn generated_toml(&self) -> String {
        let mut out = String::from(
            "# Polities generated by `casus import` for COW state codes this knowledge base\n\
             # does not otherwise cover. Names and spells: COW State System Membership v2016.\n",
        );
        for (code, uses) in &self.generated {
            out.push_str(&self.polity_toml(*code, uses));
        }
        out
    }

    fn polity_toml(&self, code: u16, uses: &[(Interval, String)]) -> String {
        let id = self.generated_id(code);
        let taken = id.starts_with("ATOP");
        let known = self.known(code);
        let cow_name = self.cow.and_then(|c| c.name(code));
        let mut name = cow_name
            .map(str::to_string)
            .or_else(|| known.first().map(|k| self.base.polity_name(k).to_string()))
            .unwrap_or_else(|| format!("COW state {code}"));
        if !known.is_empty() || !self.base.lookup(&name).is_empty() {
            name = format!("{name} (COW {code}, as ATOP lists it)");
        }
        // When `COW<code>` is the base's, the generated polity stands for the
        // stretches outside it: its existence is left unknown.
        let spells: Vec<&StateSpell> = if taken {
            Vec::new()
        } else {
            self.cow
                .and_then(|c| c.by_code.get(&code))
                .map(|s| s.iter().collect())
                .unwrap_or_default()
        };
        let intervals: Vec<Interval> = spells.iter().map(|s| spell_interval(s)).collect();
        let outside: Vec<&(Interval, String)> = uses
            .iter()
            .filter(|(i, _)| !intervals.iter().any(|e| i.within(e) != Truth::No))
            .collect();
        let mut notes = Vec::new();
        if !known.is_empty() {
            notes.push(format!(
                "COW code {code} where ATOP lists it outside the modelled existence of {}; see those polities for the rest",
                known.join(", ")
            ));
        }
        if taken {
            notes.push(format!(
                "Id {id}: this knowledge base already uses COW{code}; existence left unknown"
            ));
        } else if self.cow.is_none() {
            notes.push(
                "No COW state list was given to the import, so name and existence are unknown"
                    .to_string(),
            );
        } else if spells.is_empty() {
            notes.push(format!(
                "COW State System v2016 does not list code {code}; existence unknown"
            ));
        } else if let Some((i, why)) = outside.first() {
            notes.push(format!(
                "Existence left unknown: an imported membership ({why}, {i}) falls outside COW's spells for this code"
            ));
        }
        let mut out = String::from("\n[[polity]]\n");
        kv(&mut out, "id", &id);
        kv(&mut out, "name", &name);
        kv(&mut out, "kind", "state");
        kv_raw(&mut out, "cow", &code.to_string());
        kv_opt(
            &mut out,
            "cow_abb",
            self.cow.and_then(|c| c.abb(code)).filter(|a| !a.is_empty()),
        );
        kv(
            &mut out,
            "source",
            &format!("COW State System Membership v2016 (Correlates of War Project 2017), ccode {code}; polity generated by casus import"),
        );
        if !notes.is_empty() {
            kv(&mut out, "note", &notes.join(". "));
        }
        if outside.is_empty() {
            for s in &spells {
                out.push_str("\n[[polity.existence]]\n");
                let from = (s.from.to_string() != "1816-01-01").then(|| s.from.to_string());
                kv_opt(&mut out, "from", from.as_deref());
                kv_opt(&mut out, "to", s.to.map(|t| t.to_string()).as_deref());
                kv(
                    &mut out,
                    "source",
                    &format!(
                        "COW State System Membership v2016: {} ({code}) from {} to {} (file line {}; 1816-01-01 and 2016-12-31 are the data's bounds, kept open)",
                        s.abb,
                        s.from,
                        s.to.map(|t| t.to_string()).unwrap_or_else(|| "2016-12-31".into()),
                        s.line
                    ),
                );
            }
        }
        out
    }
}

/// Cut `interval` at the boundaries of the candidates' existence spells:
/// each piece goes to the candidate covering it, or to `None` (generated)
/// where none does. `None` when the bounds are too imprecise to cut.
fn split<'k>(interval: Interval, candidates: &[Candidate<'k>]) -> Option<Vec<Piece<'k>>> {
    let end = interval.to;
    let mut cursor: FuzzyDate = interval.from?;
    let mut pieces: Vec<Piece<'k>> = Vec::new();
    let ends_by = |to: FuzzyDate| end.is_some_and(|e| to.latest() >= e.latest());
    // Each step consumes one spell or one gap; the bound guards against a
    // malformed base looping.
    for _ in 0..=2 * candidates.len() + 1 {
        let day = cursor.earliest();
        let covering = candidates.iter().find(|c| {
            c.spell.from.is_none_or(|f| f.latest() <= day)
                && c.spell.to.is_none_or(|t| t.earliest() >= cursor.latest())
        });
        if let Some(c) = covering {
            match c.spell.to {
                Some(to) if !ends_by(to) => {
                    pieces.push((Some(c.id), Interval::new(Some(cursor), Some(to))));
                    cursor = FuzzyDate::day(to.latest().tomorrow().ok()?);
                    continue;
                }
                _ => {
                    pieces.push((Some(c.id), Interval::new(Some(cursor), end)));
                    return Some(pieces);
                }
            }
        }
        // A gap: up to the next candidate's start, or to the end.
        let next = candidates
            .iter()
            .filter_map(|c| c.spell.from)
            .filter(|f| f.earliest() > day)
            .min_by_key(|f| f.earliest());
        match next {
            Some(n) if end.is_none_or(|e| n.earliest() <= e.latest()) => {
                let eve = FuzzyDate::day(n.earliest().yesterday().ok()?);
                pieces.push((None, Interval::new(Some(cursor), Some(eve))));
                cursor = n;
            }
            _ => {
                pieces.push((None, Interval::new(Some(cursor), end)));
                return Some(pieces);
            }
        }
    }
    None
}

fn spell_interval(s: &StateSpell) -> Interval {
    let from = (s.from.to_string() != "1816-01-01").then_some(s.from);
    Interval::new(from, s.to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> FuzzyDate {
        s.parse().unwrap()
    }

    fn spans(a: &[Assigned]) -> Vec<(String, String)> {
        a.iter()
            .map(|x| (x.polity.clone(), x.interval.to_string()))
            .collect()
    }

    #[test]
    fn a_code_shared_by_successive_polities_is_split_at_their_boundaries() {
        let base = KnowledgeBase::embedded().unwrap();
        let mut map = PolityMap::new(&base, None);
        let recent = map.assign(365, Interval::new(Some(day("1992-05-15")), None), "t");
        assert_eq!(recent[0].polity, "RUS");
        let old = map.assign(
            365,
            Interval::new(Some(day("1833")), Some(day("1840"))),
            "t",
        );
        assert_eq!(old[0].polity, "COW365");
        let across = map.assign(365, Interval::new(Some(day("1970-08-12")), None), "t");
        let s = spans(&across);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].0, "SUN");
        assert!(s[0].1.contains("1991-12-25"), "{s:?}");
        assert_eq!(s[1].0, "RUS");
        assert!(s[1].1.contains("1991-12-26"), "{s:?}");
        let unknown = map.assign(8152, Interval::new(Some(day("1874")), None), "t");
        assert_eq!(unknown[0].polity, "COW8152");
        let toml = map.generated_toml();
        assert!(toml.contains("id = \"COW8152\""));
        assert!(toml.contains("name = \"COW state 8152\""));
    }

    #[test]
    fn a_stretch_outside_every_known_polity_is_generated_under_a_free_id() {
        let base = KnowledgeBase::embedded().unwrap();
        let mut map = PolityMap::new(&base, None);
        if base.polity("COW240").is_none() {
            eprintln!("the base has no COW240 polity; nothing to test");
            return;
        }
        // Hanover: ATOP from 1815, the base from 1837.
        let a = map.assign(
            240,
            Interval::new(Some(day("1815-06-08")), Some(day("1866-06-14"))),
            "t",
        );
        let s = spans(&a);
        assert_eq!(s[0].0, "ATOP240", "{s:?}");
        assert_eq!(s[1].0, "COW240", "{s:?}");
        assert!(map.generated_toml().contains("id = \"ATOP240\""));
    }
}
