//! `casus read`: the seed article's acceptance case, a snapshot
//! of its text report, the reader on articles of our own, bad input, and
//! `--add-claims`. The seed lives in `../shared/seed/`; those tests are
//! ignored when the shared folder is absent.

mod common;

use std::path::PathBuf;

use common::casus;
use serde_json::Value;

const SEED: &str = "seed/000_1aa85bb800c591c2.txt";

fn own_article(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../casus-read/tests/articles")
        .join(name)
}

fn read_json(args: &[&str]) -> Value {
    common::json(&[&["read"], args].concat())
}

/// Exit code and stderr of `casus read ARGS`.
fn read_fails(args: &[&str]) -> (i32, String) {
    let out = casus().arg("read").args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn speaker_of<'a>(v: &'a Value, text_start: &str) -> Option<&'a str> {
    v["quotes"]
        .as_array()?
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .is_some_and(|t| t.starts_with(text_start))
        })
        .and_then(|q| q["speaker"].as_str())
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared (the seed article), absent at build time"
)]
fn seed_article_acceptance() {
    let seed = common::shared(SEED).expect("seed article");
    let v = read_json(&[seed.to_str().unwrap(), "--published", "2020-10-07"]);
    assert_eq!(v["published"]["date"], "2020-10-07");
    assert_eq!(speaker_of(&v, "People are dying"), Some("Vladimir Putin"));
    assert_eq!(
        speaker_of(&v, "We have certain obligations"),
        Some("Vladimir Putin")
    );
    assert_eq!(
        speaker_of(&v, "do not extend to Karabakh"),
        Some("Dmitry Peskov")
    );
    let peskov = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["speaker"] == "Dmitry Peskov")
        .unwrap();
    assert_eq!(peskov["role"], "Kremlin spokesman");
    let sept = v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "Sept. 27")
        .expect("Sept. 27");
    assert_eq!(sept["date"], "2020-09-27");
    let states: Vec<&str> = v["polities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for s in ["ARM", "AZE", "RUS", "TUR"] {
        assert!(states.contains(&s), "{s} in {states:?}");
    }
    // The Peskov claim: CSTO, Karabakh, does not apply — and the engine agrees.
    let claims = v["claims"].as_array().unwrap();
    let i = claims
        .iter()
        .position(|c| c["claimant"] == "Dmitry Peskov" && c["treaty"] == "csto")
        .expect("Peskov's CSTO claim");
    assert_eq!(claims[i]["applies"], false);
    assert_eq!(claims[i]["subject"]["territory"], "nagorno-karabakh");
    let check = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["claim"] == i)
        .unwrap();
    assert_eq!(check["agreement"], "agree", "{check:#}");
    assert_eq!(check["attack"]["defender"], "ARM");
    assert!(
        check["reasons"]
            .to_string()
            .contains("not territory of Armenia"),
        "{check:#}"
    );
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared (the seed article), absent at build time"
)]
fn seed_article_without_a_date_says_so() {
    let seed = common::shared(SEED).expect("seed article");
    let v = read_json(&[seed.to_str().unwrap()]);
    assert!(v["published"].is_null());
    // Relative dates stay unresolved; absolute ones resolve.
    let texts: Vec<&str> = v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert!(!texts.contains(&"Wednesday"), "{texts:?}");
    assert!(texts.contains(&"July 2020"), "{texts:?}");
    for c in v["checks"].as_array().unwrap() {
        assert_eq!(c["agreement"], "cannot_tell");
        assert!(c["reasons"].to_string().contains("--published"));
    }
}

