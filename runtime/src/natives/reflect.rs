//! reflect's types (reflect/type.go) as natives over goscope's `_type`
//! descriptors: a `reflect.Type` is an iface {itab of `*reflect.rtype`,
//! descriptor address}, so the descriptor plays rtype and `TypeOf(x) ==
//! TypeOf(y)` compares descriptors as gc does. The itab comes from the
//! compiler (`Program::reflect_itabs`, compile/reflectsetup.rs).
//!
//! Methods of `*rtype` are `reflect.(*rtype).M`, taking the descriptor
//! address; `reflect.Kind.String` and `reflect.StructTag.Get` take the
//! value. Misuse panics with gc's texts (`reflect: Elem of invalid type
//! int`). reflect.Value is reflectvalue.rs, DeepEqual deepequal.rs.

use super::{gostring, native, panic_string, Ctx, Native};
use crate::itab::{getitab, Itab};
use crate::mem;
use crate::types::{tflag, type_from_addr, Kind, StructField, Type, TypeExtra};
use crate::vm::Raise;

type R = Result<(), Raise>;

/// The compiler-built itab whose concrete type's name is `name`.
fn reflect_itab(c: &Ctx<'_, '_>, name: &str) -> Result<&'static Itab, Raise> {
    c.vm.program()
        .reflect_itabs
        .iter()
        .copied()
        .find(|t| t.typ.str == name)
        .ok_or_else(|| {
            Raise::Error(crate::error::RuntimeError::error_string(
                "goscope: internal error: reflect's itabs not built",
            ))
        })
}

/// The `reflect.Type` words of `t` (a nil Type for None).
pub(super) fn type_iface(c: &Ctx<'_, '_>, t: Option<&'static Type>) -> Result<(u64, u64), Raise> {
    match t {
        None => Ok((0, 0)),
        Some(t) => Ok((reflect_itab(c, "*reflect.rtype")?.addr(), t.addr())),
    }
}

/// Writes `reflect.Type` of `t` to slots `i, i+1`.
pub(super) fn set_type(c: &mut Ctx<'_, '_>, i: u32, t: Option<&'static Type>) -> R {
    let (a, b) = type_iface(c, t)?;
    c.set(i, a);
    c.set(i + 1, b);
    Ok(())
}

/// `panic(&ValueError{method, kind})`: the panic of a Value method called
/// on a Value of the wrong kind.
pub(super) fn value_error(c: &Ctx<'_, '_>, method: &str, kind: u64) -> Raise {
    let tab = match reflect_itab(c, "*reflect.ValueError") {
        Ok(t) => t,
        Err(e) => return e,
    };
    let p = crate::malloc::mallocgc(24, tab.typ.elem(), true);
    let (sp, sl) = gostring(method.as_bytes());
    mem::store_u64(p, sp);
    mem::store_u64(p + 8, sl);
    mem::store_u64(p + 16, kind);
    Raise::Value((tab.typ.addr(), p))
}

/// gc's kindNames.
pub(super) fn kind_name(k: u64) -> String {
    const NAMES: [&str; 27] = [
        "invalid",
        "bool",
        "int",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "uintptr",
        "float32",
        "float64",
        "complex64",
        "complex128",
        "array",
        "chan",
        "func",
        "interface",
        "map",
        "ptr",
        "slice",
        "string",
        "struct",
        "unsafe.Pointer",
    ];
    match NAMES.get(k as usize) {
        Some(n) => n.to_string(),
        None => format!("kind{}", k as i64),
    }
}

/// The descriptor a `*rtype` receiver points at.
fn recv(c: &Ctx<'_, '_>) -> Result<&'static Type, Raise> {
    type_from_addr(c.arg(0)).ok_or_else(|| Raise::Error(crate::error::RuntimeError::nil_deref()))
}

