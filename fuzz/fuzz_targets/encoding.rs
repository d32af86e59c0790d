//! Decoding: never panics; whatever decodes is written back byte for byte
//! in its own encoding (`encode` with `OutputEncoding::Input`), and its
//! UTF-8 output decodes back to the same text.
#![no_main]

use capclean::text::{decode, encode, OutputEncoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data) else { return };
    let same = encode(&decoded.text, decoded.encoding, OutputEncoding::Input)
        .expect("decoded text is written back in its own encoding");
    assert_eq!(same, data, "read as {}", decoded.encoding.name());
    let utf8 = encode(&decoded.text, decoded.encoding, OutputEncoding::Utf8)
        .expect("UTF-8 holds every character");
    if let Ok(again) = decode(&utf8) {
        assert_eq!(again.text, decoded.text);
    }
});
