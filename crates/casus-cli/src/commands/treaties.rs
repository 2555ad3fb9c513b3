//! `casus treaties`: the treaties in the knowledge base, or those in force on a date.

use casus_service::{Service, TreatiesRequest};

use crate::args::{Format, TreatiesArgs};
use crate::error::CliError;
use crate::output::{print_csv, print_json, table, truth};

pub fn run(service: &Service, args: &TreatiesArgs) -> Result<(), CliError> {
    let answer = service.treaties(&TreatiesRequest {
        on: args.on.clone(),
    })?;
    let (date, list) = (answer.date, &answer.treaties);
    match args.format.format {
        Format::Json => print_json(&answer),
        Format::Csv => print_csv(
            &["id", "name", "kind", "signed", "in_force", "parties"],
            &list
                .iter()
                .map(|t| {
                    vec![
                        t.id.clone(),
                        t.name.clone(),
                        t.kind.label().to_string(),
                        t.signed.clone().unwrap_or_default(),
                        t.in_force.clone(),
                        t.parties_on_date.join(" "),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        Format::Text => {
            let mut header = vec!["id", "treaty", "kind", "in force", "parties"];
            if date.is_some() {
                header.push("on date");
            }
            let mut t = table(&header);
            for s in list {
                let mut row = vec![
                    s.id.clone(),
                    s.short_name.clone(),
                    s.kind.label().to_string(),
                    s.in_force.clone(),
                    s.parties_on_date.len().to_string(),
                ];
                if date.is_some() {
                    row.push(truth(s.in_force_on_date).to_string());
                }
                t.add_row(row);
            }
            println!("{t}");
            if let Some(d) = date {
                println!("{} instrument(s) in force on {d}", list.len());
            } else {
                println!("{} instrument(s)", list.len());
            }
            Ok(())
        }
    }
}
