//! The builtins of package unsafe (types2's builtins.go, second half):
//! Add, Alignof, Offsetof, Sizeof, Slice; and the checker's self-test
//! builtins assert and trace (not in any scope a program can see).
//!
//! Alignof, Offsetof and Sizeof are constants of type uintptr computed with
//! gc's layout (sizes.rs), unless the type's size is variable: it involves
//! a type parameter, or a type whose declaration cycle is not yet resolved
//! ([`Checker::has_var_size`]); then the result is a value.

use crate::fxhash::FxHashMap;
use crate::syntax::positions::start_pos;

use super::basic::BasicKind;
use super::builtins::{BuiltinCall, BuiltinId};
use super::check::Checker;
use super::constant::{Kind, Value};
use super::errors::INVALID_ARG;
use super::info::SelectionKind;
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::ExprKind;
use crate::syntax::printer::expr_string;

impl<'a> Checker<'a> {
    /// unsafe.Add(ptr unsafe.Pointer, len IntegerType) unsafe.Pointer
    pub(super) fn builtin_unsafe_add(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        let uptr = TypeId::basic(BasicKind::UnsafePointer);
        self.assignment(x, Some(uptr), &"argument to unsafe.Add");
        if x.mode == Mode::Invalid {
            return false;
        }

        let mut y = Operand::invalid();
        b.arg(&mut y, 1);
        if !self.is_valid_index(&mut y, "length", true) {
            return false;
        }

        x.mode = Mode::Value;
        x.ty = uptr;
        let sig = self.make_sig(Some(uptr), &[uptr, y.ty], false);
        self.record_builtin_type(b.fun, sig);
        true
    }

    /// unsafe.Alignof(x T) uintptr, unsafe.Sizeof(x T) uintptr
    pub(super) fn builtin_unsafe_alignof_sizeof(
        &mut self,
        x: &mut Operand<'a>,
        b: &BuiltinCall<'a>,
        id: BuiltinId,
    ) -> bool {
        let context = format!("argument to unsafe.{}", id.name());
        self.assignment(x, None, &context);
        if x.mode == Mode::Invalid {
            return false;
        }

        let uintptr = TypeId::basic(BasicKind::Uintptr);
        if self.has_var_size(x.ty, &mut FxHashMap::default()) {
            x.mode = Mode::Value;
            let sig = self.make_sig(Some(uintptr), &[x.ty], false);
            self.record_builtin_type(b.fun, sig);
        } else {
            // the result is constant: no signature to record
            let v = if id == BuiltinId::Alignof {
                self.alignof(x.ty)
            } else {
                self.sizeof(x.ty)
            };
            x.mode = Mode::Constant;
            x.val = Value::make_int64(v);
        }
        x.ty = uintptr;
        true
    }

    /// unsafe.Offsetof(x T) uintptr, where x must be a selector; the
    /// argument has not been evaluated yet.
    pub(super) fn builtin_unsafe_offsetof(
        &mut self,
        x: &mut Operand<'a>,
        b: &BuiltinCall<'a>,
    ) -> bool {
        let Some(arg0) = b.args.first() else {
            return false;
        };
        let selx = arg0.unparen();
        let ExprKind::Selector { x: base_x, sel } = &selx.kind else {
            self.error(
                start_pos(arg0),
                format!(
                    "{INVALID_ARG}{} is not a selector expression",
                    expr_string(arg0)
                ),
            );
            self.use_expr(arg0);
            return false;
        };

        self.expr(x, base_x);
        if x.mode == Mode::Invalid {
            return false;
        }

        let base = self.deref_struct_ptr(x.ty);
        let name = sel.sym;
        let pkg = Some(self.pkg);
        let (obj, index, indirect) = self.lookup_field_or_method(base, false, pkg, name);
        let Some(obj) = obj else {
            let bs = self.type_string(base);
            self.error(
                x.pos(),
                format!("{INVALID_ARG}{bs} has no single field {name}"),
            );
            return false;
        };
        if self.obj(obj).is_func() {
            // types2 notes that derefStructPtr may find methods that do not
            // exist; an error either way
            self.error(
                start_pos(arg0),
                format!("{INVALID_ARG}{} is a method value", expr_string(arg0)),
            );
            return false;
        }
        if indirect {
            let bs = self.type_string(base);
            self.error(
                x.pos(),
                format!("{INVALID_ARG}field {name} is embedded via a pointer in {bs}"),
            );
            return false;
        }

        let index = index.unwrap_or_default();
        self.record_selection(
            selx,
            sel.id,
            SelectionKind::FieldVal,
            base,
            obj,
            index.clone(),
            false,
        );
        // record the selector expression itself (types2 issue #47895)
        let mode = if x.mode == Mode::Variable || indirect {
            Mode::Variable
        } else {
            Mode::Value
        };
        let ft = self.obj_type(obj);
        self.record(&Operand::new(mode, Some(selx), ft));

        // The field offset is considered a variable even if the field is
        // declared before the part of the struct which is variable-sized.
        // This makes the rules simpler and permits a compiler to rearrange
        // struct fields.
        let uintptr = TypeId::basic(BasicKind::Uintptr);
        if self.has_var_size(base, &mut FxHashMap::default()) {
            x.mode = Mode::Value;
            let sig = self.make_sig(Some(uintptr), &[ft], false);
            self.record_builtin_type(b.fun, sig);
        } else {
            x.mode = Mode::Constant;
            x.val = Value::make_int64(self.offsetof(base, &index));
            // the result is constant: no signature to record
        }
        x.ty = uintptr;
        true
    }

