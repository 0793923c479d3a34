//! Packages: the main package being checked and the standard packages it
//! imports (goscope's declared std API, see std/README.md).

use super::scope::ScopeId;
use crate::syntax::symbol::Symbol;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct PkgId(pub u32);

#[derive(Clone, Debug)]
pub struct Package {
    pub path: String,
    pub name: Symbol,
    pub scope: ScopeId,
    pub imports: Vec<PkgId>,
    /// Set when the package has been fully checked.
    pub complete: bool,
    /// A package that could not be imported: its scope is empty and uses of
    /// it must not produce follow-up errors.
    pub fake: bool,
}
