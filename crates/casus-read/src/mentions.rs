//! Mentions of states, treaties and places in the article, linked to
//! knowledge-base ids. Rules on top of the dictionary match: a name must be
//! capitalised (short upper-case names exactly as written); an adjective
//! before a noun for people describes people, not the state ("Syrian
//! mercenaries"); a capital stands for its state unless it is a location
//! ("in Moscow", "Brussels headquarters", a dateline); a phrase such as
//! "security treaty" is resolved to the treaty between the states the
//! article names.

use jiff::civil::Date;
use serde::Serialize;

use casus_core::{KnowledgeBase, Truth};

use crate::layout::{Paragraph, Role};
use crate::lexicon::{Entity, Lexicon};
use crate::tokens::Tokens;

/// What a mention links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Link {
    /// A state (by name, adjective or capital as metonym).
    Polity { id: String },
    /// A treaty.
    Treaty { id: String },
    /// A place or territory; `territory` is the knowledge-base territory it
    /// lies in, `place` the place id when it is one.
    Place {
        #[serde(skip_serializing_if = "Option::is_none")]
        place: Option<String>,
        territory: String,
    },
}

/// One mention: where it is, what it says, what it links to.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub links: Vec<Link>,
    /// How the link was made: `name`, `adjective`, `capital`, `generic`.
    pub how: &'static str,
    /// Token span.
    #[serde(skip)]
    pub first: usize,
    #[serde(skip)]
    pub last: usize,
}

impl Mention {
    pub fn polity(&self) -> Option<&str> {
        self.links.iter().find_map(|l| match l {
            Link::Polity { id } => Some(id.as_str()),
            _ => None,
        })
    }
    pub fn treaty(&self) -> Option<&str> {
        self.links.iter().find_map(|l| match l {
            Link::Treaty { id } => Some(id.as_str()),
            _ => None,
        })
    }
    pub fn territory(&self) -> Option<&str> {
        self.links.iter().find_map(|l| match l {
            Link::Place { territory, .. } => Some(territory.as_str()),
            _ => None,
        })
    }
    pub fn is_place(&self) -> bool {
        self.territory().is_some()
    }
}

const LOCATIVES: &[&str] = &[
    "in", "at", "to", "from", "near", "outside", "into", "over", "across", "around", "via",
    "visited", "visit", "toward", "towards", "within", "inside",
];
const FACILITY_NOUNS: &[&str] = &[
    "headquarters",
    "airport",
    "office",
    "offices",
    "embassy",
    "summit",
    "streets",
    "street",
    "residents",
    "mayor",
    "region",
    "suburb",
    "suburbs",
    "metro",
    "hq",
];

