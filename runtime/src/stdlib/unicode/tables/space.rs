//! Spaces: Zs (space separators) and the White_Space property.
//! Facts (part of Go 1.19's Unicode 13.0.0 tables; see mod.rs); do not edit by hand.

/// Go's unicode.Zs table.
pub(in super::super) const ZS: [(u32, u32, u32); 5] = [
    (0x0020, 0x00a0, 128),
    (0x1680, 0x2000, 2432),
    (0x2001, 0x200a, 1),
    (0x202f, 0x205f, 48),
    (0x3000, 0x3000, 1),
];

/// Go's unicode.White_Space table.
pub(in super::super) const WHITE_SPACE: [(u32, u32, u32); 7] = [
    (0x0009, 0x000d, 1),
    (0x0020, 0x0085, 101),
    (0x00a0, 0x1680, 5600),
    (0x2000, 0x200a, 1),
    (0x2028, 0x2029, 1),
    (0x202f, 0x205f, 48),
    (0x3000, 0x3000, 1),
];
