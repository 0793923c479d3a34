//! Diagnostics: what every front-end pass returns beside its result.
//!
//! A [`Diagnostic`] is a position and gc's message text. Rendering (miette on
//! a terminal, gc's one-line `FILE:LINE:COL: message` otherwise) happens only
//! in the CLI; passes never print.

use crate::syntax::pos::Pos;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub pos: Pos,
    pub message: String,
}

impl Diagnostic {
    pub fn new(pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            pos,
            message: message.into(),
        }
    }
}
