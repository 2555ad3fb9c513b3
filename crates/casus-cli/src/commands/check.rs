//! `casus check`: validate a knowledge base and report every problem.

use casus_core::{KnowledgeBase, Severity};
use serde::Serialize;

use crate::args::{CheckArgs, Format};
use crate::error::CliError;
use crate::output::{diagnostic_line, print_csv, print_json};

#[derive(Serialize)]
struct Report<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [casus_core::Diagnostic],
}

pub fn run(dir: Option<&std::path::Path>, args: &CheckArgs) -> Result<(), CliError> {
    let files = match dir {
        Some(d) => KnowledgeBase::read_dir(d)?,
        None => KnowledgeBase::embedded_files(),
    };
    let (kb, diagnostics) = KnowledgeBase::build(&files);
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    match args.format.format {
        Format::Json => print_json(&Report {
            files: files.len(),
            errors,
            warnings,
            diagnostics: &diagnostics,
        })?,
        Format::Csv => print_csv(
            &[
                "file", "line", "column", "severity", "code", "message", "help",
            ],
            &diagnostics
                .iter()
                .map(|d| {
                    vec![
                        d.loc.file.to_string(),
                        d.loc.line.to_string(),
                        d.loc.col.to_string(),
                        format!("{:?}", d.severity).to_lowercase(),
                        d.code.to_string(),
                        d.message.clone(),
                        d.help.clone().unwrap_or_default(),
                    ]
                })
                .collect::<Vec<_>>(),
        )?,
        Format::Text => {
            for d in &diagnostics {
                eprintln!("{}", diagnostic_line(d));
            }
            println!(
                "checked {} file(s): {} polities, {} territories, {} places, {} treaties, {} claims; {errors} error(s), {warnings} warning(s)",
                files.len(),
                kb.polities.len(),
                kb.territories.len(),
                kb.places.len(),
                kb.treaties.len(),
                kb.claims.len()
            );
        }
    }
    if errors > 0 {
        return Err(CliError::Data(format!(
            "{errors} error(s) in the knowledge base"
        )));
    }
    Ok(())
}