/// gc's Name: the part of String after the last '.' outside brackets.
pub(super) fn type_name(t: &Type) -> &'static str {
    if t.tflag & tflag::NAMED == 0 {
        return "";
    }
    let s = t.str.as_bytes();
    let mut i = s.len();
    let mut depth = 0i32;
    while i > 0 && (s[i - 1] != b'.' || depth != 0) {
        match s[i - 1] {
            b']' => depth += 1,
            b'[' => depth -= 1,
            _ => {}
        }
        i -= 1;
    }
    &t.str[i..]
}

/// gc's PkgPath: the defining package of a named type.
pub(super) fn pkg_path(t: &Type) -> &'static str {
    if t.tflag & tflag::NAMED == 0 {
        return "";
    }
    t.uncommon.as_ref().map_or("", |u| u.pkgpath)
}

/// The struct fields of `t`, if a struct.
pub(super) fn fields(t: &Type) -> Option<&'static [StructField]> {
    match t.extra {
        TypeExtra::Struct { fields, .. } => Some(fields),
        _ => None,
    }
}

fn string(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    c.set_str(1, t.str.as_bytes());
    Ok(())
}

fn name(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    c.set_str(1, type_name(t).as_bytes());
    Ok(())
}

fn pkgpath(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    c.set_str(1, pkg_path(t).as_bytes());
    Ok(())
}

fn kind(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    c.set(1, t.kind as u64);
    Ok(())
}

fn size(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    c.set(1, t.size as u64);
    Ok(())
}

fn align(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    c.set(1, t.align as u64);
    Ok(())
}

fn field_align(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    c.set(1, t.field_align as u64);
    Ok(())
}

fn bits(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let k = t.kind as u64;
    if !(Kind::Int as u64..=Kind::Complex128 as u64).contains(&k) {
        return Err(panic_string(&format!(
            "reflect: Bits of non-arithmetic Type {}",
            t.str
        )));
    }
    c.set(1, 8 * t.size as u64);
    Ok(())
}

fn comparable(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    c.set_bool(1, crate::alg::is_comparable(t));
    Ok(())
}

fn elem(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    match t.elem() {
        Some(e) => set_type(c, 1, Some(e)),
        None => Err(panic_string(&format!(
            "reflect: Elem of invalid type {}",
            t.str
        ))),
    }
}

fn key(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    match t.extra {
        TypeExtra::Map { key, .. } => set_type(c, 1, Some(key)),
        _ => Err(panic_string(&format!(
            "reflect: Key of non-map type {}",
            t.str
        ))),
    }
}

fn len(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    match t.extra {
        TypeExtra::Array { len, .. } => {
            c.set(1, len as u64);
            Ok(())
        }
        _ => Err(panic_string(&format!(
            "reflect: Len of non-array type {}",
            t.str
        ))),
    }
}

fn chan_dir(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    match t.extra {
        TypeExtra::Chan { dir, .. } => {
            c.set(1, dir as u64);
            Ok(())
        }
        _ => Err(panic_string(&format!(
            "reflect: ChanDir of non-chan type {}",
            t.str
        ))),
    }
}

fn num_field(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    match fields(t) {
        Some(f) => {
            c.set(1, f.len() as u64);
            Ok(())
        }
        None => Err(panic_string(&format!(
            "reflect: NumField of non-struct type {}",
            t.str
        ))),
    }
}

