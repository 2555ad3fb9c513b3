//! The README's examples against the real program: every fenced block that
//! starts with `$ casus …` is run, and its other lines are compared with
//! what the command prints (stdout, then stderr).
//!
//! Normalisation, so the README can stay short: trailing spaces are ignored;
//! a line that is just `…` stands for any number of lines (none included);
//! a line ending in `…` matches a line that starts with the text before it.
//! Everything else must match exactly. On failure the message shows the
//! README block and the real output in full, ready to paste back.

use std::path::PathBuf;

mod common;

/// One `$ casus …` example: the README line it starts on, the arguments
/// after `casus`, and the lines the README shows.
struct Example {
    line: usize,
    command: String,
    expected: Vec<String>,
}

fn readme() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    std::fs::read_to_string(path).expect("README.md")
}

fn examples(text: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((_, l)) = lines.next() {
        if !l.starts_with("```") {
            continue;
        }
        let block: Vec<(usize, &str)> = lines
            .by_ref()
            .take_while(|(_, l)| !l.starts_with("```"))
            .collect();
        if let Some((n, first)) = block.first() {
            if let Some(cmd) = first.strip_prefix("$ casus ") {
                out.push(Example {
                    line: n + 1,
                    command: cmd.to_string(),
                    expected: block[1..]
                        .iter()
                        .map(|(_, l)| l.trim_end().to_string())
                        .collect(),
                });
            }
        }
    }
    out
}

/// Split a command line on spaces, keeping double-quoted words together.
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            c => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Does `actual` match the README's `expected` lines under the normalisation?
fn matches(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e.trim() == "…" => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((e, rest)) => match actual.split_first() {
            None => false,
            Some((a, arest)) => {
                let ok = match e.strip_suffix('…') {
                    Some(prefix) => a.starts_with(prefix),
                    None => a == e,
                };
                ok && matches(rest, arest)
            }
        },
    }
}

/// The first README line (outside `…` markers) that the program's line at
/// the same place does not match, as a one-line diff.
fn first_difference(expected: &[String], actual: &[String]) -> String {
    for (i, e) in expected.iter().enumerate() {
        if e.trim() == "…" {
            return format!(
                "(the lines before README line {} of the block match)",
                i + 1
            );
        }
        let a = actual.get(i).map(String::as_str).unwrap_or("<no line>");
        let ok = match e.strip_suffix('…') {
            Some(prefix) => a.starts_with(prefix),
            None => a == e,
        };
        if !ok {
            return format!(
                "first difference, line {} of the block:\n- {e}\n+ {a}",
                i + 1
            );
        }
    }
    "the program prints more lines than the README shows".to_string()
}

#[test]
fn readme_examples_match_the_program() {
    let text = readme();
    let found = examples(&text);
    assert!(
        found.len() >= 3,
        "expected the README's `$ casus` examples, found {}",
        found.len()
    );
    let mut failures = Vec::new();
    for ex in &found {
        let out = common::casus()
            .args(words(&ex.command))
            .output()
            .expect("runs");
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let actual: Vec<String> = printed.lines().map(|l| l.trim_end().to_string()).collect();
        if !matches(&ex.expected, &actual) {
            failures.push(format!(
                "README.md:{} `$ casus {}` no longer matches.\n{}\n--- README\n{}\n--- program (exit {:?})\n{}",
                ex.line,
                ex.command,
                first_difference(&ex.expected, &actual),
                ex.expected.join("\n"),
                out.status.code(),
                actual.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_normalisation_is_strict_outside_its_markers() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(matches(&s(&["a", "…", "d"]), &s(&["a", "b", "c", "d"])));
    assert!(matches(&s(&["a", "b…"]), &s(&["a", "bcd"])));
    assert!(!matches(&s(&["a", "c"]), &s(&["a", "b", "c"])));
    assert!(!matches(&s(&["a"]), &s(&["a", "b"])));
    assert_eq!(
        words(r#"place "39°48'N 46°45'E" --on 2024"#),
        s(&["place", "39°48'N 46°45'E", "--on", "2024"])
    );
}

#[test]
fn readme_describes_ci_run_exactly() {
    // Each command .ci/run runs appears in the README verbatim, and the
    // README claims nothing about a clean checkout.
    let ci =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.ci/run"))
            .expect(".ci/run");
    let text = readme().split_whitespace().collect::<Vec<_>>().join(" ");
    let commands: Vec<&str> = ci
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("cargo ") && !l.starts_with("cargo install"))
        .collect();
    assert!(commands.len() >= 3, "{commands:?}");
    for c in commands {
        assert!(
            text.contains(&format!("`{c}`")),
            "README does not quote `{c}` as .ci/run runs it"
        );
    }
    assert!(
        !text.contains("clean checkout"),
        "README claims a clean checkout"
    );
}
