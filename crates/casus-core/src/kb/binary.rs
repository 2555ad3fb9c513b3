//! The compact binary form of a loaded, checked knowledge base (bitcode):
//! every entity and every index, so decoding it is all a start-up needs.
//! `casus-embedded` writes it at build time from the shipped `kb/` (parsed
//! and checked on the TOML path) and decodes it at start-up. Warnings are
//! not kept: `casus check` reports them from the TOML.

use super::KnowledgeBase;

/// The binary form could not be read (it was written by another version
/// of casus, or is damaged).
#[derive(Debug, thiserror::Error)]
#[error("the knowledge base's binary form cannot be read: {0}")]
pub struct DecodeError(#[from] bitcode::Error);

impl KnowledgeBase {
    /// The base, with its indexes, in the binary form.
    pub fn to_binary(&self) -> Vec<u8> {
        bitcode::encode(self)
    }

    /// A base from [`KnowledgeBase::to_binary`]'s output, written by this
    /// same version of casus-core. No check is run: the base was checked
    /// before it was written.
    pub fn from_binary(bytes: &[u8]) -> Result<KnowledgeBase, DecodeError> {
        Ok(bitcode::decode(bytes)?)
    }
}
