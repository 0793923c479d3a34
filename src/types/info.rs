//! What the checker tells later passes (types2's api.go Info): the type and
//! value of every expression, the object every name defines or uses, field
//! and method selections, instantiations, scopes, and the package-level
//! initialization order. Escape analysis and the bytecode compiler read
//! these tables; nothing is recomputed downstream.

use std::collections::HashMap;

use super::constant::Value;
use super::object::ObjId;
use super::operand::Mode;
use super::scope::ScopeId;
use super::ty::TypeId;
use crate::syntax::ast::NodeId;
use crate::syntax::pos::Pos;

/// The recorded result for one expression.
#[derive(Clone, Debug)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub ty: TypeId,
    /// The value, for constant expressions.
    pub val: Option<Value>,
}

impl TypeAndValue {
    pub fn is_type(&self) -> bool {
        self.mode == Mode::TypExpr
    }
    pub fn is_value(&self) -> bool {
        matches!(
            self.mode,
            Mode::Constant
                | Mode::Variable
                | Mode::MapIndex
                | Mode::Value
                | Mode::NilValue
                | Mode::CommaOk
                | Mode::CommaErr
        )
    }
    pub fn addressable(&self) -> bool {
        self.mode == Mode::Variable
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SelectionKind {
    FieldVal,
    MethodVal,
    MethodExpr,
}

/// `x.f` resolved: the path of embedded fields from x's type to f.
#[derive(Clone, Debug)]
pub struct Selection {
    pub kind: SelectionKind,
    pub recv: TypeId,
    pub obj: ObjId,
    pub index: Vec<usize>,
    pub indirect: bool,
}

#[derive(Clone, Debug)]
pub struct Instance {
    pub targs: Vec<TypeId>,
    pub ty: TypeId,
}

/// One package-level initialization: `var lhs... = rhs` (rhs by NodeId).
#[derive(Clone, Debug)]
pub struct Initializer {
    pub lhs: Vec<ObjId>,
    pub rhs: NodeId,
}

/// Side tables keyed by node ids (and, for nodes without ids, positions).
#[derive(Debug, Default)]
pub struct Info {
    types: Vec<Option<TypeAndValue>>,
    pub defs: HashMap<NodeId, Option<ObjId>>,
    pub uses: HashMap<NodeId, ObjId>,
    /// Objects declared implicitly: an import without rename, the variable
    /// of a type switch clause, an anonymous parameter; keyed by the
    /// position of the import spec, case clause or field.
    pub implicits: HashMap<Pos, ObjId>,
    pub selections: HashMap<NodeId, Selection>,
    pub instances: HashMap<NodeId, Instance>,
    /// Scopes of blocks, functions, files, clauses, keyed by the position of
    /// the node that opens them.
    pub scopes: HashMap<Pos, ScopeId>,
    pub init_order: Vec<Initializer>,
    /// Values implicitly converted to an interface type where they are
    /// used (assigned, passed, returned, sent, compared with an interface):
    /// the expression's id and the interface type. gc's OCONVIFACE nodes;
    /// the compiler boxes the value there and escape analysis sees an
    /// allocation site.
    pub iface_conversions: HashMap<NodeId, TypeId>,
}

impl Info {
    pub fn record_type(&mut self, id: NodeId, tv: TypeAndValue) {
        let i = id.index();
        if i >= self.types.len() {
            self.types.resize(i + 1, None);
        }
        self.types[i] = Some(tv);
    }

    pub fn type_of(&self, id: NodeId) -> Option<&TypeAndValue> {
        self.types.get(id.index()).and_then(|t| t.as_ref())
    }

    pub fn type_of_mut(&mut self, id: NodeId) -> Option<&mut TypeAndValue> {
        self.types.get_mut(id.index()).and_then(|t| t.as_mut())
    }

    /// The object a name defines or uses.
    pub fn object_of(&self, id: NodeId) -> Option<ObjId> {
        if let Some(Some(obj)) = self.defs.get(&id) {
            return Some(*obj);
        }
        self.uses.get(&id).copied()
    }
}
