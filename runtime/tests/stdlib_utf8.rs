//! goscope's unicode/utf8 against gc 1.19: data/utf8/utf8.out (written by
//! data/utf8/gen.go under gc) decodes every 1- and 2-byte sequence and many longer ones.

use goscope_runtime::stdlib::utf8::*;

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn utf8_matches_gc() {
    let data = include_str!("data/utf8/utf8.out");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let (want, got) = if f[0] == "dec" {
            let b = unhex(f[1]);
            let (r, size) = decode_rune(&b);
            let (lr, lsize) = decode_last_rune(&b);
            let got = format!(
                "{r} {size} {lr} {lsize} {} {}",
                valid_string(&b),
                rune_count(&b)
            );
            (f[2..].join(" "), got)
        } else {
            let r: i32 = f[1].parse().unwrap();
            let mut enc = Vec::new();
            append_rune(&mut enc, r);
            let hex: String = enc.iter().map(|c| format!("{c:02x}")).collect();
            let got = format!("{} {} {hex}", rune_len(r), valid_rune(r));
            (f[2..].join(" "), got)
        };
        n += 1;
        if want != got {
            failures.push(format!("{line}\n  got: {got}"));
        }
    }
    assert!(n > 20000, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}
