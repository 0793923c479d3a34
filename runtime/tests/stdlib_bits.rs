//! goscope's math/bits against gc 1.19: data/bits/bits.out (written by
//! data/bits/gen.go under gc), including Div64's and Rem64's panics.

use goscope_runtime::stdlib::bits::*;

fn panic_text(e: BitsError) -> String {
    format!("panic:{}", e.message().replace(' ', "_"))
}

#[test]
fn bits_match_gc() {
    let data = include_str!("data/bits/bits.out");
    let mut n = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let v = |i: usize| f[i].parse::<u64>().unwrap();
        let (x, y, z) = (v(0), v(1), v(2));
        let k = (y % 200) as i64 - 100;
        let (s, c) = add64(x, y, z);
        let (d, b) = sub64(x, y, z);
        let (h, l) = mul64(x, y);
        let div = match div64(z * x, y, x) {
            Ok((q, r)) => format!("{q},{r}"),
            Err(e) => panic_text(e),
        };
        let rem = match rem64(y, x, z * x) {
            Ok(r) => r.to_string(),
            Err(e) => panic_text(e),
        };
        let got = format!(
            "{} {} {} {} {} {} {} {s} {c} {d} {b} {h} {l} {div} {rem}",
            len64(x),
            leading_zeros64(x),
            trailing_zeros64(x),
            ones_count64(x),
            rotate_left64(x, k),
            reverse64(x),
            reverse_bytes64(x)
        );
        assert_eq!(got, f[3..].join(" "), "x={x} y={y} z={z}");
        n += 1;
    }
    assert_eq!(n, 310);
}
