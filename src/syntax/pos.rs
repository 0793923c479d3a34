//! Source positions.
//!
//! A [`Pos`] is a byte offset into one global address space in which every
//! loaded file (the user's file, goscope's std API files) owns a range, so a
//! position is a single `u32` and still names its file. [`SourceMap`] turns it
//! back into gc's form: file name, 1-based line, 1-based byte column.
//!
//! Invariant: offset 0 of every file is `file.base`, and bases are increasing,
//! with one unused byte between files so that a file's EOF position is not
//! the next file's first byte.

use std::rc::Rc;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Default)]
pub struct Pos(pub u32);

impl Pos {
    pub const NONE: Pos = Pos(u32::MAX);

    pub fn is_known(self) -> bool {
        self != Pos::NONE
    }
    pub fn offset(self, n: u32) -> Pos {
        Pos(self.0.saturating_add(n))
    }
}

/// A half-open range of source bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct Span {
    pub lo: Pos,
    pub hi: Pos,
}

impl Span {
    pub fn new(lo: Pos, hi: Pos) -> Span {
        Span { lo, hi }
    }
    pub fn to(self, other: Span) -> Span {
        Span::new(self.lo.min(other.lo), self.hi.max(other.hi))
    }
}

/// One source file and its line table.
#[derive(Debug)]
pub struct SourceFile {
    pub name: String,
    /// Shared, not copied, by the threads of a split check (types/split.rs).
    pub src: Arc<str>,
    pub base: u32,
    /// Offsets (relative to the file) of the first byte of each line;
    /// computed when a position is first resolved (a valid program's
    /// `goscope check` never resolves one: no scan of its text).
    line_starts: std::cell::OnceCell<Vec<u32>>,
}

/// Offsets of the first byte of each line of `b`: 0 and every offset
/// after a newline. Eight bytes at a time: a word's newline bytes are
/// found with exact per-byte arithmetic (no carry crosses a byte, as the
/// high bits are masked off first), a third of a byte loop's cost.
fn line_starts(b: &[u8]) -> Vec<u32> {
    const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const NL: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    let mut out = Vec::with_capacity(b.len() / 32 + 1);
    out.push(0);
    let words = b.chunks_exact(8);
    let tail = words.remainder();
    for (k, w) in words.enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        let t = u64::from_le_bytes(word) ^ NL;
        // High bit of each byte set iff that byte of t is zero.
        let mut m = !(((t & LO7) + LO7) | t | LO7);
        while m != 0 {
            let i = k * 8 + (m.trailing_zeros() / 8) as usize;
            out.push(i as u32 + 1);
            m &= m - 1;
        }
    }
    let start = b.len() - tail.len();
    for (i, &c) in tail.iter().enumerate() {
        if c == b'\n' {
            out.push((start + i) as u32 + 1);
        }
    }
    out
}

impl SourceFile {
    fn new(name: String, src: Arc<str>, base: u32) -> SourceFile {
        SourceFile {
            name,
            src,
            base,
            line_starts: std::cell::OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts
            .get_or_init(|| line_starts(self.src.as_bytes()))
    }

    /// Line and column (both 1-based, column in bytes) of a file offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let starts = self.line_starts();
        let line = match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, offset - starts[line] + 1)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let starts = self.line_starts();
        let start = starts.get(i).copied().unwrap_or(0) as usize;
        let end = starts
            .get(i + 1)
            .map(|e| *e as usize - 1)
            .unwrap_or(self.src.len());
        self.src.get(start..end.max(start)).unwrap_or("")
    }

    pub fn end(&self) -> u32 {
        self.base + self.src.len() as u32
    }
}

/// A resolved position in gc's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    pub file: String,
    pub line: u32,
    pub col: u32,
}

/// gc packs a line and column into 32 bits (cmd/internal/src's `lico`):
/// lines saturate at this value, and then lose their column...
const GC_LINE_MAX: u32 = (1 << 20) - 2;
/// ...and columns saturate at this one, which means "unknown column".
const GC_COL_MAX: u32 = (1 << 8) - 1;

/// gc's `file:line:col`, as cmd/internal/src formats it: no column at
/// or past column 255, and line 1048574 (no column) for every line past
/// it.
impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (line, col) = if self.line >= GC_LINE_MAX {
            (GC_LINE_MAX, 0)
        } else {
            (self.line, self.col)
        };
        if 0 < col && col < GC_COL_MAX {
            write!(f, "{}:{}:{}", self.file, line, col)
        } else {
            write!(f, "{}:{}", self.file, line)
        }
    }
}

/// Every file loaded in one session, in the order loaded.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<Rc<SourceFile>>,
}

/// Largest total of source bytes one session may load: positions are `u32`.
pub const MAX_SOURCE_BYTES: u64 = (u32::MAX as u64) - 1024;

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// The base position the next file added gets, if one of `len` bytes
    /// still fits in the session's position space.
    pub fn next_base(&self, len: usize) -> Option<u32> {
        let base = self.files.last().map(|f| f.end() + 1).unwrap_or(0);
        if base as u64 + len as u64 >= MAX_SOURCE_BYTES {
            return None;
        }
        Some(base)
    }

    /// Adds a file and returns it; None when the session's position space is
    /// exhausted (more than 4 GB of source).
    pub fn add(&mut self, name: &str, src: Arc<str>) -> Option<Rc<SourceFile>> {
        let base = self.next_base(src.len())?;
        let file = Rc::new(SourceFile::new(name.to_string(), src, base));
        self.files.push(file.clone());
        Some(file)
    }

    /// The file that contains `pos` (its EOF position included).
    pub fn file(&self, pos: Pos) -> Option<&Rc<SourceFile>> {
        if !pos.is_known() {
            return None;
        }
        let i = self.files.partition_point(|f| f.base <= pos.0);
        let f = self.files.get(i.checked_sub(1)?)?;
        (pos.0 <= f.end()).then_some(f)
    }

    pub fn position(&self, pos: Pos) -> Position {
        match self.file(pos) {
            Some(f) => {
                let (line, col) = f.line_col(pos.0 - f.base);
                Position {
                    file: f.name.clone(),
                    line,
                    col,
                }
            }
            None => Position {
                file: "<unknown>".into(),
                line: 0,
                col: 0,
            },
        }
    }

    pub fn files(&self) -> &[Rc<SourceFile>] {
        &self.files
    }
}

#[cfg(test)]
mod line_tests {
    #[test]
    fn line_starts_find_every_newline() {
        let mut text = Vec::new();
        for i in 0..300u32 {
            text.push(b'\n');
            for j in 0..(i * 7 % 23) {
                text.push([b'a', 0x0b, 0x8a, b'\t', 0xff, 0x09][(j % 6) as usize]);
            }
        }
        for len in [0, 1, 7, 8, 9, 100, text.len()] {
            let b = &text[..len];
            let mut want = vec![0];
            want.extend(
                b.iter()
                    .enumerate()
                    .filter(|(_, &c)| c == b'\n')
                    .map(|(i, _)| i as u32 + 1),
            );
            assert_eq!(super::line_starts(b), want, "len {len}");
        }
    }
}
