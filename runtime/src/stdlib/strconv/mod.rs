//! Go's strconv package, as pure functions over byte strings (a Go string is bytes, not
//! necessarily UTF-8). Each file ports one Go file: itoa, atoi (with NumError), ftoa
//! (FormatFloat over decimal), atof, atoc (ParseComplex, FormatComplex), quote (with
//! isprint's tables).
//!
//! The VM's natives call these and turn a [`NumError`] into a Go `*strconv.NumError`.
//! Panics Go raises for bad arguments (FormatFloat's bitSize, FormatInt's base) are the
//! caller's to raise; see [`valid_int_base`].

mod atoc;
mod atof;
mod atoi;
pub(crate) mod decimal;
mod ftoa;
mod isprint;
mod itoa;
mod pow10tab;
mod quote;
mod ryu;

pub use atoc::{format_complex, parse_complex};
pub use atof::{go_nan, parse_float};
pub use atoi::{atoi, format_bool, parse_bool, parse_int, parse_uint, NumError, NumErrorKind};
pub use ftoa::{append_float, format_float, format_float_decimal};
pub use itoa::{append_int, append_uint, format_int, format_uint, itoa, valid_int_base};
pub use quote::{
    append_quote, append_quote_rune, append_quote_rune_to_ascii, append_quote_to_ascii,
    can_backquote, is_graphic, is_print, quote, quote_rune, quote_rune_to_ascii,
    quote_rune_to_graphic, quote_to_ascii, quote_to_graphic, quoted_prefix, unquote, unquote_char,
    ErrSyntax,
};
