//! Calls of std functions: lowered to `CallNative` (runtime/src/natives)
//! when a native of that name (`strings.Index`, `math/rand.Intn`) is
//! registered, reported as `not supported yet: pkg.Name` otherwise.
//!
//! The window is a Go call's: parameter slots (the variadic `[]T` built
//! by variadic.rs), then result slots. `fmt.Fprint*(os.Stdout, ...)` and
//! `os.Stderr` pass the io.Writer as {nil, fd} (natives/fmt.rs) until
//! *os.File values exist.

use goscope_runtime::vm::Op;

use super::func::{FnBuilder, WIN};
use super::layout::K;
use super::{CResult, Compiler};
use crate::syntax::ast::{Expr, ExprKind};
use crate::types::object::ObjKind;
use crate::types::ty::TypeId;

impl<'c, 'a> Compiler<'c, 'a> {
    /// The import path of `x` when it names an imported package.
    pub(super) fn pkg_path(&self, x: &Expr) -> Option<String> {
        let obj = x.as_name().and_then(|_| self.c.info.use_of(x.id))?;
        match &self.c.obj(obj).kind {
            ObjKind::PkgName { imported, .. } => Some(self.c.package(*imported).path.clone()),
            _ => None,
        }
    }

    /// A call `pkg.Name(args)` of a std function: Some(first result slot),
    /// or None when `fun` is not a package-qualified function.
    pub(super) fn std_call(
        &mut self,
        e: &Expr,
        fun: &Expr,
        args: &[Expr],
        dots: bool,
    ) -> CResult<Option<u32>> {
        let ExprKind::Selector { x, sel } = &fun.kind else {
            return Ok(None);
        };
        let Some(path) = self.pkg_path(x) else {
            return Ok(None);
        };
        let name = format!("{path}.{}", sel.sym.as_str());
        let Some(id) = goscope_runtime::natives::lookup(&name) else {
            return Err(self.unsupported(e.pos, &name));
        };
        let fty = self.ty(fun);
        let Some(sig) = self.c.types.signature(self.lay.under(fty)).cloned() else {
            return Err(self.unsupported(e.pos, &name));
        };
        if goscope_runtime::natives::errors::makes_errors(&name) {
            let results = self.c.types.tuple_vars(sig.results).to_vec();
            if let Some(&r) = results.last() {
                self.std_errors(self.c.obj_type(r))?;
            }
        }
        let params = self.c.types.tuple_vars(sig.params).to_vec();
        let ptypes: Vec<TypeId> = params.iter().map(|p| self.c.obj_type(*p)).collect();
        let implicit_dots = sig.variadic && !dots;
        let nfixed = if implicit_dots {
            ptypes.len() - 1
        } else {
            ptypes.len()
        };
        let mut tmps = Vec::new();
        if args.len() == 1
            && matches!(
                self.c.types.get(self.ty(&args[0])),
                crate::types::ty::Type::Tuple(_)
            )
        {
            // f(g()): each result converted to its parameter's type.
            tmps = self.multi_args(&args[0], &ptypes, implicit_dots)?;
        } else {
            for (a, t) in args[..nfixed.min(args.len())].iter().zip(&ptypes) {
                tmps.push(self.native_arg(a, *t)?);
            }
            if implicit_dots {
                tmps.push(self.variadic_slice(&args[nfixed..], ptypes[nfixed])?);
            }
        }
        let mut at = 0;
        for (tmp, t) in tmps.into_iter().zip(&ptypes) {
            let n = self.lay.slots(*t);
            self.mov(WIN + at, tmp, n);
            at += n;
        }
        let rslots = self.lay.slots(sig.results);
        self.f.use_window(at + rslots);
        self.set_line(e.pos);
        self.f.emit(Op::CallNative { a: WIN, n: id });
        Ok(Some(WIN + at))
    }

