//! The HTML report: one self-contained page (inline CSS, a few lines of
//! inline JavaScript, no network) showing every finding in place in the
//! original text, with the review list's ids so the page and the CSV can be
//! read side by side.
//!
//! The renderer works from the review rows and the original texts, so it
//! shows exactly what the CSV says: each row's `line`/`column` span is found
//! in the text again and checked against its `original` cell. A row whose
//! span cannot be found (it should not happen) is still shown, in a list of
//! its own, so every row has exactly one mark.

use std::fmt::Write as _;

use super::write::Row;
use crate::edit::{Kind, Status};
use crate::text::locator::Position;
use crate::text::Locator;

/// One input as the report shows it.
#[derive(Debug, Clone, Copy)]
pub struct ReportFile<'a> {
    /// The input's display name (the review list's `file` cell).
    pub name: &'a str,
    /// The original decoded text the rows point into.
    pub text: &'a str,
    /// The file's review rows, in position order, with their final ids.
    pub rows: &'a [Row],
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

/// Text inside a mark: escaped, and when it is only whitespace (a space
/// removed or inserted) made visible, `·` for a space and `→` for a tab.
fn mark_text(out: &mut String, s: &str) {
    if !s.is_empty() && s.chars().all(|c| c == ' ' || c == '\t') {
        out.push_str("<span class=\"ws\">");
        out.extend(
            s.chars()
                .map(|c| if c == ' ' { '\u{b7}' } else { '\u{2192}' }),
        );
        out.push_str("</span>");
    } else {
        escape_into(out, s);
    }
}

fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// A class-safe spelling of a kind or status from the list (which the
/// editor may have edited): known values as they are, anything else `other`.
/// The kinds and statuses as the report's classes name them, in order.
fn kinds() -> [&'static str; 4] {
    Kind::ALL.map(Kind::as_str)
}

fn statuses() -> [&'static str; 3] {
    Status::ALL.map(Status::as_str)
}

