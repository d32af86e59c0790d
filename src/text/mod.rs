//! Text plumbing shared by every stage: decoding inputs, byte-to-position
//! conversion, and the scanner for spans no rule may touch.

pub mod encoding;
pub mod fold;
pub mod language;
pub mod locator;
pub mod protect;

pub use encoding::{
    decode, decode_with, encode, encoding_for_label, DecodeError, Decoded, EncodeError,
    OutputEncoding, SourceEncoding,
};
pub use language::Language;
pub use locator::Locator;
