//! The reader's rules on small texts of our own: input checks, HTML,
//! dates, mentions, quotations and claims; and a property test that no
//! input makes it panic.

use casus_core::KnowledgeBase;
use casus_read::{Options, ReadError, Reader};
use jiff::civil::date;
use proptest::prelude::*;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded knowledge base"))
}

fn reader() -> &'static Reader {
    static R: OnceLock<Reader> = OnceLock::new();
    R.get_or_init(|| Reader::new(kb()).expect("reader"))
}

fn read(text: &str, published: Option<jiff::civil::Date>) -> casus_read::Article {
    reader()
        .read_text(kb(), text, &Options { published })
        .expect("reads")
}

#[test]
fn input_errors_are_named() {
    let r = reader();
    let opts = Options::default();
    assert!(matches!(r.read(kb(), b"", &opts), Err(ReadError::Empty)));
    assert!(matches!(
        r.read(kb(), b" \n\t\n", &opts),
        Err(ReadError::Empty)
    ));
    assert!(matches!(
        r.read(kb(), b"\x00\x01\x02ELF", &opts),
        Err(ReadError::Binary)
    ));
    assert!(matches!(
        r.read(kb(), &[0xFF, 0xFE, b'a', 0], &opts),
        Err(ReadError::Utf16)
    ));
    assert!(matches!(
        r.read(kb(), b"ok \xe9 bad", &opts),
        Err(ReadError::NotUtf8 { offset: 3 })
    ));
    let big = vec![b'a'; casus_read::MAX_ARTICLE_BYTES + 1];
    assert!(matches!(
        r.read(kb(), &big, &opts),
        Err(ReadError::TooLarge { .. })
    ));
    assert!(matches!(
        r.read(kb(), b"<html><body><script>x</script></body></html>", &opts),
        Err(ReadError::Empty)
    ));
}

#[test]
fn relative_and_partial_dates_resolve_against_publication() {
    let a = read(
        "Talks end\n\nThe minister spoke on Monday, a week after the clashes of March 3. \
         Yesterday the talks ended; the truce of 1994 held until September 2020. \
         The treaty is 24 years old and cost $2019 to print.",
        Some(date(2021, 3, 10)),
    );
    let got: Vec<(&str, &str)> = a
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.date.as_str()))
        .collect();
    assert!(got.contains(&("Monday", "2021-03-08")), "{got:?}");
    assert!(got.contains(&("March 3", "2021-03-03")), "{got:?}");
    assert!(got.contains(&("Yesterday", "2021-03-09")), "{got:?}");
    assert!(got.contains(&("1994", "1994")), "{got:?}");
    assert!(got.contains(&("September 2020", "2020-09")), "{got:?}");
    assert!(
        !got.iter()
            .any(|(t, _)| t.contains("24") || t.contains("2019")),
        "{got:?}"
    );
    // A month and day months ahead of publication belong to the year before.
    let b = read(
        "Recall\n\nThe ceasefire of Dec. 20 held.",
        Some(date(2021, 1, 15)),
    );
    assert_eq!(b.dates[0].date, "2020-12-20");
}

#[test]
fn publication_date_from_a_date_line_or_dateline_free_text() {
    let a = read(
        "Headline here\n14:34 10.09.2025\n\nBody text on Wednesday.",
        None,
    );
    assert_eq!(
        a.published.as_ref().map(|p| p.date),
        Some(date(2025, 9, 10))
    );
    assert_eq!(a.dates[0].date, "2025-09-10");
    let b = read("Headline\nThe Paper|June 20, 2024\n\nBody.", None);
    assert_eq!(
        b.published.as_ref().map(|p| p.date),
        Some(date(2024, 6, 20))
    );
    let c = read("No date anywhere\n\nThe minister spoke on Monday.", None);
    assert!(c.published.is_none());
    assert!(c.dates.is_empty());
}

#[test]
fn demonyms_capitals_and_people() {
    let a = read(
        "Tensions rise\n\nSyrian mercenaries crossed into Armenian territory, while Ankara \
         denied it. Talks were held in Moscow and at NATO's Brussels headquarters.",
        Some(date(2020, 10, 7)),
    );
    let states: Vec<&str> = a.polities.iter().map(|p| p.id.as_str()).collect();
    assert!(
        states.contains(&"ARM") && states.contains(&"TUR"),
        "{states:?}"
    );
    assert!(
        !states.contains(&"SYR"),
        "people, not the state: {states:?}"
    );
    assert!(
        !states.contains(&"BEL") && !states.contains(&"RUS"),
        "locations: {states:?}"
    );
    let places: Vec<&str> = a.places.iter().map(|p| p.text.as_str()).collect();
    assert!(
        places.contains(&"Moscow") && places.contains(&"Brussels"),
        "{places:?}"
    );
}

