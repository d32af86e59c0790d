//! CLI cases written as data: each `tests/cmd/*.trycmd` holds commands run
//! in its `.in/` folder and the output and exit code they must give.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.trycmd");
}
