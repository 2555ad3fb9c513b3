//! `casus place`: how a place resolves on a date.

use casus_core::query::Holder;
use casus_service::place::ResolvedStatus;
use casus_service::{PlaceRequest, Service};

use crate::args::{Format, PlaceArgs};
use crate::error::CliError;
use crate::output::{bold, dim, print_csv, print_json, truth};

pub fn run(
    service: &Service,
    args: &PlaceArgs,
    places: &super::geo::PlaceFlags,
) -> Result<(), CliError> {
    let kb = service.kb();
    let answer = service.place(&PlaceRequest {
        place: args.place.clone(),
        on: args.on.clone(),
        most_populous: places.most_populous,
    })?;
    let date = answer.date;
    if let Format::Json = args.format.format {
        return print_json(&answer);
    }
    let Some(ResolvedStatus { place, status }) = &answer.resolved else {
        // Coordinates in no territory of the knowledge base.
        let Some(geo) = answer.geo.as_ref() else {
            return Err(CliError::Data(format!("{} did not resolve", args.place)));
        };
        return match args.format.format {
            Format::Json | Format::Csv => print_csv(
                &["territory", "role", "polity", "holds", "interval", "source"],
                &[],
            ),
            Format::Text => {
                println!("{} {} on {}", bold("Place"), args.place, date);
                for line in super::geo::name_lines(answer.gazetteer.as_ref(), &[]) {
                    println!("  {line}");
                }
                for line in super::geo::chain_lines(kb, geo, service.overlay_path()) {
                    println!("  {line}");
                }
                for credit in super::geo::credits(true, answer.gazetteer.as_ref()) {
                    println!("  {}", dim(credit));
                }
                Ok(())
            }
        };
    };
    match args.format.format {
        Format::Json => print_json(&answer),
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
            for line in super::geo::name_lines(answer.gazetteer.as_ref(), &place.notes) {
                println!("  {line}");
            }
            match &answer.geo {
                Some(geo) => {
                    for line in super::geo::chain_lines(kb, geo, service.overlay_path()) {
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
            for credit in super::geo::credits(answer.geo.is_some(), answer.gazetteer.as_ref()) {
                println!("  {}", dim(credit));
            }
            Ok(())
        }
    }
}
