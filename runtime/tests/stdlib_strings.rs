//! goscope's strings functions against gc 1.19: every line of data/strings/strings.out
//! (written by data/strings/gen.go under gc) is recomputed and compared.

use goscope_runtime::stdlib::strings::*;
use goscope_runtime::stdlib::unicode;

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

/// gen.go's hl: a Go slice of strings (an empty Vec stands for nil after SplitN(.., 0)).
fn hex_list(a: &[&[u8]], nil: bool) -> String {
    if a.is_empty() {
        return if nil { "nil" } else { "empty" }.to_string();
    }
    a.iter().map(|s| hex(s)).collect::<Vec<_>>().join(",")
}

fn check(f: &[&str]) -> String {
    // Join's first argument is a list, not one string.
    let s = if f[0] == "Join" {
        Vec::new()
    } else {
        unhex(f[1])
    };
    let arg = |i: usize| unhex(f[i]);
    let num = |i: usize| f[i].parse::<i64>().unwrap();
    match f[0] {
        // Go's Fields returns a non-nil empty slice; FieldsFunc would be nil.
        "Fields" => hex_list(&fields(&s), false),
        "ToUpper" => hex(&to_upper(&s)),
        "ToLower" => hex(&to_lower(&s)),
        "ToTitle" => hex(&to_title(&s)),
        "Title" => hex(&title(&s)),
        "TrimSpace" => hex(trim_space(&s)),
        "TrimFuncPunct" => hex(trim_func(&s, unicode::is_punct)),
        "Map" => hex(&map(&s, |r| match r {
            0x61 => -1,
            0x62 => 0xFC,
            _ => r,
        })),
        "Index" => index(&s, &arg(2)).to_string(),
        "LastIndex" => last_index(&s, &arg(2)).to_string(),
        "Count" => count(&s, &arg(2)).to_string(),
        "IndexAny" => index_any(&s, &arg(2)).to_string(),
        "LastIndexAny" => last_index_any(&s, &arg(2)).to_string(),
        "Split" => hex_list(&split(&s, &arg(2)), false),
        "SplitAfter" => hex_list(&split_after(&s, &arg(2)), false),
        "SplitN" => hex_list(&split_n(&s, &arg(2), num(3)), num(3) == 0),
        "SplitAfterN" => hex_list(&split_after_n(&s, &arg(2), num(3)), num(3) == 0),
        "Replace" => {
            let sep = arg(2);
            let new = [b"<".as_slice(), &sep, b">"].concat();
            hex(&replace(&s, &sep, &new, num(3)))
        }
        "Trim" => hex(trim(&s, &[arg(2).as_slice(), b" "].concat())),
        "TrimLeft" => hex(trim_left(&s, &arg(2))),
        "TrimRight" => hex(trim_right(&s, &arg(2))),
        "TrimPrefix" => hex(trim_prefix(&s, &arg(2))),
        "TrimSuffix" => hex(trim_suffix(&s, &arg(2))),
        "Cut" => {
            let sep = arg(2);
            let (b, a, found) = cut(&s, &sep);
            format!("{},{},{found}", hex(b), hex(a))
        }
        "IndexRune" => index_rune(&s, num(2) as i32).to_string(),
        "EqualFold" => equal_fold(&s, &arg(2)).to_string(),
        "Repeat" => match repeat(&s, num(2)) {
            Ok(v) if v.len() > 1 << 20 => "-".to_string(),
            Ok(v) => hex(&v),
            Err(e) => format!("panic:{}", hex(e.message().as_bytes())),
        },
        "Join" => {
            let elems: Vec<Vec<u8>> = if f[1].is_empty() {
                Vec::new()
            } else {
                f[1].split(',').map(unhex).collect()
            };
            let refs: Vec<&[u8]> = elems.iter().map(|e| e.as_slice()).collect();
            hex(&join(&refs, &arg(2)))
        }
        op => panic!("unknown function {op}"),
    }
}

#[test]
fn strings_match_gc() {
    let data = include_str!("data/strings/strings.out");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let arrow = f.iter().position(|&x| x == "=>").unwrap();
        let want = f[arrow + 1];
        let got = check(&f[..arrow]);
        n += 1;
        if got != want {
            failures.push(format!(
                "{}\n   gc: {want}\n  got: {got}",
                f[..arrow].join(" ")
            ));
        }
    }
    assert!(n > 25000, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}
