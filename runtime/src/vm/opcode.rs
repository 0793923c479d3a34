//! The instruction set, defined once (docs/vm.md section 3).
//!
//! Every instruction is a variant of [`Op`] whose operands are `u32`s of one
//! of a few kinds ([`Opnd`]): a slot index relative to the frame base
//! (`R[A]`), a constant-pool index (`K[k]`), a signed immediate (`sI`), a
//! jump target (a pc in the same function), a function id, or a count or
//! byte offset. Keeping every operand a `u32` keeps an `Op` at 16 bytes and
//! lets the compiler and the disassembler treat operands uniformly
//! (`Op::operands`, `Op::visit`).
//!
//! Integers live in slots canonically (sign- or zero-extended to 64 bits);
//! arithmetic is done in 64 bits and narrow results are re-canonicalized by
//! the `SExt*`/`ZExt*` ops, which gives Go's wraparound per width.
//!
//! Each instruction is documented in Lua's style: `R[A] := R[B] + R[C]`.
//! Instructions that may raise a Go panic say `(may panic)`.

/// What a `u32` operand means.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Opnd {
    /// A slot of the current frame: printed `rN`.
    Slot,
    /// A constant-pool index: printed `kN`.
    Konst,
    /// A signed immediate (i32 bits): printed as a number.
    Imm,
    /// A jump target: printed `->N`.
    Jump,
    /// A function id: printed as the function's name.
    Func,
    /// A count or byte offset: printed as a number.
    Num,
}

