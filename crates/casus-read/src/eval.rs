//! Scoring the reader against hand annotations (the format of
//! `../shared/data/news/README.md`): precision, recall and F1 for quotes
//! with the right speaker, states, treaties, places, resolved dates and
//! commitment claims with the right treaty and polarity, and the share of
//! publication dates found without help.
//!
//! Matching: a quote's text must be equal after folding quotation marks,
//! apostrophes and white space (a trailing comma dropped), and its speaker
//! equal or one name containing the other ("Peskov", "Dmitry Peskov");
//! states and treaties by id (the annotation's treaty names resolved
//! through the knowledge base's names); places by their spelling, case
//! aside; a date by its value, with one text containing the other
//! ("Tuesday", "the early hours of Tuesday"); a claim by its sentence (one
//! containing the other), treaty and polarity.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use casus_core::KnowledgeBase;

use crate::{Article, Options, Reader};

/// One annotation file.
#[derive(Debug, Clone, Deserialize)]
pub struct Annotation {
    #[serde(default)]
    pub title: Option<String>,
    pub published: Option<String>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub polities: Vec<String>,
    #[serde(default)]
    pub treaties: Vec<String>,
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub event_dates: Vec<GoldDate>,
    #[serde(default)]
    pub commitment_claims: Vec<GoldClaim>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub text: String,
    pub speaker: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    pub text: String,
    pub date: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    pub treaty: Option<String>,
    pub applies: Option<bool>,
    pub text: String,
}

/// Counts for one measure.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Count {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Count {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Count) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The scores of one article or of a set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub articles: usize,
    pub quotes: Count,
    pub polities: Count,
    pub treaties: Count,
    pub places: Count,
    pub dates: Count,
    pub claims: Count,
    /// Publication dates found without `--published`, of those annotated.
    pub published_found: usize,
    pub published_total: usize,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.articles += o.articles;
        self.quotes.add(o.quotes);
        self.polities.add(o.polities);
        self.treaties.add(o.treaties);
        self.places.add(o.places);
        self.dates.add(o.dates);
        self.claims.add(o.claims);
        self.published_found += o.published_found;
        self.published_total += o.published_total;
    }

    /// The measures by name, in report order.
    pub fn measures(&self) -> [(&'static str, Count); 6] {
        [
            ("quotes with speaker", self.quotes),
            ("states", self.polities),
            ("treaties", self.treaties),
            ("places", self.places),
            ("dates", self.dates),
            ("claims (treaty, polarity)", self.claims),
        ]
    }

    /// A plain-text table of the scores.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<28} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6}\n",
            "measure", "tp", "fp", "fn", "precision", "recall", "F1"
        );
        for (name, c) in self.measures() {
            out.push_str(&format!(
                "{:<28} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}\n",
                name,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            ));
        }
        out.push_str(&format!(
            "publication date found unaided: {} of {} ({} articles)\n",
            self.published_found, self.published_total, self.articles
        ));
        out
    }
}

/// One article to score: its annotation and its text.
#[derive(Debug, Clone)]
pub struct Case {
    pub annotation: PathBuf,
    pub text: PathBuf,
}

/// The pairs `NN-slug.json` / `NN-slug.txt` in `dir` (annotations without a
/// text beside them are skipped).
pub fn cases_in(dir: &Path) -> std::io::Result<Vec<Case>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let path = e?.path();
        if path.extension().is_some_and(|x| x == "json") {
            let text = path.with_extension("txt");
            if text.is_file() {
                out.push(Case {
                    annotation: path,
                    text,
                });
            }
        }
    }
    out.sort_by(|a, b| a.annotation.cmp(&b.annotation));
    Ok(out)
}

/// Errors of an evaluation run: a file that cannot be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {message}")]
    File { path: PathBuf, message: String },
}

