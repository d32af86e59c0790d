//! The review-list reader `apply` uses, and applying its rows: no panic,
//! whatever a spreadsheet (or anyone) made of the file.
#![no_main]

use std::path::Path;

use capclean::review::{apply_rows, read_review};
use libfuzzer_sys::fuzz_target;

const INPUT: &str = ">> ANA SILVA: well -- the values (?) matter\nMore text here, 4, 500 people.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(rows) = read_review(Path::new("review.csv"), data) else {
        return;
    };
    let file_rows: Vec<_> = rows.iter().collect();
    if let Ok(applied) = apply_rows(
        Path::new("review.csv"),
        "a.txt",
        INPUT.as_bytes(),
        &file_rows,
        Default::default(),
    ) {
        assert!(
            String::from_utf8(applied.output).is_ok(),
            "applying keeps UTF-8"
        );
    }
});
