//! ATOP rows → knowledge-base TOML: one treaty file per alliance
//! (`atop/treaties/atop-<atopid>.toml`) and the generated polities
//! (`atop/polities.toml`). The files go beside an export of the shipped
//! base, so the result is a self-contained knowledge base for `--kb`.
//!
//! Mapping (docs/kb-format.md, docs/validation.md): each member's rows are
//! merged into membership spells (phases abut); one provision per obligation
//! kind per phase; a kind every member carries (and no member with `obvary`)
//! is `mutual`, otherwise `directed` from the members whose own row has it to
//! all members. Every ATOP condition flag becomes an `unnamed_restriction`
//! naming the flag, so the engine answers `contested`, never silently
//! unconditional; so does `obvary` (ATOP hand-corrected who owes whom, which
//! the member file does not say). Scope is `anywhere`: ATOP codes no place.

use std::collections::BTreeMap;

use casus_core::{FuzzyDate, Interval, KnowledgeBase};
use serde::Serialize;

use crate::atop::{AtopData, MemberRow, Obligation};
use crate::cow::CowStates;
use crate::polities::PolityMap;
use crate::problem::RowProblem;
use crate::toml_text::{kv, kv_opt, kv_raw, string_array};

/// The dataset citation put on every imported fact.
pub const ATOP_CITATION: &str = "ATOP v5.1 (Leeds et al. 2002)";

/// A file to write, relative to the knowledge base's root.
#[derive(Debug, Clone)]
pub struct GeneratedFile {
    pub path: String,
    pub text: String,
}

/// What an import produced.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportStats {
    pub member_rows: usize,
    pub alliances: usize,
    pub treaties: usize,
    pub party_spells: usize,
    pub split_memberships: usize,
    pub provisions: usize,
    pub directed_provisions: usize,
    pub contested_provisions: usize,
    pub generated_polities: usize,
    pub skipped_rows: usize,
}

/// The result of converting ATOP (or COW) data.
#[derive(Debug, Clone, Default)]
pub struct Import {
    pub files: Vec<GeneratedFile>,
    pub problems: Vec<RowProblem>,
    pub stats: ImportStats,
}

/// Convert ATOP data to knowledge-base files. `base` is the knowledge base the
/// files will be added to (its polities' COW codes are reused); `progress` is
/// called with (alliances done, total).
pub fn atop_to_kb(
    data: &AtopData,
    base: &KnowledgeBase,
    cow: Option<&CowStates>,
    mut progress: impl FnMut(usize, usize),
) -> Import {
    let mut map = PolityMap::new(base, cow);
    let mut by_alliance: BTreeMap<u32, Vec<&MemberRow>> = BTreeMap::new();
    for m in &data.members {
        by_alliance.entry(m.atopid).or_default().push(m);
    }
    let mut import = Import {
        problems: data.problems.clone(),
        ..Import::default()
    };
    import.stats.member_rows = data.members.len();
    import.stats.alliances = by_alliance.len();
    let total = by_alliance.len();
    for (n, (atopid, rows)) in by_alliance.iter().enumerate() {
        let text = alliance_toml(*atopid, rows, data, &mut map, &mut import.stats);
        import.files.push(GeneratedFile {
            path: format!("atop/treaties/atop-{atopid}.toml"),
            text,
        });
        import.stats.treaties += 1;
        progress(n + 1, total);
    }
    import.stats.generated_polities = map.generated_count();
    import.files.push(GeneratedFile {
        path: "atop/polities.toml".to_string(),
        text: map.generated_toml(),
    });
    import.stats.skipped_rows = import.problems.len();
    import
}

/// COW states the base lacks → `cow/polities.toml`.
pub fn cow_to_kb(cow: &CowStates, base: &KnowledgeBase, problems: Vec<RowProblem>) -> Import {
    let mut map = PolityMap::new(base, Some(cow));
    map.use_all_cow_codes();
    let stats = ImportStats {
        generated_polities: map.generated_count(),
        skipped_rows: problems.len(),
        ..ImportStats::default()
    };
    Import {
        files: vec![GeneratedFile {
            path: "cow/polities.toml".to_string(),
            text: map.generated_toml(),
        }],
        problems,
        stats,
    }
}

/// One member's merged membership spell.
struct Spell {
    code: u16,
    from: FuzzyDate,
    to: Option<FuzzyDate>,
    lines: Vec<u64>,
}

