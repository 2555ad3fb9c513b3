//! The shipped knowledge base, ready at start-up: `build.rs` parses and
//! checks `kb/` with casus-core's TOML loader (the checks `casus check`
//! runs; any error fails the build with its file and line) and writes the
//! checked base, indexes included, in casus-core's binary form. Decoding it
//! replaces parsing 1.4 MB of TOML at every start (docs/performance.md).
//!
//! `KnowledgeBase::embedded()` in casus-core still parses the TOML: it is
//! what `casus check` and the tests validate, and this crate's tests assert
//! that both give the same base.

use casus_core::kb::DecodeError;
use casus_core::KnowledgeBase;

/// The binary form of the shipped base, written by `build.rs`.
static BINARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.bin"));

/// The shipped knowledge base, decoded from its binary form.
pub fn knowledge_base() -> Result<KnowledgeBase, DecodeError> {
    KnowledgeBase::from_binary(BINARY)
}

/// The size in bytes of the embedded binary form.
pub fn binary_len() -> usize {
    BINARY.len()
}
