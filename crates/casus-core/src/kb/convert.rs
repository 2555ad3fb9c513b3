//! Turns one parsed TOML file ([`raw`](super::raw)) into model values,
//! reporting every malformed field with its location instead of stopping at
//! the first. References between entities are only recorded here; they are
//! resolved once every file is read (see `check`).

use std::str::FromStr;
use std::sync::Arc;

use toml::Spanned;

use super::raw::*;
use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::time::{FuzzyDate, Interval};

/// What kind of entity a reference must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    Polity = 0,
    Territory = 1,
    Region = 2,
    Treaty = 3,
}

impl RefKind {
    pub fn label(self) -> &'static str {
        match self {
            RefKind::Polity => "polity",
            RefKind::Territory => "territory",
            RefKind::Region => "region",
            RefKind::Treaty => "treaty",
        }
    }
}

/// A reference to check once all files are loaded.
#[derive(Debug, Clone)]
pub struct PendingRef {
    pub kind: RefKind,
    pub id: String,
    pub loc: Loc,
}

/// Everything read from one file.
#[derive(Debug, Default)]
pub struct Converted {
    pub polities: Vec<(Polity, Loc)>,
    pub territories: Vec<(Territory, Loc)>,
    pub regions: Vec<(Region, Loc)>,
    pub places: Vec<(Place, Loc)>,
    pub claims: Vec<(Claim, Loc)>,
    pub treaties: Vec<(Treaty, Loc)>,
    pub borders: Vec<Border>,
    pub refs: Vec<PendingRef>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads locations out of one file's text.
pub struct FileCtx<'a> {
    file: Arc<str>,
    line_starts: Vec<usize>,
    _text: &'a str,
    out: Converted,
}

