//! Byte offsets inside, human positions at the edge: converts a byte offset
//! in the decoded text to a 1-based line and a 1-based column counted in
//! characters (Unicode scalar values), as the review list reports them.

/// Line index over one text.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

impl<'a> Locator<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_iter(text.as_bytes()).map(|i| i + 1));
        Locator { text, line_starts }
    }

    /// The position of byte `offset` (which must lie on a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        Position {
            line: line + 1,
            column: self.text[start..offset].chars().count() + 1,
        }
    }

    /// The byte offset of a 1-based line and character column, if it exists.
    /// A column one past the line's last character (before its line break)
    /// is allowed, as an exclusive end.
    pub fn offset(&self, position: Position) -> Option<usize> {
        let start = *self.line_starts.get(position.line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(position.line)
            .copied()
            .unwrap_or(self.text.len());
        let line = &self.text[start..end];
        let wanted = position.column.checked_sub(1)?;
        if wanted == 0 {
            return Some(start);
        }
        let mut chars = line.char_indices();
        match chars.nth(wanted) {
            Some((i, _)) => Some(start + i),
            None if line.chars().count() == wanted => Some(end),
            None => None,
        }
    }

    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The 0-based line index of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_index(offset)
    }
}

fn memchr_iter(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| (b == b'\n').then_some(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ab\r\nJulián Casas\nx";
        let loc = Locator::new(text);
        let at = text.find("Casas").unwrap();
        assert_eq!(loc.position(at), Position { line: 2, column: 8 });
        assert_eq!(loc.position(0), Position { line: 1, column: 1 });
        assert_eq!(loc.position(text.len()), Position { line: 3, column: 2 });
    }

    #[test]
    fn offset_inverts_position() {
        let text = "é‑‑x\nsecond line\n";
        let loc = Locator::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(loc.offset(loc.position(i)), Some(i), "offset {i}");
        }
        assert_eq!(loc.offset(Position { line: 9, column: 1 }), None);
        assert_eq!(
            loc.offset(Position {
                line: 1,
                column: 40
            }),
            None
        );
    }
}
