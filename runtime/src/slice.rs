//! Slices (runtime/slice.go): makeslice, growslice, slicecopy.
