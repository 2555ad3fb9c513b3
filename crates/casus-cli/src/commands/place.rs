//! `casus place`: how a place resolves on a date.

use casus_core::query::{place_status, Holder, NoSovereign};
use casus_core::KnowledgeBase;
use casus_geo::Resolution;
use serde::Serialize;

use crate::args::{Format, PlaceArgs};
use crate::error::CliError;
use crate::output::{bold, dim, print_csv, print_json, truth};

#[derive(Serialize)]
struct PlaceJson<'a> {
    input: &'a str,
    date: String,
    place: Option<&'a str>,
    coords: Option<(f64, f64)>,
    territory: &'a str,
    territory_name: &'a str,
    ancestry: &'a [String],
    sovereign: &'a [Holder],
    controller: &'a [Holder],
    controller_assumed: bool,
    claimants: &'a [Holder],
    regions: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    geo: Option<&'a Resolution>,
    // --- history: dated membership, non-recognition, no sovereign ---
    #[serde(skip_serializing_if = "Option::is_none")]
    present_territory: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Holder]>::is_empty")]
    not_recognised_by: &'a [Holder],
    #[serde(skip_serializing_if = "Option::is_none")]
    no_sovereign: Option<&'a NoSovereign>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gazetteer: Option<&'a casus_geo::GazetteerHit>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

/// For coordinates with no territory: the chain only.
#[derive(Serialize)]
struct NoTerritoryJson<'a> {
    input: &'a str,
    date: String,
    coords: (f64, f64),
    territory: Option<()>,
    regions: Vec<&'a str>,
    geo: &'a Resolution,
    #[serde(skip_serializing_if = "Option::is_none")]
    gazetteer: Option<&'a casus_geo::GazetteerHit>,
}

