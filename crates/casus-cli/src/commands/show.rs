//! `casus show`: one treaty in full.

use casus_service::{Service, ShowRequest};

use crate::args::{Format, ShowArgs};
use crate::error::CliError;
use crate::output::{bold, dim, print_csv, print_json, table};

pub fn run(service: &Service, args: &ShowArgs) -> Result<(), CliError> {
    let kb = service.kb();
    let answer = service.show(&ShowRequest {
        treaty: args.treaty.clone(),
    })?;
    let t = answer.treaty;
    match args.format.format {
        Format::Json => print_json(&answer),
        Format::Csv => print_csv(
            &["polity", "signed", "membership", "source"],
            &t.parties
                .iter()
                .map(|p| {
                    vec![
                        p.polity.clone(),
                        p.signed.map(|d| d.to_string()).unwrap_or_default(),
                        p.membership.interval.to_string(),
                        p.membership.source.citation.to_string(),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        Format::Text => {
            println!("{} ({}) — {}", bold(&t.name), t.id, t.kind.label());
            if let Some(s) = t.signed {
                println!("  signed:   {s}");
            }
            println!(
                "  in force: {}  {}",
                t.in_force.interval,
                dim(&format!("[{}]", t.in_force.source.citation))
            );
            if !t.aliases.is_empty() {
                println!("  also:     {}", t.aliases.join(", "));
            }
            if let Some(n) = &t.note {
                println!("  note:     {n}");
            }
            let mut parties = table(&["party", "signed", "bound", "source"]);
            for p in &t.parties {
                let unc = if p.disputed {
                    " (disputed)"
                } else if p.membership.source.uncertain {
                    " (uncertain)"
                } else {
                    ""
                };
                parties.add_row(vec![
                    format!("{} ({})", kb.polity_name(&p.polity), p.polity),
                    p.signed.map(|d| d.to_string()).unwrap_or_default(),
                    format!("{}{unc}", p.membership.interval),
                    p.membership.source.citation.to_string(),
                ]);
            }
            println!("\n{}\n{parties}", bold("Parties"));
            for s in &t.statuses {
                println!(
                    "  {}: {} {}  {}",
                    kb.polity_name(&s.polity),
                    s.status.value.label(),
                    s.status.interval,
                    dim(&format!("[{}]", s.status.source.citation))
                );
            }
            for d in &t.dyad_suspensions {
                println!(
                    "  {} suspended its obligations to {} {}  {}",
                    kb.polity_name(&d.obligor),
                    kb.polity_name(&d.beneficiary),
                    d.spell.interval,
                    dim(&format!("[{}]", d.spell.source.citation))
                );
            }
            println!("\n{}", bold("Provisions"));
            for p in &t.provisions {
                let unc = if p.source.uncertain {
                    " (uncertain)"
                } else {
                    ""
                };
                println!(
                    "\nArt. {} — {} ({}), {}{unc}",
                    p.article,
                    p.kind.label(),
                    p.response.label(),
                    p.validity
                );
                println!("  {}", p.paraphrase);
                for r in &p.scope {
                    let extra = if r.validity == casus_core::Interval::always() {
                        String::new()
                    } else {
                        format!(" [{}]", r.validity)
                    };
                    println!(
                        "  scope: {}{extra}",
                        casus_core::describe::scope(kb, &r.rule)
                    );
                    if let Some(n) = &r.note {
                        println!("         {}", dim(n));
                    }
                }
                for c in &p.conditions {
                    let unc = if c.source.uncertain {
                        " (uncertain)"
                    } else {
                        ""
                    };
                    println!(
                        "  condition: {}{unc}",
                        casus_core::describe::condition(kb, &c.condition, None)
                    );
                }
                println!("  {}", dim(&format!("[{}]", p.source.citation)));
                if let Some(n) = &p.note {
                    println!("  note: {n}");
                }
            }
            Ok(())
        }
    }
}
