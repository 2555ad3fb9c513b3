//! Extracted claims as knowledge-base claim entries (`[[claim]]`, the
//! format of `kb/claims*.toml`, docs/claims.md), for a person to review:
//! every entry is marked `uncertain = true`, its summary is the article's
//! sentence (to be rewritten in the project's own words), its source the
//! article. Only claims with a treaty, a defender and a territory the
//! knowledge base knows are written. The file is new: an existing file is
//! never overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use casus_core::KnowledgeBase;

use crate::check::{same_article, ClaimCheck};
use crate::{Article, ReadError};

#[derive(Serialize)]
struct File {
    claim: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    id: String,
    speaker: String,
    office: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    on_behalf_of: Option<String>,
    date: String,
    treaty: String,
    beneficiary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    provision: Option<String>,
    territory: String,
    stance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    covers_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    targets: Vec<String>,
    summary: String,
    source: String,
    uncertain: bool,
}

/// The claim entries of an article as TOML, and how many claims were left
/// out (no treaty, defender or territory).
pub fn render(kb: &KnowledgeBase, article: &Article, checks: &[ClaimCheck]) -> (String, usize) {
    let Some(published) = article.published.as_ref().map(|p| p.date) else {
        return (String::new(), article.claims.len());
    };
    let covers_from = episode_start(article, published);
    let mut entries: Vec<Entry> = Vec::new();
    let mut ids: std::collections::HashSet<String> = Default::default();
    let mut same: std::collections::HashSet<String> = Default::default();
    let mut skipped = 0;
    for check in checks {
        let claim = &article.claims[check.claim];
        let (Some(treaty), Some(attack)) = (
            claim.treaty.as_deref().and_then(|t| kb.treaty(t)),
            &check.attack,
        ) else {
            skipped += 1;
            continue;
        };
        let speaker = claim
            .claimant
            .clone()
            .unwrap_or_else(|| "(unattributed: review)".to_string());
        let on_behalf_of = kb.lookup(&speaker).iter().find_map(|n| match n {
            casus_core::kb::Named::Polity(i) => Some(kb.polities[*i].id.clone()),
            _ => None,
        });
        let provision = claim.article.as_ref().and_then(|a| {
            treaty
                .provisions
                .iter()
                .find(|p| same_article(&p.article, a))
                .map(|p| p.id.clone())
        });
        let stance = match claim.applies {
            Some(true) => "applies",
            Some(false) => "does_not_apply",
            None => "unclear",
        };
        let surname = speaker.rsplit(' ').next().unwrap_or("claim");
        let id = format!(
            "read-{}-{}-{}-{}",
            slug(surname),
            published,
            treaty.id,
            slug(&attack.territory)
        );
        // One entry per distinct claim (speaker, treaty, place, stance).
        if !same.insert(format!(
            "{speaker}|{}|{}|{stance}|{:?}",
            treaty.id, attack.territory, provision
        )) {
            continue;
        }
        let id = unique(&mut ids, id);
        entries.push(Entry {
            id,
            speaker: speaker.clone(),
            office: claim
                .claimant_role
                .clone()
                .unwrap_or_else(|| "(office not given: review)".to_string()),
            on_behalf_of,
            date: published.to_string(),
            treaty: treaty.id.clone(),
            beneficiary: attack.defender.clone(),
            provision,
            territory: attack.territory.clone(),
            stance: stance.to_string(),
            covers_from: covers_from.map(|d| d.to_string()),
            event: covers_from
                .map(|d| format!("the events the article reports, from {d} (review)")),
            targets: if claim.subject.forces {
                vec!["forces".into(), "vessels".into(), "aircraft".into()]
            } else {
                Vec::new()
            },
            summary: format!(
                "REVIEW — the article's sentence, to be put in our own words: {}",
                claim.text.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
            source: format!(
                "{}, {} (extracted by casus read; review before use)",
                article.title.as_deref().unwrap_or("news article"),
                published
            ),
            uncertain: true,
        });
    }
    if entries.is_empty() {
        return (String::new(), skipped);
    }
    let header = "# Claims extracted by `casus read` for review: check each against its\n# source, rewrite the summary in your own words, then move it into a\n# knowledge base (docs/read.md).\n\n";
    let body = toml::to_string(&File { claim: entries }).unwrap_or_default();
    (format!("{header}{body}"), skipped)
}

/// The start of the episode the article reports: its earliest full date
/// within 90 days before publication (the war "since Sept. 27").
fn episode_start(article: &Article, published: jiff::civil::Date) -> Option<jiff::civil::Date> {
    article
        .dates
        .iter()
        .filter_map(|d| crate::dates::parse_iso_day(&d.date))
        .filter(|d| *d <= published && (published - *d).get_days() <= 90)
        .min()
}

fn slug(s: &str) -> String {
    casus_core::names::fold(s).replace(' ', "-")
}

fn unique(ids: &mut std::collections::HashSet<String>, id: String) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while ids.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    ids.insert(candidate.clone());
    candidate
}

/// Write `content` as a new file in `dir` (created if missing), named
/// after the article. Refuses the shipped knowledge base's directory and
/// never replaces a file.
pub fn write(dir: &Path, article: &Article, content: &str) -> Result<PathBuf, ReadError> {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../kb");
    if let (Ok(a), Ok(b)) = (dir.canonicalize(), shipped.canonicalize()) {
        if a.starts_with(&b) {
            return Err(ReadError::ShippedKb(dir.to_path_buf()));
        }
    }
    std::fs::create_dir_all(dir).map_err(|source| ReadError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let title = article.title.as_deref().unwrap_or("article");
    let words: Vec<&str> = title.split_whitespace().take(6).collect();
    let date = article
        .published
        .as_ref()
        .map(|p| p.date.to_string())
        .unwrap_or_default();
    let name = format!("claims-{}-{}.toml", slug(&words.join(" ")), date);
    let path = dir.join(name);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AlreadyExists => ReadError::Exists(path.clone()),
            _ => ReadError::Write {
                path: path.clone(),
                source,
            },
        })?;
    file.write_all(content.as_bytes())
        .map_err(|source| ReadError::Write {
            path: path.clone(),
            source,
        })?;
    Ok(path)
}
