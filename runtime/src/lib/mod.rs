//! The standard packages' natives: Go functions implemented in Rust
//! (docs/vm.md section 3, "Natives").
