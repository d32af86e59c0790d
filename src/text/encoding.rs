//! Input decoding and output encoding. Inputs arrive as UTF-8 (with or
//! without BOM), UTF-16 with a BOM, or a legacy code page (Windows-1250,
//! Windows-1251, GBK, …), which Firefox's detector (chardetng) names;
//! everything inside capclean works on the decoded `String`, and outputs go
//! back in the input's encoding (or UTF-8 when asked). Nothing is guessed
//! in silence: a detected code page is reported, an uncertain one refused
//! with its candidates, and a forced one (`--encoding`) taken as given.

use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How the input bytes were encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceEncoding {
    /// UTF-8 without a byte order mark.
    #[default]
    Utf8,
    /// UTF-8 with a byte order mark.
    Utf8Bom,
    /// UTF-16, with or without (when forced) a byte order mark.
    Utf16 {
        /// Big endian rather than little endian.
        big_endian: bool,
        /// The input started with a byte order mark.
        bom: bool,
    },
    /// A legacy code page: detected, or forced with `--encoding`.
    Legacy(&'static Encoding),
}

impl SourceEncoding {
    /// Whether the input started with a byte order mark.
    pub fn had_bom(self) -> bool {
        matches!(self, Self::Utf8Bom | Self::Utf16 { bom: true, .. })
    }

    /// Whether the bytes are UTF-8 (the text is the bytes, less a BOM).
    pub fn is_utf8(self) -> bool {
        matches!(self, Self::Utf8 | Self::Utf8Bom)
    }

    /// A short human name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 with BOM",
            Self::Utf16 {
                big_endian: false, ..
            } => "UTF-16LE",
            Self::Utf16 {
                big_endian: true, ..
            } => "UTF-16BE",
            Self::Legacy(encoding) => encoding.name(),
        }
    }
}

/// What output text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputEncoding {
    /// The input's own encoding (and BOM), so that the tools that made the
    /// file read it back as before.
    #[default]
    Input,
    /// UTF-8, with a BOM when the input had one.
    Utf8,
}

impl OutputEncoding {
    /// Parses `input` or `utf-8`.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "input" | "same" => Ok(OutputEncoding::Input),
            "utf-8" | "utf8" => Ok(OutputEncoding::Utf8),
            other => Err(format!(
                "unknown output encoding `{other}` (input or utf-8)"
            )),
        }
    }
}

/// The encoding an `--encoding NAME` names: any WHATWG label (`cp1250`,
/// `windows-1251`, `latin1`, `gbk`, `shift_jis`, `utf-16le`, …).
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label_no_replacement(label.trim().as_bytes()).ok_or_else(|| {
        format!(
            "unknown encoding `{label}` (e.g. utf-8, utf-16le, windows-1250, windows-1251, windows-1252, iso-8859-2, gbk, big5, shift_jis)"
        )
    })
}

