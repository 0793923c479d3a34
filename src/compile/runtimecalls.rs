//! Calls of package runtime that the VM implements as instructions,
//! because they need the goroutine's state (runtime.GC marks the VM's
//! roots) or are single words: GC, ReadMemStats, NumGoroutine, GOMAXPROCS.

use goscope_runtime::vm::Op;

use super::{CResult, Compiler};
use crate::syntax::ast::Expr;

impl<'c, 'a> Compiler<'c, 'a> {
    /// `runtime.name(args)` when the VM provides it: the result's slot (0
    /// without a result); None for other runtime functions.
    pub(super) fn runtime_call(
        &mut self,
        e: &Expr,
        name: &str,
        args: &[Expr],
    ) -> CResult<Option<u32>> {
        let d = match name {
            "GC" => {
                self.set_line(e.pos);
                self.f.emit(Op::Gc {});
                0
            }
            "ReadMemStats" => {
                let p = self.expr(&args[0])?;
                self.set_line(e.pos);
                self.f.emit(Op::ReadMemStats { a: p });
                0
            }
            "NumGoroutine" => {
                let d = self.f.alloc(1, false);
                self.f.emit(Op::NumGoroutine { a: d });
                d
            }
            "GOMAXPROCS" => {
                let n = self.expr(&args[0])?;
                let d = self.f.alloc(1, false);
                self.f.emit(Op::Gomaxprocs { a: d, b: n });
                d
            }
            _ => return Ok(None),
        };
        Ok(Some(d))
    }
}