/// Writes the reflect.StructField of field `i` of struct `t`, with
/// `index` as its Index, to the 13 slots at `at`.
fn set_struct_field(c: &mut Ctx<'_, '_>, at: u32, t: &Type, i: usize, index: &[usize]) -> R {
    let Some(f) = fields(t).and_then(|fs| fs.get(i)) else {
        return Err(panic_string("reflect: Field index out of bounds"));
    };
    let pkg = match t.extra {
        TypeExtra::Struct { pkgpath, .. } if !f.exported => pkgpath,
        _ => "",
    };
    c.set_str(at, f.name.as_bytes());
    c.set_str(at + 2, pkg.as_bytes());
    set_type(c, at + 4, Some(f.typ))?;
    c.set_str(at + 6, f.tag.as_bytes());
    c.set(at + 8, f.offset as u64);
    let n = index.len();
    let arr = crate::malloc::mallocgc(8 * n, None, true);
    for (k, &x) in index.iter().enumerate() {
        mem::store_u64(arr + 8 * k as u64, x as u64);
    }
    c.set(at + 9, arr);
    c.set(at + 10, n as u64);
    c.set(at + 11, n as u64);
    c.set_bool(at + 12, f.embedded);
    Ok(())
}

fn field(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    if fields(t).is_none() {
        return Err(panic_string(&format!(
            "reflect: Field of non-struct type {}",
            t.str
        )));
    }
    let i = c.arg(1) as i64;
    if i < 0 {
        return Err(panic_string("reflect: Field index out of bounds"));
    }
    set_struct_field(c, 2, t, i as usize, &[i as usize])
}

