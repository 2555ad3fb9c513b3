//! `casus import atop|cow-states|compare-ddyr` (and `coverage`, in
//! `import_coverage`): turn the datasets a user
//! downloaded into a knowledge base for `--kb`, and check ATOP's published
//! dyad-year table against the import. Progress goes to stderr; bad rows are
//! reported with file and line while the rest is imported; nothing the user
//! has is overwritten.

use std::path::Path;

use casus_core::kb::KbFile;
use casus_core::KnowledgeBase;
use casus_import::ddyr::Comparison;
use casus_import::kbgen::{GeneratedFile, Import};
use casus_import::{ImportError, RowProblem};
use indicatif::ProgressBar;
use serde::Serialize;

use crate::args::{Format, ImportCommand};
use crate::error::CliError;
use crate::output::{diagnostic_line, print_csv, print_json, table};

impl From<ImportError> for CliError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::MissingFile { .. } => CliError::Usage(e.to_string()),
            other => CliError::Data(other.to_string()),
        }
    }
}

pub fn run(base_dir: Option<&Path>, command: ImportCommand) -> Result<(), CliError> {
    match command {
        ImportCommand::Atop {
            dir,
            out,
            cow,
            format,
        } => {
            refuse_non_empty(&out)?;
            let base_files = base_files(base_dir)?;
            let base =
                KnowledgeBase::from_files(&base_files).map_err(|d| CliError::Invalid(d.0))?;
            let mut cow_problems = Vec::new();
            let cow = cow
                .map(|f| casus_import::cow::read_states(&f, &mut cow_problems))
                .transpose()?;
            let data = casus_import::atop::read_dir(&dir)?;
            let bar = crate::output::progress_bar(0, "importing ATOP alliances");
            let mut import =
                casus_import::kbgen::atop_to_kb(&data, &base, cow.as_ref(), |done, total| {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                });
            bar.finish_and_clear();
            import.problems.extend(cow_problems);
            import.stats.skipped_rows = import.problems.len();
            finish(&out, &base_files, base_dir, import, format.format)
        }
        ImportCommand::CowStates { file, out, format } => {
            refuse_non_empty(&out)?;
            let base_files = base_files(base_dir)?;
            let base =
                KnowledgeBase::from_files(&base_files).map_err(|d| CliError::Invalid(d.0))?;
            let mut problems = Vec::new();
            let cow = casus_import::cow::read_states(&file, &mut problems)?;
            let import = casus_import::kbgen::cow_to_kb(&cow, &base, problems);
            finish(&out, &base_files, base_dir, import, format.format)
        }
        ImportCommand::CompareDdyr {
            atop,
            table: published,
            cow,
            format,
        } => {
            let member_file = if atop.is_dir() {
                atop.join(casus_import::atop::MEMBER_FILE)
            } else {
                atop
            };
            let mut problems = Vec::new();
            let cow = cow
                .map(|f| casus_import::cow::read_states(&f, &mut problems))
                .transpose()?;
            let bar = ProgressBar::new_spinner();
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_message("regenerating and comparing dyad-years");
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            let c = casus_import::ddyr::compare_files(
                &member_file,
                &published,
                cow.as_ref(),
                &mut problems,
            )?;
            bar.finish_and_clear();
            report_problems(&problems);
            match format.format {
                Format::Json => print_json(&c),
                Format::Csv => print_csv(&["what", "cause", "rows", "cells"], &comparison_rows(&c)),
                Format::Text => {
                    print_comparison(&c);
                    Ok(())
                }
            }
        }
        ImportCommand::Coverage {
            atop,
            table,
            cow,
            years,
            format,
        } => super::import_coverage::run(
            base_dir,
            &atop,
            &table,
            cow.as_deref(),
            &years,
            format.format,
        ),
    }
}

fn refuse_non_empty(out: &Path) -> Result<(), CliError> {
    Ok(casus_core::kb::ensure_new_or_empty(out)?)
}

