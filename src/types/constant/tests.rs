//! Tests against results computed by Go 1.19 itself. The expectations in
//! testdata/*.expect come from go/constant, go/types and gc (regenerate with
//! src/types/constant/gen/regen.sh); each line holds a case and Go's answer.
//! Values are built by the same small stack language the generator runs
//! (see gen/expect/main.go), here evaluated with this module's API.

use super::*;
use crate::syntax::ast::{LitKind, Operator};
use crate::types::basic::BasicKind;

/// Expectation lines (case fields, then Go's result fields).
fn lines(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
}

/// A literal token's text: "hex:..." spells raw bytes.
fn literal(s: &str) -> Vec<u8> {
    match s.strip_prefix("hex:") {
        Some(h) => (0..h.len() / 2)
            .map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap())
            .collect(),
        None => s.as_bytes().to_vec(),
    }
}

fn lit_kind(name: &str) -> Option<LitKind> {
    Some(match name {
        "int" => LitKind::Int,
        "float" => LitKind::Float,
        "imag" => LitKind::Imag,
        "char" => LitKind::Rune,
        "string" => LitKind::String,
        _ => return None,
    })
}

fn binop(t: &str) -> Option<Operator> {
    use Operator::*;
    Some(match t {
        "+" => Add,
        "-" => Sub,
        "*" => Mul,
        "/" => Div,
        "%" => Rem,
        "&" => And,
        "|" => Or,
        "^" => Xor,
        "&^" => AndNot,
        "&&" => AndAnd,
        "||" => OrOr,
        _ => return None,
    })
}

fn cmpop(t: &str) -> Option<Operator> {
    use Operator::*;
    Some(match t {
        "==" => Eql,
        "!=" => Neq,
        "<" => Lss,
        "<=" => Leq,
        ">" => Gtr,
        ">=" => Geq,
        _ => return None,
    })
}

/// Runs a stack program (see gen/expect/main.go) with this module's API.
fn eval(src: &str) -> Value {
    let mut st: Vec<Value> = Vec::new();
    for t in src.split(' ').filter(|t| !t.is_empty()) {
        let (name, arg) = t.split_once(':').unwrap_or((t, ""));
        let v = if let (Some(k), false) = (lit_kind(name), arg.is_empty()) {
            literal::make_from_literal_bytes(&literal(arg), k)
        } else if let Some(op) = binop(t) {
            let y = st.pop().unwrap();
            binary_op(&st.pop().unwrap(), op, &y)
        } else if let Some(op) = cmpop(t) {
            let y = st.pop().unwrap();
            Value::make_bool(compare(&st.pop().unwrap(), op, &y))
        } else {
            eval_other(name, arg, &mut st)
        };
        st.push(v);
    }
    assert_eq!(st.len(), 1, "{src}");
    st.pop().unwrap()
}

fn eval_other(name: &str, arg: &str, st: &mut Vec<Value>) -> Value {
    let mut pop = || st.pop().unwrap();
    match name {
        "i64" => Value::make_int64(arg.parse().unwrap()),
        "u64" => Value::make_uint64(arg.parse().unwrap()),
        "f64" => Value::make_float64(f64::from_bits(u64::from_str_radix(arg, 16).unwrap())),
        "bool" => Value::make_bool(arg == "true"),
        "str" => Value::make_string(&literal(arg)),
        "unknown" => Value::Unknown,
        "neg" => unary_op(Operator::Sub, &pop(), 0),
        "pos" => unary_op(Operator::Add, &pop(), 0),
        "not" => unary_op(Operator::Not, &pop(), 0),
        "cpl" => unary_op(Operator::Xor, &pop(), arg.parse().unwrap_or(0)),
        "quo" => {
            let y = pop();
            quo_int(&pop(), &y)
        }
        "<<" => shift(&pop(), Operator::Shl, arg.parse().unwrap()),
        ">>" => shift(&pop(), Operator::Shr, arg.parse().unwrap()),
        "toint" => pop().to_int(),
        "tofloat" => pop().to_float(),
        "tocomplex" => pop().to_complex(),
        "real" => pop().real(),
        "imag" => pop().imag(),
        "num" => pop().num(),
        "denom" => pop().denom(),
        "mkimag" => Value::make_imag(&pop()),
        "r32" => round_float32(&pop()).unwrap_or(Value::Unknown),
        "r64" => round_float64(&pop()).unwrap_or(Value::Unknown),
        "dup" => {
            let x = pop();
            st.push(x.clone());
            x
        }
        _ => panic!("bad token {name}"),
    }
}

