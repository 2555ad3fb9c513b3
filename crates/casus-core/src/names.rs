//! Name matching: the forms people type, folded for case and accents, and
//! "did you mean" suggestions for near misses.

use std::collections::HashMap;

use bitcode::{Decode, Encode};
use deunicode::deunicode;

/// Fold a name for matching: transliterate to ASCII, lower-case, and keep
/// only letters and digits separated by single spaces. "Şuşa" and "susa",
/// "Xankəndi" and "xankendi", "Nagorno-Karabakh" and "nagorno karabakh"
/// fold to the same key.
pub fn fold(name: &str) -> String {
    // Plain ASCII needs no transliteration: one pass, one allocation (the
    // gazetteer's hot path; the result is the same as below).
    if name.is_ascii() {
        return squeeze(name.chars().map(|c| c.to_ascii_lowercase()), name.len());
    }
    fold_unicode(name)
}

/// [`fold`] for any input, through deunicode.
fn fold_unicode(name: &str) -> String {
    // deunicode renders the Azerbaijani schwa as a symbol; people type "e".
    let name: String = name
        .chars()
        .map(|c| match c {
            'ə' | 'Ə' | 'ǝ' => 'e',
            c => c,
        })
        .collect();
    let ascii = deunicode(&name).to_lowercase();
    squeeze(ascii.chars(), ascii.len())
}

/// Keep letters and digits of lower-cased ASCII, runs of anything else
/// becoming one space between words.
fn squeeze(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut pending_space = false;
    for c in chars {
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// An index from folded names to values of type `T`.
#[derive(Debug, Clone, Encode, Decode)]
pub struct NameIndex<T> {
    map: HashMap<String, Vec<T>>,
    /// Every (folded name, display name) pair, for suggestions.
    names: Vec<(String, String)>,
}

impl<T> Default for NameIndex<T> {
    fn default() -> Self {
        NameIndex {
            map: HashMap::new(),
            names: Vec::new(),
        }
    }
}

impl<T: Clone + PartialEq> NameIndex<T> {
    pub fn insert(&mut self, name: &str, value: T) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        let entry = self.map.entry(key.clone()).or_default();
        if !entry.contains(&value) {
            entry.push(value);
        }
        self.names.push((key, name.to_string()));
    }

    /// Every value registered under a name that folds like `name`.
    pub fn get(&self, name: &str) -> &[T] {
        self.map.get(&fold(name)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The known names that begin with the words of `name` and go on
    /// (`kamdesh` → "Kamdesh outpost"), folded, each once.
    pub fn names_extending(&self, name: &str) -> Vec<&str> {
        let key = fold(name);
        if key.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<&str> = Vec::new();
        for (k, _) in &self.names {
            let longer = k.len() > key.len() + 1
                && k.starts_with(&key)
                && k.as_bytes().get(key.len()) == Some(&b' ');
            if longer && !out.contains(&k.as_str()) {
                out.push(k);
            }
        }
        out
    }

    /// Up to three known names closest to `name`, best first.
    pub fn suggest(&self, name: &str) -> Vec<String> {
        self.suggest_where(name, |_| true)
    }

    /// Up to three known names closest to `name` that name at least one
    /// value `keep` accepts (suggestions of the kind asked for only).
    pub fn suggest_where(&self, name: &str, keep: impl Fn(&T) -> bool) -> Vec<String> {
        suggest_from(
            name,
            self.names
                .iter()
                .filter(|(k, _)| self.map.get(k).is_some_and(|vs| vs.iter().any(&keep)))
                .map(|(k, d)| (k.as_str(), d.as_str())),
        )
    }
}

/// How far below the best suggestion's similarity another may be.
const RUNNER_UP_MARGIN: f64 = 0.05;

/// Up to three candidates close to `input`, best first. Candidates are
/// (folded, display) pairs. A candidate that folds like the input is never
/// suggested (it would suggest the input itself), and candidates that fold
/// alike ("Armenia", "armenia") are suggested once.
pub fn suggest_from<'a>(
    input: &str,
    candidates: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<String> {
    let key = fold(input);
    if key.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str, &str)> = candidates
        // Not the input itself, nor a short id far shorter than the input.
        .filter(|(folded, _)| *folded != key && folded.len() * 2 >= key.len())
        .filter_map(|(folded, display)| {
            let score = strsim::jaro_winkler(&key, folded);
            (score >= 0.8).then_some((score, folded, display))
        })
        .collect();
    // Best score first; among equals, a capitalised display form first.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(b.2)));
    // Only close runners-up: "Armenai" suggests "Armenia", not also
    // "Argentina" and "America".
    if let Some(best) = scored.first().map(|s| s.0) {
        scored.retain(|s| s.0 >= best - RUNNER_UP_MARGIN);
    }
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (_, folded, display) in scored {
        if !seen.contains(&folded) {
            seen.push(folded);
            out.push(display.to_string());
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(fold("Şuşa"), "susa");
        assert_eq!(fold("Xankəndi"), "xankendi");
        assert_eq!(fold("  Nagorno-Karabakh "), "nagorno karabakh");
        assert_eq!(fold("Türkiye"), "turkiye");
    }

    #[test]
    fn the_ascii_fast_path_folds_as_transliteration_does() {
        for s in [
            "New York",
            "  Port-Said!! ",
            "ABC_def 12",
            "",
            "--",
            "Tripoli, LB",
        ] {
            assert_eq!(fold(s), fold_unicode(s), "{s:?}");
        }
    }

    #[test]
    fn suggests_near_misses() {
        let mut idx = NameIndex::default();
        idx.insert("Armenia", 1);
        idx.insert("Azerbaijan", 2);
        idx.insert("Albania", 3);
        assert!(idx.get("ARMENIA").contains(&1));
        assert_eq!(
            idx.suggest("Armenai").first().map(String::as_str),
            Some("Armenia")
        );
        assert!(idx.suggest("zzzz").is_empty());
    }

    #[test]
    fn a_name_never_suggests_itself_and_case_variants_come_once() {
        let mut idx = NameIndex::default();
        idx.insert("Armenia", 1);
        idx.insert("armenia", 1);
        idx.insert("Aden", 2);
        assert_eq!(idx.suggest("Armenai"), vec!["Armenia".to_string()]);
        assert!(!idx.suggest("ADEN").iter().any(|s| fold(s) == "aden"));
        assert_eq!(
            idx.suggest_where("Armenai", |v| *v == 2),
            Vec::<String>::new()
        );
    }
}