macro_rules! ops {
    ($( $(#[$doc:meta])* $name:ident { $($f:ident : $k:ident),* } ),* $(,)?) => {
        /// One instruction (see the module docs).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Op {
            $( $(#[$doc])* $name { $($f: u32),* } ),*
        }

        impl Op {
            /// The instruction's name as the disassembler prints it.
            pub fn name(&self) -> &'static str {
                match self { $( Op::$name { .. } => stringify!($name) ),* }
            }

            /// The operands, in order, with their kinds.
            pub fn operands(&self) -> Vec<(Opnd, u32)> {
                match *self {
                    $( Op::$name { $($f),* } => vec![$( (Opnd::$k, $f) ),*] ),*
                }
            }

            /// Calls `f` on every operand, which it may rewrite (the
            /// compiler relocates call windows and patches jumps this way).
            #[allow(unused_variables)]
            pub fn visit(&mut self, f: &mut dyn FnMut(Opnd, &mut u32)) {
                match self {
                    $( Op::$name { $($f),* } => { $( f(Opnd::$k, $f); )* } ),*
                }
            }
        }
    };
}

ops! {
    /// `Nop`  (does nothing)
    Nop {},
    /// `Move A B   R[A] := R[B]`
    Move { a: Slot, b: Slot },
    /// `MoveN A B N   R[A..A+N] := R[B..B+N]`
    MoveN { a: Slot, b: Slot, n: Num },
    /// `LoadK A k   R[A] := K[k]`
    LoadK { a: Slot, k: Konst },
    /// `LoadI A i   R[A] := i` (sign-extended)
    LoadI { a: Slot, i: Imm },
    /// `Zero A N   R[A..A+N] := 0`
    Zero { a: Slot, n: Num },
    /// `AddI A B C   R[A] := R[B] + R[C]` (64-bit wrapping)
    AddI { a: Slot, b: Slot, c: Slot },
    /// `AddIK A B i   R[A] := R[B] + i`
    AddIK { a: Slot, b: Slot, i: Imm },
    /// `SubI A B C   R[A] := R[B] - R[C]`
    SubI { a: Slot, b: Slot, c: Slot },
    /// `MulI A B C   R[A] := R[B] * R[C]`
    MulI { a: Slot, b: Slot, c: Slot },
    /// `DivS A B C   R[A] := R[B] / R[C]` signed (may panic: divide by zero)
    DivS { a: Slot, b: Slot, c: Slot },
    /// `DivU A B C   R[A] := R[B] / R[C]` unsigned (may panic)
    DivU { a: Slot, b: Slot, c: Slot },
    /// `RemS A B C   R[A] := R[B] % R[C]` signed (may panic)
    RemS { a: Slot, b: Slot, c: Slot },
    /// `RemU A B C   R[A] := R[B] % R[C]` unsigned (may panic)
    RemU { a: Slot, b: Slot, c: Slot },
    /// `And A B C   R[A] := R[B] & R[C]`
    And { a: Slot, b: Slot, c: Slot },
    /// `Or A B C   R[A] := R[B] | R[C]`
    Or { a: Slot, b: Slot, c: Slot },
    /// `Xor A B C   R[A] := R[B] ^ R[C]`
    Xor { a: Slot, b: Slot, c: Slot },
    /// `AndNot A B C   R[A] := R[B] &^ R[C]`
    AndNot { a: Slot, b: Slot, c: Slot },
    /// `Shl A B C   R[A] := R[B] << R[C]` (0 when R[C] >= 64, unsigned count)
    Shl { a: Slot, b: Slot, c: Slot },
    /// `ShrS A B C   R[A] := R[B] >> R[C]` arithmetic
    ShrS { a: Slot, b: Slot, c: Slot },
    /// `ShrU A B C   R[A] := R[B] >> R[C]` logical
    ShrU { a: Slot, b: Slot, c: Slot },
    /// `ShiftCheck A   panic if R[A] < 0 (signed shift count)` (may panic)
    ShiftCheck { a: Slot },
    /// `MulIK A B i   R[A] := R[B] * i`
    MulIK { a: Slot, b: Slot, i: Imm },
    /// `DivSK A B i   R[A] := R[B] / i` signed, i != 0
    DivSK { a: Slot, b: Slot, i: Imm },
    /// `DivSP2 A B s   R[A] := R[B] / 2**s` signed, 0 < s < 64 (rounds
    /// toward zero, with shifts as gc compiles it)
    DivSP2 { a: Slot, b: Slot, s: Num },
    /// `RemSP2 A B s   R[A] := R[B] % 2**s` signed, 0 < s < 64
    RemSP2 { a: Slot, b: Slot, s: Num },
    /// `DivUK A B i   R[A] := R[B] / i` unsigned, 0 < i
    DivUK { a: Slot, b: Slot, i: Imm },
    /// `RemSK A B i   R[A] := R[B] % i` signed, i != 0
    RemSK { a: Slot, b: Slot, i: Imm },
    /// `RemUK A B i   R[A] := R[B] % i` unsigned, 0 < i
    RemUK { a: Slot, b: Slot, i: Imm },
    /// `AndK A B i   R[A] := R[B] & i` (i sign-extended)
    AndK { a: Slot, b: Slot, i: Imm },
    /// `OrK A B i   R[A] := R[B] | i` (i sign-extended)
    OrK { a: Slot, b: Slot, i: Imm },
    /// `XorK A B i   R[A] := R[B] ^ i` (i sign-extended)
    XorK { a: Slot, b: Slot, i: Imm },
    /// `ShlK A B i   R[A] := R[B] << i`, 0 <= i < 64
    ShlK { a: Slot, b: Slot, i: Imm },
    /// `ShrSK A B i   R[A] := R[B] >> i` arithmetic, 0 <= i < 64
    ShrSK { a: Slot, b: Slot, i: Imm },
    /// `ShrUK A B i   R[A] := R[B] >> i` logical, 0 <= i < 64
    ShrUK { a: Slot, b: Slot, i: Imm },
    /// `NegI A B   R[A] := -R[B]`
    NegI { a: Slot, b: Slot },
    /// `Com A B   R[A] := ^R[B]`
    Com { a: Slot, b: Slot },
    /// `Not A B   R[A] := !R[B]` (bool)
    Not { a: Slot, b: Slot },
    /// `SExt8 A B   R[A] := int64(int8(R[B]))`
    SExt8 { a: Slot, b: Slot },
    /// `SExt16 A B   R[A] := int64(int16(R[B]))`
    SExt16 { a: Slot, b: Slot },
    /// `SExt32 A B   R[A] := int64(int32(R[B]))`
    SExt32 { a: Slot, b: Slot },
    /// `ZExt8 A B   R[A] := uint64(uint8(R[B]))`
    ZExt8 { a: Slot, b: Slot },
    /// `ZExt16 A B   R[A] := uint64(uint16(R[B]))`
    ZExt16 { a: Slot, b: Slot },
    /// `ZExt32 A B   R[A] := uint64(uint32(R[B]))`
    ZExt32 { a: Slot, b: Slot },
    /// `EqI A B C   R[A] := R[B] == R[C]`
    EqI { a: Slot, b: Slot, c: Slot },
    /// `NeI A B C   R[A] := R[B] != R[C]`
    NeI { a: Slot, b: Slot, c: Slot },
    /// `LtS A B C   R[A] := R[B] < R[C]` signed
    LtS { a: Slot, b: Slot, c: Slot },
    /// `LeS A B C   R[A] := R[B] <= R[C]` signed
    LeS { a: Slot, b: Slot, c: Slot },
    /// `LtU A B C   R[A] := R[B] < R[C]` unsigned
    LtU { a: Slot, b: Slot, c: Slot },
    /// `LeU A B C   R[A] := R[B] <= R[C]` unsigned
    LeU { a: Slot, b: Slot, c: Slot },
    /// `AddF A B C   R[A] := R[B] + R[C]` float64
    AddF { a: Slot, b: Slot, c: Slot },
    /// `SubF A B C   R[A] := R[B] - R[C]` float64
    SubF { a: Slot, b: Slot, c: Slot },
    /// `MulF A B C   R[A] := R[B] * R[C]` float64
    MulF { a: Slot, b: Slot, c: Slot },
    /// `DivF A B C   R[A] := R[B] / R[C]` float64
    DivF { a: Slot, b: Slot, c: Slot },
    /// `NegF A B   R[A] := -R[B]` float64
    NegF { a: Slot, b: Slot },
    /// `EqF A B C   R[A] := R[B] == R[C]` float64
    EqF { a: Slot, b: Slot, c: Slot },
    /// `NeF A B C   R[A] := R[B] != R[C]` float64
    NeF { a: Slot, b: Slot, c: Slot },
    /// `LtF A B C   R[A] := R[B] < R[C]` float64
    LtF { a: Slot, b: Slot, c: Slot },
    /// `LeF A B C   R[A] := R[B] <= R[C]` float64
    LeF { a: Slot, b: Slot, c: Slot },
    /// `AddF32 A B C   R[A] := R[B] + R[C]` float32
    AddF32 { a: Slot, b: Slot, c: Slot },
    /// `SubF32 A B C   R[A] := R[B] - R[C]` float32
    SubF32 { a: Slot, b: Slot, c: Slot },
    /// `MulF32 A B C   R[A] := R[B] * R[C]` float32
    MulF32 { a: Slot, b: Slot, c: Slot },
    /// `DivF32 A B C   R[A] := R[B] / R[C]` float32
    DivF32 { a: Slot, b: Slot, c: Slot },
    /// `NegF32 A B   R[A] := -R[B]` float32
    NegF32 { a: Slot, b: Slot },
    /// `EqF32 A B C   R[A] := R[B] == R[C]` float32
    EqF32 { a: Slot, b: Slot, c: Slot },
    /// `NeF32 A B C   R[A] := R[B] != R[C]` float32
    NeF32 { a: Slot, b: Slot, c: Slot },
    /// `LtF32 A B C   R[A] := R[B] < R[C]` float32
    LtF32 { a: Slot, b: Slot, c: Slot },
    /// `LeF32 A B C   R[A] := R[B] <= R[C]` float32
    LeF32 { a: Slot, b: Slot, c: Slot },
    /// `CvtS2F A B   R[A] := float64(int64(R[B]))`
    CvtS2F { a: Slot, b: Slot },
    /// `CvtU2F A B   R[A] := float64(uint64(R[B]))`
    CvtU2F { a: Slot, b: Slot },
    /// `CvtF2S A B   R[A] := int64(float64(R[B]))`
    CvtF2S { a: Slot, b: Slot },
    /// `CvtF2U A B   R[A] := uint64(float64(R[B]))`
    CvtF2U { a: Slot, b: Slot },
    /// `CvtS2F32 A B   R[A] := float32(int64(R[B]))`
    CvtS2F32 { a: Slot, b: Slot },
    /// `CvtU2F32 A B   R[A] := float32(uint64(R[B]))`
    CvtU2F32 { a: Slot, b: Slot },
    /// `CvtF322S A B   R[A] := int64(float32(R[B]))`
    CvtF322S { a: Slot, b: Slot },
    /// `CvtF322U A B   R[A] := uint64(float32(R[B]))`
    CvtF322U { a: Slot, b: Slot },
    /// `CvtF2F32 A B   R[A] := float32(float64(R[B]))`
    CvtF2F32 { a: Slot, b: Slot },
    /// `CvtF322F A B   R[A] := float64(float32(R[B]))`
    CvtF322F { a: Slot, b: Slot },
    /// `Jmp ->T   pc := T`
    Jmp { t: Jump },
    /// `JmpIf A ->T   if R[A] != 0 then pc := T`
    JmpIf { a: Slot, t: Jump },
    /// `JmpIfNot A ->T   if R[A] == 0 then pc := T`
    JmpIfNot { a: Slot, t: Jump },
    /// `JEq A B ->T   if R[A] == R[B] then pc := T`
    JEq { a: Slot, b: Slot, t: Jump },
    /// `JNe A B ->T   if R[A] != R[B] then pc := T`
    JNe { a: Slot, b: Slot, t: Jump },
    /// `JLtS A B ->T   if R[A] < R[B] (signed) then pc := T`
    JLtS { a: Slot, b: Slot, t: Jump },
    /// `JLeS A B ->T   if R[A] <= R[B] (signed) then pc := T`
    JLeS { a: Slot, b: Slot, t: Jump },
    /// `JLtU A B ->T   if R[A] < R[B] (unsigned) then pc := T`
    JLtU { a: Slot, b: Slot, t: Jump },
    /// `JLeU A B ->T   if R[A] <= R[B] (unsigned) then pc := T`
    JLeU { a: Slot, b: Slot, t: Jump },
    /// `JLtSK A i ->T   if R[A] < i (signed) then pc := T`
    JLtSK { a: Slot, i: Imm, t: Jump },
    /// `JGeSK A i ->T   if R[A] >= i (signed) then pc := T`
    JGeSK { a: Slot, i: Imm, t: Jump },
    /// `JEqK A i ->T   if R[A] == i (sign-extended) then pc := T`
    JEqK { a: Slot, i: Imm, t: Jump },
    /// `JNeK A i ->T   if R[A] != i (sign-extended) then pc := T`
    JNeK { a: Slot, i: Imm, t: Jump },
    /// `Call A F   call F with its frame at R[A..]` (params, then results)
    Call { a: Slot, f: Func },
    /// `CallClosure A B   call the funcval R[B] with its frame at R[A..]`;
    /// the callee reads its captured variables through the context
    /// register (gc's DX) (may panic: nil func)
    CallClosure { a: Slot, b: Slot },
    /// `LoadCtxt A   R[A] := the context register (the funcval called)`
    LoadCtxt { a: Slot },
    /// `CallNative A N   call native N (runtime/src/natives) with its window
    /// at R[A..]` (params, then results, as a Go call) (may panic)
    CallNative { a: Slot, n: Num },
    /// `Ret   return to the caller` (results are in the result slots)
    Ret {},
    /// `FrameAddr A B   R[A] := &R[B]` (the address of a frame slot)
    FrameAddr { a: Slot, b: Slot },
    /// `GlobalAddr A off   R[A] := &globals + off`
    GlobalAddr { a: Slot, off: Num },
    /// `StaticAddr A k   R[A] := address of static datum K[k]`
    StaticAddr { a: Slot, k: Konst },
    /// `NilCheck A   panic if R[A] is nil` (may panic)
    NilCheck { a: Slot },
    /// `Load8S A B off   R[A] := int8 at R[B]+off` (may panic: nil)
    Load8S { a: Slot, b: Slot, off: Num },
    /// `Load8U A B off   R[A] := uint8 at R[B]+off` (may panic: nil)
    Load8U { a: Slot, b: Slot, off: Num },
    /// `Load16S A B off   R[A] := int16 at R[B]+off` (may panic: nil)
    Load16S { a: Slot, b: Slot, off: Num },
    /// `Load16U A B off   R[A] := uint16 at R[B]+off` (may panic: nil)
    Load16U { a: Slot, b: Slot, off: Num },
    /// `Load32S A B off   R[A] := int32 at R[B]+off` (may panic: nil)
    Load32S { a: Slot, b: Slot, off: Num },
    /// `Load32U A B off   R[A] := uint32 at R[B]+off` (may panic: nil)
    Load32U { a: Slot, b: Slot, off: Num },
    /// `Load64 A B off   R[A] := word at R[B]+off` (may panic: nil)
    Load64 { a: Slot, b: Slot, off: Num },
    /// `LoadN A B N   R[A..A+N] := N words at R[B]` (may panic: nil)
    LoadN { a: Slot, b: Slot, n: Num },
    /// `Store8 A off B   uint8 at R[A]+off := R[B]` (may panic: nil)
    Store8 { a: Slot, off: Num, b: Slot },
    /// `Store16 A off B   uint16 at R[A]+off := R[B]` (may panic: nil)
    Store16 { a: Slot, off: Num, b: Slot },
    /// `Store32 A off B   uint32 at R[A]+off := R[B]` (may panic: nil)
    Store32 { a: Slot, off: Num, b: Slot },
    /// `Store64 A off B   word at R[A]+off := R[B]` (may panic: nil)
    Store64 { a: Slot, off: Num, b: Slot },
    /// `StoreN A B N   N words at R[A] := R[B..B+N]` (may panic: nil)
    StoreN { a: Slot, b: Slot, n: Num },
    /// `CopyMem A B N   N bytes at R[A] := N bytes at R[B]` (may panic: nil)
    CopyMem { a: Slot, b: Slot, n: Num },
    /// `ZeroMem A N   N bytes at R[A] := 0` (may panic: nil)
    ZeroMem { a: Slot, n: Num },
    /// `IndexAddr A B N   R[A] := R[A] + R[B]*N` (element address)
    IndexAddr { a: Slot, b: Slot, n: Num },
    /// `LoadIdx8U A B C   R[A] := uint8 element R[C] of the slice or string
    /// whose {ptr, len} is R[B..B+2]` (may panic: index out of range; the
    /// other `LoadIdx*` alike, by element width and signedness)
    LoadIdx8U { a: Slot, b: Slot, c: Slot },
    /// `LoadIdx8S A B C   R[A] := int8 element R[C] of R[B..B+2]` (may panic)
    LoadIdx8S { a: Slot, b: Slot, c: Slot },
    /// `LoadIdx16U A B C   R[A] := uint16 element R[C] of R[B..B+2]` (may panic)
    LoadIdx16U { a: Slot, b: Slot, c: Slot },
    /// `LoadIdx16S A B C   R[A] := int16 element R[C] of R[B..B+2]` (may panic)
    LoadIdx16S { a: Slot, b: Slot, c: Slot },
    /// `LoadIdx32U A B C   R[A] := uint32 element R[C] of R[B..B+2]` (may panic)
    LoadIdx32U { a: Slot, b: Slot, c: Slot },
    /// `LoadIdx32S A B C   R[A] := int32 element R[C] of R[B..B+2]` (may panic)
    LoadIdx32S { a: Slot, b: Slot, c: Slot },
    /// `LoadIdx64 A B C   R[A] := word element R[C] of R[B..B+2]` (may panic)
    LoadIdx64 { a: Slot, b: Slot, c: Slot },
    /// `StoreIdx8 A B C   uint8 element R[B] of the slice R[A..A+2] := R[C]`
    /// (may panic: index out of range; the other `StoreIdx*` alike)
    StoreIdx8 { a: Slot, b: Slot, c: Slot },
    /// `StoreIdx16 A B C   uint16 element R[B] of R[A..A+2] := R[C]` (may panic)
    StoreIdx16 { a: Slot, b: Slot, c: Slot },
    /// `StoreIdx32 A B C   uint32 element R[B] of R[A..A+2] := R[C]` (may panic)
    StoreIdx32 { a: Slot, b: Slot, c: Slot },
    /// `StoreIdx64 A B C   word element R[B] of R[A..A+2] := R[C]` (may panic)
    StoreIdx64 { a: Slot, b: Slot, c: Slot },
    /// `Newobject A k   R[A] := new(T)`, T = `Program::types[K[k]]` (newobject)
    Newobject { a: Slot, k: Konst },
    /// `BoundsCheck A B   panic "index out of range [R[A]] with length R[B]"
    /// unless 0 <= R[A] < R[B]` (may panic)
    BoundsCheck { a: Slot, b: Slot },
    /// `SliceCheck A B C   panic unless 0 <= R[A] <= R[B] <= R[C]`; which
    /// message gc gives depends on the failing pair (may panic)
    SliceCheck { a: Slot, b: Slot, c: Slot },
    /// `SliceCheckLen A B C   as SliceCheck, R[C] a length (strings, arrays)`
    SliceCheckLen { a: Slot, b: Slot, c: Slot },
    /// `SliceCheck3 A   panic unless 0 <= R[A] <= R[A+1] <= R[A+2] <= R[A+3]`
    /// (full slice expressions; may panic)
    SliceCheck3 { a: Slot },
    /// `Concatstrings A B N   R[A..A+2] := R[B..B+2] + ... (N strings)`
    Concatstrings { a: Slot, b: Slot, n: Num },
    /// `CmpString A B C   R[A] := compare(R[B..], R[C..])` as -1, 0, 1
    CmpString { a: Slot, b: Slot, c: Slot },
    /// `EqString A B C   R[A] := R[B..B+2] == R[C..C+2]`
    EqString { a: Slot, b: Slot, c: Slot },
    /// `MakeSlice A B k   R[A..A+3] := make([]T, R[B], R[B+1])`, T =
    /// `Program::types[K[k]]` (makeslice; may panic)
    MakeSlice { a: Slot, b: Slot, k: Konst },
    /// `GrowSlice A B k   R[A..A+3] := R[A..A+3] grown to hold R[B] elements of
    /// type K[k]` (growslice; len set to R[B])
    GrowSlice { a: Slot, b: Slot, k: Konst },
    /// `SliceCopy A B N   R[A] := copy(R[B..B+3], R[B+3..B+6])`, element size N
    SliceCopy { a: Slot, b: Slot, n: Num },
    /// `StringToBytes A B   R[A..A+3] := []byte(R[B..B+2])`
    StringToBytes { a: Slot, b: Slot },
    /// `BytesToString A B   R[A..A+2] := string(R[B..B+3])`
    BytesToString { a: Slot, b: Slot },
    /// `RuneToString A B   R[A..A+2] := string(rune(R[B]))`
    RuneToString { a: Slot, b: Slot },
    /// `StringToRunes A B   R[A..A+3] := []rune(R[B..B+2])`
    StringToRunes { a: Slot, b: Slot },
    /// `RunesToString A B   R[A..A+2] := string(R[B..B+3])`
    RunesToString { a: Slot, b: Slot },
    /// `DecodeRune A B C   R[A], R[A+1] := rune and next index of R[B..B+2] at R[C]`
    DecodeRune { a: Slot, b: Slot, c: Slot },
    /// `PrintInt A`, `PrintUint A`, `PrintFloat A`, `PrintBool A`: print R[A]
    PrintInt { a: Slot },
    /// `PrintUint A`   print R[A] as unsigned
    PrintUint { a: Slot },
    /// `PrintFloat A`   print R[A] as float64 in gc's +d.dddddde+ddd form
    PrintFloat { a: Slot },
    /// `PrintComplex A`   print (R[A] + R[A+1]i)
    PrintComplex { a: Slot },
    /// `PrintBool A`   print true or false
    PrintBool { a: Slot },
    /// `PrintPointer A`   print R[A] as 0x hex
    PrintPointer { a: Slot },
    /// `PrintString A`   print the string R[A..A+2]
    PrintString { a: Slot },
    /// `PrintSlice A`   print a slice header as [len/cap]0xptr
    PrintSlice { a: Slot },
    /// `PrintEface A`   print an interface as (0xtype,0xdata)
    PrintEface { a: Slot },
    /// `PrintSp`   print a space;  `PrintNl` a newline
    PrintSp {},
    /// `PrintNl`   print a newline
    PrintNl {},
    /// `Exit A`   os.Exit(R[A])
    Exit { a: Slot },
    /// `MakeEface A B k   R[A..A+2] := interface{}(R[B..]) for the basic
    /// kind K[k] (a FmtValue kind; bits 8.. index `Program::strings` for a
    /// defined type's name)`
    MakeEface { a: Slot, b: Slot, k: Konst },
    /// `Gopanic A   panic(R[A..A+2])` (an eface; may panic)
    Gopanic { a: Slot },
    /// `Recover A   R[A..A+2] := recover()`
    Recover { a: Slot },
    /// `Deferproc A   defer a call of the funcval R[A]`
    Deferproc { a: Slot },
    /// `GC`   runtime.GC(): a forced collection
    Gc {},
    /// `ReadMemStats A   runtime.ReadMemStats(R[A])` (may panic: nil)
    ReadMemStats { a: Slot },
    /// `NumGoroutine A   R[A] := runtime.NumGoroutine()`
    NumGoroutine { a: Slot },
    /// `Gomaxprocs A B   R[A] := runtime.GOMAXPROCS(R[B])`
    Gomaxprocs { a: Slot, b: Slot },
    /// `PanicMsg k`   raise the runtime error whose text is string K[k]
    PanicMsg { k: Konst },
    /// `EqualT A B t   R[A] := R[B..B+n] == R[B+n..B+2n]` for values of the
    /// type `Program::types[t]` in memory layout (n = its size in slots),
    /// by gc's `t.equal` (may panic: comparing uncomparable interfaces)
    EqualT { a: Slot, b: Slot, t: Num },
    /// `C128Add A B C   R[A..A+2] := R[B..B+2] + R[C..C+2]` (complex128)
    C128Add { a: Slot, b: Slot, c: Slot },
    /// `C128Sub A B C   R[A..A+2] := R[B..B+2] - R[C..C+2]`
    C128Sub { a: Slot, b: Slot, c: Slot },
    /// `C128Mul A B C   R[A..A+2] := R[B..B+2] * R[C..C+2]`
    C128Mul { a: Slot, b: Slot, c: Slot },
    /// `C128Div A B C   R[A..A+2] := R[B..B+2] / R[C..C+2]` (complex128div)
    C128Div { a: Slot, b: Slot, c: Slot },
    /// `C128Neg A B   R[A..A+2] := -R[B..B+2]`
    C128Neg { a: Slot, b: Slot },
    /// `C64Add A B C   R[A] := R[B] + R[C]` (complex64 words; products in
    /// float64, division by complex128div, as gc)
    C64Add { a: Slot, b: Slot, c: Slot },
    /// `C64Sub A B C   R[A] := R[B] - R[C]`
    C64Sub { a: Slot, b: Slot, c: Slot },
    /// `C64Mul A B C   R[A] := R[B] * R[C]`
    C64Mul { a: Slot, b: Slot, c: Slot },
    /// `C64Div A B C   R[A] := R[B] / R[C]`
    C64Div { a: Slot, b: Slot, c: Slot },
    /// `C64Neg A B   R[A] := -R[B]`
    C64Neg { a: Slot, b: Slot },
    /// `C64Make A B C   R[A] := complex(float32 R[B], float32 R[C])`
    C64Make { a: Slot, b: Slot, c: Slot },
    /// `C64Part A B i   R[A] := real(R[B]) if i == 0 else imag(R[B])`
    C64Part { a: Slot, b: Slot, i: Num },
    /// `C64To128 A B   R[A..A+2] := complex128(R[B])`
    C64To128 { a: Slot, b: Slot },
    /// `C128To64 A B   R[A] := complex64(R[B..B+2])`
    C128To64 { a: Slot, b: Slot },
    /// `SliceToArrayPtr A B n   R[A] := (*[n]T)(R[B..B+3])` (may panic:
    /// the slice is shorter than n)
    SliceToArrayPtr { a: Slot, b: Slot, n: Num },
    // Interfaces (vm/ifaceops.rs). T[t] is `Program::types[t]`; an
    // assertion's K[k] packs the target's type index (low 32 bits) and the
    // operand's static interface type index (high 32 bits).
    /// `ConvT A B t   R[A] := the data word of an interface holding the
    /// T[t] value R[B..]` (gc's convT family; may allocate)
    ConvT { a: Slot, b: Slot, t: Num },
    /// `TypeWord A t   R[A] := &T[t]` (an eface's type word)
    TypeWord { a: Slot, t: Num },
    /// `ItabWord A i   R[A] := &Program::itabs[i]` (an iface's itab word)
    ItabWord { a: Slot, i: Num },
    /// `ConvI A B k   R[A..A+2] := the interface R[B..B+2] converted to
    /// interface type T[k.lo]` (nil stays nil)
    ConvI { a: Slot, b: Slot, k: Konst },
    /// `EqEface A B C   R[A] := R[B..B+2] == R[C..C+2]` for efaces (may panic)
    EqEface { a: Slot, b: Slot, c: Slot },
    /// `EqIface A B C   R[A] := R[B..B+2] == R[C..C+2]` for ifaces (may panic)
    EqIface { a: Slot, b: Slot, c: Slot },
    /// `AssertT A B k   R[A] := data word of R[B..B+2].(T[k.lo])` (may panic)
    AssertT { a: Slot, b: Slot, k: Konst },
    /// `AssertT2 A B k   R[A], R[A+1] := data word (or of a zero value), ok`
    AssertT2 { a: Slot, b: Slot, k: Konst },
    /// `AssertI A B k   R[A..A+2] := R[B..B+2].(T[k.lo])` for an interface
    /// type (may panic)
    AssertI { a: Slot, b: Slot, k: Konst },
    /// `AssertI2 A B k   R[A..A+2], R[A+2] := R[B..B+2].(T[k.lo]), ok`
    AssertI2 { a: Slot, b: Slot, k: Konst },
    /// `CallIface A B m   call method m of the iface R[B..B+2] (its itab's
    /// fun[m]) with the window at A, whose first slot holds the data word`
    /// (may panic: nil interface)
    CallIface { a: Slot, b: Slot, m: Num },
    /// `PanicWrap k   raise gc's panicwrap plainError, text string K[k]`
    /// (`value method main.T.M called using nil *T pointer`)
    PanicWrap { k: Konst },
    /// `MakeMap A B t   R[A] := makemap(T[t], R[B])`: a map of type T[t]
    /// (`Program::types`) with room for R[B] entries (vm/mapops.rs)
    MakeMap { a: Slot, b: Slot, t: Num },
    /// `MakeMapLocal A B t`   as MakeMap for a map that does not escape:
    /// with R[B] <= 8 its first bucket is allocated at once, as gc's stack
    /// bucket (makemap_noescape)
    MakeMapLocal { a: Slot, b: Slot, t: Num },
    /// `MapAccess1 A B t   R[A] := mapaccess1(T[t], R[B], &R[B+1..])`: the
    /// address of the elem for the key in R[B+1..], or of a zero value
    /// (may panic: unhashable key)
    MapAccess1 { a: Slot, b: Slot, t: Num },
    /// `MapAccess2 A B t   R[A], R[A+1] := mapaccess2(T[t], R[B], &R[B+1..])`
    /// (elem address, ok; may panic)
    MapAccess2 { a: Slot, b: Slot, t: Num },
    /// `MapAssign A B t   R[A] := mapassign(T[t], R[B], &R[B+1..])`: the
    /// address to store the elem into (may panic: nil map, unhashable key)
    MapAssign { a: Slot, b: Slot, t: Num },
    /// `MapDelete A t   mapdelete(T[t], R[A], &R[A+1..])` (may panic)
    MapDelete { a: Slot, t: Num },
    /// `MapLen A B   R[A] := len(R[B])` of a map (0 for nil)
    MapLen { a: Slot, b: Slot },
    /// `MapClear A t   mapclear(T[t], R[A])`
    MapClear { a: Slot, t: Num },
    /// `MapIterInit A B t   mapiterinit(T[t], R[B], &R[A..A+12])`: the hiter
    /// in R[A..A+12]; R[A] (key address) is 0 when there is no entry
    MapIterInit { a: Slot, b: Slot, t: Num },
    /// `MapIterNext A   mapiternext(&R[A..A+12])`
    MapIterNext { a: Slot },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_are_small() {
        assert!(std::mem::size_of::<Op>() <= 16);
    }

    #[test]
    fn operands_round_trip() {
        let mut op = Op::AddI { a: 1, b: 2, c: 3 };
        op.visit(&mut |k, v| {
            if k == Opnd::Slot {
                *v += 10
            }
        });
        assert_eq!(
            op,
            Op::AddI {
                a: 11,
                b: 12,
                c: 13
            }
        );
        assert_eq!(op.name(), "AddI");
        assert_eq!(op.operands().len(), 3);
    }
}
