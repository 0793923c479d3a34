//! The bytecode and its interpreter loop (docs/vm.md sections 2 and 3):
//! opcode.rs defines the instructions, program.rs what the compiler
//! produces, interp.rs runs it on segmented goroutine stacks (stack.rs).

pub mod disasm;
pub mod fmtv;
mod ifaceops;
pub mod interp;
mod mapops;
pub mod opcode;
pub mod program;
mod shims;
pub mod stack;

pub use interp::reenter::{GoCallError, Raise};
pub use interp::{Exit, Vm};
pub use opcode::{Op, Opnd};
pub use program::{ElemType, Func, FuncId, Program};
