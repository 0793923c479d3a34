//! Builtin functions (types2's builtins.go and the builtin table of
//! universe.go): append, cap, close, complex, copy, delete, imag, len,
//! make, new, panic, print, println, real, recover; unsafe's Add, Alignof,
//! Offsetof, Sizeof and Slice are in unsafe_builtins.rs.
//!
//! A builtin call is checked in three steps, as in types2: the arguments
//! are evaluated (except for make, new and unsafe.Offsetof, whose first
//! argument is a type or a selector), their number is checked against the
//! builtin's arity ("not enough arguments for len() (expected 1, found
//! 0)"), then the builtin's own rules apply. A valid call records a
//! signature for the builtin's function expression (what the compiler
//! needs to lower it) unless its result is a constant: `len("abc")`,
//! `len([3]int{})` without calls or receives, `unsafe.Sizeof(x)`,
//! `complex(1, 2)`, `real(1i)`.
//!
//! Messages are gc's (types2 with CompilerErrorMessages); note that some
//! have no "invalid argument" prefix on purpose ("first argument to append
//! must be a slice; have untyped nil").

use super::basic::BasicKind;
use super::check::Checker;
use super::constant::{self, Value};
use super::errors::{INVALID_ARG, INVALID_OP};
use super::expr::ExprClass;
use super::object::{Color, ObjKind, Object};
use super::operand::{Mode, Operand};
use super::ty::{InterfaceType, Signature, Term, Type, TypeId};
use crate::syntax::ast::{ChanDir, Expr, ExprKind, Operator};
use crate::syntax::pos::Pos;
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BuiltinId {
    Append,
    Cap,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    Add,
    Alignof,
    Offsetof,
    Sizeof,
    Slice,
    Assert,
    Trace,
}

impl BuiltinId {
    pub const ALL: [BuiltinId; 22] = [
        BuiltinId::Append,
        BuiltinId::Cap,
        BuiltinId::Close,
        BuiltinId::Complex,
        BuiltinId::Copy,
        BuiltinId::Delete,
        BuiltinId::Imag,
        BuiltinId::Len,
        BuiltinId::Make,
        BuiltinId::New,
        BuiltinId::Panic,
        BuiltinId::Print,
        BuiltinId::Println,
        BuiltinId::Real,
        BuiltinId::Recover,
        BuiltinId::Add,
        BuiltinId::Alignof,
        BuiltinId::Offsetof,
        BuiltinId::Sizeof,
        BuiltinId::Slice,
        BuiltinId::Assert,
        BuiltinId::Trace,
    ];

    /// (name, minimum argument count, variadic, how the call may be used)
    fn info(self) -> (&'static str, usize, bool, ExprClass) {
        use BuiltinId::*;
        use ExprClass::{Expression as E, Statement as S};
        match self {
            Append => ("append", 1, true, E),
            Cap => ("cap", 1, false, E),
            Close => ("close", 1, false, S),
            Complex => ("complex", 2, false, E),
            Copy => ("copy", 2, false, S),
            Delete => ("delete", 2, false, S),
            Imag => ("imag", 1, false, E),
            Len => ("len", 1, false, E),
            Make => ("make", 1, true, E),
            New => ("new", 1, false, E),
            Panic => ("panic", 1, false, S),
            Print => ("print", 0, true, S),
            Println => ("println", 0, true, S),
            Real => ("real", 1, false, E),
            Recover => ("recover", 0, false, S),
            Add => ("Add", 2, false, E),
            Alignof => ("Alignof", 1, false, E),
            Offsetof => ("Offsetof", 1, false, E),
            Sizeof => ("Sizeof", 1, false, E),
            Slice => ("Slice", 2, false, E),
            Assert => ("assert", 1, false, S),
            Trace => ("trace", 0, true, S),
        }
    }

