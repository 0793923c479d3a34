//! Error reporting (types2's errors.go), in gc's wording.
//!
//! Messages are built with `format!` from the string forms in
//! typestring.rs/operand.rs; a multi-part error (`x redeclared in this
//! block` followed by `other declaration of x`) becomes one diagnostic
//! whose continuation lines are `\n\tFILE:LINE:COL: text`, exactly as gc
//! prints it.
//!
//! Invariant: once an error has been reported, follow-on messages about
//! "invalid operand"/"invalid type" are suppressed, as in types2.

use super::check::Checker;
use super::package::PkgId;
use crate::diag::Diagnostic;
use crate::syntax::pos::Pos;

/// A multi-part error under construction (types2's error_).
#[derive(Default, Debug)]
pub struct ErrorBuilder {
    parts: Vec<(Pos, String)>,
    pub soft: bool,
}

impl ErrorBuilder {
    pub fn new() -> ErrorBuilder {
        ErrorBuilder::default()
    }
    pub fn add(&mut self, pos: Pos, msg: impl Into<String>) -> &mut Self {
        self.parts.push((pos, msg.into()));
        self
    }
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
}

pub const INVALID_OP: &str = "invalid operation: ";
pub const INVALID_ARG: &str = "invalid argument: ";
pub const INVALID_AST: &str = "invalid AST: ";

impl<'a> Checker<'a> {
    pub fn error(&mut self, pos: Pos, msg: String) {
        self.err(pos, msg, false);
    }

    pub fn soft_error(&mut self, pos: Pos, msg: String) {
        self.err(pos, msg, true);
    }

    /// Reports a multi-part error at its first part's position.
    pub fn report(&mut self, err: ErrorBuilder) {
        let Some((pos, first)) = err.parts.first().cloned() else {
            return;
        };
        let mut msg = first;
        for (p, text) in &err.parts[1..] {
            msg.push_str("\n\t");
            if p.is_known() {
                msg.push_str(&self.sources.position(*p).to_string());
                msg.push_str(": ");
            }
            msg.push_str(text);
        }
        self.err(pos, msg, err.soft);
    }

    fn err(&mut self, pos: Pos, msg: String, _soft: bool) {
        if self.st.first_err
            && (msg.find("invalid operand").is_some_and(|i| i > 0)
                || msg.find("invalid type").is_some_and(|i| i > 0))
        {
            return;
        }
        let pos = self.st.env.errpos.unwrap_or(pos);
        self.st.first_err = true;
        if self.pkg != self.main_pkg() {
            let at = self.sources.position(pos);
            self.internal_errors.push(format!("{at}: {msg}"));
            return;
        }
        self.diags.push(Diagnostic::new(pos, msg));
    }

    /// The package the user's files belong to (the first one created).
    pub fn main_pkg(&self) -> PkgId {
        PkgId(self.universe.unsafe_pkg.0 + 1)
    }

    /// How a package is named in a message from inside the current package:
    /// not at all for the current package, by name, or by quoted path when
    /// two imported packages share a name.
    pub fn qualifier(&self, pkg: PkgId) -> Option<String> {
        if pkg == self.pkg {
            return None;
        }
        let p = self.package(pkg);
        let same_name = self.pkgs.iter().filter(|q| q.name == p.name).count();
        if same_name > 1 {
            Some(format!("{:?}", p.path))
        } else {
            Some(p.name.as_str().to_string())
        }
    }
}
