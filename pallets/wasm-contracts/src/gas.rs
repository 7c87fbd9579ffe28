//! Gas metering: a [`GasMeter`] per call frame, counting [`Weight`] in both dimensions.
//!
//! Wasm instructions are metered by wasmi fuel. Before the contract runs, and again after every
//! host function, the store gets as much fuel as the remaining ref_time buys
//! ([`GasMeter::grant_fuel`]); when a host function is entered, the fuel burnt since then is
//! converted back into ref_time ([`GasMeter::absorb_fuel`]). Host functions and code loading
//! charge their weight directly ([`GasMeter::charge`]). A charge that covers a worst case may be
//! partly given back once the actual cost is known ([`GasMeter::refund`]); the meter remembers
//! its peak ([`GasMeter::required`]), the smallest limit with which the call succeeds.

use crate::{weights::WeightInfo, Config};
use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};

/// Units of wasmi fuel one iteration of each instruction benchmark's loop burns (checked by the
/// benchmarks' tests): `instr`, then one per class of costly instructions, in the order in which
/// [`fuel_unit`] reads their weights.
pub const FUEL_PER_ITERATION: [u64; 14] = [17, 89, 161, 129, 97, 65, 89, 121, 145, 121, 137, 121, 73, 121];

/// The weights of the instruction benchmarks: `instr`, then one per class of costly
/// instructions.
fn instruction_loops<T: Config>() -> [fn(u32) -> Weight; 14] {
	[
		T::WeightInfo::instr,
		T::WeightInfo::instr_call,
		T::WeightInfo::instr_call_indirect,
		T::WeightInfo::instr_div,
		T::WeightInfo::instr_memory,
		T::WeightInfo::instr_br_if,
		T::WeightInfo::instr_if_else,
		T::WeightInfo::instr_memory_fill,
		T::WeightInfo::instr_memory_copy,
		T::WeightInfo::instr_memory_init,
		T::WeightInfo::instr_table_copy,
		T::WeightInfo::instr_table_fill,
		T::WeightInfo::instr_table_set,
		T::WeightInfo::instr_memory_grow,
	]
}

/// ref_time of one unit of fuel: the largest cost per unit of fuel of the instruction
/// benchmarks (each loop's slope divided by the fuel an iteration burns), rounded up so that no
/// class of instruction is undercharged; at least 1.
pub fn fuel_unit<T: Config>() -> Weight {
	let per_fuel = instruction_loops::<T>().into_iter().zip(FUEL_PER_ITERATION).map(|(weight_of, fuel)| {
		weight_of(1).saturating_sub(weight_of(0)).ref_time().div_ceil(fuel.max(1))
	});
	Weight::from_parts(per_fuel.max().unwrap_or(1).max(1), 0)
}

/// ref_time of entering a contract's export from the host, as every host function benchmark
/// does once: the intercept of `host_call`, but never more than the cheapest host function
/// benchmark (`host_context`) less the marginal cost of a host call, so that noise in the fit
/// cannot make the deduction larger than what the benchmarks contain.
pub fn contract_entry<T: Config>() -> u64 {
	let marginal = host_call_marginal::<T>();
	let cheapest = T::WeightInfo::host_context().ref_time().saturating_sub(marginal);
	T::WeightInfo::host_call(0).ref_time().min(cheapest)
}

/// ref_time of one more host call from a running contract: the slope of `host_call`.
pub fn host_call_marginal<T: Config>() -> u64 {
	T::WeightInfo::host_call(1).saturating_sub(T::WeightInfo::host_call(0)).ref_time()
}

/// The part of a host function benchmark's weight that is the function itself: each such
/// benchmark enters the contract once from the host, which the call that entered it already
/// paid for, so that entry ([`contract_entry`]) is deducted; at least the marginal cost of a
/// host call remains.
pub fn host_fn_weight<T: Config>(measured: Weight) -> Weight {
	let function = measured.ref_time().saturating_sub(contract_entry::<T>());
	Weight::from_parts(function.max(host_call_marginal::<T>()), measured.proof_size())
}

/// Weight of `bytes` of event data beyond the event itself: the per-byte slope of
/// `host_log_event`, which moves event data into the block's events.
pub fn event_bytes_weight<T: Config>(bytes: u32) -> Weight {
	let per_byte = T::WeightInfo::host_log_event(1).saturating_sub(T::WeightInfo::host_log_event(0)).ref_time();
	Weight::from_parts(per_byte.saturating_mul(bytes.into()), 0)
}

/// Database weight of reading and writing the block's event counter, which every event that
/// takes from the event budgets does (`CallTree::reserve_event_bytes`). A counter written
/// earlier in the block is in the block's overlay: its read and write touch no database.
pub fn event_counter_weight<T: Config>() -> Weight {
	<T as frame_system::Config>::DbWeight::get().reads_writes(1, 1)
}

/// Proof of a trie path to a value beyond what the benchmarks measured (their state holds few
/// values; a chain's may hold many more): a generous path, for stored code and for the values
/// read once per block or call.
pub const TRIE_PATH_PROOF: u64 = 2048;