/// Decoded input text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text without its byte order mark.
    pub text: String,
    /// What it was decoded from.
    pub encoding: SourceEncoding,
    /// Whether the encoding was detected rather than certain (a BOM, valid
    /// UTF-8) or forced: the user should hear of it.
    pub detected: bool,
    /// Control characters in the text that no caption needs (NUL, C0
    /// controls other than tab, line breaks and form feed), kept as they
    /// are.
    pub controls: usize,
    /// A code page was forced, but the text is valid UTF-8 with characters
    /// beyond ASCII: it was read as UTF-8 (the code page would garble it).
    pub utf8_over_forced: Option<&'static Encoding>,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Control bytes of binary data.
    Binary {
        /// Line of the first one.
        line: usize,
        /// How many there are.
        count: usize,
    },
    /// NUL bytes in every other position: UTF-16 that lost its BOM.
    Utf16WithoutBom {
        /// Big endian rather than little endian.
        big_endian: bool,
    },
    /// Mostly UTF-8, with bytes that are not.
    BrokenUtf8 {
        /// Line of the first bad byte.
        line: usize,
        /// 1-based offset of the first bad byte.
        byte: usize,
        /// Sequences of bytes that are not UTF-8.
        invalid: usize,
        /// Characters that are valid multi-byte UTF-8.
        valid: usize,
    },
    /// A legacy code page the detector is not sure of.
    Uncertain {
        /// The line where the candidates read differently.
        line: usize,
        /// Each candidate with what it makes of that line.
        candidates: Vec<(&'static str, String)>,
    },
    /// Bytes the encoding (forced, or named by a BOM) does not allow, or
    /// that it cannot write back as they were.
    Malformed {
        /// The encoding.
        encoding: &'static str,
        /// Line of the first bad byte.
        line: usize,
    },
    /// A BOM of an encoding capclean does not read.
    UnsupportedBom(&'static str),
    /// Not UTF-8, and the detector's best guess cannot read it either.
    Unreadable {
        /// The guess.
        guess: &'static str,
        /// Line of the first byte the guess cannot read.
        line: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { line, count } => write!(
                f,
                "binary data: {count} control byte{} (the first at line {line}); not a caption file",
                plural(*count)
            ),
            DecodeError::Utf16WithoutBom { big_endian } => write!(
                f,
                "looks like UTF-16{} without a byte order mark (a NUL byte in every other place)",
                if *big_endian { "BE" } else { "LE" }
            ),
            DecodeError::BrokenUtf8 {
                line,
                byte,
                invalid,
                valid,
            } => write!(
                f,
                "invalid UTF-8 at line {line} (byte {byte}) in text that is otherwise UTF-8 ({invalid} bad sequence{}, {valid} valid UTF-8 character{})",
                plural(*invalid),
                plural(*valid)
            ),
            DecodeError::Uncertain { line, candidates } => {
                write!(f, "not UTF-8, and the code page is uncertain: line {line} reads ")?;
                for (i, (name, sample)) in candidates.iter().enumerate() {
                    let sep = match i {
                        0 => "",
                        _ if i + 1 == candidates.len() => " or ",
                        _ => ", ",
                    };
                    write!(f, "{sep}\"{sample}\" in {name}")?;
                }
                Ok(())
            }
            DecodeError::Malformed { encoding, line } => write!(
                f,
                "not valid {encoding} at line {line} (or not written back byte for byte)"
            ),
            DecodeError::UnsupportedBom(name) => {
                write!(f, "a byte order mark of {name}, which capclean does not read")
            }
            DecodeError::Unreadable { guess, line } => write!(
                f,
                "not UTF-8, and no code page reads it: the likeliest, {guess}, fails at line {line}"
            ),
        }
    }
}

impl DecodeError {
    /// What a user can do about it, for an input file.
    pub fn remedy(&self) -> &'static str {
        match self {
            DecodeError::Binary { .. } | DecodeError::UnsupportedBom(_) => "",
            DecodeError::Utf16WithoutBom { big_endian: false } => {
                "; pass --encoding utf-16le to read it"
            }
            DecodeError::Utf16WithoutBom { big_endian: true } => {
                "; pass --encoding utf-16be to read it"
            }
            DecodeError::BrokenUtf8 { .. } => {
                "; repair the bytes, or pass --encoding NAME if the file is in a legacy code page"
            }
            DecodeError::Uncertain { .. } => "; pass --encoding NAME with the one that reads right",
            DecodeError::Malformed { .. } | DecodeError::Unreadable { .. } => {
                "; pass --encoding NAME with the file's encoding"
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Decodes `bytes`, detecting the encoding; see [`decode_with`].
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with(bytes, None)
}

/// Decodes `bytes`: a BOM decides first, then `forced`, then valid UTF-8;
/// anything else is a legacy code page, named by the detector when it is
/// sure. Text that is mostly UTF-8 with a few bad bytes is refused rather
/// than read as a code page, which would garble its correct characters.
pub fn decode_with(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let source = if encoding == UTF_8 {
            SourceEncoding::Utf8Bom
        } else if encoding == UTF_16LE || encoding == UTF_16BE {
            SourceEncoding::Utf16 {
                big_endian: encoding == UTF_16BE,
                bom: true,
            }
        } else {
            return Err(DecodeError::UnsupportedBom(encoding.name()));
        };
        return decode_as(&bytes[bom_len..], source, false);
    }
    if let Some(encoding) = forced {
        // A forced code page is for the files that are not UTF-8: in a
        // folder of mixed files, the UTF-8 ones stay UTF-8.
        let code_page = encoding != UTF_8 && encoding != UTF_16LE && encoding != UTF_16BE;
        if code_page && !bytes.is_ascii() {
            if let Ok(text) = std::str::from_utf8(bytes) {
                let mut d = decoded(text.to_owned(), SourceEncoding::Utf8, false);
                d.utf8_over_forced = Some(encoding);
                return Ok(d);
            }
        }
        let source = if encoding == UTF_8 {
            SourceEncoding::Utf8
        } else if encoding == UTF_16LE || encoding == UTF_16BE {
            SourceEncoding::Utf16 {
                big_endian: encoding == UTF_16BE,
                bom: false,
            }
        } else {
            SourceEncoding::Legacy(encoding)
        };
        return decode_as(bytes, source, false);
    }
    if let Some(big_endian) = utf16_without_bom(bytes) {
        return Err(DecodeError::Utf16WithoutBom { big_endian });
    }
    check_not_binary(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(decoded(text.to_owned(), SourceEncoding::Utf8, false)),
        Err(err) => {
            let (valid, invalid) = utf8_balance(bytes);
            // Code-page text forms a valid multi-byte sequence only by
            // chance, and far more invalid ones; damaged UTF-8 is the other
            // way round.
            if valid >= invalid {
                let bad = err.valid_up_to();
                return Err(DecodeError::BrokenUtf8 {
                    line: line_of(bytes, bad),
                    byte: bad + 1,
                    invalid,
                    valid,
                });
            }
            let encoding = detect_legacy(bytes)?;
            decode_as(bytes, SourceEncoding::Legacy(encoding), true)
        }
    }
}

fn decoded(text: String, encoding: SourceEncoding, detected: bool) -> Decoded {
    let controls = text.bytes().filter(|&b| is_stray_control(b)).count();
    Decoded {
        text,
        encoding,
        detected,
        controls,
        utf8_over_forced: None,
    }
}

/// A control byte no caption text needs.
pub(crate) fn is_stray_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1B)
}

