//! Conversions `T(x)` (types2's conversions.go).
//!
//! A conversion of a constant to a constant type (a basic type other than
//! unsafe.Pointer) is a constant conversion: the value must be
//! representable in T (rounded for floats), except that an integer
//! converts to a string as the UTF-8 encoding of that code point (or
//! U+FFFD when it is not a valid one): `string(rune(65))` is the constant
//! "A". Every other conversion yields a value and follows the spec's
//! convertibility rules ([`Checker::convertible_to`]), including the unsafe
//! ones (pointer/uintptr <-> unsafe.Pointer), slice to array pointer
//! (Go 1.17), and, for type parameters, the rule applied term by term.
//!
//! gc's wording (CompilerErrorMessages): `cannot convert x (variable of
//! type T) to type U`, with a trailing colon and the cause on the next
//! line when one is known.

use super::basic::BasicKind;
use super::check::Checker;
use super::constant::{self, Value};
use super::errors::ErrorBuilder;
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::pos::Pos;

impl<'a> Checker<'a> {
    /// Type-checks the conversion T(x); the result is in x (invalid on
    /// error, which has been reported).
    pub fn conversion(&mut self, x: &mut Operand<'a>, t: TypeId) {
        let const_arg = x.mode == Mode::Constant;
        let mut cause = String::new();

        let ok = if const_arg && self.is_const_type(t) {
            // constant conversion
            match self.const_convertible_to(x, t) {
                Some(v) => {
                    x.val = v;
                    true
                }
                None => false,
            }
        } else if const_arg && self.types.is_type_param(t) {
            // x is convertible to T if it is convertible to each specific
            // type in T's type set; without specific types it is not.
            let res = self.under_is(t, |c, u| {
                let Some(u) = u else {
                    cause = format!("{} does not contain specific types", c.type_string(t));
                    return Err(String::new());
                };
                if c.is_string(x.ty) && c.is_bytes_or_runes(u) {
                    return Ok(());
                }
                if c.const_convertible_to(x, u).is_none() {
                    cause = format!(
                        "cannot convert {} to {} (in {})",
                        c.operand_string(x),
                        c.type_string(u),
                        c.type_string(t)
                    );
                    return Err(String::new());
                }
                Ok(())
            });
            // type parameters are not constants
            x.mode = Mode::Value;
            res.is_ok()
        } else if self.convertible_to(x, t, &mut cause) {
            // non-constant conversion
            x.mode = Mode::Value;
            true
        } else {
            false
        };

        if !ok {
            let xs = self.operand_string(x);
            let ts = self.type_string(t);
            let mut err = ErrorBuilder::new();
            if cause.is_empty() {
                err.add(x.pos(), format!("cannot convert {xs} to type {ts}"));
            } else {
                // gc adds a colon when a cause follows on the next line.
                err.add(x.pos(), format!("cannot convert {xs} to type {ts}:"));
                err.add(Pos::NONE, cause);
            }
            self.report(err);
            x.mode = Mode::Invalid;
            return;
        }

        // The conversion argument types are final. For untyped values the
        // conversion provides the type, per the spec: "A constant may be
        // given a type explicitly by a constant declaration or
        // conversion,...".
        if self.types.is_untyped(x.ty) {
            let mut final_ = t;
            // - For conversions to interfaces, except for untyped nil
            //   arguments, use the argument's default type.
            // - For conversions of untyped constants to non-constant types,
            //   also use the default type (e.g., []byte("foo") should
            //   report string not []byte as type for the constant "foo").
            // - For constant integer to string conversions, keep the
            //   argument type.
            if x.ty == TypeId::basic(BasicKind::UntypedNil) {
                // ok
            } else if self.is_non_type_param_interface(t) || (const_arg && !self.is_const_type(t)) {
                final_ = self.default_type(x.ty);
            } else if x.mode == Mode::Constant && self.is_integer(x.ty) && self.all_string(t) {
                final_ = x.ty;
            }
            if let Some(e) = x.expr {
                self.update_expr_type(e, final_, true);
            }
        }
        x.ty = t;
    }

    /// The value of the constant x converted to the constant type t, or
    /// None if the conversion is invalid (types2's constConvertibleTo).
    fn const_convertible_to(&mut self, x: &Operand<'a>, t: TypeId) -> Option<Value> {
        let u = self.under(t);
        let kind = self.types.basic_kind(u)?;
        if let Ok(v) = constant::representable_const(&x.val, kind) {
            return Some(v);
        }
        if self.is_integer(x.ty) && kind.is_string() {
            let (i, ok) = x.val.uint64_val();
            let cp = if ok && i <= 0x10FFFF {
                u32::try_from(i).ok().and_then(char::from_u32)
            } else {
                None
            };
            let cp = cp.unwrap_or(char::REPLACEMENT_CHARACTER);
            let mut buf = [0u8; 4];
            return Some(Value::make_string(cp.encode_utf8(&mut buf).as_bytes()));
        }
        None
    }

