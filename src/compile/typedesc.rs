//! The compiler's access to runtime type descriptors (`_type`, built by
//! rtype.rs) and to the functions their method tables name.
//!
//! A descriptor's method `ifn` is the code an interface call runs with the
//! interface's data word as receiver (docs/vm.md section 4). For a pointer
//! receiver, or a value receiver of a pointer-shaped type, that is the
//! method itself. Otherwise gc calls a wrapper (`main.(*T).M` loading the
//! value and calling `main.T.M`, or the wrapper of a promoted method that
//! reaches the embedded field first): the descriptor builder cannot
//! compile code while it runs, so it reserves a function id for the
//! wrapper and queues it in [`MethodFuncs::pending`]; the compiler builds
//! the queued wrappers before it finishes the program.
//!
//! Function ids come from one allocator ([`Compiler::new_func`]), shared
//! with the builder through `Rc<RefCell<MethodFuncs>>`, so ids stay dense.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use goscope_runtime::types::Type;

use super::{CResult, Compiler};
use crate::types::object::ObjId;
use crate::types::ty::TypeId;

/// A method wrapper the program needs: the interface code of `method` for
/// receivers of type `recv` (as the descriptor names it), at function `id`.
#[derive(Clone, Copy, Debug)]
#[allow(dead_code)] // `recv` and `id` are read by the wrapper builder (interfaces)
pub struct PendingWrapper {
    pub recv: TypeId,
    pub method: ObjId,
    pub id: u32,
}

/// Function ids of declared methods and of the wrappers reserved so far.
#[derive(Default)]
pub struct MethodFuncs {
    /// The next free function id.
    pub next_id: u32,
    /// Declared functions and methods by object.
    pub declared: HashMap<ObjId, u32>,
    /// Wrappers by (receiver type key, method).
    pub wrappers: HashMap<(String, ObjId), u32>,
    /// Wrappers reserved but not compiled yet.
    pub pending: Vec<PendingWrapper>,
}

impl MethodFuncs {
    /// Reserves the next function id.
    pub fn alloc(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }
}

/// Shared handle: the compiler and the descriptor builder's callback.
pub type SharedMethodFuncs = Rc<RefCell<MethodFuncs>>;

impl<'c, 'a> Compiler<'c, 'a> {
    /// Reserves a function id (its body is filled in later with
    /// `self.prog.funcs[id] = ...`).
    pub(super) fn new_func(&mut self) -> u32 {
        let id = self.methods.borrow_mut().alloc();
        self.sync_funcs();
        id
    }

    /// Grows `prog.funcs` to cover every id reserved so far (the builder's
    /// callback reserves ids without access to the program).
    pub(super) fn sync_funcs(&mut self) {
        let n = self.methods.borrow().next_id as usize;
        if self.prog.funcs.len() < n {
            self.prog.funcs.resize_with(n, Default::default);
        }
    }

    /// The runtime descriptor of `t`.
    pub(super) fn rtype(&mut self, t: TypeId) -> CResult<&'static Type> {
        let r = self.rt.rtype(t);
        self.sync_funcs();
        r
    }

    /// The index of `t`'s descriptor in [`Program::types`], for ops that
    /// name a type.
    ///
    /// [`Program::types`]: goscope_runtime::vm::Program::types
    pub(super) fn type_index(&mut self, t: TypeId) -> CResult<u32> {
        let d = self.rtype(t)?;
        let addr = d as *const Type as usize;
        if let Some(&i) = self.type_indexes.get(&addr) {
            return Ok(i);
        }
        let i = self.prog.types.len() as u32;
        self.prog.types.push(d);
        self.type_indexes.insert(addr, i);
        Ok(i)
    }

    /// Wrappers the descriptors reserved and nobody has compiled yet.
    #[allow(dead_code)] // compiled by the interface calls' wrapper builder
    pub(super) fn take_pending_wrappers(&mut self) -> Vec<PendingWrapper> {
        std::mem::take(&mut self.methods.borrow_mut().pending)
    }
}

/// gc's isdirectiface: values of `t` are stored in an interface's data
/// word itself (pointers, maps, chans, funcs, unsafe.Pointer, and structs
/// or one-element arrays holding exactly one such value).
pub fn pointer_shaped(lay: &super::layout::Layout<'_, '_>, t: TypeId) -> bool {
    use crate::types::ty::Type as CType;
    let u = lay.under(t);
    match lay.c.types.get(u) {
        CType::Pointer(_) | CType::Map { .. } | CType::Chan { .. } | CType::Signature(_) => true,
        CType::Basic { .. } => lay.basic(u) == Some(crate::types::basic::BasicKind::UnsafePointer),
        CType::Array { elem, len } => *len == 1 && pointer_shaped(lay, *elem),
        CType::Struct(s) => s.fields.len() == 1 && pointer_shaped(lay, lay.c.obj_type(s.fields[0])),
        _ => false,
    }
}

/// The descriptor builder's callback: the function an interface call of
/// `method` runs for a dynamic type `recv` (see the module comment).
pub fn method_ifn<'c, 'a>(
    c: &'c crate::types::Checker<'a>,
    shared: SharedMethodFuncs,
) -> super::rtype::IfnFn<'c> {
    let lay = super::layout::Layout::new(c);
    Box::new(move |recv: TypeId, method: ObjId| {
        let (base, recv_is_ptr) = c.types.deref(recv);
        let declared_on = c
            .obj(method)
            .ty
            .and_then(|t| c.types.signature(t))
            .and_then(|sig| sig.recv)
            .map(|r| c.types.deref(c.obj_type(r)).0);
        let ptr_method = c.func_has_ptr_recv(method);
        let own = declared_on == Some(base);
        let direct = own
            && if recv_is_ptr {
                ptr_method
            } else {
                !ptr_method && pointer_shaped(&lay, base)
            };
        let mut mf = shared.borrow_mut();
        if direct {
            if let Some(&id) = mf.declared.get(&method) {
                return id;
            }
        }
        let key = (format!("{recv:?}"), method);
        if let Some(&id) = mf.wrappers.get(&key) {
            return id;
        }
        let id = mf.alloc();
        mf.wrappers.insert(key, id);
        mf.pending.push(PendingWrapper { recv, method, id });
        id
    })
}
