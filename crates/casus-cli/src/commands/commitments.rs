//! `casus commitments`: what a state owes and is owed on a date.

use casus_core::Truth;
use casus_service::{CommitmentsRequest, Service};

use crate::args::{CommitmentsArgs, Format};
use crate::error::CliError;
use crate::output::{bold, dim, print_csv, print_json, table};

pub fn run(service: &Service, args: &CommitmentsArgs) -> Result<(), CliError> {
    let kb = service.kb();
    let answer = service.commitments(&CommitmentsRequest {
        polity: args.polity.clone(),
        on: args.on.clone(),
    })?;
    let (polity, date, list) = (&answer.polity, answer.date, &answer.memberships);
    let names = |ids: &[String]| {
        ids.iter()
            .map(|i| kb.polity_name(i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match args.format.format {
        Format::Json => print_json(&answer),
        Format::Csv => {
            let mut rows = Vec::new();
            for m in list {
                for o in &m.obligations {
                    rows.push(vec![
                        m.treaty.clone(),
                        o.article.clone(),
                        o.kind.label().to_string(),
                        o.response.label().to_string(),
                        o.owes_to.join(" "),
                        o.owed_by.join(" "),
                    ]);
                }
            }
            print_csv(
                &[
                    "treaty", "article", "kind", "response", "owes_to", "owed_by",
                ],
                &rows,
            )
        }
        Format::Text => {
            println!(
                "{} of {} on {}",
                bold("Commitments"),
                kb.polity_name(polity),
                date
            );
            let (current, past): (Vec<_>, Vec<_>) = list.iter().partition(|m| m.party != Truth::No);
            if current.is_empty() {
                println!("\n  Not a party to any treaty in the knowledge base on this date.");
            }
            for m in &current {
                let unc = if m.party == Truth::Unknown {
                    " — membership uncertain on this date"
                } else {
                    ""
                };
                println!(
                    "\n{} ({}, {}){unc}",
                    bold(&m.treaty_name),
                    m.treaty,
                    m.kind.label()
                );
                for s in &m.statuses {
                    println!("  status: {s}");
                }
                let mut t = table(&["art.", "kind", "response", "between"]);
                for o in &m.obligations {
                    let between = if o.owes_to == o.owed_by && o.owes_to.len() > 6 {
                        format!("mutual with the {} other parties", o.owes_to.len())
                    } else if o.owes_to == o.owed_by {
                        format!("mutual with {}", names(&o.owes_to))
                    } else {
                        let mut parts = Vec::new();
                        if !o.owes_to.is_empty() {
                            parts.push(format!("owes {}", names(&o.owes_to)));
                        }
                        if !o.owed_by.is_empty() {
                            parts.push(format!("owed by {}", names(&o.owed_by)));
                        }
                        parts.join("; ")
                    };
                    t.add_row(vec![
                        o.article.clone(),
                        o.kind.label().to_string(),
                        o.response.label().to_string(),
                        between,
                    ]);
                }
                println!("{t}");
            }
            if !past.is_empty() {
                println!("\n{}", bold("Not a party on this date"));
                for m in past {
                    println!(
                        "  {} ({}): member {}",
                        m.treaty_name,
                        m.treaty,
                        m.spells.join("; ")
                    );
                }
            }
            println!(
                "{}",
                dim("\n(`casus show TREATY` gives each article's paraphrase, scope and sources)")
            );
            Ok(())
        }
    }
}
