//! Premise 2: the beneficiary and the obligor are parties on the date.
//! Membership spells come from the treaty file (each cited to the
//! depositary record or the treaty's own list of parties); a bound known
//! only to the year or month gives `Unknown` on days inside it.

use std::cmp::Reverse;

use jiff::civil::Date;

use super::judge::Ctx;
use super::Proof;
use crate::model::*;
use crate::time::Truth;

/// Whether each polity named as a party is a party on one date, and by
/// which spell: what [`membership`](crate::query::membership) gives,
/// computed once per treaty.
#[derive(Debug, Clone, Default)]
pub(super) struct Members<'a> {
    /// By polity id, sorted, one entry per polity.
    pub(super) truths: Vec<(&'a str, Truth)>,
    /// The spell `membership` takes for each entry of `truths` (the
    /// first of those that hold best).
    spells: Vec<&'a Party>,
    /// The [`pack`]ed id of each entry of `truths` (the same order), when
    /// every id packs (short ids: a lookup is then an integer search, not
    /// string comparisons).
    keys: Option<Vec<u64>>,
}

/// A party's spell in a table being built: the polity's key, the spell's
/// truth on the date, its position (reversed: earlier spells sort last)
/// and the spell.
type Keyed<'a, K> = (K, Truth, Reverse<usize>, &'a Party);

/// An id of at most 7 bytes as one integer: its bytes from the most
/// significant down, then its length in the lowest byte. Distinct ids give
/// distinct keys, and keys sort as the ids do (byte-wise), so a table
/// sorted by key is sorted by id.
pub(super) fn pack(id: &str) -> Option<u64> {
    let bytes = id.as_bytes();
    if bytes.len() > 7 {
        return None;
    }
    let mut key = bytes.len() as u64;
    for (i, &b) in bytes.iter().enumerate() {
        key |= u64::from(b) << (56 - 8 * i);
    }
    Some(key)
}

impl<'a> Members<'a> {
    pub(super) fn on(treaty: &'a Treaty, date: Date) -> Members<'a> {
        let keyed: Option<Vec<Keyed<'a, u64>>> = treaty
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let truth = p.member_on(date);
                pack(&p.polity).map(|k| (k, truth, Reverse(i), p))
            })
            .collect();
        let Some(mut keyed) = keyed else {
            return Members::by_string(treaty, date);
        };
        // Sorted by (key, truth, earlier spell last): the last entry of
        // each polity is the spell `membership` takes, the first of those
        // that hold best. Keys are unique per polity and spell positions
        // per entry, so unstable is enough.
        keyed.sort_unstable_by_key(|&(k, t, i, _)| (k, t, i));
        let mut out = Members {
            truths: Vec::with_capacity(keyed.len()),
            spells: Vec::with_capacity(keyed.len()),
            keys: None,
        };
        let mut keys: Vec<u64> = Vec::with_capacity(keyed.len());
        for (k, t, _, party) in keyed {
            if keys.last() == Some(&k) {
                out.truths.pop();
                out.spells.pop();
            } else {
                keys.push(k);
            }
            out.truths.push((party.polity.as_str(), t));
            out.spells.push(party);
        }
        out.keys = Some(keys);
        out
    }

    /// [`Members::on`] for a treaty with an id too long to pack.
    fn by_string(treaty: &'a Treaty, date: Date) -> Members<'a> {
        let mut all: Vec<Keyed<'a, &'a str>> = treaty
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let truth = p.member_on(date);
                (p.polity.as_str(), truth, Reverse(i), p)
            })
            .collect();
        all.sort_unstable_by_key(|&(id, t, i, _)| (id, t, i));
        // Keep the last entry of each polity.
        all.reverse();
        all.dedup_by_key(|e| e.0);
        all.reverse();
        Members {
            truths: all.iter().map(|&(id, t, ..)| (id, t)).collect(),
            spells: all.iter().map(|&(.., p)| p).collect(),
            keys: None,
        }
    }

    /// The entry of `polity` in `truths`.
    fn position(&self, polity: &str) -> Option<usize> {
        match &self.keys {
            // Every party's id packs, so an id that does not is no party.
            Some(keys) => pack(polity).and_then(|k| keys.binary_search(&k).ok()),
            None => self.truths.binary_search_by(|(p, _)| (*p).cmp(polity)).ok(),
        }
    }

    /// `membership(treaty, polity, date).0`.
    pub(super) fn of(&self, polity: &str) -> Truth {
        self.position(polity)
            .map_or(Truth::No, |i| self.truths[i].1)
    }

    /// `membership(treaty, polity, date)`: the truth and the spell.
    pub(super) fn spell(&self, polity: &str) -> (Truth, Option<&'a Party>) {
        self.position(polity).map_or((Truth::No, None), |i| {
            (self.truths[i].1, Some(self.spells[i]))
        })
    }
}