#[test]
fn generic_treaty_phrase_is_the_treaty_between_the_named_states() {
    let a = read(
        "Alliance\n\nThe United States and Japan reaffirmed their security treaty on Tuesday.",
        Some(date(2021, 1, 28)),
    );
    let treaties: Vec<&str> = a.treaties.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(treaties, ["us-japan-1960"]);
}

#[test]
fn quotes_split_continued_and_attributed_by_pronoun_or_role() {
    let a = read(
        "Minister speaks\n\nForeign Minister Jane Doe-Smith met reporters on Friday.\n\n\
         \"We are ready,\" she said. \"Nothing has changed.\"\n\n\
         \"The border is calm,\" the minister added, \"and we intend to keep it so.\"\n\n\
         General Tom Brown said the army saw a \"serious threat\" in the north.\n\n\
         The “Northern Declaration” was signed in 2001.",
        Some(date(2024, 5, 3)),
    );
    let got: Vec<(&str, &str)> = a
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        [
            ("We are ready", "Jane Doe-Smith"),
            ("Nothing has changed.", "Jane Doe-Smith"),
            ("The border is calm", "Jane Doe-Smith"),
            ("and we intend to keep it so.", "Jane Doe-Smith"),
            ("serious threat", "Tom Brown"),
        ]
    );
    assert_eq!(a.quotes[0].role.as_deref(), Some("Foreign Minister"));
}

#[test]
fn claims_have_treaty_subject_and_polarity() {
    let a = read(
        "Kremlin on Karabakh\n\nKremlin spokesman Dmitry Peskov said on Wednesday that \
         Russia's obligations under the CSTO do not extend to Nagorno-Karabakh. \
         He added that the treaty covers Armenia itself. \
         Officials have not yet settled whether the CSTO covers the border villages of Armenia.",
        Some(date(2020, 10, 7)),
    );
    let got: Vec<(Option<&str>, Option<bool>, Option<&str>)> = a
        .claims
        .iter()
        .map(|c| {
            (
                c.treaty.as_deref(),
                c.applies,
                c.subject
                    .territory
                    .as_deref()
                    .or(c.subject.polity.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("csto"), Some(false), Some("nagorno-karabakh")),
            (Some("csto"), Some(true), Some("ARM")),
            (Some("csto"), None, Some("ARM")),
        ]
    );
    assert_eq!(a.claims[0].claimant.as_deref(), Some("Dmitry Peskov"));
    let checks = casus_read::check(kb(), &a);
    assert_eq!(checks[0].agreement, casus_read::Agreement::Agree);
    assert_eq!(checks[2].agreement, casus_read::Agreement::CannotTell);
}

#[test]
fn html_boilerplate_is_left_out() {
    let page = casus_read::html::strip(
        "<html><head><title>T</title><meta name=\"date\" content=\"2022-09-15\"></head><body>\
         <nav>Home</nav><h1>Head &amp; line</h1><p>Body&nbsp;text &#8220;quoted&#8221;.</p>\
         <figure><figcaption>Photo</figcaption></figure><footer>c</footer></body></html>",
    );
    assert_eq!(page.text, "Head & line\n\nBody text “quoted”.");
    assert_eq!(page.published.as_deref(), Some("2022-09-15"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn arbitrary_text_never_panics(s in "(?s)[A-Za-z0-9 .,;:'\"“”‘’()\\[\\]<>/&#\n\\-–—é’]{0,400}") {
        let _ = reader().read_text(kb(), &s, &Options { published: Some(date(2020, 1, 1)) });
        let _ = reader().read_text(kb(), &s, &Options::default());
    }

    #[test]
    fn arbitrary_html_never_panics(s in r#"(?s)[A-Za-z0-9 .,;:'"“”<>/=&#!\-é–]{0,300}"#) {
        let page = format!("<html><body><p>{s}</p><p>x</p></body></html>");
        let _ = reader().read_text(kb(), &page, &Options::default());
        let _ = casus_read::html::strip(&s);
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(a) = reader().read(kb(), &b, &Options::default()) {
            let _ = casus_read::check(kb(), &a);
        }
    }

    #[test]
    fn article_like_text_never_panics(words in proptest::collection::vec(prop_oneof![
        Just("Putin"), Just("said"), Just("\"We"), Just("agree,\""), Just("Armenia"), Just("CSTO"),
        Just("does"), Just("not"), Just("extend"), Just("to"), Just("Karabakh."), Just("Sept."),
        Just("27"), Just("Wednesday"), Just("“"), Just("”"), Just("the"), Just("spokesman"),
        Just("Article"), Just("4"), Just("of"), Just("Treaty"), Just("\n\n"), Just("MOSCOW,"),
        Just("--"), Just("in"), Just("Almaty"), Just("he"), Just("'"), Just("2020"), Just("July"),
    ], 0..120)) {
        let text = words.join(" ");
        if let Ok(a) = reader().read_text(kb(), &text, &Options { published: Some(date(2020, 10, 7)) }) {
            let checks = casus_read::check(kb(), &a);
            let _ = casus_read::kb_claims::render(kb(), &a, &checks);
        }
    }
}
