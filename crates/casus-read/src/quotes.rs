//! Direct quotations and who said them. A quotation's speaker is found, in
//! this order: an attribution right after it (`…," Putin said`, `said
//! Blinken`, `he added`, `the spokesman said`); the nearest speaker before
//! it in its sentence (`Peskov underscored that "…"`, a treaty article that
//! "stipulates"); an attribution later in the sentence; the speaker of the
//! previous quotation in the paragraph (a quotation split around its
//! attribution, or continued); the speaker introduced by a paragraph that
//! ends with a colon. Pronouns go to the last person named, role words
//! ("the spokesman", "the colonel general") to the last person whose role
//! holds them. A person is first named in full ("Kremlin spokesman Dmitry
//! Peskov") and then by surname. Quotation marks around a name or term,
//! and quotations nobody is said to have spoken, are not quotations.

use serde::Serialize;

use crate::layout::{Paragraph, QuoteSpan, Role, Sentence};
use crate::lexicon::Lexicon;
use crate::mentions::Mention;
use crate::tokens::Tokens;

/// A direct quotation with its speaker.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// The words between the marks (a trailing comma dropped).
    pub text: String,
    pub speaker: Option<String>,
    /// The speaker's office as the article gives it.
    pub role: Option<String>,
    /// How the speaker was found.
    pub how: &'static str,
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
    #[serde(skip)]
    pub sentence: usize,
}

/// Someone or something that can speak.
#[derive(Debug, Clone)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    pub surname: String,
}

#[derive(Debug, Clone)]
enum ActorKind {
    /// Index into the registry.
    Known(usize),
    Pronoun,
    /// "it said": the last body named.
    It,
    /// "the spokesman": role words, folded.
    RoleRef(Vec<String>),
}

#[derive(Debug, Clone)]
struct Actor {
    kind: ActorKind,
    start: usize,
    end: usize,
}

/// The people, bodies and treaty articles named so far.
#[derive(Default)]
pub struct Registry {
    pub speakers: Vec<Speaker>,
    /// Index of the last person named (not a body or an article).
    last_person: Option<usize>,
    last_article: Option<usize>,
    articles: std::collections::HashSet<usize>,
    /// The last body (not a person, not an article) named.
    last_body: Option<usize>,
    /// Speakers of the quotations so far, most recent last.
    quoted: Vec<usize>,
    /// Lower-case full names and surnames -> index (the first bearer).
    by_name: std::collections::HashMap<String, usize>,
    by_surname: std::collections::HashMap<String, usize>,
}

impl Registry {
    /// A known speaker by full name or surname, any case.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.find(name)
    }

    fn find(&self, name: &str) -> Option<usize> {
        let f = name.to_lowercase();
        self.by_name
            .get(&f)
            .or_else(|| self.by_surname.get(&f))
            .copied()
    }
    fn add(&mut self, name: String, role: Option<String>) -> usize {
        if let Some(i) = self.find(&name) {
            if self.speakers[i].role.is_none() {
                self.speakers[i].role = role;
            }
            return i;
        }
        // A surname first seen alone and later in full: keep the full name.
        // Suffixes ("Jr.") are not the surname.
        let surname = name
            .split(' ')
            .rev()
            .find(|w| !matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV"))
            .unwrap_or(&name)
            .to_string();
        if let Some(&i) = self.by_name.get(&surname.to_lowercase()) {
            self.by_name.entry(name.to_lowercase()).or_insert(i);
            self.speakers[i].name = name;
            if self.speakers[i].role.is_none() {
                self.speakers[i].role = role;
            }
            return i;
        }
        let i = self.speakers.len();
        self.by_name.entry(name.to_lowercase()).or_insert(i);
        self.by_surname.entry(surname.to_lowercase()).or_insert(i);
        self.speakers.push(Speaker {
            name,
            role,
            surname,
        });
        i
    }
    fn resolve(&self, kind: &ActorKind) -> Option<usize> {
        match kind {
            ActorKind::Known(i) => Some(*i),
            ActorKind::Pronoun => self.last_person,
            ActorKind::It => self.last_body,
            ActorKind::RoleRef(words) => {
                if words
                    .iter()
                    .any(|w| matches!(w.as_str(), "article" | "treaty" | "text" | "provision"))
                {
                    return self.last_article;
                }
                let fits = |i: usize| {
                    let role = self.speakers[i]
                        .role
                        .as_deref()
                        .unwrap_or("")
                        .to_lowercase();
                    !self.articles.contains(&i)
                        && words.iter().any(|w| {
                            !matches!(w.as_str(), "the" | "of" | "official")
                                && role.split(|c: char| !c.is_alphanumeric()).any(|r| r == w)
                        })
                };
                // The last quoted speaker who holds the role, else the
                // last person named who does, else the last person.
                self.quoted
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| fits(i))
                    .or_else(|| (0..self.speakers.len()).rev().find(|&i| fits(i)))
                    .or(self.last_person)
            }
        }
    }
}