    pub fn name(self) -> &'static str {
        self.info().0
    }
    pub fn nargs(self) -> usize {
        self.info().1
    }
    pub fn variadic(self) -> bool {
        self.info().2
    }
    pub fn expr_class(self) -> ExprClass {
        self.info().3
    }
}

/// One builtin call being checked: its parts, and the arguments evaluated
/// up front (types2's `arg` getter). Make, new, unsafe.Offsetof and trace
/// evaluate their arguments themselves; for them `xlist` is empty and
/// `nargs` counts the arguments as written.
pub(super) struct BuiltinCall<'a> {
    pub call: &'a Expr,
    pub fun: &'a Expr,
    pub args: &'a [Expr],
    pub has_dots: bool,
    pub xlist: Vec<Operand<'a>>,
    pub nargs: usize,
}

impl<'a> BuiltinCall<'a> {
    /// The i'th evaluated argument (types2's `arg(x, i)`).
    pub fn arg(&self, x: &mut Operand<'a>, i: usize) {
        *x = self.xlist.get(i).cloned().unwrap_or_else(Operand::invalid);
    }
}

impl<'a> Checker<'a> {
    /// Type-checks a call of the builtin `id` and reports whether it is
    /// valid, with x holding the result (x.expr is left for the caller to
    /// set). If the call is invalid, the result is false and x is
    /// undefined.
    pub fn builtin(&mut self, x: &mut Operand<'a>, call: &'a Expr, id: BuiltinId) -> bool {
        let ExprKind::Call {
            fun,
            args,
            has_dots,
        } = &call.kind
        else {
            return false;
        };
        // append is the only builtin that permits ... for the last argument
        if *has_dots && id != BuiltinId::Append {
            self.error(
                start_pos(call),
                format!("{INVALID_OP}invalid use of ... with built-in {}", id.name()),
            );
            self.use_exprs(args);
            return false;
        }

        // For len(x) and cap(x) we need to know if x contains any function
        // calls or receive operations: evaluate it with a clean flag and
        // restore the outer one afterwards.
        let len_or_cap = matches!(id, BuiltinId::Len | BuiltinId::Cap);
        let saved = self.st.env.has_call_or_recv;
        if len_or_cap {
            self.st.env.has_call_or_recv = false;
        }
        let ok = self.builtin_call(x, call, fun, args, *has_dots, id);
        if len_or_cap {
            self.st.env.has_call_or_recv = saved;
        }
        ok
    }

    fn builtin_call(
        &mut self,
        x: &mut Operand<'a>,
        call: &'a Expr,
        fun: &'a Expr,
        args: &'a [Expr],
        has_dots: bool,
        id: BuiltinId,
    ) -> bool {
        use BuiltinId::*;
        // determine actual arguments
        let mut b = BuiltinCall {
            call,
            fun,
            args,
            has_dots,
            xlist: Vec::new(),
            nargs: args.len(),
        };
        if !matches!(id, Make | New | Offsetof | Trace) {
            b.xlist = self.expr_list(args, false).0;
            b.nargs = b.xlist.len();
            // evaluate first argument, if present
            if b.nargs > 0 {
                b.arg(x, 0);
                if x.mode == Mode::Invalid {
                    return false;
                }
            }
        }

        // check argument count
        let msg = if b.nargs < id.nargs() {
            "not enough"
        } else if !id.variadic() && b.nargs > id.nargs() {
            "too many"
        } else {
            ""
        };
        if !msg.is_empty() {
            self.error(
                start_pos(call),
                format!(
                    "{INVALID_OP}{msg} arguments for {} (expected {}, found {})",
                    expr_string(call),
                    id.nargs(),
                    b.nargs
                ),
            );
            return false;
        }

        match id {
            Append => self.builtin_append(x, &b),
            Cap | Len => self.builtin_len_cap(x, &b, id),
            Close => self.builtin_close(x, &b),
            Complex => self.builtin_complex(x, &b),
            Copy => self.builtin_copy(x, &b),
            Delete => self.builtin_delete(x, &b),
            Imag | Real => self.builtin_real_imag(x, &b, id),
            Make => self.builtin_make(x, &b),
            New => self.builtin_new(x, &b),
            Panic => self.builtin_panic(x, &b),
            Print | Println => self.builtin_print(x, &b, id),
            Recover => {
                // recover() interface{}
                x.mode = Mode::Value;
                x.ty = self.universe.any_type;
                let sig = self.make_sig(Some(x.ty), &[], false);
                self.record_builtin_type(fun, sig);
                true
            }
            Add => self.builtin_unsafe_add(x, &b),
            Alignof | Sizeof => self.builtin_unsafe_alignof_sizeof(x, &b, id),
            Offsetof => self.builtin_unsafe_offsetof(x, &b),
            Slice => self.builtin_unsafe_slice(x, &b),
            Assert => self.builtin_assert(x, &b),
            Trace => self.builtin_trace(x, &b),
        }
    }

