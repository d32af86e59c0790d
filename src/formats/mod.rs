//! Formats parse, rules check. A format reader splits the decoded text into
//! [`Segment`]s: the spans rules may look at (cue text, paragraph text,
//! speaker labels), each knowing its speaker or cue time. Everything else
//! (cue numbers, timings, settings, tags, NOTE blocks) is not a segment and
//! therefore passes through untouched.

mod cart;
mod srt;
pub mod turn;
mod vtt;

use std::ops::Range;
use std::path::Path;

use crate::text::Language;

/// A supported input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain real-time captioning text with `>> NAME:` turns.
    Cart,
    /// SubRip subtitles.
    Srt,
    /// WebVTT subtitles.
    Vtt,
}

impl Format {
    /// The format an extension implies, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Cart),
            "srt" => Some(Format::Srt),
            "vtt" => Some(Format::Vtt),
            _ => None,
        }
    }

    /// Guesses the format from the text itself.
    pub fn sniff(text: &str) -> Format {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let first = lines.next().unwrap_or("");
        if first.starts_with("WEBVTT") {
            return Format::Vtt;
        }
        let second = lines.next().unwrap_or("");
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if (digits(first) && srt::is_timing(second)) || srt::is_timing(first) {
            return Format::Srt;
        }
        Format::Cart
    }

    /// Parses `auto|cart|srt|vtt`; `auto` is `None`.
    pub fn parse_option(s: &str) -> Result<Option<Format>, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(None),
            "cart" | "txt" => Ok(Some(Format::Cart)),
            "srt" => Ok(Some(Format::Srt)),
            "vtt" | "webvtt" => Ok(Some(Format::Vtt)),
            other => Err(format!("unknown format `{other}` (auto, cart, srt or vtt)")),
        }
    }

    /// Lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Cart => "cart",
            Format::Srt => "srt",
            Format::Vtt => "vtt",
        }
    }
}

/// What a segment holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Spoken text.
    Body,
    /// The name in a speaker label such as `>> LYNN ST. CLAIR:`.
    SpeakerLabel,
}

/// A span of the text that rules may check. Its speaker and cue time are
/// the document's to say ([`Document::speaker`], [`Document::time`]): they
/// hold for runs of segments, so segments stay small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte span in the decoded text; never contains a line break.
    pub range: Range<usize>,
    /// Body text or speaker label.
    pub role: Role,
}

/// A parsed input, or one part of a larger input.
#[derive(Debug, Clone)]
pub struct Document {
    /// The decoded text, exactly as read (without BOM).
    pub text: String,
    /// Its format.
    pub format: Format,
    /// The checkable spans, in text order.
    pub segments: Vec<Segment>,
    /// What this part takes over from the parts before it.
    pub carried: Carried,
    /// The input's language, which the engine tells (undetermined until
    /// it does): English-only rules look at it.
    pub language: Language,
    runs: Runs,
}

/// What one part of a larger input takes over from the parts before it,
/// so that it reads as it would inside the whole input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Carried {
    /// Whether parts came before it (only the first opens with the WebVTT
    /// header).
    pub continued: bool,
    /// The speaker of the turn the part begins in.
    pub speaker: Option<String>,
}

/// Who speaks from some point of the text on.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Speaker {
    /// The one whose label is at this span.
    Label(Range<usize>),
    /// The one carried from an earlier part.
    Carried,
    /// Nobody known (a turn without a label).
    Unknown,
}

/// What holds for runs of segments, as change points in text order: from
/// each offset on (up to the next change), segments have that speaker or
/// belong to the cue with that start time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Runs {
    speakers: Vec<(usize, Speaker)>,
    times: Vec<(usize, Range<usize>)>,
}

impl Runs {
    /// A turn or voice tag at `at` makes the label at `label` (or nobody)
    /// the speaker.
    pub fn speaker_from(&mut self, at: usize, label: Option<Range<usize>>) {
        self.speakers
            .push((at, label.map_or(Speaker::Unknown, Speaker::Label)));
    }