    /// Builds the std error types' methods and `error` itabs
    /// (natives/errors.rs) once: `error_t` is the checker's `error`. A
    /// std error type the checker declares (`*strconv.NumError`) gets its
    /// itab from its own descriptor (methods: [`Self::std_method_stubs`]).
    fn std_errors(&mut self, error_t: TypeId) -> CResult<()> {
        use goscope_runtime::natives::errors::{std_error_itabs, STD_METHODS};
        if !self.prog.std_itabs.is_empty() {
            return Ok(());
        }
        let error = self.rtype(error_t)?;
        let key = format!("func() {}", self.rt.key(error_t));
        let func_error = self.rt.intern(key, || func_type(error));
        let mut ids = Vec::new();
        for &(name, rslots) in STD_METHODS {
            ids.push((name, self.std_method_stub(name, 1, rslots)?));
        }
        let mut ifn = |n: &str| ids.iter().find(|(m, _)| *m == n).map_or(0, |&(_, id)| id);
        let mut itabs = std_error_itabs(error, func_error, &mut ifn)
            .map_err(|m| format!("goscope: internal error: std error type lacks {m}"))?;
        for t in self.std_error_recvs.clone() {
            let ct = self.rtype(t)?;
            if let Ok(tab) = goscope_runtime::itab::getitab(error, ct) {
                itabs.push(tab);
            }
        }
        self.prog.std_itabs = itabs;
        Ok(())
    }

    /// Gives every method of a std type that has a native
    /// (`strconv.(*NumError).Error`) a Go function calling it, so direct
    /// calls, method values and itabs treat it as a declared method.
    /// Value-receiver methods (`time.Duration.String`) take the receiver's
    /// slots.
    pub(super) fn std_method_stubs(&mut self) -> CResult<()> {
        let mut found = Vec::new();
        for pkg in &self.c.pkgs {
            if pkg.path == "main" || pkg.fake {
                continue;
            }
            let mut names: Vec<_> = self.c.scopes.get(pkg.scope).elems.iter().collect();
            names.sort_by_key(|(n, _)| n.as_str());
            for (tn, &obj) in names {
                if !matches!(self.c.obj(obj).kind, ObjKind::TypeName) {
                    continue;
                }
                let Some(named) = self.c.types.named(self.c.obj_type(obj)) else {
                    continue;
                };
                for &m in named.methods.iter().flatten() {
                    let recv = if self.c.func_has_ptr_recv(m) {
                        format!("(*{})", tn.as_str())
                    } else {
                        tn.as_str().to_string()
                    };
                    let native = format!("{}.{recv}.{}", pkg.path, self.c.obj(m).name.as_str());
                    if goscope_runtime::natives::lookup(&native).is_some() {
                        found.push((native, m));
                    }
                }
            }
        }
        if self.c.pkgs.iter().any(|p| p.path == "fmt") {
            // fmt.State's methods as the printer implements them
            // (natives/formatter.rs): found by name when a Format method
            // is called.
            for &(name, p, r) in goscope_runtime::natives::formatter::PP_METHODS {
                self.std_method_stub(name, p, r)?;
            }
        }
        for (native, m) in found {
            let Some(sig) = self.c.types.signature(self.c.obj_type(m)).cloned() else {
                continue;
            };
            let mut pslots = match sig.recv {
                Some(r) if !self.c.func_has_ptr_recv(m) => self.lay.slots(self.c.obj_type(r)),
                _ => 1,
            };
            for p in self.c.types.tuple_vars(sig.params) {
                pslots += self.lay.slots(self.c.obj_type(*p));
            }
            let rslots = self.lay.slots(sig.results);
            let id = self.std_method_stub(&native, pslots, rslots)?;
            self.funcs.insert(m, id);
            self.methods.borrow_mut().declared.insert(m, id);
            if goscope_runtime::natives::errors::STD_ERROR_TYPES
                .iter()
                .any(|t| native.starts_with(t))
            {
                if let Some(r) = sig.recv {
                    let rt = self.c.obj_type(r);
                    if !self.std_error_recvs.contains(&rt) {
                        self.std_error_recvs.push(rt);
                    }
                }
            }
        }
        Ok(())
    }