/// The fields gen/expect's describe prints, computed here.
fn describe(v: &Value) -> Vec<String> {
    let k = v.kind();
    let is_int = matches!(k, Kind::Int | Kind::Unknown);
    let is_real = is_int || k == Kind::Float;
    let is_num = is_real || k == Kind::Complex;
    let opt = |ok: bool, s: &dyn Fn() -> String| if ok { s() } else { "-".to_string() };
    vec![
        format!("{k:?}"),
        v.to_string(),
        v.exact_string(),
        opt(is_int, &|| {
            format!("{},{}", v.int64_val().0, v.int64_val().1)
        }),
        opt(is_int, &|| {
            format!("{},{}", v.uint64_val().0, v.uint64_val().1)
        }),
        opt(is_real, &|| {
            format!("{:08x},{}", v.float32_val().0.to_bits(), v.float32_val().1)
        }),
        opt(is_real, &|| {
            format!("{:016x},{}", v.float64_val().0.to_bits(), v.float64_val().1)
        }),
        opt(is_int, &|| v.bit_len().to_string()),
        opt(is_num, &|| v.sign().to_string()),
    ]
}

/// Collects mismatches so one run reports all of them.
fn report(failures: Vec<String>, total: usize) {
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ from Go:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Checks every case of a values-style expectation file.
fn check_values(data: &str) {
    let mut failures = Vec::new();
    let mut total = 0;
    for f in lines(data) {
        total += 1;
        let (case, want) = (f[0], &f[1..]);
        let got = eval(case);
        if want == ["panic"] {
            // go/constant panics (undefined operation, division by zero);
            // here the result is Unknown, or false for a comparison.
            let last = case.rsplit(' ').next().unwrap_or("");
            let ok = got.kind() == Kind::Unknown
                || cmpop(last).is_some() && got == Value::make_bool(false);
            if !ok {
                failures.push(format!("{case}: Go panics, got {got}"));
            }
            continue;
        }
        let got = describe(&got);
        if got != want {
            failures.push(format!(
                "{case}\n   want {}\n   got  {}",
                want.join(" | "),
                got.join(" | ")
            ));
        }
    }
    report(failures, total);
}

#[test]
fn values_match_go_constant() {
    check_values(include_str!("testdata/values.expect"));
}

#[test]
fn random_values_match_go_constant() {
    check_values(include_str!("testdata/random.expect"));
}

/// A basic type by the name Go prints (with the byte and rune aliases).
fn basic(name: &str) -> BasicKind {
    match name {
        "byte" => BasicKind::Uint8,
        "rune" => BasicKind::Int32,
        _ => *BasicKind::ALL
            .iter()
            .find(|k| k.name() == name)
            .unwrap_or_else(|| panic!("{name}")),
    }
}

fn code(r: &Result<Value, RepresentErr>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(RepresentErr::Truncated) => "truncated",
        Err(RepresentErr::Overflow) => "overflows",
        Err(RepresentErr::Other) => "other",
    }
}

#[test]
fn representability_matches_go_types() {
    let mut failures = Vec::new();
    let mut total = 0;
    for f in lines(include_str!("testdata/represent.expect")) {
        total += 1;
        let (x, from, to) = (eval(f[0]), basic(f[1]), basic(f[2]));
        let conv = match convert(&x, from, to) {
            Ok(v) => format!("ok {} {:?}", v.exact_string(), v.kind()),
            Err(_) => "err".to_string(),
        };
        let rep = representable(&x, from, to);
        let want_code = f[4];
        if conv != f[3] || want_code != "-" && code(&rep) != want_code {
            failures.push(format!(
                "{} {} -> {}: want {} / {}, got {conv} / {}",
                f[0],
                f[1],
                f[2],
                f[3],
                want_code,
                code(&rep)
            ));
        }
    }
    report(failures, total);
}