/// Find the quotations and their speakers.
#[allow(clippy::too_many_arguments)]
pub fn find(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    paras: &[Paragraph],
    sentences: &[Sentence],
    spans: &[QuoteSpan],
    mentions: &[Mention],
    registry: &mut Registry,
) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut last_para_speaker: Option<(usize, usize)> = None; // (paragraph, speaker)
    let mut colon_intro: Option<(usize, usize)> = None;
    for (si, s) in sentences.iter().enumerate() {
        let (a, b) = (
            spans.partition_point(|q| q.open < s.start),
            spans.partition_point(|q| q.open < s.end),
        );
        let in_sentence: Vec<&QuoteSpan> = spans[a..b].iter().collect();
        let actors = actors_in(
            lex,
            text,
            tokens,
            s.start,
            s.end,
            &in_sentence,
            mentions,
            registry,
        );
        for q in &in_sentence {
            let inner = text[q.inner_start..q.inner_end].trim_end();
            let inner = inner.strip_suffix(',').unwrap_or(inner).trim_end();
            if inner.is_empty() || is_term(inner) {
                continue;
            }
            let mut how = "";
            let mut who = None;
            // 1. Attribution right after the quotation.
            let next_open = in_sentence
                .iter()
                .map(|o| o.open)
                .filter(|&o| o > q.open)
                .min()
                .unwrap_or(s.end);
            if let Some(a) = attribution_after(lex, text, tokens, q.close, next_open, &actors) {
                who = registry.resolve(&a.kind);
                how = "attribution after";
            }
            // 2. The nearest speaker before it in the sentence.
            if who.is_none() {
                let before = tokens.within(s.start, q.open);
                let verb = before
                    .clone()
                    .rev()
                    .find(|&k| {
                        lex.speech_verbs.contains(tokens.norm(k))
                            && !in_any(&in_sentence, tokens.tokens[k].start)
                    })
                    .map(|k| tokens.tokens[k].start);
                let subject = verb.and_then(|v| actors.iter().rev().find(|a| a.end <= v));
                if let Some(a) = subject.or_else(|| actors.iter().rev().find(|a| a.end <= q.open)) {
                    who = registry.resolve(&a.kind);
                    how = "speaker before";
                }
            }
            // 3. A speaker later in the sentence.
            if who.is_none() {
                if let Some(a) = actors.iter().find(|a| a.start >= q.close) {
                    who = registry.resolve(&a.kind);
                    how = "speaker after";
                }
            }
            // 4. The previous quotation's speaker in this paragraph.
            if who.is_none() {
                if let Some((p, w)) = last_para_speaker {
                    if p == s.paragraph {
                        who = Some(w);
                        how = "previous quotation";
                    }
                }
            }
            // 5. A paragraph ending with a colon introduced it.
            if who.is_none() {
                if let Some((p, w)) = colon_intro {
                    if p + 1 == s.paragraph {
                        who = Some(w);
                        how = "introduced";
                    }
                }
            }
            let Some(w) = who else {
                continue;
            };
            // A headline quotation repeating words of a body quotation is
            // not counted twice (the headline is read first; drop it later).
            last_para_speaker = Some((s.paragraph, w));
            registry.quoted.push(w);
            let sp = &registry.speakers[w];
            out.push(Quote {
                text: inner.to_string(),
                speaker: Some(sp.name.clone()),
                role: sp.role.clone(),
                how,
                start: q.inner_start,
                end: q.inner_start + inner.len(),
                sentence: si,
            });
        }
        // Remember the last person of the sentence for pronouns.
        for a in &actors {
            if let ActorKind::Known(i) = a.kind {
                if !registry.articles.contains(&i) && is_person(&registry.speakers[i]) {
                    registry.last_person = Some(i);
                }
            }
        }
        if let Some((p, w)) = last_para_speaker {
            if p == s.paragraph
                && is_person(&registry.speakers[w])
                && !registry.articles.contains(&w)
            {
                registry.last_person = Some(w);
            }
        }
        let sentence_text = text[s.start..s.end].trim_end();
        if sentence_text.ends_with(':') && in_sentence.is_empty() {
            if let Some(a) = actors.first() {
                if let Some(w) = registry.resolve(&a.kind) {
                    colon_intro = Some((s.paragraph, w));
                }
            }
        }
    }
    // Headline quotations that repeat words of the body's are dropped.
    let headline_end = paras
        .iter()
        .find(|p| p.role == Role::Headline)
        .map(|p| p.end)
        .unwrap_or(0);
    let body: Vec<String> = out
        .iter()
        .filter(|q| q.start >= headline_end)
        .map(|q| q.text.to_lowercase())
        .collect();
    out.retain(|q| {
        q.start >= headline_end || !body.iter().any(|b| b.contains(&q.text.to_lowercase()))
    });
    out
}

