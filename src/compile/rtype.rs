//! The bridge from the checker's types to the runtime's `_type`
//! descriptors (runtime/src/types.rs), built as gc's compiler builds them
//! (cmd/compile/internal/reflectdata/reflect.go, with the layout of
//! types/size.go): size, alignment, pointer mask, tflag, kind, the `%T`
//! name, the kind-specific part and the uncommon part (package path and
//! sorted method set).
//!
//! Identical types get one descriptor: the cache is keyed first by
//! [`TypeId`] and then by a canonical identity string (see
//! [`RtypeBuilder::key`]), so two ids of the same unnamed type (two
//! `struct{ X int }` literals) share their descriptor, as the runtime's
//! type identity (`==` on type words) requires.
//!
//! Recursive types (`type L struct{ next *L }`, a method of `T` mentioning
//! `T`): every cycle of types passes through a named type, and the edge
//! that closes it is a pointer, slice or chan element or a func parameter
//! or result (a cycle through array elements or struct fields only is not
//! a valid Go type). Those edges are [`TypeRef`]s: when the builder meets
//! a named type it is still building, [`RtypeBuilder::edge`] returns one
//! pending edge per such type, set when the type's descriptor is leaked.
//! (A map key or element closing a cycle, `type M map[string]M`, is
//! reported as not supported.)
//!
//! Example: `map[string]int` gives a Kind::Map descriptor of size 8, gcdata
//! `[1]`, str "map[string]int", and TypeExtra::Map with gc's 208-byte
//! bucket (runtime::map::bucket_layout).

use std::collections::{HashMap, HashSet};

use goscope_runtime::map::{add_ptrmask, bucket_layout, ptrdata_of};
use goscope_runtime::types::{
    tflag, IMethod, Kind, Method, StructField, Type, TypeExtra, TypeRef, Uncommon,
};

use crate::syntax::ast::ChanDir;
use crate::types::basic::BasicKind;
use crate::types::object::ObjId;
use crate::types::ty::{Type as CType, TypeId};
use crate::types::Checker;

use super::CResult;

/// The compiler's function id for method `method` called through an
/// interface holding a `recv_type` (the pointer-receiver-shaped code).
pub type IfnFn<'c> = Box<dyn FnMut(TypeId, ObjId) -> u32 + 'c>;

/// Builds and caches one descriptor per type.
pub struct RtypeBuilder<'c, 'a> {
    c: &'c Checker<'a>,
    by_id: HashMap<TypeId, &'static Type>,
    by_key: HashMap<String, &'static Type>,
    /// Types being built (by key), with the pending edge handed out to the
    /// types that refer back to them.
    building: HashMap<String, Option<TypeRef>>,
    /// Edges to named types met while other types were being built, set
    /// once the outermost build ends (see [`RtypeBuilder::edge`]).
    deferred: Vec<(TypeId, TypeRef)>,
    ifn: IfnFn<'c>,
}

fn leak<T>(v: T) -> &'static T {
    Box::leak(Box::new(v))
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn leak_slice<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// gc's algorithm kind, reduced to what tflag needs (types/alg.go).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Alg {
    Mem,
    NoEq,
    Special,
}

/// Go's `strconv.Quote` for the ASCII printable subset, with escapes for
/// the rest (struct tags in `%T`).
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// gc's types.Sym.Less for method names: exported names first, then by
/// name (one package, so no path tie-break).
fn sym_less(a: &str, b: &str) -> std::cmp::Ordering {
    let ea = a.chars().next().is_some_and(char::is_uppercase);
    let eb = b.chars().next().is_some_and(char::is_uppercase);
    eb.cmp(&ea).then_with(|| a.cmp(b))
}

impl<'c, 'a> RtypeBuilder<'c, 'a> {
    pub fn new(c: &'c Checker<'a>, ifn: IfnFn<'c>) -> Self {
        RtypeBuilder {
            c,
            by_id: HashMap::new(),
            by_key: HashMap::new(),
            building: HashMap::new(),
            deferred: Vec::new(),
            ifn,
        }
    }