/// Score every case; also returns each article's own scores.
pub fn evaluate(
    kb: &KnowledgeBase,
    reader: &Reader,
    cases: &[Case],
) -> Result<(Scores, Vec<(String, Scores)>), EvalError> {
    let mut total = Scores::default();
    let mut each = Vec::new();
    for case in cases {
        let err = |path: &Path, message: String| EvalError::File {
            path: path.to_path_buf(),
            message,
        };
        let json = std::fs::read_to_string(&case.annotation)
            .map_err(|e| err(&case.annotation, e.to_string()))?;
        let gold: Annotation =
            serde_json::from_str(&json).map_err(|e| err(&case.annotation, e.to_string()))?;
        let bytes = std::fs::read(&case.text).map_err(|e| err(&case.text, e.to_string()))?;
        let unaided = reader
            .read(kb, &bytes, &Options::default())
            .map_err(|e| err(&case.text, e.to_string()))?;
        let gold_day = gold
            .published
            .as_deref()
            .and_then(crate::dates::parse_iso_day);
        let found = unaided.published.as_ref().map(|p| p.date);
        // Without a publication date in the text, read as a user would:
        // with --published.
        let article = if found.is_none() && gold_day.is_some() {
            reader
                .read(
                    kb,
                    &bytes,
                    &Options {
                        published: gold_day,
                    },
                )
                .map_err(|e| err(&case.text, e.to_string()))?
        } else {
            unaided
        };
        let mut s = score(kb, &article, &gold);
        if gold_day.is_some() {
            s.published_total = 1;
            s.published_found = usize::from(found.is_some() && found == gold_day);
        }
        total.add(&s);
        let name = case
            .annotation
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        each.push((name, s));
    }
    Ok((total, each))
}

fn norm(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            '–' | '—' => '-',
            c => c,
        })
        .collect();
    let joined = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_end_matches(',').trim().to_lowercase()
}

fn speaker_matches(gold: Option<&str>, got: Option<&str>) -> bool {
    match (gold, got) {
        (Some(g), Some(p)) => {
            let (g, p) = (norm(g), norm(p));
            let g = g.trim_start_matches("the ").to_string();
            let p = p.trim_start_matches("the ").to_string();
            g == p || (!p.is_empty() && (g.contains(&p) || p.contains(&g)))
        }
        (None, None) => true,
        _ => false,
    }
}

fn count_matches<G, P>(gold: &[G], got: &[P], same: impl Fn(&G, &P) -> bool) -> Count {
    let mut used = vec![false; got.len()];
    let mut tp = 0;
    for g in gold {
        if let Some(i) = (0..got.len()).find(|&i| !used[i] && same(g, &got[i])) {
            used[i] = true;
            tp += 1;
        }
    }
    Count {
        tp,
        fp: got.len() - tp,
        fn_: gold.len() - tp,
    }
}

fn treaty_id(kb: &KnowledgeBase, name: &str) -> String {
    match kb.lookup_treaty(name) {
        [one] => kb.treaties[*one].id.clone(),
        _ => format!("?{name}"),
    }
}

/// Score one article against its annotation.
pub fn score(kb: &KnowledgeBase, a: &Article, gold: &Annotation) -> Scores {
    let quotes = count_matches(&gold.quotes, &a.quotes, |g, p| {
        norm(&g.text) == norm(&p.text)
            && speaker_matches(g.speaker.as_deref(), p.speaker.as_deref())
    });
    let got_polities: Vec<&str> = a.polities.iter().map(|p| p.id.as_str()).collect();
    let polities = count_matches(&gold.polities, &got_polities, |g, p| g == p);
    let gold_treaties: Vec<String> = gold.treaties.iter().map(|t| treaty_id(kb, t)).collect();
    let got_treaties: Vec<&str> = a.treaties.iter().map(|t| t.id.as_str()).collect();
    let treaties = count_matches(&gold_treaties, &got_treaties, |g, p| g == p);
    let got_places: Vec<String> = a.places.iter().map(|p| norm(&p.text)).collect();
    let places = count_matches(&gold.places, &got_places, |g, p| norm(g) == *p);
    let dates = count_matches(&gold.event_dates, &a.dates, |g, p| {
        let (gt, pt) = (norm(&g.text), norm(&p.text));
        g.date == p.date && (gt.contains(&pt) || pt.contains(&gt))
    });
    let claims = count_matches(&gold.commitment_claims, &a.claims, |g, p| {
        let (gt, pt) = (norm(&g.text), norm(&p.text));
        let same_text = gt.contains(&pt) || pt.contains(&gt);
        let same_treaty = match (&g.treaty, &p.treaty) {
            (Some(gt), Some(pt)) => treaty_id(kb, gt) == *pt,
            (None, None) => true,
            _ => false,
        };
        same_text && same_treaty && g.applies == p.applies
    });
    Scores {
        articles: 1,
        quotes,
        polities,
        treaties,
        places,
        dates,
        claims,
        published_found: 0,
        published_total: 0,
    }
}