    /// The Go function `name` (a std method with a native of that name):
    /// it passes its `pslots` parameter slots (the receiver first) to the
    /// native and returns its `rslots` results.
    fn std_method_stub(&mut self, name: &str, pslots: u32, rslots: u32) -> CResult<u32> {
        let Some(n) = goscope_runtime::natives::lookup(name) else {
            return Err(format!("goscope: internal error: no native {name}"));
        };
        let id = self.new_func();
        let saved = std::mem::replace(&mut self.f, FnBuilder::new(name.to_string()));
        let params = self.f.alloc(pslots, true);
        self.f.param_slots = self.f.next;
        let res = self.f.alloc(rslots, true);
        self.f.result_slots = rslots;
        self.mov(WIN, params, pslots);
        self.f.use_window(pslots + rslots);
        self.f.emit(Op::CallNative { a: WIN, n });
        self.mov(res, WIN + pslots, rslots);
        self.f.epilogue = self.f.code.len() as u32;
        self.f.emit(Op::Ret {});
        let f = std::mem::replace(&mut self.f, saved);
        let func = f.finish(&self.file)?;
        self.sync_funcs();
        self.prog.funcs[id as usize] = func;
        Ok(id)
    }

    /// Whether `obj` belongs to a std package (not the program's).
    pub(super) fn is_std_obj(&self, obj: crate::types::object::ObjId) -> bool {
        self.c
            .obj(obj)
            .pkg
            .is_some_and(|p| self.c.package(p).path != "main")
    }

    /// One fixed argument of a native, converted to its parameter type.
    fn native_arg(&mut self, a: &Expr, t: TypeId) -> CResult<u32> {
        if self.lay.kind(t) == K::Iface && self.lay.kind(self.ty(a)) != K::Iface {
            if let Some(fd) = self.std_stream(a) {
                let d = self.f.alloc(2, true);
                self.load_word(d, 0);
                self.load_word(d + 1, fd);
                return Ok(d);
            }
        }
        self.arg_value(a, t)
    }

    /// 1 for `os.Stdout`, 2 for `os.Stderr`.
    fn std_stream(&self, a: &Expr) -> Option<u64> {
        let ExprKind::Selector { x, sel } = &a.unparen().kind else {
            return None;
        };
        if self.pkg_path(x).as_deref() != Some("os") {
            return None;
        }
        match sel.sym.as_str() {
            "Stdout" => Some(1),
            "Stderr" => Some(2),
            _ => None,
        }
    }
}

/// The descriptor of `func() R` (a method type without a checker type).
fn func_type(r: &'static goscope_runtime::types::Type) -> goscope_runtime::types::Type {
    use goscope_runtime::types::{Kind, Type, TypeExtra, TypeRef};
    Type {
        size: 8,
        ptrdata: 8,
        hash: 0,
        tflag: 0,
        align: 8,
        field_align: 8,
        kind: Kind::Func,
        gcdata: &[1],
        str: Box::leak(format!("func() {}", r.str).into_boxed_str()),
        extra: TypeExtra::Func {
            params: &[],
            results: Box::leak(vec![TypeRef::new(r)].into_boxed_slice()),
            variadic: false,
        },
        uncommon: None,
    }
}

/// The parameter and result slot counts of the function type `fty` (a
/// native's window), for checking the natives table against the std API.
pub fn signature_slots(c: &crate::types::Checker<'_>, fty: TypeId) -> Option<(u32, u32)> {
    let mut lay = super::layout::Layout::new(c);
    let sig = c.types.signature(lay.under(fty))?.clone();
    let mut params = 0;
    for p in c.types.tuple_vars(sig.params) {
        params += lay.slots(c.obj_type(*p));
    }
    Some((params, lay.slots(sig.results)))
}
