//! The knowledge base: loading TOML files (embedded or from a directory),
//! validating them, and looking entities up by id or by the names people type.
//!
//! Loading is all-or-nothing for errors but exhaustive in reporting: every
//! file is parsed, every problem collected, and only a knowledge base with no
//! errors is returned. Warnings travel with the loaded base.

mod binary;
mod check;
mod convert;
pub mod raw;

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use bitcode::{Decode, Encode};
use include_dir::{include_dir, Dir};

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::model::*;
use crate::names::NameIndex;

pub use binary::DecodeError;
pub use convert::RefKind;

/// The shipped knowledge base, compiled into the binary.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../kb");

/// One knowledge-base file: a path relative to the base's root, and its text.
#[derive(Debug, Clone)]
pub struct KbFile {
    pub path: String,
    pub text: String,
}

/// Something a user named: a place, a territory or a polity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Encode, Decode)]
pub enum Named {
    Place(usize),
    Territory(usize),
    Polity(usize),
}

/// A loaded, validated knowledge base.
#[derive(Debug, Clone, Default, Encode, Decode)]
pub struct KnowledgeBase {
    pub polities: Vec<Polity>,
    pub territories: Vec<Territory>,
    pub regions: Vec<Region>,
    pub places: Vec<Place>,
    pub claims: Vec<Claim>,
    pub treaties: Vec<Treaty>,
    /// Land borders between states (threatened neighbours).
    pub borders: Vec<Border>,
    /// Problems that did not stop loading (not kept in the binary form:
    /// `casus check` reports them from the TOML).
    #[bitcode(skip)]
    pub warnings: Vec<Diagnostic>,
    /// Which files were read, in order.
    pub files: Vec<String>,
    /// Id -> index, one map per kind (looked up by `&str`, no allocation;
    /// FxHash: ids are short, trusted keys and the engine looks up names
    /// thousands of times per answer).
    by_id: [HashMap<String, usize>; 4],
    names: NameIndex<Named>,
    treaty_names: NameIndex<usize>,
    /// Territory index -> indexes of its children.
    children: Vec<Vec<usize>>,
    /// Polity id -> indexes into `borders`.
    borders_by_polity: HashMap<String, Vec<usize>>,
    /// Indexes of `treaties` sorted by id: the order every answer lists
    /// them in, computed once at load instead of on every query.
    treaty_order: Vec<usize>,
    /// Polity id -> positions in `treaty_order` of the treaties that name
    /// it as a party (any spell), ascending: the engine visits only these
    /// (docs/performance.md). Derived from every treaty's `parties`, so it
    /// must be rebuilt ([`KnowledgeBase::reindex_parties`]) after any edit
    /// of them (ARCHITECTURE.md, Invariants).
    treaties_by_party: HashMap<String, Vec<u32>>,
}