impl<'a> Ctx<'a> {
    pub(super) fn party(&self, polity: &str) -> Proof {
        let (holds, spell) = self.members.spell(polity);
        let name = self.name(polity);
        let short = &self.treaty.short_name;
        match spell {
            Some(s) => {
                let statement = match holds {
                    // The usual case, written without the formatting
                    // machinery: "<name> is a party to <short> (<spell>)".
                    Truth::Yes => {
                        let mut out = String::with_capacity(name.len() + short.len() + 48);
                        out.push_str(name);
                        out.push_str(" is a party to ");
                        out.push_str(short);
                        out.push_str(" (");
                        s.membership.interval.push_to(&mut out);
                        out.push(')');
                        out
                    }
                    Truth::No => text!("{name} is not a party to {short} on {} (member {})", self.date(), s.membership.interval),
                    Truth::Unknown if s.disputed => text!(
                        "whether {name} is a party to {short} is disputed between sources (member {} if it is one)",
                        s.membership.interval
                    ),
                    Truth::Unknown => text!(
                        "whether {name} is a party to {short} on {} is uncertain (member {}, an imprecise date)",
                        self.date(),
                        s.membership.interval
                    ),
                };
                Proof::fact(statement, holds, &s.membership.source)
            }
            None => Proof::rule(text!("{name} is not a party to {short}"), Truth::No, vec![]),
        }
    }

    pub(super) fn party_note(&self, polity: &str) -> &'static str {
        match self.members.of(polity) {
            Truth::Yes => "a party",
            Truth::No => "not a party",
            Truth::Unknown => "of uncertain membership",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{pack, Members};
    use crate::query::membership;
    use crate::time::parse_day;
    use crate::KnowledgeBase;

    /// `Members` answers as `membership` does, for every treaty of the
    /// shipped base, every polity and a range of dates, on both lookup
    /// paths (packed ids, and ids too long to pack).
    #[test]
    fn members_agree_with_membership() {
        let kb = KnowledgeBase::embedded().expect("the embedded base loads");
        let mut days: Vec<String> = (1900..=2025)
            .step_by(3)
            .map(|y| format!("{y}-06-30"))
            .collect();
        days.extend(["1994-01-22", "1949-08-24", "2020-10-07", "2023-04-04"].map(String::from));
        for day in &days {
            let date = parse_day(day).expect("a day");
            for treaty in &kb.treaties {
                let mut long = treaty.clone();
                if let Some(p) = long.parties.first_mut() {
                    p.polity = "A-POLITY-ID-TOO-LONG-TO-PACK".into();
                }
                for t in [treaty, &long] {
                    let members = Members::on(t, date);
                    assert!(members.truths.windows(2).all(|w| w[0].0 < w[1].0));
                    let ids = t.parties.iter().map(|p| p.polity.as_str());
                    for id in ids.chain(kb.polities.iter().map(|p| p.id.as_str())) {
                        let (truth, spell) = membership(t, id, date);
                        assert_eq!(members.of(id), truth, "{} {id} {day}", t.id);
                        let (truth_too, spell_too) = members.spell(id);
                        assert_eq!(truth_too, truth, "{} {id} {day}", t.id);
                        assert!(
                            match (spell, spell_too) {
                                (Some(a), Some(b)) => std::ptr::eq(a, b),
                                (None, None) => true,
                                _ => false,
                            },
                            "{} {id} {day}: another spell",
                            t.id
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn packed_ids_sort_as_the_ids_do() {
        let mut ids = vec![
            "", "A", "AB", "ABC", "ABC\0", "ABD", "B", "COW365", "COW2", "ABCDEFG", "a", "Z\u{e9}",
            "ARM", "AZE", "ARMx", "\0", "\0\0",
        ];
        ids.sort();
        let keys: Vec<u64> = ids.iter().map(|i| pack(i).unwrap()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "keys out of id order for {ids:?}");
    }

    #[test]
    fn packed_ids_are_distinct_and_long_ids_do_not_pack() {
        let ids = ["A", "AB", "ABC", "ABC\0", "ABD", "COW365", "ABCDEFG"];
        let keys: Vec<u64> = ids.iter().map(|i| pack(i).unwrap()).collect();
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(pack("ABCDEFGH"), None);
    }
}