    /// unsafe.Slice(ptr *T, len IntegerType) []T
    pub(super) fn builtin_unsafe_slice(
        &mut self,
        x: &mut Operand<'a>,
        b: &BuiltinCall<'a>,
    ) -> bool {
        let u = self.under(x.ty);
        let Some(elem) = self.types.pointer_base(u) else {
            let xs = self.operand_string(x);
            self.error(x.pos(), format!("{INVALID_ARG}{xs} is not a pointer"));
            return false;
        };

        let mut y = Operand::invalid();
        b.arg(&mut y, 1);
        if !self.is_valid_index(&mut y, "length", false) {
            return false;
        }

        x.mode = Mode::Value;
        x.ty = self.types.slice(elem);
        let sig = self.make_sig(Some(x.ty), &[u, y.ty], false);
        self.record_builtin_type(b.fun, sig);
        true
    }

    /// assert(pred): a checker error if the constant pred is false (only in
    /// the checker's self-tests).
    pub(super) fn builtin_assert(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        if x.mode != Mode::Constant || !self.is_boolean(x.ty) {
            let xs = self.operand_string(x);
            self.error(
                x.pos(),
                format!("{INVALID_ARG}{xs} is not a boolean constant"),
            );
            return false;
        }
        if x.val.kind() != Kind::Bool {
            let xs = self.operand_string(x);
            self.error(
                x.pos(),
                format!("internal error: value of {xs} should be a boolean constant"),
            );
            return false;
        }
        if x.val != Value::make_bool(true) {
            self.error(start_pos(b.call), format!("{} failed", expr_string(b.call)));
            // compile-time assertion failure - safe to continue
        }
        true
    }

    /// trace(x, y, ...): evaluates its arguments (types allowed); the
    /// result is the first one. Only in the checker's self-tests, where it
    /// dumped the operands; goscope has no such dump.
    pub(super) fn builtin_trace(&mut self, x: &mut Operand<'a>, b: &BuiltinCall<'a>) -> bool {
        let Some((first, rest)) = b.args.split_first() else {
            x.mode = Mode::NoValue;
            return true;
        };
        self.raw_expr(x, first, None, false);
        for arg in rest {
            let mut t = Operand::invalid();
            self.raw_expr(&mut t, arg, None, false);
        }
        true
    }

    /// Whether the size of t is variable: it involves a type parameter, or
    /// a named type whose size depends on itself (a cycle not yet
    /// reported), which must not be measured (types2's hasVarSize).
    pub fn has_var_size(&mut self, t: TypeId, seen: &mut FxHashMap<TypeId, bool>) -> bool {
        // Cycles are only possible through named types; `seen` detects them
        // and remembers the results of named types already measured.
        let named = self.types.is_named(t);
        if named {
            if let Some(&v) = seen.get(&t) {
                return v;
            }
            seen.insert(t, true); // possibly cyclic until proven otherwise
        }
        let u = self.under(t);
        let var = match self.types.get(u).clone() {
            Type::Array { elem, .. } => self.has_var_size(elem, seen),
            Type::Struct(st) => st.fields.iter().any(|&f| {
                let ft = self.obj_type(f);
                self.has_var_size(ft, seen)
            }),
            Type::Interface(_) => self.types.is_type_param(t),
            _ => false,
        };
        if named {
            seen.insert(t, var); // final determination for this type
        }
        var
    }

    /// T if t is a pointer to a struct type T, else t (types2's
    /// derefStructPtr).
    fn deref_struct_ptr(&mut self, t: TypeId) -> TypeId {
        let u = self.under(t);
        if let Some(base) = self.types.pointer_base(u) {
            let bu = self.under(base);
            if matches!(self.types.get(bu), Type::Struct(_)) {
                return base;
            }
        }
        t
    }
}