    fn under(&self, t: TypeId) -> TypeId {
        let mut t = t;
        for _ in 0..100 {
            let u = self.c.under_no_resolve(t);
            if u == t {
                return t;
            }
            t = u;
        }
        t
    }

    /// The package name that qualifies a named type or unexported name.
    fn pkg_name(&self, obj: ObjId) -> Option<&'static str> {
        self.c.obj(obj).pkg.map(|p| self.c.package(p).name.as_str())
    }

    fn pkg_path(&self, obj: ObjId) -> &'static str {
        match self.c.obj(obj).pkg {
            Some(p) => leak_str(self.c.package(p).path.clone()),
            None => "",
        }
    }

    /// The methods of an interface type (its own and embedded ones),
    /// sorted as gc sorts them.
    fn iface_methods(&self, t: TypeId) -> Vec<ObjId> {
        let mut out: Vec<ObjId> = Vec::new();
        let mut seen = HashSet::new();
        let mut stack = vec![t];
        let mut guard = 0;
        while let Some(t) = stack.pop() {
            guard += 1;
            if guard > 10_000 {
                break;
            }
            let Some(it) = self.c.types.interface(self.under(t)) else {
                continue;
            };
            for &m in &it.methods {
                if seen.insert(self.c.obj(m).name.as_str()) {
                    out.push(m);
                }
            }
            stack.extend(it.embeddeds.iter().copied());
        }
        out.sort_by(|&a, &b| sym_less(self.c.obj(a).name.as_str(), self.c.obj(b).name.as_str()));
        out
    }

    /// Writes the type as `%T` prints it (`key` false) or as an identity
    /// string (`key` true: named types by their declaration, tags and
    /// embedding included).
    fn write(&self, t: TypeId, key: bool, out: &mut String, depth: u32) {
        if depth > 200 {
            out.push('…');
            return;
        }
        let d = depth + 1;
        match self.c.types.get(t) {
            CType::Basic { kind, name } => {
                let name = match kind {
                    BasicKind::UnsafePointer => "unsafe.Pointer",
                    BasicKind::Uint8 => "uint8",
                    BasicKind::Int32 | BasicKind::UntypedRune => "int32",
                    BasicKind::UntypedBool => "bool",
                    BasicKind::UntypedInt => "int",
                    BasicKind::UntypedFloat => "float64",
                    BasicKind::UntypedComplex => "complex128",
                    BasicKind::UntypedString => "string",
                    _ => name,
                };
                out.push_str(name);
            }
            CType::Named(n) => {
                let base = n.orig.unwrap_or(t);
                let obj = self.c.types.named(base).map_or(n.obj, |b| b.obj);
                if key {
                    out.push_str(&format!("#{}", base.0));
                } else {
                    if let Some(p) = self.pkg_name(obj) {
                        out.push_str(p);
                        out.push('.');
                    }
                    out.push_str(self.c.obj(obj).name.as_str());
                }
                if !n.targs.is_empty() {
                    out.push('[');
                    for (i, &a) in n.targs.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        self.write(a, key, out, d);
                    }
                    out.push(']');
                }
            }
            CType::Pointer(e) => {
                out.push('*');
                self.write(*e, key, out, d);
            }
            CType::Slice(e) => {
                out.push_str("[]");
                self.write(*e, key, out, d);
            }
            CType::Array { len, elem } => {
                out.push_str(&format!("[{len}]"));
                self.write(*elem, key, out, d);
            }
            CType::Map { key: k, elem } => {
                out.push_str("map[");
                self.write(*k, key, out, d);
                out.push(']');
                self.write(*elem, key, out, d);
            }
            CType::Chan { dir, elem } => {
                let paren = *dir == ChanDir::Both
                    && matches!(
                        self.c.types.get(*elem),
                        CType::Chan {
                            dir: ChanDir::RecvOnly,
                            ..
                        }
                    );
                out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::SendOnly => "chan<- ",
                    ChanDir::RecvOnly => "<-chan ",
                });
                if paren {
                    out.push('(');
                }
                self.write(*elem, key, out, d);
                if paren {
                    out.push(')');
                }
            }
            CType::Signature(_) => {
                out.push_str("func");
                self.write_sig(t, key, out, d);
            }
            CType::Struct(st) => {
                if st.fields.is_empty() {
                    out.push_str("struct {}");
                    return;
                }
                out.push_str("struct { ");
                for (i, &f) in st.fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    let o = self.c.obj(f);
                    let embedded = matches!(
                        o.kind,
                        crate::types::object::ObjKind::Var { embedded: true, .. }
                    );
                    if !embedded || key {
                        if key && !o.name.is_exported() {
                            out.push_str(self.pkg_path(f));
                            out.push('.');
                        }
                        out.push_str(o.name.as_str());
                        out.push(' ');
                    }
                    if key && embedded {
                        out.push_str("embedded ");
                    }
                    self.write(self.c.obj_type(f), key, out, d);
                    if let Some(tag) = st.tags.get(i).filter(|t| !t.is_empty()) {
                        out.push(' ');
                        out.push_str(&go_quote(tag));
                    }
                }
                out.push_str(" }");
            }
            CType::Interface(_) => {
                let ms = self.iface_methods(t);
                if ms.is_empty() {
                    out.push_str("interface {}");
                    return;
                }
                out.push_str("interface { ");
                for (i, &m) in ms.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    let name = self.c.obj(m).name;
                    if !name.is_exported() {
                        if let Some(p) = if key {
                            Some(self.pkg_path(m))
                        } else {
                            self.pkg_name(m)
                        } {
                            out.push_str(p);
                            out.push('.');
                        }
                    }
                    out.push_str(name.as_str());
                    self.write_sig(self.c.obj_type(m), key, out, d);
                }
                out.push_str(" }");
            }
            CType::Tuple(_) | CType::Union(_) | CType::TypeParam(_) => {
                out.push_str(&format!("<non-runtime type #{}>", t.0));
            }
        }
    }

    /// `(int, ...string) (string, error)`: a signature without `func`.
    fn write_sig(&self, t: TypeId, key: bool, out: &mut String, d: u32) {
        let Some(sig) = self.c.types.signature(t) else {
            return;
        };
        let params = self.c.types.tuple_vars(sig.params);
        let results = self.c.types.tuple_vars(sig.results);
        out.push('(');
        for (i, &p) in params.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let pt = self.c.obj_type(p);
            if sig.variadic && i + 1 == params.len() {
                out.push_str("...");
                match self.c.types.get(pt) {
                    CType::Slice(e) => self.write(*e, key, out, d),
                    _ => self.write(pt, key, out, d),
                }
            } else {
                self.write(pt, key, out, d);
            }
        }
        out.push(')');
        match results.len() {
            0 => {}
            1 => {
                out.push(' ');
                self.write(self.c.obj_type(results[0]), key, out, d);
            }
            _ => {
                out.push_str(" (");
                for (i, &r) in results.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write(self.c.obj_type(r), key, out, d);
                }
                out.push(')');
            }
        }
    }

    /// The `%T` name of a type.
    pub fn type_name(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write(t, false, &mut s, 0);
        s
    }

    /// The identity string: equal exactly for identical types.
    pub fn key(&self, t: TypeId) -> String {
        let mut s = String::new();
        self.write(t, true, &mut s, 0);
        s
    }

    /// The descriptor of `t`, built on first use; identical types share
    /// one descriptor.
    pub fn rtype(&mut self, t: TypeId) -> CResult<&'static Type> {
        if let Some(d) = self.by_id.get(&t) {
            return Ok(d);
        }
        let key = self.key(t);
        if let Some(&d) = self.by_key.get(&key) {
            self.by_id.insert(t, d);
            return Ok(d);
        }
        // Predeclared types share the runtime's descriptors, so values the
        // natives make (a std panic's string) have the program's types.
        if matches!(self.c.types.get(t), CType::Basic { .. }) {
            if let Some(d) = goscope_runtime::iface::predeclared(&key) {
                self.by_key.insert(key, d);
                self.by_id.insert(t, d);
                return Ok(d);
            }
        }
        // A type met again while being built closes a cycle: an edge() to
        // it is pending; a plain rtype() of a named type is an invalid
        // edge (a map key or element), of an unnamed one (a struct field
        // `*L` inside `L` inside `*L`) builds it again.
        let outer = !self.building.contains_key(&key);
        if !outer && self.c.types.is_named(t) {
            return Err(format!(
                "goscope: not supported yet: recursive type {} at run time",
                self.type_name(t)
            ));
        }
        if outer {
            self.building.insert(key.clone(), None);
        }
        let r = self.build(t, &key);
        let pending = if outer {
            self.building.remove(&key).flatten()
        } else {
            None
        };
        let r = r?;
        // A type on a cycle built again inside its own construction was
        // cached first: keep that one.
        let d = match self.by_key.get(&key) {
            Some(&d) => d,
            None => leak(r),
        };
        if let Some(p) = pending {
            p.set(d);
        }
        self.by_key.insert(key, d);
        self.by_id.insert(t, d);
        if outer && self.building.is_empty() {
            self.build_deferred()?;
        }
        Ok(d)
    }

    /// Builds the named types whose edges [`Self::edge`] left pending
    /// (building one may defer more) and sets the edges.
    fn build_deferred(&mut self) -> CResult<()> {
        while let Some((t, r)) = self.deferred.pop() {
            let d = self.rtype(t)?;
            r.set(d);
        }
        Ok(())
    }

    /// The descriptor with identity string `key` (see [`Self::key`]): the
    /// cached one, or `make()`'s (hashed as the builder hashes), cached so
    /// the program's own uses of the type share it. For descriptors the
    /// compiler needs without a checker type (a std method's `func()
    /// error`).
    pub fn intern(&mut self, key: String, make: impl FnOnce() -> Type) -> &'static Type {
        if let Some(&d) = self.by_key.get(&key) {
            return d;
        }
        let mut t = make();
        t.hash = goscope_runtime::types::type_hash(&key);
        let d = leak(t);
        self.by_key.insert(key, d);
        d
    }

    /// The code an interface call of `method` runs for a receiver of
    /// type `recv` (a wrapper is reserved when needed, as for itabs).
    pub fn method_code(&mut self, recv: TypeId, method: ObjId) -> u32 {
        (self.ifn)(recv, method)
    }

    /// An edge to `t`'s descriptor that may close a cycle: pending while
    /// `t` is still being built (see the module comment).
    pub fn edge(&mut self, t: TypeId) -> CResult<TypeRef> {
        if let Some(&d) = self.by_id.get(&t) {
            return Ok(TypeRef::new(d));
        }
        let key = self.key(t);
        if let Some(slot) = self.building.get_mut(&key) {
            return Ok(*slot.get_or_insert_with(TypeRef::pending));
        }
        if let Some(&d) = self.by_key.get(&key) {
            return Ok(TypeRef::new(d));
        }
        // A named type not built yet, met while others are being built:
        // built once the outermost build ends, so that a cycle through a
        // struct field of interface type (reflect.Type's `Field(int)
        // StructField`, whose `Type` field is a reflect.Type) reaches it
        // through this edge, never while it is being built.
        if !self.building.is_empty() && self.c.types.is_named(t) {
            let r = TypeRef::pending();
            self.deferred.push((t, r));
            return Ok(r);
        }
        Ok(TypeRef::new(self.rtype(t)?))
    }
}