/// Errors reading a knowledge base from disk.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("cannot read {path} in the knowledge base: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("knowledge-base directory {path} does not exist")]
    NotFound { path: PathBuf },
    #[error("{path} is not a directory: --kb takes the directory holding the knowledge-base files (such as one `casus kb export` wrote)")]
    NotADirectory { path: PathBuf },
    #[error("{path} is a symbolic link back to {ancestor}, which loops; remove the link")]
    SymlinkLoop { path: PathBuf, ancestor: PathBuf },
    #[error("more than {limit} knowledge-base files under {path} (the limit; see docs/limits.md)")]
    TooManyFiles { path: PathBuf, limit: usize },
    #[error(transparent)]
    File(#[from] crate::limits::FileError),
    #[error("no knowledge-base files (*.toml) under {path}")]
    Empty { path: PathBuf },
    #[error(transparent)]
    Invalid(#[from] Diagnostics),
}

impl KnowledgeBase {
    /// The files of the embedded knowledge base.
    pub fn embedded_files() -> Vec<KbFile> {
        let mut files = Vec::new();
        collect_embedded(&EMBEDDED, &mut files);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }

    /// Load and validate the embedded knowledge base.
    pub fn embedded() -> Result<KnowledgeBase, Diagnostics> {
        KnowledgeBase::from_files(&KnowledgeBase::embedded_files())
    }

    /// Read every `*.toml` file under `dir` (recursively, following symbolic
    /// links). Refused with one message each: a directory symlink loop, a
    /// `*.toml` that is not a regular file (a FIFO would block), a file over
    /// [`crate::limits::MAX_KB_FILE_BYTES`], more than
    /// [`crate::limits::MAX_KB_FILES`] files.
    pub fn read_dir(dir: &Path) -> Result<Vec<KbFile>, KbError> {
        use crate::limits::{read_text_file, MAX_KB_FILES, MAX_KB_FILE_BYTES};
        if !dir.is_dir() {
            return Err(if dir.exists() {
                KbError::NotADirectory { path: dir.into() }
            } else {
                KbError::NotFound { path: dir.into() }
            });
        }
        let mut files = Vec::new();
        let walk = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            let entry = entry.map_err(|e| match e.loop_ancestor() {
                Some(ancestor) => KbError::SymlinkLoop {
                    path: e.path().map(Path::to_path_buf).unwrap_or_default(),
                    ancestor: ancestor.to_path_buf(),
                },
                None => KbError::Io {
                    path: e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| dir.into()),
                    source: e.into(),
                },
            })?;
            let path = entry.path();
            if entry.file_type().is_dir() || path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            if files.len() == MAX_KB_FILES {
                return Err(KbError::TooManyFiles {
                    path: dir.into(),
                    limit: MAX_KB_FILES,
                });
            }
            let text = read_text_file(path, "knowledge-base file", MAX_KB_FILE_BYTES)?;
            files.push(KbFile {
                path: path.display().to_string(),
                text,
            });
        }
        if files.is_empty() {
            return Err(KbError::Empty { path: dir.into() });
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    /// Load and validate a knowledge base from a directory.
    pub fn load_dir(dir: &Path) -> Result<KnowledgeBase, KbError> {
        let files = KnowledgeBase::read_dir(dir)?;
        Ok(KnowledgeBase::from_files(&files)?)
    }

    /// Parse, convert and validate a set of files. Every problem is reported.
    pub fn from_files(files: &[KbFile]) -> Result<KnowledgeBase, Diagnostics> {
        let (kb, diagnostics) = KnowledgeBase::build(files);
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            return Err(Diagnostics(diagnostics));
        }
        let mut kb = kb;
        kb.warnings = diagnostics;
        Ok(kb)
    }

    /// Parse and check without failing: the (possibly partial) base and all
    /// diagnostics, errors and warnings, in file order.
    pub fn build(files: &[KbFile]) -> (KnowledgeBase, Vec<Diagnostic>) {
        let mut kb = KnowledgeBase::default();
        let mut diagnostics = Vec::new();
        let mut refs = Vec::new();
        let mut locs = check::EntityLocs::default();
        for (file, parsed) in files.iter().zip(parse_all(files)) {
            kb.files.push(file.path.clone());
            let out = match parsed {
                Ok(out) => out,
                Err(syntax) => {
                    diagnostics.push(syntax);
                    continue;
                }
            };
            diagnostics.extend(out.diagnostics);
            refs.extend(out.refs);
            for (v, loc) in out.polities {
                locs.polities.push(loc);
                kb.polities.push(v);
            }
            for (v, loc) in out.territories {
                locs.territories.push(loc);
                kb.territories.push(v);
            }
            for (v, loc) in out.regions {
                locs.regions.push(loc);
                kb.regions.push(v);
            }
            for (v, loc) in out.places {
                locs.places.push(loc);
                kb.places.push(v);
            }
            for (v, loc) in out.claims {
                locs.claims.push(loc);
                kb.claims.push(v);
            }
            for (v, loc) in out.treaties {
                locs.treaties.push(loc);
                kb.treaties.push(v);
            }
            kb.borders.extend(out.borders);
        }
        kb.index(&locs, &mut diagnostics);
        kb.index_borders();
        kb.reindex_parties();
        check::check(&kb, &refs, &locs, &mut diagnostics);
        // A syntax error comes first: the errors after it may follow from it
        // (ids the broken file would have defined).
        diagnostics.sort_by(|a, b| {
            (b.code == "syntax")
                .cmp(&(a.code == "syntax"))
                .then(a.loc.cmp(&b.loc))
                .then(a.code.cmp(b.code))
        });
        (kb, diagnostics)
    }

    fn index(&mut self, locs: &check::EntityLocs, diagnostics: &mut Vec<Diagnostic>) {
        let mut add = |kind: RefKind,
                       id: &str,
                       i: usize,
                       loc: &Loc,
                       by_id: &mut [HashMap<String, usize>; 4]| {
            if by_id[kind as usize].insert(id.to_string(), i).is_some() {
                diagnostics.push(Diagnostic::error(
                    "duplicate-id",
                    loc.clone(),
                    format!("{} id {id:?} is defined more than once", kind.label()),
                ));
            }
        };
        let mut by_id: [HashMap<String, usize>; 4] = Default::default();
        for (i, p) in self.polities.iter().enumerate() {
            add(RefKind::Polity, &p.id, i, &locs.polities[i], &mut by_id);
        }
        for (i, t) in self.territories.iter().enumerate() {
            add(
                RefKind::Territory,
                &t.id,
                i,
                &locs.territories[i],
                &mut by_id,
            );
        }
        for (i, r) in self.regions.iter().enumerate() {
            add(RefKind::Region, &r.id, i, &locs.regions[i], &mut by_id);
        }
        for (i, t) in self.treaties.iter().enumerate() {
            add(RefKind::Treaty, &t.id, i, &locs.treaties[i], &mut by_id);
        }
        self.by_id = by_id;

        let mut names = NameIndex::default();
        for (i, p) in self.places.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                names.insert(n, Named::Place(i));
            }
            // gazetteer: a place's names by date resolve at any date.
            for d in &p.dated_names {
                names.insert(&d.value, Named::Place(i));
            }
        }
        for (i, t) in self.territories.iter().enumerate() {
            names.insert(&t.id, Named::Territory(i));
            for n in std::iter::once(&t.name).chain(&t.aliases) {
                names.insert(n, Named::Territory(i));
            }
        }
        for (i, p) in self.polities.iter().enumerate() {
            names.insert(&p.id, Named::Polity(i));
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                names.insert(n, Named::Polity(i));
            }
        }
        self.names = names;

        let mut treaty_names = NameIndex::default();
        for (i, t) in self.treaties.iter().enumerate() {
            for n in [&t.id, &t.name, &t.short_name]
                .into_iter()
                .chain(&t.aliases)
            {
                treaty_names.insert(n, i);
            }
        }
        self.treaty_names = treaty_names;

        let mut children = vec![Vec::new(); self.territories.len()];
        for (i, t) in self.territories.iter().enumerate() {
            if let Some(p) = t
                .parent
                .as_ref()
                .and_then(|p| self.by_id[RefKind::Territory as usize].get(p))
            {
                children[*p].push(i);
            }
        }
        self.children = children;
    }

    pub fn index_of(&self, kind: RefKind, id: &str) -> Option<usize> {
        self.by_id[kind as usize].get(id).copied()
    }

    pub fn polity(&self, id: &str) -> Option<&Polity> {
        self.index_of(RefKind::Polity, id)
            .map(|i| &self.polities[i])
    }

    pub fn territory(&self, id: &str) -> Option<&Territory> {
        self.index_of(RefKind::Territory, id)
            .map(|i| &self.territories[i])
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.index_of(RefKind::Region, id).map(|i| &self.regions[i])
    }

    pub fn treaty(&self, id: &str) -> Option<&Treaty> {
        self.index_of(RefKind::Treaty, id)
            .map(|i| &self.treaties[i])
    }

    /// The display name of a polity id (the id itself if unknown).
    pub fn polity_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.polity(id).map(|p| p.name.as_str()).unwrap_or(id)
    }

    /// Entities whose name or alias folds like `name`.
    pub fn lookup(&self, name: &str) -> &[Named] {
        self.names.get(name)
    }

    /// The names that begin with the words of `name` and go on (folded):
    /// "Kamdesh" → "kamdesh outpost".
    pub fn names_extending(&self, name: &str) -> Vec<&str> {
        self.names.names_extending(name)
    }

    /// Names close to `name`, for "did you mean".
    pub fn suggest(&self, name: &str) -> Vec<String> {
        self.names.suggest(name)
    }

    /// Names close to `name` that name something `keep` accepts.
    pub fn suggest_where(&self, name: &str, keep: impl Fn(&Named) -> bool) -> Vec<String> {
        self.names.suggest_where(name, keep)
    }

    /// Treaties whose id, name or alias folds like `name`.
    pub fn lookup_treaty(&self, name: &str) -> &[usize] {
        self.treaty_names.get(name)
    }

    pub fn suggest_treaty(&self, name: &str) -> Vec<String> {
        self.treaty_names.suggest(name)
    }

    /// The children of a territory.
    pub fn children_of(&self, territory: usize) -> &[usize] {
        &self.children[territory]
    }

    /// A territory and its ancestors, innermost first. Stops on a cycle.
    pub fn ancestry(&self, territory: usize) -> Vec<usize> {
        let mut out = vec![territory];
        let mut cur = territory;
        while let Some(p) = self.territories[cur]
            .parent
            .as_ref()
            .and_then(|p| self.index_of(RefKind::Territory, p))
        {
            if out.contains(&p) {
                break;
            }
            out.push(p);
            cur = p;
        }
        out
    }
}

