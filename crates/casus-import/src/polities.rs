//! Which polity a COW state code stands for on given dates.
//!
//! A code the base knows (its `cow` field) maps to that polity while the
//! polity exists there. Memberships outside that existence — Russia (`RUS`,
//! modelled from 1991-12-26) for COW 365 in the 19th century, Estonia's
//! interwar spell — go to a generated polity `COW<code>`; a membership that
//! starts before the known polity's existence and runs into it is split at
//! the first day of that existence. Codes the base lacks are always
//! generated, named from COW's `states2016.csv` when it is given.

use std::collections::{BTreeMap, HashMap};

use casus_core::time::Precision;
use casus_core::{FuzzyDate, Interval, KnowledgeBase, Truth};

use crate::cow::CowStates;
use crate::toml_text::{kv, kv_opt, kv_raw};

/// The id of a generated polity.
pub fn generated_id(code: u16) -> String {
    format!("COW{code}")
}

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
    by_cow: HashMap<u16, usize>,
    cow: Option<&'a CowStates>,
    /// Generated codes -> the membership spells put on them (for existence).
    generated: BTreeMap<u16, Vec<(Interval, String)>>,
}

impl<'a> PolityMap<'a> {
    pub fn new(base: &'a KnowledgeBase, cow: Option<&'a CowStates>) -> PolityMap<'a> {
        let by_cow = base
            .polities
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.cow_code.map(|c| (c, i)))
            .collect();
        PolityMap {
            base,
            by_cow,
            cow,
            generated: BTreeMap::new(),
        }
    }

    /// The polity known to the base for a code, if any.
    pub fn known(&self, code: u16) -> Option<&str> {
        self.by_cow
            .get(&code)
            .map(|i| self.base.polities[*i].id.as_str())
    }

    /// The polity (or polities, when split) a membership of `code` over
    /// `interval` belongs to. `why` names the fact, for generated polities'
    /// notes ("atopid 1035").
    pub fn assign(&mut self, code: u16, interval: Interval, why: &str) -> Vec<Assigned> {
        let Some(&i) = self.by_cow.get(&code) else {
            return vec![self.generate(code, interval, why, None)];
        };
        let p = &self.base.polities[i];
        if p.existence.is_empty()
            || p.existence
                .iter()
                .any(|e| interval.within(&e.interval) != Truth::No)
        {
            return vec![Assigned {
                polity: p.id.clone(),
                interval,
                note: None,
            }];
        }
        // Starts before the known polity's existence and runs into it: split.
        for e in &p.existence {
            let Some(start) = e.interval.from.filter(|d| d.precision() == Precision::Day) else {
                continue;
            };
            let starts_before = interval.from.is_none_or(|f| f.latest() < start.earliest());
            let rest = Interval::new(Some(start), interval.to);
            let before_end = interval.to.is_none_or(|t| t.earliest() >= start.earliest());
            if starts_before && before_end && rest.within(&e.interval) != Truth::No {
                let Ok(eve) = start.earliest().yesterday() else {
                    continue;
                };
                let id = p.id.clone();
                let name = p.name.clone();
                let head = Interval::new(interval.from, Some(FuzzyDate::day(eve)));
                let note = format!(
                    "split at {start}, where {name} ({id}) begins in this knowledge base; COW code {code} before that is {}",
                    generated_id(code)
                );
                let first = self.generate(code, head, why, Some(note.clone()));
                return vec![
                    first,
                    Assigned {
                        polity: id,
                        interval: rest,
                        note: Some(note),
                    },
                ];
            }
        }
        let note = format!(
            "outside the existence of {} ({}) in this knowledge base, so COW code {code} is {} here",
            p.name,
            p.id,
            generated_id(code)
        );
        vec![self.generate(code, interval, why, Some(note))]
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
            polity: generated_id(code),
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

    /// The display name of a code's polity for treaty names.
    pub fn display_name(&self, code: u16) -> String {
        if let Some(id) = self.known(code) {
            return self.base.polity_name(id).to_string();
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
        let id = generated_id(code);
        let cow_name = self.cow.and_then(|c| c.name(code));
        let mut name = cow_name
            .map(str::to_string)
            .unwrap_or_else(|| format!("COW state {code}"));
        if self.by_cow.contains_key(&code) || !self.base.lookup(&name).is_empty() {
            name = format!("{name} (COW {code})");
        }
        let spells: Vec<&crate::cow::StateSpell> = self
            .cow
            .and_then(|c| c.by_code.get(&code))
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        let intervals: Vec<Interval> = spells.iter().map(|s| spell_interval(s)).collect();
        let outside: Vec<&(Interval, String)> = uses
            .iter()
            .filter(|(i, _)| !intervals.iter().any(|e| i.within(e) != Truth::No))
            .collect();
        let mut notes = Vec::new();
        if let Some(known) = self.known(code) {
            notes.push(format!(
                "COW code {code} outside the modelled existence of {known}; see that polity for the rest"
            ));
        }
        if self.cow.is_none() {
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

fn spell_interval(s: &crate::cow::StateSpell) -> Interval {
    let from = (s.from.to_string() != "1816-01-01").then_some(s.from);
    Interval::new(from, s.to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> FuzzyDate {
        s.parse().unwrap()
    }

    #[test]
    fn known_codes_map_inside_existence_and_split_across_its_start() {
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
        assert_eq!(across.len(), 2);
        assert_eq!(across[0].polity, "COW365");
        assert_eq!(
            across[0].interval.to.map(|d| d.to_string()).as_deref(),
            Some("1991-12-25")
        );
        assert_eq!(across[1].polity, "RUS");
        assert_eq!(
            across[1].interval.from.map(|d| d.to_string()).as_deref(),
            Some("1991-12-26")
        );
        let unknown = map.assign(267, Interval::new(Some(day("1850")), None), "t");
        assert_eq!(unknown[0].polity, "COW267");
        let toml = map.generated_toml();
        assert!(toml.contains("id = \"COW365\""));
        assert!(toml.contains("name = \"COW state 267\""));
    }
}