/// Merge a member's rows (one per phase, abutting) into spells.
fn merge_spells(rows: &[&MemberRow]) -> Vec<Spell> {
    let mut rows: Vec<&MemberRow> = rows.to_vec();
    rows.sort_by_key(|r| (r.member, r.entry.earliest(), r.line));
    let mut out: Vec<Spell> = Vec::new();
    for r in rows {
        if let Some(last) = out.last_mut().filter(|s| s.code == r.member) {
            let joins = match last.to {
                None => true,
                Some(t) => t
                    .latest()
                    .tomorrow()
                    .map(|next| r.entry.earliest() <= next)
                    .unwrap_or(true),
            };
            if joins {
                last.to = match (last.to, r.exit) {
                    (None, _) | (_, None) => None,
                    (Some(a), Some(b)) => Some(if b.latest() > a.latest() { b } else { a }),
                };
                last.lines.push(r.line);
                continue;
            }
        }
        out.push(Spell {
            code: r.member,
            from: r.entry,
            to: r.exit,
            lines: vec![r.line],
        });
    }
    out
}

fn lines_text(lines: &[u64]) -> String {
    let l: Vec<String> = lines.iter().map(u64::to_string).collect();
    let word = if l.len() == 1 { "line" } else { "lines" };
    format!("{word} {}", l.join(", "))
}

