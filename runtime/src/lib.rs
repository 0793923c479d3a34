//! goscope-runtime: the Go runtime that goscope's bytecode runs on.
//!
//! It grows with the VM issue; for now it holds only what the front end shares
//! with the runtime: the size classes (facts from Go's sizeclasses.go) that
//! `unsafe.Sizeof` and allocation will both rely on.

pub mod sizeclasses;
