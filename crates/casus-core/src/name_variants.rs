//! The other ways a report may write a place name: without a leading
//! "the", without a generic word for the kind of site ("Isfahan Air Base",
//! "Kherson Oblast", "the Bab el-Mandeb strait"), with the Arabic article
//! written another way, not at all or added ("Ad-Dawr", "al-Dawr", "Dawr";
//! "Anbar", "Al Anbar"), and
//! with or without a final `h` after a vowel ("Raqqah", "Raqqa"), with
//! `ya` for `ia` ("Sloviansk", "Slovyansk"), and without a compass word
//! before an area ("eastern Mediterranean").
//!
//! Variants are folded names ([`crate::names::fold`]), tried in order only
//! after the name as typed has found nothing; each says what was read away
//! and, for a generic word, which kinds of site it names, so a caller can
//! prefer a candidate of that kind.

use crate::names::fold;

/// The kind of site a generic word names (`air base` → [`SiteHint::Air`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteHint {
    /// No generic word was read away.
    Any,
    /// Air base, airfield, airport.
    Air,
    /// Naval base, port, harbour.
    Naval,
    /// Province, oblast, governorate, region, district.
    Province,
    /// Sea, gulf, strait, channel, bay.
    Sea,
    /// Island, islet, reef, shoal, atoll, rock.
    Island,
    /// Village, town, city, camp.
    Settlement,
    /// Bridge, dam, power plant, crossing, pass, base.
    Site,
}

/// One way of reading a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The folded name to look up.
    pub key: String,
    /// What was read differently, for the note (`"without “air base”"`).
    pub how: String,
    pub hint: SiteHint,
}

/// Generic words at the end of a name (folded, longest first), with the
/// kind they name.
const SUFFIXES: &[(&str, SiteHint)] = &[
    ("international airport", SiteHint::Air),
    ("air force base", SiteHint::Air),
    ("military airport", SiteHint::Air),
    ("air base", SiteHint::Air),
    ("air station", SiteHint::Air),
    ("air field", SiteHint::Air),
    ("airbase", SiteHint::Air),
    ("airfield", SiteHint::Air),
    ("airport", SiteHint::Air),
    ("airstrip", SiteHint::Air),
    ("afb", SiteHint::Air),
    ("ab", SiteHint::Air),
    ("naval base", SiteHint::Naval),
    ("naval station", SiteHint::Naval),
    ("navy base", SiteHint::Naval),
    ("harbour", SiteHint::Naval),
    ("harbor", SiteHint::Naval),
    ("seaport", SiteHint::Naval),
    ("port", SiteHint::Naval),
    ("autonomous oblast", SiteHint::Province),
    ("autonomous region", SiteHint::Province),
    ("oblast", SiteHint::Province),
    ("province", SiteHint::Province),
    ("governorate", SiteHint::Province),
    ("region", SiteHint::Province),
    ("district", SiteHint::Province),
    ("prefecture", SiteHint::Province),
    ("county", SiteHint::Province),
    ("raion", SiteHint::Province),
    ("rayon", SiteHint::Province),
    ("krai", SiteHint::Province),
    ("kray", SiteHint::Province),
    ("state", SiteHint::Province),
    ("department", SiteHint::Province),
    ("wilayat", SiteHint::Province),
    ("vilayet", SiteHint::Province),
    ("straits", SiteHint::Sea),
    ("strait", SiteHint::Sea),
    ("channel", SiteHint::Sea),
    ("gulf", SiteHint::Sea),
    ("sea", SiteHint::Sea),
    ("bay", SiteHint::Sea),
    ("islands", SiteHint::Island),
    ("island", SiteHint::Island),
    ("islet", SiteHint::Island),
    ("isle", SiteHint::Island),
    ("atoll", SiteHint::Island),
    ("reef", SiteHint::Island),
    ("shoal", SiteHint::Island),
    ("rock", SiteHint::Island),
    ("refugee camp", SiteHint::Settlement),
    ("camp", SiteHint::Settlement),
    ("village", SiteHint::Settlement),
    ("town", SiteHint::Settlement),
    ("city", SiteHint::Settlement),
    ("nuclear power plant", SiteHint::Site),
    ("nuclear plant", SiteHint::Site),
    ("npp", SiteHint::Site),
    ("power plant", SiteHint::Site),
    ("power station", SiteHint::Site),
    ("nuclear facility", SiteHint::Site),
    ("nuclear site", SiteHint::Site),
    ("nuclear reactor", SiteHint::Site),
    ("reactor", SiteHint::Site),
    ("dam", SiteHint::Site),
    ("bridge", SiteHint::Site),
    ("border crossing", SiteHint::Site),
    ("crossing", SiteHint::Site),
    ("checkpoint", SiteHint::Site),
    ("pass", SiteHint::Site),
    ("base", SiteHint::Site),
];

