//! A compiled program (docs/vm.md section 3): functions, constants, static
//! data, globals, and what runs first.
//!
//! The compiler builds a [`Program`]; [`Program::validate`] checks that
//! every slot operand lies inside its function's frame and every jump and
//! function id exists, which is what lets the interpreter access slots
//! without bounds checks.

use super::opcode::{Op, Opnd};

/// Function ids index [`Program::funcs`].
pub type FuncId = u32;

/// One compiled function.
#[derive(Debug, Clone, Default)]
pub struct Func {
    /// The name as gc's tracebacks print it: `main.f`, `main.(*T).M`,
    /// `main.main.func1`.
    pub name: String,
    pub code: Vec<Op>,
    /// Slots the frame needs: parameters, results, locals and temporaries,
    /// and the call windows above them.
    pub frame_size: u32,
    /// Slots of the parameters (receiver first), at the frame's start.
    pub param_slots: u32,
    /// Slots of the results, right after the parameters.
    pub result_slots: u32,
    /// One bit per slot that may hold a pointer (docs/vm.md section 2).
    pub ptrmap: Vec<u64>,
    /// The source line of each instruction.
    pub lines: Vec<u32>,
    /// The source file, as tracebacks print it.
    pub file: String,
    /// Where the function's return sequence starts: a frame that recovers
    /// from a panic resumes here (gc's deferreturn then return).
    pub epilogue_pc: u32,
    /// A compiler-made wrapper (a defer's call with its arguments): a
    /// recover() in the function it calls counts as called directly by the
    /// deferred function, as in gc.
    pub wrapper: bool,
}

/// A datum that lives for the whole run: a string literal's bytes.
pub type StaticData = Vec<u8>;

/// The whole program.
#[derive(Debug, Clone, Default)]
pub struct Program {
    pub funcs: Vec<Func>,
    /// The constant pool: 64-bit words (integers, float bits, indexes of
    /// static data or strings for ops that take them).
    pub consts: Vec<u64>,
    /// Strings the ops name by constant index (panic messages).
    pub strings: Vec<String>,
    /// Static data (string literal bytes); `StaticAddr` yields its address.
    pub statics: Vec<StaticData>,
    /// Size in bytes of the globals area.
    pub globals_size: u32,
    /// One bit per word of the globals area that may hold a pointer (the
    /// collector's root map for globals, docs/vm.md section 2).
    pub globals_ptrmap: Vec<u64>,
    /// The function to run: it initializes the package and calls main.main.
    pub entry: FuncId,
    /// Runtime type descriptors the ops name by index (interfaces, maps,
    /// typed allocation: `Newobject`, `MakeSlice` and `GrowSlice` name the
    /// allocated or element type by a constant holding its index here).
    pub types: Vec<&'static crate::types::Type>,
    /// itabs of the conversions the compiler knows statically (`ItabWord`).
    pub itabs: Vec<&'static crate::itab::Itab>,
    /// The `error` itabs of the std error types natives return
    /// (`*errors.errorString`, `*fmt.wrapError`), built by the compiler
    /// with natives::errors::std_error_itabs when a native can make one.
    pub std_itabs: Vec<&'static crate::itab::Itab>,
    /// The descriptors of gc's runtime.Error types, in RuntimeErrorKind
    /// order (natives::rterrors::runtime_error_types); empty in programs
    /// not built by the compiler.
    pub rt_errors: Vec<&'static crate::types::Type>,
    /// reflect's itabs, built by the compiler when the program imports
    /// reflect (natives/reflect.rs): `reflect.Type` holding a
    /// `*reflect.rtype` and `error` holding a `*reflect.ValueError`.
    pub reflect_itabs: Vec<&'static crate::itab::Itab>,
}

