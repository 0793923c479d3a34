//! Type descriptors built from the checker's types against gc's: every
//! `show(v)` call of tests/rtype/types.go prints, under gc 1.19, the `%T`
//! name, size, alignments, ptrdata, pointer mask, tflag and kind of v's
//! dynamic type (and a map's bucket facts) read from gc's own `_type`
//! (tests/rtype/types.out); the same calls' argument types go through
//! `RtypeBuilder` here and must match field by field.

use goscope::compile::rtype::RtypeBuilder;
use goscope::driver::check_source_with;
use goscope::syntax::ast::{Decl, ExprKind, StmtKind};
use goscope_runtime::types::{tflag, Type, TypeExtra};

fn hex(mask: &[u8], ptrdata: usize) -> String {
    let n = (ptrdata / 8).div_ceil(8);
    (0..n)
        .map(|i| format!("{:02x}", mask.get(i).copied().unwrap_or(0)))
        .collect()
}

/// The line gc's show() prints for a descriptor.
fn facts(t: &Type) -> String {
    let mut s = format!(
        "{}|{}|{}|{}|{}|{}|{}|{}",
        t.str,
        t.size,
        t.align,
        t.field_align,
        t.ptrdata,
        hex(t.gcdata, t.ptrdata),
        t.tflag & !tflag::EXTRA_STAR,
        t.kind as u8
    );
    if let TypeExtra::Map {
        keysize,
        elemsize,
        bucketsize,
        flags,
        bucket,
        ..
    } = t.extra
    {
        s += &format!(
            "|{keysize}|{elemsize}|{bucketsize}|{flags}|{}|{}",
            bucket.ptrdata,
            hex(bucket.gcdata, bucket.ptrdata)
        );
    }
    s
}

#[test]
fn descriptors_match_gc() {
    let src = include_bytes!("rtype/types.go");
    let want: Vec<&str> = include_str!("rtype/types.out").lines().collect();
    let (_, got) = check_source_with("types.go", src, |file, c| {
        let mut b = RtypeBuilder::new(c, Box::new(|_, m| m.0));
        let mut out = Vec::new();
        let mut descs: Vec<&'static Type> = Vec::new();
        for d in &file.decls {
            let Decl::Func(fd) = d else { continue };
            if fd.name.sym.as_str() != "main" {
                continue;
            }
            for st in &fd.body.as_ref().expect("main has a body").stmts {
                let StmtKind::Expr(e) = &st.kind else {
                    continue;
                };
                let ExprKind::Call { fun, args, .. } = &e.kind else {
                    continue;
                };
                let t = c.info.type_of(args[0].id).expect("typed argument").ty;
                if fun.as_name().map(|n| n.as_str()) == Some("names") {
                    // reflect's NumMethod/Method: the exported methods.
                    let line = match b.rtype(t) {
                        Ok(d) => {
                            let ms: String = d
                                .uncommon
                                .iter()
                                .flat_map(|u| u.methods.iter())
                                .filter(|m| m.pkgpath.is_empty())
                                .map(|m| format!(" {}", m.name))
                                .collect();
                            format!("methods {}:{ms}", d.str)
                        }
                        Err(e) => e,
                    };
                    out.push(line);
                    continue;
                }
                out.push(match b.rtype(t) {
                    Ok(d) => {
                        descs.push(d);
                        facts(d)
                    }
                    Err(e) => format!("{}: {e}", b.type_name(t)),
                });
            }
        }
        // Identical types share a descriptor (`bool` is shown twice, once
        // from an untyped comparison).
        for x in &descs {
            for y in &descs {
                assert_eq!(x.str == y.str, std::ptr::eq(*x, *y), "{}", x.str);
            }
        }
        // Method sets: T's value methods, *T's all, sorted exported first.
        let names = |t: &Type| -> Vec<&str> {
            t.uncommon
                .as_ref()
                .map(|u| u.methods.iter().map(|m| m.name).collect())
                .unwrap_or_default()
        };
        let find = |s: &str| descs.iter().find(|d| d.str == s).copied();
        let my = find("main.MyInt").expect("main.MyInt built");
        assert_eq!(names(my), ["String", "m"]);
        assert_eq!(my.uncommon.as_ref().map(|u| u.pkgpath), Some("main"));
        let pmy = find("*main.MyInt").expect("*main.MyInt built");
        assert_eq!(names(pmy), ["Set", "String", "m"]);
        assert_eq!(
            pmy.uncommon.as_ref().map(|u| u.methods[0].mtyp.str),
            Some("func(int)")
        );
        // Recursive types: the edge closing the cycle reaches the same
        // descriptor.
        let node = find("main.Node").expect("main.Node built");
        let TypeExtra::Struct { fields, .. } = &node.extra else {
            panic!("main.Node is a struct");
        };
        let next = fields[0].typ;
        assert_eq!(next.str, "*main.Node");
        assert!(next.elem().is_some_and(|e| std::ptr::eq(e, node)));
        let walk = node.uncommon.as_ref().map(|u| u.methods[0].mtyp);
        let Some(TypeExtra::Func {
            params, results, ..
        }) = walk.map(|w| &w.extra)
        else {
            panic!("Walk is a func");
        };
        let TypeExtra::Func { params: fp, .. } = &params[0].extra else {
            panic!("Walk's parameter is a func");
        };
        assert!(std::ptr::eq(fp[0].get(), node));
        assert!(std::ptr::eq(results[0].get(), next));
        out
    });
    let got = got.expect("types.go checks");
    assert_eq!(got.len(), want.len());
    let mut bad = Vec::new();
    for (g, w) in got.iter().zip(&want) {
        if g != w {
            bad.push(format!("got  {g}\nwant {w}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