/// Rebuilds gc's message for one gcmsgs case from this module's pieces.
fn gc_message(f: &[&str]) -> String {
    let untyped = |kind: &str| kind.starts_with("untyped");
    match f[0] {
        "assign" => {
            let (expr, to, from, x) = (f[2], f[3], f[4], eval(f[5]));
            let err = representable(&x, basic(from), basic(to))
                .err()
                .map_or("none", |e| e.assign_suffix());
            let op = operand_string(expr, from, untyped(from), &x);
            format!("cannot use {op} as {to} value in variable declaration{err}")
        }
        "convert" => {
            let (expr, to, from, x) = (f[2], f[3], f[4], eval(f[5]));
            let left = convert(&x, basic(from), basic(to))
                .err()
                .unwrap_or(Value::Unknown);
            format!(
                "cannot convert {} to type {to}",
                operand_string(expr, from, untyped(from), &left)
            )
        }
        "typed" => {
            let (expr, typ, x) = (f[2], f[3], eval(f[4]));
            let op = operand_string(expr, typ, false, &x);
            check_overflow(&x, basic(typ))
                .err()
                .map_or("representable".into(), |e| e.message("", &op, typ))
        }
        "overflow" => {
            let x = eval(f[4]);
            let op = binop(f[2]).unwrap_or(Operator::Shl);
            let name = overflow_op_name(op, f[3] == "binary");
            let e = check_overflow(&x, BasicKind::UntypedInt);
            e.err()
                .map_or("no overflow".into(), |e| e.message(name, "", ""))
        }
        "malformed" => match literal::make_from_literal(f[3], lit_kind(f[2]).unwrap()) {
            Value::Unknown => malformed_message(f[3]),
            v => format!("well-formed: {v}"),
        },
        "long" => match f[2].len() > MAX_LITERAL_LEN {
            true => long_literal_message(f[2]),
            false => "short enough".into(),
        },
        "notrep" => match check_overflow(&eval(f[2]), BasicKind::UntypedFloat) {
            Err(e) => e.message("", "", ""),
            Ok(v) => format!("representable: {v}"),
        },
        form => panic!("unknown form {form}"),
    }
}

#[test]
fn error_messages_match_gc() {
    let mut failures = Vec::new();
    let mut total = 0;
    for f in lines(include_str!("testdata/gcmsgs.expect")) {
        total += 1;
        let (want, got) = (f[f.len() - 1], gc_message(&f));
        if got != want {
            failures.push(format!("{}\n   want {want}\n   got  {got}", f[1]));
        }
    }
    report(failures, total);
}

// Robustness: any text a program can contain gives a value or Unknown,
// quickly and without panicking; operations on any values never panic.

const KINDS: [LitKind; 5] = [
    LitKind::Int,
    LitKind::Float,
    LitKind::Imag,
    LitKind::Rune,
    LitKind::String,
];

/// Every operation on a pair of values (results are not checked).
fn exercise(x: &Value, y: &Value) {
    use Operator::*;
    for op in [
        Add, Sub, Mul, Div, Rem, And, Or, Xor, AndNot, AndAnd, OrOr, Shl, Eql,
    ] {
        let z = binary_op(x, op, y);
        let _ = (z.to_string(), z.exact_string(), compare(x, op, y));
    }
    let _ = quo_int(x, y);
    for op in [Add, Sub, Xor, Not] {
        let _ = unary_op(op, x, 8);
    }
    for s in [0, 1, 63, 64, 1000] {
        let _ = (shift(x, Shl, s), shift(x, Shr, s));
    }
    let _ = (
        x.to_int(),
        x.to_float(),
        x.to_complex(),
        x.num(),
        x.denom(),
        x.real(),
        x.imag(),
    );
    let _ = (
        x.int64_val(),
        x.uint64_val(),
        x.float32_val(),
        x.float64_val(),
        x.bit_len(),
        x.sign(),
    );
    for k in BasicKind::ALL {
        let _ = (
            representable(x, k, k),
            convert(x, BasicKind::UntypedInt, k),
            check_overflow(x, k),
        );
    }
}