/// gc's FieldByName: the shallowest field named `name`, through embedded
/// structs breadth-first; ambiguous at its depth means not found.
pub(super) fn field_by_name(t: &'static Type, name: &str) -> Option<(&'static Type, Vec<usize>)> {
    let mut level: Vec<(&'static Type, Vec<usize>)> = vec![(t, Vec::new())];
    let mut visited: Vec<*const Type> = Vec::new();
    for _ in 0..64 {
        if level.is_empty() {
            break;
        }
        let mut found: Vec<(&'static Type, Vec<usize>)> = Vec::new();
        let mut next = Vec::new();
        for (st, path) in &level {
            if visited.contains(&(*st as *const Type)) {
                continue;
            }
            visited.push(*st as *const Type);
            let Some(fs) = fields(st) else { continue };
            for (i, f) in fs.iter().enumerate() {
                let mut p = path.clone();
                p.push(i);
                if f.name == name {
                    found.push((st, p));
                } else if f.embedded {
                    let ft = if f.typ.kind == Kind::Pointer {
                        f.typ.elem().unwrap_or(f.typ)
                    } else {
                        f.typ
                    };
                    if ft.kind == Kind::Struct {
                        next.push((ft, p));
                    }
                }
            }
        }
        match found.len() {
            0 => level = next,
            1 => return found.pop(),
            _ => return None,
        }
    }
    None
}

fn field_by_name_native(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    if fields(t).is_none() {
        return Err(panic_string(&format!(
            "reflect: FieldByName of non-struct type {}",
            t.str
        )));
    }
    let name = String::from_utf8_lossy(c.str(1)).into_owned();
    match field_by_name(t, &name) {
        Some((st, path)) => {
            let i = path.last().copied().unwrap_or(0);
            set_struct_field(c, 3, st, i, &path)?;
            c.set_bool(16, true);
        }
        None => {
            for k in 3..17 {
                c.set(k, 0);
            }
        }
    }
    Ok(())
}

fn func_parts(
    t: &Type,
    what: &str,
) -> Result<
    (
        &'static [crate::types::TypeRef],
        &'static [crate::types::TypeRef],
        bool,
    ),
    Raise,
> {
    match t.extra {
        TypeExtra::Func {
            params,
            results,
            variadic,
        } => Ok((params, results, variadic)),
        _ => Err(panic_string(&format!(
            "reflect: {what} of non-func type {}",
            t.str
        ))),
    }
}

fn num_in(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let (p, _, _) = func_parts(t, "NumIn")?;
    c.set(1, p.len() as u64);
    Ok(())
}

fn num_out(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let (_, r, _) = func_parts(t, "NumOut")?;
    c.set(1, r.len() as u64);
    Ok(())
}

fn is_variadic(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let (_, _, v) = func_parts(t, "IsVariadic")?;
    c.set_bool(1, v);
    Ok(())
}

fn index_error(i: u64, n: usize) -> Raise {
    Raise::Error(crate::error::RuntimeError::new(
        crate::error::RuntimeErrorKind::Bounds,
        format!("index out of range [{}] with length {n}", i as i64),
    ))
}

fn in_(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let (p, _, _) = func_parts(t, "In")?;
    let i = c.arg(1);
    let e = p.get(i as usize).ok_or_else(|| index_error(i, p.len()))?;
    set_type(c, 2, Some(e.get()))
}

fn out(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let (_, r, _) = func_parts(t, "Out")?;
    let i = c.arg(1);
    let e = r.get(i as usize).ok_or_else(|| index_error(i, r.len()))?;
    set_type(c, 2, Some(e.get()))
}

/// gc's NumMethod: an interface's methods, else the exported methods of
/// the method set.
fn num_method(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let n = match t.extra {
        TypeExtra::Interface { methods } => methods.len(),
        _ => t.uncommon.as_ref().map_or(0, |u| {
            u.methods
                .iter()
                .filter(|m| m.name.starts_with(|ch: char| ch.is_uppercase()))
                .count()
        }),
    };
    c.set(1, n as u64);
    Ok(())
}

/// The type argument `u` (a reflect.Type at slots 1, 2) of Implements
/// and AssignableTo.
fn type_arg(c: &Ctx<'_, '_>, method: &str) -> Result<&'static Type, Raise> {
    type_from_addr(c.arg(2))
        .ok_or_else(|| panic_string(&format!("reflect: nil type passed to Type.{method}")))
}

/// gc's implements: whether `v` has every method of the interface `t`.
pub(super) fn implements(t: &'static Type, v: &'static Type) -> bool {
    let TypeExtra::Interface { methods } = t.extra else {
        return false;
    };
    if methods.is_empty() {
        return true;
    }
    if let TypeExtra::Interface { methods: vm } = v.extra {
        return methods.iter().all(|m| {
            vm.iter()
                .any(|x| x.name == m.name && x.pkgpath == m.pkgpath && std::ptr::eq(x.typ, m.typ))
        });
    }
    getitab(t, v).is_ok()
}

/// gc's directlyAssignable (without channel direction subtleties):
/// identical types, or one unnamed with an identical underlying type.
pub(super) fn directly_assignable(t: &'static Type, v: &'static Type) -> bool {
    if std::ptr::eq(t, v) {
        return true;
    }
    if (t.tflag & tflag::NAMED != 0 && v.tflag & tflag::NAMED != 0) || t.kind != v.kind {
        return false;
    }
    identical_underlying(t, v)
}

/// Whether `t` and `v` have identical underlying types (Convert between
/// them only retypes the value).
pub(super) fn same_underlying(t: &Type, v: &Type) -> bool {
    std::ptr::eq(t, v) || identical_underlying(t, v)
}

/// gc's haveIdenticalUnderlyingType for two descriptors of one kind.
fn identical_underlying(t: &Type, v: &Type) -> bool {
    use TypeExtra as X;
    if t.kind != v.kind {
        return false;
    }
    match (&t.extra, &v.extra) {
        (X::None, X::None) => true,
        (X::Array { elem: a, len: n }, X::Array { elem: b, len: m }) => {
            n == m && std::ptr::eq(*a, *b)
        }
        (X::Chan { elem: a, dir: d }, X::Chan { elem: b, dir: e }) => {
            d == e && std::ptr::eq(a.get(), b.get())
        }
        (X::Pointer { elem: a }, X::Pointer { elem: b })
        | (X::Slice { elem: a }, X::Slice { elem: b }) => std::ptr::eq(a.get(), b.get()),
        (
            X::Map {
                key: k1, elem: e1, ..
            },
            X::Map {
                key: k2, elem: e2, ..
            },
        ) => std::ptr::eq(*k1, *k2) && std::ptr::eq(*e1, *e2),
        (
            X::Func {
                params: p1,
                results: r1,
                variadic: v1,
            },
            X::Func {
                params: p2,
                results: r2,
                variadic: v2,
            },
        ) => {
            v1 == v2
                && p1.len() == p2.len()
                && r1.len() == r2.len()
                && p1
                    .iter()
                    .zip(p2.iter())
                    .all(|(a, b)| std::ptr::eq(a.get(), b.get()))
                && r1
                    .iter()
                    .zip(r2.iter())
                    .all(|(a, b)| std::ptr::eq(a.get(), b.get()))
        }
        (X::Interface { methods: a }, X::Interface { methods: b }) => {
            a.len() == b.len()
                && a.iter().zip(b.iter()).all(|(x, y)| {
                    x.name == y.name && x.pkgpath == y.pkgpath && std::ptr::eq(x.typ, y.typ)
                })
        }
        (
            X::Struct {
                fields: a,
                pkgpath: p,
            },
            X::Struct {
                fields: b,
                pkgpath: q,
            },
        ) => {
            a.len() == b.len()
                && (a.iter().all(|f| f.exported) || p == q)
                && a.iter().zip(b.iter()).all(|(x, y)| {
                    x.name == y.name
                        && std::ptr::eq(x.typ, y.typ)
                        && x.tag == y.tag
                        && x.offset == y.offset
                        && x.embedded == y.embedded
                })
        }
        _ => false,
    }
}

fn implements_native(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let u = type_arg(c, "Implements")?;
    if u.kind != Kind::Interface {
        return Err(panic_string(
            "reflect: non-interface type passed to Type.Implements",
        ));
    }
    c.set_bool(3, implements(u, t));
    Ok(())
}

fn assignable_to(c: &mut Ctx<'_, '_>) -> R {
    let t = recv(c)?;
    let u = type_arg(c, "AssignableTo")?;
    c.set_bool(3, directly_assignable(u, t) || implements(u, t));
    Ok(())
}

fn kind_string(c: &mut Ctx<'_, '_>) -> R {
    let s = kind_name(c.arg(0));
    c.set_str(1, s.as_bytes());
    Ok(())
}

fn chan_dir_string(c: &mut Ctx<'_, '_>) -> R {
    let s = match c.arg(0) as i64 {
        1 => "<-chan".to_string(),
        2 => "chan<-".to_string(),
        3 => "chan".to_string(),
        d => format!("ChanDir{d}"),
    };
    c.set_str(1, s.as_bytes());
    Ok(())
}

/// gc's StructTag.Lookup: the value of `key` in a conventional
/// `key:"value" key2:"value2"` tag (value unquoted).
fn tag_lookup(tag: &[u8], key: &[u8]) -> Option<Vec<u8>> {
    let mut tag = tag;
    while !tag.is_empty() {
        let mut i = 0;
        while i < tag.len() && tag[i] == b' ' {
            i += 1;
        }
        tag = &tag[i..];
        if tag.is_empty() {
            break;
        }
        i = 0;
        while i < tag.len() && tag[i] > b' ' && tag[i] != b':' && tag[i] != b'"' && tag[i] != 0x7f {
            i += 1;
        }
        if i == 0 || i + 1 >= tag.len() || tag[i] != b':' || tag[i + 1] != b'"' {
            break;
        }
        let name = &tag[..i];
        tag = &tag[i + 1..];
        i = 1;
        while i < tag.len() && tag[i] != b'"' {
            if tag[i] == b'\\' {
                i += 1;
            }
            i += 1;
        }
        if i >= tag.len() {
            break;
        }
        let qvalue = &tag[..i + 1];
        tag = &tag[i + 1..];
        if name == key {
            return crate::stdlib::strconv::unquote(qvalue).ok();
        }
    }
    None
}

fn tag_get(c: &mut Ctx<'_, '_>) -> R {
    let v = tag_lookup(c.str(0), c.str(2)).unwrap_or_default();
    c.set_str(4, &v);
    Ok(())
}

fn tag_lookup_native(c: &mut Ctx<'_, '_>) -> R {
    let v = tag_lookup(c.str(0), c.str(2));
    c.set_bool(6, v.is_some());
    c.set_str(4, &v.unwrap_or_default());
    Ok(())
}

fn struct_field_is_exported(c: &mut Ctx<'_, '_>) -> R {
    // PkgPath (slots 2, 3) is empty exactly for exported fields.
    c.set_bool(13, c.arg(3) == 0);
    Ok(())
}

/// `(*ValueError).Error`: "reflect: call of M on zero Value" or
/// "reflect: call of M on K Value".
fn value_error_error(c: &mut Ctx<'_, '_>) -> R {
    let p = c.arg(0);
    if p < 4096 {
        return Err(Raise::Error(crate::error::RuntimeError::nil_deref()));
    }
    let m = super::fmtvalue::go_bytes(mem::load_u64(p), mem::load_u64(p + 8));
    let k = mem::load_u64(p + 16);
    let mut s = b"reflect: call of ".to_vec();
    s.extend_from_slice(m);
    if k == 0 {
        s.extend_from_slice(b" on zero Value");
    } else {
        s.extend_from_slice(format!(" on {} Value", kind_name(k)).as_bytes());
    }
    c.set_str(1, &s);
    Ok(())
}

fn type_of(c: &mut Ctx<'_, '_>) -> R {
    let t = type_from_addr(c.arg(0));
    set_type(c, 2, t)
}

pub(super) const NATIVES: &[Native] = &[
    native("reflect.TypeOf", 2, 2, type_of),
    native("reflect.(*rtype).String", 1, 2, string),
    native("reflect.(*rtype).Name", 1, 2, name),
    native("reflect.(*rtype).PkgPath", 1, 2, pkgpath),
    native("reflect.(*rtype).Kind", 1, 1, kind),
    native("reflect.(*rtype).Size", 1, 1, size),
    native("reflect.(*rtype).Align", 1, 1, align),
    native("reflect.(*rtype).FieldAlign", 1, 1, field_align),
    native("reflect.(*rtype).Bits", 1, 1, bits),
    native("reflect.(*rtype).Comparable", 1, 1, comparable),
    native("reflect.(*rtype).Elem", 1, 2, elem),
    native("reflect.(*rtype).Key", 1, 2, key),
    native("reflect.(*rtype).Len", 1, 1, len),
    native("reflect.(*rtype).ChanDir", 1, 1, chan_dir),
    native("reflect.(*rtype).NumField", 1, 1, num_field),
    native("reflect.(*rtype).Field", 2, 13, field),
    native("reflect.(*rtype).FieldByName", 3, 14, field_by_name_native),
    native("reflect.(*rtype).NumIn", 1, 1, num_in),
    native("reflect.(*rtype).NumOut", 1, 1, num_out),
    native("reflect.(*rtype).In", 2, 2, in_),
    native("reflect.(*rtype).Out", 2, 2, out),
    native("reflect.(*rtype).IsVariadic", 1, 1, is_variadic),
    native("reflect.(*rtype).NumMethod", 1, 1, num_method),
    native("reflect.(*rtype).Implements", 3, 1, implements_native),
    native("reflect.(*rtype).AssignableTo", 3, 1, assignable_to),
    native("reflect.Kind.String", 1, 2, kind_string),
    native("reflect.ChanDir.String", 1, 2, chan_dir_string),
    native("reflect.StructTag.Get", 4, 2, tag_get),
    native("reflect.StructTag.Lookup", 4, 3, tag_lookup_native),
    native(
        "reflect.StructField.IsExported",
        13,
        1,
        struct_field_is_exported,
    ),
    native("reflect.(*ValueError).Error", 1, 2, value_error_error),
];