/// The report with every quoted passage replaced by its length: the
/// snapshot keeps the structure (speakers, mentions, dates, claims,
/// verdicts) without copying the article's words into the repository.
fn redact_quotations(text: &str) -> String {
    // A claim's sentence stands alone on its line, in quotation marks.
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with('“') {
                format!(
                    "{}[the sentence, {} chars]",
                    &l[..l.len() - t.len()],
                    t.chars().count() - 2
                )
            } else {
                l.to_string()
            }
        })
        .collect();
    let text = lines.join("\n");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('“') {
        out.push_str(&rest[..open]);
        let after = &rest[open + '“'.len_utf8()..];
        match after.find('”') {
            Some(close) => {
                out.push_str(&format!("“<{} chars>”", after[..close].chars().count()));
                rest = &after[close + '”'.len_utf8()..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
#[cfg_attr(
    casus_shared_absent,
    ignore = "needs ../shared (the seed article), absent at build time"
)]
fn seed_article_text_report() {
    let seed = common::shared(SEED).expect("seed article");
    let out = casus()
        .args(["read", seed.to_str().unwrap(), "--published", "2020-10-07"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // The left-out lines (in the header, before the first blank line) quote
    // the article too; keep only their count.
    let header_end = text.find("\n\n").unwrap_or(text.len());
    let kept: Vec<&str> = text[..header_end]
        .lines()
        .filter(|l| !l.starts_with("    "))
        .chain(text[header_end..].lines())
        .collect();
    insta::assert_snapshot!(redact_quotations(&kept.join("\n")));
}

#[test]
fn own_article_senkakus_claim_agrees_with_the_engine() {
    let path = own_article("02-obama-senkaku-2014.txt");
    let v = read_json(&[path.to_str().unwrap()]);
    assert_eq!(v["published"]["date"], "2014-04-24");
    assert_eq!(v["published"]["from"], "date_line");
    assert_eq!(speaker_of(&v, "Let me reiterate"), Some("Barack Obama"));
    let claims = v["claims"].as_array().unwrap();
    let i = claims
        .iter()
        .position(|c| c["subject"]["territory"] == "senkaku-islands")
        .expect("a claim about the Senkakus");
    assert_eq!(claims[i]["treaty"], "us-japan-1960");
    assert_eq!(claims[i]["applies"], true);
    let check = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["claim"] == i)
        .unwrap();
    assert_eq!(check["agreement"], "agree", "{check:#}");
    assert_eq!(check["attack"]["defender"], "JPN");
    assert_eq!(check["attack"]["attackers"][0], "CHN");
}

#[test]
fn html_input_is_stripped_and_dated_by_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        r#"<!doctype html><html><head><title>Site</title>
<meta property="article:published_time" content="2019-03-01T09:00:00Z">
<script>var x = "Moscow said";</script></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Pompeo reassures Manila</h1>
<figure><img src="a.jpg"><figcaption>Pompeo in Manila on Friday. (Photo: Agency)</figcaption></figure>
<p>MANILA -- US Secretary of State Mike Pompeo said on Friday that an armed attack on Philippine forces in the South China Sea would trigger obligations under the Mutual Defense Treaty.</p>
<p>&ldquo;Our obligations are real,&rdquo; Pompeo said.</p>
<aside>Related: <a href="/x">Other story</a></aside></article>
<footer>&copy; Example News</footer></body></html>"#,
    )
    .unwrap();
    let v = read_json(&[page.to_str().unwrap()]);
    assert_eq!(v["input"], "html");
    assert_eq!(v["published"]["date"], "2019-03-01");
    assert_eq!(v["published"]["from"], "html_meta");
    assert_eq!(v["title"], "Pompeo reassures Manila");
    assert_eq!(
        speaker_of(&v, "Our obligations are real"),
        Some("Mike Pompeo")
    );
    let friday = v["dates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "Friday")
        .unwrap();
    assert_eq!(friday["date"], "2019-03-01");
    let all = v.to_string();
    assert!(!all.contains("Moscow"), "script text leaked: {all}");
    assert!(!all.contains("Photo"), "caption leaked");
    assert!(v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["treaty"] == "us-philippines-1951"));
}

#[test]
fn standard_input_is_read() {
    let text = std::fs::read(own_article("03-anzus-invoked-2001.txt")).unwrap();
    let out = casus()
        .args(["read", "-", "--format", "json"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["treaties"][0]["id"], "anzus");
}

#[test]
fn bad_input_gets_a_clear_error_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let binary = write(
        "a.bin",
        &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    );
    let empty = write("empty.txt", b"");
    let blank = write("blank.txt", b"  \n\n \t\n");
    let latin1 = write("latin1.txt", b"Caf\xe9 au lait in M\xfcnchen.\n");
    let utf16 = write("utf16.txt", &[0xFF, 0xFE, b'h', 0, b'i', 0]);
    // A 50 MB file: refused by its size before it is read.
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    for (path, expect) in [
        (&binary, "binary"),
        (&empty, "empty"),
        (&blank, "empty"),
        (&latin1, "not valid UTF-8"),
        (&utf16, "UTF-16"),
        (&big, "limit"),
    ] {
        let (code, err) = read_fails(&[path.to_str().unwrap()]);
        assert_eq!(code, 1, "{}: {err}", path.display());
        assert!(err.contains(expect), "{}: {err}", path.display());
        assert!(!err.contains("panicked"), "{err}");
    }
    let (code, err) = read_fails(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("directory"), "{err}");
    let (code, err) = read_fails(&[dir.path().join("missing.txt").to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let (code, err) = read_fails(&[
        own_article("01-nato-turkey-article4-2012.txt")
            .to_str()
            .unwrap(),
        "--published",
        "2012-13-01",
    ]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_large_article_of_prose_is_read_within_the_limit() {
    // About 4 MB of article text: read in one piece, no error, bounded output.
    let one = std::fs::read_to_string(own_article("01-nato-turkey-article4-2012.txt")).unwrap();
    let body: String = one.split("\n\n").skip(1).collect::<Vec<_>>().join("\n\n");
    let mut text = one.clone();
    while text.len() < 4 * 1024 * 1024 {
        text.push_str("\n\n");
        text.push_str(&body);
    }
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("long.txt");
    std::fs::write(&p, &text).unwrap();
    let v = read_json(&[p.to_str().unwrap()]);
    assert_eq!(v["published"]["date"], "2012-06-26");
    // Distinct quotations and dates are reported once each.
    assert!(v["dates"].as_array().unwrap().len() < 10);
}

#[test]
fn add_claims_writes_a_new_file_the_knowledge_base_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review");
    let article = own_article("02-obama-senkaku-2014.txt");
    let out = casus()
        .args([
            "read",
            article.to_str().unwrap(),
            "--add-claims",
            review.to_str().unwrap(),
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<PathBuf> = std::fs::read_dir(&review)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let written = std::fs::read_to_string(&files[0]).unwrap();
    assert!(written.contains("[[claim]]"), "{written}");
    assert!(written.contains("treaty = \"us-japan-1960\""), "{written}");
    assert!(
        written.contains("territory = \"senkaku-islands\""),
        "{written}"
    );
    assert!(written.contains("uncertain = true"), "{written}");

    // The entries load: the embedded knowledge base plus the new file checks clean.
    let kb = dir.path().join("kb");
    let export = casus()
        .args(["kb", "export", kb.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(export.status.success());
    std::fs::copy(&files[0], kb.join("claims-review.toml")).unwrap();
    let check = casus()
        .args(["--kb", kb.to_str().unwrap(), "check"])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );

    // A second run never overwrites the file.
    let (code, err) = read_fails(&[
        article.to_str().unwrap(),
        "--add-claims",
        review.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("never written over"), "{err}");
    assert_eq!(std::fs::read_to_string(&files[0]).unwrap(), written);
}

#[test]
fn add_claims_refuses_the_shipped_knowledge_base() {
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../kb");
    let article = own_article("02-obama-senkaku-2014.txt");
    let before = std::fs::read_dir(&shipped).unwrap().count();
    let (code, err) = read_fails(&[
        article.to_str().unwrap(),
        "--add-claims",
        shipped.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("shipped knowledge base"), "{err}");
    assert_eq!(std::fs::read_dir(&shipped).unwrap().count(), before);
}