proptest::proptest! {
    #[test]
    fn any_text_is_a_value_or_unknown(s in "\\PC{0,40}", k in 0..5usize) {
        let v = make_from_literal(&s, KINDS[k]);
        exercise(&v, &v);
    }

    #[test]
    fn number_like_text_is_a_value_or_unknown(s in "[-+0-9a-fA-FxXoObBpPeE_.i]{0,30}", t in "[0-9pPeE_.+-]{0,12}") {
        let a = make_from_literal(&s, LitKind::Float);
        let b = make_from_literal(&format!("{s}{t}"), LitKind::Imag);
        let c = make_from_literal(&s, LitKind::Int);
        exercise(&a, &b);
        exercise(&c, &a);
    }

    #[test]
    fn quoted_text_is_a_value_or_unknown(s in "[\"'`]([a-z\\\\xuU0-7'\"`]|\\PC){0,20}[\"'`]?") {
        exercise(&make_from_literal(&s, LitKind::String), &make_from_literal(&s, LitKind::Rune));
    }
}

/// Literals with absurd exponents or many digits are evaluated quickly and
/// in little memory (the 512-bit float keeps the exponent apart).
#[test]
fn extreme_literals_are_cheap() {
    let long_int = "9".repeat(MAX_LITERAL_LEN);
    let long_float = format!("0.{}e-4000", "9".repeat(MAX_LITERAL_LEN - 8));
    let long_hex = format!("0x{}p-100000", "f".repeat(MAX_LITERAL_LEN - 10));
    let start = std::time::Instant::now();
    for (lit, kind) in [
        ("1e9999999999", LitKind::Float),
        ("1e-9999999999", LitKind::Float),
        ("1e999999999999999999999999", LitKind::Float),
        ("0x1p-100000", LitKind::Float),
        ("0x1p2147483646", LitKind::Float),
        ("1e646456992", LitKind::Float),
        ("1e-646456992", LitKind::Float),
        ("1e1000000i", LitKind::Imag),
        (&long_int, LitKind::Int),
        (&long_float, LitKind::Float),
        (&long_hex, LitKind::Float),
    ] {
        let v = make_from_literal(lit, kind);
        exercise(&v, &v);
    }
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

/// Shifts and complements that would need gigabytes give Unknown instead
/// (types2 never asks for them: it bounds shift counts at 1074).
#[test]
fn huge_shifts_are_refused() {
    let one = Value::make_int64(1);
    assert_eq!(shift(&one, Operator::Shl, u32::MAX).kind(), Kind::Unknown);
    assert_eq!(
        unary_op(Operator::Xor, &one, u32::MAX).kind(),
        Kind::Unknown
    );
    assert_eq!(shift(&one, Operator::Shr, u32::MAX), Value::make_int64(0));
}

/// A long chain of concatenations (Go issue 23348) takes linear time and
/// leaves every intermediate value intact.
#[test]
fn string_concatenation_is_linear_and_persistent() {
    let piece = Value::make_string(b"ab");
    let mut s = Value::make_string(b"");
    let mut kept = Vec::new();
    for i in 0..100_000 {
        s = binary_op(&s, Operator::Add, &piece);
        if i % 25_000 == 0 {
            kept.push((i, s.clone()));
        }
    }
    assert_eq!(s.string_val().len(), 200_000);
    for (i, v) in kept {
        assert_eq!(v.string_val(), b"ab".repeat(i + 1));
    }
    let doubled = binary_op(&s, Operator::Add, &s);
    assert_eq!(doubled.string_val().len(), 400_000);
    assert_eq!(s.string_val().len(), 200_000);
}