/// Generic words before a name (`strait of hormuz` → `hormuz`), and the
/// compass words of a part of an area (`eastern mediterranean`).
const PREFIXES: &[(&str, SiteHint)] = &[
    ("strait of", SiteHint::Sea),
    ("straits of", SiteHint::Sea),
    ("gulf of", SiteHint::Sea),
    ("bay of", SiteHint::Sea),
    ("sea of", SiteHint::Sea),
    ("port of", SiteHint::Naval),
    ("island of", SiteHint::Island),
    ("camp", SiteHint::Settlement),
    ("northern", SiteHint::Any),
    ("southern", SiteHint::Any),
    ("eastern", SiteHint::Any),
    ("western", SiteHint::Any),
    ("central", SiteHint::Any),
];

/// The Arabic article as reports write it, folded (`al-`, `el-`, and the
/// forms assimilated to the next consonant: `ad-`, `ar-`, `as-`, …).
const ARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ath", "adh", "ed", "er", "es", "ez",
    "et", "ul",
];

/// At most this many variants are tried.
const MAX_VARIANTS: usize = 24;

/// The variants of `input`, best first, without the folded input itself.
pub fn variants(input: &str) -> Vec<Variant> {
    let folded = fold(input);
    let mut out: Vec<Variant> = Vec::new();
    let push = |key: String, how: String, hint: SiteHint, out: &mut Vec<Variant>| {
        if !key.is_empty() && key != folded && !out.iter().any(|v| v.key == key) {
            out.push(Variant { key, how, hint });
        }
    };
    // Stage 1: "the" and generic words.
    let mut stems: Vec<(String, Vec<String>, SiteHint)> =
        vec![(folded.clone(), Vec::new(), SiteHint::Any)];
    if let Some(rest) = folded.strip_prefix("the ") {
        stems.push((rest.to_string(), vec!["“the”".to_string()], SiteHint::Any));
    }
    let bases = stems.clone();
    for (stem, how, _) in &bases {
        for (word, hint) in SUFFIXES {
            if let Some(rest) = stem.strip_suffix(word).and_then(|r| r.strip_suffix(' ')) {
                let mut how = how.clone();
                how.push(format!("“{word}”"));
                stems.push((rest.to_string(), how, *hint));
                break;
            }
        }
        for (word, hint) in PREFIXES {
            if let Some(rest) = stem.strip_prefix(word).and_then(|r| r.strip_prefix(' ')) {
                let mut how = how.clone();
                how.push(format!("“{word}”"));
                stems.push((rest.to_string(), how, *hint));
                break;
            }
        }
    }
    for (stem, how, hint) in &stems {
        push(stem.clone(), without(how), *hint, &mut out);
    }
    // Stage 2: the article and a final `h`, on every stem.
    for (stem, how, hint) in &stems {
        let note = without(how);
        for (key, what) in spellings(stem) {
            let described = if note.is_empty() {
                what
            } else {
                format!("{note}, {what}")
            };
            push(key, described, *hint, &mut out);
        }
    }
    out.truncate(MAX_VARIANTS);
    out
}

fn without(words: &[String]) -> String {
    if words.is_empty() {
        String::new()
    } else {
        format!("without {}", words.join(" and "))
    }
}