/// Find every mention in the article's body and headline.
pub fn find(
    kb: &KnowledgeBase,
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    paras: &[Paragraph],
    date: Option<Date>,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut pending_generic: Vec<Mention> = Vec::new();
    for m in lex.automaton.find_iter(&tokens.folded) {
        let (Some(first), Some(last)) =
            (tokens.at_fold_start(m.start()), tokens.at_fold_end(m.end()))
        else {
            continue;
        };
        let start = tokens.tokens[first].start;
        let end = tokens.tokens[last].end;
        let Some(para) = paragraph_of(paras, start) else {
            continue;
        };
        if matches!(paras[para].role, Role::Boilerplate) {
            continue;
        }
        let surface = &text[start..end];
        let entries = &lex.entries[m.pattern().as_usize()];
        let exact_ok = |exact: &Option<String>| match exact {
            Some(letters) => {
                let seen: String = surface.chars().filter(|c| c.is_alphanumeric()).collect();
                seen == *letters
            }
            None => true,
        };
        let capitalised = tokens.tokens[first].cap || tokens.tokens[first].digits;
        let mut links = Vec::new();
        let mut how = "name";
        // A place name inside an organisation's name ("North Atlantic
        // Council", "Moscow Declaration") is not the place.
        let next_word = (last + 1 < tokens.tokens.len()).then(|| tokens.norm(last + 1));
        let in_org_name = next_word.is_some_and(|w| {
            lex.org_words.contains(w)
                || matches!(
                    w,
                    "treaty" | "declaration" | "charter" | "pact" | "agreement"
                )
        }) && tokens
            .tokens
            .get(last + 1)
            .is_some_and(|t| t.cap && &text[end..t.start] == " ");
        let dateline = paras[para].start == tokens.tokens[first].start
            && tokens.tokens[first].upper
            && surface.chars().count() > 2;
        for e in entries.iter().filter(|e| exact_ok(&e.exact)) {
            match &e.entity {
                Entity::GenericTreaty => {
                    pending_generic.push(Mention {
                        start,
                        end,
                        text: surface.to_string(),
                        links: Vec::new(),
                        how: "generic",
                        first,
                        last,
                    });
                }
                _ if !capitalised => {}
                Entity::Polity(id) => links.push(Link::Polity { id: id.clone() }),
                Entity::Treaty(i) => links.push(Link::Treaty {
                    id: kb.treaties[*i].id.clone(),
                }),
                Entity::Demonym(id) => {
                    let next = (last + 1 < tokens.tokens.len()).then(|| tokens.norm(last + 1));
                    if !next.is_some_and(|n| lex.people_nouns.contains(n)) {
                        links.push(Link::Polity { id: id.clone() });
                        how = "adjective";
                    }
                }
                Entity::Capital { .. } | Entity::Place { .. } if in_org_name => {}
                Entity::Capital { polity, place } => {
                    let p = &kb.places[*place];
                    links.push(Link::Place {
                        place: Some(p.id.clone()),
                        territory: p.territory.clone(),
                    });
                    let prev = first.checked_sub(1).map(|i| tokens.norm(i));
                    let next = (last + 1 < tokens.tokens.len()).then(|| tokens.norm(last + 1));
                    let possessed = first >= 2
                        && tokens.norm(first - 1) == "s"
                        && text[tokens.tokens[first - 2].end..start].contains(['\'', '’']);
                    let located = prev.is_some_and(|w| LOCATIVES.contains(&w))
                        || next.is_some_and(|w| FACILITY_NOUNS.contains(&w))
                        || possessed
                        || dateline;
                    if !located {
                        links.push(Link::Polity { id: polity.clone() });
                        how = "capital";
                    }
                }
                Entity::Place { place, territory } => {
                    let (place_id, territory_id) = match (place, territory) {
                        (Some(p), _) => (
                            Some(kb.places[*p].id.clone()),
                            kb.places[*p].territory.clone(),
                        ),
                        (None, Some(t)) => (None, kb.territories[*t].id.clone()),
                        (None, None) => continue,
                    };
                    links.push(Link::Place {
                        place: place_id,
                        territory: territory_id,
                    });
                }
            }
        }
        // A state that did not exist on the article's date is a historical
        // name ("Soviet Union"): not a mention of a present state.
        if let Some(day) = date {
            links.retain(|l| match l {
                Link::Polity { id } => kb.polity(id).is_none_or(|p| {
                    p.existence.is_empty()
                        || p.existence
                            .iter()
                            .any(|s| s.interval.contains(day) != Truth::No)
                }),
                _ => true,
            });
        }
        if !links.is_empty() {
            out.push(Mention {
                start,
                end,
                text: surface.to_string(),
                links,
                how,
                first,
                last,
            });
        }
    }
    resolve_generic(kb, &mut out, pending_generic, date);
    out.sort_by_key(|m| m.start);
    let extra = gazetteer_places(lex, text, tokens, paras, &out);
    out.extend(extra);
    out.sort_by_key(|m| m.start);
    out
}

/// Towns the knowledge base does not list, from the GeoNames gazetteer:
/// one to three capitalised words right after a preposition of place ("in
/// Almaty", "at Versailles", "the town of Zhanaozen") that name a place of
/// at least 10,000 inhabitants. The most populous namesake gives the
/// country, whose mainland territory the mention links to.
fn gazetteer_places(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    paras: &[Paragraph],
    found: &[Mention],
) -> Vec<Mention> {
    const MIN_POPULATION: u32 = 10_000;
    let mut covered = vec![false; tokens.tokens.len()];
    for m in found {
        for c in covered.iter_mut().take(m.last + 1).skip(m.first) {
            *c = true;
        }
    }
    let taken = |k: usize| covered[k];
    let gazetteer = casus_gazetteer::Gazetteer::get();
    let mut out = Vec::new();
    for k in 1..tokens.tokens.len() {
        let t = &tokens.tokens[k];
        if !t.cap || t.digits || taken(k) {
            continue;
        }
        let prev = tokens.norm(k - 1);
        let before_prev = k.checked_sub(2).map(|i| tokens.norm(i));
        let locative = LOCATIVES.contains(&prev)
            || (prev == "of"
                && before_prev.is_some_and(|w| {
                    matches!(
                        w,
                        "town" | "city" | "village" | "port" | "region" | "province"
                    )
                }));
        if !locative
            || !text[tokens.tokens[k - 1].end..t.start]
                .chars()
                .all(char::is_whitespace)
        {
            continue;
        }
        let Some(para) = paragraph_of(paras, t.start) else {
            continue;
        };
        if !matches!(paras[para].role, Role::Body | Role::Headline) {
            continue;
        }
        // The longest run of up to three capitalised words that names a place.
        let mut run = k;
        while run + 1 < tokens.tokens.len()
            && run + 1 < k + 3
            && tokens.tokens[run + 1].cap
            && !taken(run + 1)
            && &text[tokens.tokens[run].end..tokens.tokens[run + 1].start] == " "
        {
            run += 1;
        }
        for last in (k..=run).rev() {
            let words: Vec<&str> = (k..=last).map(|i| tokens.norm(i)).collect();
            if words.iter().any(|w| {
                lex.function_words.contains(w)
                    || lex.role_words.contains(w)
                    || lex.org_words.contains(w)
                    || lex.months.contains_key(w)
            }) {
                continue;
            }
            let key = words.join(" ");
            let best = gazetteer
                .lookup_folded(&key)
                .into_iter()
                .filter(|e| e.population >= MIN_POPULATION)
                .max_by_key(|e| e.population);
            let Some(entry) = best else { continue };
            let Some(territory) = lex.mainland_by_iso2.get(entry.country) else {
                continue;
            };
            let (start, end) = (t.start, tokens.tokens[last].end);
            out.push(Mention {
                start,
                end,
                text: text[start..end].to_string(),
                links: vec![Link::Place {
                    place: None,
                    territory: territory.clone(),
                }],
                how: "gazetteer",
                first: k,
                last,
            });
            break;
        }
    }
    out
}

