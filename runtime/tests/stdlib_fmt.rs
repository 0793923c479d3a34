//! goscope's fmt core against gc 1.19: every line of data/fmt/fmt.out (written by
//! data/fmt/gen.go under gc) is printed again through fmtcore and compared.

use goscope_runtime::stdlib::fmtcore::{sprint, sprintf, sprintln, Arg, Basic};

fn unhex(s: &str) -> Vec<u8> {
    if s == "-" {
        return Vec::new();
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Decodes gen.go's typed operands; byte strings point into `store`.
fn decode<'a>(s: &str, store: &'a [Vec<u8>], k: &mut usize) -> Basic<'a> {
    if s == "nil" {
        return Basic::Nil;
    }
    let (t, v) = s.split_once(':').unwrap();
    let bits = |x: &str| u64::from_str_radix(x, 16).unwrap();
    let pair = || {
        let (a, b) = v.split_once(',').unwrap();
        (bits(a), bits(b))
    };
    let mut next = || {
        *k += 1;
        store[*k - 1].as_slice()
    };
    match t {
        "t" => Basic::Bool(v == "true"),
        "i" => Basic::Int(v.parse().unwrap()),
        "i8" => Basic::Int8(v.parse().unwrap()),
        "i16" => Basic::Int16(v.parse().unwrap()),
        "i32" => Basic::Int32(v.parse().unwrap()),
        "i64" => Basic::Int64(v.parse().unwrap()),
        "u" => Basic::Uint(v.parse().unwrap()),
        "u8" => Basic::Uint8(v.parse().unwrap()),
        "u16" => Basic::Uint16(v.parse().unwrap()),
        "u32" => Basic::Uint32(v.parse().unwrap()),
        "u64" => Basic::Uint64(v.parse().unwrap()),
        "uptr" => Basic::Uintptr(v.parse().unwrap()),
        "f32" => Basic::Float32(f32::from_bits(bits(v) as u32)),
        "f64" => Basic::Float64(f64::from_bits(bits(v))),
        "c64" => {
            let (a, b) = pair();
            Basic::Complex64(f32::from_bits(a as u32), f32::from_bits(b as u32))
        }
        "c128" => {
            let (a, b) = pair();
            Basic::Complex128(f64::from_bits(a), f64::from_bits(b))
        }
        "s" => Basic::String(next()),
        "b" if v == "nil" => Basic::Bytes(None),
        "b" => Basic::Bytes(Some(next())),
        _ => panic!("unknown operand {s}"),
    }
}

#[test]
fn fmt_matches_gc() {
    let data = include_str!("data/fmt/fmt.out");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let arrow = f.iter().position(|&x| x == "=>").unwrap();
        let want = unhex(f[arrow + 1]);
        let first = if f[0] == "printf" { 2 } else { 1 };
        let ops = &f[first..arrow];
        let store: Vec<Vec<u8>> = ops
            .iter()
            .filter(|o| (o.starts_with("s:") || o.starts_with("b:")) && **o != "b:nil")
            .map(|o| unhex(&o[2..]))
            .collect();
        let mut k = 0;
        let vals: Vec<Basic> = ops.iter().map(|o| decode(o, &store, &mut k)).collect();
        let args: Vec<&dyn Arg> = vals.iter().map(|v| v as &dyn Arg).collect();
        let got = match f[0] {
            "printf" => sprintf(&unhex(f[1]), &args),
            "print" => sprint(&args),
            _ => sprintln(&args),
        };
        count += 1;
        if got != want {
            failures.push(format!(
                "{} {}\n   gc: {:?}\n  got: {:?}",
                f[0],
                if first == 2 {
                    String::from_utf8_lossy(&unhex(f[1])).into_owned()
                } else {
                    String::new()
                },
                String::from_utf8_lossy(&want),
                String::from_utf8_lossy(&got)
            ));
        }
    }
    assert!(count > 5000, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