fn alliance_toml(
    atopid: u32,
    rows: &[&MemberRow],
    data: &AtopData,
    map: &mut PolityMap<'_>,
    stats: &mut ImportStats,
) -> String {
    let alliance = data.alliances.get(&atopid);
    let why = format!("atopid {atopid}");
    // Parties.
    let spells = merge_spells(rows);
    let mut member_ids: BTreeMap<u16, Vec<String>> = BTreeMap::new();
    let mut parties = String::new();
    for s in &spells {
        let interval = Interval::new(Some(s.from), s.to);
        let assigned = map.assign(s.code, interval, &why);
        if assigned.len() > 1 {
            stats.split_memberships += 1;
        }
        for (k, a) in assigned.iter().enumerate() {
            let ids = member_ids.entry(s.code).or_default();
            if !ids.contains(&a.polity) {
                ids.push(a.polity.clone());
            }
            stats.party_spells += 1;
            parties.push_str("\n[[treaty.party]]\n");
            kv(&mut parties, "polity", &a.polity);
            if k == 0 {
                kv(&mut parties, "signed", &s.from.to_string());
            }
            kv_opt(
                &mut parties,
                "from",
                a.interval.from.map(|d| d.to_string()).as_deref(),
            );
            kv_opt(
                &mut parties,
                "to",
                a.interval.to.map(|d| d.to_string()).as_deref(),
            );
            kv(
                &mut parties,
                "source",
                &format!(
                    "{ATOP_CITATION}, atopid {atopid}, member COW {} (atop5_1m.csv {}): signature date{}",
                    s.code,
                    lines_text(&s.lines),
                    if s.to.is_none() {
                        "; exit 0 = still in force at the end of ATOP's coverage (2018-12-31)"
                    } else {
                        " to exit date"
                    }
                ),
            );
            kv_opt(&mut parties, "note", a.note.as_deref());
        }
    }

    // Header.
    let begin = alliance
        .map(|a| a.begin)
        .or_else(|| rows.iter().map(|r| r.entry).min_by_key(|d| d.earliest()));
    let end = match alliance {
        Some(a) => a.end,
        None if rows.iter().any(|r| r.exit.is_none()) => None,
        None => rows
            .iter()
            .filter_map(|r| r.exit)
            .max_by_key(|d| d.latest()),
    };
    let mut codes: Vec<u16> = Vec::new();
    for r in rows {
        if !codes.contains(&r.member) {
            codes.push(r.member);
        }
    }
    let mut names: Vec<String> = codes
        .iter()
        .take(4)
        .map(|c| map.display_name(*c, begin))
        .collect();
    if codes.len() > 4 {
        names.push(format!("{} others", codes.len() - 4));
    }
    let list = match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    };
    let phases: Vec<u8> = {
        let mut p: Vec<u8> = rows.iter().map(|r| r.phase).collect();
        p.sort();
        p.dedup();
        p
    };
    let asymm = alliance.map(|a| a.asymm).unwrap_or(false) || rows.iter().any(|r| r.asymm);
    let mut out = String::from(
        "# Imported by `casus import atop` from ATOP 5.1 (atopdata.org). ATOP's files may not be\n\
         # redistributed: keep this knowledge base local.\n\n[[treaty]]\n",
    );
    kv(&mut out, "id", &format!("atop-{atopid}"));
    kv(&mut out, "name", &format!("ATOP {atopid}: {list}"));
    kv(&mut out, "short_name", &format!("ATOP {atopid}"));
    kv(&mut out, "kind", "treaty");
    kv_opt(&mut out, "signed", begin.map(|d| d.to_string()).as_deref());
    let alliance_src = alliance
        .map(|a| format!(" (atop5_1a.csv line {})", a.line))
        .unwrap_or_else(|| " (not in atop5_1a.csv; dates from the member rows)".to_string());
    kv(
        &mut out,
        "source",
        &format!("{ATOP_CITATION}, atopid {atopid}{alliance_src}"),
    );
    kv(
        &mut out,
        "note",
        &format!(
            "Imported from ATOP 5.1: {} phase(s), {}{}. ATOP gives signature dates, not entry into force, and codes obligations, not treaty text: provisions are ATOP's obligation codes, articles are not given. ATOP's coverage ends 2018-12-31.",
            phases.len(),
            if codes.len() == 2 { "bilateral" } else { "multilateral" },
            if asymm { "; obligations differ between members (asymm)" } else { "" }
        ),
    );
    out.push_str("\n[treaty.in_force]\n");
    kv_opt(&mut out, "from", begin.map(|d| d.to_string()).as_deref());
    kv_opt(&mut out, "to", end.map(|d| d.to_string()).as_deref());
    kv(
        &mut out,
        "source",
        &format!(
            "{ATOP_CITATION}, atopid {atopid}: begin (signature) to end date{}",
            if end.is_none() {
                "; end 0 = in force at the end of 2018"
            } else {
                ""
            }
        ),
    );
    out.push_str(&parties);

    // Provisions, one per obligation kind per phase.
    let multi_phase = phases.iter().any(|p| *p > 0);
    for phase in phases {
        let in_phase: Vec<&MemberRow> = rows.iter().copied().filter(|r| r.phase == phase).collect();
        let (pfrom, pto) = phase_dates(atopid, phase, &in_phase, data);
        let all_ids = ids_of(&in_phase, &member_ids);
        for o in Obligation::ALL {
            let with: Vec<&MemberRow> = in_phase
                .iter()
                .copied()
                .filter(|r| r.obligations.has(o))
                .collect();
            if with.is_empty() {
                continue;
            }
            let every = with.len() == in_phase.len();
            let obvary: Vec<u16> = with.iter().filter(|r| r.obvary).map(|r| r.member).collect();
            stats.provisions += 1;
            let suffix = if multi_phase {
                format!(" (phase {phase})")
            } else {
                String::new()
            };
            out.push_str("\n[[treaty.provision]]\n");
            let id = if multi_phase {
                format!("{}-p{phase}", o.column())
            } else {
                o.column().to_string()
            };
            kv(&mut out, "id", &id);
            kv(&mut out, "article", &format!("ATOP {}{suffix}", o.column()));
            kv(&mut out, "kind", o.kb_kind());
            if !every || !obvary.is_empty() {
                stats.directed_provisions += 1;
                kv(&mut out, "owed", "directed");
                kv_raw(
                    &mut out,
                    "obligors",
                    &string_array(&ids_of(&with, &member_ids)),
                );
                kv_raw(&mut out, "beneficiaries", &string_array(&all_ids));
            }
            kv(&mut out, "response", response(o));
            kv(&mut out, "paraphrase", paraphrase(o));
            if multi_phase {
                kv_opt(&mut out, "from", pfrom.map(|d| d.to_string()).as_deref());
                kv_opt(&mut out, "to", pto.map(|d| d.to_string()).as_deref());
            }
            let source = format!("{ATOP_CITATION}, atopid {atopid}, phase {phase}");
            kv(&mut out, "source", &source);
            if !every {
                kv(
                    &mut out,
                    "note",
                    &format!(
                        "Only some members carry this obligation in ATOP (asymmetric); obligors are those whose own row has {}.",
                        o.column()
                    ),
                );
            }
            out.push_str("\n[[treaty.provision.scope]]\nkind = \"anywhere\"\n");
            kv(
                &mut out,
                "source",
                &format!("{source}: ATOP codes no location beyond its condition flags"),
            );
            let threats = alliance.map(|a| a.threats.as_slice());
            let conditions = condition_texts(o, &with, threats, map, pfrom.or(begin));
            let mut contested = !conditions.is_empty();
            for text in conditions {
                push_condition(&mut out, &text, &source);
            }
            if !obvary.is_empty() {
                contested = true;
                let codes: Vec<String> = obvary.iter().map(|c| format!("COW {c}")).collect();
                push_condition(
                    &mut out,
                    &format!(
                        "ATOP obvary: {} owe(s) different things to different partners; ATOP hand-corrected which partners in its dyadic data, and the member file does not say, so every member is listed as beneficiary",
                        codes.join(", ")
                    ),
                    &source,
                );
            }
            if contested {
                stats.contested_provisions += 1;
            }
        }
    }
    out
}

