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

/// A span of the text that rules may check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte span in the decoded text; never contains a line break.
    pub range: Range<usize>,
    /// Body text or speaker label.
    pub role: Role,
    /// Byte span of the current speaker's name, where known.
    pub speaker: Option<Range<usize>>,
    /// Byte span of the cue's start time (srt/vtt).
    pub time: Option<Range<usize>>,
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
    /// Where the text's first turn (or voice tag) begins; the segments
    /// before it without a speaker of their own are the carried speaker's.
    first_turn: usize,
    /// The speaker at the text's end, for the part after it.
    speaker_at_end: Option<String>,
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

/// The speaker as a reader goes through a text.
#[derive(Debug, Default)]
pub(crate) struct SpeakerState {
    /// The current speaker's label.
    pub current: Option<Range<usize>>,
    /// Where the speaker first changed.
    pub first_change: Option<usize>,
}

impl SpeakerState {
    /// A turn or voice tag at `at` makes `speaker` the current one.
    pub fn change(&mut self, at: usize, speaker: Option<Range<usize>>) {
        self.first_change.get_or_insert(at);
        self.current = speaker;
    }
}

impl Document {
    /// Splits `text` into segments according to `format`.
    pub fn parse(text: String, format: Format) -> Document {
        Document::parse_part(text, format, Carried::default())
    }

    /// Splits one part of a larger input, which `carried` says how the
    /// parts before it ended.
    pub fn parse_part(text: String, format: Format, carried: Carried) -> Document {
        let mut speakers = SpeakerState::default();
        let segments = match format {
            Format::Cart => cart::segments(&text, &mut speakers),
            Format::Srt => srt::segments(&text, &mut speakers),
            Format::Vtt => vtt::segments(&text, !carried.continued, &mut speakers),
        };
        let first_turn = speakers.first_change.unwrap_or(text.len());
        let speaker_at_end = match (&speakers.current, speakers.first_change) {
            (Some(label), _) => Some(text[label.clone()].to_owned()),
            (None, Some(_)) => None,
            (None, None) => carried.speaker.clone(),
        };
        Document {
            text,
            format,
            segments,
            carried,
            first_turn,
            speaker_at_end,
        }
    }

    /// What the part after this one takes over.
    pub fn carry_over(&self) -> Carried {
        Carried {
            continued: true,
            speaker: self.speaker_at_end.clone(),
        }
    }

    /// The text of a segment.
    pub fn segment_text(&self, segment: &Segment) -> &str {
        &self.text[segment.range.clone()]
    }

    /// The speaker of a segment, where known: its own, or the one carried
    /// from an earlier part into the turn the text begins in.
    pub fn speaker(&self, segment: &Segment) -> Option<&str> {
        match &segment.speaker {
            Some(r) => Some(&self.text[r.clone()]),
            None if segment.range.start < self.first_turn => self.carried.speaker.as_deref(),
            None => None,
        }
    }

    /// The cue start time of a segment (srt/vtt).
    pub fn time(&self, segment: &Segment) -> Option<&str> {
        segment.time.clone().map(|r| &self.text[r])
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
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let (end, next) = match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => (start + i, start + i + 1),
            None => (bytes.len(), bytes.len()),
        };
        let content_end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        let span = start..content_end;
        start = next;
        Some(span)
    })
}

/// Pushes body segments for the parts of `range` outside markup tags
/// (`<i>`, `<v Name>`, `{\an8}`, `&amp;`), and returns the span of a
/// `<v Name>` voice name if the line has one.
pub(crate) fn push_tagged_line(
    text: &str,
    range: Range<usize>,
    speaker: &Option<Range<usize>>,
    time: &Option<Range<usize>>,
    out: &mut Vec<Segment>,
) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut voice = None;
    let mut piece_start = range.start;
    let mut i = range.start;
    let push = |from: usize, to: usize, speaker: &Option<Range<usize>>, out: &mut Vec<Segment>| {
        if to > from {
            out.push(Segment {
                range: from..to,
                role: Role::Body,
                speaker: speaker.clone(),
                time: time.clone(),
            });
        }
    };
    let mut current_speaker = speaker.clone();
    while i < range.end {
        let close = match bytes[i] {
            b'<' => Some(b'>'),
            b'{' => Some(b'}'),
            b'&' => Some(b';'),
            _ => None,
        };
        if let Some(close) = close {
            let limit = (i + 64).min(range.end);
            if let Some(len) = bytes[i + 1..limit].iter().position(|&b| b == close) {
                let tag_end = i + 1 + len + 1;
                let inner = &text[i + 1..tag_end - 1];
                let is_tag = match bytes[i] {
                    b'&' => {
                        !inner.is_empty()
                            && inner
                                .bytes()
                                .all(|b| b.is_ascii_alphanumeric() || b == b'#')
                    }
                    _ => true,
                };
                if is_tag {
                    push(piece_start, i, &current_speaker, out);
                    if bytes[i] == b'<' && (inner.starts_with("v ") || inner.starts_with("v.")) {
                        if let Some(space) = inner.find(' ') {
                            let name_start = i + 1 + space + 1;
                            let name = &text[name_start..tag_end - 1];
                            let trimmed = name.trim();
                            if !trimmed.is_empty() {
                                let lead = name.len() - name.trim_start().len();
                                let r = name_start + lead..name_start + lead + trimmed.len();
                                voice = Some(r.clone());
                                current_speaker = Some(r);
                            }
                        }
                    }
                    piece_start = tag_end;
                    i = tag_end;
                    continue;
                }
            }
        }
        i += 1;
    }
    push(piece_start, range.end, &current_speaker, out);
    voice
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
        let voice = push_tagged_line(text, 0..text.len(), &None, &None, &mut out);
        assert_eq!(&text[voice.unwrap()], "Ana Silva");
        let pieces: Vec<_> = out.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(pieces, vec!["Hello ", "there", " ", " more"]);
        assert_eq!(&text[out[0].speaker.clone().unwrap()], "Ana Silva");
    }
}
