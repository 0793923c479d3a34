//! Every registered native (runtime/src/natives) names a function of the
//! std API the checker knows (std/<pkg>.go), and its declared parameter
//! and result slot counts are those of the checker's signature: a Go
//! program referring to each native by name type-checks, and the slots of
//! each reference's type match the table.

use goscope::compile::signature_slots;
use goscope::driver::check_source_with;
use goscope::syntax::ast::Decl;
use goscope_runtime::natives::table;

#[test]
fn natives_match_the_std_api() {
    let natives = table();
    assert!(!natives.is_empty());
    let mut imports = std::collections::BTreeSet::new();
    let mut vars = String::new();
    let mut checked = Vec::new();
    for n in natives {
        // Methods: `pkg.(*T).M` is checked as the method expression
        // `(*pkg.T).M`, `pkg.T.M` as `pkg.T.M` (the receiver is its first
        // parameter); methods of
        // unexported std types (`errors.(*errorString).Error`) have no
        // declared API to check against.
        let (path, expr) = match n.name.split_once(".(*") {
            Some((path, rest)) => {
                let (t, m) = rest.split_once(").").expect("pkg.(*T).M");
                if !t.starts_with(|ch: char| ch.is_ascii_uppercase()) {
                    continue;
                }
                let pkg = path.rsplit('/').next().unwrap_or(path);
                (path, format!("(*{pkg}.{t}).{m}"))
            }
            None => {
                // `pkg.Name`, or a value method `pkg.T.M` (checked as the
                // method expression `pkg.T.M`).
                let (dir, last) = n.name.rsplit_once('/').unwrap_or(("", n.name));
                let (pkg, name) = last.split_once('.').expect("pkg.Name");
                let path = &n.name[..n.name.len() - name.len() - 1];
                debug_assert!(dir.is_empty() || path.starts_with(dir));
                (path, format!("{pkg}.{name}"))
            }
        };
        imports.insert(path.to_string());
        vars.push_str(&format!("var _ = {expr}\n"));
        checked.push(n);
    }
    let natives = checked;
    let mut src = String::from("package main\n\nimport (\n");
    for p in &imports {
        src.push_str(&format!("\t\"{p}\"\n"));
    }
    src.push_str(")\n\n");
    src.push_str(&vars);
    src.push_str("\nfunc main() {}\n");
    let (outcome, got) = check_source_with("natives.go", src.as_bytes(), |file, c| {
        let mut slots = Vec::new();
        for d in &file.decls {
            let Decl::Var(vd) = d else { continue };
            let Some(v) = &vd.values else { continue };
            let t = c.info.type_of(v.id).map(|t| t.ty);
            slots.push(t.and_then(|t| signature_slots(c, t)));
        }
        slots
    });
    let msgs: Vec<String> = outcome.diags.iter().map(|d| format!("{d:?}")).collect();
    let got = got.unwrap_or_else(|| panic!("the natives' names do not check:\n{src}\n{msgs:#?}"));
    assert_eq!(got.len(), natives.len());
    for (n, s) in natives.iter().zip(got) {
        assert_eq!(s, Some((n.params, n.results)), "{}", n.name);
    }
}