fn in_any(quotes: &[&QuoteSpan], pos: usize) -> bool {
    quotes.iter().any(|q| pos >= q.open && pos < q.close)
}

fn is_person(s: &Speaker) -> bool {
    s.name.contains(' ') || s.role.is_some() || s.name == s.surname
}

/// Quotation marks around a name or term: every word capitalised, at most
/// four words ("Shushi Declaration", 'Article 5').
fn is_term(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    words.len() <= 4
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// An attribution opening the text after a quotation: `[,] NAME VERB`,
/// `VERB NAME`, `he VERB`, `the ROLE VERB`.
fn attribution_after<'a>(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    close: usize,
    limit: usize,
    actors: &'a [Actor],
) -> Option<&'a Actor> {
    let gap = &text[close..limit.max(close)];
    let trimmed = gap.trim_start_matches([',', ' ', '\n', '\u{a0}']);
    if trimmed.is_empty() {
        return None;
    }
    let from = close + (gap.len() - trimmed.len());
    let range = tokens.within(from, limit);
    if range.is_empty() {
        return None;
    }
    let first = range.start;
    // VERB NAME: "said Blinken", "added the colonel general".
    if lex.speech_verbs.contains(tokens.norm(first)) {
        let after_verb = tokens.tokens[first].end;
        return actors
            .iter()
            .find(|a| a.start >= after_verb && a.start <= after_verb + 30);
    }
    // NAME VERB: the actor starting here, then a speech verb within two words.
    let actor = actors
        .iter()
        .find(|a| a.start == from || (a.start > from && a.start <= from + 4))?;
    let after = tokens.first_at(actor.end);
    (after..(after + 3).min(range.end))
        .any(|k| lex.speech_verbs.contains(tokens.norm(k)))
        .then_some(actor)
}

