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
    pub src: Rc<str>,
    pub base: u32,
    /// Offsets (relative to the file) of the first byte of each line.
    line_starts: Vec<u32>,
}

impl SourceFile {
    fn new(name: String, src: Rc<str>, base: u32) -> SourceFile {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            name,
            src,
            base,
            line_starts,
        }
    }

    /// Line and column (both 1-based, column in bytes) of a file offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, offset - self.line_starts[line] + 1)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let start = self.line_starts.get(i).copied().unwrap_or(0) as usize;
        let end = self
            .line_starts
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
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<Rc<SourceFile>>,
}

/// Largest total of source bytes one session may load: positions are `u32`.
pub const MAX_SOURCE_BYTES: u64 = (u32::MAX as u64) - 1024;

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    /// Adds a file and returns it; None when the session's position space is
    /// exhausted (more than 4 GB of source).
    pub fn add(&mut self, name: &str, src: Rc<str>) -> Option<Rc<SourceFile>> {
        let base = self.files.last().map(|f| f.end() + 1).unwrap_or(0);
        if base as u64 + src.len() as u64 >= MAX_SOURCE_BYTES {
            return None;
        }
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
