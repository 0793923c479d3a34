//! Lists built on a shared stack while they are parsed, then moved to a
//! vector of exactly their length.
//!
//! A statement list or argument list grown by `push` reallocates as it
//! grows (4, 8, 16, ... elements, each time copying what it holds) and
//! ends with up to half its capacity unused, or pays one more copy to
//! shrink. Instead, the grammar keeps a list under construction as a
//! [`ListMark`] (where it starts on the stack, how long it is) and its
//! elements on one [`Scratch`] stack per parse; when the list is complete
//! its elements move once into a vector allocated at their exact count.
//!
//! Why one stack serves every list of a kind: lists nest. An inner list
//! (a block inside a statement, a call inside an argument) is complete
//! before the element containing it is pushed on the outer list, so the
//! lists being built occupy consecutive stretches of the stack, innermost
//! on top. Error recovery may drop a list under construction from the
//! parser's stack; its elements then lie above the enclosing list's
//! stretch, and the enclosing list truncates them away before it pushes
//! or finishes (a mark knows its own stretch), so they never leak into
//! another list.

use std::cell::RefCell;

/// A list under construction: its elements are `stack[start..start+len]`.
#[derive(Clone, Copy, Debug)]
pub struct ListMark {
    start: u32,
    len: u32,
}

/// The stack the lists of one kind of element are built on.
pub struct Scratch<T>(RefCell<Vec<T>>);

impl<T> Default for Scratch<T> {
    fn default() -> Scratch<T> {
        Scratch(RefCell::new(Vec::new()))
    }
}

impl<T> Scratch<T> {
    /// An empty list starting at the top of the stack.
    pub fn start(&self) -> ListMark {
        let start = self.0.borrow().len() as u32;
        ListMark { start, len: 0 }
    }

    /// Appends `x` to the list `m`.
    pub fn push(&self, m: ListMark, x: T) -> ListMark {
        let mut stack = self.0.borrow_mut();
        stack.truncate((m.start + m.len) as usize);
        stack.push(x);
        ListMark {
            start: m.start,
            len: m.len + 1,
        }
    }

    /// A list of one element.
    pub fn first(&self, x: T) -> ListMark {
        let m = self.start();
        self.push(m, x)
    }

    /// The list's elements, in a vector of exactly their count, and `last`
    /// after them.
    pub fn finish(&self, m: ListMark, last: Option<T>) -> Vec<T> {
        let mut stack = self.0.borrow_mut();
        stack.truncate((m.start + m.len) as usize);
        stack.extend(last);
        let start = m.start as usize;
        if start == stack.len() {
            return Vec::new();
        }
        if start > 0 {
            // One allocation of the exact size and one copy.
            return stack.split_off(start);
        }
        // (`split_off(0)` may hand over the whole buffer, capacity and all.)
        let mut v = Vec::with_capacity(stack.len());
        v.append(&mut stack);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_lists_and_abandoned_ones() {
        let s = Scratch::default();
        let outer = s.first(1);
        // An inner list, abandoned (as error recovery drops it).
        let lost = s.push(s.start(), 100);
        let _ = s.push(lost, 101);
        let outer = s.push(outer, 2);
        let inner = s.push(s.first(10), 11);
        let inner = s.finish(inner, Some(12));
        assert_eq!((inner.len(), inner.capacity()), (3, 3));
        assert_eq!(inner, [10, 11, 12]);
        // Another abandoned one right before the outer list finishes.
        let _ = s.first(200);
        let outer = s.finish(outer, None);
        assert_eq!(outer, [1, 2]);
        assert_eq!(outer.capacity(), 2);
        assert!(s.finish(s.start(), None).is_empty());
        assert!(s.0.borrow().is_empty());
    }
}
