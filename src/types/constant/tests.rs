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

#[test]
fn values_match_go_constant() {
    let mut failures = Vec::new();
    let mut total = 0;
    for f in lines(include_str!("testdata/values.expect")) {
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
            let k = basic(typ);
            representable(&x, k, k)
                .err()
                .map_or("representable".into(), |e| e.message(&op, typ))
        }
        "overflow" => {
            let x = eval(f[4]);
            let op = binop(f[2]).or(match f[2] {
                "<<" => Some(Operator::Shl),
                _ => None,
            });
            let name = overflow_op_name(op.unwrap(), f[3] == "binary");
            match untyped_int_overflows(&x) {
                true => format!("constant {name} overflow"),
                false => "no overflow".into(),
            }
        }
        "malformed" => match literal::make_from_literal(f[3], lit_kind(f[2]).unwrap()) {
            Value::Unknown => format!("malformed constant: {}", f[3]),
            v => format!("well-formed: {v}"),
        },
        "notrep" => match eval(f[2]) {
            Value::Unknown => "constant result is not representable".into(),
            v => format!("representable: {v}"),
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
