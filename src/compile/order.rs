//! gc's order of evaluation inside a statement (cmd/compile/internal/walk/
//! order.go).
//!
//! The spec fixes only the order of calls, method calls, receives and
//! logical operators; reads of variables are left to the implementation.
//! gc's order pass runs every call of a statement first, left to right,
//! keeping each result in a temporary, and reads variables, fields and
//! elements afterwards, when the statement itself runs. So with
//! `func inc(c *C) int { c.n++; return c.n }`, `fmt.Println(c.n, inc(c))`
//! prints `1 1`, and `x + f()` adds the x that f left behind.
//!
//! goscope prints what gc prints by doing the same: before a statement's
//! expressions are compiled, [`Compiler::order`] compiles what gc's pass
//! copies into temporaries — calls with one result, the builtins len, cap,
//! append, copy, make, new, complex, real, imag and recover, slicing,
//! `[]byte(s)` and `[]rune(s)`, type assertions to types that are not
//! pointer-shaped, `&&`/`||` and map literals — in evaluation order, and
//! records each one's slot in `f.overrides`; compiling the statement then
//! reads those slots instead. A statement without a call needs none of
//! this, and the statement's own call (`f(x)`, `v := f(x)`, `return f(x)`)
//! runs where it stands: only its operands are ordered.

use crate::syntax::ast::{Expr, ExprKind, NodeId, Operator};
use crate::types::builtins::BuiltinId;
use crate::types::object::ObjKind;
use crate::types::ty::Type;

use super::func::Loc;
use super::typedesc::pointer_shaped;
use super::{CResult, Compiler};

/// The expressions a statement evaluated ahead of itself; handed back to
/// [`Compiler::unorder`] once the statement is compiled.
#[must_use]
#[derive(Default)]
pub(super) struct Hoisted(Vec<NodeId>);

/// What kind of call an expression is, for ordering.
enum CallKind {
    /// `T(x)`: a conversion, evaluated in place.
    Conversion,
    Builtin(BuiltinId),
    /// A function, method or closure call (std natives included).
    Func,
}

impl<'c, 'a> Compiler<'c, 'a> {
    /// Evaluates, in gc's order, what gc's order pass evaluates ahead of
    /// the statement whose operands are `es` (see the module docs);
    /// `root` is the statement's own call, which stays in place.
    pub(super) fn order(&mut self, es: &[&Expr], root: Option<&Expr>) -> CResult<Hoisted> {
        let mut h = Hoisted::default();
        let root = root.map(|r| r.unparen().id);
        // Only a read of memory (a global, a field, an element, a variable
        // a closure shares) can see what a call did: `fib(n-1) + fib(n-2)`
        // of a register n needs no ordering.
        if !es.iter().any(|e| self.has_effect_call(e, root))
            || !es.iter().any(|e| self.reads_memory(e))
        {
            return Ok(h);
        }
        for e in es {
            self.hoist(e, root, &mut h)?;
        }
        Ok(h)
    }

    /// Forgets the slots of a statement's hoisted expressions (the same
    /// syntax is compiled again for another instance of a generic
    /// function).
    pub(super) fn unorder(&mut self, h: Hoisted) {
        for id in h.0 {
            self.f.overrides.remove(&id);
        }
    }

    /// Orders the operands of the statement `es` whose root call (if the
    /// single expression is one) stays in place: `f(x)`, `v := f(x)`.
    pub(super) fn order_in_place(&mut self, es: &[&Expr]) -> CResult<Hoisted> {
        let root = match es {
            [e] if matches!(e.unparen().kind, ExprKind::Call { .. }) => Some(*e),
            _ => None,
        };
        self.order(es, root)
    }

    fn call_kind(&self, fun: &Expr) -> CallKind {
        let fun = fun.unparen();
        if self.c.info.type_of(fun.id).is_some_and(|t| t.is_type()) {
            return CallKind::Conversion;
        }
        if fun.as_name().is_some() {
            if let Some(obj) = self.c.info.use_of(fun.id) {
                if let ObjKind::Builtin(b) = &self.c.obj(obj).kind {
                    return CallKind::Builtin(*b);
                }
            }
        }
        CallKind::Func
    }

    /// Whether `e` (outside function literals, other than `root` itself)
    /// calls something that can change what the statement reads.
    fn has_effect_call(&self, e: &Expr, root: Option<NodeId>) -> bool {
        let e = e.unparen();
        if self.c.info.value_of(e.id).is_some() {
            return false;
        }
        let here = match &e.kind {
            ExprKind::Call { fun, .. } if Some(e.id) != root => matches!(
                self.call_kind(fun),
                CallKind::Func | CallKind::Builtin(BuiltinId::Append | BuiltinId::Copy)
            ),
            _ => false,
        };
        here || self.children(e).any(|c| self.has_effect_call(c, root))
    }

    /// Whether compiling `e` still makes a call (or builds a closure):
    /// [`super::walk::has_call`], except that what was evaluated ahead of
    /// the statement is a slot now.
    pub(super) fn has_live_call(&self, e: &Expr) -> bool {
        let e = e.unparen();
        if self.f.overrides.contains_key(&e.id) {
            return false;
        }
        match &e.kind {
            ExprKind::Call { .. } | ExprKind::FuncLit { .. } => true,
            ExprKind::CompositeLit(lit) => lit.elems.iter().any(|el| self.has_live_call(el)),
            ExprKind::KeyValue { key, value } => {
                self.has_live_call(key) || self.has_live_call(value)
            }
            _ => self.children(e).any(|c| self.has_live_call(c)),
        }
    }

