//! goscope's strconv against gc 1.19: every line of data/strconv/strconv.out (written by
//! data/strconv/gen.go under gc) is recomputed and compared.

use goscope_runtime::stdlib::strconv::*;

/// Decodes gen.go's hex strings ("-" is the empty string).
fn unhex(s: &str) -> Vec<u8> {
    if s == "-" {
        return Vec::new();
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn hex(b: &[u8]) -> String {
    if b.is_empty() {
        return "-".to_string();
    }
    b.iter().map(|c| format!("{c:02x}")).collect()
}

fn err_hex(e: Option<&NumError>) -> String {
    e.map_or("-".to_string(), |e| hex(e.error().as_bytes()))
}

/// Recomputes one line; returns what goscope says in gen.go's format.
fn check_line(f: &[&str]) -> String {
    let n = |i: usize| f[i].parse::<i64>().unwrap();
    let rest = match f[0] {
        "ftoa" => {
            let v = f64::from_bits(u64::from_str_radix(f[1], 16).unwrap());
            format_float(v, f[2].as_bytes()[0], n(3) as i32, n(4) as u32)
        }
        "atof" => {
            let (v, e) = match parse_float(&unhex(f[1]), n(2)) {
                Ok(v) => (v, None),
                Err((v, e)) => (v, Some(e)),
            };
            format!("{:x}\t{}", v.to_bits(), err_hex(e.as_ref()))
        }
        "ctoa" => {
            let re = f64::from_bits(u64::from_str_radix(f[1], 16).unwrap());
            let im = f64::from_bits(u64::from_str_radix(f[2], 16).unwrap());
            format_complex(re, im, f[3].as_bytes()[0], -1, n(4) as u32)
        }
        "atoc" => {
            let ((re, im), e) = match parse_complex(&unhex(f[1]), n(2)) {
                Ok(v) => (v, None),
                Err((v, e)) => (v, Some(e)),
            };
            format!(
                "{:x}\t{:x}\t{}",
                re.to_bits(),
                im.to_bits(),
                err_hex(e.as_ref())
            )
        }
        "itoa" => {
            let v = n(1);
            let b = n(2) as u32;
            format!("{}\t{}", format_int(v, b), format_uint(v as u64, b))
        }
        "atoi" => {
            let s = unhex(f[1]);
            let (v, e) = match parse_int(&s, n(2), n(3)) {
                Ok(v) => (v, None),
                Err((v, e)) => (v, Some(e)),
            };
            let (u, e2) = match parse_uint(&s, n(2), n(3)) {
                Ok(v) => (v, None),
                Err((v, e)) => (v, Some(e)),
            };
            format!(
                "{v}\t{}\t{u}\t{}",
                err_hex(e.as_ref()),
                err_hex(e2.as_ref())
            )
        }
        "Atoi" => {
            let (v, e) = match atoi(&unhex(f[1])) {
                Ok(v) => (v, None),
                Err((v, e)) => (v, Some(e)),
            };
            format!("{v}\t{}", err_hex(e.as_ref()))
        }
        "bool" => {
            let (v, e) = match parse_bool(&unhex(f[1])) {
                Ok(v) => (v, None),
                Err(e) => (false, Some(e)),
            };
            format!("{v}\t{}", err_hex(e.as_ref()))
        }
        "quote" => {
            let s = unhex(f[1]);
            format!(
                "{}\t{}\t{}\t{}",
                hex(quote(&s).as_bytes()),
                hex(quote_to_ascii(&s).as_bytes()),
                hex(quote_to_graphic(&s).as_bytes()),
                can_backquote(&s)
            )
        }
        "qrune" => {
            let r = n(1) as i32;
            format!(
                "{}\t{}\t{}",
                hex(quote_rune(r).as_bytes()),
                hex(quote_rune_to_ascii(r).as_bytes()),
                hex(quote_rune_to_graphic(r).as_bytes())
            )
        }
        "isprint" => is_print(n(1) as i32).to_string(),
        "isgraphic" => is_graphic(n(1) as i32).to_string(),
        "unquote" => {
            let s = unhex(f[1]);
            let syntax = hex(b"invalid syntax");
            let (u, e) = match unquote(&s) {
                Ok(u) => (hex(&u), "-".to_string()),
                Err(ErrSyntax) => ("-".to_string(), syntax.clone()),
            };
            let mut tail = s.clone();
            tail.extend_from_slice(b"tail");
            let (q, e2) = match quoted_prefix(&tail) {
                Ok(u) => (hex(&u), "-".to_string()),
                Err(ErrSyntax) => ("-".to_string(), syntax),
            };
            format!("{u}\t{e}\t{q}\t{e2}")
        }
        op => panic!("unknown op {op}"),
    };
    rest
}

#[test]
fn strconv_matches_gc() {
    let data = include_str!("data/strconv/strconv.out");
    let arity = |op: &str| match op {
        "ftoa" => 4,
        "atof" => 2,
        "bool" | "Atoi" | "quote" | "qrune" | "unquote" | "isprint" | "isgraphic" => 1,
        "atoi" => 3,
        "ctoa" => 4,
        "atoc" => 2,
        "itoa" => 2,
        _ => panic!("unknown op {op}"),
    };
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let k = arity(f[0]) + 1;
        let want = f[k..].join("\t");
        let got = check_line(&f);
        count += 1;
        if got != want {
            failures.push(format!("{}\n   gc: {want}\n  got: {got}", f[..k].join(" ")));
        }
    }
    assert!(count > 30000, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

/// Go's TestFtoaRandom: the Ryū paths give the digits the multiprecision decimal gives
/// (the decimal path is itself checked against gc above), over random floats.
#[test]
fn ryu_agrees_with_decimal() {
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let mut checked = 0;
    for i in 0..40_000 {
        let r = next();
        let (x, bits) = if i % 3 == 0 {
            (f64::from(f32::from_bits(r as u32)), 32)
        } else {
            (f64::from_bits(r), 64)
        };
        for (fmt, prec) in [(b'e', -1), (b'g', -1), (b'e', i % 18), (b'g', i % 19)] {
            let fast = format_float(x, fmt, prec, bits);
            let slow = format_float_decimal(x, fmt, prec, bits);
            assert_eq!(fast, slow, "{x:e} {} {prec} {bits}", fmt as char);
            checked += 1;
        }
    }
    assert_eq!(checked, 160_000);
}
