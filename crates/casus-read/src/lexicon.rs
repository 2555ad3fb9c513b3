//! The dictionaries the reader matches, built once from a knowledge base:
//! states by name and alias, state adjectives (`words::DEMONYMS`), capitals
//! (the knowledge base's places whose source or note says "Capital of"),
//! places and non-state territories (regions, islands, seas, disputed
//! areas), treaties by name, short name and alias, and the phrases that
//! name a treaty without its title. One Aho-Corasick automaton searches the
//! article's folded words for all of them.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use casus_core::model::{PolityKind, TerritoryKind};
use casus_core::KnowledgeBase;

use crate::tokens::fold_phrase;
use crate::words;

/// What a dictionary entry stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entity {
    /// A state, by knowledge-base id.
    Polity(String),
    /// An adjective standing for a state.
    Demonym(String),
    /// A capital: a place, and the state it can stand for.
    Capital { polity: String, place: usize },
    /// A place or a non-state territory.
    Place {
        place: Option<usize>,
        territory: Option<usize>,
    },
    /// A treaty, by index in the knowledge base.
    Treaty(usize),
    /// A phrase naming a security treaty without its title.
    GenericTreaty,
}

/// One entry: the entity and, for short upper-case names ("US", "CSTO"),
/// the exact letters the text must show.
#[derive(Debug, Clone)]
pub struct Entry {
    pub entity: Entity,
    pub exact: Option<String>,
}

/// The compiled dictionaries.
pub struct Lexicon {
    pub automaton: AhoCorasick,
    /// Pattern id -> entries (several when names collide).
    pub entries: Vec<Vec<Entry>>,
    /// Folded surname -> nothing; filled per article. Kept here: the word
    /// lists as sets for quick tests.
    pub speech_verbs: std::collections::HashSet<&'static str>,
    pub role_words: std::collections::HashSet<&'static str>,
    pub org_words: std::collections::HashSet<&'static str>,
    pub function_words: std::collections::HashSet<&'static str>,
    pub people_nouns: std::collections::HashSet<&'static str>,
    pub months: HashMap<&'static str, i8>,
    /// ISO 3166-1 alpha-2 code -> the state's mainland territory id (for
    /// places found in the gazetteer).
    pub mainland_by_iso2: HashMap<String, String>,
}