fn push_condition(out: &mut String, text: &str, source: &str) {
    out.push_str("\n[[treaty.provision.conditions]]\nkind = \"unnamed_restriction\"\n");
    kv(out, "text", text);
    kv(out, "source", source);
}

/// A phase's dates: from the phase file when present, else from its rows.
fn phase_dates(
    atopid: u32,
    phase: u8,
    rows: &[&MemberRow],
    data: &AtopData,
) -> (Option<FuzzyDate>, Option<FuzzyDate>) {
    if let Some(p) = data.phases.get(&(atopid, phase)) {
        return (Some(p.begin), p.end);
    }
    let from = rows.iter().map(|r| r.entry).min_by_key(|d| d.earliest());
    let to = if rows.iter().any(|r| r.exit.is_none()) {
        None
    } else {
        rows.iter()
            .filter_map(|r| r.exit)
            .max_by_key(|d| d.latest())
    };
    (from, to)
}

fn ids_of(rows: &[&MemberRow], member_ids: &BTreeMap<u16, Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rows {
        for id in member_ids.get(&r.member).into_iter().flatten() {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
    }
    out
}

fn response(o: Obligation) -> &'static str {
    match o {
        Obligation::Defense | Obligation::Offense => "necessary_assistance",
        Obligation::Neutral | Obligation::Nonagg => "refrain",
        Obligation::Consul => "consult",
    }
}

fn paraphrase(o: Obligation) -> &'static str {
    match o {
        Obligation::Defense => "ATOP codes a defense obligation: active military support if a partner is attacked.",
        Obligation::Offense => "ATOP codes an offense obligation: active military support in circumstances other than an attack on a partner.",
        Obligation::Neutral => "ATOP codes a neutrality obligation: no help to an adversary of a partner in conflict.",
        Obligation::Nonagg => "ATOP codes a non-aggression obligation: no use of force against the partners.",
        Obligation::Consul => "ATOP codes a consultation obligation: consult the partners in a crisis.",
    }
}

/// What an ATOP condition flag says (codebook v5.1), in our words.
pub fn flag_meaning(flag: &str) -> &'static str {
    match &flag[flag.len().saturating_sub(3)..] {
        "adv" => "limited to specific adversaries, not named in ATOP's member file",
        "loc" => "limited to a specific location not named in ATOP",
        "con" => "limited to a specific conflict not named in ATOP",
        "num" => "depends on the number of adversaries or allies involved",
        "dem" => "depends on demands not being met, not detailed in ATOP",
        "npr" => "only if the partner did not provoke the attack",
        "att" => "only if the partner is attacked",
        "req" => "only at a partner's request",
        _ => "limited in a way ATOP does not detail",
    }
}