    /// The speaker in force at `at`, to restore it after a change that
    /// holds for one line only.
    fn speaker_at(&self, at: usize) -> Option<Speaker> {
        last_at(&self.speakers, at).cloned()
    }

    /// From `at` on, segments are in the cue starting at `time`.
    pub fn cue_from(&mut self, at: usize, time: Range<usize>) {
        self.times.push((at, time));
    }
}

/// The value of the last change point at or before `at`.
fn last_at<T>(changes: &[(usize, T)], at: usize) -> Option<&T> {
    let i = changes.partition_point(|(from, _)| *from <= at);
    i.checked_sub(1).map(|i| &changes[i].1)
}

impl Document {
    /// Splits `text` into segments according to `format`.
    pub fn parse(text: String, format: Format) -> Document {
        Document::parse_part(text, format, Carried::default())
    }

    /// Splits one part of a larger input, which `carried` says how the
    /// parts before it ended.
    pub fn parse_part(text: String, format: Format, carried: Carried) -> Document {
        let mut runs = Runs::default();
        if carried.speaker.is_some() {
            runs.speakers.push((0, Speaker::Carried));
        }
        let mut segments = match format {
            Format::Cart => cart::segments(&text, &mut runs),
            Format::Srt => srt::segments(&text, &mut runs),
            Format::Vtt => vtt::segments(&text, !carried.continued, &mut runs),
        };
        // Held while the document is checked: no room to grow is kept.
        segments.shrink_to_fit();
        runs.speakers.shrink_to_fit();
        runs.times.shrink_to_fit();
        Document {
            text,
            format,
            segments,
            carried,
            language: Language::default(),
            runs,
        }
    }

    /// What the part after this one takes over.
    pub fn carry_over(&self) -> Carried {
        let speaker = self
            .runs
            .speakers
            .last()
            .and_then(|(_, who)| self.name_of(who));
        Carried {
            continued: true,
            speaker: speaker.map(str::to_owned),
        }
    }

    fn name_of(&self, speaker: &Speaker) -> Option<&str> {
        match speaker {
            Speaker::Label(r) => Some(&self.text[r.clone()]),
            Speaker::Carried => self.carried.speaker.as_deref(),
            Speaker::Unknown => None,
        }
    }

    /// The text of a segment.
    pub fn segment_text(&self, segment: &Segment) -> &str {
        &self.text[segment.range.clone()]
    }

    /// The speaker of a segment, where known: named in this text, or
    /// carried from an earlier part into the turn the text begins in.
    pub fn speaker(&self, segment: &Segment) -> Option<&str> {
        last_at(&self.runs.speakers, segment.range.start).and_then(|who| self.name_of(who))
    }

    /// The span of a segment's speaker label in this text, where there is one.
    pub fn speaker_span(&self, segment: &Segment) -> Option<Range<usize>> {
        match last_at(&self.runs.speakers, segment.range.start)? {
            Speaker::Label(r) => Some(r.clone()),
            _ => None,
        }
    }

    /// The cue start time of a segment (srt/vtt).
    pub fn time(&self, segment: &Segment) -> Option<&str> {
        self.time_span(segment).map(|r| &self.text[r])
    }

    /// The span of a segment's cue start time (srt/vtt).
    pub fn time_span(&self, segment: &Segment) -> Option<Range<usize>> {
        last_at(&self.runs.times, segment.range.start).cloned()
    }

    /// The segment containing byte `offset`, if any.
    pub fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.range.end < offset);
        self.segments[i..]
            .iter()
            .take_while(|s| s.range.start <= offset)
            .find(|s| s.range.start <= offset && offset <= s.range.end)
    }
}

/// The lines of `text` as byte spans without their terminators (`\n` or `\r\n`).
pub(crate) fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        let (line, next) = line_at(text, start)?;
        start = next;
        Some(line)
    })
}

