//! Composite literals (the CompositeLit case of types2's exprInternal, and
//! indexedElts from index.go).

use crate::fxhash::{FxHashMap, FxHashSet};

use super::check::Checker;
use super::constant::{Kind, Value};
use super::object::Object;
use super::operand::{Mode, Operand};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::positions::start_pos;
use crate::syntax::printer::expr_string;

impl<'a> Checker<'a> {
    /// `T{...}`; `hint` is the element type of an enclosing literal when
    /// T is elided. Returns false when x is invalid.
    pub fn composite_lit(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        hint: Option<TypeId>,
    ) -> bool {
        let ExprKind::CompositeLit(lit) = &e.kind else {
            return false;
        };
        let (ty, elems, rbrace) = (&lit.ty, &lit.elems, &lit.rbrace);
        let (typ, base);
        let mut open_array: Option<(&'a Expr, TypeId)> = None;
        match (ty, hint) {
            (Some(te), _) => {
                if let ExprKind::ArrayType { len: None, elem } = &te.kind {
                    // [...]T: the length is the number of elements.
                    let et = self.var_type(elem);
                    open_array = Some((te, et));
                    typ = TypeId::INVALID;
                    base = TypeId::INVALID;
                } else {
                    typ = self.typ(te);
                    base = typ;
                }
            }
            (None, Some(h)) => {
                typ = h;
                match self.core_type(h) {
                    Some(c) => base = self.types.deref(c).0,
                    None => {
                        let ts = self.type_string(h);
                        self.error(
                            e.span.lo,
                            format!("invalid composite literal element type {ts}: no core type"),
                        );
                        return false;
                    }
                }
            }
            (None, None) => {
                self.error(e.span.lo, "missing type in composite literal".into());
                return false;
            }
        }

        if let Some((te, et)) = open_array {
            let n = self.indexed_elts(elems, et, -1);
            let at = self.types.array(et, n);
            self.record_type_and_value(te.id, Mode::TypExpr, at, None);
            x.mode = Mode::Value;
            x.ty = at;
            return true;
        }

        let utyp = self.core_type(base).unwrap_or(TypeId::INVALID);
        match self.types.get(utyp).clone() {
            Type::Struct(st) => {
                if elems.is_empty() {
                } else if matches!(elems[0].kind, ExprKind::KeyValue { .. }) {
                    let mut visited = vec![false; st.fields.len()];
                    for el in elems {
                        let ExprKind::KeyValue { key, value } = &el.kind else {
                            self.error(
                                el.span.lo,
                                "mixture of field:value and value elements in struct literal"
                                    .into(),
                            );
                            continue;
                        };
                        self.expr(x, value);
                        let ExprKind::Name(kname) = key.kind else {
                            self.error(
                                el.span.lo,
                                format!(
                                    "invalid field name {} in struct literal",
                                    expr_string(key)
                                ),
                            );
                            continue;
                        };
                        let pkg = Some(self.pkg);
                        let Some(i) = st
                            .fields
                            .iter()
                            .position(|&f| !kname.is_blank() && self.same_id(f, pkg, kname))
                        else {
                            let bs = self.type_string(base);
                            self.error(
                                key.span.lo,
                                format!("unknown field '{kname}' in struct literal of type {bs}"),
                            );
                            continue;
                        };
                        let fld = st.fields[i];
                        self.record_use(key.id, fld);
                        let ft = self.obj_type(fld);
                        self.assignment(x, Some(ft), &"struct literal");
                        if visited[i] {
                            self.error(
                                el.span.lo,
                                format!("duplicate field name {kname} in struct literal"),
                            );
                            continue;
                        }
                        visited[i] = true;
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if matches!(el.kind, ExprKind::KeyValue { .. }) {
                            self.error(
                                el.span.lo,
                                "mixture of field:value and value elements in struct literal"
                                    .into(),
                            );
                            continue;
                        }
                        self.expr(x, el);
                        if i >= st.fields.len() {
                            let bs = self.type_string(base);
                            self.error(x.pos(), format!("too many values in {bs}{{…}}"));
                            break;
                        }
                        let fld = st.fields[i];
                        let fo: &Object = self.obj(fld);
                        if !fo.exported() && fo.pkg != Some(self.pkg) {
                            let (fname, ts) = (fo.name, self.type_string(typ));
                            self.error(x.pos(), format!("implicit assignment to unexported field {fname} in {ts} literal"));
                            continue;
                        }
                        let ft = self.obj_type(fld);
                        self.assignment(x, Some(ft), &"struct literal");
                    }
                    if elems.len() < st.fields.len() {
                        let bs = self.type_string(base);
                        self.error(*rbrace, format!("too few values in {bs}{{…}}"));
                    }
                }
            }
            Type::Array { elem, len } => {
                self.indexed_elts(elems, elem, len);
            }
            Type::Slice(elem) => {
                self.indexed_elts(elems, elem, -1);
            }
            Type::Map { key, elem } => {
                let key_is_iface = self.is_non_type_param_interface(key);
                let mut visited: FxHashMap<String, Vec<TypeId>> = FxHashMap::default();
                let mut seen_plain: FxHashSet<String> = FxHashSet::default();
                for el in elems {
                    let ExprKind::KeyValue { key: k, value } = &el.kind else {
                        self.error(el.span.lo, "missing key in map literal".into());
                        continue;
                    };
                    self.expr_with_hint(x, k, key);
                    self.assignment(x, Some(key), &"map literal");
                    if x.mode == Mode::Invalid {
                        continue;
                    }
                    if x.mode == Mode::Constant {
                        let xkey = key_val(&x.val);
                        let duplicate = if key_is_iface {
                            let prior = visited.get(&xkey).cloned().unwrap_or_default();
                            let mut dup = false;
                            for vt in prior {
                                if self.identical(vt, x.ty) {
                                    dup = true;
                                    break;
                                }
                            }
                            visited.entry(xkey).or_default().push(x.ty);
                            dup
                        } else {
                            !seen_plain.insert(xkey)
                        };
                        if duplicate {
                            self.error(x.pos(), format!("duplicate key {} in map literal", x.val));
                            continue;
                        }
                    }
                    self.expr_with_hint(x, value, elem);
                    self.assignment(x, Some(elem), &"map literal");
                }
            }
            _ => {
                for el in elems {
                    let v = match &el.kind {
                        ExprKind::KeyValue { value, .. } => value,
                        _ => el,
                    };
                    self.use_expr(v);
                }
                if utyp != TypeId::INVALID {
                    let ts = self.type_string(typ);
                    self.error(e.span.lo, format!("invalid composite literal type {ts}"));
                    return false;
                }
            }
        }
        x.mode = Mode::Value;
        x.ty = typ;
        true
    }

    /// Checks the elements of an array or slice literal against the
    /// element type; returns the literal's length (max index + 1).
    /// (types2's indexedElts, from index.go; errors are at gc's StartPos
    /// of the element, which for `k: v` is the colon.)
    pub fn indexed_elts(&mut self, elts: &'a [Expr], typ: TypeId, length: i64) -> i64 {
        let mut visited = FxHashSet::default();
        let (mut index, mut max) = (0i64, 0i64);
        for e in elts {
            let mut valid_index = false;
            let mut eval = e;
            if let ExprKind::KeyValue { key, value } = &e.kind {
                let (t, i) = self.index(key, length);
                if t != TypeId::INVALID {
                    if i >= 0 {
                        index = i;
                        valid_index = true;
                    } else {
                        self.error(
                            start_pos(e),
                            format!("index {} must be integer constant", expr_string(key)),
                        );
                    }
                }
                eval = value;
            } else if length >= 0 && index >= length {
                self.error(
                    start_pos(e),
                    format!("index {index} is out of bounds (>= {length})"),
                );
            } else {
                valid_index = true;
            }
            if valid_index && !visited.insert(index) {
                self.error(
                    start_pos(e),
                    format!("duplicate index {index} in array or slice literal"),
                );
            }
            // Go's int64 wraps (a key of MaxInt64 is valid).
            index = index.wrapping_add(1);
            if index > max {
                max = index;
            }
            let mut x = Operand::invalid();
            self.expr_with_hint(&mut x, eval, typ);
            self.assignment(&mut x, Some(typ), &"array or slice literal");
        }
        max
    }
}

/// A key identifying a constant map key's value, so that 1, 1.0 and 1+0i
/// collide as in types2's keyVal.
fn key_val(x: &Value) -> String {
    let mut v = x.clone();
    if v.kind() == Kind::Complex {
        let f = v.to_float();
        if f.kind() != Kind::Float {
            return format!("c:{}", v.exact_string());
        }
        v = f;
    }
    if v.kind() == Kind::Float {
        let i = v.to_int();
        if i.kind() != Kind::Int {
            return format!("f:{}", v.exact_string());
        }
        v = i;
    }
    match v.kind() {
        Kind::Int => format!("i:{}", v.exact_string()),
        Kind::String => format!("s:{}", v.exact_string()),
        Kind::Bool => format!("b:{}", v.exact_string()),
        _ => format!("?:{}", v.exact_string()),
    }
}
