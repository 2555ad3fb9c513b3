//! `casus import coverage`: the knowledge base's directed defence dyads
//! against ATOP's published table, per year, with every difference's cause
//! (the measurement lives in `casus_import::coverage`; this renders it).

use std::path::Path;

use casus_import::coverage::{parse_years, AtopDefence, Coverage};
use indicatif::ProgressBar;

use crate::args::Format;
use crate::error::CliError;
use crate::output::{print_csv, print_json, table};

pub fn run(
    base_dir: Option<&Path>,
    atop: &Path,
    published: &Path,
    cow: Option<&Path>,
    years: &str,
    format: Format,
) -> Result<(), CliError> {
    let years = parse_years(years).map_err(|e| CliError::Usage(format!("--years: {e}")))?;
    let kb = super::load(base_dir)?;
    let member_file = if atop.is_dir() {
        atop.join(casus_import::atop::MEMBER_FILE)
    } else {
        atop.to_path_buf()
    };
    let mut problems = Vec::new();
    let cow = cow
        .map(|f| casus_import::cow::read_states(f, &mut problems))
        .transpose()?;
    let bar = ProgressBar::new_spinner();
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    bar.set_message("measuring coverage of ATOP's defence dyads");
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    let atop = AtopDefence::read(&member_file, published, &mut problems)?;
    let report = casus_import::coverage::coverage(&kb, &atop, &years, cow.as_ref());
    bar.finish_and_clear();
    for p in &problems {
        eprintln!("warning: {p}");
    }
    match format {
        Format::Json => print_json(&report),
        Format::Csv => print_csv(
            &[
                "record",
                "year",
                "obligor",
                "beneficiary",
                "side",
                "cause",
                "atop_alliances",
                "casus_treaties",
                "atop",
                "casus",
                "both",
                "atop_only",
                "casus_only",
                "recall",
                "precision",
                "recall_at_signature",
                "precision_at_signature",
            ],
            &csv_rows(&report),
        ),
        Format::Text => {
            print_text(&report);
            Ok(())
        }
    }
}

fn share(v: Option<f64>) -> String {
    v.map(|x| format!("{:.1}%", 100.0 * x))
        .unwrap_or_else(|| "-".into())
}

fn csv_rows(c: &Coverage) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for y in &c.years {
        rows.push(vec![
            "year".into(),
            y.year.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            y.atop.to_string(),
            y.casus.to_string(),
            y.both.to_string(),
            y.atop_only.to_string(),
            y.casus_only.to_string(),
            y.recall.map(|r| format!("{r:.4}")).unwrap_or_default(),
            y.precision.map(|r| format!("{r:.4}")).unwrap_or_default(),
            (y.at_signature.recall)
                .map(|r| format!("{r:.4}"))
                .unwrap_or_default(),
            (y.at_signature.precision)
                .map(|r| format!("{r:.4}"))
                .unwrap_or_default(),
        ]);
    }
    for d in &c.differences {
        let ids: Vec<String> = d.atop_alliances.iter().map(u32::to_string).collect();
        let mut row = vec![
            "difference".into(),
            d.year.to_string(),
            d.obligor.to_string(),
            d.beneficiary.to_string(),
            d.side.key().into(),
            d.cause.key().into(),
            ids.join(" "),
            d.casus_treaties.join(" "),
        ];
        row.extend(std::iter::repeat_n(String::new(), 9));
        rows.push(row);
    }
    rows
}

fn print_text(c: &Coverage) {
    let mut t = table(&[
        "year",
        "ATOP",
        "casus",
        "both",
        "ATOP only",
        "casus only",
        "recall",
        "precision",
        "recall*",
        "precision*",
    ]);
    for y in &c.years {
        t.add_row(vec![
            y.year.to_string(),
            y.atop.to_string(),
            y.casus.to_string(),
            y.both.to_string(),
            y.atop_only.to_string(),
            y.casus_only.to_string(),
            share(y.recall),
            share(y.precision),
            share(y.at_signature.recall),
            share(y.at_signature.precision),
        ]);
    }
    println!("Directed defence dyads, ATOP 5.1 against the knowledge base");
    println!("{t}");
    println!(
        "* with the knowledge base read under ATOP's date convention: each party from its signature"
    );
    if c.groups.is_empty() {
        println!("no differences");
        return;
    }
    let year_cols: Vec<String> = c.years.iter().map(|y| y.year.to_string()).collect();
    let mut header = vec!["side", "cause", "source"];
    header.extend(year_cols.iter().map(String::as_str));
    header.push("examples (COW codes)");
    let mut t = table(&header);
    for g in &c.groups {
        let mut row = vec![
            g.side.key().to_string(),
            g.cause.key().to_string(),
            g.source.clone(),
        ];
        for y in &c.years {
            row.push(
                g.by_year
                    .get(&y.year)
                    .map(usize::to_string)
                    .unwrap_or_default(),
            );
        }
        row.push(g.examples.join(", "));
        t.add_row(row);
    }
    println!("{t}");
    if !c.cow_states_given {
        println!("(without --cow, no difference is put down to a state outside the COW system)");
    }
}
