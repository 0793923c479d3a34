//! goscope's math functions against gc 1.19 bit for bit: data/math/math.out (written by
//! data/math/gen.go under gc on an amd64 machine with AVX and FMA, so Exp's FMA path,
//! which the test pins whatever the CPU running it; the other path is checked too).

use goscope_runtime::stdlib::math::*;

fn bits(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

fn hex(f: f64) -> String {
    format!("{:x}", f.to_bits())
}

#[test]
fn math_matches_gc() {
    with_exp_path(true, math_matches_gc_fma);
}

fn math_matches_gc_fma() {
    let data = include_str!("data/math/math.out");
    let mut failures = Vec::new();
    let mut n = 0;
    let mut exact_k = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let x = bits(f[1]);
        let (args, got) = match f[0] {
            "Exp" => (2, hex(exp(x))),
            "Log" => (2, hex(log(x))),
            "Log10" => (2, hex(log10(x))),
            "Log2" => (2, hex(log2(x))),
            "Frexp" => {
                let (fr, e) = frexp(x);
                (2, format!("{} {e}", hex(fr)))
            }
            "Modf" => {
                let (i, fr) = modf(x);
                (2, format!("{} {}", hex(i), hex(fr)))
            }
            "Sin" => (2, hex(sin(x))),
            "Cos" => (2, hex(cos(x))),
            "Tan" => (2, hex(tan(x))),
            "Atan" => (2, hex(atan(x))),
            "Asin" => (2, hex(asin(x))),
            "Acos" => (2, hex(acos(x))),
            "Atan2" => (3, hex(atan2(x, bits(f[2])))),
            "Cbrt" => (2, hex(cbrt(x))),
            "Sinh" => (2, hex(sinh(x))),
            "Cosh" => (2, hex(cosh(x))),
            "Tanh" => (2, hex(tanh(x))),
            "Log1p" => (2, hex(log1p(x))),
            "Expm1" => (2, hex(expm1(x))),
            "Exp2" => (2, hex(exp2(x))),
            "Asinh" => (2, hex(asinh(x))),
            "Acosh" => (2, hex(acosh(x))),
            "Atanh" => (2, hex(atanh(x))),
            // Sqrt, Floor, Ceil, Trunc, Round, RoundToEven, Abs in gen.go's order: exact
            // operations, for which Rust's own serve.
            "Exact" => {
                let ops: [fn(f64) -> f64; 7] = [
                    f64::sqrt,
                    f64::floor,
                    f64::ceil,
                    f64::trunc,
                    f64::round,
                    f64::round_ties_even,
                    f64::abs,
                ];
                exact_k = (exact_k + 1) % 7;
                (2, hex(ops[(exact_k + 6) % 7](x)))
            }
            "Remainder" => (3, hex(remainder(x, bits(f[2])))),
            "Nextafter" => (3, hex(nextafter(x, bits(f[2])))),
            "Nextafter32" => (3, hex(f64::from(nextafter32(x as f32, bits(f[2]) as f32)))),
            "Dim" => (3, hex(dim(x, bits(f[2])))),
            "Hypot" => (3, hex(hypot(x, bits(f[2])))),
            "Ldexp" => (3, hex(ldexp(x, f[2].parse().unwrap()))),
            "Pow" => (3, hex(pow(x, bits(f[2])))),
            "Mod" => (3, hex(fmod(x, bits(f[2])))),
            "Max" => (3, hex(max(x, bits(f[2])))),
            "Min" => (3, hex(min(x, bits(f[2])))),
            op => panic!("unknown function {op}"),
        };
        let want = f[args..].join(" ");
        n += 1;
        if got != want {
            failures.push(format!("{line}\n  got: {got}"));
        }
    }
    assert!(n > 60000, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

/// Exp's, Pow's and the hyperbolic functions' results when gc runs without FMA
/// (GODEBUG=cpu.fma=off): data/math/math_nofma.out, hundreds of whose lines differ from
/// the FMA results.
#[test]
fn math_without_fma_matches_gc() {
    with_exp_path(false, math_without_fma);
}

fn math_without_fma() {
    let data = include_str!("data/math/math_nofma.out");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let x = bits(f[1]);
        let (got, want) = match f[0] {
            "Exp" => (hex(exp(x)), f[2]),
            "Sinh" => (hex(sinh(x)), f[2]),
            "Cosh" => (hex(cosh(x)), f[2]),
            "Tanh" => (hex(tanh(x)), f[2]),
            _ => (hex(pow(x, bits(f[2]))), f[3]),
        };
        n += 1;
        if got != want {
            failures.push(format!("{line}\n  got: {got}"));
        }
    }
    assert!(n > 8000, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}