/// Parse and convert one file: its entities, or the syntax error that
/// stopped it.
fn parse_one(file: &KbFile) -> Result<convert::Converted, Diagnostic> {
    let ctx = convert::FileCtx::new(&file.path, &file.text);
    match toml::from_str::<raw::RawFile>(&file.text) {
        Ok(raw) => Ok(ctx.convert(raw)),
        Err(e) => {
            let loc = ctx.loc_at(e.span().map(|s| s.start).unwrap_or(0));
            Err(Diagnostic::error("syntax", loc, e.message().to_string()))
        }
    }
}

/// Parse every file, spread over the available cores (files are
/// independent; this is most of start-up). Results keep the files' order.
fn parse_all(files: &[KbFile]) -> Vec<Result<convert::Converted, Diagnostic>> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(files.len().max(1));
    if threads <= 1 {
        return files.iter().map(parse_one).collect();
    }
    // Threads pull the next file from a shared counter, so one large file
    // does not leave the other cores idle.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut indexed: Vec<(usize, Result<convert::Converted, Diagnostic>)> =
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(file) = files.get(i) else { break };
                            done.push((i, parse_one(file)));
                        }
                        done
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| match h.join() {
                    Ok(results) => results,
                    // A panic in the parser would be a bug; re-raise it here.
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        });
    indexed.sort_by_key(|(i, _)| *i);
    indexed.into_iter().map(|(_, r)| r).collect()
}