/// The actors of a sentence outside its quotations, registering new names.
#[allow(clippy::too_many_arguments)]
fn actors_in(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    start: usize,
    end: usize,
    quotes: &[&QuoteSpan],
    mentions: &[Mention],
    registry: &mut Registry,
) -> Vec<Actor> {
    let inside = |pos: usize| quotes.iter().any(|q| pos >= q.open && pos < q.close);
    let range = tokens.within(start, end);
    let mentions = &mentions[mentions.partition_point(|m| m.start < start)
        ..mentions.partition_point(|m| m.start < end)];
    let mention_at = |k: usize| mentions.iter().any(|m| k >= m.first && k <= m.last);
    let state_at = |k: usize| {
        mentions
            .iter()
            .any(|m| k >= m.first && k <= m.last && m.polity().is_some() && m.treaty().is_none())
    };
    let mut actors = Vec::new();
    let mut k = range.start;
    while k < range.end {
        let t = &tokens.tokens[k];
        if inside(t.start) {
            k += 1;
            continue;
        }
        let norm = tokens.norm(k);
        // Pronouns.
        if norm == "it" && k + 1 < range.end && lex.speech_verbs.contains(tokens.norm(k + 1)) {
            actors.push(Actor {
                kind: ActorKind::It,
                start: t.start,
                end: t.end,
            });
            k += 1;
            continue;
        }
        if matches!(norm, "he" | "she") {
            actors.push(Actor {
                kind: ActorKind::Pronoun,
                start: t.start,
                end: t.end,
            });
            k += 1;
            continue;
        }
        // "Article 5 of the … Treaty".
        if norm == "article" && t.cap {
            if let Some((last, name)) = article_ref(text, tokens, k, range.end) {
                let i = registry.add(name, None);
                registry.articles.insert(i);
                registry.last_article = Some(i);
                actors.push(Actor {
                    kind: ActorKind::Known(i),
                    start: t.start,
                    end: tokens.tokens[last].end,
                });
                k = last + 1;
                continue;
            }
        }
        // "the spokesman", "the colonel general", "The article".
        if norm == "the" && k + 1 < range.end {
            let mut j = k + 1;
            let mut words = Vec::new();
            while j < range.end
                && j < k + 5
                && lex.role_words.contains(tokens.norm(j))
                && !mention_at(j)
            {
                words.push(tokens.norm(j).to_string());
                j += 1;
            }
            let is_article = matches!(
                tokens.norm(k + 1),
                "article" | "treaty" | "text" | "provision"
            );
            if is_article {
                words = vec![tokens.norm(k + 1).to_string()];
                j = k + 2;
            }
            let next_cap = j < range.end && tokens.tokens[j].cap && !is_article;
            let joined =
                text[tokens.tokens[k].end..tokens.tokens[(j - 1).max(k)].end].contains(',');
            if !words.is_empty()
                && !next_cap
                && !joined
                && words.iter().any(|w| {
                    !matches!(
                        w.as_str(),
                        "the"
                            | "of"
                            | "for"
                            | "and"
                            | "state"
                            | "white"
                            | "house"
                            | "us"
                            | "un"
                            | "eu"
                            | "nato"
                            | "csto"
                            | "joint"
                            | "staff"
                            | "kremlin"
                    )
                })
            {
                actors.push(Actor {
                    kind: ActorKind::RoleRef(words),
                    start: t.start,
                    end: tokens.tokens[j - 1].end,
                });
                k = j;
                continue;
            }
        }
        if !t.cap || t.digits {
            k += 1;
            continue;
        }
        // A run of capitalised words (with "of", "the", "for" inside, and
        // hyphenated lower-case parts: "Jong-un").
        let mut j = k + 1;
        while j < range.end && !inside(tokens.tokens[j].start) {
            let sep = &text[tokens.tokens[j - 1].end..tokens.tokens[j].start];
            let tj = &tokens.tokens[j];
            let joinable = sep == " " || sep == "\n" || sep == "-";
            if !joinable {
                break;
            }
            if tj.cap || sep == "-" {
                j += 1;
                continue;
            }
            if matches!(tokens.norm(j), "of" | "the" | "for")
                && j + 1 < range.end
                && tokens.tokens[j + 1].cap
            {
                j += 1;
                continue;
            }
            break;
        }
        if let Some(actor) = run_actor(
            lex,
            text,
            tokens,
            (k, j),
            range.start,
            (&mention_at, &state_at),
            registry,
        ) {
            actors.push(actor);
        }
        k = j;
    }
    actors
}