    /// append(s S, x ...T) S, where T is the element type of S.
    fn builtin_append(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        // spec: "The variadic function append appends zero or more values x
        // to s of type S, which must be a slice type, and returns the
        // resulting slice, also of type S. The values x are passed to a
        // parameter of type ...T where T is the element type of S and the
        // respective parameter passing rules apply."
        let s = x.ty;
        let core = self.core_type(s);
        let Some(t) = core.and_then(|c| match self.types.get(c) {
            Type::Slice(e) => Some(*e),
            _ => None,
        }) else {
            let cause = if x.is_nil() {
                "have untyped nil".to_string()
            } else if self.types.is_type_param(s) {
                let xs = self.operand_string(x);
                match core {
                    Some(u) => format!("{xs} has core type {}", self.type_string(u)),
                    None => format!("{xs} has no core type"),
                }
            } else {
                format!("have {}", self.operand_string(x))
            };
            // no invalidArg prefix: it would repeat "argument"
            self.error(
                x.pos(),
                format!("first argument to append must be a slice; {cause}"),
            );
            return false;
        };

        // remember arguments that have been evaluated already
        let mut alist = vec![x.clone()];

        // spec: "As a special case, append also accepts a first argument
        // assignable to type []byte with a second argument of string type
        // followed by ... . This form appends the bytes of the string."
        if b.nargs == 2 && b.has_dots {
            let bytes = self.types.slice(TypeId::BYTE);
            if self.assignable_to(x, bytes, &mut String::new()).0 {
                b.arg(x, 1);
                if x.mode == Mode::Invalid {
                    return false;
                }
                if let Some(cs) = self.core_string(x.ty) {
                    if self.is_string(cs) {
                        let sig = self.make_sig(Some(s), &[s, x.ty], true);
                        self.record_builtin_type(b.fun, sig);
                        x.mode = Mode::Value;
                        x.ty = s;
                        return true;
                    }
                }
                alist.push(x.clone());
                // fall through to the general case
            }
        }

        // check the general case with a custom signature; []T is required
        // for a variadic signature
        let st = self.types.slice(t);
        let sig = self.make_sig(Some(s), &[s, st], true);
        for i in alist.len()..b.nargs {
            let mut y = Operand::invalid();
            b.arg(&mut y, i);
            alist.push(y);
        }
        // the result type is known: the arguments' errors are reported, and
        // checking may continue
        self.arguments(b.call, sig, &[], &alist, &[]);

        x.mode = Mode::Value;
        x.ty = s;
        self.record_builtin_type(b.fun, sig);
        true
    }