impl<'a> FileCtx<'a> {
    pub fn new(file: &str, text: &'a str) -> FileCtx<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        FileCtx {
            file: Arc::from(file),
            line_starts,
            _text: text,
            out: Converted::default(),
        }
    }

    pub fn loc_at(&self, offset: usize) -> Loc {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let col = offset.saturating_sub(self.line_starts[line]) + 1;
        Loc {
            file: self.file.clone(),
            line: line as u32 + 1,
            col: col as u32,
        }
    }

    fn loc<T>(&self, s: &Spanned<T>) -> Loc {
        self.loc_at(s.span().start)
    }

    fn error(&mut self, code: &'static str, loc: Loc, msg: impl Into<String>) {
        self.out.diagnostics.push(Diagnostic::error(code, loc, msg));
    }

    fn reference(&mut self, kind: RefKind, id: &Spanned<String>) -> String {
        let loc = self.loc(id);
        self.out.refs.push(PendingRef {
            kind,
            id: id.get_ref().clone(),
            loc,
        });
        id.get_ref().clone()
    }

    fn date(&mut self, s: &Option<Spanned<String>>) -> Option<FuzzyDate> {
        let s = s.as_ref()?;
        match FuzzyDate::from_str(s.get_ref()) {
            Ok(d) => Some(d),
            Err(e) => {
                let loc = self.loc(s);
                self.error("bad-date", loc, e.to_string());
                None
            }
        }
    }

    fn interval(
        &mut self,
        from: &Option<Spanned<String>>,
        to: &Option<Spanned<String>>,
        at: Loc,
    ) -> Interval {
        let interval = Interval::new(self.date(from), self.date(to));
        if interval.is_inverted() {
            self.error(
                "inverted-interval",
                at,
                format!("interval ends before it starts ({interval})"),
            );
        }
        interval
    }

    /// The source of a fact; a missing or empty one is an error.
    fn source(
        &mut self,
        s: &Option<Spanned<String>>,
        uncertain: bool,
        at: Loc,
        what: &str,
    ) -> Source {
        match s {
            Some(s) if !s.get_ref().trim().is_empty() => Source {
                citation: Arc::from(s.get_ref().trim()),
                uncertain,
                loc: at,
            },
            _ => {
                self.error(
                    "missing-source",
                    at.clone(),
                    format!("{what} has no source: every fact needs a `source`"),
                );
                Source {
                    citation: Arc::from(""),
                    uncertain,
                    loc: at,
                }
            }
        }
    }

    fn keyword<T: Copy>(
        &mut self,
        s: &Spanned<String>,
        what: &str,
        options: &[(&str, T)],
    ) -> Option<T> {
        let value = s.get_ref().as_str();
        if let Some((_, v)) = options.iter().find(|(k, _)| *k == value) {
            return Some(*v);
        }
        let names: Vec<&str> = options.iter().map(|(k, _)| *k).collect();
        let loc = self.loc(s);
        let suggestion = crate::names::suggest_from(value, names.iter().map(|n| (*n, *n)));
        let mut d = Diagnostic::error(
            "bad-value",
            loc,
            format!(
                "unknown {what} {value:?}; expected one of: {}",
                names.join(", ")
            ),
        );
        if let Some(best) = suggestion.first() {
            d = d.with_help(format!("did you mean {best:?}?"));
        }
        self.out.diagnostics.push(d);
        None
    }

    fn strings(list: &[Spanned<String>]) -> Vec<String> {
        list.iter().map(|s| s.get_ref().clone()).collect()
    }

    fn polity_spell(&mut self, s: &Spanned<RawPolitySpell>, what: &str) -> Dated<String> {
        let at = self.loc(s);
        let r = s.get_ref();
        let value = self.reference(RefKind::Polity, &r.polity);
        let interval = self.interval(&r.from, &r.to, at.clone());
        let source = self.source(&r.source, r.uncertain, at, what);
        Dated {
            value,
            interval,
            source,
            note: r.note.clone(),
        }
    }

    fn spell(&mut self, s: &Spanned<RawSpell>, what: &str) -> Dated<()> {
        let at = self.loc(s);
        let r = s.get_ref();
        let interval = self.interval(&r.from, &r.to, at.clone());
        let source = self.source(&r.source, r.uncertain, at, what);
        Dated {
            value: (),
            interval,
            source,
            note: r.note.clone(),
        }
    }

    pub fn convert(mut self, raw: RawFile) -> Converted {
        for p in &raw.polity {
            if let Some(v) = self.polity(p) {
                let loc = self.loc(&p.get_ref().id);
                self.out.polities.push((v, loc));
            }
        }
        for t in &raw.territory {
            if let Some(v) = self.territory(t) {
                let loc = self.loc(&t.get_ref().id);
                self.out.territories.push((v, loc));
            }
        }
        for r in &raw.region {
            let v = self.region(r);
            let loc = self.loc(&r.get_ref().id);
            self.out.regions.push((v, loc));
        }
        for p in &raw.place {
            if let Some(v) = self.place(p) {
                let loc = self.loc(&p.get_ref().id);
                self.out.places.push((v, loc));
            }
        }
        for c in &raw.claim {
            if let Some(v) = self.claim(c) {
                let loc = self.loc(&c.get_ref().id);
                self.out.claims.push((v, loc));
            }
        }
        for t in &raw.treaty {
            if let Some(v) = self.treaty(t) {
                let loc = self.loc(&t.get_ref().id);
                self.out.treaties.push((v, loc));
            }
        }
        for b in &raw.border {
            if let Some(v) = self.border(b) {
                self.out.borders.push(v);
            }
        }
        self.out
    }

    fn polity(&mut self, s: &Spanned<RawPolity>) -> Option<Polity> {
        let at = self.loc(s);
        let r = s.get_ref();
        let kind = self.keyword(
            &r.kind,
            "polity kind",
            &[
                ("state", PolityKind::State),
                ("de_facto_state", PolityKind::DeFactoState),
                ("organisation", PolityKind::Organisation),
                ("armed_group", PolityKind::ArmedGroup),
                ("unknown", PolityKind::Unknown),
            ],
        );
        let cow_code = match &r.cow {
            Some(c) => match u16::try_from(*c.get_ref()) {
                Ok(v) => Some(v),
                Err(_) => {
                    let loc = self.loc(c);
                    self.error(
                        "bad-value",
                        loc,
                        format!("COW code {} out of range", c.get_ref()),
                    );
                    None
                }
            },
            None => None,
        };
        let existence = r
            .existence
            .iter()
            .map(|e| self.spell(e, "existence spell"))
            .collect();
        let system_membership = r
            .system_membership
            .iter()
            .map(|e| self.spell(e, "system membership spell"))
            .collect();
        let recognised_by = r
            .recognised_by
            .iter()
            .map(|e| self.polity_spell(e, "recognition"))
            .collect();
        let relations = r
            .relations
            .iter()
            .filter_map(|e| self.relation(e))
            .collect();
        let source = self.source(&r.source, r.uncertain, at, "polity");
        Some(Polity {
            id: r.id.get_ref().clone(),
            name: r.name.get_ref().clone(),
            aliases: Self::strings(&r.aliases),
            kind: kind?,
            iso3: r.iso3.as_ref().map(|s| s.get_ref().clone()),
            cow_code,
            cow_abb: r.cow_abb.as_ref().map(|s| s.get_ref().clone()),
            existence,
            system_membership,
            recognised_by,
            relations,
            source,
            note: r.note.clone(),
        })
    }

    fn territory(&mut self, s: &Spanned<RawTerritory>) -> Option<Territory> {
        let at = self.loc(s);
        let r = s.get_ref();
        let kind = self.keyword(
            &r.kind,
            "territory kind",
            &[
                ("mainland", TerritoryKind::Mainland),
                ("region", TerritoryKind::Region),
                ("islands", TerritoryKind::Islands),
                ("overseas", TerritoryKind::Overseas),
                ("disputed", TerritoryKind::Disputed),
                ("sea", TerritoryKind::Sea),
            ],
        );
        let parent = r
            .parent
            .as_ref()
            .map(|p| self.reference(RefKind::Territory, p));
        let sovereign = r
            .sovereign
            .iter()
            .map(|x| self.polity_spell(x, "sovereign spell"))
            .collect();
        let controller = r
            .controller
            .iter()
            .map(|x| self.polity_spell(x, "controller spell"))
            .collect();
        let claimants = r
            .claimants
            .iter()
            .map(|x| self.polity_spell(x, "claimant spell"))
            .collect();
        let regions: Vec<String> = r
            .regions
            .iter()
            .map(|x| self.reference(RefKind::Region, x))
            .collect();
        let regions_source = if regions.is_empty() {
            None
        } else {
            let loc = r.regions.first().map(|x| self.loc(x)).unwrap_or(at.clone());
            Some(self.source(
                &r.regions_source,
                false,
                loc,
                "region tags (`regions_source`)",
            ))
        };
        let polygon = self.polygon(r);
        // --- history: dated membership, non-recognition, no sovereign ---
        let part_of = r
            .part_of
            .iter()
            .map(|x| {
                let at = self.loc(x);
                let p = x.get_ref();
                Dated {
                    value: self.reference(RefKind::Territory, &p.territory),
                    interval: self.interval(&p.from, &p.to, at.clone()),
                    source: self.source(&p.source, p.uncertain, at, "part_of spell"),
                    note: p.note.clone(),
                }
            })
            .collect();
        let not_recognised_by = r
            .not_recognised_by
            .iter()
            .map(|x| self.polity_spell(x, "non-recognition spell"))
            .collect();
        let no_sovereign = r
            .no_sovereign
            .iter()
            .map(|x| self.spell(x, "no_sovereign spell"))
            .collect();
        let source = self.source(&r.source, r.uncertain, at, "territory");
        Some(Territory {
            id: r.id.get_ref().clone(),
            name: r.name.get_ref().clone(),
            aliases: Self::strings(&r.aliases),
            kind: kind?,
            parent,
            iso_codes: Self::strings(&r.iso_codes),
            polygon,
            sovereign,
            controller,
            claimants,
            regions,
            regions_source,
            source,
            note: r.note.clone(),
            part_of,
            not_recognised_by,
            no_sovereign,
        })
    }

    /// A territory's outline: at least three `[lon, lat]` vertices in range,
    /// and only on a territory with `iso_codes` (the outline refines them)
    /// or on a `sea` territory (claimed waters, found by outline at sea).
    fn polygon(&mut self, r: &RawTerritory) -> Vec<(f64, f64)> {
        let Some(poly) = &r.polygon else {
            return Vec::new();
        };
        let loc = self.loc(poly);
        let vertices = poly.get_ref();
        if r.iso_codes.is_empty() && r.kind.get_ref() != "sea" {
            self.error(
                "bad-value",
                loc.clone(),
                "`polygon` needs `iso_codes` (the outline selects part of those boundary-layer areas), unless the territory is of kind `sea`",
            );
        }
        if vertices.len() < 3 {
            self.error(
                "bad-value",
                loc,
                format!(
                    "`polygon` has {} vertices; it needs at least 3",
                    vertices.len()
                ),
            );
            return Vec::new();
        }
        for (i, [lon, lat]) in vertices.iter().enumerate() {
            if !(-180.0..=180.0).contains(lon) || !(-90.0..=90.0).contains(lat) {
                self.error(
                    "bad-value",
                    loc,
                    format!(
                        "`polygon` vertex {} is [{lon}, {lat}]: vertices are [lon, lat] with lon in -180..180 and lat in -90..90",
                        i + 1
                    ),
                );
                return Vec::new();
            }
        }
        vertices.iter().map(|[lon, lat]| (*lon, *lat)).collect()
    }

    fn region(&mut self, s: &Spanned<RawRegion>) -> Region {
        let at = self.loc(s);
        let r = s.get_ref();
        Region {
            id: r.id.get_ref().clone(),
            name: r.name.get_ref().clone(),
            description: r.description.get_ref().clone(),
            source: self.source(&r.source, r.uncertain, at, "region"),
        }
    }

    fn place(&mut self, s: &Spanned<RawPlace>) -> Option<Place> {
        let at = self.loc(s);
        let r = s.get_ref();
        let kind = self.keyword(&r.kind, "place kind", &PlaceKind::ALL);
        let territory = self.reference(RefKind::Territory, &r.territory);
        let coords = match (&r.lat, &r.lon) {
            (Some(lat), Some(lon)) => {
                let (la, lo) = (*lat.get_ref(), *lon.get_ref());
                if !(-90.0..=90.0).contains(&la) {
                    let loc = self.loc(lat);
                    self.error(
                        "bad-value",
                        loc,
                        format!("latitude {la} is outside -90..90"),
                    );
                    None
                } else if !(-180.0..=180.0).contains(&lo) {
                    let loc = self.loc(lon);
                    self.error(
                        "bad-value",
                        loc,
                        format!("longitude {lo} is outside -180..180"),
                    );
                    None
                } else {
                    Some((la, lo))
                }
            }
            (None, None) => None,
            _ => {
                self.error(
                    "bad-value",
                    at.clone(),
                    "give both `lat` and `lon`, or neither",
                );
                None
            }
        };
        let source = self.source(&r.source, r.uncertain, at, "place");
        // gazetteer: names by date
        let dated_names = r
            .dated_name
            .iter()
            .map(|d| {
                let at = self.loc(d);
                let n = d.get_ref();
                Dated {
                    value: n.name.get_ref().clone(),
                    interval: self.interval(&n.from, &n.to, at.clone()),
                    source: self.source(&n.source, n.uncertain, at, "dated place name"),
                    note: n.note.clone(),
                }
            })
            .collect();
        Some(Place {
            id: r.id.get_ref().clone(),
            name: r.name.get_ref().clone(),
            aliases: Self::strings(&r.aliases),
            kind: kind?,
            territory,
            coords,
            source,
            note: r.note.clone(),
            dated_names,
        })
    }

    fn claim(&mut self, s: &Spanned<RawClaim>) -> Option<Claim> {
        let at = self.loc(s);
        let r = s.get_ref();
        let date = self.date(&Some(r.date.clone()));
        let treaty = self.reference(RefKind::Treaty, &r.treaty);
        let on_behalf_of = r
            .on_behalf_of
            .as_ref()
            .map(|p| self.reference(RefKind::Polity, p));
        let beneficiary = r
            .beneficiary
            .as_ref()
            .map(|p| self.reference(RefKind::Polity, p));
        let subject = match (&r.territory, &r.adversary) {
            (Some(t), None) => Some(ClaimSubject::Territory {
                territory: self.reference(RefKind::Territory, t),
            }),
            (None, Some(a)) => Some(ClaimSubject::Adversary {
                polity: self.reference(RefKind::Polity, a),
            }),
            _ => {
                self.error(
                    "bad-claim",
                    at.clone(),
                    "a claim needs exactly one of `territory` or `adversary`",
                );
                None
            }
        };
        let stance = self.keyword(
            &r.stance,
            "stance",
            &[
                ("applies", Stance::Applies),
                ("does_not_apply", Stance::DoesNotApply),
                ("unclear", Stance::Unclear),
            ],
        );
        let source = self.source(&r.source, r.uncertain, at.clone(), "claim");
        let covers_from = match &r.covers_from {
            Some(_) => self.date(&r.covers_from),
            None => date,
        };
        let covers_to = self.date(&r.covers_to);
        let covers = Interval::new(covers_from, covers_to);
        if covers.is_inverted() {
            self.error(
                "inverted-interval",
                at,
                "the claim's `covers_to` is before its `covers_from`",
            );
        }
        let administered_by = r
            .administered_by
            .as_ref()
            .map(|p| self.reference(RefKind::Polity, p));
        let targets: Vec<TargetKind> = r
            .targets
            .iter()
            .filter_map(|t| {
                self.keyword(
                    t,
                    "target",
                    &[
                        ("territory", TargetKind::Territory),
                        ("forces", TargetKind::Forces),
                        ("vessels", TargetKind::Vessels),
                        ("aircraft", TargetKind::Aircraft),
                    ],
                )
            })
            .collect();
        Some(Claim {
            id: r.id.get_ref().clone(),
            speaker: r.speaker.get_ref().clone(),
            office: r.office.get_ref().clone(),
            on_behalf_of,
            date: date?,
            treaty,
            provision: r.provision.as_ref().map(|p| p.get_ref().clone()),
            beneficiary,
            subject: subject?,
            stance: stance?,
            summary: r.summary.get_ref().clone(),
            source,
            covers,
            event: r.event.as_ref().map(|e| e.get_ref().clone()),
            administered_by,
            targets,
        })
    }

    fn treaty(&mut self, s: &Spanned<RawTreaty>) -> Option<Treaty> {
        let at = self.loc(s);
        let r = s.get_ref();
        let kind = self.keyword(
            &r.kind,
            "instrument kind",
            &[
                ("treaty", InstrumentKind::Treaty),
                ("declaration", InstrumentKind::Declaration),
                ("assurance", InstrumentKind::Assurance),
                ("domestic_law", InstrumentKind::DomesticLaw),
            ],
        );
        let signed = self.date(&r.signed);
        let in_force = match &r.in_force {
            Some(f) => self.spell(f, "`in_force`"),
            None => {
                self.error(
                    "missing-field",
                    at.clone(),
                    "treaty has no `in_force` interval",
                );
                Dated {
                    value: (),
                    interval: Interval::always(),
                    source: Source {
                        citation: Arc::from(""),
                        uncertain: true,
                        loc: at.clone(),
                    },
                    note: None,
                }
            }
        };
        let parties = r.party.iter().map(|p| self.party(p)).collect();
        let statuses = r.status.iter().filter_map(|p| self.status(p)).collect();
        let dyad_suspensions = r.dyad_suspension.iter().map(|p| self.dyad(p)).collect();
        let provisions = r
            .provision
            .iter()
            .filter_map(|p| self.provision(p))
            .collect();
        let source = self.source(&r.source, r.uncertain, at, "treaty");
        Some(Treaty {
            id: r.id.get_ref().clone(),
            name: r.name.get_ref().clone(),
            short_name: r.short_name.get_ref().clone(),
            aliases: Self::strings(&r.aliases),
            kind: kind?,
            signed,
            in_force,
            parties,
            statuses,
            dyad_suspensions,
            provisions,
            source,
            note: r.note.clone(),
        })
    }

    fn party(&mut self, s: &Spanned<RawParty>) -> Party {
        let at = self.loc(s);
        let r = s.get_ref();
        let polity = self.reference(RefKind::Polity, &r.polity);
        let signed = self.date(&r.signed);
        let interval = self.interval(&r.from, &r.to, at.clone());
        if r.disputed && r.note.is_none() {
            self.error(
                "bad-value",
                at.clone(),
                "a `disputed` party needs a `note` naming the sources that disagree",
            );
        }
        let source = self.source(&r.source, r.uncertain, at, "party");
        Party {
            polity,
            membership: Dated {
                value: (),
                interval,
                source,
                note: r.note.clone(),
            },
            signed,
            disputed: r.disputed,
        }
    }

    fn status(&mut self, s: &Spanned<RawStatus>) -> Option<StatusSpell> {
        let at = self.loc(s);
        let r = s.get_ref();
        let polity = self.reference(RefKind::Polity, &r.polity);
        let status = self.keyword(
            &r.status,
            "participation status",
            &[
                ("frozen", ParticipationStatus::Frozen),
                ("suspended", ParticipationStatus::Suspended),
                (
                    "outside_military_structure",
                    ParticipationStatus::OutsideMilitaryStructure,
                ),
            ],
        );
        let interval = self.interval(&r.from, &r.to, at.clone());
        let source = self.source(&r.source, r.uncertain, at, "participation status");
        Some(StatusSpell {
            polity,
            status: Dated {
                value: status?,
                interval,
                source,
                note: r.note.clone(),
            },
        })
    }

    fn dyad(&mut self, s: &Spanned<RawDyadSuspension>) -> DyadSuspension {
        let at = self.loc(s);
        let r = s.get_ref();
        let obligor = self.reference(RefKind::Polity, &r.obligor);
        let beneficiary = self.reference(RefKind::Polity, &r.beneficiary);
        let interval = self.interval(&r.from, &r.to, at.clone());
        let source = self.source(&r.source, r.uncertain, at, "dyad suspension");
        DyadSuspension {
            obligor,
            beneficiary,
            spell: Dated {
                value: (),
                interval,
                source,
                note: r.note.clone(),
            },
        }
    }

    fn provision(&mut self, s: &Spanned<RawProvision>) -> Option<Provision> {
        let at = self.loc(s);
        let r = s.get_ref();
        let article = match &r.article {
            Some(a) if !a.get_ref().trim().is_empty() => Some(a.get_ref().trim().to_string()),
            _ => {
                self.error(
                    "missing-article",
                    at.clone(),
                    format!(
                        "provision {:?} has no `article`: every obligation is tied to one",
                        r.id.get_ref()
                    ),
                );
                None
            }
        };
        let kind = self.keyword(
            &r.kind,
            "obligation kind",
            &[
                ("defense", ObligationKind::Defense),
                ("consultation", ObligationKind::Consultation),
                ("neutrality", ObligationKind::Neutrality),
                ("non_aggression", ObligationKind::NonAggression),
                ("offense", ObligationKind::Offense),
            ],
        );
        let owed_kind = match &r.owed {
            None => Some("mutual"),
            Some(o) => self.keyword(
                o,
                "`owed`",
                &[("mutual", "mutual"), ("directed", "directed")],
            ),
        };
        let owed = match owed_kind {
            Some("directed") => {
                if r.obligors.is_empty() || r.beneficiaries.is_empty() {
                    self.error(
                        "bad-provision",
                        at.clone(),
                        "`owed = \"directed\"` needs non-empty `obligors` and `beneficiaries`",
                    );
                }
                let obligors = r
                    .obligors
                    .iter()
                    .map(|p| self.reference(RefKind::Polity, p))
                    .collect();
                let beneficiaries = r
                    .beneficiaries
                    .iter()
                    .map(|p| self.reference(RefKind::Polity, p))
                    .collect();
                Some(Owed::Directed {
                    obligors,
                    beneficiaries,
                })
            }
            Some(_) => {
                if !r.obligors.is_empty() || !r.beneficiaries.is_empty() {
                    self.error(
                        "bad-provision",
                        at.clone(),
                        "`obligors`/`beneficiaries` are only allowed with `owed = \"directed\"`",
                    );
                }
                Some(Owed::Mutual)
            }
            None => None,
        };
        let trigger = match &r.trigger {
            None => Some(TriggerKind::ArmedAttack),
            Some(t) => self.keyword(
                t,
                "trigger",
                &[
                    ("armed_attack", TriggerKind::ArmedAttack),
                    ("aggression", TriggerKind::Aggression),
                    ("threat", TriggerKind::Threat),
                ],
            ),
        };
        let response = self.keyword(
            &r.response,
            "response",
            &[
                ("automatic", Response::Automatic),
                ("necessary_assistance", Response::NecessaryAssistance),
                ("as_deemed_necessary", Response::AsDeemedNecessary),
                ("meet_common_danger", Response::MeetCommonDanger),
                ("agreed_case_by_case", Response::AgreedCaseByCase),
                ("discretionary", Response::Discretionary),
                ("consult", Response::Consult),
                ("refrain", Response::Refrain),
                ("political", Response::Political),
            ],
        );
        let validity = self.interval(&r.from, &r.to, at.clone());
        let scope = r.scope.iter().filter_map(|x| self.scope(x)).collect();
        let conditions = r
            .conditions
            .iter()
            .filter_map(|x| self.condition(x))
            .collect();
        let trigger_by = self.reading(
            &r.trigger_by,
            "trigger_by",
            |r| &r.covers,
            &[
                ("any", AttackerCoverage::Any),
                ("states", AttackerCoverage::States),
                ("unstated", AttackerCoverage::Unstated),
            ],
        );
        let between_parties = self.reading(
            &r.between_parties,
            "between_parties",
            |r| &r.rule,
            &[
                ("covered", BetweenParties::Covered),
                ("excluded", BetweenParties::Excluded),
                ("unsettled", BetweenParties::Unsettled),
            ],
        );
        let cyber = self.reading(
            &r.cyber,
            "cyber",
            |r| &r.stance,
            &[
                ("covered", CyberStance::Covered),
                ("case_by_case", CyberStance::CaseByCase),
                ("not_covered", CyberStance::NotCovered),
            ],
        );
        let threatened_party = r.threatened_party.as_ref().map(|t| {
            let at = self.loc(t);
            let raw = t.get_ref();
            self.source(&raw.source, raw.uncertain, at, "threatened_party reading")
        });
        let source = self.source(&r.source, r.uncertain, at, "provision");
        Some(Provision {
            id: r.id.get_ref().clone(),
            article: article?,
            kind: kind?,
            owed: owed?,
            trigger: trigger?,
            scope,
            conditions,
            response: response?,
            paraphrase: r.paraphrase.get_ref().clone(),
            validity,
            source,
            note: r.note.clone(),
            trigger_by,
            between_parties,
            threatened_party,
            cyber,
        })
    }

    fn scope(&mut self, s: &Spanned<RawScope>) -> Option<ScopeRule> {
        let at = self.loc(s);
        let r = s.get_ref();
        let kind = self.keyword(
            &r.kind,
            "scope kind",
            &[
                ("party_territory", "party_territory"),
                ("administered_by", "administered_by"),
                ("territory", "territory"),
                ("forces_in", "forces_in"),
                ("forces_on_party_territory", "forces_on_party_territory"),
                ("anywhere", "anywhere"),
            ],
        )?;
        let regions: Vec<String> = r
            .regions
            .iter()
            .map(|x| self.reference(RefKind::Region, x))
            .collect();
        let parties: Vec<String> = r
            .parties
            .iter()
            .map(|x| self.reference(RefKind::Polity, x))
            .collect();
        let except: Vec<String> = r
            .except
            .iter()
            .map(|x| self.reference(RefKind::Territory, x))
            .collect();
        let named: Vec<String> = r
            .territories
            .iter()
            .map(|x| self.reference(RefKind::Territory, x))
            .collect();
        if !except.is_empty() && kind != "territory" {
            self.error(
                "bad-scope",
                at.clone(),
                "`except` belongs to scope `territory`",
            );
        }
        if !named.is_empty() && kind != "forces_in" {
            self.error(
                "bad-scope",
                at.clone(),
                "`territories` belongs to scope `forces_in`",
            );
        }
        if r.metropolitan && kind != "party_territory" {
            self.error(
                "bad-scope",
                at.clone(),
                "`metropolitan` belongs to scope `party_territory`",
            );
        }
        let rule = match kind {
            "party_territory" => ScopeKind::PartyTerritory {
                regions,
                parties,
                metropolitan: r.metropolitan,
            },
            "forces_on_party_territory" => ScopeKind::ForcesOnPartyTerritory { regions, parties },
            "administered_by" => ScopeKind::AdministeredBy {
                party: r.party.as_ref().map(|p| self.reference(RefKind::Polity, p)),
            },
            "territory" => match &r.territory {
                Some(t) => ScopeKind::Territory {
                    territory: self.reference(RefKind::Territory, t),
                    except,
                },
                None => {
                    self.error("bad-scope", at, "scope `territory` needs a `territory` id");
                    return None;
                }
            },
            "forces_in" => {
                if regions.is_empty() && named.is_empty() {
                    self.error(
                        "bad-scope",
                        at.clone(),
                        "scope `forces_in` needs `regions` or `territories`",
                    );
                }
                ScopeKind::ForcesIn {
                    regions,
                    territories: named,
                }
            }
            _ => ScopeKind::Anywhere,
        };
        let validity = self.interval(&r.from, &r.to, at.clone());
        let source = self.source(&r.source, r.uncertain, at, "scope rule");
        Some(ScopeRule {
            rule,
            validity,
            source,
            note: r.note.clone(),
        })
    }

    fn condition(&mut self, s: &Spanned<RawCondition>) -> Option<Condition> {
        let at = self.loc(s);
        let r = s.get_ref();
        let kind = self.keyword(
            &r.kind,
            "condition kind",
            &[
                ("request_by_attacked", "request_by_attacked"),
                ("council_decision", "council_decision"),
                ("constitutional_processes", "constitutional_processes"),
                ("adversary", "adversary"),
                ("consultation_first", "consultation_first"),
                ("unnamed_restriction", "unnamed_restriction"),
                ("reservation", "reservation"),
                ("other", "other"),
            ],
        )?;
        if kind == "reservation" {
            let condition = self.reservation(r, at.clone())?;
            let source = self.source(&r.source, r.uncertain, at, "condition");
            return Some(Condition { condition, source });
        }
        let condition = match kind {
            "request_by_attacked" => ConditionKind::RequestByAttacked,
            "council_decision" => ConditionKind::CouncilDecision {
                body: r
                    .body
                    .as_ref()
                    .map(|b| b.get_ref().clone())
                    .unwrap_or_else(|| "a council".into()),
            },
            "constitutional_processes" => ConditionKind::ConstitutionalProcesses,
            "adversary" => {
                if r.polities.is_empty() {
                    self.error(
                        "bad-condition",
                        at.clone(),
                        "condition `adversary` needs `polities`",
                    );
                }
                ConditionKind::Adversary {
                    polities: r
                        .polities
                        .iter()
                        .map(|p| self.reference(RefKind::Polity, p))
                        .collect(),
                }
            }
            "consultation_first" => ConditionKind::ConsultationFirst,
            "unnamed_restriction" => match &r.text {
                Some(t) => ConditionKind::UnnamedRestriction {
                    text: t.get_ref().clone(),
                },
                None => {
                    self.error(
                        "bad-condition",
                        at,
                        "condition `unnamed_restriction` needs `text`",
                    );
                    return None;
                }
            },
            _ => match &r.text {
                Some(t) => ConditionKind::Other {
                    text: t.get_ref().clone(),
                },
                None => {
                    self.error("bad-condition", at, "condition `other` needs `text`");
                    return None;
                }
            },
        };
        let source = self.source(&r.source, r.uncertain, at, "condition");
        Some(Condition { condition, source })
    }

    /// A `reservation` condition: `party`, `name`, `effect` and, for
    /// `adversary_only`, `polities` (and optionally `instead`); for `note`,
    /// `text`.
    fn reservation(&mut self, r: &RawCondition, at: Loc) -> Option<ConditionKind> {
        let Some(party) = r.party.as_ref() else {
            self.error("bad-condition", at, "condition `reservation` needs `party`");
            return None;
        };
        let party = self.reference(RefKind::Polity, party);
        let name = r
            .name
            .as_ref()
            .map(|n| n.get_ref().clone())
            .unwrap_or_else(|| "reservation".into());
        let Some(effect) = r.effect.as_ref() else {
            self.error(
                "bad-condition",
                at,
                "condition `reservation` needs `effect` (`adversary_only` or `note`)",
            );
            return None;
        };
        let effect = self.keyword(
            effect,
            "reservation effect",
            &[("adversary_only", "adversary_only"), ("note", "note")],
        )?;
        let effect = if effect == "adversary_only" {
            if r.polities.is_empty() {
                self.error(
                    "bad-condition",
                    at.clone(),
                    "a reservation with effect `adversary_only` needs `polities`",
                );
            }
            ReservationEffect::AdversaryOnly {
                polities: r
                    .polities
                    .iter()
                    .map(|p| self.reference(RefKind::Polity, p))
                    .collect(),
                instead: r.instead.as_ref().map(|i| i.get_ref().clone()),
            }
        } else {
            match &r.text {
                Some(t) => ReservationEffect::Note {
                    text: t.get_ref().clone(),
                },
                None => {
                    self.error(
                        "bad-condition",
                        at,
                        "a reservation with effect `note` needs `text`",
                    );
                    return None;
                }
            }
        };
        Some(ConditionKind::Reservation {
            party,
            name,
            effect,
        })
    }
}