/// Renders the whole report.
pub fn render_html(files: &[ReportFile<'_>]) -> String {
    let total: usize = files.iter().map(|f| f.rows.len()).sum();
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    // Text, escaping and about 300 bytes of markup per finding.
    let mut out = String::with_capacity(bytes + bytes / 10 + total * 300 + 8192);
    out.push_str(HEAD);
    summary(&mut out, files);
    filters(&mut out);
    for (i, file) in files.iter().enumerate() {
        file_section(&mut out, i + 1, file);
    }
    flagged_list(&mut out, files);
    out.push_str("</main>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn summary(out: &mut String, files: &[ReportFile<'_>]) {
    let rows = || files.iter().flat_map(|f| f.rows.iter());
    let count = |kind: Option<&str>, status: Option<&str>| {
        rows()
            .filter(|r| kind.is_none_or(|k| r.rule.kind().as_str() == k))
            .filter(|r| status.is_none_or(|s| r.status.as_str() == s))
            .count()
    };
    let total = rows().count();
    let flagged = count(None, Some("flagged"));
    let _ = write!(
        out,
        "<header>\n<h1>capclean report</h1>\n<p class=\"totals\"><span data-count=\"files\">{}</span> file{}, \
         <span data-count=\"findings\">{total}</span> finding{}; \
         <a href=\"#flagged\">{flagged} flagged place{} to check against the recording</a></p>\n",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        if total == 1 { "" } else { "s" },
        if flagged == 1 { "" } else { "s" },
    );
    out.push_str("<div class=\"summary\">\n<table class=\"counts\">\n<thead><tr><th>kind</th>");
    for s in statuses() {
        let _ = write!(out, "<th class=\"s-{s}\">{s}</th>");
    }
    out.push_str("<th>total</th></tr></thead>\n<tbody>\n");
    for k in kinds() {
        let _ = write!(out, "<tr><th class=\"k-{k}\">{k}</th>");
        for s in statuses() {
            let _ = write!(
                out,
                "<td data-kind=\"{k}\" data-status=\"{s}\">{}</td>",
                count(Some(k), Some(s))
            );
        }
        let _ = writeln!(
            out,
            "<td data-kind=\"{k}\">{}</td></tr>",
            count(Some(k), None)
        );
    }
    out.push_str("</tbody>\n<tfoot><tr><th>total</th>");
    for s in statuses() {
        let _ = write!(out, "<td data-status=\"{s}\">{}</td>", count(None, Some(s)));
    }
    let _ = writeln!(out, "<td>{total}</td></tr></tfoot>\n</table>");
    let bars: Vec<(&str, &str, usize)> = kinds()
        .iter()
        .map(|k| ("k", *k, count(Some(k), None)))
        .chain(statuses().iter().map(|s| ("s", *s, count(None, Some(s)))))
        .collect();
    chart(out, &bars);
    out.push_str("</div>\n</header>\n");
}

/// A horizontal bar chart as inline SVG: kinds, then statuses.
fn chart(out: &mut String, bars: &[(&str, &str, usize)]) {
    const ROW: usize = 22;
    const LABEL: usize = 80;
    const WIDTH: usize = 260;
    let max = bars.iter().map(|b| b.2).max().unwrap_or(0).max(1);
    let height = bars.len() * ROW + 10;
    let _ = writeln!(
        out,
        "<svg class=\"chart\" role=\"img\" aria-label=\"findings per kind and status\" \
         width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        LABEL + WIDTH + 60,
        LABEL + WIDTH + 60
    );
    for (i, (prefix, name, n)) in bars.iter().enumerate() {
        // A gap between the kinds and the statuses.
        let y = i * ROW + if *prefix == "s" { 10 } else { 0 };
        let w = if *n == 0 { 0 } else { (n * WIDTH / max).max(2) };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{name}</text>\
             <rect class=\"bar {prefix}-{name}\" x=\"{LABEL}\" y=\"{}\" width=\"{w}\" height=\"16\"><title>{name}: {n}</title></rect>\
             <text x=\"{}\" y=\"{}\">{n}</text>",
            LABEL - 6,
            y + 13,
            y + 1,
            LABEL + w + 4,
            y + 13,
        );
    }
    out.push_str("</svg>\n");
}

fn filters(out: &mut String) {
    out.push_str("<form class=\"filters\" id=\"filters\" aria-label=\"filters\">\n<fieldset><legend>kind</legend>");
    for k in kinds() {
        let _ = write!(
            out,
            "<label class=\"k-{k}\"><input type=\"checkbox\" name=\"k-{k}\" checked> {k}</label>"
        );
    }
    out.push_str("</fieldset>\n<fieldset><legend>status</legend>");
    for s in statuses() {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"s-{s}\" checked> <span class=\"swatch s-{s}\"></span>{s}</label>"
        );
    }
    out.push_str(
        "</fieldset>\n<a href=\"#flagged\">flagged places \u{2193}</a>\n</form>\n<main>\n",
    );
}

