//! A structure-aware mutator for Go source: it edits token ranges, lines,
//! bracketed groups and top-level declarations, and replaces identifiers,
//! literals and types with others from a dictionary taken from the corpus,
//! so that most mutants are almost-valid programs that get past the parser
//! and deep into the checker.
//!
//! Shared by the cargo-fuzz target `structured` (fuzz/fuzz_targets/) and
//! the stable-toolchain smoke test tests/fuzz_smoke.rs (which includes this
//! file with `#[path]`), so it depends on nothing but the goscope library
//! and std.

use goscope::syntax::token::Tok;
use goscope::syntax::tokenize;

/// A small deterministic PRNG (xorshift64*): a mutation is a function of
/// its seed, so libFuzzer can replay it.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        if v.is_empty() {
            None
        } else {
            Some(&v[self.below(v.len())])
        }
    }
}

/// What a token is, for same-kind replacement and bracket matching.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    Ident,
    Literal,
    Keyword,
    Op,
    Open(u8),
    Close(u8),
}

/// A token of the source: byte range and class.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    pub lo: usize,
    pub hi: usize,
    pub class: Class,
}

fn classify(t: &Tok) -> Option<Class> {
    Some(match t {
        Tok::Name(_) => Class::Ident,
        Tok::Literal(_) => Class::Literal,
        Tok::Semi(_) => return None,
        Tok::Lparen => Class::Open(b'('),
        Tok::Lbrack => Class::Open(b'['),
        Tok::Lbrace => Class::Open(b'{'),
        Tok::Rparen => Class::Close(b'('),
        Tok::Rbrack => Class::Close(b'['),
        Tok::Rbrace => Class::Close(b'{'),
        other => {
            let d = other.describe();
            if d.bytes().all(|b| b.is_ascii_lowercase()) {
                Class::Keyword
            } else {
                Class::Op
            }
        }
    })
}

/// The tokens of `src` (inserted semicolons left out).
pub fn spans(src: &[u8]) -> Vec<Span> {
    let (toks, _) = tokenize(src);
    toks.iter()
        .filter_map(|(lo, t, hi)| {
            let (lo, hi) = (lo.0 as usize, hi.0 as usize);
            if lo >= hi || hi > src.len() {
                return None;
            }
            Some(Span {
                lo,
                hi,
                class: classify(t)?,
            })
        })
        .collect()
}