// ---- Issue 8: armed groups' relations, readings of a provision, borders ----
impl FileCtx<'_> {
    fn relation(&mut self, s: &Spanned<RawRelation>) -> Option<Dated<GroupRelation>> {
        let at = self.loc(s);
        let r = s.get_ref();
        let kind = self.keyword(
            &r.kind,
            "relation kind",
            &[
                ("host", RelationKind::Host),
                ("sponsor", RelationKind::Sponsor),
                ("control", RelationKind::Control),
            ],
        );
        let state = self.reference(RefKind::Polity, &r.polity);
        let interval = self.interval(&r.from, &r.to, at.clone());
        let source = self.source(&r.source, r.uncertain, at, "relation");
        Some(Dated {
            value: GroupRelation { kind: kind?, state },
            interval,
            source,
            note: r.note.clone(),
        })
    }

    /// A reading of a provision: its value under `key`, when and its source.
    fn reading<T: Copy>(
        &mut self,
        s: &Option<Spanned<RawReading>>,
        table: &str,
        key: fn(&RawReading) -> &Option<Spanned<String>>,
        options: &[(&str, T)],
    ) -> Option<Dated<T>> {
        let s = s.as_ref()?;
        let at = self.loc(s);
        let r = s.get_ref();
        let value = match key(r) {
            Some(v) => self.keyword(v, &format!("`{table}` value"), options),
            None => {
                let names: Vec<&str> = options.iter().map(|(k, _)| *k).collect();
                self.error(
                    "bad-provision",
                    at.clone(),
                    format!("`{table}` needs its value ({})", names.join(", ")),
                );
                None
            }
        };
        let interval = self.interval(&r.from, &r.to, at.clone());
        let source = self.source(&r.source, r.uncertain, at, table);
        Some(Dated {
            value: value?,
            interval,
            source,
            note: r.note.clone(),
        })
    }

    fn border(&mut self, s: &Spanned<RawBorder>) -> Option<Border> {
        let at = self.loc(s);
        let r = s.get_ref();
        let between: Vec<String> = r
            .between
            .get_ref()
            .iter()
            .map(|p| self.reference(RefKind::Polity, p))
            .collect();
        let interval = self.interval(&r.from, &r.to, at.clone());
        let source = self.source(&r.source, r.uncertain, at.clone(), "border");
        let [a, b]: [String; 2] = match between.try_into() {
            Ok(pair) => pair,
            Err(_) => {
                self.error("bad-value", at, "`between` names exactly two states");
                return None;
            }
        };
        if a == b {
            self.error("bad-value", at, format!("a border of {a} with itself"));
            return None;
        }
        Some(Border {
            between: [a, b],
            spell: Dated {
                value: (),
                interval,
                source,
                note: r.note.clone(),
            },
        })
    }
}