/// The line starting at byte `start` (without its terminator) and where
/// the next one starts; `None` at the end of the text.
pub(crate) fn line_at(text: &str, start: usize) -> Option<(Range<usize>, usize)> {
    let bytes = text.as_bytes();
    if start >= bytes.len() {
        return None;
    }
    let (end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
        Some(i) => (start + i, start + i + 1),
        None => (bytes.len(), bytes.len()),
    };
    let content_end = if end > start && bytes[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    Some((start..content_end, next))
}

/// Pushes body segments for the parts of `range` outside markup tags
/// (`<i>`, `<v Name>`, `{\an8}`, `&amp;`); a `<v Name>` voice tag makes
/// its name the speaker from there on. Returns whether the line had one.
pub(crate) fn push_tagged_line(
    text: &str,
    range: Range<usize>,
    markup: Markup,
    runs: &mut Runs,
    out: &mut Vec<Segment>,
) -> bool {
    let bytes = text.as_bytes();
    let mut voiced = false;
    let mut piece_start = range.start;
    let mut i = range.start;
    let push = |from: usize, to: usize, out: &mut Vec<Segment>| {
        if to > from {
            out.push(Segment {
                range: from..to,
                role: Role::Body,
            });
        }
    };
    while i < range.end {
        let Some(tag_end) = tag_at(bytes, i, range.end, markup) else {
            i += 1;
            continue;
        };
        push(piece_start, i, out);
        if bytes[i] == b'<' {
            let closed = bytes[tag_end - 1] == b'>';
            let inner = &text[i + 1..tag_end - usize::from(closed)];
            if inner.starts_with("v ") || inner.starts_with("v.") {
                if let Some(space) = inner.find(' ') {
                    let name_start = i + 1 + space + 1;
                    let name = &inner[space + 1..];
                    let trimmed = name.trim();
                    if !trimmed.is_empty() {
                        let lead = name.len() - name.trim_start().len();
                        let r = name_start + lead..name_start + lead + trimmed.len();
                        runs.speaker_from(i, Some(r));
                        voiced = true;
                    }
                }
            }
        }
        piece_start = tag_end;
        i = tag_end;
    }
    push(piece_start, range.end, out);
    voiced
}

/// How a subtitle format marks up its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    /// WebVTT: `<` always opens a tag.
    WebVtt,
    /// SubRip: HTML-like tags, but a bare `<` may be text (`x < 5`).
    SubRip,
}

/// Where the markup starting at byte `i` ends (exclusive), if a tag starts
/// there. In WebVTT any `<…>`; in SubRip `<…>` whose first character after `<` (and any spaces) is a
/// letter, `/`, `!` or `?`, or a digit right after `<` — its end is the next `>`, or the end of
/// the line for a tag left open; `{\…}` and other short `{…}`; and
/// entities such as `&amp;` or `&#8212;`. A `<` before a space and a
/// figure (`x < 5`) is text.
fn tag_at(bytes: &[u8], i: usize, end: usize, markup: Markup) -> Option<usize> {
    let rest = &bytes[i..end];
    match rest.first()? {
        // WebVTT: every `<` opens a tag (text writes `&lt;`).
        b'<' if markup == Markup::WebVtt => Some(match memchr::memchr(b'>', rest) {
            Some(close) => i + close + 1,
            None => end,
        }),
        b'<' => {
            let after_spaces = rest[1..].iter().position(|&b| b != b' ')? + 1;
            let first = rest[after_spaces];
            // Timestamp tags (`<00:00:01.500>`) start with a digit at once.
            let digit = first.is_ascii_digit() && after_spaces == 1;
            if !(digit || first.is_ascii_alphabetic() || matches!(first, b'/' | b'!' | b'?')) {
                return None;
            }
            Some(match memchr::memchr(b'>', rest) {
                Some(close) => i + close + 1,
                None => end,
            })
        }
        b'{' => {
            let close = memchr::memchr(b'}', rest)?;
            // `{\an8}`, `{\i1}` of any length; other braces only short.
            (rest.get(1) == Some(&b'\\') || close < 64).then_some(i + close + 1)
        }
        b'&' => {
            let close = memchr::memchr(b';', &rest[..rest.len().min(32)])?;
            let name = &rest[1..close];
            (!name.is_empty() && name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'#'))
                .then_some(i + close + 1)
        }
        _ => None,
    }
}

