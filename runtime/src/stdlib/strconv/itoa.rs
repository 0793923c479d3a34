//! FormatInt, FormatUint, Itoa and their Append forms (Go's strconv/itoa.go).

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Appends the magnitude `u` in `base` (2..=36), after a '-' when `neg`. Go's formatBits
/// takes the two's-complement value and negates it; callers here pass the magnitude.
/// The base is checked by the caller (Go panics "strconv: illegal AppendInt/FormatInt base").
pub(crate) fn format_bits(dst: &mut Vec<u8>, mut u: u64, base: u32, neg: bool) {
    let base = u64::from(base.clamp(2, 36));
    let mut a = [0u8; 65];
    let mut i = a.len();
    while u >= base {
        i -= 1;
        a[i] = DIGITS[(u % base) as usize];
        u /= base;
    }
    i -= 1;
    a[i] = DIGITS[u as usize];
    if neg {
        i -= 1;
        a[i] = b'-';
    }
    dst.extend_from_slice(&a[i..]);
}

/// Whether `base` is one FormatInt accepts; the VM raises Go's panic
/// "strconv: illegal AppendInt/FormatInt base" when it is not.
pub fn valid_int_base(base: i64) -> bool {
    (2..=36).contains(&base)
}

/// Go's strconv.FormatInt.
pub fn format_int(i: i64, base: u32) -> String {
    let mut v = Vec::new();
    append_int(&mut v, i, base);
    String::from_utf8_lossy(&v).into_owned()
}

/// Go's strconv.AppendInt.
pub fn append_int(dst: &mut Vec<u8>, i: i64, base: u32) {
    format_bits(dst, i.unsigned_abs(), base, i < 0);
}

/// Go's strconv.FormatUint.
pub fn format_uint(u: u64, base: u32) -> String {
    let mut v = Vec::new();
    format_bits(&mut v, u, base, false);
    String::from_utf8_lossy(&v).into_owned()
}

/// Go's strconv.AppendUint.
pub fn append_uint(dst: &mut Vec<u8>, u: u64, base: u32) {
    format_bits(dst, u, base, false);
}

/// Go's strconv.Itoa.
pub fn itoa(i: i64) -> String {
    format_int(i, 10)
}
