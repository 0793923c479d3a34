//! `goscope disasm`: the bytecode in the names opcode.rs defines.

use std::fmt::Write;

use super::opcode::Opnd;
use super::program::Program;

/// The program as text: one block per function, one line per instruction
/// (`pc line Name operands`).
pub fn disasm(p: &Program) -> String {
    let mut s = String::new();
    for (id, f) in p.funcs.iter().enumerate() {
        let _ = writeln!(
            s,
            "func {} #{id} (frame {}, params {}, results {})",
            f.name, f.frame_size, f.param_slots, f.result_slots
        );
        for (pc, op) in f.code.iter().enumerate() {
            let line = f.lines.get(pc).copied().unwrap_or(0);
            let _ = write!(s, "  {pc:4} {line:4}  {:<14}", op.name());
            for (i, (k, v)) in op.operands().into_iter().enumerate() {
                let sep = if i == 0 { "" } else { ", " };
                let _ = match k {
                    Opnd::Slot => write!(s, "{sep}r{v}"),
                    Opnd::Konst => write!(
                        s,
                        "{sep}k{v}={}",
                        p.consts.get(v as usize).map_or(0, |w| *w as i64)
                    ),
                    Opnd::Imm => write!(s, "{sep}{}", v as i32),
                    Opnd::Jump => write!(s, "{sep}->{v}"),
                    Opnd::Func => write!(
                        s,
                        "{sep}{}",
                        p.funcs.get(v as usize).map_or("?", |f| f.name.as_str())
                    ),
                    Opnd::Num => write!(s, "{sep}{v}"),
                };
            }
            s.push('\n');
        }
    }
    s
}
