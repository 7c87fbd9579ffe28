//! Gas metering: a [`GasMeter`] per call frame, counting [`Weight`] in both dimensions.
//!
//! Wasm instructions are metered by wasmi fuel. Before the contract runs, and again after every
//! host function, the store gets as much fuel as the remaining ref_time buys
//! ([`GasMeter::grant_fuel`]); when a host function is entered, the fuel burnt since then is
//! converted back into ref_time ([`GasMeter::absorb_fuel`]). Host functions and code loading
//! charge their weight directly ([`GasMeter::charge`]), priced in [`crate::costs`]. A charge that covers a worst case may be
//! partly given back once the actual cost is known ([`GasMeter::refund`]); the meter remembers
//! its peak ([`GasMeter::required`]), the smallest limit with which the call succeeds.

use frame_support::weights::Weight;

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
	/// Fuel burnt under this meter and the nested meters it absorbed: what wasm instructions
	/// and translation can have used of the consumption, which host functions' charges cannot.
	fuel_burnt: u64,
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
			fuel_burnt: 0,
			ran_out: false,
		}
	}

	/// The limit of this meter.
	#[cfg(any(test, feature = "execution-strategies"))]
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

	/// Marks the whole limit as consumed (a call that ran out of gas pays for all of it). Fuel
	/// granted and not yet absorbed counts as burnt.
	pub fn exhaust(&mut self) {
		self.consumed = self.limit;
		self.fuel_burnt = self.fuel_burnt.saturating_add(self.fuel_granted);
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
		self.fuel_burnt = self.fuel_burnt.saturating_add(burnt);
	}

	/// Fuel burnt under this meter and the nested meters it absorbed.
	pub fn fuel_burnt(&self) -> u64 {
		self.fuel_burnt
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
			fuel_burnt: 0,
			ran_out: false,
		}
	}

	/// Charges what a nested call consumed, and its peak towards this meter's.
	pub fn absorb_nested(&mut self, nested: &GasMeter) {
		// Cannot pass the limit: the nested meter's limit was at most what remained here.
		let nested_peak = self.consumed.saturating_add(nested.required()).min(self.limit);
		self.peak = self.required().max(nested_peak);
		self.consumed = self.consumed.saturating_add(nested.consumed).min(self.limit);
		self.fuel_burnt = self.fuel_burnt.saturating_add(nested.fuel_burnt);
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
	fn fuel_burnt_counts_nested_meters_and_no_host_charge() {
		let mut gas = meter(10_000, 0);
		let granted = gas.grant_fuel();
		gas.absorb_fuel(granted - 30);
		gas.charge(Weight::from_parts(500, 0)).unwrap();
		let mut child = gas.nested(Weight::from_parts(1_000, 0));
		let granted = child.grant_fuel();
		child.absorb_fuel(granted - 7);
		child.charge(Weight::from_parts(100, 0)).unwrap();
		gas.absorb_nested(&child);
		assert_eq!(gas.fuel_burnt(), 37);
		assert_eq!(gas.consumed().ref_time(), 300 + 500 + 70 + 100);
		// Running out counts what was granted and not yet absorbed as burnt.
		let granted = gas.grant_fuel();
		gas.exhaust();
		assert_eq!(gas.fuel_burnt(), 37 + granted);
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