/// Decodes `bytes` (without BOM) as `source`, refusing bytes it does not
/// allow, and a legacy text that would not be written back byte for byte.
fn decode_as(bytes: &[u8], source: SourceEncoding, detected: bool) -> Result<Decoded, DecodeError> {
    let encoding = match source {
        SourceEncoding::Utf8 | SourceEncoding::Utf8Bom => UTF_8,
        SourceEncoding::Utf16 {
            big_endian: false, ..
        } => UTF_16LE,
        SourceEncoding::Utf16 {
            big_endian: true, ..
        } => UTF_16BE,
        SourceEncoding::Legacy(e) => e,
    };
    let malformed = |line| DecodeError::Malformed {
        encoding: encoding.name(),
        line,
    };
    if encoding == UTF_8 {
        return match std::str::from_utf8(bytes) {
            Ok(text) => Ok(decoded(text.to_owned(), source, detected)),
            Err(e) => {
                let (valid, invalid) = utf8_balance(bytes);
                let bad = e.valid_up_to();
                Err(DecodeError::BrokenUtf8 {
                    line: line_of(bytes, bad),
                    byte: bad + 1,
                    invalid,
                    valid,
                })
            }
        };
    }
    let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
        return Err(malformed(first_undecodable_line(encoding, bytes)));
    };
    let text = text.into_owned();
    if let SourceEncoding::Legacy(_) = source {
        // The output is the text encoded again: it must give these bytes.
        match encode_legacy(&text, encoding) {
            Ok(again) if again == bytes => {}
            _ => return Err(malformed(first_difference_line(&text, encoding, bytes))),
        }
    }
    Ok(decoded(text, source, detected))
}

/// The line of the first byte `encoding` does not decode.
fn first_undecodable_line(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, _) => {
            line_of(bytes, read.saturating_sub(usize::from(bad)))
        }
        _ => line_of(bytes, read),
    }
}

/// The line where `text` encoded again first differs from `bytes`.
fn first_difference_line(text: &str, encoding: &'static Encoding, bytes: &[u8]) -> usize {
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if encode_legacy(line, encoding).is_err() {
            return i + 1;
        }
    }
    line_of(bytes, bytes.len())
}

/// `Some(big_endian)` when NUL bytes stand in every other place, as in
/// UTF-16 text of mostly Latin letters.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let (mut even, mut odd) = (0, 0);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 10 >= pairs * 4 && even * 10 < pairs {
        Some(false)
    } else if even * 10 >= pairs * 4 && odd * 10 < pairs {
        Some(true)
    } else {
        None
    }
}

/// Refuses binary data: more than a few control bytes that no text holds
/// (NUL, and C0 controls other than tab, line feeds, form feed and escape).
/// A stray NUL in a subtitle is kept and reported instead.
fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let count = bytes.iter().filter(|&&b| is_stray_control(b)).count();
    // More than 5% of the bytes (random data has 11%), and more than a stray few (a quarter of a
    // very short file).
    if count * 20 > bytes.len() && (count > 8 || count * 4 > bytes.len()) {
        let first = bytes.iter().position(|&b| is_stray_control(b)).unwrap_or(0);
        return Err(DecodeError::Binary {
            line: line_of(bytes, first),
            count,
        });
    }
    Ok(())
}