    /// len(x), cap(x): constant for constant strings (len) and for arrays
    /// and pointers to arrays whose expression has no calls or receives.
    fn builtin_len_cap(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>, id: BuiltinId) -> bool {
        let is_len = id == BuiltinId::Len;
        let mut mode = Mode::Invalid;
        let mut val = Value::Unknown;
        let u = self.under(x.ty);
        let t = self.array_ptr_deref(u);
        match self.types.get(t).clone() {
            Type::Basic { kind, .. } if kind.is_string() && is_len => {
                if x.mode == Mode::Constant {
                    mode = Mode::Constant;
                    val = Value::make_int64(x.val.string_len() as i64);
                } else {
                    mode = Mode::Value;
                }
            }
            Type::Array { len, .. } => {
                mode = Mode::Value;
                // spec: "The expressions len(s) and cap(s) are constants if
                // the type of s is an array or pointer to an array and the
                // expression s does not contain channel receives or
                // function calls; in this case s is not evaluated."
                if !self.st.env.has_call_or_recv {
                    mode = Mode::Constant;
                    val = if len >= 0 {
                        Value::make_int64(len)
                    } else {
                        Value::Unknown
                    };
                }
            }
            Type::Slice(_) | Type::Chan { .. } => mode = Mode::Value,
            Type::Map { .. } if is_len => mode = Mode::Value,
            Type::Interface(_) if self.types.is_type_param(x.ty) => {
                let ok = self.under_is(x.ty, |c, u| {
                    let u = u.ok_or_else(String::new)?;
                    let t = c.array_ptr_deref(u);
                    let ok = match c.types.get(t) {
                        Type::Basic { kind, .. } => kind.is_string() && is_len,
                        Type::Array { .. } | Type::Slice(_) | Type::Chan { .. } => true,
                        Type::Map { .. } => is_len,
                        _ => false,
                    };
                    if ok {
                        Ok(())
                    } else {
                        Err(String::new())
                    }
                });
                if ok.is_ok() {
                    mode = Mode::Value;
                }
            }
            _ => {}
        }

        if mode == Mode::Invalid && self.under(x.ty) != TypeId::INVALID {
            let xs = self.operand_string(x);
            self.error(x.pos(), format!("{INVALID_ARG}{xs} for {}", id.name()));
            return false;
        }

        // record the signature before changing x.ty
        if mode != Mode::Constant {
            let sig = self.make_sig(Some(TypeId::basic(BasicKind::Int)), &[x.ty], false);
            self.record_builtin_type(b.fun, sig);
        }
        x.mode = mode;
        x.ty = TypeId::basic(BasicKind::Int);
        x.val = val;
        true
    }

    /// close(c)
    fn builtin_close(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        let xs = self.operand_string(x);
        let pos = x.pos();
        let ok = self.under_is(x.ty, |c, u| {
            let dir = u.and_then(|u| match c.types.get(u) {
                Type::Chan { dir, .. } => Some(*dir),
                _ => None,
            });
            match dir {
                None => {
                    c.error(pos, format!("{INVALID_OP}cannot close non-channel {xs}"));
                    Err(String::new())
                }
                Some(ChanDir::RecvOnly) => {
                    c.error(
                        pos,
                        format!("{INVALID_OP}cannot close receive-only channel {xs}"),
                    );
                    Err(String::new())
                }
                Some(_) => Ok(()),
            }
        });
        if ok.is_err() {
            return false;
        }
        x.mode = Mode::NoValue;
        let sig = self.make_sig(None, &[x.ty], false);
        self.record_builtin_type(b.fun, sig);
        true
    }