impl Lexicon {
    /// Build the dictionaries from `kb`.
    pub fn new(kb: &KnowledgeBase) -> Result<Lexicon, crate::ReadError> {
        let mut by_pattern: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut add = |name: &str, entity: Entity| {
            // "The Philippines" is also "the Philippines" mid-sentence: the
            // article is not part of the name.
            let folded = fold_phrase(name);
            let folded = folded
                .strip_prefix("the ")
                .map(str::to_string)
                .unwrap_or(folded);
            if folded.len() < 2 {
                return;
            }
            let letters: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
            let exact = (letters.chars().count() <= 4
                && letters.chars().all(|c| !c.is_lowercase()))
            .then_some(letters);
            let list = by_pattern.entry(folded.clone()).or_insert_with(|| {
                order.push(folded);
                Vec::new()
            });
            if !list.iter().any(|e| e.entity == entity) {
                list.push(Entry { entity, exact });
            }
        };
        // Treaties first: on a tie of length the first pattern wins.
        for (i, t) in kb.treaties.iter().enumerate() {
            for name in std::iter::once(&t.name)
                .chain(std::iter::once(&t.short_name))
                .chain(&t.aliases)
            {
                add(name, Entity::Treaty(i));
            }
        }
        for phrase in words::GENERIC_TREATY_PHRASES {
            add(phrase, Entity::GenericTreaty);
        }
        let states: Vec<&casus_core::model::Polity> = kb
            .polities
            .iter()
            .filter(|p| matches!(p.kind, PolityKind::State | PolityKind::DeFactoState))
            .collect();
        let polity_names: std::collections::HashSet<String> = states
            .iter()
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .map(|n| fold_phrase(n))
            .collect();
        for p in &states {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                add(name, Entity::Polity(p.id.clone()));
                // Headline shorthand: "N Korea", "S Korea".
                for (long, short) in [("North ", "N "), ("South ", "S ")] {
                    if let Some(rest) = name.strip_prefix(long) {
                        add(&format!("{short}{rest}"), Entity::Polity(p.id.clone()));
                    }
                }
            }
        }
        for (adjective, id) in words::DEMONYMS {
            if kb.polity(id).is_some() {
                add(adjective, Entity::Demonym(id.to_string()));
            }
        }
        for (i, place) in kb.places.iter().enumerate() {
            let capital_of = [Some(&*place.source.citation), place.note.as_deref()]
                .into_iter()
                .flatten()
                .any(|s| s.starts_with("Capital of") || s.contains(" capital of "))
                .then(|| sovereign_of(kb, &place.territory))
                .flatten();
            for name in std::iter::once(&place.name).chain(&place.aliases) {
                // "Kremlin" names a site too, but in a report it is the
                // Russian government far more often than the place.
                let folded = fold_phrase(name);
                if polity_names.contains(&folded) || words::ORG_WORDS.contains(&folded.as_str()) {
                    continue;
                }
                match &capital_of {
                    Some(polity) => add(
                        name,
                        Entity::Capital {
                            polity: polity.clone(),
                            place: i,
                        },
                    ),
                    None => add(
                        name,
                        Entity::Place {
                            place: Some(i),
                            territory: None,
                        },
                    ),
                }
            }
        }
        for (i, t) in kb.territories.iter().enumerate() {
            if t.kind == TerritoryKind::Mainland {
                continue;
            }
            for name in std::iter::once(&t.name).chain(&t.aliases) {
                if polity_names.contains(&fold_phrase(name)) {
                    continue;
                }
                let entity = Entity::Place {
                    place: None,
                    territory: Some(i),
                };
                add(name, entity.clone());
                // "Diaoyu Islands" is also written "the Diaoyu".
                for generic in [" Islands", " Island", " Islets", " Dao"] {
                    if let Some(head) = name.strip_suffix(generic) {
                        if !head.contains(' ') && !polity_names.contains(&fold_phrase(head)) {
                            add(head, entity.clone());
                        }
                    }
                }
            }
        }
        let entries: Vec<Vec<Entry>> = order.iter().map(|p| by_pattern[p].clone()).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&order)
            .map_err(|e| crate::ReadError::Lexicon(e.to_string()))?;
        Ok(Lexicon {
            automaton,
            entries,
            speech_verbs: words::SPEECH_VERBS.iter().copied().collect(),
            role_words: words::ROLE_WORDS.iter().copied().collect(),
            org_words: words::ORG_WORDS.iter().copied().collect(),
            function_words: words::FUNCTION_WORDS.iter().copied().collect(),
            people_nouns: words::PEOPLE_NOUNS.iter().copied().collect(),
            months: words::MONTHS.iter().copied().collect(),
            mainland_by_iso2: kb
                .territories
                .iter()
                .filter(|t| t.kind == TerritoryKind::Mainland)
                .flat_map(|t| {
                    t.iso_codes
                        .iter()
                        .filter(|c| c.len() == 2)
                        .map(|c| (c.clone(), t.id.clone()))
                })
                .collect(),
        })
    }
}

/// The latest sovereign of a territory (or of its nearest ancestor with one).
fn sovereign_of(kb: &KnowledgeBase, territory: &str) -> Option<String> {
    let mut id = territory.to_string();
    for _ in 0..16 {
        let t = kb.territory(&id)?;
        // The current sovereign: an open-ended spell, else the latest end.
        let current = t
            .sovereign
            .iter()
            .find(|s| s.interval.to.is_none())
            .or_else(|| {
                t.sovereign
                    .iter()
                    .max_by_key(|s| s.interval.to.map(|d| d.latest()))
            });
        if let Some(s) = current {
            return Some(s.value.clone());
        }
        id = t.parent.clone()?;
    }
    None
}
