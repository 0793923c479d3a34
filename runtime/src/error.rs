//! Run-time errors raised by runtime functions (gc's runtime.Error values:
//! boundsError, errorString, plainError, TypeAssertionError) and fatal
//! errors. A runtime function returns `Err(RuntimeError)`; the VM turns it
//! into a Go panic through gopanic, so deferred calls and recover see it as
//! gc's programs do.

use std::fmt;

/// Which runtime.Error type gc uses for the error (what `%T` of the
/// recovered value prints, and how it prints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuntimeErrorKind {
    /// runtime.boundsError: index and slice bounds.
    Bounds,
    /// runtime.errorString: divide by zero, nil map write, unhashable key,
    /// nil dereference (reported with the SIGSEGV line), makeslice, ...
    ErrorString,
    /// runtime.plainError: a runtime.Error whose text has no "runtime
    /// error: " prefix ("close of nil channel", "send on closed channel",
    /// "assignment to entry in nil map").
    PlainError,
    /// *runtime.TypeAssertionError: failed type assertions.
    TypeAssertion,
}

/// A Go run-time error: `msg` is what Error() returns without the
/// "runtime error: " prefix (`index out of range [5] with length 3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeError {
    pub kind: RuntimeErrorKind,
    pub msg: String,
    /// A nil dereference: the unrecovered panic adds gc's `[signal SIGSEGV:
    /// segmentation violation ...]` line.
    pub sigsegv: bool,
}

impl RuntimeError {
    pub fn new(kind: RuntimeErrorKind, msg: impl Into<String>) -> Self {
        RuntimeError {
            kind,
            msg: msg.into(),
            sigsegv: false,
        }
    }

    /// runtime.errorString.
    pub fn error_string(msg: impl Into<String>) -> Self {
        Self::new(RuntimeErrorKind::ErrorString, msg)
    }

    /// The nil pointer dereference, as gc's panicmem raises it.
    pub fn nil_deref() -> Self {
        RuntimeError {
            kind: RuntimeErrorKind::ErrorString,
            msg: "invalid memory address or nil pointer dereference".into(),
            sigsegv: true,
        }
    }
}

impl RuntimeError {
    /// What the Error method puts before `msg`.
    pub fn error_prefix(&self) -> &'static str {
        match self.kind {
            RuntimeErrorKind::TypeAssertion | RuntimeErrorKind::PlainError => "",
            _ => "runtime error: ",
        }
    }
}

impl fmt::Display for RuntimeError {
    /// What the value's Error method returns.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.error_prefix(), self.msg)
    }
}

/// A fatal error (runtime.throw / fatal): printed as `fatal error: MSG`,
/// exit status 2, deferred calls not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FatalError(pub String);