impl Program {
    /// Checks the invariants the interpreter relies on: slot operands
    /// inside their frame (a `MoveN`/`LoadN`/`Zero` range included), jump
    /// targets and function ids valid, constant indexes in range.
    pub fn validate(&self) -> Result<(), String> {
        for f in &self.funcs {
            if f.param_slots + f.result_slots > f.frame_size {
                return Err(format!("{}: parameters exceed the frame", f.name));
            }
            if f.lines.len() != f.code.len() {
                return Err(format!("{}: line table length", f.name));
            }
            // Execution never runs off the end of the code (see [`fetch`]):
            // the last instruction does not fall through, and (above) every
            // jump lands inside the code. A function without code (a
            // reserved id never compiled) is refused where it is called.
            if let Some(last) = f.code.last() {
                if !matches!(last, Op::Ret {} | Op::Jmp { .. }) {
                    return Err(format!("{}: code falls off its end", f.name));
                }
                if f.epilogue_pc as usize >= f.code.len() {
                    return Err(format!("{}: epilogue outside the code", f.name));
                }
            }
            for (pc, op) in f.code.iter().enumerate() {
                let mut widths = match super::mapops::slot_widths(self, op) {
                    Some(w) => w.map_err(|e| format!("{}: pc {pc}: {e}", f.name))?,
                    None => slot_widths(op),
                };
                if let Op::EqualT { t, .. } = *op {
                    let Some(ty) = self.types.get(t as usize) else {
                        return Err(format!("{}: pc {pc}: bad type index {t}", f.name));
                    };
                    widths[1] = 2 * ty.size.div_ceil(8) as u32;
                }
                let mut nslot = 0;
                let mut err = None;
                let mut op = *op;
                op.visit(&mut |k, v| {
                    let bad = match k {
                        Opnd::Slot => {
                            let w = widths.get(nslot).copied().unwrap_or(1);
                            nslot += 1;
                            (*v as u64) + w as u64 > f.frame_size as u64
                        }
                        Opnd::Jump => *v as usize >= f.code.len(),
                        Opnd::Func => *v as usize >= self.funcs.len(),
                        Opnd::Konst => *v as usize >= self.consts.len(),
                        Opnd::Imm | Opnd::Num => false,
                    };
                    if bad && err.is_none() {
                        err = Some(format!("{}: pc {pc}: bad operand {v} ({k:?})", f.name));
                    }
                });
                if let Some(e) = err {
                    return Err(e);
                }
                if let Op::Newobject { k, .. } | Op::MakeSlice { k, .. } | Op::GrowSlice { k, .. } =
                    op
                {
                    if self.consts[k as usize] as usize >= self.types.len() {
                        return Err(format!("{}: pc {pc}: bad type index", f.name));
                    }
                }
                if let Op::CallNative { a, n } = op {
                    let Some(nat) = crate::natives::get(n) else {
                        return Err(format!("{}: pc {pc}: bad native {n}", f.name));
                    };
                    if a as u64 + (nat.params + nat.results) as u64 > f.frame_size as u64 {
                        return Err(format!("{}: pc {pc}: native window outside frame", f.name));
                    }
                }
                if let Some(e) = super::ifaceops::validate(self, f, &op) {
                    return Err(format!("{}: pc {pc}: {e}", f.name));
                }
                if let Op::Call { a, f: callee } = op {
                    let c = &self.funcs[callee as usize];
                    if a as u64 + (c.param_slots + c.result_slots) as u64 > f.frame_size as u64 {
                        return Err(format!("{}: pc {pc}: call window outside frame", f.name));
                    }
                    // The loop does not check a static callee's code.
                    if c.code.is_empty() {
                        return Err(format!(
                            "{}: pc {pc}: call of a function without code",
                            f.name
                        ));
                    }
                }
            }
        }
        if self.entry as usize >= self.funcs.len() {
            return Err("no entry function".into());
        }
        Ok(())
    }
}

/// The instruction at `pc` of a function of a validated program, where
/// `pc` is 0 of a function with code, a jump target, the pc after a
/// non-final instruction (a call's return address among them), or the
/// epilogue: the interpreter's only instruction fetch.
#[inline(always)]
pub(crate) fn fetch(code: &[Op], pc: usize) -> &Op {
    debug_assert!(pc < code.len());
    // SAFETY: `Program::validate` (which `Vm::run` calls before executing)
    // checks that every jump target and epilogue pc is below the code's
    // length and that the last instruction is a `Ret` or `Jmp`, so falling
    // through from any instruction but the last stays inside; the loop
    // enters only functions whose code is not empty. Every pc the loop
    // reaches is therefore one of those listed above, all in bounds.
    unsafe { code.get_unchecked(pc) }
}

