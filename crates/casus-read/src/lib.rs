//! casus-read: read a news article about security commitments — its
//! publication date, direct quotations and their speakers, the states,
//! treaties and places it mentions (linked to knowledge-base ids), its time
//! expressions resolved to dates, and its commitment claims — and check
//! each claim against the engine.
//!
//! No terminal code: [`Reader::read`] returns an [`Article`] (serialisable),
//! [`check::check`] the engine's view of each claim, [`kb_claims`] claim
//! entries for review, [`eval`] scores against hand annotations. The rules
//! are described in docs/read.md.
//!
//! Modules, in reading order: [`input`] (bytes to text) and [`html`];
//! [`layout`] (paragraphs, boilerplate, quotations, sentences); [`tokens`];
//! [`lexicon`] and [`mentions`]; [`dates`]; [`quotes`]; [`claims`];
//! [`check`]; [`kb_claims`]; [`eval`]; [`words`] (the reader's own word
//! lists).

pub mod check;
pub mod claims;
pub mod dates;
pub mod eval;
pub mod html;
pub mod input;
pub mod kb_claims;
pub mod layout;
pub mod lexicon;
pub mod mentions;
pub mod quotes;
pub mod tokens;
pub mod words;

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use casus_core::KnowledgeBase;

pub use check::{check, Agreement, ClaimCheck};
pub use claims::Claim;
pub use dates::{Published, TimeExpr};
pub use input::{InputKind, MAX_ARTICLE_BYTES};
pub use quotes::Quote;

/// Why an article could not be read (or its claims written).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the article is empty")]
    Empty,
    #[error("the article looks like a binary file, not text")]
    Binary,
    #[error("the article is UTF-16 text; convert it to UTF-8")]
    Utf16,
    #[error("the article is not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("the article is {size} bytes, over the limit of {limit} bytes for one article")]
    TooLarge { size: usize, limit: usize },
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0} is a directory of the shipped knowledge base; write claims for review elsewhere")]
    ShippedKb(PathBuf),
    #[error("{0} exists; claims are never written over an existing file")]
    Exists(PathBuf),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot build the reader's dictionaries: {0}")]
    Lexicon(String),
}

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The publication date, when the article does not give it.
    pub published: Option<Date>,
}

/// A state the article mentions.
#[derive(Debug, Clone, Serialize)]
pub struct PolityRef {
    pub id: String,
    pub name: String,
    /// The words that named it, each once.
    pub as_written: Vec<String>,
}

/// A treaty the article mentions.
#[derive(Debug, Clone, Serialize)]
pub struct TreatyRef {
    pub id: String,
    pub name: String,
    pub as_written: Vec<String>,
}

/// A place as written, with the territory it lies in.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceRef {
    pub text: String,
    pub territory: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// Everything read from one article.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub input: InputKind,
    pub title: Option<String>,
    pub published: Option<Published>,
    pub quotes: Vec<Quote>,
    pub polities: Vec<PolityRef>,
    pub treaties: Vec<TreatyRef>,
    pub places: Vec<PlaceRef>,
    pub dates: Vec<TimeExpr>,
    pub claims: Vec<Claim>,
    /// Paragraphs left out as boilerplate (captions, credits, links, …).
    pub left_out: Vec<String>,
    /// Mentions per state, in order of first mention (for the check).
    #[serde(skip)]
    pub polity_counts: Vec<(String, usize)>,
}

/// The reader: dictionaries built once from a knowledge base.
pub struct Reader {
    lexicon: lexicon::Lexicon,
}

impl Reader {
    /// Build the dictionaries from `kb`.
    pub fn new(kb: &KnowledgeBase) -> Result<Reader, ReadError> {
        Ok(Reader {
            lexicon: lexicon::Lexicon::new(kb)?,
        })
    }

    /// Read raw bytes: checked (size, binary, encoding), HTML stripped.
    pub fn read(
        &self,
        kb: &KnowledgeBase,
        bytes: &[u8],
        options: &Options,
    ) -> Result<Article, ReadError> {
        let decoded = input::decode(bytes)?;
        Ok(self.read_decoded(kb, &decoded, options))
    }

