//! One function being compiled: its code, slots, labels and call windows.
//!
//! Slots: `[params][results][locals and temporaries][call window]`.
//! Variables get slots for the function's life; temporaries are bump
//! allocated and released at the end of each statement. A call window is
//! always above every other slot: window slots are emitted as `WIN + k`
//! and relocated by [`FnBuilder::finish`] once the frame's own size is
//! known (docs/vm.md section 2: the callee's frame starts at the window).
//!
//! Jump targets are label numbers until `finish` resolves them.

use std::collections::HashMap;

use goscope_runtime::vm::{Func, Op, Opnd};

use crate::types::object::ObjId;

/// Slot operands at or above this are call-window slots.
pub const WIN: u32 = 1 << 30;

/// Where a variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    /// In frame slots, as the value itself.
    Reg(u32),
    /// Behind a pointer held in the slot (a heap cell, or frame memory
    /// whose address is taken).
    Ind(u32),
    /// In the globals area at this byte offset.
    Global(u32),
}

/// A loop or switch that `break`/`continue` can leave.
pub struct Target {
    pub label: Option<String>,
    pub brk: usize,
    /// None for a switch (continue goes to the enclosing loop).
    pub cont: Option<usize>,
}

pub struct FnBuilder {
    pub name: String,
    pub code: Vec<Op>,
    pub lines: Vec<u32>,
    pub line: u32,
    /// Next free slot.
    pub next: u32,
    /// The most slots ever used (the frame's own size).
    pub high: u32,
    /// Slots used by the largest call window.
    pub win_high: u32,
    pub param_slots: u32,
    pub result_slots: u32,
    pub ptr_slots: Vec<bool>,
    pub vars: HashMap<ObjId, Loc>,
    /// Label number -> pc (u32::MAX while unplaced).
    pub labels: Vec<u32>,
    pub targets: Vec<Target>,
    /// Named result variables, in order, with their slots' start.
    pub results: Vec<(ObjId, u32)>,
    /// The label of the body of each case clause, for fallthrough.
    pub fallthrough_to: Option<usize>,
    pub goto_labels: HashMap<String, usize>,
}

impl FnBuilder {
    pub fn new(name: String) -> Self {
        FnBuilder {
            name,
            code: Vec::new(),
            lines: Vec::new(),
            line: 0,
            next: 0,
            high: 0,
            win_high: 0,
            param_slots: 0,
            result_slots: 0,
            ptr_slots: Vec::new(),
            vars: HashMap::new(),
            labels: Vec::new(),
            targets: Vec::new(),
            results: Vec::new(),
            fallthrough_to: None,
            goto_labels: HashMap::new(),
        }
    }

    pub fn emit(&mut self, op: Op) {
        self.code.push(op);
        self.lines.push(self.line);
    }

    /// `n` fresh slots (`ptr`: they may hold pointers).
    pub fn alloc(&mut self, n: u32, ptr: bool) -> u32 {
        let s = self.next;
        self.next += n;
        self.high = self.high.max(self.next);
        if self.ptr_slots.len() < self.next as usize {
            self.ptr_slots.resize(self.next as usize, false);
        }
        if ptr {
            for i in s..self.next {
                self.ptr_slots[i as usize] = true;
            }
        }
        s
    }

    /// Notes that a call window of `n` slots is used.
    pub fn use_window(&mut self, n: u32) {
        self.win_high = self.win_high.max(n);
    }

    pub fn new_label(&mut self) -> usize {
        self.labels.push(u32::MAX);
        self.labels.len() - 1
    }

    pub fn place(&mut self, l: usize) {
        self.labels[l] = self.code.len() as u32;
    }

    pub fn jmp(&mut self, l: usize) {
        self.emit(Op::Jmp { t: l as u32 });
    }

    /// Resolves labels and window slots and makes the runtime function.
    pub fn finish(mut self, file: &str) -> Result<Func, String> {
        let own = self.high;
        let labels = self.labels.clone();
        let mut bad = None;
        for op in &mut self.code {
            op.visit(&mut |k, v| match k {
                Opnd::Slot if *v >= WIN => *v = own + (*v - WIN),
                Opnd::Jump => match labels.get(*v as usize) {
                    Some(&pc) if pc != u32::MAX => *v = pc,
                    _ => bad = Some(*v),
                },
                _ => {}
            });
        }
        if let Some(l) = bad {
            return Err(format!("{}: unplaced label {l}", self.name));
        }
        let frame_size = own + self.win_high;
        let mut ptrmap = vec![0u64; (frame_size as usize).div_ceil(64)];
        for (i, p) in self.ptr_slots.iter().enumerate() {
            if *p {
                ptrmap[i / 64] |= 1 << (i % 64);
            }
        }
        // Window slots hold arguments of any type: scanned conservatively.
        for i in own..frame_size {
            ptrmap[i as usize / 64] |= 1 << (i % 64);
        }
        Ok(Func {
            name: self.name,
            code: self.code,
            frame_size,
            param_slots: self.param_slots,
            result_slots: self.result_slots,
            ptrmap,
            lines: self.lines,
            file: file.to_string(),
        })
    }
}
