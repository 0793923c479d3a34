//! goscope's unicode package against gc 1.19 over every rune: data/unicode/unicode.out
//! (written by data/unicode/gen.go under gc) lists where each predicate changes and every
//! rune each case mapping changes; all other runes must agree too.

use goscope_runtime::stdlib::unicode::*;
use std::collections::HashMap;

type Pred = fn(i32) -> bool;
type Map = fn(i32) -> i32;

#[test]
fn unicode_matches_gc() {
    let data = include_str!("data/unicode/unicode.out");
    let preds: [(&str, Pred); 13] = [
        ("IsLetter", is_letter),
        ("IsUpper", is_upper),
        ("IsLower", is_lower),
        ("IsTitle", is_title),
        ("IsMark", is_mark),
        ("IsNumber", is_number),
        ("IsDigit", is_digit),
        ("IsPunct", is_punct),
        ("IsSymbol", is_symbol),
        ("IsSpace", is_space),
        ("IsControl", is_control),
        ("IsPrint", is_print),
        ("IsGraphic", is_graphic),
    ];
    let maps: [(&str, Map); 4] = [
        ("ToUpper", to_upper),
        ("ToLower", to_lower),
        ("ToTitle", to_title),
        ("SimpleFold", simple_fold),
    ];
    let mut changes: HashMap<&str, Vec<(i32, bool)>> = HashMap::new();
    let mut mapped: HashMap<&str, HashMap<i32, i32>> = HashMap::new();
    for line in data.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let r: i32 = f[2].parse().unwrap();
        match f[0] {
            "pred" => changes.entry(f[1]).or_default().push((r, f[3] == "true")),
            _ => {
                mapped
                    .entry(f[1])
                    .or_default()
                    .insert(r, f[3].parse().unwrap());
            }
        }
    }
    let mut failures = Vec::new();
    for (name, pred) in preds {
        let ch = &changes[name];
        let mut k = 0;
        let mut want = false;
        for r in -2..=0x110001 {
            if k < ch.len() && ch[k].0 == r {
                want = ch[k].1;
                k += 1;
            }
            if pred(r) != want {
                failures.push(format!("{name}({r:#x}) = {} want {want}", pred(r)));
            }
        }
    }
    for (name, map) in maps {
        let m = &mapped[name];
        assert!(m.len() > 1000, "{name}: only {} mappings", m.len());
        for r in -2..=0x110001 {
            let want = m.get(&r).copied().unwrap_or(r);
            if map(r) != want {
                failures.push(format!("{name}({r:#x}) = {:#x} want {want:#x}", map(r)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}
