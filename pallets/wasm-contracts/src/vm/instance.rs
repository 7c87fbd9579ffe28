//! What a host function needs of the running contract besides the chain ([`super::Ext`]): the
//! frame's [`HostState`], the instance's fuel, its memory and its `allocate` export. On the chain
//! that is wasmi's [`Caller`]; anything else that provides them (a byte buffer in the tests) can
//! run host functions as well.

use super::{engine::InstanceLimits, Ext};
use crate::{error::ExecError, gas::GasMeter};
use alloc::vec::Vec;
use wasm_contracts_primitives::abi;
use wasmi::{AsContext, Caller, Extern, Func, Instance, Memory};

/// The data of a contract's store: the frame's context, its gas and what host functions leave
/// behind for the frame.
pub struct HostState<E: Ext> {
	/// The frame's view of the call stack.
	pub(super) ext: E,
	/// The frame's gas.
	pub(super) gas: GasMeter,
	/// Return data set by `set_return_data`.
	pub(super) output: Option<Vec<u8>>,
	/// Return data of the last nested call.
	pub(super) callee_output: Vec<u8>,
	/// The host is running the contract's `allocate`.
	pub(super) in_allocate: bool,
	/// Why a host function stopped the contract.
	pub(super) trap: Option<ExecError>,
	/// The contract terminated itself: the run ends with success.
	pub(super) terminated: bool,
	/// Memory and table limits of the instance, and what its memory and table copied as they grew.
	limits: InstanceLimits,
	/// The instance's exports that host functions use, looked up once when it is created.
	exports: HostExports,
}

/// The exports of a contract instance that host functions use: found by name once, as an
/// instance's exports never change, rather than on every host call.
#[derive(Clone, Copy, Default)]
pub(super) struct HostExports {
	/// The export [`abi::MEMORY_EXPORT`], when it is a memory.
	memory: Option<Memory>,
	/// The export [`abi::ALLOCATE_EXPORT`], when it is a function.
	allocate: Option<Func>,
}

impl HostExports {
	/// The exports of `instance` in `store`.
	pub(super) fn of(instance: &Instance, store: impl AsContext) -> Self {
		let export = |name| instance.get_export(&store, name);
		Self {
			memory: export(abi::MEMORY_EXPORT).and_then(Extern::into_memory),
			allocate: export(abi::ALLOCATE_EXPORT).and_then(Extern::into_func),
		}
	}
}

impl<E: Ext> HostState<E> {
	/// The state of a frame about to run.
	pub(super) fn new(ext: E, gas: GasMeter, limits: InstanceLimits) -> Self {
		let exports = HostExports::default();
		Self { ext, gas, output: None, callee_output: Vec::new(), in_allocate: false, trap: None, terminated: false, limits, exports }
	}

	/// Records the exports of the instance this state belongs to, before it runs.
	pub(super) fn set_exports(&mut self, exports: HostExports) {
		self.exports = exports;
	}

	/// The instance's resource limits, for the store's limiter.
	pub(super) fn limits(&mut self) -> &mut InstanceLimits {
		&mut self.limits
	}
}

/// How a contract's `allocate` export answered a request for space.
pub enum Allocation {
	/// The contract exports no `allocate`.
	NoExport,
	/// Its `allocate` is not a function of type `(i32) -> i32`.
	InvalidExport,
	/// Its `allocate` returned this address, or trapped.
	Called(Result<u32, wasmi::Error>),
}

/// The running instance of a contract, as its host functions reach it.
pub trait ContractInstance<E: Ext> {
	/// The frame's state.
	fn state(&self) -> &HostState<E>;
	/// The frame's state, to change.
	fn state_mut(&mut self) -> &mut HostState<E>;
	/// Fuel left; `None` when the engine does not meter fuel.
	fn fuel(&self) -> Option<u64>;
	/// Sets the fuel left; nothing when the engine does not meter fuel.
	fn set_fuel(&mut self, fuel: u64);
	/// The exported memory; `None` when the contract exports none.
	fn memory(&self) -> Option<&[u8]>;
	/// The exported memory, to write; `None` when the contract exports none.
	fn memory_mut(&mut self) -> Option<&mut [u8]>;
	/// The exported memory, to write, beside the frame's state, so that the state's bytes are
	/// copied into memory without a copy of their own; `None` when the contract exports none.
	fn memory_and_state(&mut self) -> Option<(&mut [u8], &HostState<E>)>;
	/// Appends `pages` pages to the exported memory; its size before, in pages, or `None` when
	/// it cannot grow that far (or there is none).
	fn grow_memory(&mut self, pages: u64) -> Option<u64>;
	/// Calls the contract's `allocate(len)` export.
	fn allocate(&mut self, len: u32) -> Allocation;
}

