//! `casus read`: read a news article and check its commitment claims
//! against the engine (casus-read does the reading; this module reads the
//! file, prints the report and writes `--add-claims`).

use std::io::Read;
use std::path::Path;

use casus_core::KnowledgeBase;
use casus_read::{Agreement, Article, ClaimCheck, Options, Reader, MAX_ARTICLE_BYTES};
use serde::Serialize;

use crate::args::{ReadArgs, ReadFormat};
use crate::error::CliError;
use crate::output::{bold, dim, print_json};

#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    article: &'a Article,
    checks: &'a [ClaimCheck],
    #[serde(skip_serializing_if = "Option::is_none")]
    claims_written: Option<String>,
}

pub fn run(kb: &KnowledgeBase, args: &ReadArgs) -> Result<(), CliError> {
    let published = args
        .published
        .as_deref()
        .map(casus_core::time::parse_day)
        .transpose()?;
    let bytes = read_input(&args.file)?;
    let reader = Reader::new(kb).map_err(|e| CliError::Data(e.to_string()))?;
    let article = reader
        .read(kb, &bytes, &Options { published })
        .map_err(|e| CliError::Data(format!("{}: {e}", args.file)))?;
    let checks = casus_read::check(kb, &article);
    let mut written = None;
    if let Some(dir) = &args.add_claims {
        let (toml, _skipped) = casus_read::kb_claims::render(kb, &article, &checks);
        if toml.is_empty() {
            return Err(CliError::Data(
                "no claim could be written as a knowledge-base entry (each needs a date, a treaty, a defender and a territory)".into(),
            ));
        }
        let path = casus_read::kb_claims::write(dir, &article, &toml).map_err(|e| match e {
            casus_read::ReadError::Exists(_) | casus_read::ReadError::ShippedKb(_) => {
                CliError::Usage(e.to_string())
            }
            e => CliError::Data(e.to_string()),
        })?;
        written = Some(path.display().to_string());
    }
    match args.format {
        ReadFormat::Json => print_json(&Report {
            article: &article,
            checks: &checks,
            claims_written: written,
        }),
        ReadFormat::Text => {
            print!("{}", render_text(kb, &article, &checks));
            if let Some(p) = written {
                println!("\nClaims written for review to {p}");
            }
            Ok(())
        }
    }
}

/// The file's bytes (or standard input's), refused over the size limit
/// before they are read.
fn read_input(file: &str) -> Result<Vec<u8>, CliError> {
    let limit = MAX_ARTICLE_BYTES as u64;
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::Data(format!("cannot read standard input: {e}")))?;
        if bytes.len() as u64 > limit {
            return Err(CliError::Data(format!(
                "standard input: the article is over the limit of {limit} bytes for one article"
            )));
        }
        return Ok(bytes);
    }
    let path = Path::new(file);
    casus_core::limits::check_regular_file(path, "article", limit)
        .map_err(|e| CliError::Data(e.to_string()))?;
    let f = std::fs::File::open(path)
        .map_err(|e| CliError::Data(format!("cannot read {file}: {e}")))?;
    let mut bytes = Vec::new();
    f.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::Data(format!("cannot read {file}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(CliError::Data(format!(
            "{file}: the article is over the limit of {limit} bytes for one article"
        )));
    }
    Ok(bytes)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text report.
