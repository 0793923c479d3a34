//! Strings (runtime/string.go): concatstrings, slicebytetostring,
//! stringtoslicebyte, stringtoslicerune, slicerunetostring, intstring, decoderune.