pub fn run(
    kb: &KnowledgeBase,
    args: &PlaceArgs,
    places: &super::geo::PlaceFlags,
) -> Result<(), CliError> {
    let date = super::day(&args.on)?;
    let input = super::geo::resolve(kb, &args.place, date, places)?;
    let Some(place) = input.place else {
        // Coordinates in no territory of the knowledge base.
        let Some(geo) = input.geo.as_ref() else {
            return Err(CliError::Data(format!("{} did not resolve", args.place)));
        };
        return match args.format.format {
            Format::Json => print_json(&NoTerritoryJson {
                input: &args.place,
                date: date.to_string(),
                coords: (geo.coords.lat, geo.coords.lon),
                territory: None,
                regions: geo.regions.iter().map(|r| r.region).collect(),
                geo,
                gazetteer: input.gazetteer.as_ref(),
            }),
            Format::Csv => print_csv(
                &["territory", "role", "polity", "holds", "interval", "source"],
                &[],
            ),
            Format::Text => {
                println!("{} {} on {}", bold("Place"), args.place, date);
                for line in super::geo::name_lines(input.gazetteer.as_ref(), &[]) {
                    println!("  {line}");
                }
                for line in super::geo::chain_lines(kb, geo, input.overlay_path.as_deref()) {
                    println!("  {line}");
                }
                for credit in super::geo::credits(true, input.gazetteer.is_some()) {
                    println!("  {}", dim(credit));
                }
                Ok(())
            }
        };
    };
    let status = place_status(kb, &place, date);
    match args.format.format {
        Format::Json => print_json(&PlaceJson {
            input: &place.input,
            date: date.to_string(),
            place: place.place_name.as_deref(),
            coords: place.coords,
            territory: &status.territory,
            territory_name: &status.name,
            ancestry: &status.ancestry,
            sovereign: &status.sovereign,
            controller: &status.controller,
            controller_assumed: status.controller_assumed,
            claimants: &status.claimants,
            regions: &status.regions,
            geo: input.geo.as_ref(),
            present_territory: status.present_territory.as_deref(),
            not_recognised_by: &status.not_recognised_by,
            no_sovereign: status.no_sovereign.as_ref(),
            gazetteer: input.gazetteer.as_ref(),
            notes: &place.notes,
        }),
        Format::Csv => {
            let mut rows = Vec::new();
            for (role, hs) in [
                ("sovereign", &status.sovereign),
                ("controller", &status.controller),
                ("claimant", &status.claimants),
            ] {
                for h in hs {
                    rows.push(vec![
                        status.territory.clone(),
                        role.to_string(),
                        h.polity.clone(),
                        truth(h.holds).to_string(),
                        h.interval.to_string(),
                        h.source.citation.to_string(),
                    ]);
                }
            }
            print_csv(
                &["territory", "role", "polity", "holds", "interval", "source"],
                &rows,
            )
        }
        Format::Text => {
            println!(
                "{} {} on {}",
                bold("Place"),
                place.place_name.as_deref().unwrap_or(&place.input),
                date
            );
            for line in super::geo::name_lines(input.gazetteer.as_ref(), &place.notes) {
                println!("  {line}");
            }
            match &input.geo {
                Some(geo) => {
                    for line in super::geo::chain_lines(kb, geo, input.overlay_path.as_deref()) {
                        println!("  {line}");
                    }
                }
                None => {
                    if let Some((lat, lon)) = place.coords {
                        println!("  coordinates: {lat:.4}, {lon:.4}");
                    }
                }
            }
            let chain: Vec<String> = status
                .ancestry
                .iter()
                .map(|t| {
                    kb.territory(t)
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| t.clone())
                })
                .collect();
            println!("  territory:   {}", chain.join(" ⊂ "));
            if let Some(today) = &status.present_territory {
                let today = kb
                    .territory(today)
                    .map(|x| x.name.as_str())
                    .unwrap_or(today);
                println!(
                    "  {:<12} {}",
                    "",
                    dim(&format!(
                        "(the area of today's {today}, part of {} on this date)",
                        status.name
                    ))
                );
            }
            let show = |label: &str, hs: &[Holder]| {
                if hs.is_empty() {
                    println!("  {label:<12} none recorded");
                }
                for h in hs {
                    let unc = match h.holds {
                        casus_core::Truth::Unknown => " (uncertain on this date: imprecise bound)",
                        _ => "",
                    };
                    let src_unc = if h.source.uncertain {
                        ", uncertain"
                    } else {
                        ""
                    };
                    println!(
                        "  {label:<12} {} ({}){unc}  {}",
                        h.name,
                        h.interval,
                        dim(&format!("[{}{src_unc}]", h.source.citation))
                    );
                }
            };
            match (&status.no_sovereign, status.sovereign.is_empty()) {
                (Some(why), true) => println!(
                    "  sovereign:   none ({}): {}  {}",
                    why.interval,
                    why.reason,
                    dim(&format!("[{}]", why.source.citation))
                ),
                _ => show("sovereign:", &status.sovereign),
            }
            for h in &status.not_recognised_by {
                println!(
                    "  {:<12} {} ({})  {}",
                    "not recognised by:",
                    h.name,
                    h.interval,
                    dim(&format!("[{}]", h.source.citation))
                );
            }
            if status.controller_assumed {
                let names: Vec<&str> = status.controller.iter().map(|h| h.name.as_str()).collect();
                println!(
                    "  controller:  {} {}",
                    names.join(", "),
                    dim("(no separate control record: the sovereign is assumed to hold it)")
                );
            } else {
                show("controller:", &status.controller);
            }
            show("claimants:", &status.claimants);
            let regions: Vec<String> = status
                .regions
                .iter()
                .map(|r| {
                    kb.region(r)
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| r.clone())
                })
                .collect();
            println!(
                "  regions:     {}",
                if regions.is_empty() {
                    "none".to_string()
                } else {
                    regions.join(", ")
                }
            );
            for credit in super::geo::credits(input.geo.is_some(), input.gazetteer.is_some()) {
                println!("  {}", dim(credit));
            }
            Ok(())
        }
    }
}
