//! Goroutine stacks: lists of non-moving segments of slots (docs/vm.md
//! section 2), and the raw register access of the interpreter loop.
//!
//! A frame lives inside one segment and never moves, so the address of a
//! frame slot (a non-escaping variable whose address is taken) stays valid
//! for the frame's life. A call whose frame does not fit in the current
//! segment starts the next one (at least double the previous size); the
//! arguments are copied there and the results copied back on return.
//! Segments are kept after use, so a loop of calls across a boundary does
//! not allocate.
//!
//! Invariant (checked by `Program::validate` and `Stack::fit`): every slot
//! an instruction names lies inside its frame, and every frame lies inside
//! its segment, so [`reg`] and [`set_reg`] never leave the segment.

/// gc's maximum stack size on 64-bit systems (runtime.maxstacksize).
pub const MAX_STACK_BYTES: usize = 1_000_000_000;

/// First segment: 8 KB, as gc's first goroutine stack.
const FIRST_SEGMENT_WORDS: usize = 1024;

/// The segments of one goroutine's stack.
pub struct Stack {
    segs: Vec<Box<[u64]>>,
    /// Segment holding the current frame.
    pub cur: usize,
    /// Words in segments up to and including the current one.
    used_words: usize,
}

impl Default for Stack {
    fn default() -> Self {
        Stack {
            segs: vec![vec![0u64; FIRST_SEGMENT_WORDS].into_boxed_slice()],
            cur: 0,
            used_words: FIRST_SEGMENT_WORDS,
        }
    }
}

/// Where a new frame goes.
pub enum Fit {
    /// In the current segment, at the given base.
    Here,
    /// At the start of segment `seg`.
    NewSegment(usize, *mut u64),
}

impl Stack {
    /// The first frame's base.
    pub fn bottom(&mut self) -> *mut u64 {
        self.segs[0].as_mut_ptr()
    }

    /// Whether a frame of `size` slots fits at `base` in the current
    /// segment; otherwise the next segment (made or reused) that holds it.
    /// None when the goroutine would exceed gc's stack limit.
    #[inline]
    pub fn fit(&mut self, base: *mut u64, size: u32) -> Option<Fit> {
        let seg = &self.segs[self.cur];
        let end = seg.as_ptr() as usize + seg.len() * 8;
        if (base as usize) + (size as usize) * 8 <= end {
            return Some(Fit::Here);
        }
        self.grow(size)
    }

    #[cold]
    fn grow(&mut self, size: u32) -> Option<Fit> {
        let next = self.cur + 1;
        let want = (self.segs[self.cur].len() * 2).max(size as usize * 2);
        if next < self.segs.len() && self.segs[next].len() >= size as usize {
            self.cur = next;
            self.used_words += self.segs[next].len();
        } else {
            if (self.used_words + want) * 8 > MAX_STACK_BYTES {
                return None;
            }
            self.segs.truncate(next);
            self.segs.push(vec![0u64; want].into_boxed_slice());
            self.cur = next;
            self.used_words += want;
        }
        Some(Fit::NewSegment(next, self.segs[next].as_mut_ptr()))
    }

    /// Returns to segment `seg` (a frame in an earlier segment resumes).
    #[inline]
    pub fn back_to(&mut self, seg: usize) {
        while self.cur > seg {
            self.used_words -= self.segs[self.cur].len();
            self.cur -= 1;
        }
    }
}

/// Reads slot `i` of the frame at `base`.
#[inline(always)]
pub(crate) fn reg(base: *mut u64, i: u32) -> u64 {
    // SAFETY: the module invariant: `base + i` lies inside the frame, which
    // lies inside a live segment of this goroutine's stack.
    unsafe { *base.add(i as usize) }
}

/// Writes slot `i` of the frame at `base`.
#[inline(always)]
pub(crate) fn set_reg(base: *mut u64, i: u32, v: u64) {
    // SAFETY: as for `reg`.
    unsafe { *base.add(i as usize) = v }
}

/// The address of slot `i` of the frame at `base`.
#[inline(always)]
pub(crate) fn slot_addr(base: *mut u64, i: u32) -> u64 {
    base as u64 + (i as u64) * 8
}

/// The frame's base `a` slots above `base` (a call window).
#[inline(always)]
pub(crate) fn window(base: *mut u64, a: u32) -> *mut u64 {
    // SAFETY: `a` is a slot of the caller's frame (validated), so the
    // result stays inside the same segment.
    unsafe { base.add(a as usize) }
}

/// Copies `n` slots from `src` to `dst` (may overlap).
#[inline(always)]
pub(crate) fn copy_slots(dst: *mut u64, src: *mut u64, n: u32) {
    // SAFETY: both ranges are inside frames of live segments (module
    // invariant); `copy` handles overlap.
    unsafe { std::ptr::copy(src, dst, n as usize) }
}

/// Zeroes `n` slots at `dst`.
#[inline(always)]
pub(crate) fn zero_slots(dst: *mut u64, n: u32) {
    // SAFETY: `dst..dst+n` is inside the new frame (checked by `fit`).
    unsafe { std::ptr::write_bytes(dst, 0, n as usize) }
}