    /// complex(x, y floatT) complexT
    fn builtin_complex(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        let mut y = Operand::invalid();
        b.arg(&mut y, 1);
        if y.mode == Mode::Invalid {
            return false;
        }

        // convert or check untyped arguments
        match (self.types.is_untyped(x.ty), self.types.is_untyped(y.ty)) {
            // x and y are typed => nothing to do
            (false, false) => {}
            // only x is untyped => convert to type of y
            (true, false) => self.convert_untyped(x, y.ty),
            // only y is untyped => convert to type of x
            (false, true) => self.convert_untyped(&mut y, x.ty),
            // x and y are untyped =>
            // 1) if both are constants, convert them to untyped
            //    floating-point numbers if possible,
            // 2) if one of them is not constant (possible because it
            //    contains a shift that is yet untyped), convert both of
            //    them to float64 since they must have the same type to
            //    succeed (this will result in an error because shifts of
            //    floats are not permitted)
            (true, true) => {
                if x.mode == Mode::Constant && y.mode == Mode::Constant {
                    self.untyped_to_float(x);
                    self.untyped_to_float(&mut y);
                } else {
                    self.convert_untyped(x, TypeId::basic(BasicKind::Float64));
                    self.convert_untyped(&mut y, TypeId::basic(BasicKind::Float64));
                    // x and y should be invalid now, but be conservative
                    // and check below
                }
            }
        }
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return false;
        }

        // both argument types must be identical
        if !self.identical(x.ty, y.ty) {
            let (xt, yt) = (self.type_string(x.ty), self.type_string(y.ty));
            self.error(
                x.pos(),
                format!(
                    "{INVALID_OP}{} (mismatched types {xt} and {yt})",
                    expr_string(b.call)
                ),
            );
            return false;
        }

        // the argument types must be of floating-point type
        let Some(res) = self.apply_type_func(float_to_complex, x, BuiltinId::Complex) else {
            let xt = self.type_string(x.ty);
            self.error(
                x.pos(),
                format!("{INVALID_ARG}arguments have type {xt}, expected floating-point"),
            );
            return false;
        };

