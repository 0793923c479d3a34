//! Struct types (types2's struct.go): fields, tags, embedded fields.

use super::scope::ScopeElems;
use crate::syntax::positions::start_pos;

use super::check::Checker;
use super::errors::{ErrorBuilder, INVALID_AST};
use super::object::{ObjId, ObjKind, Object};
use super::ty::{Type, TypeId};
use crate::syntax::ast::{BasicLit, Expr, ExprKind, LitKind, NodeId, Operator};
use crate::syntax::pos::Pos;
use crate::syntax::printer::expr_string;
use crate::syntax::symbol::Symbol;

impl<'a> Checker<'a> {
    /// Fills in the struct type `styp` from its literal `e`.
    pub fn struct_type(&mut self, styp: TypeId, e: &'a Expr) {
        let ExprKind::StructType(st) = &e.kind else {
            return;
        };
        let (list, tag_list) = (&st.fields, &st.tags);
        let mut fields: Vec<ObjId> = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        // Keyed by name: every field is declared in the checked package, so
        // types2's Id (path.name) is the same relation.
        let mut fset = ScopeElems::default();
        let mut typ = TypeId::INVALID;
        let mut prev: Option<&std::sync::Arc<Expr>> = None;
        for (i, f) in list.iter().enumerate() {
            if prev.is_none_or(|p| !std::sync::Arc::ptr_eq(p, &f.ty)) {
                typ = self.var_type(&f.ty);
                prev = Some(&f.ty);
            }
            let tag = tag_list
                .get(i)
                .and_then(|t| t.as_ref())
                .map(|t| self.tag(t))
                .unwrap_or_default();
            match &f.name {
                Some(name) => {
                    self.add_field(
                        &mut fields,
                        &mut tags,
                        &mut fset,
                        name.sym,
                        Some(name.id),
                        typ,
                        tag,
                        false,
                        name.pos,
                    );
                }
                None => {
                    let pos = start_pos(&f.ty);
                    match embedded_field_ident(&f.ty) {
                        None => {
                            self.error(
                                pos,
                                format!("invalid embedded field type {}", expr_string(&f.ty)),
                            );
                            self.add_field(
                                &mut fields,
                                &mut tags,
                                &mut fset,
                                Symbol::intern("_"),
                                None,
                                TypeId::INVALID,
                                String::new(),
                                true,
                                pos,
                            );
                        }
                        Some((name, id)) => {
                            self.add_field(
                                &mut fields,
                                &mut tags,
                                &mut fset,
                                name,
                                Some(id),
                                typ,
                                tag,
                                true,
                                pos,
                            );
                            let embedded = typ;
                            self.later(move |c: &mut Checker<'a>| {
                                c.check_embedded_field(embedded, pos)
                            });
                        }
                    }
                }
            }
        }
        if tags.iter().all(|t| t.is_empty()) {
            tags.clear();
        }
        *self.types.get_mut(styp) = Type::Struct(Box::new(super::ty::StructType { fields, tags }));
    }

    #[allow(clippy::too_many_arguments)]
    fn add_field(
        &mut self,
        fields: &mut Vec<ObjId>,
        tags: &mut Vec<String>,
        fset: &mut ScopeElems,
        name: Symbol,
        id: Option<NodeId>,
        typ: TypeId,
        tag: String,
        embedded: bool,
        pos: Pos,
    ) {
        let pkg = Some(self.pkg);
        let fld = self.new_obj(Object::new(
            ObjKind::Var {
                embedded,
                is_field: true,
                used: false,
                is_param: false,
                origin: None,
            },
            pos,
            pkg,
            name,
            Some(typ),
        ));
        if !name.is_blank() {
            if let Some(&alt) = fset.get(&name) {
                let mut err = ErrorBuilder::new();
                err.add(pos, format!("{name} redeclared"));
                self.record_alt_decl(&mut err, alt);
                self.report(err);
                return;
            }
            fset.insert(name, fld);
        }
        fields.push(fld);
        tags.push(tag);
        if let Some(id) = id {
            self.record_def(id, Some(fld));
        }
    }

    fn check_embedded_field(&mut self, t: TypeId, pos: Pos) {
        let (base, is_ptr) = self.types.deref(t);
        let u = self.under(base);
        match self.types.get(u) {
            Type::Basic { kind, .. } => {
                if base == TypeId::INVALID {
                    return;
                }
                if *kind == super::basic::BasicKind::UnsafePointer {
                    self.error(pos, "embedded field type cannot be unsafe.Pointer".into());
                }
            }
            Type::Pointer(_) => self.error(pos, "embedded field type cannot be a pointer".into()),
            Type::Interface(_) => {
                if self.types.is_type_param(base) {
                    self.error(
                        pos,
                        "embedded field type cannot be a (pointer to a) type parameter".into(),
                    );
                } else if is_ptr {
                    self.error(
                        pos,
                        "embedded field type cannot be a pointer to an interface".into(),
                    );
                }
            }
            _ => {}
        }
    }

    /// The value of a struct tag literal.
    fn tag(&mut self, t: &BasicLit) -> String {
        if t.bad {
            return String::new();
        }
        if t.kind == LitKind::String {
            if let super::constant::Value::String(b) =
                super::constant::make_from_literal(t.value.as_str(), LitKind::String)
            {
                return String::from_utf8_lossy(&b.to_vec()).into_owned();
            }
        }
        self.error(
            t.pos,
            format!("{INVALID_AST}incorrect tag syntax: {:?}", t.value.as_str()),
        );
        String::new()
    }
}

/// The name an embedded field gets from its type: `T`, `*T`, `p.T`, `T[A]`.
fn embedded_field_ident(e: &Expr) -> Option<(Symbol, NodeId)> {
    match &e.kind {
        ExprKind::Name(n) => Some((*n, e.id)),
        ExprKind::Operation {
            op: Operator::Mul,
            x,
            y: None,
        } => {
            if let ExprKind::Operation {
                op: Operator::Mul,
                y: None,
                ..
            } = x.kind
            {
                return None;
            }
            embedded_field_ident(x)
        }
        ExprKind::Selector { sel, .. } => Some((sel.sym, sel.id)),
        ExprKind::Index { x, .. } => embedded_field_ident(x),
        _ => None,
    }
}
