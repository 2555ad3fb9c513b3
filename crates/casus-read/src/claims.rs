//! Commitment claims: sentences that say whether a security commitment
//! reaches a place, an adversary or a situation. A claim needs a phrase of
//! reach (`words::REACH_PHRASES`: "extends to", "covers", "includes",
//! "obligations to", "requested consultations under", …) and a treaty —
//! named in the sentence, or, when the sentence refers to one ("this
//! treaty", "obligations", "the alliance") or speaks of a place within a
//! state, the treaty named last before it (else the article's most named
//! one). Its polarity is negative when a negation stands in the phrase's
//! clause just before it, open when the sentence hedges ("not yet
//! settled", "whether"). A sentence naming two treaties gives two claims.

use serde::Serialize;

use casus_core::KnowledgeBase;

use crate::layout::Sentence;
use crate::mentions::{Link, Mention};
use crate::quotes::{Quote, Registry};
use crate::tokens::Tokens;
use crate::words::{self, ReachPhrase};

/// What a claim is about.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Subject {
    /// In the article's words.
    pub text: String,
    /// The knowledge-base territory (and place) it names, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// A state named as the subject ("Armenian territory", "Armenia").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub polity: Option<String>,
    /// The claim is about forces, vessels or aircraft rather than territory.
    pub forces: bool,
    /// The state the sentence names as acting ("Russia's invasion").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The events are said to lie outside this state's territory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outside: Option<String>,
    /// A state's territory ("Armenian territory"): a place within the
    /// meaning of a scope clause.
    #[serde(skip)]
    pub territorial: bool,
}

/// One commitment claim.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// The sentence, verbatim.
    pub text: String,
    pub claimant: Option<String>,
    /// The claimant's office, when the article gives it.
    pub claimant_role: Option<String>,
    /// Knowledge-base treaty id.
    pub treaty: Option<String>,
    pub article: Option<String>,
    pub subject: Subject,
    /// `true`: applies; `false`: does not; `None`: no clear stance.
    pub applies: Option<bool>,
    /// The phrase of reach that made it a claim.
    pub phrase: String,
    #[serde(skip)]
    pub sentence: usize,
}

/// The reach phrases by first word, and those whose first word is a prefix.
struct Phrases<'a> {
    by_first: &'a std::collections::HashMap<&'static str, Vec<&'static ReachPhrase>>,
    prefixes: &'a [(&'static str, Vec<&'static ReachPhrase>)],
    /// First bytes of every phrase: other words are skipped at once.
    first_letters: [bool; 256],
}

struct Hit {
    first: usize,
    last: usize,
    object: bool,
    negated: bool,
}