/// The files of the base the import is added to, with paths relative to its root.
fn base_files(base_dir: Option<&Path>) -> Result<Vec<KbFile>, CliError> {
    match base_dir {
        None => Ok(KnowledgeBase::embedded_files()
            .into_iter()
            .map(|f| KbFile {
                path: f.path.strip_prefix("kb/").unwrap_or(&f.path).to_string(),
                text: f.text,
            })
            .collect()),
        Some(dir) => {
            let files = KnowledgeBase::read_dir(dir)?;
            Ok(files
                .into_iter()
                .map(|f| {
                    let rel = Path::new(&f.path)
                        .strip_prefix(dir)
                        .map(|p| p.display().to_string())
                        .unwrap_or(f.path.clone());
                    KbFile {
                        path: rel,
                        text: f.text,
                    }
                })
                .collect())
        }
    }
}

fn write_file(out: &Path, rel: &str, text: &str) -> Result<(), CliError> {
    let path = out.join(rel);
    if path.exists() {
        return Err(CliError::Data(format!(
            "{} would be overwritten; the base already has a file there",
            path.display()
        )));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| CliError::Data(format!("cannot create {}: {e}", parent.display())))?;
    }
    std::fs::write(&path, text)
        .map_err(|e| CliError::Data(format!("cannot write {}: {e}", path.display())))
}

fn report_problems(problems: &[RowProblem]) {
    for p in problems {
        eprintln!("warning: {p}");
    }
}

#[derive(Serialize)]
struct ImportReport<'a> {
    out: String,
    files_written: usize,
    stats: &'a casus_import::kbgen::ImportStats,
    problems: &'a [RowProblem],
    check_errors: usize,
    check_warnings: usize,
}

fn finish(
    out: &Path,
    base_files: &[KbFile],
    base_dir: Option<&Path>,
    import: Import,
    format: Format,
) -> Result<(), CliError> {
    report_problems(&import.problems);
    // Refuse before writing anything if an imported file would land on one
    // of the base's (importing onto an earlier import).
    let base_paths: std::collections::HashSet<&str> =
        base_files.iter().map(|f| f.path.as_str()).collect();
    if let Some(clash) = import
        .files
        .iter()
        .find(|f| base_paths.contains(f.path.as_str()))
    {
        return Err(CliError::Usage(format!(
            "the base already has {}; is it an earlier import? Start from a base without it (nothing was written)",
            clash.path
        )));
    }
    let mut written = 0;
    for f in base_files {
        write_file(out, &f.path, &f.text)?;
        written += 1;
    }
    for GeneratedFile { path, text } in &import.files {
        write_file(out, path, text)?;
        written += 1;
    }
    // Validate what was written, exactly as `casus --kb OUT check` would.
    let files = KnowledgeBase::read_dir(out)?;
    let (_, diagnostics) = KnowledgeBase::build(&files);
    let errors: Vec<&casus_core::Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.severity == casus_core::Severity::Error)
        .collect();
    let warnings = diagnostics.len() - errors.len();
    let s = &import.stats;
    match format {
        Format::Csv => print_csv(
            &["file", "line", "column", "reason"],
            &import
                .problems
                .iter()
                .map(|p| {
                    vec![
                        p.file.clone(),
                        p.line.to_string(),
                        p.column.clone().unwrap_or_default(),
                        p.reason.clone(),
                    ]
                })
                .collect::<Vec<_>>(),
        )?,
        Format::Json => print_json(&ImportReport {
            out: out.display().to_string(),
            files_written: written,
            stats: s,
            problems: &import.problems,
            check_errors: errors.len(),
            check_warnings: warnings,
        })?,
        Format::Text => {
            let from = base_dir
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| "the embedded knowledge base".to_string());
            println!(
                "wrote {written} file(s) to {}: {from} plus {} imported file(s)",
                out.display(),
                import.files.len()
            );
            if s.alliances > 0 {
                println!(
                    "{} member rows -> {} treaties, {} membership spells ({} split at a succession of polities), {} provisions ({} directed, {} contested by ATOP conditions)",
                    s.member_rows,
                    s.treaties,
                    s.party_spells,
                    s.split_memberships,
                    s.provisions,
                    s.directed_provisions,
                    s.contested_provisions
                );
            }
            println!(
                "{} generated polities; {} row(s) skipped",
                s.generated_polities, s.skipped_rows
            );
            println!(
                "check: {} error(s), {} warning(s); use `casus --kb {} …`",
                errors.len(),
                warnings,
                out.display()
            );
        }
    }
    if !errors.is_empty() {
        for d in &errors {
            eprintln!("{}", diagnostic_line(d));
        }
        return Err(CliError::Data(format!(
            "the imported knowledge base in {} does not pass `casus check` ({} error(s)); it was written so you can inspect it",
            out.display(),
            errors.len()
        )));
    }
    Ok(())
}

