//! Decoding: never panics; what decodes, encodes back to text that decodes
//! to the same thing in the same encoding family.
#![no_main]

use capclean::text::{decode, encode, SourceEncoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data) else { return };
    assert!(!decoded.text.contains('\0'));
    // Output is UTF-8 (with a BOM where the input had one): it reads back
    // as the same text.
    let bytes = encode(&decoded.text, decoded.encoding);
    let again = decode(&bytes).expect("capclean's own output decodes");
    assert_eq!(again.text, decoded.text);
    if decoded.encoding.had_bom() {
        assert_eq!(again.encoding, SourceEncoding::Utf8Bom);
    }
});