    /// Read text that is already decoded.
    pub fn read_text(
        &self,
        kb: &KnowledgeBase,
        text: &str,
        options: &Options,
    ) -> Result<Article, ReadError> {
        self.read(kb, text.as_bytes(), options)
    }

    fn read_decoded(
        &self,
        kb: &KnowledgeBase,
        decoded: &input::Decoded,
        options: &Options,
    ) -> Article {
        let lex = &self.lexicon;
        let text = decoded.text.as_str();
        let paras = layout::paragraphs(text);
        let tokens = tokens::Tokens::new(text);
        let spans = layout::quotes(text, &paras);
        let sentences = layout::sentences(text, &paras, &spans);
        let published = dates::publication(
            lex,
            text,
            &tokens,
            &paras,
            options.published,
            decoded.meta_published.as_deref(),
        );
        let day = published.as_ref().map(|p| p.date);
        let dateline = dates::dateline_span(text, &tokens, &paras);
        let times = dates::expressions(lex, text, &tokens, &paras, dateline, day);
        let mentions = mentions::find(kb, lex, text, &tokens, &paras, day);
        let mut registry = quotes::Registry::default();
        let quotes = quotes::find(
            lex,
            text,
            &tokens,
            &paras,
            &sentences,
            &spans,
            &mentions,
            &mut registry,
        );
        let body_from = paras
            .iter()
            .find(|p| p.role == layout::Role::Body)
            .map(|p| p.start)
            .unwrap_or(0);
        let claims = claims::find(
            kb, text, &tokens, &sentences, body_from, &mentions, &quotes, &registry,
        );

        let mut polities: Vec<PolityRef> = Vec::new();
        let mut polity_counts: Vec<(String, usize)> = Vec::new();
        let mut treaties: Vec<TreatyRef> = Vec::new();
        let mut places: Vec<PlaceRef> = Vec::new();
        for m in &mentions {
            let written = m.text.replace('\n', " ");
            for l in &m.links {
                match l {
                    mentions::Link::Polity { id } => {
                        match polity_counts.iter_mut().find(|(x, _)| x == id) {
                            Some(c) => c.1 += 1,
                            None => polity_counts.push((id.clone(), 1)),
                        }
                        match polities.iter_mut().find(|p| p.id == *id) {
                            Some(p) => push_once(&mut p.as_written, &written),
                            None => polities.push(PolityRef {
                                id: id.clone(),
                                name: kb.polity_name(id).to_string(),
                                as_written: vec![written.clone()],
                            }),
                        }
                    }
                    mentions::Link::Treaty { id } => {
                        match treaties.iter_mut().find(|t| t.id == *id) {
                            Some(t) => push_once(&mut t.as_written, &written),
                            None => treaties.push(TreatyRef {
                                id: id.clone(),
                                name: kb
                                    .treaty(id)
                                    .map(|t| t.short_name.clone())
                                    .unwrap_or_default(),
                                as_written: vec![written.clone()],
                            }),
                        }
                    }
                    mentions::Link::Place { place, territory } => {
                        if !places.iter().any(|p| p.text.eq_ignore_ascii_case(&written)) {
                            places.push(PlaceRef {
                                text: written.clone(),
                                territory: territory.clone(),
                                place: place.clone(),
                            });
                        }
                    }
                }
            }
        }
        let title = paras
            .iter()
            .find(|p| p.role == layout::Role::Headline)
            .map(|p| text[p.start..p.end].to_string());
        let left_out = paras
            .iter()
            .filter(|p| p.role == layout::Role::Boilerplate)
            .map(|p| {
                let s = &text[p.start..p.end];
                let cut: String = s.chars().take(100).collect();
                if cut.len() < s.len() {
                    format!("{cut}…")
                } else {
                    cut
                }
            })
            .collect();
        Article {
            input: decoded.kind,
            title,
            published,
            quotes,
            polities,
            treaties,
            places,
            dates: times,
            claims,
            left_out,
            polity_counts,
        }
    }
}

fn push_once(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}