fn flagged_list(out: &mut String, files: &[ReportFile<'_>]) {
    let flagged: Vec<&Row> = files
        .iter()
        .flat_map(|f| f.rows.iter())
        .filter(|r| r.status == Status::Flagged)
        .collect();
    let _ = writeln!(
        out,
        "<section class=\"flagged\" id=\"flagged\">\n<h2>Flagged places ({})</h2>",
        flagged.len()
    );
    if flagged.is_empty() {
        out.push_str("<p>Nothing flagged.</p>\n</section>\n");
        return;
    }
    out.push_str("<table class=\"flags\">\n<thead><tr><th>id</th><th>where</th><th>time · speaker</th><th>rule</th><th>text</th><th>note</th></tr></thead>\n<tbody>\n");
    for r in flagged {
        let kind = r.rule.kind().as_str();
        let _ = write!(
            out,
            "<tr class=\"k-{kind} s-flagged\"><td><a href=\"#f-{id}\">{id}</a></td><td>",
            id = r.id
        );
        escape_into(out, &r.file);
        let _ = write!(out, ":{}:{}</td><td>", r.line, r.column);
        escape_into(out, &r.time);
        if !r.time.is_empty() && !r.speaker.is_empty() {
            out.push_str(" · ");
        }
        escape_into(out, &r.speaker);
        out.push_str("</td><td>");
        escape_into(out, r.rule.code());
        out.push_str("</td><td><code>");
        escape_into(out, &r.original);
        out.push_str("</code></td><td>");
        escape_into(out, &r.note);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The byte span of a row in `text`, if its positions point at its
/// `original` text.
fn span(locator: &Locator<'_>, text: &str, row: &Row) -> Option<(usize, usize)> {
    let start = locator.offset(Position {
        line: row.line,
        column: row.column,
    })?;
    let end = locator.offset(Position {
        line: row.end_line,
        column: row.end_column,
    })?;
    (start <= end && text.get(start..end) == Some(row.original.as_str())).then_some((start, end))
}

fn file_section(out: &mut String, index: usize, file: &ReportFile<'_>) {
    out.push_str("<section class=\"file\">\n<h2>");
    escape_into(out, file.name);
    let _ = writeln!(
        out,
        " <small>({} finding{})</small></h2>",
        file.rows.len(),
        if file.rows.len() == 1 { "" } else { "s" }
    );
    let locator = Locator::new(file.text);
    let mut unplaced = Vec::new();
    let _ = write!(
        out,
        "<div class=\"text\" id=\"file-{index}\"><div class=\"c\">"
    );
    let mut cursor = 0;
    let mut lines = 0;
    for row in file.rows {
        match span(&locator, file.text, row) {
            Some((start, end)) if start >= cursor => {
                plain(out, &file.text[cursor..start], &mut lines);
                mark(out, row, false);
                cursor = end;
            }
            // Overlaps a mark already written (the applier let the other
            // finding win): shown beside it, whole, as an aside.
            Some(_) => mark(out, row, true),
            None => unplaced.push(row),
        }
    }
    plain(out, &file.text[cursor..], &mut lines);
    out.push_str("</div></div>\n");
    if !unplaced.is_empty() {
        out.push_str("<p>Not found where the list says (shown without their context):</p>\n<p class=\"unplaced\">");
        for row in unplaced {
            mark(out, row, true);
            out.push(' ');
        }
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
}

/// Lines per block of text: the browser lays out and paints only the blocks
/// in view (`content-visibility: auto`), so a long transcript opens quickly.
const BLOCK_LINES: usize = 40;

/// Text between marks, escaped, starting a new block after every
/// [`BLOCK_LINES`] lines (only here, so a mark never spans two blocks).
fn plain(out: &mut String, text: &str, lines: &mut usize) {
    let mut rest = text;
    while let Some(nl) = rest.find('\n') {
        escape_into(out, &rest[..=nl]);
        rest = &rest[nl + 1..];
        *lines += 1;
        if *lines % BLOCK_LINES == 0 {
            out.push_str("</div><div class=\"c\">");
        }
    }
    escape_into(out, rest);
}

/// One finding: a focusable span whose `title` holds rule, confidence and
/// note (shown on hover, and by CSS on focus).
fn mark(out: &mut String, row: &Row, aside: bool) {
    let kind = row.rule.kind().as_str();
    let status = row.status.as_str();
    let _ = write!(
        out,
        "<span class=\"m k-{kind} s-{status}{}\" id=\"f-{}\" tabindex=\"0\" title=\"",
        if aside { " aside" } else { "" },
        row.id
    );
    escape_into(out, row.rule.code());
    let _ = write!(out, " · {status} · {:.2}", row.confidence);
    if !row.note.is_empty() {
        out.push_str(" · ");
        escape_into(out, &row.note);
    }
    out.push_str("\">");
    match status {
        "applied" => {
            if !row.original.is_empty() {
                out.push_str("<del>");
                mark_text(out, &row.original);
                out.push_str("</del>");
            }
            if !row.suggestion.is_empty() {
                out.push_str("<ins>");
                mark_text(out, &row.suggestion);
                out.push_str("</ins>");
            }
        }
        "suggested" => {
            out.push_str("<mark>");
            mark_text(out, &row.original);
            out.push_str("</mark><span class=\"p\">");
            mark_text(out, &row.suggestion);
            out.push_str("</span>");
        }
        _ => {
            out.push_str("<mark>");
            mark_text(out, &row.original);
            out.push_str("</mark>");
        }
    }
    let _ = write!(out, "<sup class=\"id\">{}</sup></span>", row.id);
}

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="capclean">
<title>capclean report</title>
<style>
:root{--applied:#1a7f37;--applied-bg:#dafbe1;--del-bg:#ffebe9;--del:#a40e26;--suggested:#9a6700;--suggested-bg:#fff3b0;--flagged:#8250df;--flagged-bg:#f0e6ff;--line:#d0d7de}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#fff}
header,main,.filters{max-width:70rem;margin:0 auto;padding:0 1.5rem}
h1{font-size:1.5rem;margin:1rem 0 .25rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h2 small{font-weight:normal;color:#59636e}
.totals{margin:0 0 .75rem;color:#59636e}
.summary{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-start}
table{border-collapse:collapse;font-size:.9rem}
th,td{padding:.2rem .6rem;border-bottom:1px solid var(--line);text-align:right}
th:first-child,.flags th,.flags td{text-align:left}
.flags td{vertical-align:top}
.chart text{font-size:12px;fill:#1f2328}
.bar{fill:#6e7781}.bar.k-punct{fill:#0969da}.bar.k-inaudible{fill:#bf3989}.bar.k-name{fill:#1b7c83}.bar.k-term{fill:#6639ba}
.bar.s-applied{fill:var(--applied)}.bar.s-suggested{fill:#d4a72c}.bar.s-flagged{fill:var(--flagged)}
.filters{position:sticky;top:0;z-index:2;background:#f6f8fa;border-block:1px solid var(--line);display:flex;gap:1.5rem;flex-wrap:wrap;align-items:center;padding:.4rem max(1.5rem,calc((100% - 67rem) / 2));max-width:none;margin-top:1rem}
.filters a{margin-left:auto}
.filters fieldset{border:0;margin:0;padding:0;display:flex;gap:.9rem;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:.4rem}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.25em;vertical-align:-.05em}
.swatch.s-applied{background:var(--applied)}.swatch.s-suggested{background:#d4a72c}.swatch.s-flagged{background:var(--flagged)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.7 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#fafbfc;border:1px solid var(--line);border-radius:6px;padding:1rem}
.c{content-visibility:auto;contain-intrinsic-size:auto 40rem}
.m{position:relative;border-radius:3px;outline-offset:1px}
.m del{background:var(--del-bg);color:var(--del);text-decoration:line-through}
.m ins{background:var(--applied-bg);color:var(--applied);text-decoration:none;font-weight:600}
.s-suggested mark{background:var(--suggested-bg);color:inherit;border-bottom:2px solid var(--suggested)}
.s-suggested .p{color:var(--suggested);font-weight:600;font-size:.85em}
.s-suggested .p::before{content:" \2192\00a0"}
.s-flagged mark{background:var(--flagged-bg);color:var(--flagged);border:1px dashed var(--flagged);border-radius:3px}
.m.aside{font-size:.85em}
.m.aside::before{content:"["}.m.aside .id::after{content:"]"}
.ws{opacity:.8}
.id{font:10px/1 system-ui,sans-serif;color:#59636e;margin-left:1px;user-select:none}
.m:focus{outline:2px solid #0969da}
.m:target{outline:3px solid #0969da}
.m:focus::after{content:attr(title);position:absolute;left:0;top:1.6em;z-index:3;width:max-content;max-width:32rem;white-space:normal;background:#1f2328;color:#fff;font:12px/1.4 system-ui,sans-serif;padding:.35rem .5rem;border-radius:4px}
.flagged table{width:100%}
.unplaced .m{margin-right:.5rem}
.hide-k-punct .m.k-punct,.hide-k-inaudible .m.k-inaudible,.hide-k-name .m.k-name,.hide-k-term .m.k-term,.hide-k-other .m.k-other,
.hide-s-applied .m.s-applied,.hide-s-suggested .m.s-suggested,.hide-s-flagged .m.s-flagged{all:unset;white-space:pre-wrap}
.hide-k-punct .m.k-punct *,.hide-k-inaudible .m.k-inaudible *,.hide-k-name .m.k-name *,.hide-k-term .m.k-term *,
.hide-s-applied .m.s-applied *,.hide-s-suggested .m.s-suggested *,.hide-s-flagged .m.s-flagged *{all:unset;white-space:pre-wrap}
.hide-k-punct .m.k-punct :is(ins,.p,.id),.hide-k-inaudible .m.k-inaudible :is(ins,.p,.id),.hide-k-name .m.k-name :is(ins,.p,.id),.hide-k-term .m.k-term :is(ins,.p,.id),
.hide-s-applied .m.s-applied :is(ins,.p,.id),.hide-s-suggested .m.s-suggested :is(ins,.p,.id),.hide-s-flagged .m.s-flagged :is(ins,.p,.id){display:none}
.hide-k-punct tr.k-punct,.hide-k-inaudible tr.k-inaudible,.hide-k-name tr.k-name,.hide-k-term tr.k-term,.hide-s-flagged tr.s-flagged{display:none}
</style>
</head>
<body>
"#;

/// Toggles `hide-…` classes on <body> from the filter checkboxes (one
/// delegated listener), and marks the page as ready for tests.
const SCRIPT: &str = r#"
(function () {
  "use strict";
  var body = document.body;
  var form = document.getElementById("filters");
  function sync(box) { body.classList.toggle("hide-" + box.name, !box.checked); }
  form.addEventListener("change", function (e) { if (e.target.name) { sync(e.target); } });
  Array.prototype.forEach.call(form.elements, function (box) { if (box.name) { sync(box); } });
  body.setAttribute("data-marks", String(document.getElementsByClassName("m").length));
  body.setAttribute("data-ready", "1");
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: usize, line: usize, column: usize, original: &str, status: &str) -> Row {
        Row {
            id,
            file: "a.txt".into(),
            line,
            column,
            end_line: line,
            end_column: column + original.chars().count(),
            time: String::new(),
            speaker: String::new(),
            rule: crate::edit::Rule::MisheardName,
            status: Status::parse(status).expect("a status"),
            original: original.into(),
            suggestion: "Fixed".into(),
            confidence: 0.9,
            context: String::new(),
            decision: String::new(),
            note: "because <b>".into(),
        }
    }

    #[test]
    fn escape_covers_the_five_characters() {
        assert_eq!(escape(r#"a&b<c>d"e'f"#), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    }

    #[test]
    fn marks_sit_in_place_with_escaped_text() {
        let text = "say <Jon> and Jon\n";
        let rows = [
            row(7, 1, 6, "Jon", "applied"),
            row(8, 1, 15, "Jon", "suggested"),
        ];
        let html = render_html(&[ReportFile {
            name: "a&.txt",
            text,
            rows: &rows,
        }]);
        assert!(html.contains("say &lt;<span class=\"m k-name s-applied\" id=\"f-7\""));
        assert!(html
            .contains("<del>Jon</del><ins>Fixed</ins><sup class=\"id\">7</sup></span>&gt; and "));
        assert!(html.contains("title=\"N002 · suggested · 0.90 · because &lt;b&gt;\""));
        assert!(html.contains("a&amp;.txt"));
    }

    #[test]
    fn a_row_that_does_not_match_the_text_is_still_shown() {
        let rows = [row(3, 1, 1, "Nope", "flagged")];
        let html = render_html(&[ReportFile {
            name: "a.txt",
            text: "Yes indeed",
            rows: &rows,
        }]);
        assert_eq!(html.matches("id=\"f-3\"").count(), 1);
        assert!(html.contains("class=\"unplaced\""));
        assert!(html.contains(">Yes indeed</div></div>"));
    }

    #[test]
    fn an_overlapping_row_is_an_aside() {
        let text = "one two three";
        let mut wide = row(1, 1, 1, "one two", "applied");
        wide.end_column = 8;
        let inner = row(2, 1, 5, "two", "suggested");
        let html = render_html(&[ReportFile {
            name: "a.txt",
            text,
            rows: &[wide, inner],
        }]);
        assert!(html.contains("class=\"m k-name s-suggested aside\" id=\"f-2\""));
        assert!(html.contains("</span> three</div></div>"));
    }
}
