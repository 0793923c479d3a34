//! Explicit conversions (and constant ones that became composite
//! literals) and builtin calls.

use crate::syntax::ast::{Expr, ExprKind};
use crate::types::builtins::BuiltinId;
use crate::types::object::ObjKind;
use crate::types::ty::{Type, TypeId};

use super::{NodePrinter, View};

impl<'c, 'a> NodePrinter<'c, 'a> {
    pub(super) fn conversion<'e>(&self, e: &'e Expr, args: &'e [Expr]) -> View<'e> {
        let c = self.check;
        let (Some(tv), Some(arg)) = (c.info.type_of(e.id), args.first()) else {
            return self.fallback(e);
        };
        let t = tv.ty;
        let arg = arg.unparen();
        let atv = c.info.type_of(arg.id);
        let ut = self.under(t);
        // A constant string converted to runes is a slice literal.
        if let (Some(Type::Slice(_)), Some(atv)) = (Some(c.types.get(ut)), atv.as_ref()) {
            if let (Some(v), true) = (&atv.val, self.is_string(atv.ty)) {
                if self.is_rune_slice(ut) {
                    return View::CompLit(t, !v.string_val().is_empty());
                }
            }
        }
        // string(bs) with a user-defined byte or rune element type.
        let mut inner = None;
        if self.is_string(t) {
            if let Some(atv) = atv {
                if let Type::Slice(elem) = c.types.get(self.under(atv.ty)) {
                    let elem = *elem;
                    if c.types.is_named(elem) {
                        let k = c.types.basic_kind(self.under(elem));
                        inner = match k {
                            Some(crate::types::basic::BasicKind::Uint8) => Some("[]byte"),
                            Some(crate::types::basic::BasicKind::Int32) => Some("[]rune"),
                            _ => None,
                        };
                    }
                }
            }
        }
        View::Conv(t, arg, inner)
    }

    pub(super) fn is_rune_slice(&self, ut: TypeId) -> bool {
        let c = self.check;
        match c.types.get(ut) {
            Type::Slice(elem) => {
                c.types.basic_kind(self.under(*elem)) == Some(crate::types::basic::BasicKind::Int32)
            }
            _ => false,
        }
    }

    pub(super) fn builtin<'e>(
        &self,
        e: &'e Expr,
        fun: &Expr,
        args: &'e [Expr],
        dots: bool,
    ) -> View<'e> {
        let c = self.check;
        let id = match &fun.kind {
            ExprKind::Name(_) => c.info.object_of(fun.id),
            ExprKind::Selector { sel, .. } => c.info.object_of(sel.id),
            _ => None,
        };
        let Some(ObjKind::Builtin(b)) = id.map(|o| &c.obj(o).kind) else {
            return self.fallback(e);
        };
        let all: Vec<&Expr> = args.iter().collect();
        let name = match b {
            BuiltinId::Append => "append",
            BuiltinId::Cap => "cap",
            BuiltinId::Close => "close",
            BuiltinId::Complex => "complex",
            BuiltinId::Copy => "copy",
            BuiltinId::Delete => "delete",
            BuiltinId::Imag => "imag",
            BuiltinId::Len => "len",
            BuiltinId::Make | BuiltinId::New => {
                let name = if *b == BuiltinId::Make { "make" } else { "new" };
                let ty = args
                    .first()
                    .and_then(|a| c.info.type_of(a.id))
                    .filter(|tv| tv.is_type())
                    .map(|tv| tv.ty);
                let rest = all.get(1..).map(|r| r.to_vec()).unwrap_or_default();
                return match ty {
                    Some(t) => View::Builtin(name, Some(t), rest, false),
                    None => self.fallback(e),
                };
            }
            BuiltinId::Panic => "panic",
            BuiltinId::Print => "print",
            BuiltinId::Println => "println",
            BuiltinId::Real => "real",
            BuiltinId::Recover => "recover",
            BuiltinId::Add => "unsafe.Add",
            BuiltinId::Alignof => "unsafe.Alignof",
            BuiltinId::Offsetof => "unsafe.Offsetof",
            BuiltinId::Sizeof => "unsafe.Sizeof",
            BuiltinId::Slice => "unsafe.Slice",
            BuiltinId::Assert | BuiltinId::Trace => return self.fallback(e),
        };
        View::Builtin(name, None, all, dots)
    }
}
