//! Decoding: never panics; decoded text holds no NUL; capclean's output of
//! what it decoded (`encode`: UTF-8, with a BOM where the input had one)
//! decodes back to the same text, as UTF-8 with or without that BOM.
#![no_main]

use capclean::text::{decode, encode, SourceEncoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data) else { return };
    assert!(!decoded.text.contains('\0'));
    let bytes = encode(&decoded.text, decoded.encoding);
    let again = decode(&bytes).expect("capclean's own output decodes");
    assert_eq!(again.text, decoded.text);
    let expected = if decoded.encoding.had_bom() {
        SourceEncoding::Utf8Bom
    } else {
        SourceEncoding::Utf8
    };
    assert_eq!(
        again.encoding, expected,
        "output is UTF-8, BOM as the input"
    );
});
