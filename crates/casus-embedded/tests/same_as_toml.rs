//! The binary form embedded at build time is the base the TOML loader
//! gives for the same `kb/` (what `casus check` validates): every entity
//! and every index.

use casus_core::kb::{Named, RefKind};
use casus_core::KnowledgeBase;

fn both() -> (KnowledgeBase, KnowledgeBase) {
    let toml = KnowledgeBase::embedded().expect("the shipped base loads from its TOML");
    let binary = casus_embedded::knowledge_base().expect("the binary form decodes");
    (toml, binary)
}

#[test]
fn binary_form_holds_the_same_entities_as_the_toml() {
    let (toml, binary) = both();
    assert!(!binary.treaties.is_empty());
    assert_eq!(
        format!("{:?}", toml.polities),
        format!("{:?}", binary.polities)
    );
    assert_eq!(
        format!("{:?}", toml.territories),
        format!("{:?}", binary.territories)
    );
    assert_eq!(
        format!("{:?}", toml.regions),
        format!("{:?}", binary.regions)
    );
    assert_eq!(format!("{:?}", toml.places), format!("{:?}", binary.places));
    assert_eq!(format!("{:?}", toml.claims), format!("{:?}", binary.claims));
    assert_eq!(
        format!("{:?}", toml.treaties),
        format!("{:?}", binary.treaties)
    );
    assert_eq!(
        format!("{:?}", toml.borders),
        format!("{:?}", binary.borders)
    );
    assert_eq!(toml.files, binary.files);
}

#[test]
fn binary_form_holds_the_same_indexes_as_the_toml() {
    let (toml, binary) = both();
    assert_eq!(toml.treaty_order(), binary.treaty_order());
    // The treaties of each party (the engine's walk), as built at load.
    assert!(binary.party_index_is_current());
    for p in &toml.polities {
        assert_eq!(
            toml.treaties_naming([p.id.as_str()]),
            binary.treaties_naming([p.id.as_str()]),
            "{}",
            p.id
        );
    }
    for (i, t) in toml.territories.iter().enumerate() {
        assert_eq!(toml.children_of(i), binary.children_of(i), "{}", t.id);
        assert_eq!(toml.ancestry(i), binary.ancestry(i), "{}", t.id);
        assert_eq!(binary.index_of(RefKind::Territory, &t.id), Some(i));
    }
    for p in &toml.polities {
        assert_eq!(
            binary.index_of(RefKind::Polity, &p.id),
            toml.index_of(RefKind::Polity, &p.id)
        );
        assert_eq!(toml.lookup(&p.name), binary.lookup(&p.name), "{}", p.name);
        let borders =
            |kb: &KnowledgeBase| format!("{:?}", kb.borders_of(&p.id).collect::<Vec<_>>());
        assert_eq!(borders(&toml), borders(&binary), "{}", p.id);
    }
    for t in &toml.treaties {
        assert_eq!(
            toml.lookup_treaty(&t.name),
            binary.lookup_treaty(&t.name),
            "{}",
            t.id
        );
        assert_eq!(
            binary.index_of(RefKind::Treaty, &t.id),
            toml.index_of(RefKind::Treaty, &t.id)
        );
    }
    for p in &toml.places {
        let found = binary.lookup(&p.name);
        assert_eq!(toml.lookup(&p.name), found, "{}", p.name);
        assert!(
            found.iter().any(|n| matches!(n, Named::Place(_))),
            "{}",
            p.name
        );
    }
    // Suggestions come from the name lists the index keeps.
    assert_eq!(toml.suggest("Armenai"), binary.suggest("Armenai"));
    assert_eq!(toml.suggest_treaty("Nato"), binary.suggest_treaty("Nato"));
}

#[test]
fn binary_form_keeps_state_system_membership() {
    // COW membership spells survive the binary form, spell by
    // spell with their sources (what `--all-pairs` reads).
    let (toml, binary) = both();
    let spells = |kb: &KnowledgeBase| -> Vec<(String, String)> {
        kb.polities
            .iter()
            .map(|p| (p.id.clone(), format!("{:?}", p.system_membership)))
            .collect()
    };
    assert_eq!(spells(&toml), spells(&binary));
    assert!(binary
        .polities
        .iter()
        .any(|p| !p.system_membership.is_empty()));
}
