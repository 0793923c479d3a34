//! Go's `_type` descriptors (runtime/type.go): size, ptrdata, hash, kind,
//! alignment, the pointer bitmap `gcdata`, and the kind-specific parts.