/// Weight of a call tree's read of the runtime's clock, which only contracts that ask for the
/// block's timestamp make: a database read, with a `u64` and a generous trie path as proof
/// ([`TRIE_PATH_PROOF`]).
pub fn timestamp_read_weight<T: Config>() -> Weight {
	let proof = (u64::max_encoded_len() as u64).saturating_add(TRIE_PATH_PROOF);
	<T as frame_system::Config>::DbWeight::get().reads(1).saturating_add(Weight::from_parts(0, proof))
}

/// Weight of the pallet's `on_initialize`: the parameters' read, with their largest encoding and
/// a generous trie path as proof ([`TRIE_PATH_PROOF`]), and one database write for
/// the block's transient state, which never reaches the database unless an earlier version of
/// the pallet left a counter there to remove.
pub fn block_start_weight<T: Config>() -> Weight {
	let proof = (wasm_contracts_primitives::Params::max_encoded_len() as u64).saturating_add(TRIE_PATH_PROOF);
	<T as frame_system::Config>::DbWeight::get().reads_writes(1, 1).saturating_add(Weight::from_parts(0, proof))
}

/// The database reads that the base weights of `execute`, `instantiate` and `migrate` hold (as
/// their benchmarks read from the database) and that a call in a block makes from the node's
/// cache, in ref_time; the values are in the block's proof already:
/// - the parameters, which the block's `on_initialize` read (`in_block`);
/// - the contract's record, its code's record and the code, when an earlier outermost call
///   of the block ran the same contract with the same code (`contract_run`,
///   [`crate::ContractsRunInBlock`]); the code's proof is left out of its load too
///   ([`crate::vm::code_load_weight`]).
pub fn read_in_block<T: Config>(in_block: bool, contract_run: bool) -> Weight {
	let reads = u64::from(in_block) + if contract_run { 3 } else { 0 };
	Weight::from_parts(<T as frame_system::Config>::DbWeight::get().reads(reads).ref_time(), 0)
}

/// A benchmarked weight whose call deposited its `Executed` or `Instantiated` event, less the
/// event counter's read and write, in ref_time: the call's own gas pays them when the counter is
/// not yet written in the block (`exec::output_for_event`), and a later call in the block, which
/// finds it in the overlay, does not. Applies to the `execute` and `instantiate` dispatchables
/// and the `host_call_contract` and `host_instantiate_contract` host functions. The proof_size
/// stays: the counter's proof is recorded once per block, at the first call.
pub fn without_event_counter<T: Config>(measured: Weight) -> Weight {
	let counter = event_counter_weight::<T>().ref_time();
	Weight::from_parts(measured.ref_time().saturating_sub(counter), measured.proof_size())
}

/// Fuel wasmi charges per byte of a function body it translates on the function's first call:
/// the `translate` benchmark's cost per byte in units of fuel, rounded up; at least 1.
pub fn translation_fuel_per_byte<T: Config>() -> u32 {
	let per_byte = T::WeightInfo::translate(1).saturating_sub(T::WeightInfo::translate(0)).ref_time();
	let fuel = per_byte.div_ceil(fuel_unit::<T>().ref_time().max(1)).max(1);
	u32::try_from(fuel).unwrap_or(u32::MAX)
}

/// The meter ran out: the limit was reached in at least one dimension.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct OutOfGas;

/// Gas limit and consumption of one call frame.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct GasMeter {
	limit: Weight,
	consumed: Weight,
	/// The most `consumed` has been, nested meters' peaks included.
	peak: Weight,
	/// ref_time of one unit of fuel; at least 1.
	ref_time_per_fuel: u64,
	/// Fuel handed to the store at the last grant, minus what was absorbed since.
	fuel_granted: u64,
	/// The meter ran out. Reaching the limit exactly is not running out: a call whose peak is
	/// its limit succeeds, and what it reserved is given back.
	ran_out: bool,
}

impl GasMeter {
	/// A meter with `limit`, pricing a unit of fuel at `fuel_unit` ref_time.
	pub fn new(limit: Weight, fuel_unit: Weight) -> Self {
		Self {
			limit,
			consumed: Weight::zero(),
			peak: Weight::zero(),
			ref_time_per_fuel: fuel_unit.ref_time().max(1),
			fuel_granted: 0,
			ran_out: false,
		}
	}

	/// The limit of this meter.
	pub fn limit(&self) -> Weight {
		self.limit
	}

	/// Gas consumed so far.
	pub fn consumed(&self) -> Weight {
		self.consumed
	}

	/// The smallest limit with which everything charged so far would have succeeded: the peak
	/// of the consumption, which refunds do not lower.
	pub fn required(&self) -> Weight {
		self.peak.max(self.consumed)
	}

	/// Whether the meter ran out (a charge failed; its whole limit is consumed).
	pub fn is_exhausted(&self) -> bool {
		self.ran_out
	}

	/// Gives back `amount` of a charge that covered more than was used.
	pub fn refund(&mut self, amount: Weight) {
		self.peak = self.required();
		self.consumed = self.consumed.saturating_sub(amount);
	}

	/// Gas still available.
	pub fn remaining(&self) -> Weight {
		self.limit.saturating_sub(self.consumed)
	}

