//! Index and slice expressions (types2's index.go).
//!
//! `x[i]` is one of: an instantiation of a generic type (`List[int]`, a
//! type), of a generic function (`Map[int, string]`, reported to the caller
//! so it can instantiate), a map lookup (mode MapIndex), or an element of a
//! string (a byte *value*, never a constant, even for `"abc"[1]`), array,
//! pointer to array, slice, or type parameter whose type set agrees on the
//! element type. `x[lo:hi:max]` slices strings (2-index only), addressable
//! arrays, pointers to arrays and slices.
//!
//! Constant indices are checked against what is known statically: they must
//! be non-negative, representable as int, below the length of an array or
//! constant string (up to and including it for slice bounds), and the
//! bounds of a slice expression must not decrease (`s[2:1]` reports
//! "invalid slice indices: 1 < 2").

use super::basic::BasicKind;
use super::check::Checker;
use super::constant::{self, Kind};
use super::errors::{INVALID_ARG, INVALID_AST, INVALID_OP};
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;

/// What one term of a type parameter's type set gives when indexed
/// (types2's closure in indexExpr): length if known (-1), map key type
/// (maps only), element type.
struct IndexShape {
    length: i64,
    key: Option<TypeId>,
    elem: TypeId,
}

impl<'a> Checker<'a> {
    /// Checks `x[i]` (e an Index expression). Returns true if x is a
    /// generic function and e its instantiation: x then holds the
    /// uninstantiated function and the caller instantiates it.
    pub fn index_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) -> bool {
        let ExprKind::Index { x: base, index } = &e.kind else {
            x.mode = Mode::Invalid;
            return false;
        };
        self.expr_or_type(x, base, true);
        // x may be generic

        match x.mode {
            Mode::Invalid => {
                self.use_expr(index);
                return false;
            }
            Mode::TypExpr => {
                // type instantiation
                x.mode = Mode::Invalid;
                x.ty = self.var_type(e);
                if x.ty != TypeId::INVALID {
                    x.mode = Mode::TypExpr;
                }
                return false;
            }
            Mode::Value => {
                let u = self.under(x.ty);
                if self
                    .types
                    .signature(u)
                    .is_some_and(|s| !s.tparams.is_empty())
                {
                    // function instantiation
                    return true;
                }
            }
            _ => {}
        }

        // x should not be generic at this point, but be safe and check
        self.non_generic(x);
        if x.mode == Mode::Invalid {
            return false;
        }

        // ordinary index expression
        let mut valid = false;
        let mut length: i64 = -1; // valid if >= 0
        let u = self.under(x.ty);
        match self.types.get(u).clone() {
            Type::Basic { kind, .. } if kind.is_string() => {
                valid = true;
                if x.mode == Mode::Constant {
                    length = x.val.string_len() as i64;
                }
                // an indexed string always yields a byte value (not a
                // constant) even if the string and the index are constant
                x.mode = Mode::Value;
                x.ty = TypeId::BYTE;
            }
            Type::Array { len, elem } => {
                valid = true;
                length = len;
                if x.mode != Mode::Variable {
                    x.mode = Mode::Value;
                }
                x.ty = elem;
            }
            Type::Pointer(base) => {
                let bu = self.under(base);
                if let Type::Array { len, elem } = *self.types.get(bu) {
                    valid = true;
                    length = len;
                    x.mode = Mode::Variable;
                    x.ty = elem;
                }
            }
            Type::Slice(elem) => {
                valid = true;
                x.mode = Mode::Variable;
                x.ty = elem;
            }
            Type::Map { key, elem } => {
                self.map_index(x, e, key, elem);
                return false;
            }
            Type::Interface(_) if self.types.is_type_param(x.ty) => {
                if let Some((shape, mode)) = self.type_param_index_shape(x) {
                    // For maps, the index must be assignable to the key
                    // type.
                    if let Some(key) = shape.key {
                        self.map_index(x, e, key, shape.elem);
                        return false;
                    }
                    // no maps
                    valid = true;
                    length = shape.length;
                    x.mode = mode;
                    x.ty = shape.elem;
                }
            }
            _ => {}
        }

        if !valid {
            let xs = self.operand_string(x);
            self.error(e.pos, format!("{INVALID_OP}cannot index {xs}"));
            x.mode = Mode::Invalid;
            return false;
        }

        let Some(index) = self.single_index(e) else {
            x.mode = Mode::Invalid;
            return false;
        };
        self.index(index, length);
        false
    }

    /// `m[k]` for a map (or a type parameter of maps) with the given key
    /// and element types.
    fn map_index(&mut self, x: &mut Operand<'a>, e: &'a Expr, key: TypeId, elem: TypeId) {
        let Some(index) = self.single_index(e) else {
            x.mode = Mode::Invalid;
            return;
        };
        let mut k = Operand::invalid();
        self.expr(&mut k, index);
        self.assignment(&mut k, Some(key), &"map index");
        // ok to continue even if indexing failed - map element type is
        // known
        x.mode = Mode::MapIndex;
        x.ty = elem;
        x.expr = Some(e);
    }

    /// Indexing a type parameter: every term of its type set must be
    /// indexable with identical element types, and either all maps with
    /// identical keys or no map. Returns the combined shape (the minimal
    /// array length) and the resulting mode, or None.
    fn type_param_index_shape(&mut self, x: &Operand<'a>) -> Option<(IndexShape, Mode)> {
        let mut acc: Option<IndexShape> = None;
        let mut mode = Mode::Variable; // non-maps result mode
        let xmode = x.mode;
        let res = self.under_is(x.ty, |c, u| {
            let u = u.ok_or_else(String::new)?;
            let mut l: i64 = -1;
            let mut k: Option<TypeId> = None;
            let e: TypeId;
            match c.types.get(u).clone() {
                Type::Basic { kind, .. } if kind.is_string() => {
                    e = TypeId::BYTE;
                    mode = Mode::Value;
                }
                Type::Array { len, elem } => {
                    l = len;
                    e = elem;
                    if xmode != Mode::Variable {
                        mode = Mode::Value;
                    }
                }
                Type::Pointer(base) => {
                    let bu = c.under(base);
                    let Type::Array { len, elem } = *c.types.get(bu) else {
                        return Err(String::new());
                    };
                    l = len;
                    e = elem;
                }
                Type::Slice(elem) => e = elem,
                Type::Map { key, elem } => {
                    k = Some(key);
                    e = elem;
                }
                _ => return Err(String::new()),
            }
            let Some(a) = &mut acc else {
                // first type
                acc = Some(IndexShape {
                    length: l,
                    key: k,
                    elem: e,
                });
                return Ok(());
            };
            // all map keys must be identical (incl. all nil), that is, maps
            // do not mix with other types
            let same_key = match (a.key, k) {
                (None, None) => true,
                (Some(a), Some(b)) => c.identical(a, b),
                _ => false,
            };
            if !same_key || !c.identical(a.elem, e) {
                return Err(String::new());
            }
            // track the minimal length for arrays, if any
            if l >= 0 && l < a.length {
                a.length = l;
            }
            Ok(())
        });
        match (res, acc) {
            (Ok(()), Some(shape)) => Some((shape, mode)),
            _ => None,
        }
    }

    /// Checks `x[lo:hi]` / `x[lo:hi:max]`.
    pub fn slice_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) {
        let ExprKind::Slice {
            x: base,
            index,
            full,
        } = &e.kind
        else {
            x.mode = Mode::Invalid;
            return;
        };
        self.expr(x, base);
        if x.mode == Mode::Invalid {
            for i in index.iter().flatten() {
                self.use_expr(i);
            }
            return;
        }

        let mut valid = false;
        let mut length: i64 = -1; // valid if >= 0
        let Some(cu) = self.core_string(x.ty) else {
            let xs = self.operand_string(x);
            let ts = self.type_string(x.ty);
            self.error(
                x.pos(),
                format!("{INVALID_OP}cannot slice {xs}: {ts} has no core type"),
            );
            x.mode = Mode::Invalid;
            return;
        };
        match self.types.get(cu).clone() {
            Type::Basic { kind, .. } if kind.is_string() => {
                if *full {
                    let at = index[2].as_deref().unwrap_or(e);
                    self.error(
                        start_pos(at),
                        format!("{INVALID_OP}3-index slice of string"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                valid = true;
                if x.mode == Mode::Constant {
                    length = x.val.string_len() as i64;
                }
                // spec: "For untyped string operands the result is a
                // non-constant value of type string."
                if self.types.is_untyped(x.ty) {
                    x.ty = TypeId::basic(BasicKind::String);
                }
            }
            Type::Array { len, elem } => {
                valid = true;
                length = len;
                if x.mode != Mode::Variable {
                    let xs = self.operand_string(x);
                    self.error(
                        x.pos(),
                        format!("{INVALID_OP}{xs} (slice of unaddressable value)"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                x.ty = self.types.slice(elem);
            }
            Type::Pointer(b) => {
                let bu = self.under(b);
                if let Type::Array { len, elem } = *self.types.get(bu) {
                    valid = true;
                    length = len;
                    x.ty = self.types.slice(elem);
                }
            }
            Type::Slice(_) => {
                valid = true;
                // x.ty doesn't change
            }
            _ => {}
        }

        if !valid {
            let xs = self.operand_string(x);
            self.error(x.pos(), format!("{INVALID_OP}cannot slice {xs}"));
            x.mode = Mode::Invalid;
            return;
        }

        x.mode = Mode::Value;

        // spec: "Only the first index may be omitted; it defaults to 0."
        if *full && (index[1].is_none() || index[2].is_none()) {
            self.error(
                start_pos(e),
                format!("{INVALID_AST}2nd and 3rd index required in 3-index slice"),
            );
            x.mode = Mode::Invalid;
            return;
        }

        // check indices
        let mut ind = [-1i64; 3];
        for (i, expr) in index.iter().enumerate() {
            ind[i] = match expr {
                Some(expr) => {
                    // The "capacity" is only known statically for strings,
                    // arrays, and pointers to arrays, and it is the same as
                    // the length for those types.
                    // Go's int64 wraps for a length of MaxInt64, leaving no bound.
                    let max = if length >= 0 {
                        length.wrapping_add(1)
                    } else {
                        -1
                    };
                    let (_, v) = self.index(expr, max);
                    if v >= 0 {
                        v
                    } else {
                        -1
                    }
                }
                // default is 0 for the first index
                None if i == 0 => 0,
                // default is length (== capacity) otherwise
                None if length >= 0 => length,
                None => -1,
            };
        }

        // constant indices must be in range (index() already checked that
        // the given ones are >= 0); only one error is reported
        for i in 0..ind.len() - 1 {
            let x = ind[i];
            if x <= 0 {
                continue;
            }
            for j in i + 1..ind.len() {
                let y = ind[j];
                if y >= 0 && y < x {
                    // y >= 0 came from an expression: index[j] is present
                    let at = index[j].as_deref().map_or(start_pos(e), start_pos);
                    self.error(at, format!("invalid slice indices: {y} < {x}"));
                    return;
                }
            }
        }
    }

    /// The single index of an index expression; with several (a List), an
    /// error is reported and the first is used.
    pub fn single_index(&mut self, e: &'a Expr) -> Option<&'a Expr> {
        let ExprKind::Index { x, index } = &e.kind else {
            return None;
        };
        let ExprKind::List(list) = &index.kind else {
            return Some(index);
        };
        if list.len() <= 1 {
            self.error(
                start_pos(e),
                format!(
                    "{INVALID_AST}invalid use of ListExpr for index expression {} with {} indices",
                    expr_string(e),
                    list.len()
                ),
            );
            let _ = x;
            return None;
        }
        self.error(
            start_pos(&list[1]),
            format!("{INVALID_OP}more than one index"),
        );
        list.first()
    }

    /// Checks an index expression: if max >= 0, it is the index's upper
    /// bound (exclusive). Returns the index's (possibly named) integer type,
    /// Invalid if the index is invalid, and its constant value, -1 if it is
    /// not a (valid) constant.
    pub fn index(&mut self, index: &'a Expr, max: i64) -> (TypeId, i64) {
        let mut x = Operand::invalid();
        self.expr(&mut x, index);
        if !self.is_valid_index(&mut x, "index", false) {
            return (TypeId::INVALID, -1);
        }
        if x.mode != Mode::Constant {
            return (x.ty, -1);
        }
        if x.val.kind() == Kind::Unknown {
            return (TypeId::INVALID, -1);
        }
        let (v, ok) = x.val.int64_val();
        if !ok {
            // is_valid_index made sure the value fits an int
            return (TypeId::INVALID, -1);
        }
        if max >= 0 && v >= max {
            let vs = x.val.to_string();
            self.error(
                x.pos(),
                format!("{INVALID_ARG}index {vs} out of bounds [0:{max}]"),
            );
            return (TypeId::INVALID, -1);
        }
        // 0 <= v [ && v < max ]
        (x.ty, v)
    }

    /// Whether x is a valid integer index (or length, per `what`): an
    /// integer, or an untyped constant representable as int; a constant
    /// must also be non-negative unless `allow_negative`. Reports the error
    /// and returns false otherwise.
    pub fn is_valid_index(
        &mut self,
        x: &mut Operand<'a>,
        what: &str,
        allow_negative: bool,
    ) -> bool {
        if x.mode == Mode::Invalid {
            return false;
        }

        // spec: "a constant index that is untyped is given type int"
        self.convert_untyped(x, TypeId::basic(BasicKind::Int));
        if x.mode == Mode::Invalid {
            return false;
        }

        // spec: "the index x must be of integer type or an untyped
        // constant"
        if !self.all_integer(x.ty) {
            let xs = self.operand_string(x);
            self.error(x.pos(), format!("{INVALID_ARG}{what} {xs} must be integer"));
            return false;
        }

        if x.mode == Mode::Constant {
            // spec: "a constant index must be non-negative ..."
            if !allow_negative && x.val.sign() < 0 {
                let xs = self.operand_string(x);
                self.error(
                    x.pos(),
                    format!("{INVALID_ARG}{what} {xs} must not be negative"),
                );
                return false;
            }

            // spec: "... and representable by a value of type int"
            match constant::representable_const(&x.val, BasicKind::Int) {
                Ok(v) => x.val = v,
                Err(_) => {
                    let xs = self.operand_string(x);
                    self.error(x.pos(), format!("{INVALID_ARG}{what} {xs} overflows int"));
                    return false;
                }
            }
        }
        true
    }
}