/// Other spellings of a folded name: articles dropped or written `al`/`el`,
/// and a final `h` after a vowel dropped or added.
fn spellings(stem: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = stem.split(' ').collect();
    let mut out = Vec::new();
    let has_article = words.len() > 1
        && words[..words.len() - 1]
            .iter()
            .any(|w| ARTICLES.contains(w));
    if has_article {
        let mut dropped: Vec<&str> = Vec::new();
        let mut as_al: Vec<&str> = Vec::new();
        let mut as_el: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let article = i + 1 < words.len() && ARTICLES.contains(w);
            if !article {
                dropped.push(w);
            }
            as_al.push(if article { "al" } else { w });
            as_el.push(if article { "el" } else { w });
        }
        out.push((as_al.join(" "), "with the article as “al”".to_string()));
        out.push((as_el.join(" "), "with the article as “el”".to_string()));
        out.push((dropped.join(" "), "without the article".to_string()));
    }
    // Arabic names often lose their article in English ("Anbar" for Al
    // Anbar, "Qaim" for Al-Qaim).
    if !has_article && !words.is_empty() && !ARTICLES.contains(&words[0]) {
        out.push((format!("al {stem}"), "with the article “al”".to_string()));
    }
    // Ukrainian and Russian romanisations: `ia` and `ya` (Sloviansk,
    // Slovyansk; Zaporizhzhia, Zaporizhzhya).
    if stem.contains("ia") {
        out.push((stem.replace("ia", "ya"), "with “ya” for “ia”".to_string()));
    } else if stem.contains("ya") {
        out.push((stem.replace("ya", "ia"), "with “ia” for “ya”".to_string()));
    }
    let mut more = Vec::new();
    for (key, how) in std::iter::once((stem.to_string(), String::new())).chain(out.iter().cloned())
    {
        let last = key.rsplit(' ').next().unwrap_or("");
        let joined = |s: String| {
            if how.is_empty() {
                s
            } else {
                format!("{how}, {s}")
            }
        };
        if last.len() > 3 && (last.ends_with("ah") || last.ends_with("eh")) {
            more.push((
                key[..key.len() - 1].to_string(),
                joined("without the final “h”".to_string()),
            ));
        } else if last.len() > 2 && (last.ends_with('a') || last.ends_with('e')) {
            more.push((format!("{key}h"), joined("with a final “h”".to_string())));
        }
    }
    out.extend(more);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(input: &str) -> Vec<String> {
        variants(input).into_iter().map(|v| v.key).collect()
    }

    #[test]
    fn generic_words_are_read_away_with_their_kind() {
        let v = variants("Isfahan Air Base");
        assert_eq!(v[0].key, "isfahan");
        assert_eq!(v[0].hint, SiteHint::Air);
        assert_eq!(v[0].how, "without “air base”");
        let v = variants("the Bab el-Mandeb strait");
        assert!(v
            .iter()
            .any(|v| v.key == "bab el mandeb" && v.hint == SiteHint::Sea));
        assert!(keys("Kherson Oblast").contains(&"kherson".to_string()));
        assert!(keys("Strait of Hormuz").contains(&"hormuz".to_string()));
    }

    #[test]
    fn the_article_is_dropped_or_rewritten() {
        let k = keys("Ad-Dawr");
        assert!(k.contains(&"al dawr".to_string()), "{k:?}");
        assert!(k.contains(&"dawr".to_string()), "{k:?}");
        let k = keys("Ras al-Ayn");
        assert!(k.contains(&"ras ayn".to_string()) && k.contains(&"ras el ayn".to_string()));
        assert!(keys("Anbar").contains(&"al anbar".to_string()));
        // A final word is never taken for an article.
        assert!(!keys("Tell Es").contains(&"tell".to_string()));
    }

    #[test]
    fn a_final_h_after_a_vowel_comes_and_goes() {
        assert!(keys("Raqqah").contains(&"raqqa".to_string()));
        assert!(keys("Raqqa").contains(&"raqqah".to_string()));
        assert!(keys("ar-Raqqah").contains(&"raqqa".to_string()));
    }

    #[test]
    fn romanisations_and_compass_words() {
        assert!(keys("Sloviansk").contains(&"slovyansk".to_string()));
        assert!(keys("Zaporizhzhya").contains(&"zaporizhzhia".to_string()));
        assert!(keys("eastern Mediterranean").contains(&"mediterranean".to_string()));
    }

    #[test]
    fn the_name_itself_is_not_a_variant_and_nothing_is_empty() {
        for input in ["Gori", "", "the", "air base", "Al", "Port"] {
            let v = variants(input);
            assert!(
                v.iter().all(|v| !v.key.is_empty() && v.key != fold(input)),
                "{input}: {v:?}"
            );
            assert!(v.len() <= MAX_VARIANTS);
        }
    }
}