/// Find the claims of the article.
#[allow(clippy::too_many_arguments)]
pub fn find(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    sentences: &[Sentence],
    body_from: usize,
    mentions: &[Mention],
    quotes: &[Quote],
    registry: &Registry,
) -> Vec<Claim> {
    let mut by_first: std::collections::HashMap<&str, Vec<&ReachPhrase>> = Default::default();
    for p in words::REACH_PHRASES {
        by_first
            .entry(p.words[0].trim_end_matches('*'))
            .or_default()
            .push(p);
    }
    let prefixes: Vec<(&str, Vec<&ReachPhrase>)> = by_first
        .iter()
        .map(|(k, v)| {
            (
                *k,
                v.iter()
                    .copied()
                    .filter(|p| p.words[0].ends_with('*'))
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let mut first_letters = [false; 256];
    for w in words::REACH_PHRASES
        .iter()
        .map(|p| p.words[0])
        .chain(words::REFUSAL_PHRASES.iter().map(|p| p[0]))
    {
        if let Some(b) = w.bytes().next() {
            first_letters[b as usize] = true;
        }
    }
    let phrases = Phrases {
        by_first: &by_first,
        prefixes: &prefixes,
        first_letters,
    };
    let treaty_mentions: Vec<&Mention> = mentions.iter().filter(|m| m.treaty().is_some()).collect();
    let dominant = dominant_treaty(&treaty_mentions);
    let mut out = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        if s.start < body_from {
            continue;
        }
        let range = tokens.within(s.start, s.end);
        let hits = find_hits(tokens, text, range.clone(), &phrases);
        if hits.is_empty() {
            continue;
        }
        let sentence_text = &text[s.start..s.end];
        let (a, b) = (
            mentions.partition_point(|m| m.start < s.start),
            mentions.partition_point(|m| m.start < s.end),
        );
        let in_sentence: Vec<&Mention> = mentions[a..b].iter().filter(|m| m.end <= s.end).collect();
        let hedged = words::HEDGES
            .iter()
            .any(|h| contains_seq(tokens, range.clone(), h));
        // Subjects for each hit.
        let mut scored: Vec<(usize, &Hit, Subject)> = Vec::new();
        for h in &hits {
            let subject =
                subject_after(kb, text, tokens, h, range.end, &in_sentence).or_else(|| {
                    (!h.object)
                        .then(|| subject_anywhere(kb, text, tokens, range.clone(), &in_sentence))
                        .flatten()
                });
            if let Some((rank, subject)) = subject {
                scored.push((rank, h, subject));
            } else if !h.object {
                scored.push((0, h, Subject::default()));
            }
        }
        if scored.is_empty() {
            continue;
        }
        let named: Vec<&&Mention> = in_sentence
            .iter()
            .filter(|m| m.treaty().is_some())
            .collect();
        let mut claims_here: Vec<(String, &Hit, Subject)> = Vec::new();
        if named.is_empty() {
            let refers = (range.clone()).any(|k| words::TREATY_ANAPHORS.contains(&tokens.norm(k)));
            let best = scored
                .iter()
                .max_by_key(|(rank, h, _)| (*rank, usize::MAX - h.first));
            let Some((rank, h, subject)) = best else {
                continue;
            };
            if !refers && *rank < 3 && !subject.territorial {
                continue;
            }
            if !h.object && !refers {
                continue;
            }
            let before = treaty_mentions.partition_point(|m| m.start < s.start);
            let previous = treaty_mentions[..before]
                .iter()
                .rev()
                .find(|m| m.end <= s.start)
                .and_then(|m| m.treaty());
            let Some(treaty) = previous.or(dominant.as_deref()) else {
                continue;
            };
            claims_here.push((treaty.to_string(), h, subject.clone()));
        } else {
            let mut seen: Vec<&str> = Vec::new();
            for m in named {
                let Some(t) = m.treaty() else { continue };
                if seen.contains(&t) {
                    continue;
                }
                seen.push(t);
                // The nearest hit before the mention, else after.
                let pick = scored
                    .iter()
                    .filter(|(_, h, _)| h.first <= m.first)
                    .max_by_key(|(rank, h, _)| (h.first, *rank))
                    .or_else(|| scored.iter().min_by_key(|(_, h, _)| h.first));
                if let Some((_, h, subject)) = pick {
                    claims_here.push((t.to_string(), h, subject.clone()));
                }
            }
            // One hit for several treaties: prefer the best subject overall.
            if claims_here.len() == 1 {
                if let Some((_, h, subject)) = scored
                    .iter()
                    .max_by_key(|(rank, h, _)| (*rank, usize::MAX - h.first))
                {
                    claims_here[0].1 = h;
                    claims_here[0].2 = subject.clone();
                }
            }
        }
        let quote_here = quotes
            .get(quotes.partition_point(|q| q.sentence < si))
            .filter(|q| q.sentence == si);
        let on_forces = attack_on_forces(tokens, range.clone());
        for (treaty, h, mut subject) in claims_here {
            subject.forces |= on_forces;
            let applies = if hedged { None } else { Some(!h.negated) };
            // "The hostilities are not taking place on Armenian territory":
            // the events lie outside that state's territory, somewhere the
            // article names (the check looks for it).
            let location = (h.first..=h.last).any(|k| tokens.norm(k) == "place");
            if location && h.negated {
                if let Some(p) = subject.polity.take() {
                    subject.text = format!("the hostilities (not on {})", subject.text);
                    subject.territory = None;
                    subject.place = None;
                    subject.outside = Some(p);
                }
            }
            let (claimant, claimant_role) =
                claimant_of(text, tokens, s, h, &in_sentence, quote_here, registry);
            out.push(Claim {
                text: sentence_text.to_string(),
                claimant,
                claimant_role,
                treaty: Some(treaty),
                article: article_in(text, tokens, range.clone()),
                subject,
                applies,
                phrase: text[tokens.tokens[h.first].start..tokens.tokens[h.last].end].to_string(),
                sentence: si,
            });
        }
    }
    out
}

/// The sentence speaks of an attack on forces, vessels or aircraft ("any
/// armed attack on Philippine forces", "if its forces, ships or aircraft
/// came under armed attack"): a target word within six words of "attack".
fn attack_on_forces(tokens: &Tokens, range: std::ops::Range<usize>) -> bool {
    const TARGETS: &[&str] = &[
        "forces",
        "vessels",
        "aircraft",
        "ships",
        "troops",
        "servicemen",
    ];
    range.clone().any(|k| {
        matches!(tokens.norm(k), "attack" | "attacks")
            && (k.saturating_sub(6).max(range.start)..(k + 7).min(range.end))
                .any(|j| TARGETS.contains(&tokens.norm(j)))
    })
}

fn dominant_treaty(treaty_mentions: &[&Mention]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in treaty_mentions {
        let Some(t) = m.treaty() else { continue };
        match counts.iter_mut().find(|(x, _)| *x == t) {
            Some(c) => c.1 += 1,
            None => counts.push((t, 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(t, _)| t.to_string())
}

fn word_matches(pattern: &str, word: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => pattern == word,
    }
}

fn contains_seq(tokens: &Tokens, range: std::ops::Range<usize>, seq: &[&str]) -> bool {
    range.clone().any(|k| {
        k + seq.len() <= range.end
            && seq
                .iter()
                .enumerate()
                .all(|(n, w)| tokens.norm(k + n) == *w)
    })
}

fn find_hits(
    tokens: &Tokens,
    text: &str,
    range: std::ops::Range<usize>,
    phrases: &Phrases,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    for k in range.clone() {
        let norm = tokens.norm(k);
        if !norm
            .bytes()
            .next()
            .is_some_and(|b| phrases.first_letters[b as usize])
        {
            continue;
        }
        let candidates = phrases.by_first.get(norm).into_iter().flatten().chain(
            phrases
                .prefixes
                .iter()
                .filter(|(f, _)| norm.starts_with(*f) && *f != norm)
                .flat_map(|(_, v)| v.iter()),
        );
        let mut found = None;
        for p in candidates {
            let Some(last) = match_words(tokens, k, range.end, p.words) else {
                continue;
            };
            // Passive invocation counts nothing ("has been invoked").
            if k > range.start
                && matches!(tokens.norm(k - 1), "been" | "was" | "were" | "be")
                && !p.object
            {
                continue;
            }
            found = Some(Hit {
                first: k,
                last,
                object: p.object,
                negated: negated_before(tokens, text, range.start, k),
            });
            break;
        }
        if found.is_none() {
            found = words::REFUSAL_PHRASES.iter().find_map(|w| {
                match_words(tokens, k, range.end, w).map(|last| Hit {
                    first: k,
                    last,
                    object: false,
                    negated: !negated_before(tokens, text, range.start, k),
                })
            });
        }
        hits.extend(found);
    }
    hits
}

/// Match a phrase at token `k`: the index of its last token.
fn match_words(tokens: &Tokens, k: usize, end: usize, words: &[&str]) -> Option<usize> {
    let Some((first, rest)) = words.split_first() else {
        return k.checked_sub(1);
    };
    if *first == "..." {
        return (0..=4).find_map(|skip| {
            (k + skip <= end)
                .then(|| match_words(tokens, k + skip, end, rest))
                .flatten()
        });
    }
    if k >= end || !word_matches(first, tokens.norm(k)) {
        return None;
    }
    match_words(tokens, k + 1, end, rest)
}

/// A negation in the same clause, at most five words before the phrase.
fn negated_before(tokens: &Tokens, text: &str, sentence_first: usize, k: usize) -> bool {
    let mut j = k;
    let mut steps = 0;
    while j > sentence_first && steps < 5 {
        let sep = &text[tokens.tokens[j - 1].end..tokens.tokens[j].start];
        if sep.contains([',', ';', ':', '"', '“', '”']) || sep.contains(" - ") || sep.contains('—')
        {
            break;
        }
        j -= 1;
        steps += 1;
        let w = tokens.norm(j);
        if matches!(w, "but" | "although" | "while" | "and" | "which" | "that") {
            break;
        }
        if words::NEGATORS.contains(&w) {
            // "n't": the token "t" after an apostrophe.
            if w == "t" && !text[..tokens.tokens[j].start].ends_with(['\'', '’']) {
                continue;
            }
            return true;
        }
    }
    false
}

/// The subject after an object phrase: the first place or state mention
/// within twelve words (rank 3 for a place, 2 for a state), else a
/// situation word within eight (rank 1).
fn subject_after(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    h: &Hit,
    end: usize,
    mentions: &[&Mention],
) -> Option<(usize, Subject)> {
    if !h.object {
        return None;
    }
    let from = h.last + 1;
    let to = (from + 12).min(end);
    // The object ends at a semicolon, a quotation mark or a relative
    // clause (", where China has built …").
    let clause_end = (from..to)
        .find(|&k| {
            k > from
                && (text[tokens.tokens[k - 1].end..tokens.tokens[k].start]
                    .contains([';', '"', '“', '”'])
                    || (text[tokens.tokens[k - 1].end..tokens.tokens[k].start].contains(',')
                        && matches!(
                            tokens.norm(k),
                            "where" | "which" | "who" | "when" | "while" | "although"
                        )))
        })
        .unwrap_or(to);
    let forces = (from..clause_end).any(|k| {
        matches!(
            tokens.norm(k),
            "forces" | "vessels" | "aircraft" | "ships" | "troops"
        )
    });
    let best = mentions
        .iter()
        .filter(|m| {
            m.first >= from && m.first < clause_end && (m.is_place() || m.polity().is_some())
        })
        .map(|m| subject_of(kb, text, tokens, m, mentions, forces))
        .max_by_key(|(rank, _)| *rank);
    if best.is_some() {
        return best;
    }
    let situation = (from..(from + 8).min(clause_end))
        .find(|&k| words::SITUATION_WORDS.contains(&tokens.norm(k)))
        .or_else(|| {
            let r = tokens.within(
                text[..tokens.tokens[h.first].start]
                    .rfind(['.', '?', '!'])
                    .map_or(0, |p| p + 1),
                tokens.tokens[h.first].start,
            );
            r.clone()
                .find(|&k| words::SITUATION_WORDS.contains(&tokens.norm(k)))
        })?;
    if situation < from {
        let stop = (situation + 4).min(h.first).max(situation + 1);
        let stext =
            text[tokens.tokens[situation].start..tokens.tokens[stop - 1].end].replace('\n', " ");
        return Some((
            1,
            Subject {
                text: stext,
                forces,
                ..Subject::default()
            },
        ));
    }
    let stop = (situation + 4)
        .min(clause_end.max(situation + 1))
        .min(tokens.tokens.len());
    let stext = text[tokens.tokens[from].start..tokens.tokens[stop - 1].end].replace('\n', " ");
    // A place later in the sentence is where the situation is.
    let place = mentions.iter().find(|m| m.first >= from && m.is_place());
    let mut subject = Subject {
        text: stext,
        forces,
        ..Subject::default()
    };
    if let Some(m) = place {
        let (_, s) = subject_of(kb, text, tokens, m, mentions, forces);
        subject.territory = s.territory;
        subject.place = s.place;
    }
    Some((1, subject))
}

/// For a request or invocation: the first place in the sentence, else a
/// state adjective before a situation word ("Polish airspace").
fn subject_anywhere(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    range: std::ops::Range<usize>,
    mentions: &[&Mention],
) -> Option<(usize, Subject)> {
    if let Some(m) = mentions.iter().find(|m| m.is_place()) {
        return Some(subject_of(kb, text, tokens, m, mentions, false));
    }
    let k = range
        .clone()
        .find(|&k| words::SITUATION_WORDS.contains(&tokens.norm(k)))?;
    let from = k.saturating_sub(3).max(range.start);
    let to = (k + 5).min(range.end);
    let territorial =
        |j: usize| matches!(tokens.norm(j), "territory" | "airspace" | "soil" | "waters");
    // The state attacked: an adjective before a territorial noun ("Polish
    // airspace"), else the state after the situation ("invasion of Ukraine").
    let subject = mentions
        .iter()
        .find(|m| {
            m.first >= k
                && m.last < to
                && m.polity().is_some()
                && m.last + 1 < range.end
                && territorial(m.last + 1)
        })
        .or_else(|| {
            mentions
                .iter()
                .find(|m| m.first > k && m.first < to && m.polity().is_some())
        });
    let end = subject.map_or(to, |m| {
        if m.last + 1 < range.end && territorial(m.last + 1) {
            m.last + 2
        } else {
            m.last + 1
        }
    });
    let stext = text[tokens.tokens[from].start..tokens.tokens[end - 1].end].replace('\n', " ");
    // The attacker: a state just before the situation ("Russian drone
    // violation", "Russia's full-scale invasion").
    let by = mentions
        .iter()
        .rev()
        .find(|m| {
            m.last < k
                && k - m.last <= 4
                && m.polity().is_some()
                && Some(m.first) != subject.map(|s| s.first)
        })
        .and_then(|m| m.polity())
        .map(str::to_string);
    Some((
        1,
        Subject {
            text: stext,
            polity: subject.and_then(|m| m.polity()).map(str::to_string),
            by,
            ..Subject::default()
        },
    ))
}

fn subject_of(
    kb: &KnowledgeBase,
    text: &str,
    tokens: &Tokens,
    m: &Mention,
    _mentions: &[&Mention],
    forces: bool,
) -> (usize, Subject) {
    let _ = kb;
    let mut subject = Subject {
        text: m.text.replace('\n', " "),
        forces,
        ..Subject::default()
    };
    for l in &m.links {
        match l {
            Link::Place { place, territory } => {
                subject.territory = Some(territory.clone());
                subject.place = place.clone();
            }
            Link::Polity { id } => subject.polity = Some(id.clone()),
            Link::Treaty { .. } => {}
        }
    }
    // "Armenian territory": the adjective and the noun.
    let mut territorial = false;
    if m.how == "adjective" && m.last + 1 < tokens.tokens.len() {
        let next = tokens.norm(m.last + 1);
        if matches!(next, "territory" | "soil" | "airspace" | "waters") {
            subject.text = text[m.start..tokens.tokens[m.last + 1].end].to_string();
            territorial = true;
        }
    }
    subject.territorial = territorial;
    let rank = if m.how == "capital" {
        2
    } else if subject.territory.is_some() {
        3
    } else {
        2
    };
    (rank, subject)
}

/// "Article 5", "Article IV", "Art. 4" in the sentence.
fn article_in(text: &str, tokens: &Tokens, range: std::ops::Range<usize>) -> Option<String> {
    range.clone().find_map(|k| {
        let n = tokens.norm(k);
        if (n == "article" || (n == "art" && text[tokens.tokens[k].end..].starts_with('.')))
            && k + 1 < range.end
        {
            let num = &text[tokens.tokens[k + 1].start..tokens.tokens[k + 1].end];
            let ok = num.chars().all(|c| c.is_ascii_digit())
                || (!num.is_empty() && num.chars().all(|c| "IVXL".contains(c)));
            return ok.then(|| num.to_string());
        }
        None
    })
}

/// Who makes the claim: the speaker of the sentence's quotation, the state
/// that requests ("Poland had requested", "made by Bulgaria, …"), or the
/// person named in the sentence.
fn claimant_of(
    text: &str,
    tokens: &Tokens,
    s: &Sentence,
    h: &Hit,
    mentions: &[&Mention],
    quote: Option<&Quote>,
    registry: &Registry,
) -> (Option<String>, Option<String>) {
    if !h.object {
        let near = mentions.iter().rev().find(|m| {
            m.last < h.first
                && m.polity().is_some()
                && (m.last + 1..h.first).all(|k| {
                    matches!(
                        tokens.norm(k),
                        "had"
                            | "has"
                            | "have"
                            | "formally"
                            | "officially"
                            | "also"
                            | "then"
                            | "today"
                            | "will"
                            | "would"
                    )
                })
        });
        if let Some(m) = near {
            return (Some(m.text.clone()), None);
        }
        let by = (h.last + 1..tokens.within(s.start, s.end).end).find(|&k| tokens.norm(k) == "by");
        if let Some(by) = by {
            // A list of states right after "by": "Bulgaria, the Czech
            // Republic, … and Slovakia".
            let mut list: Vec<&&Mention> = Vec::new();
            for m in mentions
                .iter()
                .filter(|m| m.first > by && m.polity().is_some())
            {
                let from = list.last().map_or(tokens.tokens[by].end, |l| l.end);
                let gap = text[from..m.start].trim();
                let gap = gap.trim_start_matches(',').trim();
                if !(gap.is_empty() || gap == "and" || gap == "the" || gap == "and the") {
                    break;
                }
                list.push(m);
            }
            if let (Some(a), Some(b)) = (list.first(), list.last()) {
                return (Some(text[a.start..b.end].to_string()), None);
            }
        }
    }
    if let Some(q) = quote {
        return (q.speaker.clone(), q.role.clone());
    }
    // The first known person the sentence names.
    let best = tokens
        .within(s.start, s.end)
        .filter(|&k| tokens.tokens[k].cap)
        .find_map(|k| registry.lookup(&text[tokens.tokens[k].start..tokens.tokens[k].end]))
        .map(|i| (0usize, &registry.speakers[i]));
    match best {
        Some((_, sp)) => (Some(sp.name.clone()), sp.role.clone()),
        None => (None, None),
    }
}