/// The comparison as CSV rows: totals, then causes.
fn comparison_rows(c: &Comparison) -> Vec<Vec<String>> {
    let n = |v: usize| v.to_string();
    let mut rows = vec![
        vec![
            "published".into(),
            String::new(),
            n(c.published_rows),
            n(c.published_rows * 5),
        ],
        vec![
            "regenerated".into(),
            String::new(),
            n(c.regenerated_rows),
            String::new(),
        ],
        vec![
            "matched".into(),
            String::new(),
            n(c.matched_rows),
            String::new(),
        ],
        vec![
            "identical".into(),
            String::new(),
            n(c.identical_rows),
            String::new(),
        ],
        vec![
            "missing".into(),
            String::new(),
            n(c.missing_rows),
            String::new(),
        ],
        vec![
            "extra".into(),
            String::new(),
            n(c.extra_rows),
            String::new(),
        ],
        vec![
            "disagreeing".into(),
            String::new(),
            String::new(),
            n(c.disagreeing_cells),
        ],
    ];
    for (cause, k) in &c.cells_by_cause {
        rows.push(vec![
            "disagreeing".into(),
            cause.key().to_string(),
            n(k.rows),
            n(k.cells),
        ]);
    }
    for (cause, k) in &c.extra_by_cause {
        rows.push(vec![
            "extra".into(),
            cause.key().to_string(),
            n(k.rows),
            String::new(),
        ]);
    }
    rows
}

fn print_comparison(c: &Comparison) {
    let pct = |n: usize, d: usize| {
        if d == 0 {
            "-".to_string()
        } else {
            format!("{:.3}%", 100.0 * n as f64 / d as f64)
        }
    };
    let mut t = table(&["", "rows", "share of published"]);
    t.add_row(vec![
        "published".to_string(),
        c.published_rows.to_string(),
        String::new(),
    ]);
    t.add_row(vec![
        "regenerated".to_string(),
        c.regenerated_rows.to_string(),
        String::new(),
    ]);
    t.add_row(vec![
        "matched".to_string(),
        c.matched_rows.to_string(),
        pct(c.matched_rows, c.published_rows),
    ]);
    t.add_row(vec![
        "  all five flags agree".to_string(),
        c.identical_rows.to_string(),
        pct(c.identical_rows, c.published_rows),
    ]);
    t.add_row(vec![
        "missing (published only)".to_string(),
        c.missing_rows.to_string(),
        pct(c.missing_rows, c.published_rows),
    ]);
    t.add_row(vec![
        "extra (regenerated only)".to_string(),
        c.extra_rows.to_string(),
        String::new(),
    ]);
    println!("{t}");
    println!(
        "{} of {} flag cells disagree ({} agree)",
        c.disagreeing_cells,
        c.published_rows * 5,
        pct(
            c.published_rows * 5 - c.disagreeing_cells.min(c.published_rows * 5),
            c.published_rows * 5
        )
    );
    let mut t = table(&["cause", "cells", "rows", "examples"]);
    for (cause, n) in &c.cells_by_cause {
        t.add_row(vec![
            cause.describe().to_string(),
            n.cells.to_string(),
            n.rows.to_string(),
            n.examples.join("; "),
        ]);
    }
    for (cause, n) in &c.extra_by_cause {
        t.add_row(vec![
            format!("extra rows: {}", cause.describe()),
            String::new(),
            n.rows.to_string(),
            n.examples.join("; "),
        ]);
    }
    if c.missing_rows > 0 {
        t.add_row(vec![
            "missing rows".to_string(),
            String::new(),
            c.missing_rows.to_string(),
            c.missing_examples.join("; "),
        ]);
    }
    println!("{t}");
    let flags: Vec<String> = c
        .cells_by_flag
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    if !flags.is_empty() {
        println!("disagreeing cells by flag: {}", flags.join(", "));
    }
}
