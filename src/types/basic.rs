//! The predeclared basic types (types2's basic.go): their kinds, the
//! properties the checker asks of them, and their names.

/// Kinds of basic types, in types2's order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

/// Properties of basic types (types2's BasicInfo bits).
pub mod info {
    pub const BOOLEAN: u32 = 1 << 0;
    pub const INTEGER: u32 = 1 << 1;
    pub const UNSIGNED: u32 = 1 << 2;
    pub const FLOAT: u32 = 1 << 3;
    pub const COMPLEX: u32 = 1 << 4;
    pub const STRING: u32 = 1 << 5;
    pub const UNTYPED: u32 = 1 << 6;
    pub const ORDERED: u32 = INTEGER | FLOAT | STRING;
    pub const NUMERIC: u32 = INTEGER | FLOAT | COMPLEX;
    pub const CONST_TYPE: u32 = BOOLEAN | NUMERIC | STRING;
}

impl BasicKind {
    pub const ALL: [BasicKind; 26] = [
        BasicKind::Invalid,
        BasicKind::Bool,
        BasicKind::Int,
        BasicKind::Int8,
        BasicKind::Int16,
        BasicKind::Int32,
        BasicKind::Int64,
        BasicKind::Uint,
        BasicKind::Uint8,
        BasicKind::Uint16,
        BasicKind::Uint32,
        BasicKind::Uint64,
        BasicKind::Uintptr,
        BasicKind::Float32,
        BasicKind::Float64,
        BasicKind::Complex64,
        BasicKind::Complex128,
        BasicKind::String,
        BasicKind::UnsafePointer,
        BasicKind::UntypedBool,
        BasicKind::UntypedInt,
        BasicKind::UntypedRune,
        BasicKind::UntypedFloat,
        BasicKind::UntypedComplex,
        BasicKind::UntypedString,
        BasicKind::UntypedNil,
    ];

    /// The type's name as gc prints it.
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }

    pub fn info(self) -> u32 {
        use info::*;
        use BasicKind::*;
        match self {
            Invalid | UnsafePointer => 0,
            Bool => BOOLEAN,
            Int | Int8 | Int16 | Int32 | Int64 => INTEGER,
            Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr => INTEGER | UNSIGNED,
            Float32 | Float64 => FLOAT,
            Complex64 | Complex128 => COMPLEX,
            String => STRING,
            UntypedBool => BOOLEAN | UNTYPED,
            UntypedInt | UntypedRune => INTEGER | UNTYPED,
            UntypedFloat => FLOAT | UNTYPED,
            UntypedComplex => COMPLEX | UNTYPED,
            UntypedString => STRING | UNTYPED,
            UntypedNil => UNTYPED,
        }
    }

    pub fn is(self, mask: u32) -> bool {
        self.info() & mask != 0
    }
    pub fn is_integer(self) -> bool {
        self.is(info::INTEGER)
    }
    pub fn is_unsigned(self) -> bool {
        self.is(info::UNSIGNED)
    }
    pub fn is_float(self) -> bool {
        self.is(info::FLOAT)
    }
    pub fn is_complex(self) -> bool {
        self.is(info::COMPLEX)
    }
    pub fn is_numeric(self) -> bool {
        self.is(info::NUMERIC)
    }
    pub fn is_string(self) -> bool {
        self.is(info::STRING)
    }
    pub fn is_boolean(self) -> bool {
        self.is(info::BOOLEAN)
    }
    pub fn is_untyped(self) -> bool {
        self.is(info::UNTYPED)
    }
    pub fn is_ordered(self) -> bool {
        self.is(info::ORDERED)
    }
    pub fn is_const_type(self) -> bool {
        self.is(info::CONST_TYPE)
    }

    /// Size in bytes on linux/amd64 (gc's sizes), for typed kinds.
    pub fn size(self) -> u64 {
        use BasicKind::*;
        match self {
            Bool | Int8 | Uint8 => 1,
            Int16 | Uint16 => 2,
            Int32 | Uint32 | Float32 => 4,
            Int | Int64 | Uint | Uint64 | Uintptr | Float64 | Complex64 | UnsafePointer => 8,
            Complex128 | String => 16,
            _ => 0,
        }
    }
}
