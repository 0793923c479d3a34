//! goscope's math/rand against gc 1.19: data/rand/rand.out (written by
//! data/rand/gen.go under gc) replayed call by call on the same generators.

use goscope_runtime::stdlib::rand::Rand;
use std::collections::HashMap;

/// One line's calls on `r`, formatted as gen.go formats them.
fn replay(r: &mut Rand, func: &str, arg: i64) -> Vec<String> {
    const K: usize = 40;
    let mut v = Vec::new();
    match func {
        "Intn" => (0..K).for_each(|_| v.push(r.intn(arg).unwrap().to_string())),
        "Int63n" => (0..K / 2).for_each(|_| v.push(r.int63n(arg).unwrap().to_string())),
        "Int31n" => (0..K / 2).for_each(|_| v.push(r.int31n(arg as i32).unwrap().to_string())),
        "Mixed" => {
            for _ in 0..K {
                v.push(r.int63().to_string());
                v.push(r.uint32().to_string());
                v.push(r.uint64().to_string());
                v.push(r.int31().to_string());
                v.push(r.int().to_string());
            }
        }
        "Float" => {
            for _ in 0..K {
                v.push(format!("{:x}", r.float64().to_bits()));
                v.push(format!("{:x}", r.float32().to_bits()));
            }
        }
        "NormExp" => {
            for _ in 0..200 {
                v.push(format!("{:x}", r.norm_float64().to_bits()));
                v.push(format!("{:x}", r.exp_float64().to_bits()));
            }
        }
        "Perm" => v = r.perm(arg as usize).iter().map(|x| x.to_string()).collect(),
        "Shuffle" => r.shuffle(arg, |i, j| v.push(format!("{i},{j}"))).unwrap(),
        "Read" => {
            let mut p = vec![0u8; arg as usize];
            r.read(&mut p);
            v = p.iter().map(|b| b.to_string()).collect();
        }
        _ => panic!("unknown function {func}"),
    }
    v
}

#[test]
fn rand_matches_gc() {
    let data = include_str!("data/rand/rand.out");
    let mut gens: HashMap<String, Rand> = HashMap::new();
    let mut failures = Vec::new();
    let mut values = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let (name, func, arg) = (f[0], f[1], f[2].parse::<i64>().unwrap());
        if name == "global7" && !gens.contains_key(name) {
            // gen.go reads 3 bytes from the global source, then seeds it with 7.
            let mut g = gens.remove("global").unwrap();
            g.read(&mut [0u8; 3]);
            g.seed(7);
            gens.insert(name.to_string(), g);
        }
        let r = gens.entry(name.to_string()).or_insert_with(|| {
            // The package functions' source is seeded with 1 in Go 1.19.
            Rand::new(if name == "global" {
                1
            } else {
                name.parse().unwrap()
            })
        });
        let want: Vec<&str> = f[3].split(' ').filter(|s| !s.is_empty()).collect();
        let got = replay(r, func, arg);
        values += want.len();
        if got != want {
            failures.push(format!(
                "{name} {func}({arg})\n   gc: {want:?}\n  got: {got:?}"
            ));
        }
    }
    assert!(values > 20000, "only {values} values");
    assert!(
        failures.is_empty(),
        "{} lines differ:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}
