//! The bytecode and its interpreter loop (docs/vm.md sections 2 and 3).