	/// Adds `amount` to the consumption, or fails, consuming everything, when that would pass
	/// the limit in either dimension.
	pub fn charge(&mut self, amount: Weight) -> Result<(), OutOfGas> {
		let after = self.consumed.saturating_add(amount);
		if after.any_gt(self.limit) {
			self.exhaust();
			return Err(OutOfGas)
		}
		self.consumed = after;
		Ok(())
	}

	/// Marks the whole limit as consumed (a call that ran out of gas pays for all of it).
	pub fn exhaust(&mut self) {
		self.consumed = self.limit;
		self.fuel_granted = 0;
		self.ran_out = true;
	}

	/// The fuel that the remaining ref_time buys; remembered as granted.
	pub fn grant_fuel(&mut self) -> u64 {
		self.fuel_granted = self.remaining().ref_time() / self.ref_time_per_fuel;
		self.fuel_granted
	}

	/// Charges the fuel burnt since the last grant, given the fuel the store has left.
	pub fn absorb_fuel(&mut self, fuel_left: u64) {
		let burnt = self.fuel_granted.saturating_sub(fuel_left);
		let ref_time = burnt.saturating_mul(self.ref_time_per_fuel);
		// Cannot pass the limit: the grant was bought with remaining ref_time.
		self.consumed = self.consumed.saturating_add(Weight::from_parts(ref_time, 0));
		self.fuel_granted = fuel_left;
	}

	/// A meter for a nested call, limited to `limit` and to what this meter has left.
	pub fn nested(&self, limit: Weight) -> GasMeter {
		let limit = limit.min(self.remaining());
		GasMeter {
			limit,
			consumed: Weight::zero(),
			peak: Weight::zero(),
			ref_time_per_fuel: self.ref_time_per_fuel,
			fuel_granted: 0,
			ran_out: false,
		}
	}

	/// Charges what a nested call consumed, and its peak towards this meter's.
	pub fn absorb_nested(&mut self, nested: &GasMeter) {
		// Cannot pass the limit: the nested meter's limit was at most what remained here.
		let nested_peak = self.consumed.saturating_add(nested.required()).min(self.limit);
		self.peak = self.required().max(nested_peak);
		self.consumed = self.consumed.saturating_add(nested.consumed).min(self.limit);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn meter(ref_time: u64, proof: u64) -> GasMeter {
		GasMeter::new(Weight::from_parts(ref_time, proof), Weight::from_parts(10, 0))
	}

	#[test]
	fn charge_fails_in_either_dimension_and_consumes_the_limit() {
		let mut gas = meter(100, 50);
		assert_eq!(gas.charge(Weight::from_parts(60, 20)), Ok(()));
		assert_eq!(gas.charge(Weight::from_parts(10, 31)), Err(OutOfGas));
		assert_eq!(gas.consumed(), Weight::from_parts(100, 50));
	}

	#[test]
	fn reaching_the_limit_exactly_is_not_running_out() {
		let mut gas = meter(100, 50);
		assert_eq!(gas.charge(Weight::from_parts(100, 50)), Ok(()));
		assert!(!gas.is_exhausted());
		gas.refund(Weight::from_parts(40, 0));
		assert_eq!(gas.charge(Weight::from_parts(41, 0)), Err(OutOfGas));
		assert!(gas.is_exhausted());
	}

	#[test]
	fn fuel_round_trip_charges_exactly_what_was_burnt() {
		let mut gas = meter(1_005, 0);
		assert_eq!(gas.grant_fuel(), 100);
		gas.absorb_fuel(40);
		assert_eq!(gas.consumed().ref_time(), 600);
		assert_eq!(gas.grant_fuel(), 40);
		gas.absorb_fuel(40);
		assert_eq!(gas.consumed().ref_time(), 600);
	}

	#[test]
	fn a_refund_lowers_consumption_but_not_the_required_limit() {
		let mut gas = meter(100, 100);
		gas.charge(Weight::from_parts(60, 10)).unwrap();
		gas.refund(Weight::from_parts(50, 0));
		assert_eq!(gas.consumed(), Weight::from_parts(10, 10));
		assert_eq!(gas.required(), Weight::from_parts(60, 10));
		let mut child = gas.nested(Weight::from_parts(1_000, 1_000));
		child.charge(Weight::from_parts(70, 0)).unwrap();
		child.refund(Weight::from_parts(65, 0));
		gas.absorb_nested(&child);
		assert_eq!(gas.consumed(), Weight::from_parts(15, 10));
		assert_eq!(gas.required(), Weight::from_parts(80, 10));
	}

	#[test]
	fn nested_meter_is_bounded_by_the_parent() {
		let mut gas = meter(100, 100);
		gas.charge(Weight::from_parts(30, 30)).unwrap();
		let mut child = gas.nested(Weight::from_parts(1_000, 10));
		assert_eq!(child.limit(), Weight::from_parts(70, 10));
		child.charge(Weight::from_parts(70, 10)).unwrap();
		gas.absorb_nested(&child);
		assert_eq!(gas.remaining(), Weight::from_parts(0, 60));
	}
}