/// Valid multi-byte UTF-8 characters, and sequences that are not UTF-8.
fn utf8_balance(bytes: &[u8]) -> (usize, usize) {
    let mut valid = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (valid, invalid)
}

/// The detector's code page for `bytes`, if it is sure. It is asked about
/// the whole text and about each half of its non-ASCII lines: when a half
/// reads differently from the whole, the evidence is too thin to trust
/// (a few words), and the candidates are shown instead.
fn detect_legacy(bytes: &[u8]) -> Result<&'static Encoding, DecodeError> {
    let guess = |b: &[u8]| {
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(b, true);
        detector.guess(None, Utf8Detection::Deny)
    };
    let whole = guess(bytes);
    let mut non_ascii = Vec::new();
    for line in bytes.split(|&b| b == b'\n') {
        if !line.is_ascii() {
            non_ascii.extend_from_slice(line);
            non_ascii.push(b'\n');
        }
    }
    // Cut at a space or line break: never inside a double-byte character,
    // whose second byte may be ASCII in GBK, Big5 or Shift_JIS.
    let middle = non_ascii.len() / 2;
    let cut = (0..non_ascii.len())
        .map(|k| {
            if k % 2 == 0 {
                middle + k / 2
            } else {
                middle.saturating_sub(k / 2 + 1)
            }
        })
        .filter(|&i| i < non_ascii.len())
        .find(|&i| matches!(non_ascii[i], b' ' | b'\n'))
        .unwrap_or(0);
    let (first, second) = non_ascii.split_at(cut);
    let mut candidates: Vec<&'static Encoding> = vec![whole];
    for half in [first, second] {
        let e = guess(half);
        if !candidates.contains(&e) {
            candidates.push(e);
        }
    }
    // Only candidates that can read every byte count.
    let texts: Vec<(&'static Encoding, String)> = candidates
        .iter()
        .filter_map(|&e| {
            e.decode_without_bom_handling_and_without_replacement(bytes)
                .map(|t| (e, t.into_owned()))
        })
        .collect();
    if let Some((first, text)) = texts.first() {
        if texts.iter().all(|(_, t)| t == text) {
            return Ok(*first);
        }
    }
    // No candidate reads every byte: no code page the detector knows.
    if texts.is_empty() {
        return Err(DecodeError::Unreadable {
            guess: whole.name(),
            line: first_undecodable_line(whole, bytes),
        });
    }
    // The first line the candidates read differently, as each reads it.
    let lines: Vec<Vec<&str>> = texts.iter().map(|(_, t)| t.lines().collect()).collect();
    let at = (0..lines.first().map_or(0, Vec::len))
        .find(|&i| lines.iter().any(|l| l.get(i) != lines[0].get(i)))
        .unwrap_or(0);
    // Where on that line they first differ: the sample shows it.
    let first_texts: Vec<&str> = lines
        .iter()
        .map(|l| l.get(at).copied().unwrap_or(""))
        .collect();
    let differ_at = first_texts
        .iter()
        .skip(1)
        .fold(first_texts[0].len(), |n, other| {
            let first_difference = first_texts[0]
                .char_indices()
                .zip(other.chars())
                .find(|((_, a), b)| a != b)
                .map_or(other.len(), |((i, _), _)| i);
            n.min(first_difference)
        });
    let sample = |line: &str| -> String {
        // A window of the line from a few characters before the difference.
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let at = chars
            .iter()
            .position(|(i, _)| *i >= differ_at.min(line.len()))
            .unwrap_or(0);
        let from = at.saturating_sub(12);
        let window: String = chars[from..].iter().take(40).map(|(_, c)| *c).collect();
        let lead = if from > 0 { "…" } else { "" };
        let tail = if from + 40 < chars.len() { "…" } else { "" };
        format!("{lead}{}{tail}", window.trim())
    };
    let mut shown: Vec<(&'static str, String)> = Vec::new();
    for ((e, _), l) in texts.iter().zip(&lines) {
        let s = sample(l.get(at).copied().unwrap_or(""));
        if !shown.iter().any(|(_, t)| *t == s) {
            shown.push((e.name(), s));
        }
    }
    Err(DecodeError::Uncertain {
        line: at + 1,
        candidates: shown,
    })
}

fn line_of(bytes: &[u8], pos: usize) -> usize {
    memchr::memchr_iter(b'\n', &bytes[..pos.min(bytes.len())]).count() + 1
}

/// A character the output encoding cannot hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError {
    /// The encoding.
    pub encoding: &'static str,
    /// The character.
    pub character: char,
    /// Its 1-based line in the output.
    pub line: usize,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the output would hold \"{}\" (U+{:04X}) at line {}, which {} cannot hold; nothing written for this file: pass --output-encoding utf-8, or leave the rule that wrote it out",
            self.character, self.character as u32, self.line, self.encoding
        )
    }
}