pub fn render_text(kb: &KnowledgeBase, a: &Article, checks: &[ClaimCheck]) -> String {
    let mut out = String::new();
    let title = a
        .title
        .as_deref()
        .map(one_line)
        .unwrap_or_else(|| "(no headline)".into());
    out.push_str(&format!("{}\n", bold(&format!("Article: {title}"))));
    match &a.published {
        Some(p) => out.push_str(&format!(
            "  published: {} ({})\n",
            p.date,
            p.from.replace('_', " ")
        )),
        None => out.push_str(
            "  published: unknown (give --published to resolve relative dates and check claims)\n",
        ),
    }
    if !a.left_out.is_empty() {
        out.push_str(&format!(
            "  left out:  {} boilerplate paragraph(s)\n",
            a.left_out.len()
        ));
        for l in &a.left_out {
            out.push_str(&format!("    {}\n", dim(&one_line(l))));
        }
    }
    out.push_str(&format!("\n{}\n", bold("Quotes")));
    if a.quotes.is_empty() {
        out.push_str("  (none)\n");
    }
    for q in &a.quotes {
        let who = match (&q.speaker, &q.role) {
            (Some(s), Some(r)) => format!("{s} ({})", one_line(r)),
            (Some(s), None) => s.clone(),
            _ => "(unattributed)".into(),
        };
        out.push_str(&format!("  {who}: “{}”\n", one_line(&q.text)));
    }
    out.push_str(&format!("\n{}\n", bold("Mentions")));
    let polities: Vec<String> = a
        .polities
        .iter()
        .map(|p| format!("{} {} [{}]", p.id, p.name, p.as_written.join(", ")))
        .collect();
    out.push_str(&format!(
        "  states:   {}\n",
        if polities.is_empty() {
            "(none)".into()
        } else {
            polities.join("; ")
        }
    ));
    let treaties: Vec<String> = a
        .treaties
        .iter()
        .map(|t| format!("{} ({}) [{}]", t.name, t.id, t.as_written.join(", ")))
        .collect();
    out.push_str(&format!(
        "  treaties: {}\n",
        if treaties.is_empty() {
            "(none)".into()
        } else {
            treaties.join("; ")
        }
    ));
    let places: Vec<String> = a
        .places
        .iter()
        .map(|p| format!("{} → {}", p.text, p.territory))
        .collect();
    out.push_str(&format!(
        "  places:   {}\n",
        if places.is_empty() {
            "(none)".into()
        } else {
            places.join("; ")
        }
    ));
    out.push_str(&format!("\n{}\n", bold("Dates")));
    if a.dates.is_empty() {
        out.push_str("  (none)\n");
    }
    for d in &a.dates {
        out.push_str(&format!("  {} → {}\n", one_line(&d.text), d.date));
    }
    out.push_str(&format!("\n{}\n", bold("Commitment claims")));
    if a.claims.is_empty() {
        out.push_str("  (none)\n");
    }
    for (i, c) in a.claims.iter().enumerate() {
        let treaty = c
            .treaty
            .as_deref()
            .and_then(|t| kb.treaty(t))
            .map(|t| t.short_name.clone())
            .unwrap_or_else(|| "(treaty unknown)".into());
        let art = c
            .article
            .as_deref()
            .map(|a| format!(" Art. {a}"))
            .unwrap_or_default();
        let stance = match c.applies {
            Some(true) => "applies to",
            Some(false) => "does not apply to",
            None => "(no clear stance) on",
        };
        let who = c.claimant.as_deref().unwrap_or("(unattributed)");
        out.push_str(&format!(
            "  {}. {who}: {treaty}{art} {stance} {}\n",
            i + 1,
            one_line(&c.subject.text)
        ));
        out.push_str(&format!(
            "     {}\n",
            dim(&format!("“{}”", one_line(&c.text)))
        ));
        if let Some(check) = checks.iter().find(|k| k.claim == i) {
            let label = match check.agreement {
                Agreement::Agree => "engine agrees",
                Agreement::Disagree => "engine disagrees",
                Agreement::CannotTell => "engine cannot tell",
            };
            let attack = check
                .attack
                .as_ref()
                .map(|x| {
                    format!(
                        " (attack by {} on {} at {}, {})",
                        x.attackers
                            .iter()
                            .map(|p| kb.polity_name(p))
                            .collect::<Vec<_>>()
                            .join(", "),
                        kb.polity_name(&x.defender),
                        x.place,
                        x.date
                    )
                })
                .unwrap_or_default();
            out.push_str(&format!("     {}{attack}\n", bold(label)));
            for v in check.verdicts.iter().take(3) {
                out.push_str(&format!(
                    "       {} Art. {} ({}) {} → {}: {}\n",
                    v.treaty,
                    v.article,
                    v.kind,
                    kb.polity_name(&v.obligor),
                    kb.polity_name(&v.beneficiary),
                    v.verdict.label()
                ));
            }
            if check.verdicts.len() > 3 {
                out.push_str(&format!(
                    "       … {} more verdict(s) alike\n",
                    check.verdicts.len() - 3
                ));
            }
            for r in &check.reasons {
                out.push_str(&format!("       - {r}\n"));
            }
        }
    }
    out
}