impl RtypeBuilder<'_, '_> {
    fn alg(&self, t: &Type) -> Alg {
        match (&t.extra, t.kind) {
            (_, Kind::Func | Kind::Map | Kind::Slice) => Alg::NoEq,
            (_, Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128) => Alg::Special,
            (_, Kind::String | Kind::Interface) => Alg::Special,
            (TypeExtra::Array { elem, len }, _) => match self.alg(elem) {
                Alg::Mem => Alg::Mem,
                Alg::NoEq => Alg::NoEq,
                a => match len {
                    0 => Alg::Mem,
                    1 => a,
                    _ => Alg::Special,
                },
            },
            (TypeExtra::Struct { fields, .. }, _) => {
                if fields.len() == 1 && fields[0].name != "_" {
                    return self.alg(fields[0].typ);
                }
                let mut ret = Alg::Mem;
                for (i, f) in fields.iter().enumerate() {
                    let a = self.alg(f.typ);
                    if a == Alg::NoEq {
                        return Alg::NoEq;
                    }
                    // gc's IsPaddedField: the next field (or the end)
                    // does not start right after this one.
                    let end = fields.get(i + 1).map_or(t.size, |n| n.offset);
                    if a != Alg::Mem || f.name == "_" || f.offset + f.typ.size != end {
                        ret = Alg::Special;
                    }
                }
                ret
            }
            _ => Alg::Mem,
        }
    }

