//! Premise 2: the beneficiary and the obligor are parties on the date.
//! Membership spells come from the treaty file (each cited to the
//! depositary record or the treaty's own list of parties); a bound known
//! only to the year or month gives `Unknown` on days inside it.

use jiff::civil::Date;

use super::judge::Ctx;
use super::Proof;
use crate::model::*;
use crate::query::membership;
use crate::time::Truth;

/// Whether each polity named as a party is a party on one date: the truth
/// [`membership`] gives, computed once per treaty.
#[derive(Debug, Clone, Default)]
pub(super) struct Members<'a> {
    /// By polity id, sorted, one entry per polity.
    pub(super) truths: Vec<(&'a str, Truth)>,
    /// The same by [`pack`]ed id, when every id packs (short ids: the
    /// lookup is then an integer search, not string comparisons).
    packed: Option<Vec<(u64, Truth)>>,
}

/// An id of at most 7 bytes as one integer (bytes and length), distinct
/// for distinct ids.
pub(super) fn pack(id: &str) -> Option<u64> {
    let bytes = id.as_bytes();
    (bytes.len() <= 7).then(|| {
        let mut b = [0u8; 8];
        b[..bytes.len()].copy_from_slice(bytes);
        b[7] = bytes.len() as u8;
        u64::from_le_bytes(b)
    })
}

impl<'a> Members<'a> {
    pub(super) fn on(treaty: &'a Treaty, date: Date) -> Members<'a> {
        let mut truths: Vec<(&str, Truth)> = treaty
            .parties
            .iter()
            .map(|p| (p.polity.as_str(), p.member_on(date)))
            .collect();
        // Unstable is enough: equal entries are identical.
        truths.sort_unstable();
        // Sorted by (polity, truth): the last entry of each polity is its
        // best spell, as `membership` takes.
        truths.reverse();
        truths.dedup_by_key(|(p, _)| *p);
        truths.reverse();
        let packed = truths
            .iter()
            .map(|(p, t)| pack(p).map(|k| (k, *t)))
            .collect::<Option<Vec<_>>>()
            .map(|mut v| {
                v.sort_unstable_by_key(|(k, _)| *k);
                v
            });
        Members { truths, packed }
    }

    /// `membership(treaty, polity, date).0`.
    pub(super) fn of(&self, polity: &str) -> Truth {
        if let Some(packed) = &self.packed {
            // Every party's id packs, so an id that does not is no party.
            return pack(polity)
                .and_then(|k| packed.binary_search_by_key(&k, |(k, _)| *k).ok())
                .map_or(Truth::No, |i| packed[i].1);
        }
        match self.truths.binary_search_by(|(p, _)| (*p).cmp(polity)) {
            Ok(i) => self.truths[i].1,
            Err(_) => Truth::No,
        }
    }
}

impl<'a> Ctx<'a> {
    pub(super) fn party(&self, polity: &str) -> Proof {
        let (holds, spell) = membership(self.treaty, polity, self.date());
        let name = self.name(polity);
        let short = &self.treaty.short_name;
        match spell {
            Some(s) => {
                let statement = match holds {
                    Truth::Yes => text!("{name} is a party to {short} ({})", s.membership.interval),
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
        match membership(self.treaty, polity, self.date()).0 {
            Truth::Yes => "a party",
            Truth::No => "not a party",
            Truth::Unknown => "of uncertain membership",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pack;

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