    /// Whether evaluating `e` reads memory a call could change (anything
    /// but constants, functions and variables held in registers).
    fn reads_memory(&self, e: &Expr) -> bool {
        let e = e.unparen();
        if self.c.info.value_of(e.id).is_some() {
            return false;
        }
        match &e.kind {
            ExprKind::Name(_) => match self.c.info.use_of(e.id) {
                Some(obj) => match self.c.obj(obj).kind {
                    ObjKind::Var { .. } => !matches!(self.f.vars.get(&obj), Some(Loc::Reg(_))),
                    _ => false,
                },
                None => false,
            },
            ExprKind::FuncLit { .. } => false,
            ExprKind::Selector { x, .. } if x.as_name().is_some() => {
                // pkg.F is a function; anything else may be a field load.
                !matches!(
                    x.as_name()
                        .and_then(|_| self.c.info.use_of(x.id))
                        .map(|o| &self.c.obj(o).kind),
                    Some(ObjKind::PkgName { .. })
                ) || self.c.info.type_of(e.id).is_some_and(|t| t.addressable())
            }
            ExprKind::Selector { .. }
            | ExprKind::Index { .. }
            | ExprKind::Slice { .. }
            | ExprKind::Assert { .. } => true,
            ExprKind::Operation {
                op: Operator::Mul,
                y: None,
                ..
            } => true,
            _ => self.children(e).any(|c| self.reads_memory(c)),
        }
    }

    /// The operands gc orders, in its order (function literal bodies are
    /// not part of the statement).
    fn children<'e>(&self, e: &'e Expr) -> Box<dyn Iterator<Item = &'e Expr> + 'e> {
        match &e.kind {
            ExprKind::Call { fun, args, .. } => {
                let fun = match self.call_kind(fun) {
                    CallKind::Conversion | CallKind::Builtin(_) => None,
                    CallKind::Func => Some(&**fun),
                };
                Box::new(fun.into_iter().chain(args.iter()))
            }
            ExprKind::Selector { x, .. } | ExprKind::Assert { x, .. } => {
                Box::new(std::iter::once(&**x))
            }
            ExprKind::Index { x, index } => Box::new([&**x, &**index].into_iter()),
            ExprKind::Slice { x, index, .. } => {
                Box::new(std::iter::once(&**x).chain(index.iter().flatten().map(|b| &**b)))
            }
            ExprKind::Operation { x, y, .. } => {
                Box::new(std::iter::once(&**x).chain(y.iter().map(|b| &**b)))
            }
            ExprKind::CompositeLit(lit) => Box::new(lit.elems.iter().map(|el| match &el.kind {
                ExprKind::KeyValue { value, .. } => &**value,
                _ => el,
            })),
            ExprKind::KeyValue { value, .. } => Box::new(std::iter::once(&**value)),
            ExprKind::Paren(x) => Box::new(std::iter::once(&**x)),
            _ => Box::new(std::iter::empty()),
        }
    }

    fn hoist(&mut self, e: &Expr, root: Option<NodeId>, h: &mut Hoisted) -> CResult<()> {
        let e = e.unparen();
        if self.c.info.value_of(e.id).is_some() || self.f.overrides.contains_key(&e.id) {
            return Ok(());
        }
        match &e.kind {
            ExprKind::FuncLit { .. } => return Ok(()),
            // gc evaluates `a && b` into a temporary at its turn; only
            // the left operand is ordered ahead (b is conditional).
            ExprKind::Operation {
                op: Operator::AndAnd | Operator::OrOr,
                x,
                y: Some(_),
            } => {
                self.hoist(x, root, h)?;
                return self.hoist_here(e, h);
            }
            // A map literal becomes `m := make(...); m[k] = v; ...` at its
            // turn, each entry a statement of its own.
            ExprKind::CompositeLit(_)
                if matches!(
                    self.c.types.get(self.lay.under(self.ty(e))),
                    Type::Map { .. }
                ) =>
            {
                return self.hoist_here(e, h);
            }
            _ => {}
        }
        let children: Vec<&Expr> = self.children(e).collect();
        for c in children {
            self.hoist(c, root, h)?;
        }
        if Some(e.id) != root && self.hoistable(e) {
            self.hoist_here(e, h)?;
        }
        Ok(())
    }

    /// Whether gc's order pass copies the value of `e` into a temporary.
    fn hoistable(&self, e: &Expr) -> bool {
        let single = |c: &Self| !matches!(c.c.types.get(c.ty(e)), Type::Tuple(_));
        match &e.kind {
            ExprKind::Call { fun, args, .. } => match self.call_kind(fun) {
                CallKind::Func => single(self),
                CallKind::Builtin(b) => {
                    use BuiltinId::*;
                    matches!(
                        b,
                        Len | Cap | Append | Copy | Make | New | Complex | Real | Imag | Recover
                    ) && single(self)
                }
                // []byte(s) and []rune(s) copy the string.
                CallKind::Conversion => {
                    matches!(self.c.types.get(self.lay.under(self.ty(e))), Type::Slice(_))
                        && args.first().is_some_and(|a| {
                            matches!(
                                self.c.types.get(self.lay.under(self.ty(a))),
                                Type::Basic { .. }
                            )
                        })
                }
            },
            ExprKind::Slice { .. } => true,
            ExprKind::Assert { .. } => single(self) && !pointer_shaped(&self.lay, self.ty(e)),
            _ => false,
        }
    }

    /// Evaluates `e` now, without its implicit interface conversion (that
    /// happens where the value is used), and records its slot.
    fn hoist_here(&mut self, e: &Expr, h: &mut Hoisted) -> CResult<()> {
        let v = self.expr_unconverted(e)?;
        self.f.overrides.insert(e.id, (v, false));
        h.0.push(e.id);
        Ok(())
    }
}