/// "Article 5 of the Japan-U.S. Security Treaty": from `k` to the word
/// "treaty" (or "charter"), at most twelve words on.
fn article_ref(text: &str, tokens: &Tokens, k: usize, end: usize) -> Option<(usize, String)> {
    let num = tokens.norm(k + 1);
    let numeric =
        num.chars().all(|c| c.is_ascii_digit()) || num.chars().all(|c| "ivxl".contains(c));
    if !numeric || k + 2 >= end || tokens.norm(k + 2) != "of" {
        return None;
    }
    let last =
        (k + 3..end.min(k + 14)).find(|&j| matches!(tokens.norm(j), "treaty" | "charter"))?;
    let span = &text[tokens.tokens[k].start..tokens.tokens[last].end];
    if span.contains([',', ';', '.']) && !span.contains("U.S.") {
        return None;
    }
    Some((last, span.to_string()))
}

/// The actor a run of capitalised words `k..j` names, if any: a person (two
/// or three name words at its end, or a known surname), or a body ("White
/// House", "Armenian Defense Ministry").
#[allow(clippy::too_many_arguments)]
fn run_actor(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    (k, j): (usize, usize),
    sentence_start: usize,
    (mention_at, state_at): (&dyn Fn(usize) -> bool, &dyn Fn(usize) -> bool),
    registry: &mut Registry,
) -> Option<Actor> {
    let name_like = |i: usize| {
        let n = tokens.norm(i);
        let t = &tokens.tokens[i];
        let continuation = text[..t.start].ends_with('-');
        (t.cap || continuation)
            && !t.digits
            && (continuation || !lex.role_words.contains(n))
            && !lex.function_words.contains(n)
            && !lex.org_words.contains(n)
            && !lex.months.contains_key(n)
            && !crate::words::WEEKDAYS.contains(&n)
            && !mention_at(i)
            && !(t.upper && t.end - t.start > 1 && i == k && j - k == 1)
    };
    // Trailing name words.
    let mut n0 = j;
    while n0 > k && name_like(n0 - 1) && j - n0 < 3 {
        n0 -= 1;
    }
    // Hyphenated parts belong to the word before ("Kim Jong-un").
    let words = (n0..j)
        .filter(|&i| !text[..tokens.tokens[i].start].ends_with('-'))
        .count();
    let next_verb = j < tokens.tokens.len() && lex.speech_verbs.contains(tokens.norm(j))
        || (j + 1 < tokens.tokens.len()
            && lex.speech_verbs.contains(tokens.norm(j + 1))
            && tokens.norm(j) == "also");
    let prev_verb = k > sentence_start && lex.speech_verbs.contains(tokens.norm(k - 1));
    let span_text =
        |a: usize, b: usize| text[tokens.tokens[a].start..tokens.tokens[b - 1].end].to_string();
    // "the Cold War": a determiner before a run without an office word
    // makes it a thing, not a person.
    let determiner = n0 == k
        && k > sentence_start
        && matches!(tokens.norm(k - 1), "the" | "a" | "an" | "this" | "that");
    if n0 < j && !determiner {
        let name = span_text(n0, j).replace('\n', " ");
        let known = registry.find(&name);
        if words >= 2 || known.is_some() || next_verb || prev_verb {
            let role = role_before(lex, text, tokens, k, n0, sentence_start)
                .or_else(|| role_after(lex, text, tokens, j));
            let i = registry.add(name, role);
            return Some(Actor {
                kind: ActorKind::Known(i),
                start: tokens.tokens[n0].start,
                end: tokens.tokens[j - 1].end,
            });
        }
    }
    // A state as speaker: a run that is all state names, right before a
    // quotation or a verb of speech ("N Korea 'fully supports' …").
    let after_run = &text[tokens.tokens[j - 1].end..];
    let quote_next = after_run.starts_with([' ', '\n'])
        && after_run
            .trim_start_matches([' ', '\n'])
            .starts_with(['"', '“', '‘', '\'']);
    if (k..j).all(state_at) && (quote_next || next_verb) {
        let name = span_text(k, j).replace('\n', " ");
        let i = registry.add(name, None);
        return Some(Actor {
            kind: ActorKind::Known(i),
            start: tokens.tokens[k].start,
            end: tokens.tokens[j - 1].end,
        });
    }
    // A body: the run holds an organisation word.
    let org_end = (k..j)
        .rev()
        .find(|&i| lex.org_words.contains(tokens.norm(i)))?;
    let mut org_start = k;
    while org_start < org_end && lex.function_words.contains(tokens.norm(org_start)) {
        org_start += 1;
    }
    // Bodies named by a treaty or alliance mention are not speakers ("the
    // CSTO" as a body is; "Collective Security Treaty Organization" too).
    let name = span_text(org_start, org_end + 1).replace('\n', " ");
    if name.split_whitespace().count() < 2 && !next_verb {
        return None;
    }
    let i = registry.add(name, None);
    registry.last_body = Some(i);
    Some(Actor {
        kind: ActorKind::Known(i),
        start: tokens.tokens[org_start].start,
        end: tokens.tokens[org_end].end,
    })
}

