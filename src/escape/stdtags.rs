//! gc's escape tags of the standard library's functions and methods.
//!
//! gc analyses each standard package with its full bodies and records, for
//! every parameter (the receiver included), where an argument's value can
//! flow: to the heap and to each of the function's first seven results,
//! each with the smallest number of dereferences on the way
//! (escape/leaks.go). Importers read these tags instead of the bodies, so a
//! user program's `-m` report depends on them: `fmt.Println(x)` reports
//! `x escapes to heap` and `... argument does not escape` because Println's
//! parameter leaks only its content (`h1`); `strings.Index(s, t)` leaves
//! both strings alone (`- -`).
//!
//! goscope's std is a declared API without bodies (std/*.go), so the tags
//! come from Go 1.19 itself: tools/escapetags reads them out of the export
//! data of the packages goscope declares and writes std/escape-tags.txt,
//! embedded here. Regenerate with
//!
//! ```text
//! cd tools/escapetags && /usr/lib/go-1.19/bin/go run .
//! ```
//!
//! (`go run . -check` verifies the file is current; `go test` there checks
//! the decoded tags against gc's own `-m` messages for eleven packages).
//!
//! A function absent from the table has the tags gc gives untagged code:
//! every argument leaks to the heap ([`Leaks::HEAP`] for each parameter).
//! The generator leaves out exactly the functions whose every tag is that,
//! so the absence of an entry and a lookup of unknown code agree.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// gc's numEscResults: result flows beyond the seventh result are recorded
/// as heap flows.
pub const NUM_ESC_RESULTS: usize = 7;

/// The flows of one parameter (gc's `leaks`): element 0 is the heap,
/// element 1+i result i; each holds 1 + the minimum number of dereferences
/// of a flow there, or 0 when there is none (so the default is "does not
/// escape").
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Leaks([u8; 1 + NUM_ESC_RESULTS]);

impl Leaks {
    /// No flow: the argument does not escape (gc's `esc:` tag).
    pub const NONE: Leaks = Leaks([0; 1 + NUM_ESC_RESULTS]);

    /// A flow to the heap with no dereference: what gc assumes of an
    /// untagged parameter (its empty tag) and of scalars.
    pub const HEAP: Leaks = Leaks([1, 0, 0, 0, 0, 0, 0, 0]);

    /// Whether there is no flow at all.
    pub fn is_empty(&self) -> bool {
        *self == Leaks::NONE
    }

    /// The minimum dereference count of a flow to the heap, -1 if none.
    pub fn heap(&self) -> i32 {
        self.get(0)
    }

    /// The minimum dereference count of a flow to result `i`, -1 if none
    /// (or if `i` is past the seven results gc tracks).
    pub fn result(&self, i: usize) -> i32 {
        if i >= NUM_ESC_RESULTS {
            return -1;
        }
        self.get(1 + i)
    }

    /// Records a heap flow with `derefs` dereferences (keeping the minimum).
    pub fn add_heap(&mut self, derefs: i32) {
        self.add(0, derefs);
    }

    /// Records a flow to result `i`; past the seventh result it becomes a
    /// heap flow, as in gc's leakTo.
    pub fn add_result(&mut self, i: usize, derefs: i32) {
        if i >= NUM_ESC_RESULTS {
            self.add_heap(derefs);
        } else {
            self.add(1 + i, derefs);
        }
    }

    /// gc's Optimize: result flows at least as long as the shortest heap
    /// flow add nothing and are dropped.
    pub fn optimize(&mut self) {
        let h = self.heap();
        if h >= 0 {
            for i in 0..NUM_ESC_RESULTS {
                if self.result(i) >= h {
                    self.0[1 + i] = 0;
                }
            }
        }
    }

    /// gc's parseLeaks of an export-data note: `esc:` followed by the raw
    /// bytes, anything else (the empty note) a heap flow.
    pub fn parse_note(note: &[u8]) -> Leaks {
        match note.strip_prefix(b"esc:") {
            Some(bytes) => {
                let mut l = Leaks::NONE;
                for (d, s) in l.0.iter_mut().zip(bytes) {
                    *d = *s;
                }
                l
            }
            None => Leaks::HEAP,
        }
    }

    /// gc's Encode: the note an exporter would write.
    pub fn encode(&self) -> Vec<u8> {
        if self.heap() == 0 {
            return Vec::new();
        }
        let n = self.0.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
        let mut out = b"esc:".to_vec();
        out.extend_from_slice(&self.0[..n]);
        out
    }

    /// Parses one tag of std/escape-tags.txt: `-`, or comma-separated `hN`
    /// and `rI=N`.
    pub fn parse_text(tok: &str) -> Option<Leaks> {
        let mut l = Leaks::NONE;
        if tok == "-" {
            return Some(l);
        }
        for part in tok.split(',') {
            if let Some(n) = part.strip_prefix('h') {
                l.set(0, n.parse().ok()?);
            } else if let Some(rest) = part.strip_prefix('r') {
                let (i, n) = rest.split_once('=')?;
                let i: usize = i.parse().ok()?;
                if i >= NUM_ESC_RESULTS {
                    return None;
                }
                l.set(1 + i, n.parse().ok()?);
            } else {
                return None;
            }
        }
        Some(l)
    }

    fn get(&self, i: usize) -> i32 {
        i32::from(self.0[i]) - 1
    }

    fn add(&mut self, i: usize, derefs: i32) {
        let old = self.get(i);
        if old < 0 || derefs < old {
            self.set(i, derefs);
        }
    }

