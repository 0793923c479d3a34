//! Escape analysis (gc's cmd/compile/internal/escape), see DESIGN.md
//! "Escape analysis".
//!
//! - `fmt.rs`     how gc prints IR nodes in `-m` messages.
//! - `convpos.rs` where gc puts implicit conversions to interfaces.
//! - `stdtags.rs` gc's escape tags of the standard library's functions.

pub mod convpos;
pub mod fmt;
pub mod stdtags;