/// The condition texts of obligation `o` for the members `with` it; threat
/// states are named as the base names them on `on`.
fn condition_texts(
    o: Obligation,
    with: &[&MemberRow],
    threats: Option<&[u16]>,
    map: &PolityMap<'_>,
    on: Option<FuzzyDate>,
) -> Vec<String> {
    let mut out = Vec::new();
    for flag in o.condition_flags() {
        let having: Vec<u16> = with
            .iter()
            .filter(|r| r.conditions.contains(flag))
            .map(|r| r.member)
            .collect();
        if having.is_empty() {
            continue;
        }
        let mut text = format!("ATOP {flag}: {}", flag_meaning(flag));
        if having.len() < with.len() {
            let codes: Vec<String> = having.iter().map(|c| format!("COW {c}")).collect();
            text.push_str(&format!(" (coded for {} only)", codes.join(", ")));
        }
        if flag.ends_with("adv") {
            if let Some(t) = threats.filter(|t| !t.is_empty()) {
                let named: Vec<String> = t
                    .iter()
                    .map(|c| format!("{} (COW {c})", map.display_name(*c, on)))
                    .collect();
                text.push_str(&format!(
                    "; at alliance level ATOP names threat state(s) {}",
                    named.join(", ")
                ));
            }
        }
        out.push(text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_core::kb::KbFile;

    const MEMBERS: &str = "atopid,member,phase,maxphase,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense,neutral,nonagg,consul,defcoloc,concoreq,asymm,obvary\r\n\
        9001,2,1,2,1950,1,1,1955,6,1,1,0,0,0,1,0,0,0,0\r\n\
        9001,20,1,2,1950,1,,1955,6,1,1,0,0,0,1,0,0,0,0\r\n\
        9001,2,2,2,1955,6,1,0,0,0,1,0,0,0,1,1,0,1,0\r\n\
        9001,20,2,2,1955,6,1,0,0,0,0,0,0,0,1,0,1,1,0\r\n\
        9001,8152,2,2,1960,3,3,1970,12,31,0,0,0,0,1,0,0,1,0\r\n";
    const ALLIANCES: &str =
        "atopid,begyr,begmo,begday,endyr,endmo,endday,bilat,asymm,maxphase,statthr1,statthr2\r\n\
        9001,1950,1,1,0,0,0,0,1,2,,\r\n";

    fn import() -> (Import, Vec<KbFile>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(crate::atop::MEMBER_FILE), MEMBERS).unwrap();
        std::fs::write(dir.path().join(crate::atop::ALLIANCE_FILE), ALLIANCES).unwrap();
        let data = crate::atop::read_dir(dir.path()).unwrap();
        assert!(data.problems.is_empty(), "{:?}", data.problems);
        let base = KnowledgeBase::embedded().unwrap();
        let mut calls = 0;
        let import = atop_to_kb(&data, &base, None, |_, _| calls += 1);
        assert_eq!(calls, 1);
        let mut files = KnowledgeBase::embedded_files();
        files.extend(import.files.iter().map(|f| KbFile {
            path: f.path.clone(),
            text: f.text.clone(),
        }));
        (import, files)
    }

    #[test]
    fn phases_merge_into_spells_and_conditions_stay_visible() {
        let (import, files) = import();
        let kb = match KnowledgeBase::from_files(&files) {
            Ok(kb) => kb,
            Err(d) => panic!("{d:?}\n{}", import.files[0].text),
        };
        let t = kb.treaty("atop-9001").unwrap();
        // USA and Canada: one spell each across both phases; COW 8152 generated.
        let usa: Vec<_> = t.parties.iter().filter(|p| p.polity == "USA").collect();
        assert_eq!(usa.len(), 1);
        assert_eq!(usa[0].membership.interval.to, None);
        let can = t.parties.iter().find(|p| p.polity == "CAN").unwrap();
        assert_eq!(can.membership.interval.from.unwrap().to_string(), "1950-01");
        assert!(t.parties.iter().any(|p| p.polity == "COW8152"));
        // Phase 1 defense: every member, mutual. Phase 2: only the USA, directed.
        let ids: Vec<&str> = t.provisions.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["defense-p1", "consul-p1", "defense-p2", "consul-p2"]);
        let text = &import.files[0].text;
        let p2 = &text[text.find("id = \"defense-p2\"").unwrap()..];
        assert!(p2.contains("owed = \"directed\""));
        assert!(p2.contains("obligors = [\"USA\"]"));
        assert!(p2.contains("beneficiaries = [\"USA\", \"CAN\", \"COW8152\"]"));
        assert!(p2.contains("ATOP defcoloc: limited to a specific location"));
        let c2 = &text[text.find("id = \"consul-p2\"").unwrap()..];
        assert!(c2.contains("ATOP concoreq: only at a partner's request (coded for COW 20 only)"));
        assert_eq!(import.stats.contested_provisions, 2);
        assert_eq!(import.stats.generated_polities, 1);
    }

    #[test]
    fn generated_treaty_file_reads_as_expected() {
        let (import, _) = import();
        insta::assert_snapshot!(import.files[0].text);
    }
}