/// For each opening bracket, the index of its closing one (if balanced).
fn matches(sp: &[Span]) -> Vec<(usize, usize)> {
    let mut stack: Vec<(usize, u8)> = Vec::new();
    let mut out = Vec::new();
    for (i, s) in sp.iter().enumerate() {
        match s.class {
            Class::Open(k) => stack.push((i, k)),
            Class::Close(k) => {
                if let Some(&(j, kk)) = stack.last() {
                    if kk == k {
                        stack.pop();
                        out.push((j, i));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Fragments to insert: identifiers, literals, types, and token n-grams
/// and bracketed groups taken from the corpus.
#[derive(Default)]
pub struct Dict {
    pub idents: Vec<String>,
    pub literals: Vec<String>,
    pub types: Vec<String>,
    pub fragments: Vec<String>,
    pub decls: Vec<String>,
}

/// Types and pieces of syntax that every dictionary has.
const BUILTIN_TYPES: &[&str] = &[
    "int",
    "int8",
    "uint",
    "uint64",
    "uintptr",
    "float64",
    "complex128",
    "string",
    "bool",
    "byte",
    "rune",
    "error",
    "any",
    "comparable",
    "[]int",
    "[]string",
    "[3]int",
    "[...]int",
    "[0]T",
    "map[string]int",
    "map[T]T",
    "chan int",
    "<-chan T",
    "chan<- T",
    "func()",
    "func(int) string",
    "func(...T) (T, error)",
    "interface{}",
    "interface{ M() }",
    "interface{ ~int | ~string }",
    "interface{ comparable; M() }",
    "struct{}",
    "struct{ x int; T }",
    "*T",
    "**int",
    "T[int]",
    "G[T, U]",
    "unsafe.Pointer",
    "~int",
    "[1 << 62]byte",
    "[1<<40][1<<40]int",
    "T",
    "E",
];

const BUILTIN_FRAGMENTS: &[&str] = &[
    "[T any]",
    "[T comparable, U ~int | ~string]",
    "[P interface{ *T }, T any]",
    "(x T)",
    "(t *T)",
    "go f()",
    "defer recover()",
    "<-ch",
    "ch <- 1",
    "x.(type)",
    "x.(T)",
    "...",
    "unsafe.Sizeof(x)",
    "unsafe.Offsetof(s.f)",
    "len(x)",
    "cap(x)",
    "append(s, s...)",
    "make([]int, n)",
    "new(T)",
    "complex(1, 2)",
    "real(c)",
    "iota",
    "nil",
    "1 << 63",
    "1e308 * 10",
    "0x1p-2",
    "'\\U0010ffff'",
    "\"\\xff\"",
    "`raw`",
    "goto L",
    "L:",
    "fallthrough",
    "break L",
    "continue",
    "select {}",
    "switch x := y.(type) {}",
    "for range ch {}",
    "for i := range 10 {}",
    "func() {}()",
    "T{}",
    "T{1, 2}",
    "[]T{{}, {}}",
    "map[K]V{k: v}",
    "&T{f: 1}",
    "x[i:j:k]",
    "s[1:]",
    "a...",
    "f[int]",
    "f[int, string]",
    "type T[P any] struct{ f P }",
    "type I interface{ M(); I }",
    "type T = T",
    "type T T",
    "var _ = T.M",
    "const c = len([10]int{})",
    "import \"fmt\"",
    "import \"unsafe\"",
    "import _ \"embed\"",
    "//go:embed x",
    "//go:noinline\n",
    "//go:linkname x y\n",
    "/* */",
    "// c\n",
    "\n",
    ";",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
];

impl Dict {
    pub fn new() -> Dict {
        Dict {
            idents: Vec::new(),
            literals: Vec::new(),
            types: BUILTIN_TYPES.iter().map(|s| s.to_string()).collect(),
            fragments: BUILTIN_FRAGMENTS.iter().map(|s| s.to_string()).collect(),
            decls: Vec::new(),
        }
    }

    /// Adds what `src` contains (at most `limit` fragments of each kind).
    pub fn add_source(&mut self, src: &[u8], limit: usize, rng: &mut Rng) {
        let sp = spans(src);
        if sp.is_empty() {
            return;
        }
        let text = |lo: usize, hi: usize| String::from_utf8_lossy(&src[lo..hi]).into_owned();
        let mut idents = 0;
        let mut lits = 0;
        for s in &sp {
            match s.class {
                Class::Ident if idents < limit && rng.chance(3) => {
                    idents += 1;
                    self.idents.push(text(s.lo, s.hi));
                }
                Class::Literal if lits < limit && rng.chance(2) && s.hi - s.lo < 200 => {
                    lits += 1;
                    self.literals.push(text(s.lo, s.hi));
                }
                _ => {}
            }
        }
        // Types: what follows a declared name in var/field/param position
        // is hard to find without parsing; take the spans that start with
        // a type-ish token up to the end of their first bracketed group
        // and the name after it.
        let m = matches(&sp);
        let close_of = |i: usize| m.iter().find(|&&(o, _)| o == i).map(|&(_, c)| c);
        let mut types = 0;
        for i in 0..sp.len() {
            if types >= limit {
                break;
            }
            let t = &src[sp[i].lo..sp[i].hi];
            let starts = matches!(
                t,
                b"map" | b"chan" | b"struct" | b"interface" | b"func" | b"[" | b"*"
            );
            if !starts || !rng.chance(2) {
                continue;
            }
            let mut j = i;
            // Find the first group at or after i (within a few tokens).
            while j < sp.len() && j < i + 4 && !matches!(sp[j].class, Class::Open(_)) {
                j += 1;
            }
            let Some(c) = (j < sp.len()).then(|| close_of(j)).flatten() else {
                continue;
            };
            let mut end = c;
            if end + 1 < sp.len() && matches!(sp[end + 1].class, Class::Ident) {
                end += 1;
            }
            if sp[end].hi - sp[i].lo < 300 {
                types += 1;
                self.types.push(text(sp[i].lo, sp[end].hi));
            }
        }
        // N-grams and groups.
        for _ in 0..limit.min(sp.len()) {
            let i = rng.below(sp.len());
            let n = 1 + rng.below(6);
            let j = (i + n).min(sp.len()) - 1;
            if sp[j].hi - sp[i].lo < 300 {
                self.fragments.push(text(sp[i].lo, sp[j].hi));
            }
        }
        for &(o, c) in m.iter().filter(|_| rng.chance(4)).take(limit) {
            if sp[c].hi - sp[o].lo < 400 {
                self.fragments.push(text(sp[o].lo, sp[c].hi));
            }
        }
        for (lo, hi) in decls(src).into_iter().filter(|_| rng.chance(3)).take(limit) {
            if hi - lo < 2000 {
                self.decls.push(text(lo, hi));
            }
        }
    }
}

/// Byte ranges of the top-level declarations of `src`: from a line that
/// starts with a declaration keyword to the next such line (or the end).
pub fn decls(src: &[u8]) -> Vec<(usize, usize)> {
    const KW: &[&[u8]] = &[b"func ", b"func(", b"type ", b"var ", b"const ", b"import "];
    let mut starts = Vec::new();
    let mut at = 0;
    for line in src.split_inclusive(|&b| b == b'\n') {
        if KW.iter().any(|k| line.starts_with(k)) {
            starts.push(at);
        }
        at += line.len();
    }
    let mut out = Vec::new();
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(src.len());
        out.push((s, e));
    }
    out
}

/// Byte ranges of the lines of `src` (with their newlines).
fn lines(src: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in src.split_inclusive(|&b| b == b'\n') {
        out.push((at, at + line.len()));
        at += line.len();
    }
    out
}

fn splice(src: &[u8], lo: usize, hi: usize, with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(src.len() - (hi - lo) + with.len());
    out.extend_from_slice(&src[..lo]);
    out.extend_from_slice(with);
    out.extend_from_slice(&src[hi..]);
    out
}

/// A random token range `[i, j]` (inclusive), mostly short.
fn token_range(rng: &mut Rng, n: usize) -> (usize, usize) {
    let i = rng.below(n);
    let len = if rng.chance(4) {
        rng.below(40)
    } else {
        rng.below(4)
    };
    (i, (i + len).min(n - 1))
}

/// One mutation of `src`; `None` if this kind did not apply.
fn mutate_once(src: &[u8], dict: &Dict, rng: &mut Rng) -> Option<Vec<u8>> {
    let sp = spans(src);
    let n = sp.len();
    let op = rng.below(16);
    match op {
        // Delete a token range.
        0 if n > 0 => {
            let (i, j) = token_range(rng, n);
            Some(splice(src, sp[i].lo, sp[j].hi, b""))
        }
        // Duplicate a token range (in place, or elsewhere).
        1 if n > 0 => {
            let (i, j) = token_range(rng, n);
            let piece = src[sp[i].lo..sp[j].hi].to_vec();
            let at = if rng.chance(2) {
                sp[j].hi
            } else {
                sp[rng.below(n)].lo
            };
            let mut with = piece;
            with.insert(0, b' ');
            Some(splice(src, at, at, &with))
        }
        // Swap two token ranges.
        2 if n > 1 => {
            let (i, j) = token_range(rng, n);
            let (k, l) = token_range(rng, n);
            let (a, b) = if i <= k {
                ((i, j), (k, l))
            } else {
                ((k, l), (i, j))
            };
            if a.1 >= b.0 {
                return None;
            }
            let (alo, ahi) = (sp[a.0].lo, sp[a.1].hi);
            let (blo, bhi) = (sp[b.0].lo, sp[b.1].hi);
            let mut out = Vec::with_capacity(src.len());
            out.extend_from_slice(&src[..alo]);
            out.extend_from_slice(&src[blo..bhi]);
            out.extend_from_slice(&src[ahi..blo]);
            out.extend_from_slice(&src[alo..ahi]);
            out.extend_from_slice(&src[bhi..]);
            Some(out)
        }
        // Replace a token with one of the same class, from the source
        // itself or the dictionary.
        3 | 4 if n > 0 => {
            let i = rng.below(n);
            let class = sp[i].class;
            let with: Vec<u8> = if rng.chance(2) {
                let same: Vec<&Span> = sp.iter().filter(|s| s.class == class).collect();
                let s = rng.pick(&same)?;
                src[s.lo..s.hi].to_vec()
            } else {
                let pool = match class {
                    Class::Ident => &dict.idents,
                    Class::Literal => &dict.literals,
                    _ => &dict.fragments,
                };
                rng.pick(pool)?.as_bytes().to_vec()
            };
            Some(splice(src, sp[i].lo, sp[i].hi, &with))
        }
        // Replace an identifier or a bracketed type-ish range with a type.
        5 if n > 0 => {
            let i = rng.below(n);
            let t = rng.pick(&dict.types)?;
            let hi = match sp[i].class {
                Class::Open(_) => matches(&sp)
                    .iter()
                    .find(|&&(o, _)| o == i)
                    .map(|&(_, c)| c)
                    .map_or(sp[i].hi, |c| {
                        // include the element type after `[...]`
                        if c + 1 < n && sp[c + 1].class == Class::Ident {
                            sp[c + 1].hi
                        } else {
                            sp[c].hi
                        }
                    }),
                _ => sp[i].hi,
            };
            Some(splice(src, sp[i].lo, hi, t.as_bytes()))
        }
        // Insert a dictionary fragment somewhere.
        6 | 7 => {
            let at = if n > 0 {
                sp[rng.below(n)].lo
            } else {
                src.len()
            };
            let f = rng.pick(&dict.fragments)?;
            let with = format!(" {f} ");
            Some(splice(src, at, at, with.as_bytes()))
        }
        // Bracketed groups: empty one, duplicate one, or replace it with
        // another.
        8 | 9 => {
            let m = matches(&sp);
            let &(o, c) = rng.pick(&m)?;
            match rng.below(3) {
                0 => Some(splice(src, sp[o].hi, sp[c].lo, b"")),
                1 => {
                    let g = src[sp[o].lo..sp[c].hi].to_vec();
                    Some(splice(src, sp[c].hi, sp[c].hi, &g))
                }
                _ => {
                    let &(o2, c2) = rng.pick(&m)?;
                    let g = src[sp[o2].lo..sp[c2].hi].to_vec();
                    Some(splice(src, sp[o].lo, sp[c].hi, &g))
                }
            }
        }
        // Lines: delete, duplicate, swap, move.
        10 | 11 => {
            let ls = lines(src);
            if ls.is_empty() {
                return None;
            }
            let (lo, hi) = ls[rng.below(ls.len())];
            match rng.below(3) {
                0 => Some(splice(src, lo, hi, b"")),
                1 => {
                    let l = src[lo..hi].to_vec();
                    let (at, _) = ls[rng.below(ls.len())];
                    Some(splice(src, at, at, &l))
                }
                _ => {
                    let (lo2, hi2) = ls[rng.below(ls.len())];
                    if hi <= lo2 {
                        let mut out = Vec::with_capacity(src.len());
                        out.extend_from_slice(&src[..lo]);
                        out.extend_from_slice(&src[lo2..hi2]);
                        out.extend_from_slice(&src[hi..lo2]);
                        out.extend_from_slice(&src[lo..hi]);
                        out.extend_from_slice(&src[hi2..]);
                        Some(out)
                    } else {
                        None
                    }
                }
            }
        }
        // Declarations: delete, duplicate, or splice one in from the
        // dictionary.
        12 | 13 => {
            let ds = decls(src);
            match rng.below(3) {
                0 => {
                    let &(lo, hi) = rng.pick(&ds)?;
                    Some(splice(src, lo, hi, b""))
                }
                1 => {
                    let &(lo, hi) = rng.pick(&ds)?;
                    let d = src[lo..hi].to_vec();
                    Some(splice(src, hi, hi, &d))
                }
                _ => {
                    let d = rng.pick(&dict.decls)?;
                    let at = rng.pick(&ds).map_or(src.len(), |&(lo, _)| lo);
                    let mut d = d.as_bytes().to_vec();
                    if !d.ends_with(b"\n") {
                        d.push(b'\n');
                    }
                    Some(splice(src, at, at, &d))
                }
            }
        }
        // Nest: wrap a token range in brackets or a block, many times.
        14 if n > 0 => {
            let (i, j) = token_range(rng, n);
            let (open, close) =
                *rng.pick(&[("(", ")"), ("{", "}"), ("[", "]"), ("func() {", "}()")])?;
            let k = 1 + if rng.chance(8) {
                rng.below(3000)
            } else {
                rng.below(5)
            };
            let mut with = open.repeat(k).into_bytes();
            with.extend_from_slice(&src[sp[i].lo..sp[j].hi]);
            with.extend_from_slice(close.repeat(k).as_bytes());
            Some(splice(src, sp[i].lo, sp[j].hi, &with))
        }
        // Replace a literal or identifier with an extreme one.
        15 if n > 0 => {
            let i = rng.below(n);
            const EXTREME: &[&str] = &[
                "1e1000000",
                "0x1p1000000",
                "1<<1000",
                "9223372036854775808",
                "-1",
                "0b",
                "0x_",
                "1__0",
                "'\\400'",
                "\"\\uD800\"",
                "1e-1000000",
                "0.",
                ".0i",
                "1<<100000",
                "_",
                "init",
                "main",
                "nil",
                "iota",
                "true",
                "string",
            ];
            let with = if rng.chance(10) {
                // a long run of digits or a long name
                let c = *rng.pick(&["9", "a", "0", "1."])?;
                c.repeat(1 + rng.below(5000))
            } else {
                rng.pick(EXTREME)?.to_string()
            };
            Some(splice(src, sp[i].lo, sp[i].hi, with.as_bytes()))
        }
        _ => None,
    }
}

/// Applies one to four mutations; the result differs from `src` unless
/// none applied.
pub fn mutate(src: &[u8], dict: &Dict, rng: &mut Rng) -> Vec<u8> {
    let mut cur = src.to_vec();
    let rounds = 1 + rng.below(4);
    let mut done = 0;
    for _ in 0..rounds * 4 {
        if let Some(next) = mutate_once(&cur, dict, rng) {
            cur = next;
            done += 1;
            if done == rounds {
                break;
            }
        }
    }
    cur
}

/// Crossover: splice top-level declarations (or line ranges) of `b` into
/// `a`.
pub fn crossover(a: &[u8], b: &[u8], rng: &mut Rng) -> Vec<u8> {
    let da = decls(a);
    let db = decls(b);
    if !db.is_empty() && !rng.chance(4) {
        let (lo, hi) = db[rng.below(db.len())];
        let piece = &b[lo..hi];
        if !da.is_empty() && rng.chance(2) {
            // replace one of a's declarations
            let (alo, ahi) = da[rng.below(da.len())];
            return splice(a, alo, ahi, piece);
        }
        let at = da
            .get(rng.below(da.len() + 1))
            .map_or(a.len(), |&(lo, _)| lo);
        let mut p = piece.to_vec();
        if !p.ends_with(b"\n") {
            p.push(b'\n');
        }
        return splice(a, at, at, &p);
    }
    // Lines of b into a.
    let la = lines(a);
    let lb = lines(b);
    if lb.is_empty() {
        return a.to_vec();
    }
    let i = rng.below(lb.len());
    let j = (i + 1 + rng.below(10)).min(lb.len());
    let piece = &b[lb[i].0..lb[j - 1].1];
    let at = la
        .get(rng.below(la.len() + 1))
        .map_or(a.len(), |&(lo, _)| lo);
    splice(a, at, at, piece)
}
