//! Input decoding. Inputs arrive as UTF-8 (with or without BOM), UTF-16 with
//! a BOM, or a legacy single-byte encoding (Windows-1252). Everything inside
//! capclean works on the decoded `String`; outputs are always UTF-8.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How the input bytes were encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark.
    Utf8Bom,
    /// UTF-16 little endian, with a byte order mark.
    Utf16Le,
    /// UTF-16 big endian, with a byte order mark.
    Utf16Be,
    /// Not UTF-8, read as Windows-1252.
    Windows1252,
}

impl SourceEncoding {
    /// Whether the input started with a byte order mark.
    pub fn had_bom(self) -> bool {
        matches!(self, Self::Utf8Bom | Self::Utf16Le | Self::Utf16Be)
    }

    /// A short human name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 with BOM",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Windows1252 => "Windows-1252",
        }
    }
}

/// Decoded input text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text without its byte order mark.
    pub text: String,
    /// What it was decoded from.
    pub encoding: SourceEncoding,
}

/// Decodes `bytes`, or says why it cannot be read as text.
///
/// Invalid UTF-8 that otherwise looks like UTF-8 (it also holds valid
/// multi-byte sequences) is refused rather than guessed at: reading it as
/// Windows-1252 would turn its correct accents into mojibake.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let source = if encoding == UTF_8 {
            SourceEncoding::Utf8Bom
        } else if encoding == UTF_16LE {
            SourceEncoding::Utf16Le
        } else if encoding == UTF_16BE {
            SourceEncoding::Utf16Be
        } else {
            return Err(format!(
                "unsupported byte order mark for {}",
                encoding.name()
            ));
        };
        if source == SourceEncoding::Utf8Bom {
            return decode_utf8(body, source);
        }
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or_else(|| {
                format!(
                    "malformed {} (odd byte count or lone surrogate)",
                    source.name()
                )
            })?;
        reject_nul(&text)?;
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: source,
        });
    }
    decode_utf8(bytes, SourceEncoding::Utf8)
}

fn decode_utf8(bytes: &[u8], source: SourceEncoding) -> Result<Decoded, String> {
    if let Some(pos) = memchr_nul(bytes) {
        let line = line_of(bytes, pos);
        return Err(format!(
            "binary data (NUL byte) at line {line}; UTF-16 text needs a byte order mark"
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: source,
        }),
        Err(err) => {
            let bad = err.valid_up_to();
            if source == SourceEncoding::Utf8Bom || has_utf8_multibyte(bytes) {
                return Err(format!(
                    "invalid UTF-8 at line {} (byte {}) in text that is otherwise UTF-8",
                    line_of(bytes, bad),
                    bad + 1
                ));
            }
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                encoding: SourceEncoding::Windows1252,
            })
        }
    }
}

fn reject_nul(text: &str) -> Result<(), String> {
    match text.find('\0') {
        Some(pos) => Err(format!(
            "binary data (NUL character) at line {}",
            line_of(text.as_bytes(), pos)
        )),
        None => Ok(()),
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn has_utf8_multibyte(bytes: &[u8]) -> bool {
    bytes
        .utf8_chunks()
        .any(|chunk| chunk.valid().bytes().any(|b| b >= 0x80))
}

fn line_of(bytes: &[u8], pos: usize) -> usize {
    bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Encodes output text as UTF-8, with a BOM when the input had one.
pub fn encode(text: &str, source: SourceEncoding) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if source.had_bom() {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    out.extend_from_slice(text.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_round_trips() {
        let d = decode("Julián\r\n".as_bytes()).unwrap();
        assert_eq!(d.text, "Julián\r\n");
        assert_eq!(d.encoding, SourceEncoding::Utf8);
        assert_eq!(encode(&d.text, d.encoding), "Julián\r\n".as_bytes());
    }

    #[test]
    fn utf8_bom_is_kept_on_output() {
        let d = decode(b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!(d.text, "hello");
        assert_eq!(encode(&d.text, d.encoding), b"\xEF\xBB\xBFhello");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Gatto é".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Gatto é");
        assert_eq!(d.encoding, SourceEncoding::Utf16Le);
    }

    #[test]
    fn windows_1252_fallback() {
        let d = decode(b"Juli\xe1n \x96 caf\xe9").unwrap();
        assert_eq!(d.text, "Julián – café");
        assert_eq!(d.encoding, SourceEncoding::Windows1252);
    }

    #[test]
    fn utf16_without_bom_is_refused_as_binary() {
        let err = decode(b"h\0i\0").unwrap_err();
        assert!(err.contains("NUL"), "{err}");
    }

    #[test]
    fn mixed_utf8_and_invalid_bytes_are_refused_with_line() {
        let err = decode(b"\xc3\xa9 ok\nbad \xff").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }
}