impl<E: Ext> ContractInstance<E> for Caller<'_, HostState<E>> {
	fn state(&self) -> &HostState<E> {
		self.data()
	}

	fn state_mut(&mut self) -> &mut HostState<E> {
		self.data_mut()
	}

	fn fuel(&self) -> Option<u64> {
		self.get_fuel().ok()
	}

	fn set_fuel(&mut self, fuel: u64) {
		// Fails only when the engine does not meter fuel.
		let _ = Caller::set_fuel(self, fuel);
	}

	fn memory(&self) -> Option<&[u8]> {
		self.data().exports.memory.map(|memory| memory.data(self))
	}

	fn memory_mut(&mut self) -> Option<&mut [u8]> {
		self.data().exports.memory.map(|memory| memory.data_mut(self))
	}

	fn memory_and_state(&mut self) -> Option<(&mut [u8], &HostState<E>)> {
		let memory = self.data().exports.memory?;
		let (bytes, state) = memory.data_and_store_mut(self);
		Some((bytes, &*state))
	}

	fn grow_memory(&mut self, pages: u64) -> Option<u64> {
		self.data().exports.memory?.grow(self, pages).ok()
	}

	fn allocate(&mut self, len: u32) -> Allocation {
		let Some(allocate) = self.data().exports.allocate else {
			return Allocation::NoExport
		};
		match allocate.typed::<u32, u32>(&*self) {
			Ok(allocate) => Allocation::Called(allocate.call(self, len)),
			Err(_) => Allocation::InvalidExport,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		costs::Cost,
		exec::{CallTree, Frame},
		gas::GasMeter,
		tests::{deploy_fixture, gas, new_test_ext, Test, BOB},
		vm::{engine, runtime::HostCtx},
		ContractInfoOf, Error,
	};
	use frame_support::weights::Weight;
	use wasm_contracts_primitives::{abi::ABSENT, limits::PAGE_SIZE, Params};

	/// A contract's instance that is a byte buffer: no wasm, no `allocate` export, no fuel.
	struct Buffer {
		state: HostState<Frame<Test>>,
		memory: Vec<u8>,
		max_pages: u64,
	}

	impl ContractInstance<Frame<Test>> for &mut Buffer {
		fn state(&self) -> &HostState<Frame<Test>> {
			&self.state
		}

		fn state_mut(&mut self) -> &mut HostState<Frame<Test>> {
			&mut self.state
		}

		fn fuel(&self) -> Option<u64> {
			None
		}

		fn set_fuel(&mut self, _fuel: u64) {}

		fn memory(&self) -> Option<&[u8]> {
			Some(&self.memory)
		}

		fn memory_mut(&mut self) -> Option<&mut [u8]> {
			Some(&mut self.memory)
		}

		fn memory_and_state(&mut self) -> Option<(&mut [u8], &HostState<Frame<Test>>)> {
			Some((&mut self.memory, &self.state))
		}

		fn grow_memory(&mut self, pages: u64) -> Option<u64> {
			let old_pages = self.memory.len() as u64 / PAGE_SIZE;
			if old_pages + pages > self.max_pages {
				return None
			}
			self.memory.resize(((old_pages + pages) * PAGE_SIZE) as usize, 0);
			Some(old_pages)
		}

		fn allocate(&mut self, _len: u32) -> Allocation {
			Allocation::NoExport
		}
	}

	/// One page of memory for a frame of the counter contract, called by Bob with `input`.
	fn buffer(input: &[u8]) -> Buffer {
		let counter = deploy_fixture("counter");
		let info = ContractInfoOf::<Test>::get(&counter).unwrap();
		let params = Params::default();
		let tree = CallTree::<Test>::new(params.clone(), false);
		let frame = Frame::new(&tree, 1, Some(BOB), counter, &info, 0, input.to_vec());
		let state = HostState::new(frame, GasMeter::new(gas(), Weight::from_parts(1, 0)), engine::store_limits(&params));
		Buffer { state, memory: vec![0; PAGE_SIZE as usize], max_pages: 2 }
	}

	fn split(placed: u64) -> (usize, usize) {
		((placed >> 32) as usize, (placed & u32::MAX as u64) as usize)
	}

	#[test]
	fn host_functions_run_on_a_byte_buffer_growing_it_for_what_they_place() {
		new_test_ext().execute_with(|| {
			let mut instance = buffer(b"hello");
			let placed = HostCtx::enter(&mut instance).unwrap().get_input().unwrap();
			// No `allocate` export: the host appended a page, charged as memory, and put the input there.
			let (ptr, len) = split(placed);
			assert_eq!((ptr, len), (PAGE_SIZE as usize, 5));
			assert_eq!(&instance.memory[ptr..ptr + len], b"hello");
			let charged = Cost::Memory { bytes: PAGE_SIZE }.weight::<Test>() + Cost::Place { len: 5 }.weight::<Test>();
			assert_eq!(instance.state.gas.consumed(), charged);

			// The second page is the last the buffer allows.
			let mut ctx = HostCtx::enter(&mut instance).unwrap();
			assert!(ctx.get_input().is_err());
			assert_eq!(instance.state.trap.as_ref().map(|trap| trap.error), Some(Error::<Test>::MemoryLimitExceeded.into()));
		});
	}

	#[test]
	fn storage_round_trips_through_the_buffer_and_the_second_access_is_hot() {
		new_test_ext().execute_with(|| {
			let mut instance = buffer(&[]);
			instance.memory[..3].copy_from_slice(b"key");
			instance.memory[3..8].copy_from_slice(b"value");
			HostCtx::enter(&mut instance).unwrap().storage_write(0, 3, 3, 5).unwrap();
			let after_write = instance.state.gas.consumed();
			let placed = HostCtx::enter(&mut instance).unwrap().storage_read(0, 3).unwrap();
			let (ptr, len) = split(placed);
			assert_eq!(&instance.memory[ptr..ptr + len], b"value");
			let read = instance.state.gas.consumed() - after_write;
			let cold = Cost::StorageRead { key_len: 3, hot: false }.weight::<Test>();
			assert!(read.ref_time() < cold.ref_time(), "a hot read ({read}) costs less than a cold one ({cold})");
			assert_eq!(read.proof_size(), 0, "a hot read adds no proof");
		});
	}

	#[test]
	fn reads_into_a_buffer_write_what_fits_and_return_the_length_either_way() {
		new_test_ext().execute_with(|| {
			let mut instance = buffer(b"hello");
			let consumed = |instance: &Buffer| instance.state.gas.consumed();

			// A buffer too small for the input gets nothing and pays for no copy.
			let before = consumed(&instance);
			assert_eq!(HostCtx::enter(&mut instance).unwrap().get_input_into(100, 4).unwrap(), 5);
			assert_eq!(&instance.memory[100..105], [0; 5]);
			assert_eq!(consumed(&instance) - before, Cost::Copy { len: 0 }.weight::<Test>());
			let before = consumed(&instance);
			assert_eq!(HostCtx::enter(&mut instance).unwrap().get_input_into(100, 5).unwrap(), 5);
			assert_eq!(&instance.memory[100..105], b"hello");
			assert_eq!(consumed(&instance) - before, Cost::Copy { len: 5 }.weight::<Test>());

			instance.memory[..3].copy_from_slice(b"key");
			instance.memory[3..8].copy_from_slice(b"value");
			HostCtx::enter(&mut instance).unwrap().storage_write(0, 3, 3, 5).unwrap();
			assert_eq!(HostCtx::enter(&mut instance).unwrap().storage_read_into(0, 3, 200, 4).unwrap(), 5);
			assert_eq!(&instance.memory[200..205], [0; 5]);
			let before = consumed(&instance);
			assert_eq!(HostCtx::enter(&mut instance).unwrap().storage_read_into(0, 3, 200, 64).unwrap(), 5);
			assert_eq!(&instance.memory[200..205], b"value");
			let read_into = consumed(&instance) - before;
			// Placing the same value costs the placement on top.
			let before = consumed(&instance);
			HostCtx::enter(&mut instance).unwrap().storage_read(0, 3).unwrap();
			let placing = consumed(&instance) - before;
			let placement = Cost::Memory { bytes: PAGE_SIZE }.weight::<Test>() + Cost::Place { len: 5 }.weight::<Test>();
			assert_eq!(placing, read_into + placement);

			instance.memory[10..13].copy_from_slice(b"nop");
			assert_eq!(HostCtx::enter(&mut instance).unwrap().storage_read_into(10, 3, 300, 64).unwrap(), ABSENT);
			assert_eq!(&instance.memory[300..305], [0; 5]);

			// The bytes written must lie in memory, as for any access.
			let end = instance.memory.len() as u32;
			assert!(HostCtx::enter(&mut instance).unwrap().storage_read_into(0, 3, end - 4, 64).is_err());
			assert_eq!(instance.state.trap.as_ref().map(|trap| trap.error), Some(Error::<Test>::MemoryAccessOutOfBounds.into()));
		});
	}

	#[test]
	fn an_access_past_the_buffer_traps_with_the_pallet_error() {
		new_test_ext().execute_with(|| {
			let mut instance = buffer(&[]);
			let end = PAGE_SIZE as u32;
			assert!(HostCtx::enter(&mut instance).unwrap().get_caller(end - 31).is_err());
			assert_eq!(instance.state.trap.as_ref().map(|trap| trap.error), Some(Error::<Test>::MemoryAccessOutOfBounds.into()));
			assert!(HostCtx::enter(&mut instance).unwrap().get_caller(end - 32).is_ok());
			assert_eq!(&instance.memory[(end - 32) as usize..], BOB.as_ref() as &[u8]);
		});
	}
}
