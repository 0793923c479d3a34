//! Objects: the named language entities (types2's object.go) — constants,
//! type names, variables (incl. fields and parameters), functions (incl.
//! methods), labels, package names, builtins and nil.
//!
//! Objects live in one arena per session and are referred to by [`ObjId`].
//! `ty` is None while a package-level object is not yet type-checked; the
//! `color` drives cycle detection exactly as in types2 (white: not started,
//! black: done, grey+i: in progress at position i of the object path).

use super::builtins::BuiltinId;
use super::constant::Value;
use super::package::PkgId;
use super::scope::ScopeId;
use super::ty::TypeId;
use crate::syntax::pos::Pos;
use crate::syntax::symbol::Symbol;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct ObjId(pub u32);

impl ObjId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Cycle-detection color (types2's color): `Grey(i)` records the object's
/// index on the checker's object path.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Color {
    White,
    Black,
    Grey(u32),
}

/// A [`Color`] in four bytes (an enum with a u32 payload takes eight, and
/// every object has one): 0 white, 1 black, 2 + i grey with path index i.
#[derive(Clone, Copy, Debug)]
struct PackedColor(u32);

impl PackedColor {
    fn from(c: Color) -> PackedColor {
        PackedColor(match c {
            Color::White => 0,
            Color::Black => 1,
            Color::Grey(i) => i.saturating_add(2),
        })
    }

    fn get(self) -> Color {
        match self.0 {
            0 => Color::White,
            1 => Color::Black,
            n => Color::Grey(n - 2),
        }
    }
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    PkgName {
        imported: PkgId,
        used: bool,
    },
    /// For a constant declared with iota, `val` holds the iota value until
    /// the constant is checked (as in types2).
    Const {
        val: Value,
    },
    TypeName,
    Var {
        embedded: bool,
        is_field: bool,
        used: bool,
        is_param: bool,
        origin: Option<ObjId>,
    },
    Func {
        has_ptr_recv: bool,
        origin: Option<ObjId>,
    },
    Label {
        used: bool,
    },
    Builtin(BuiltinId),
    Nil,
}

#[derive(Clone, Debug)]
pub struct Object {
    pub kind: ObjKind,
    pub name: Symbol,
    pub pos: Pos,
    pub pkg: Option<PkgId>,
    /// The scope the object was declared in; None for fields, methods and
    /// objects not (yet) in a scope.
    pub parent: Option<ScopeId>,
    pub ty: Option<TypeId>,
    /// Declaration order of package-level objects (1-based; 0 = none).
    pub order: u32,
    /// The cycle-detection color, packed ([`Object::color`]).
    color: PackedColor,
    /// The position from which the object is visible in its scope (for
    /// local declarations: the end of the declaring statement).
    pub scope_pos: Pos,
}

impl Object {
    pub fn new(
        kind: ObjKind,
        pos: Pos,
        pkg: Option<PkgId>,
        name: Symbol,
        ty: Option<TypeId>,
    ) -> Object {
        let color = if ty.is_some() {
            Color::Black
        } else {
            Color::White
        };
        Object {
            kind,
            name,
            pos,
            pkg,
            parent: None,
            ty,
            order: 0,
            color: PackedColor::from(color),
            scope_pos: Pos::NONE,
        }
    }

    pub fn color(&self) -> Color {
        self.color.get()
    }

    pub fn set_color(&mut self, c: Color) {
        self.color = PackedColor::from(c);
    }

    pub fn exported(&self) -> bool {
        self.name.is_exported()
    }

    pub fn is_type_name(&self) -> bool {
        matches!(self.kind, ObjKind::TypeName)
    }
    pub fn is_var(&self) -> bool {
        matches!(self.kind, ObjKind::Var { .. })
    }
    pub fn is_field(&self) -> bool {
        matches!(self.kind, ObjKind::Var { is_field: true, .. })
    }
    pub fn is_embedded(&self) -> bool {
        matches!(self.kind, ObjKind::Var { embedded: true, .. })
    }
    pub fn is_func(&self) -> bool {
        matches!(self.kind, ObjKind::Func { .. })
    }
    pub fn is_const(&self) -> bool {
        matches!(self.kind, ObjKind::Const { .. })
    }
    pub fn const_val(&self) -> Option<&Value> {
        match &self.kind {
            ObjKind::Const { val } => Some(val),
            _ => None,
        }
    }
    pub fn set_used(&mut self) {
        match &mut self.kind {
            ObjKind::Var { used, .. } | ObjKind::PkgName { used, .. } | ObjKind::Label { used } => {
                *used = true
            }
            _ => {}
        }
    }
    pub fn is_used(&self) -> bool {
        match &self.kind {
            ObjKind::Var { used, .. } | ObjKind::PkgName { used, .. } | ObjKind::Label { used } => {
                *used
            }
            _ => true,
        }
    }
    /// The word types2 uses for the object's kind in messages.
    pub fn kind_word(&self) -> &'static str {
        match self.kind {
            ObjKind::PkgName { .. } => "package",
            ObjKind::Const { .. } => "const",
            ObjKind::TypeName => "type",
            ObjKind::Var { is_field: true, .. } => "field",
            ObjKind::Var { .. } => "var",
            ObjKind::Func { .. } => "func",
            ObjKind::Label { .. } => "label",
            ObjKind::Builtin(_) => "builtin",
            ObjKind::Nil => "nil",
        }
    }
}