/// [`push_tagged_line`] for a format where a voice tag holds for the rest
/// of its line only (SubRip).
pub(crate) fn push_tagged_line_once(
    text: &str,
    range: Range<usize>,
    runs: &mut Runs,
    out: &mut Vec<Segment>,
) {
    let before = runs.speaker_at(range.start);
    if push_tagged_line(text, range.clone(), Markup::SubRip, runs, out) {
        runs.speakers
            .push((range.end, before.unwrap_or(Speaker::Unknown)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_spans_strip_crlf_and_lf() {
        let text = "a\r\nbb\n\nc";
        let spans: Vec<_> = line_spans(text).map(|r| &text[r]).collect();
        assert_eq!(spans, vec!["a", "bb", "", "c"]);
    }

    #[test]
    fn sniffing() {
        assert_eq!(
            Format::sniff("WEBVTT\n\n00:01.000 --> 00:02.000\nhi"),
            Format::Vtt
        );
        assert_eq!(
            Format::sniff("1\n00:00:01,000 --> 00:00:02,000\nhi"),
            Format::Srt
        );
        assert_eq!(Format::sniff(">> LYNN: hello"), Format::Cart);
        assert_eq!(Format::sniff(""), Format::Cart);
    }

    #[test]
    fn tags_are_not_segments() {
        let text = "<v Ana Silva>Hello <i>there</i> &amp; more";
        let mut out = Vec::new();
        let mut runs = Runs::default();
        assert!(push_tagged_line(
            text,
            0..text.len(),
            Markup::WebVtt,
            &mut runs,
            &mut out
        ));
        let pieces: Vec<_> = out.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(pieces, vec!["Hello ", "there", " ", " more"]);
        let doc = Document {
            text: text.to_owned(),
            format: Format::Vtt,
            segments: out,
            carried: Carried::default(),
            language: Language::default(),
            runs,
        };
        assert_eq!(doc.speaker(&doc.segments[0]), Some("Ana Silva"));
    }

    fn pieces_in(text: &str, markup: Markup) -> Vec<&str> {
        let mut out = Vec::new();
        push_tagged_line(text, 0..text.len(), markup, &mut Runs::default(), &mut out);
        out.iter().map(|s| &text[s.range.clone()]).collect()
    }

    fn pieces(text: &str) -> Vec<&str> {
        pieces_in(text, Markup::SubRip)
    }

    #[test]
    fn malformed_long_and_open_tags_are_never_text() {
        // A space after `<`, a tag longer than 64 bytes, a tag left open.
        assert_eq!(pieces("< i>one  two< /i> end"), vec!["one  two", " end"]);
        let long = format!("a <font color=\"{}\">b</font>", "x".repeat(80));
        assert_eq!(pieces(&long), vec!["a ", "b"]);
        assert_eq!(pieces("said <i open  tag"), vec!["said "]);
        assert_eq!(
            pieces("{\\an8}{\\fs20\\c&H00FFFF&\\bord2\\shad0\\blur3\\fnArial Narrow Bold}top"),
            vec!["top"]
        );
        // A `<` before a space and a figure is a comparison.
        assert_eq!(pieces("x < 5 and y > 3"), vec!["x < 5 and y > 3"]);
        // In WebVTT a bare `<` opens a tag all the same (the text writes
        // `&lt;`): the space or tab after it is the tag's.
        assert_eq!(pieces_in("a <\t", Markup::WebVtt), vec!["a "]);
        assert_eq!(pieces_in("< ", Markup::WebVtt), Vec::<&str>::new());
        assert_eq!(
            pieces("fish &amp; chips & more;"),
            vec!["fish ", " chips & more;"]
        );
    }
}