fn collect_embedded(dir: &Dir<'static>, out: &mut Vec<KbFile>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "toml") {
            if let Some(text) = file.contents_utf8() {
                out.push(KbFile {
                    path: format!("kb/{}", file.path().display()),
                    text: text.to_string(),
                });
            }
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// Errors writing the embedded knowledge base out.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path} already exists and is not empty, or is not a directory; choose a new or empty directory (nothing was written)")]
    NotEmpty { path: PathBuf },
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Succeed only if `dir` does not exist or is an empty directory: writing
/// there cannot overwrite anything the user has.
pub fn ensure_new_or_empty(dir: &Path) -> Result<(), ExportError> {
    if dir.exists() && !dir.is_dir() {
        return Err(ExportError::NotEmpty { path: dir.into() });
    }
    if dir.exists() {
        let non_empty = std::fs::read_dir(dir)
            .map_err(|source| ExportError::Io {
                path: dir.into(),
                source,
            })?
            .next()
            .is_some();
        if non_empty || !dir.is_dir() {
            return Err(ExportError::NotEmpty { path: dir.into() });
        }
    }
    Ok(())
}

/// Write the embedded knowledge base into `dir`, which must be new or empty:
/// nothing the user has is overwritten. Calls `progress(written, total)` after
/// each file.
pub fn export_embedded(
    dir: &Path,
    mut progress: impl FnMut(usize, usize),
) -> Result<usize, ExportError> {
    ensure_new_or_empty(dir)?;
    let files = KnowledgeBase::embedded_files();
    for (i, f) in files.iter().enumerate() {
        let rel = f.path.strip_prefix("kb/").unwrap_or(&f.path);
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| ExportError::Io {
                path: parent.into(),
                source,
            })?;
        }
        std::fs::write(&path, &f.text).map_err(|source| ExportError::Io {
            path: path.clone(),
            source,
        })?;
        progress(i + 1, files.len());
    }
    Ok(files.len())
}