/// The paragraph holding byte `pos`.
pub fn paragraph_of(paras: &[Paragraph], pos: usize) -> Option<usize> {
    let i = paras.partition_point(|p| p.end <= pos);
    (i < paras.len() && paras[i].start <= pos).then_some(i)
}

/// "Security treaty", "mutual defence agreement": the treaty whose parties
/// the article names, among those signed by the article's date and not
/// ended before it. Preferred, in order: more parties named near the
/// phrase (within its paragraph's reach, 400 bytes), more words of the
/// phrase in the treaty's name, more parties named in the article, fewer
/// parties. A phrase inside a treaty name already matched is skipped.
fn resolve_generic(
    kb: &KnowledgeBase,
    mentions: &mut Vec<Mention>,
    generic: Vec<Mention>,
    date: Option<Date>,
) {
    if generic.is_empty() {
        return;
    }
    // State mentions by position (mentions are sorted by start).
    let named: Vec<(&str, usize)> = mentions
        .iter()
        .filter_map(|m| m.polity().map(|p| (p, m.start)))
        .collect();
    let article_states: std::collections::HashSet<&str> = named.iter().map(|(p, _)| *p).collect();
    // Candidates and how many of their parties the article names: once.
    let candidates: Vec<(usize, usize)> = (0..kb.treaties.len())
        .filter_map(|i| {
            let t = &kb.treaties[i];
            if t.parties.len() < 2 || t.provisions.is_empty() {
                return None;
            }
            let dated = date.is_none_or(|day| {
                t.signed.is_none_or(|s| s.earliest() <= day)
                    && t.in_force.interval.to.is_none_or(|to| to.latest() >= day)
            });
            let mut parties: Vec<&str> = t.parties.iter().map(|p| p.polity.as_str()).collect();
            parties.sort_unstable();
            parties.dedup();
            let anywhere = parties
                .iter()
                .filter(|p| article_states.contains(*p))
                .count();
            (dated && anywhere >= 2 && anywhere * 2 >= t.parties.len().min(8))
                .then_some((i, anywhere))
        })
        .collect();
    let mut overlap_cache: std::collections::HashMap<String, Vec<usize>> = Default::default();
    let mut resolved = Vec::new();
    for mut g in generic {
        // Matches do not overlap: a phrase already named as a treaty
        // starts at the same place.
        let at = mentions.partition_point(|m| m.start < g.start);
        let inside = mentions[at..]
            .iter()
            .take_while(|m| m.start == g.start)
            .any(|m| m.treaty().is_some());
        if inside {
            continue;
        }
        let phrase = crate::tokens::fold_phrase(&g.text);
        let overlaps = overlap_cache.entry(phrase.clone()).or_insert_with(|| {
            let words: Vec<&str> = phrase
                .split(' ')
                .filter(|w| {
                    !matches!(
                        *w,
                        "treaty" | "agreement" | "pact" | "of" | "on" | "and" | "the"
                    )
                })
                .collect();
            candidates
                .iter()
                .map(|(i, _)| {
                    let t = &kb.treaties[*i];
                    let names: String = std::iter::once(&t.name)
                        .chain(&t.aliases)
                        .map(|n| crate::tokens::fold_phrase(n))
                        .collect::<Vec<_>>()
                        .join(" ");
                    words
                        .iter()
                        .filter(|w| names.split(' ').any(|n| n == **w))
                        .count()
                })
                .collect()
        });
        // States named within 400 bytes of the phrase.
        let lo = named.partition_point(|(_, at)| *at + 400 < g.start);
        let hi = named.partition_point(|(_, at)| *at <= g.start + 400);
        let near_states: Vec<&str> = named[lo..hi].iter().map(|(p, _)| *p).collect();
        let mut best: Option<((usize, usize, usize, usize), usize)> = None;
        for (c, (i, anywhere)) in candidates.iter().enumerate() {
            let t = &kb.treaties[*i];
            let mut near: Vec<&str> = near_states
                .iter()
                .copied()
                .filter(|p| t.parties.iter().any(|x| x.polity == *p))
                .collect();
            near.sort_unstable();
            near.dedup();
            let key = (
                near.len(),
                overlaps[c],
                *anywhere,
                usize::MAX - t.parties.len(),
            );
            if best.is_none_or(|(b, _)| key > b) {
                best = Some((key, *i));
            }
        }
        if let Some((_, i)) = best {
            g.links.push(Link::Treaty {
                id: kb.treaties[i].id.clone(),
            });
            resolved.push(g);
        }
    }
    mentions.extend(resolved);
}
