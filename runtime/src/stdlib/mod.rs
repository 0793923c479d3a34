//! The standard packages' natives (DESIGN.md's runtime/lib/; `lib` is taken by the crate root):
//! (docs/vm.md section 3, "Natives").

pub mod fmtcore;
pub mod math;
pub mod rand;
pub mod strconv;
pub mod strings;
pub mod unicode;
pub mod utf8;
