//! A minimal runtime hosting the pallet, and contract set-up for the harness.

use frame_support::{
	derive_impl, parameter_types,
	traits::ConstU128,
	BoundedVec,
};
use pallet_wasm_contracts::{
	costs,
	harness::{self as exec, AddressScheme, CallTree, GasMeter, Metering},
	CodeInfoOf, NextCodeId, Parameters, PristineCode,
};
use std::rc::Rc;
use sp_runtime::{AccountId32, BuildStorage};
use wasm_contracts_primitives::{CodeId, CodeInfo, Params, TranslationPrice, Weight};

pub type AccountId = AccountId32;
type Block = frame_system::mocking::MockBlock<Runtime>;

frame_support::construct_runtime!(
	pub enum Runtime {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Contracts: pallet_wasm_contracts,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u128>;
	/// Database costs as a chain pays them (the runtime's own), so that storage is charged here
	/// what it is charged there.
	type DbWeight = HarnessDbWeight;
}

frame_support::parameter_types! {
	/// The database costs of the harness's runtimes (the peers' mocks too): RocksDB's, which
	/// `perf peers` raises for a moment to count the reads and writes in a charged weight.
	pub static HarnessDbWeight: frame_support::weights::RuntimeDbWeight =
		frame_support::weights::constants::RocksDbWeight::get();
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type Balance = u128;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
}

parameter_types! {
	pub const ExistentialDeposit: u128 = 1;
	pub const Treasury: AccountId = AccountId32::new([9u8; 32]);
	pub const RefTimePrice: u128 = 1;
	pub const ProofSizePrice: u128 = 1;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Runtime {}

#[derive_impl(pallet_wasm_contracts::config_preludes::TestDefaultConfig)]
impl pallet_wasm_contracts::Config for Runtime {
	type Currency = Balances;
	type DepositPerItem = ConstU128<1>;
	type DepositPerByte = ConstU128<1>;
	type Time = Timestamp;
	type UploadOrigin = frame_system::EnsureSigned<AccountId>;
	type ParamsOrigin = frame_system::EnsureRoot<AccountId>;
	type FeeDestination = Treasury;
	type WeightPrice = pallet_wasm_contracts::LinearWeightPrice<RefTimePrice, ProofSizePrice>;
	type WeightInfo = pallet_wasm_contracts::weights::SubstrateWeight<Runtime>;
}

/// The account that creates and calls every contract.
pub const CALLER: AccountId = AccountId32::new([1u8; 32]);

/// Parameters of the harness chain: the defaults, with room for a 1 MiB module.
pub fn params() -> Params {
	Params { max_contract_size: 2 * 1024 * 1024, ..Params::default() }
}

/// Externalities with a funded caller and the harness parameters.
pub fn new_externalities() -> sp_io::TestExternalities {
	// The runtime's genesis, which also records every pallet's storage version.
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig::<Runtime> {
			balances: vec![(CALLER, u128::MAX / 4), (Treasury::get(), 1)],
			..Default::default()
		},
		contracts: pallet_wasm_contracts::GenesisConfig::<Runtime> { params: params(), ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.expect("valid genesis");
	let mut externalities = sp_io::TestExternalities::new(storage);
	externalities.execute_with(|| System::set_block_number(1));
	externalities
}

/// What a block's initialisation and its inherents leave in the overlay before its first
/// extrinsic, and so out of any extrinsic's proof: the block number `number`, the phase, the
/// timestamp `now`, the level of nested storage transactions (which every dispatch reads), and
/// the block's events, emptied.
pub fn start_block(number: u64, now: u64) {
	System::set_block_number(number);
	System::note_finished_initialize();
	Timestamp::set_timestamp(now);
	sp_io::storage::clear(frame_support::storage::transactional::TRANSACTION_LEVEL_KEY);
	for item in [&b"Events"[..], b"EventCount"] {
		sp_io::storage::clear(&frame_support::storage::storage_prefix(b"System", item));
	}
}

/// A block that finds some externalities' state in its database.
#[derive(Clone, Copy)]
pub struct BlockStart {
	number: u64,
	now: u64,
}

impl BlockStart {
	/// Writes what [`start_block`] leaves in the overlay into `externalities` and commits
	/// everything to their database, so that writing it again before an extrinsic
	/// ([`Self::prove`]) leaves the state root as it was.
	pub fn commit(externalities: &mut sp_io::TestExternalities) -> Self {
		let start = externalities.execute_with(|| {
			let start = Self { number: System::block_number(), now: pallet_timestamp::Now::<Runtime>::get() };
			start_block(start.number, start.now);
			start
		});
		externalities.commit_all().expect("the state commits");
		start
	}

	/// Runs `f` as an extrinsic of this block, recording the proof of what it reads. Returns
	/// what `f` returned and the proof's size: the bytes of its nodes, each with its length, as
	/// the recorder counts them for the proof size the runtime reads.
	pub fn prove<R>(self, externalities: &mut sp_io::TestExternalities, f: impl FnOnce() -> R) -> (R, u64) {
		let (result, proof) = externalities.execute_and_prove(|| {
			start_block(self.number, self.now);
			f()
		});
		(result, proof.iter_nodes().map(|node| codec::Encode::encoded_size(node) as u64).sum())
	}
}

/// Stores `wasm` as code without validation (instrumented modules import `env.gas`, which
/// uploads refuse) and returns its id. Its translation is priced as an upload prices it when it
/// validates, else at the reference price.
pub fn store_code(wasm: Vec<u8>) -> CodeId {
	let code_id = NextCodeId::<Runtime>::get();
	let code_hash = sp_io::hashing::blake2_256(&wasm);
	let translation = exec::validate::<Runtime>(&wasm, &Parameters::<Runtime>::get())
		.map_or(TranslationPrice::REFERENCE, |footprint| footprint.translation);
	let info = CodeInfo { code_hash, uploader: CALLER, code_size: wasm.len() as u32, translation };
	PristineCode::<Runtime>::insert(code_hash, BoundedVec::try_from(wasm).expect("module within the size limit"));
	CodeInfoOf::<Runtime>::insert(code_id, info);
	NextCodeId::<Runtime>::put(code_id + 1);
	code_id
}

/// A call tree with `metering` and a gas meter with the whole gas limit.
pub fn call_tree(metering: Metering) -> (Rc<CallTree<Runtime>>, GasMeter) {
	let params = Parameters::<Runtime>::get();
	let gas = GasMeter::new(params.max_contract_gas, costs::fuel_unit::<Runtime>());
	(CallTree::with_metering(params, false, metering), gas)
}

/// Instantiates `code_id`, metered with `metering`; returns the contract.
pub fn instantiate(code_id: CodeId, metering: Metering) -> AccountId {
	let (tree, mut gas) = call_tree(metering);
	let scheme = AddressScheme::Unsalted;
	exec::instantiate::<Runtime>(&tree, &mut gas, 1, CALLER, code_id, vec![], None, 0, scheme)
		.expect("the workload instantiates")
		.0
}

/// Runs `entry` of `contract` with `input` under `metering`; returns the gas it consumed.
pub fn call(metering: Metering, contract: &AccountId, entry: &str, input: &[u8]) -> Weight {
	call_limited(metering, contract, entry, input, None)
}

/// Runs `entry` of `contract` with `input` under `metering`, with `gas_limit` ref_time when it
/// is given, and then it must run out of gas; returns the gas it consumed.
pub fn call_limited(metering: Metering, contract: &AccountId, entry: &str, input: &[u8], gas_limit: Option<u64>) -> Weight {
	// Each call starts with the block's event budget unspent, as if it were alone in its block.
	pallet_wasm_contracts::BlockEventBytes::<Runtime>::kill();
	let (tree, mut gas) = call_tree(metering);
	if let Some(ref_time) = gas_limit {
		gas = GasMeter::new(Weight::from_parts(ref_time, gas.limit().proof_size()), costs::fuel_unit::<Runtime>());
	}
	let result = exec::call::<Runtime>(&tree, &mut gas, 1, Some(CALLER), contract, entry, input.to_vec(), 0);
	match (result, gas_limit) {
		(Ok(_), None) => {},
		(Err(error), Some(_)) if error.is_out_of_gas::<Runtime>() => {},
		(outcome, _) => panic!("{entry}: unexpected {outcome:?}"),
	}
	gas.consumed()
}
