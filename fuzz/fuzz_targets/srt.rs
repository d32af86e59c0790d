//! The srt reader: segments inside the text, on character boundaries, in order.
#![no_main]

use capclean::formats::Format;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::parse_and_check(data, Format::Srt));