    /// Whether T(x) is valid (types2's operand.convertibleTo). On failure,
    /// `cause` may explain why.
    pub fn convertible_to(&mut self, x: &Operand<'a>, t: TypeId, cause: &mut String) -> bool {
        // "x is assignable to T"
        if self.assignable_to(x, t, cause).0 {
            return true;
        }

        // "V and T have identical underlying types if tags are ignored and
        // V and T are not type parameters"
        let v = x.ty;
        let vu = self.under(v);
        let tu = self.under(t);
        let vp = self.types.is_type_param(v);
        let tp = self.types.is_type_param(t);
        if self.identical_ignore_tags(vu, tu) && !vp && !tp {
            return true;
        }

        // "V and T are unnamed pointer types and their pointer base types
        // have identical underlying types if tags are ignored and their
        // pointer base types are not type parameters"
        if let (Some(vb), Some(tb)) = (self.types.pointer_base(v), self.types.pointer_base(t)) {
            let (vbu, tbu) = (self.under(vb), self.under(tb));
            if self.identical_ignore_tags(vbu, tbu)
                && !self.types.is_type_param(vb)
                && !self.types.is_type_param(tb)
            {
                return true;
            }
        }

        // "V and T are both integer or floating point types"
        if self.is_integer_or_float(vu) && self.is_integer_or_float(tu) {
            return true;
        }

        // "V and T are both complex types"
        if self.is_complex(vu) && self.is_complex(tu) {
            return true;
        }

        // "V is an integer or a slice of bytes or runes and T is a string
        // type"
        if (self.is_integer(vu) || self.is_bytes_or_runes(vu)) && self.is_string(tu) {
            return true;
        }

        // "V is a string and T is a slice of bytes or runes"
        if self.is_string(vu) && self.is_bytes_or_runes(tu) {
            return true;
        }

        // package unsafe: "any pointer or value of underlying type uintptr
        // can be converted into a unsafe.Pointer" and vice versa.
        if (self.is_pointer(vu) || self.is_uintptr(vu)) && self.is_unsafe_pointer(tu) {
            return true;
        }
        if self.is_unsafe_pointer(vu) && (self.is_pointer(tu) || self.is_uintptr(tu)) {
            return true;
        }

        // "V is a slice, T is a pointer-to-array type, and the slice and
        // array types have identical element types." (Go 1.17)
        if let (Type::Slice(se), Type::Pointer(pb)) =
            (self.types.get(vu).clone(), self.types.get(tu).clone())
        {
            let pbu = self.under(pb);
            if let Type::Array { elem, .. } = *self.types.get(pbu) {
                if self.identical(se, elem) {
                    return true;
                }
            }
        }

        // optimization: without type parameters we are done
        if !vp && !tp {
            return false;
        }

        // Generic cases with specific type terms (generic operands cannot
        // be constants, so x.val does not matter).
        if vp {
            let Some(vterms) = self.type_param_terms(v) else {
                return false; // no specific types
            };
            let mut y = x.clone();
            for vterm in vterms {
                let Some(vt) = vterm.ty else { return false };
                y.ty = vt;
                if tp {
                    let Some(tterms) = self.type_param_terms(t) else {
                        return false;
                    };
                    for tterm in tterms {
                        let Some(tt) = tterm.ty else { return false };
                        if !self.convertible_to(&y, tt, cause) {
                            let msg = format!(
                                "cannot convert {} (in {}) to {} (in {})",
                                self.type_string(vt),
                                self.type_string(v),
                                self.type_string(tt),
                                self.type_string(t)
                            );
                            prepend_cause(cause, msg);
                            return false;
                        }
                    }
                } else if !self.convertible_to(&y, t, cause) {
                    let msg = format!(
                        "cannot convert {} (in {}) to {}",
                        self.type_string(vt),
                        self.type_string(v),
                        self.type_string(t)
                    );
                    prepend_cause(cause, msg);
                    return false;
                }
            }
            return true;
        }

        // only T is a type parameter
        let Some(tterms) = self.type_param_terms(t) else {
            return false;
        };
        for tterm in tterms {
            let Some(tt) = tterm.ty else { return false };
            if !self.convertible_to(x, tt, cause) {
                let msg = format!(
                    "cannot convert {} to {} (in {})",
                    self.type_string(x.ty),
                    self.type_string(tt),
                    self.type_string(t)
                );
                prepend_cause(cause, msg);
                return false;
            }
        }
        true
    }

    fn basic_kind_of(&mut self, t: TypeId) -> Option<BasicKind> {
        let u = self.under(t);
        self.types.basic_kind(u)
    }

    pub fn is_uintptr(&mut self, t: TypeId) -> bool {
        self.basic_kind_of(t) == Some(BasicKind::Uintptr)
    }

    pub fn is_unsafe_pointer(&mut self, t: TypeId) -> bool {
        self.basic_kind_of(t) == Some(BasicKind::UnsafePointer)
    }

    pub fn is_pointer(&mut self, t: TypeId) -> bool {
        let u = self.under(t);
        self.types.pointer_base(u).is_some()
    }

    /// Whether t is a slice of bytes or runes ([]byte, []rune, or a slice
    /// of a type whose underlying type is uint8 or int32).
    pub fn is_bytes_or_runes(&mut self, t: TypeId) -> bool {
        let u = self.under(t);
        let Type::Slice(elem) = *self.types.get(u) else {
            return false;
        };
        matches!(
            self.basic_kind_of(elem),
            Some(BasicKind::Uint8 | BasicKind::Int32)
        )
    }
}

/// types2's errorf closure in convertibleTo: the new message goes first,
/// the inner cause follows on its own indented line.
fn prepend_cause(cause: &mut String, msg: String) {
    if cause.is_empty() {
        *cause = msg;
    } else {
        *cause = format!("{msg}\n\t{cause}");
    }
}