/// The role words before a name: the rest of its run and the office words
/// just before the run ("Kremlin spokesman Dmitry Peskov").
fn role_before(
    lex: &Lexicon,
    text: &str,
    tokens: &Tokens,
    run_start: usize,
    name_start: usize,
    sentence_start: usize,
) -> Option<String> {
    let mut a = run_start;
    while a > sentence_start {
        let p = a - 1;
        let sep = &text[tokens.tokens[p].end..tokens.tokens[a].start];
        if sep != " " && sep != "\n" && sep != "-" {
            break;
        }
        let n = tokens.norm(p);
        if tokens.tokens[p].cap || lex.role_words.contains(n) {
            if matches!(n, "the" | "of" | "for" | "and") && !tokens.tokens[p].cap {
                break;
            }
            a = p;
        } else {
            break;
        }
    }
    while a < name_start && lex.function_words.contains(tokens.norm(a)) && tokens.norm(a) != "of" {
        a += 1;
    }
    if a >= name_start {
        return None;
    }
    let role = text[tokens.tokens[a].start..tokens.tokens[name_start - 1].end].replace('\n', " ");
    let has_office = (a..name_start).any(|i| {
        lex.role_words.contains(tokens.norm(i))
            && !matches!(tokens.norm(i), "the" | "of" | "for" | "and")
    });
    has_office.then_some(role)
}

/// An appositive role after a name: "Matthew Miller, spokesman for the US
/// State Department,".
fn role_after(lex: &Lexicon, text: &str, tokens: &Tokens, name_end: usize) -> Option<String> {
    let t = tokens.tokens.get(name_end)?;
    let prev_end = tokens.tokens[name_end - 1].end;
    if &text[prev_end..t.start] != ", " || !lex.role_words.contains(tokens.norm(name_end)) || t.cap
    {
        return None;
    }
    let rest = &text[t.start..];
    let stop = crate::tokens::floor_boundary(
        rest,
        rest.find([',', '.', ';']).unwrap_or(rest.len()).min(80),
    );
    Some(rest[..stop].to_string())
}