/// How many consecutive slots each slot operand of the op touches, in
/// operand order (1 for operands not listed).
fn slot_widths(op: &Op) -> [u32; 3] {
    match *op {
        Op::MoveN { n, .. } => [n, n, 1],
        // LoadN's source and StoreN's destination are pointers (one slot).
        Op::LoadN { n, .. } => [n, 1, 1],
        Op::StoreN { n, .. } => [1, n, 1],
        Op::LoadIdx8U { .. }
        | Op::LoadIdx8S { .. }
        | Op::LoadIdx16U { .. }
        | Op::LoadIdx16S { .. }
        | Op::LoadIdx32U { .. }
        | Op::LoadIdx32S { .. }
        | Op::LoadIdx64 { .. } => [1, 2, 1],
        Op::StoreIdx8 { .. }
        | Op::StoreIdx16 { .. }
        | Op::StoreIdx32 { .. }
        | Op::StoreIdx64 { .. } => [2, 1, 1],
        Op::Zero { n, .. } => [n, 1, 1],
        Op::Concatstrings { n, .. } => [2, 2 * n, 1],
        Op::SliceCopy { .. } => [1, 6, 1],
        Op::SliceCheck3 { .. } => [4, 1, 1],
        Op::MakeSlice { .. } => [3, 2, 1],
        Op::GrowSlice { .. } => [3, 1, 1],
        Op::StringToBytes { .. } | Op::StringToRunes { .. } => [3, 2, 1],
        Op::BytesToString { .. } | Op::RunesToString { .. } => [2, 3, 1],
        Op::RuneToString { .. } => [2, 1, 1],
        Op::DecodeRune { .. } => [2, 2, 1],
        Op::CmpString { .. } | Op::EqString { .. } => [1, 2, 2],
        Op::PrintString { .. } | Op::PrintComplex { .. } | Op::PrintEface { .. } => [2, 1, 1],
        Op::PrintSlice { .. } => [3, 1, 1],
        Op::C128Add { .. } | Op::C128Sub { .. } | Op::C128Mul { .. } | Op::C128Div { .. } => {
            [2, 2, 2]
        }
        Op::C128Neg { .. } => [2, 2, 1],
        Op::C64To128 { .. } => [2, 1, 1],
        Op::C128To64 { .. } => [1, 2, 1],
        Op::SliceToArrayPtr { .. } => [1, 3, 1],
        // The window is checked against the callee's parameters and results.
        Op::Call { .. } | Op::CallNative { .. } => [0, 0, 0],
        Op::CallClosure { .. } => [0, 1, 1],
        Op::Recover { .. } | Op::Gopanic { .. } | Op::MakeEface { .. } => [2, 2, 1],
        Op::EqIface { .. } | Op::EqEface { .. } => [1, 2, 2],
        Op::AssertT { .. } | Op::ConvT { .. } | Op::CallIface { .. } => [1, 2, 1],
        Op::AssertT2 { .. } => [2, 2, 1],
        Op::AssertI { .. } | Op::ConvI { .. } => [2, 2, 1],
        Op::AssertI2 { .. } => [3, 2, 1],
        _ => [1, 1, 1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prog(code: Vec<Op>) -> Program {
        let lines = vec![0; code.len()];
        Program {
            funcs: vec![Func {
                code,
                lines,
                frame_size: 4,
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn validate_keeps_the_fetch_in_bounds() {
        assert!(prog(vec![Op::Jmp { t: 0 }]).validate().is_ok());
        assert!(prog(vec![Op::LoadI { a: 0, i: 1 }, Op::Ret {}])
            .validate()
            .is_ok());
        // Falling off the end, a jump to the end, an epilogue outside.
        assert!(prog(vec![Op::Ret {}, Op::LoadI { a: 0, i: 1 }])
            .validate()
            .is_err());
        assert!(prog(vec![Op::JmpIf { a: 0, t: 2 }, Op::Ret {}])
            .validate()
            .is_err());
        let mut p = prog(vec![Op::Ret {}]);
        p.funcs[0].epilogue_pc = 1;
        assert!(p.validate().is_err());
        // A function without code is allowed (the loop refuses to enter it).
        assert!(prog(vec![]).validate().is_ok());
    }

    #[test]
    fn validate_checks_element_headers() {
        // LoadIdx reads R[B..B+2]: B = 3 in a 4-slot frame is outside.
        assert!(prog(vec![Op::LoadIdx64 { a: 0, b: 2, c: 1 }, Op::Ret {}])
            .validate()
            .is_ok());
        assert!(prog(vec![Op::LoadIdx64 { a: 0, b: 3, c: 1 }, Op::Ret {}])
            .validate()
            .is_err());
        assert!(prog(vec![Op::StoreIdx8 { a: 3, b: 0, c: 1 }, Op::Ret {}])
            .validate()
            .is_err());
    }
}