        // if both arguments are constants, the result is a constant
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let im = Value::make_imag(&y.val.to_float());
            x.val = constant::binary_op(&x.val.to_float(), Operator::Add, &im);
        } else {
            x.mode = Mode::Value;
        }

        if x.mode != Mode::Constant {
            let sig = self.make_sig(Some(res), &[x.ty, x.ty], false);
            self.record_builtin_type(b.fun, sig);
        }
        x.ty = res;
        true
    }

    /// An untyped numeric constant without imaginary part becomes an
    /// untyped float (complex's argument conversion).
    fn untyped_to_float(&mut self, x: &mut Operand<'a>) {
        if self.is_numeric(x.ty) && x.val.imag().sign() == 0 {
            x.ty = TypeId::basic(BasicKind::UntypedFloat);
        }
    }

    /// copy(x, y []T) int
    fn builtin_copy(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        let dst = self.core_type(x.ty).and_then(|t| match self.types.get(t) {
            Type::Slice(e) => Some(*e),
            _ => None,
        });

        let mut y = Operand::invalid();
        b.arg(&mut y, 1);
        if y.mode == Mode::Invalid {
            return false;
        }
        let mut src0 = self.core_string(y.ty);
        if let Some(s) = src0 {
            if self.is_string(s) {
                src0 = Some(self.types.slice(TypeId::BYTE));
            }
        }
        let src = src0.and_then(|t| match self.types.get(t) {
            Type::Slice(e) => Some(*e),
            _ => None,
        });

        let (Some(dst), Some(src)) = (dst, src) else {
            let (xs, ys) = (self.operand_string(x), self.operand_string(&y));
            self.error(
                x.pos(),
                format!("{INVALID_ARG}copy expects slice arguments; found {xs} and {ys}"),
            );
            return false;
        };

        if !self.identical(dst, src) {
            let (xs, ys) = (self.operand_string(x), self.operand_string(&y));
            let (ds, ss) = (self.type_string(dst), self.type_string(src));
            self.error(
                x.pos(),
                format!("{INVALID_ARG}arguments to copy {xs} and {ys} have different element types {ds} and {ss}"),
            );
            return false;
        }

        let sig = self.make_sig(Some(TypeId::basic(BasicKind::Int)), &[x.ty, y.ty], false);
        self.record_builtin_type(b.fun, sig);
        x.mode = Mode::Value;
        x.ty = TypeId::basic(BasicKind::Int);
        true
    }

    /// delete(map_, key): map_ must be a map type or a type parameter
    /// describing map types with identical key types.
    fn builtin_delete(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        let map = x.ty;
        let mut key: Option<TypeId> = None;
        let xs = self.operand_string(x);
        let pos = x.pos();
        let ok = self.under_is(map, |c, u| {
            let Some(k) = u.and_then(|u| match c.types.get(u) {
                Type::Map { key, .. } => Some(*key),
                _ => None,
            }) else {
                c.error(pos, format!("{INVALID_ARG}{xs} is not a map"));
                return Err(String::new());
            };
            if let Some(prev) = key {
                if !c.identical(k, prev) {
                    c.error(
                        pos,
                        format!("{INVALID_ARG}maps of {xs} must have identical key types"),
                    );
                    return Err(String::new());
                }
            }
            key = Some(k);
            Ok(())
        });
        let (Ok(()), Some(key)) = (ok, key) else {
            return false;
        };

        b.arg(x, 1); // k
        if x.mode == Mode::Invalid {
            return false;
        }
        self.assignment(x, Some(key), &"argument to delete");
        if x.mode == Mode::Invalid {
            return false;
        }

        x.mode = Mode::NoValue;
        let sig = self.make_sig(None, &[map, key], false);
        self.record_builtin_type(b.fun, sig);
        true
    }

    /// real(complexT) floatT, imag(complexT) floatT
    fn builtin_real_imag(
        &mut self,
        x: &mut Operand<'a>,
        b: &BuiltinCall<'a>,
        id: BuiltinId,
    ) -> bool {
        // convert or check untyped argument
        if self.types.is_untyped(x.ty) {
            if x.mode == Mode::Constant {
                // an untyped constant number can always be considered as a
                // complex constant
                if self.is_numeric(x.ty) {
                    x.ty = TypeId::basic(BasicKind::UntypedComplex);
                }
            } else {
                // an untyped non-constant argument may appear if it
                // contains a (yet untyped non-constant) shift expression:
                // convert it to complex128 which will result in an error
                // (shift of complex value)
                self.convert_untyped(x, TypeId::basic(BasicKind::Complex128));
                // x should be invalid now, but be conservative and check
                if x.mode == Mode::Invalid {
                    return false;
                }
            }
        }

        // the argument must be of complex type
        let Some(res) = self.apply_type_func(complex_to_float, x, id) else {
            let xt = self.type_string(x.ty);
            self.error(
                x.pos(),
                format!("{INVALID_ARG}argument has type {xt}, expected complex type"),
            );
            return false;
        };

        // if the argument is a constant, the result is a constant
        if x.mode == Mode::Constant {
            x.val = if id == BuiltinId::Real {
                x.val.real()
            } else {
                x.val.imag()
            };
        } else {
            x.mode = Mode::Value;
        }

        if x.mode != Mode::Constant {
            let sig = self.make_sig(Some(res), &[x.ty], false);
            self.record_builtin_type(b.fun, sig);
        }
        x.ty = res;
        true
    }

    /// make(T, n), make(T, n, m); no argument has been evaluated yet.
    fn builtin_make(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        let Some(arg0) = b.args.first() else {
            return false;
        };
        let t = self.var_type(arg0);
        if t == TypeId::INVALID {
            return false;
        }

        // minimum number of arguments
        let core = self.core_type(t);
        let min = match core.map(|c| self.types.get(c)) {
            Some(Type::Slice(_)) => 2,
            Some(Type::Map { .. } | Type::Chan { .. }) => 1,
            None => {
                self.error(
                    start_pos(arg0),
                    format!(
                        "{INVALID_ARG}cannot make {}: no core type",
                        expr_string(arg0)
                    ),
                );
                return false;
            }
            Some(_) => {
                self.error(
                    start_pos(arg0),
                    format!(
                        "{INVALID_ARG}cannot make {}; type must be slice, map, or channel",
                        expr_string(arg0)
                    ),
                );
                return false;
            }
        };
        if b.nargs < min || min + 1 < b.nargs {
            self.error(
                start_pos(b.call),
                format!(
                    "{INVALID_OP}{} expects {min} or {} arguments; found {}",
                    expr_string(b.call),
                    min + 1,
                    b.nargs
                ),
            );
            return false;
        }

        let mut types = vec![t];
        let mut sizes = Vec::new(); // constant integer arguments, if any
        for arg in &b.args[1..] {
            // ok to continue with an invalid type
            let (ty, size) = self.index(arg, -1);
            types.push(ty);
            if size >= 0 {
                sizes.push(size);
            }
        }
        if sizes.len() == 2 && sizes[0] > sizes[1] {
            self.error(
                start_pos(&b.args[1]),
                format!("{INVALID_ARG}length and capacity swapped"),
            );
            // safe to continue
        }
        x.mode = Mode::Value;
        x.ty = t;
        let sig = self.make_sig(Some(t), &types, false);
        self.record_builtin_type(b.fun, sig);
        true
    }

    /// new(T); the argument has not been evaluated yet.
    fn builtin_new(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        let Some(arg0) = b.args.first() else {
            return false;
        };
        let t = self.var_type(arg0);
        if t == TypeId::INVALID {
            return false;
        }
        x.mode = Mode::Value;
        x.ty = self.types.pointer(t);
        let sig = self.make_sig(Some(x.ty), &[t], false);
        self.record_builtin_type(b.fun, sig);
        true
    }

    /// panic(x)
    fn builtin_panic(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        // record panic calls inside functions with result parameters, for
        // the terminating-statement analysis
        let has_results = self
            .st
            .env
            .sig
            .and_then(|s| self.types.signature(s))
            .is_some_and(|s| !self.types.tuple_vars(s.results).is_empty());
        if has_results {
            self.st.env.is_panic.insert(b.call.id);
        }

        let any = self.universe.any_type;
        self.assignment(x, Some(any), &"argument to panic");
        if x.mode == Mode::Invalid {
            return false;
        }

        x.mode = Mode::NoValue;
        let sig = self.make_sig(None, &[any], false);
        self.record_builtin_type(b.fun, sig);
        true
    }

    /// print(x, y, ...), println(x, y, ...)
    fn builtin_print(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>, id: BuiltinId) -> bool {
        let mut params = Vec::with_capacity(b.nargs);
        let context = format!("argument to {}", id.name());
        for i in 0..b.nargs {
            if i > 0 {
                b.arg(x, i); // first argument already evaluated
            }
            self.assignment(x, None, &context);
            if x.mode == Mode::Invalid {
                return false;
            }
            params.push(x.ty);
        }

        x.mode = Mode::NoValue;
        let sig = self.make_sig(None, &params, false);
        self.record_builtin_type(b.fun, sig);
        true
    }

    /// A signature for the recorded type of a builtin call (types2's
    /// makeSig): untyped arguments get their default types; `res` is the
    /// single result, if any.
    pub(super) fn make_sig(
        &mut self,
        res: Option<TypeId>,
        args: &[TypeId],
        variadic: bool,
    ) -> TypeId {
        let key = (args.len() <= 3).then(|| {
            let mut a = [TypeId::INVALID; 3];
            a[..args.len()].copy_from_slice(args);
            (res, a, args.len() as u8, variadic)
        });
        if let Some(&sig) = key.as_ref().and_then(|k| self.gen.builtin_sigs.get(k)) {
            return sig;
        }
        let sig = self.new_builtin_sig(res, args, variadic);
        if let Some(k) = key {
            self.gen.builtin_sigs.insert(k, sig);
        }
        sig
    }

    fn new_builtin_sig(&mut self, res: Option<TypeId>, args: &[TypeId], variadic: bool) -> TypeId {
        let blank = Symbol::intern("");
        let mut vars = Vec::with_capacity(args.len());
        for &t in args {
            let d = self.default_type(t);
            vars.push(self.new_param(Pos::NONE, None, blank, d));
        }
        let params = self.types.tuple(vars);
        let results = match res {
            Some(r) => {
                let v = self.new_param(Pos::NONE, None, blank, r);
                self.types.tuple(vec![v])
            }
            None => self.types.empty_tuple(),
        };
        self.types.add(Type::Signature(Box::new(Signature {
            params,
            results,
            variadic,
            ..Default::default()
        })))
    }

    /// A if t is `*A` for an array type A, else t (types2's arrayPtrDeref).
    fn array_ptr_deref(&mut self, t: TypeId) -> TypeId {
        if let Some(base) = self.types.pointer_base(t) {
            let bu = self.under(base);
            if matches!(self.types.get(bu), Type::Array { .. }) {
                return bu;
            }
        }
        t
    }

    /// Applies the kind mapping `f` to x's type (types2's applyTypeFunc).
    /// For a type parameter, f is applied to each term of its type set and
    /// the result is a new type parameter constrained by the mapped terms
    /// (gc 1.19 reports that as unsupported, softly, and goes on). None if
    /// f does not apply to some type.
    fn apply_type_func(
        &mut self,
        f: fn(BasicKind) -> Option<BasicKind>,
        x: &Operand<'a>,
        id: BuiltinId,
    ) -> Option<TypeId> {
        let apply = |c: &mut Checker<'a>, t: TypeId| {
            let u = c.under(t);
            c.types.basic_kind(u).and_then(f).map(TypeId::basic)
        };
        let Some(tp) = self.types.type_param(x.ty).cloned() else {
            return apply(self, x.ty);
        };
        // Test if t satisfies the requirements for the argument type and
        // collect possible result types at the same time.
        let mut terms = Vec::new();
        for term in self.type_param_terms(x.ty)? {
            let r = apply(self, term.ty?)?;
            terms.push(Term {
                tilde: term.tilde,
                ty: Some(r),
            });
        }

        let xs = self.operand_string(x);
        self.soft_error(
            x.pos(),
            format!(
                "{xs} not supported as argument to {} for go1.18 (see issue #50937)",
                id.name()
            ),
        );

        // A new type parameter for the result, in the current package.
        let name = self.obj(tp.obj).name;
        let pkg = Some(self.pkg);
        let tpar = self.new_obj(Object::new(ObjKind::TypeName, Pos::NONE, pkg, name, None));
        let union = self.types.add(Type::Union(terms));
        let bound = self.types.add(Type::Interface(Box::new(InterfaceType {
            embeddeds: vec![union],
            embed_pos: vec![Pos::NONE],
            ..Default::default()
        })));
        let ptyp = self.types.new_type_param(tpar, bound);
        self.obj_mut(tpar).ty = Some(ptyp);
        self.obj_mut(tpar).set_color(Color::Black);
        if let Some(p) = self.types.type_param_mut(ptyp) {
            p.index = tp.index;
        }
        Some(ptyp)
    }
}

/// complex's argument-to-result mapping.
fn float_to_complex(k: BasicKind) -> Option<BasicKind> {
    match k {
        BasicKind::Float32 => Some(BasicKind::Complex64),
        BasicKind::Float64 => Some(BasicKind::Complex128),
        BasicKind::UntypedFloat => Some(BasicKind::UntypedComplex),
        _ => None,
    }
}

/// real's and imag's argument-to-result mapping.
fn complex_to_float(k: BasicKind) -> Option<BasicKind> {
    match k {
        BasicKind::Complex64 => Some(BasicKind::Float32),
        BasicKind::Complex128 => Some(BasicKind::Float64),
        BasicKind::UntypedComplex => Some(BasicKind::UntypedFloat),
        _ => None,
    }
}