    fn sig_types(&mut self, t: TypeId) -> CResult<TypeExtra> {
        let Some(sig) = self.c.types.signature(t).cloned() else {
            return Err(format!(
                "goscope: internal error: not a signature: #{}",
                t.0
            ));
        };
        let mut ps = Vec::new();
        for p in self.c.types.tuple_vars(sig.params).to_vec() {
            ps.push(self.edge(self.c.obj_type(p))?);
        }
        let mut rs = Vec::new();
        for r in self.c.types.tuple_vars(sig.results).to_vec() {
            rs.push(self.edge(self.c.obj_type(r))?);
        }
        Ok(TypeExtra::Func {
            params: leak_slice(ps),
            results: leak_slice(rs),
            variadic: sig.variadic,
        })
    }

    /// A method's signature without receiver, as a func descriptor.
    fn method_type(&mut self, m: ObjId) -> CResult<&'static Type> {
        let mt = self.c.obj_type(m);
        let mut name = String::from("func");
        self.write_sig(mt, false, &mut name, 0);
        let mut key = String::from("func");
        self.write_sig(mt, true, &mut key, 0);
        if let Some(&d) = self.by_key.get(&key) {
            return Ok(d);
        }
        let extra = self.sig_types(mt)?;
        // A recursive signature (`Me() Iffy` inside Iffy) may have built
        // the same func type while its parameters were built.
        if let Some(&d) = self.by_key.get(&key) {
            return Ok(d);
        }
        let d = leak(Type {
            size: 8,
            ptrdata: 8,
            hash: goscope_runtime::types::type_hash(&key),
            tflag: 0,
            align: 8,
            field_align: 8,
            kind: Kind::Func,
            gcdata: &[1],
            str: leak_str(name),
            extra,
            uncommon: None,
        });
        self.by_key.insert(key, d);
        Ok(d)
    }

    /// The declared methods of a named type (for an instance, its
    /// generic type's).
    fn declared_methods(&self, named: TypeId) -> Vec<ObjId> {
        let Some(n) = self.c.types.named(named) else {
            return Vec::new();
        };
        // An instance's methods are the origin's with the type arguments
        // substituted, expanded by the compiler's generics pre-pass
        // (compile/generic.rs); until then only the origin has them.
        let n = match n.orig.and_then(|o| self.c.types.named(o)) {
            Some(o) if n.methods.len() != o.methods.len() || n.methods.contains(&None) => o,
            _ => n,
        };
        n.methods.iter().flatten().copied().collect()
    }

    /// The method set of `t` (`ptr`: of `*t`), promoted methods included:
    /// a breadth-first walk over embedded fields where a name found at a
    /// shallower depth (field or method) hides deeper ones and a name
    /// found twice at one depth is ambiguous and left out (the spec's
    /// selector rules). Value receivers only unless reached through a
    /// pointer.
    fn method_set(&self, t: TypeId, ptr: bool) -> Vec<ObjId> {
        let mut out = Vec::new();
        let mut decided: HashSet<&'static str> = HashSet::new();
        let mut visited = HashSet::new();
        let mut level = vec![(t, ptr)];
        for _ in 0..64 {
            if level.is_empty() {
                break;
            }
            // name -> candidates (Some(method in the set) / None: a field,
            // or a method the receiver's shape excludes)
            let mut found: Vec<(&'static str, Option<ObjId>)> = Vec::new();
            let mut next = Vec::new();
            for (ty, indirect) in level {
                if self.c.types.is_named(ty) {
                    if !visited.insert(ty) {
                        continue;
                    }
                    for m in self.declared_methods(ty) {
                        let ok = indirect || !self.c.func_has_ptr_recv(m);
                        found.push((self.c.obj(m).name.as_str(), ok.then_some(m)));
                    }
                }
                let u = self.under(ty);
                if self.c.types.interface(u).is_some() && ty != t {
                    for m in self.iface_methods(u) {
                        found.push((self.c.obj(m).name.as_str(), Some(m)));
                    }
                }
                let Some(st) = self.c.types.struct_type(u) else {
                    continue;
                };
                for &f in &st.fields {
                    let o = self.c.obj(f);
                    found.push((o.name.as_str(), None));
                    if matches!(
                        o.kind,
                        crate::types::object::ObjKind::Var { embedded: true, .. }
                    ) {
                        let (base, isptr) = self.c.types.deref(self.c.obj_type(f));
                        next.push((base, indirect || isptr));
                    }
                }
            }
            let mut names: Vec<&'static str> = found.iter().map(|f| f.0).collect();
            names.sort_unstable();
            names.dedup();
            for name in names {
                if !decided.insert(name) {
                    continue;
                }
                let mut c = found.iter().filter(|f| f.0 == name);
                if let (Some((_, Some(m))), None) = (c.next(), c.next()) {
                    out.push(*m);
                }
            }
            level = next;
        }
        out
    }

    /// The method set of `t` (T: value receivers; *T: all) sorted by
    /// gc's Sym.Less, and the package path for the uncommon part.
    fn uncommon(&mut self, t: TypeId) -> CResult<Option<Uncommon>> {
        let is_struct = |x: TypeId| matches!(self.c.types.get(x), CType::Struct(_));
        let (base, ptr) = match self.c.types.get(t) {
            CType::Named(_) => (t, false),
            CType::Struct(_) => (t, false),
            CType::Pointer(e) if self.c.types.is_named(*e) || is_struct(*e) => (*e, true),
            CType::Basic { kind, .. } => {
                // Predeclared types have no package; unsafe.Pointer is
                // declared in "unsafe" (reflect's PkgPath).
                let pkgpath = if *kind == BasicKind::UnsafePointer {
                    "unsafe"
                } else {
                    ""
                };
                return Ok(Some(Uncommon {
                    pkgpath,
                    methods: &[],
                }));
            }
            _ => return Ok(None),
        };
        // An interface's methods are in its TypeExtra, not here.
        let mut ms = if self.c.types.interface(self.under(base)).is_some() {
            Vec::new()
        } else {
            self.method_set(base, ptr)
        };
        ms.sort_by(|&a, &b| sym_less(self.c.obj(a).name.as_str(), self.c.obj(b).name.as_str()));
        let named = self.c.types.is_named(t);
        if !named && ms.is_empty() {
            return Ok(None);
        }
        let obj = self.c.types.named(base).map(|n| n.obj);
        let pkgpath = obj.map_or("", |o| self.pkg_path(o));
        let mut methods = Vec::new();
        for m in ms {
            let name = self.c.obj(m).name;
            methods.push(Method {
                name: name.as_str(),
                pkgpath: if name.is_exported() {
                    ""
                } else {
                    self.pkg_path(m)
                },
                mtyp: self.method_type(m)?,
                ifn: (self.ifn)(t, m),
            });
        }
        Ok(Some(Uncommon {
            pkgpath: if named { pkgpath } else { "" },
            methods: leak_slice(methods),
        }))
    }

    fn build(&mut self, t: TypeId, key: &str) -> CResult<Type> {
        let u = self.under(t);
        let mut mask: Vec<u8> = Vec::new();
        let (kind, size, align, extra) = match self.c.types.get(u).clone() {
            CType::Basic { kind: b, .. } => {
                use BasicKind::*;
                let (k, s, a) = match b {
                    Bool | UntypedBool => (Kind::Bool, 1, 1),
                    Int | UntypedInt => (Kind::Int, 8, 8),
                    Int8 => (Kind::Int8, 1, 1),
                    Int16 => (Kind::Int16, 2, 2),
                    Int32 | UntypedRune => (Kind::Int32, 4, 4),
                    Int64 => (Kind::Int64, 8, 8),
                    Uint => (Kind::Uint, 8, 8),
                    Uint8 => (Kind::Uint8, 1, 1),
                    Uint16 => (Kind::Uint16, 2, 2),
                    Uint32 => (Kind::Uint32, 4, 4),
                    Uint64 => (Kind::Uint64, 8, 8),
                    Uintptr => (Kind::Uintptr, 8, 8),
                    Float32 => (Kind::Float32, 4, 4),
                    Float64 | UntypedFloat => (Kind::Float64, 8, 8),
                    Complex64 => (Kind::Complex64, 8, 4),
                    Complex128 | UntypedComplex => (Kind::Complex128, 16, 8),
                    String | UntypedString => {
                        mask.push(1);
                        (Kind::String, 16, 8)
                    }
                    UnsafePointer => {
                        mask.push(1);
                        (Kind::UnsafePointer, 8, 8)
                    }
                    _ => {
                        return Err(format!(
                            "goscope: internal error: no descriptor for {}",
                            self.type_name(t)
                        ))
                    }
                };
                (k, s, a, TypeExtra::None)
            }
            CType::Pointer(e) => {
                mask.push(1);
                (
                    Kind::Pointer,
                    8,
                    8,
                    TypeExtra::Pointer {
                        elem: self.edge(e)?,
                    },
                )
            }
            CType::Slice(e) => {
                mask.push(1);
                (
                    Kind::Slice,
                    24,
                    8,
                    TypeExtra::Slice {
                        elem: self.edge(e)?,
                    },
                )
            }
            CType::Chan { dir, elem } => {
                mask.push(1);
                let dir = match dir {
                    ChanDir::RecvOnly => 1,
                    ChanDir::SendOnly => 2,
                    ChanDir::Both => 3,
                };
                let elem = self.edge(elem)?;
                (Kind::Chan, 8, 8, TypeExtra::Chan { elem, dir })
            }
            CType::Signature(_) => {
                mask.push(1);
                (Kind::Func, 8, 8, self.sig_types(u)?)
            }
            CType::Map { key: k, elem: e } => {
                mask.push(1);
                let (key, elem) = (self.rtype(k)?, self.rtype(e)?);
                let l = bucket_layout(key, elem);
                let bucket = leak(Type {
                    size: l.bucketsize,
                    ptrdata: l.ptrdata,
                    hash: 0,
                    tflag: 0,
                    align: 8,
                    field_align: 8,
                    kind: Kind::Struct,
                    gcdata: leak_slice(l.gcdata),
                    str: leak_str(format!("map.bucket[{}]{}", key.str, elem.str)),
                    extra: TypeExtra::Struct {
                        pkgpath: "runtime",
                        fields: &[],
                    },
                    uncommon: None,
                });
                let extra = TypeExtra::Map {
                    key,
                    elem,
                    bucket,
                    keysize: l.keysize as u8,
                    elemsize: l.elemsize as u8,
                    bucketsize: l.bucketsize as u16,
                    flags: l.flags,
                };
                (Kind::Map, 8, 8, extra)
            }
            CType::Interface(_) => {
                // gc's typebits: only the data word; the type or itab word
                // points at static descriptors, never into the heap.
                mask.push(0b10);
                let mut methods = Vec::new();
                for m in self.iface_methods(u) {
                    let name = self.c.obj(m).name;
                    methods.push(IMethod {
                        name: name.as_str(),
                        pkgpath: if name.is_exported() {
                            ""
                        } else {
                            self.pkg_path(m)
                        },
                        typ: self.method_type(m)?,
                    });
                }
                let extra = TypeExtra::Interface {
                    methods: leak_slice(methods),
                };
                (Kind::Interface, 16, 8, extra)
            }
            CType::Array { len, elem } => {
                let e = self.rtype(elem)?;
                let len = len.max(0) as usize;
                if e.has_pointers() {
                    for i in 0..len {
                        add_ptrmask(&mut mask, e, i * e.size);
                    }
                }
                let extra = TypeExtra::Array { elem: e, len };
                (
                    Kind::Array,
                    e.size.wrapping_mul(len),
                    e.align as usize,
                    extra,
                )
            }
            CType::Struct(st) => {
                let mut off = 0usize;
                let mut align = 1usize;
                let mut fields = Vec::new();
                let n = st.fields.len();
                for (i, &f) in st.fields.iter().enumerate() {
                    let ft = self.rtype(self.c.obj_type(f))?;
                    let a = ft.align.max(1) as usize;
                    align = align.max(a);
                    off = off.next_multiple_of(a);
                    add_ptrmask(&mut mask, ft, off);
                    let o = self.c.obj(f);
                    fields.push(StructField {
                        name: o.name.as_str(),
                        typ: ft,
                        offset: off,
                        embedded: matches!(
                            o.kind,
                            crate::types::object::ObjKind::Var { embedded: true, .. }
                        ),
                        exported: o.name.is_exported(),
                        tag: leak_str(st.tags.get(i).cloned().unwrap_or_default()),
                    });
                    let mut s = ft.size;
                    if i + 1 == n && s == 0 && off > 0 {
                        s = 1;
                    }
                    off += s;
                }
                let pkgpath = st.fields.first().map_or("main", |&f| self.pkg_path(f));
                let extra = TypeExtra::Struct {
                    pkgpath,
                    fields: leak_slice(fields),
                };
                (Kind::Struct, off.next_multiple_of(align), align, extra)
            }
            _ => {
                return Err(format!(
                    "goscope: internal error: no descriptor for {}",
                    self.type_name(t)
                ))
            }
        };
        let ptrdata = ptrdata_of(&mask);
        mask.truncate(ptrdata.div_ceil(64));
        let uncommon = self.uncommon(t)?;
        let mut d = Type {
            size,
            ptrdata,
            hash: goscope_runtime::types::type_hash(key),
            tflag: 0,
            align: align as u8,
            field_align: align as u8,
            kind,
            gcdata: leak_slice(mask),
            str: leak_str(self.type_name(t)),
            extra,
            uncommon,
        };
        if self.c.types.has_name(t) {
            d.tflag |= tflag::NAMED;
        }
        if d.uncommon.is_some() {
            d.tflag |= tflag::UNCOMMON;
        }
        if self.alg(&d) == Alg::Mem {
            d.tflag |= tflag::REGULAR_MEMORY;
        }
        Ok(d)
    }
}