    fn set(&mut self, i: usize, derefs: i32) {
        // gc saturates at 255 and rejects negative counts (a bug there);
        // clamp both ways here.
        self.0[i] = (derefs.max(0) + 1).min(255) as u8;
    }
}

/// The table's text form (`-`, `h0`, `h1,r0=0`).
impl fmt::Display for Leaks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("-");
        }
        let mut sep = "";
        if self.heap() >= 0 {
            write!(f, "h{}", self.heap())?;
            sep = ",";
        }
        for i in 0..NUM_ESC_RESULTS {
            if self.result(i) >= 0 {
                write!(f, "{sep}r{i}={}", self.result(i))?;
                sep = ",";
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Leaks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Leaks({self})")
    }
}

/// std/escape-tags.txt, made by tools/escapetags.
const TABLE: &str = include_str!("../../std/escape-tags.txt");

/// Package path → function or `T.M` → tags.
type Table = HashMap<&'static str, HashMap<&'static str, Vec<Leaks>>>;

fn table() -> &'static Table {
    static TABLE_MAP: OnceLock<Table> = OnceLock::new();
    TABLE_MAP.get_or_init(|| parse_table(TABLE).0)
}

/// Parses the table; also returns the lines that did not parse (none in
/// the committed file, which a test checks).
fn parse_table(text: &'static str) -> (Table, Vec<&'static str>) {
    let mut map: Table = HashMap::new();
    let mut bad = Vec::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f = line.split(' ');
        let (Some(pkg), Some(name)) = (f.next(), f.next()) else {
            bad.push(line);
            continue;
        };
        let tags: Option<Vec<Leaks>> = f.map(Leaks::parse_text).collect();
        match tags {
            Some(t) if !t.is_empty() => {
                map.entry(pkg).or_default().insert(name, t);
            }
            _ => bad.push(line),
        }
    }
    (map, bad)
}

/// The escape tags gc 1.19 gives a standard-library function (`func` =
/// `"F"`) or method (`"T.M"`, for pointer and value receivers alike), one
/// per parameter in order, the receiver first for a method. None when the
/// table has no entry: then every parameter leaks to the heap
/// ([`Leaks::HEAP`]), which is also gc's rule for untagged code.
///
/// A method promoted through an embedded field is looked up under the type
/// that declares it (`bufio.ReadWriter`'s ReadString is `Reader.ReadString`).
/// Copies of internal types (std/README.md) are listed under the stub's
/// package and the copy's name (`os` `internal_poll_FD.Read`).
pub fn std_param_tags(pkg_path: &str, func: &str) -> Option<&'static [Leaks]> {
    table()
        .get(pkg_path)
        .and_then(|p| p.get(func))
        .map(|v| v.as_slice())
}

/// How many functions and methods the table lists, and how many tags.
pub fn std_table_size() -> (usize, usize) {
    let funcs = table().values().flat_map(|p| p.values());
    funcs.fold((0, 0), |(n, k), v| (n + 1, k + v.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(pkg: &str, f: &str) -> Vec<String> {
        std_param_tags(pkg, f)
            .map(|t| t.iter().map(|l| l.to_string()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_line_parses() {
        let (map, bad) = parse_table(TABLE);
        assert!(bad.is_empty(), "unparsable lines: {bad:?}");
        assert!(map.values().map(|p| p.len()).sum::<usize>() > 1000);
    }

    #[test]
    fn known_tags() {
        // gc 1.19 -m on the std sources: "leaking param content: a".
        assert_eq!(tags("fmt", "Println"), ["h1"]);
        assert_eq!(tags("fmt", "Sprintf"), ["-", "h1"]);
        assert_eq!(tags("fmt", "Fprintf"), ["h0", "-", "h1"]);
        assert_eq!(tags("strings", "Index"), ["-", "-"]);
        assert_eq!(tags("strings", "Cut"), ["r0=0,r1=0", "-"]);
        assert_eq!(tags("strings", "Builder.String"), ["r0=1"]);
        assert_eq!(tags("bytes", "Buffer.Write"), ["-", "-"]);
        // os.File.Read's receiver leaks its content (the *file).
        assert_eq!(tags("os", "File.Read"), ["h1", "-"]);
        // All-heap functions are left out.
        assert!(std_param_tags("fmt", "NoSuchFunc").is_none());
    }

    #[test]
    fn leaks_semantics() {
        let mut l = Leaks::NONE;
        assert!(l.is_empty());
        assert_eq!(l.heap(), -1);
        l.add_result(0, 2);
        l.add_result(0, 1);
        assert_eq!(l.result(0), 1);
        l.add_heap(1);
        l.optimize();
        assert_eq!(
            l.result(0),
            -1,
            "result flow as long as the heap flow is dropped"
        );
        assert_eq!(l.to_string(), "h1");
        assert_eq!(Leaks::parse_note(b""), Leaks::HEAP);
        assert_eq!(Leaks::parse_note(b"esc:"), Leaks::NONE);
        assert_eq!(Leaks::parse_note(&l.encode()), l);
        assert!(Leaks::HEAP.encode().is_empty());
        let mut r = Leaks::NONE;
        r.add_result(9, 0);
        assert_eq!(r.heap(), 0, "results past the seventh leak to the heap");
        assert_eq!(
            Leaks::parse_text("h2,r3=0").map(|l| (l.heap(), l.result(3))),
            Some((2, 0))
        );
        assert!(Leaks::parse_text("x1").is_none());
        assert!(Leaks::parse_text("r9=1").is_none());
    }
}