/// Indexes of `treaties` sorted by treaty id.
fn sorted_treaty_order(treaties: &[Treaty]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..treaties.len()).collect();
    order.sort_by(|&a, &b| treaties[a].id.cmp(&treaties[b].id));
    order
}

// ---- Issue 8: land borders by polity ----
impl KnowledgeBase {
    fn index_borders(&mut self) {
        let mut by: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, b) in self.borders.iter().enumerate() {
            for p in &b.between {
                by.entry(p.clone()).or_default().push(i);
            }
        }
        self.borders_by_polity = by;
    }

    /// Indexes of `treaties` in id order (the order answers list them in).
    /// Sorted once at load; recomputed if `treaties` was changed since.
    pub fn treaty_order(&self) -> std::borrow::Cow<'_, [usize]> {
        if self.treaty_order.len() == self.treaties.len() {
            std::borrow::Cow::Borrowed(&self.treaty_order)
        } else {
            std::borrow::Cow::Owned(sorted_treaty_order(&self.treaties))
        }
    }

    /// The land borders of a polity (every spell; callers test the date).
    pub fn borders_of(&self, polity: &str) -> impl Iterator<Item = &Border> + '_ {
        self.borders_by_polity
            .get(polity)
            .into_iter()
            .flatten()
            .map(|&i| &self.borders[i])
    }
}

// ---- Treaties by party (docs/performance.md) ----
impl KnowledgeBase {
    /// Rebuild what is derived from the treaties' ids and parties: the
    /// treaty order and the treaties of each party. Whoever edits
    /// `treaties` (their `parties`, as `casus-escalate`'s counterfactual
    /// memberships do) calls this before judging with the edited base.
    pub fn reindex_parties(&mut self) {
        self.treaty_order = sorted_treaty_order(&self.treaties);
        self.treaties_by_party = treaties_by_party(&self.treaties, &self.treaty_order);
    }

    /// Positions in [`KnowledgeBase::treaty_order`] of the treaties that
    /// name any of `polities` as a party (in any spell), ascending, without
    /// repeats; `None` when `treaties` changed in number since the index
    /// was built (the caller then looks at every treaty).
    pub fn treaties_naming<'p>(
        &self,
        polities: impl IntoIterator<Item = &'p str>,
    ) -> Option<Vec<usize>> {
        if self.treaty_order.len() != self.treaties.len() {
            return None;
        }
        let mut out: Vec<usize> = Vec::new();
        let mut lists = 0;
        for p in polities {
            if let Some(list) = self.treaties_by_party.get(p) {
                out.extend(list.iter().map(|&i| i as usize));
                lists += 1;
            }
        }
        if lists > 1 {
            out.sort_unstable();
            out.dedup();
        }
        Some(out)
    }

    /// Whether the treaty order and the treaties of each party match the
    /// treaties as they are now (for tests of code that edits them).
    pub fn party_index_is_current(&self) -> bool {
        let order = sorted_treaty_order(&self.treaties);
        order == self.treaty_order
            && treaties_by_party(&self.treaties, &order) == self.treaties_by_party
    }
}

/// Polity id -> positions in `order` of the treaties naming it as a party.
fn treaties_by_party(treaties: &[Treaty], order: &[usize]) -> HashMap<String, Vec<u32>> {
    let mut by: HashMap<String, Vec<u32>> = HashMap::default();
    for (pos, &ti) in order.iter().enumerate() {
        for p in &treaties[ti].parties {
            let list = by.entry(p.polity.clone()).or_default();
            // Positions ascend as we go; a polity with several spells in
            // one treaty is listed once.
            if list.last() != Some(&(pos as u32)) {
                list.push(pos as u32);
            }
        }
    }
    by
}