/// Encodes output text for writing: in the input's encoding (and with its
/// BOM), or as UTF-8 when `to` says so.
pub fn encode(
    text: &str,
    source: SourceEncoding,
    to: OutputEncoding,
) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if to == OutputEncoding::Utf8 || source.is_utf8() {
        if source.had_bom() {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        out.extend_from_slice(text.as_bytes());
        return Ok(out);
    }
    match source {
        SourceEncoding::Utf16 { big_endian, bom } => {
            out.reserve(text.len());
            let bom_unit = bom.then_some(0xFEFF_u16);
            for unit in bom_unit.into_iter().chain(text.encode_utf16()) {
                let pair = if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                };
                out.extend_from_slice(&pair);
            }
            Ok(out)
        }
        SourceEncoding::Legacy(encoding) => encode_legacy(text, encoding),
        SourceEncoding::Utf8 | SourceEncoding::Utf8Bom => Ok(out),
    }
}

/// `text` in a legacy code page, or the first character it cannot hold.
fn encode_legacy(text: &str, encoding: &'static Encoding) -> Result<Vec<u8>, EncodeError> {
    let mut encoder = encoding.new_encoder();
    let mut out = Vec::with_capacity(
        encoder
            .max_buffer_length_from_utf8_without_replacement(text.len())
            .unwrap_or(text.len() * 2),
    );
    let (result, read) = encoder.encode_from_utf8_to_vec_without_replacement(text, &mut out, true);
    match result {
        encoding_rs::EncoderResult::Unmappable(character) => Err(EncodeError {
            encoding: encoding.name(),
            character,
            line: line_of(text.as_bytes(), read),
        }),
        _ => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{GBK, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252};

    fn round_trip(bytes: &[u8]) -> Decoded {
        let d = decode(bytes).unwrap();
        assert_eq!(
            encode(&d.text, d.encoding, OutputEncoding::Input).unwrap(),
            bytes,
            "{}",
            d.encoding.name()
        );
        d
    }

    #[test]
    fn plain_utf8_round_trips() {
        let d = round_trip("Julián\r\n".as_bytes());
        assert_eq!(d.text, "Julián\r\n");
        assert_eq!(d.encoding, SourceEncoding::Utf8);
        assert!(!d.detected);
    }

    #[test]
    fn utf8_bom_is_kept_on_output() {
        let d = round_trip(b"\xEF\xBB\xBFhello");
        assert_eq!(d.text, "hello");
    }

    #[test]
    fn utf16_with_bom_is_written_back_as_utf16() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Gatto é\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = round_trip(&bytes);
        assert_eq!(d.text, "Gatto é\r\n");
        assert_eq!(
            encode(&d.text, d.encoding, OutputEncoding::Utf8).unwrap(),
            "\u{feff}Gatto é\r\n".as_bytes()
        );
    }

    /// Subtitle lines in a language, several of them, as a file would hold.
    fn lines(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let mut s = String::new();
        for (i, line) in text.split('|').enumerate() {
            s.push_str(&format!(
                "{}\r\n00:00:0{i},000 --> 00:00:0{i},900\r\n{line}\r\n\r\n",
                i + 1
            ));
        }
        encoding.encode(&s).0.into_owned()
    }

    #[test]
    fn legacy_code_pages_are_detected_and_written_back() {
        let serbian = "Đino, dođavola, gde si bio celu noć?|Čekao sam te ispred škole, ali nisi došao.|Žao mi je, morao sam da pomognem ocu.|Šta ćemo sada? Đurđa kaže da je kasno za večeru.";
        let russian = "Добрый вечер, уважаемые коллеги.|Сегодня мы обсудим вопросы цифрового сотрудничества.|Слово предоставляется председателю.";
        let french = "Bonjour à tous, et merci d'être venus.|Nous allons parler de la coopération numérique.|La séance est ouverte, madame la présidente.";
        let chinese = "大家好，欢迎参加今天的会议。|我们将讨论互联网治理的问题。|请各位代表发言。";
        for (text, encoding) in [
            (serbian, WINDOWS_1250),
            (russian, WINDOWS_1251),
            (french, WINDOWS_1252),
            (chinese, GBK),
        ] {
            let bytes = lines(text, encoding);
            let d = round_trip(&bytes);
            assert_eq!(d.encoding, SourceEncoding::Legacy(encoding));
            assert!(d.detected);
            assert!(d.text.contains(text.split('|').next().unwrap()));
        }
    }

    #[test]
    fn an_uncertain_code_page_is_refused_with_its_candidates() {
        let err = decode(&WINDOWS_1250.encode("Đino, dođavola!").0).unwrap_err();
        let DecodeError::Uncertain { line, candidates } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(*line, 1);
        assert!(candidates.len() >= 2, "{candidates:?}");
        assert!(err.to_string().contains("uncertain"), "{err}");
        assert!(err.remedy().contains("--encoding"));
        // Forced, it reads.
        let d = decode_with(
            &WINDOWS_1250.encode("Đino, dođavola!").0,
            Some(WINDOWS_1250),
        )
        .unwrap();
        assert_eq!(d.text, "Đino, dođavola!");
        // Forced on a folder of mixed files, a code page leaves UTF-8 alone.
        let d = decode_with("Đino, dođavola!".as_bytes(), Some(WINDOWS_1250)).unwrap();
        assert_eq!(d.text, "Đino, dođavola!");
        assert_eq!(d.encoding, SourceEncoding::Utf8);
        assert_eq!(d.utf8_over_forced, Some(WINDOWS_1250));
        assert!(!d.detected);
    }

    #[test]
    fn bytes_no_code_page_reads_are_refused_without_a_panic() {
        // Found by fuzzing: the detector's guess (Shift_JIS) could not read
        // the bytes, and no candidate was left to show.
        let bytes = include_bytes!("../../fuzz/seeds/cart/regression-no-candidate-decodes");
        let err = decode(bytes).unwrap_err();
        assert!(matches!(err, DecodeError::Unreadable { .. }), "{err:?}");
        assert!(err.to_string().contains("no code page reads it"), "{err}");
    }

    #[test]
    fn utf16_without_bom_is_named_as_such() {
        let mut bytes = Vec::new();
        for unit in "1\n00:00:01,000 --> 00:00:02,000\nhello\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err, DecodeError::Utf16WithoutBom { big_endian: false });
        assert!(err.remedy().contains("utf-16le"));
        let d = decode_with(&bytes, Some(UTF_16LE)).unwrap();
        assert!(d.text.starts_with("1\n00:00:01"));
        assert_eq!(
            encode(&d.text, d.encoding, OutputEncoding::Input).unwrap(),
            bytes
        );
    }

    #[test]
    fn a_few_nul_bytes_are_kept_and_counted_binary_is_refused() {
        let d = round_trip(b"WEBVTT\n\x00\n00:01.000 --> 00:02.000\ntext\x00\n");
        assert_eq!(d.controls, 2);
        let binary: Vec<u8> = (0..400u32).map(|i| (i % 7) as u8).collect();
        let err = decode(&binary).unwrap_err();
        assert!(matches!(err, DecodeError::Binary { .. }), "{err:?}");
    }

    #[test]
    fn mostly_utf8_with_bad_bytes_is_refused_with_line() {
        let err =
            decode(b"\xc3\xa9 ok \xc3\xa7a \xc3\xa8s \xc3\xa0 \xc3\xa9\nbad \xff").unwrap_err();
        assert!(
            matches!(err, DecodeError::BrokenUtf8 { line: 2, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn a_character_the_code_page_lacks_fails_with_its_name() {
        let err = encode(
            "Łukasz\n",
            SourceEncoding::Legacy(WINDOWS_1252),
            OutputEncoding::Input,
        )
        .unwrap_err();
        assert_eq!(err.character, 'Ł');
        assert_eq!(err.line, 1);
        assert!(err.to_string().contains("--output-encoding utf-8"), "{err}");
        assert_eq!(
            encode(
                "Łukasz\n",
                SourceEncoding::Legacy(WINDOWS_1252),
                OutputEncoding::Utf8
            )
            .unwrap(),
            "Łukasz\n".as_bytes()
        );
    }
}
