//! # wasm-contracts pallet
//!
//! Runs WebAssembly contracts on the wasmi interpreter, with weight-based gas.
//!
//! ## Life cycle
//! - [`Pallet::upload_code`] stores a module (raw or gzip) once per hash and gives it the next
//!   [`CodeId`].
//! - [`Pallet::instantiate`] creates a contract from a code id: an account holding funds, with its
//!   own child-trie storage, an optional admin, and an address derived from the chain's instance
//!   counter or, with a salt, from the code hash, the creator and the salt.
//! - [`Pallet::execute`] runs any exported entry point with a message and funds.
//! - [`Pallet::migrate`] (admin only) moves a contract to new code; [`Pallet::update_admin`] and
//!   [`Pallet::clear_admin`] hand over or give up that right.
//! - The runtime API ([`wasm_contracts_primitives::WasmContractsApi`]) queries contracts
//!   read-only, reads raw storage and info, and dry-runs calls reporting the gas they need.
//!
//! ## Gas
//! Every call carries a `gas_limit: Weight` (at most the `max_contract_gas` parameter). The
//! extrinsic declares its base weight plus that limit and reports its base weight plus the gas
//! used, so unused gas is not paid for. Running out of gas stops the call and undoes its changes.
//!
//! `docs/abi.md` lists every host function with its cost and return codes; [`costs`] holds
//! every price.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod address;
#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod code;
pub mod costs;
mod deletion;
mod deploy;
mod deposit;
mod error;
mod exec;
mod gas;
#[cfg(any(test, feature = "try-runtime", feature = "invariants"))]
pub mod invariants;
pub mod migrations;
mod query;
mod storage;
mod vm;
pub mod weight_info;
pub mod weights;

pub use deploy::{LinearWeightPrice, WeightPrice, PRICE_UNIT};
pub use error::ExecError;
pub use storage::ContractTrie;

/// What the performance harness (`benchmarking/`) and the fuzzer drive below the dispatchables:
/// call trees, the gas meter, the engine with its metering strategies, validation and
/// addresses. Built only with the `execution-strategies` feature, which a runtime never enables.
#[cfg(feature = "execution-strategies")]
pub mod harness {
	pub use crate::{
		address::instance_address,
		exec::{call, instantiate, AddressScheme, CallTree},
		gas::GasMeter,
		vm::{
			engine::{new_engine, Metering},
			imports::HostFn,
			validate,
			validation::footprint,
		},
	};
}

#[cfg(test)]
mod tests;

use alloc::{rc::Rc, vec::Vec};
use exec::{AddressScheme, CallTree};
use frame_support::{
	dispatch::{DispatchErrorWithPostInfo, DispatchResultWithPostInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{fungible, Time},
};
use frame_system::pallet_prelude::*;
use gas::GasMeter;
use sp_runtime::traits::Convert;
use wasm_contracts_primitives::{limits, CodeHash, CodeHistoryEntry, CodeId, CodeInfo, ContractInfo, Params, TrieId};
use weights::WeightInfo;

pub use pallet::*;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Event record of the runtime, as dry runs return it.
pub type EventRecordOf<T> =
	frame_system::EventRecord<<T as frame_system::Config>::RuntimeEvent, <T as frame_system::Config>::Hash>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// Version of the pallet's storage layout.
	///
	/// Stored code is loaded unchecked, so each version that changes the validation rules
	/// validates every stored module again: version 2 refused multi-value and version 3 bounds
	/// declarations ([`crate::migrations::v3`]). Version 4 stores contract keys hashed
	/// ([`crate::migrations::v4`]). Version 5 records the longest value of
	/// each contract's storage ([`crate::migrations::v5`]), version 6 the price of each code
	/// id's translation ([`crate::migrations::v6`]), and version 7 prices it again for code
	/// denser than the reference ([`crate::migrations::v7`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(7);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet. Addresses are 32 bytes (the ABI writes them as such). Mocks
	/// and test chains start from [`config_preludes::TestDefaultConfig`] with `derive_impl`.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<AccountId: From<[u8; 32]> + AsRef<[u8; 32]>> {
		/// Currency that contracts hold and move, and in which storage deposits are held.
		#[pallet::no_default]
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reasons, which include the pallet's [`HoldReason`].
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;
		/// Storage deposit for each stored item (code id, module, contract, code history entry,
		/// storage key, account variable): see `docs/pallet.md`, "Storage deposits".
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DepositPerItem: Get<BalanceOf<Self>>;
		/// Storage deposit for each byte of a stored item.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DepositPerByte: Get<BalanceOf<Self>>;
		/// Clock for `get_block_timestamp`, in milliseconds.
		#[pallet::no_default]
		type Time: Time;
		/// Who may upload code; the success value is the uploader.
		#[pallet::no_default]
		type UploadOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Who may change the pallet parameters.
		#[pallet::no_default]
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Account that deploy payments go to (a treasury, or the block author's account).
		/// It should exist, or payments below the existential deposit fail.
		#[pallet::constant]
		#[pallet::no_default]
		type FeeDestination: Get<Self::AccountId>;
		/// How deploys price weight (their base weight and the gas of both modules); set it to
		/// what the transaction fee charges for the same weight.
		#[pallet::no_default_bounds]
		type WeightPrice: deploy::WeightPrice<BalanceOf<Self>>;
		/// The fee a signed extrinsic of `len` bytes pays whatever its weight: the base fee and
		/// the length fee. A deploy that pays settles it out of its payment, for the encoded
		/// length of its call.
		#[pallet::no_default_bounds]
		type InclusionFee: Convert<u32, BalanceOf<Self>>;
		/// Most bytes of contract events one outermost call may emit: each event counts its
		/// topic, its data and [`limits::EVENT_RECORD_OVERHEAD`].
		#[pallet::constant]
		type MaxEventBytesPerCall: Get<u32>;
		/// Most bytes of contract events all calls of one block may emit, counted like
		/// `MaxEventBytesPerCall`. It bounds what the block's events take in the memory of
		/// every node and validator that imports it.
		#[pallet::constant]
		type MaxEventBytesPerBlock: Get<u32>;
		/// Weights of dispatchables and prices of execution.
		type WeightInfo: WeightInfo;
	}

	/// Default configurations of the pallet, for `derive_impl`.
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// A balance of `N` whatever the balance type (any from `u64` up).
		pub struct ConstBalance<const N: u64>;

		impl<const N: u64, B: From<u64>> Get<B> for ConstBalance<N> {
			fn get() -> B {
				N.into()
			}
		}

		/// Mocks and test chains: RocksDB's weights, deposits of 1,000 per item and 2 per byte,
		/// deploys priced at one unit per µs of ref_time or 1,000 per MB of proof, the length of
		/// a transaction as its inclusion fee, and the runtime's event budgets (1 MiB a call,
		/// 4 MiB a block). A mock adds its currency, clock, origins (which name its account type)
		/// and deploy fee destination.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			type DepositPerItem = ConstBalance<1_000>;
			type DepositPerByte = ConstBalance<2>;
			type WeightPrice = deploy::LinearWeightPrice<ConstBalance<1>, ConstBalance<1_000>>;
			type InclusionFee = sp_runtime::traits::ConvertInto;
			type MaxEventBytesPerCall = ConstU32<{ 1024 * 1024 }>;
			type MaxEventBytesPerBlock = ConstU32<{ 4 * 1024 * 1024 }>;
			type WeightInfo = weights::RocksDbWeights;
		}
	}

	/// The pallet parameters.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, Params, ValueQuery>;

	/// Code ids start at 1.
	#[pallet::type_value]
	pub fn FirstCodeId() -> CodeId {
		1
	}

	/// The code id the next upload gets.
	#[pallet::storage]
	pub type NextCodeId<T: Config> = StorageValue<_, CodeId, ValueQuery, FirstCodeId>;

	/// Uploaded code by code id.
	#[pallet::storage]
	pub type CodeInfoOf<T: Config> = StorageMap<_, Twox64Concat, CodeId, CodeInfo<T::AccountId>>;

	/// Decompressed, validated modules by hash; shared by all code ids with that hash.
	#[pallet::storage]
	pub type PristineCode<T: Config> =
		StorageMap<_, Identity, CodeHash, BoundedVec<u8, ConstU32<{ limits::MAX_CONTRACT_SIZE }>>>;

	/// How many contracts run each code id: code can be removed only when none does.
	#[pallet::storage]
	pub type CodeUsers<T: Config> = StorageMap<_, Twox64Concat, CodeId, u64, ValueQuery>;

	/// How many code ids refer to each stored module: the module goes with the last of them.
	#[pallet::storage]
	pub type ModuleUsers<T: Config> = StorageMap<_, Identity, CodeHash, u32, ValueQuery>;

	/// Contracts by address.
	#[pallet::storage]
	pub type ContractInfoOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ContractInfo<T::AccountId>>;

	/// Code history of each contract: `(contract, index) -> entry`, index 0 being the
	/// instantiation.
	#[pallet::storage]
	pub type CodeHistory<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		u32,
		CodeHistoryEntry<BlockNumberFor<T>>,
	>;

	/// Number of contracts instantiated so far; the unsalted address scheme's counter.
	#[pallet::storage]
	pub type InstanceCounter<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The child trie of each account's persistent variables, created by its first deploy.
	#[pallet::storage]
	pub type AccountTrie<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, TrieId>;

	/// Bytes of contract events emitted in a block, with that block's number (a value of an
	/// earlier block counts as zero). `on_initialize` puts it and `on_finalize` removes it, so
	/// that every call of a block finds it in the block's overlay.
	#[pallet::storage]
	pub type BlockEventBytes<T: Config> = StorageValue<_, (BlockNumberFor<T>, u32)>;

	/// The contracts that outermost calls of this block have run, with the code they ran, in
	/// the order they first ran (at most [`limits::MAX_CONTRACTS_RUN_IN_BLOCK`]): their records
	/// and code are in the node's cache and in the block's proof already, so a later call pays
	/// neither database reads nor proof for them. `on_initialize` puts it empty and
	/// `on_finalize` removes it: it lives in the block's overlay and never reaches the
	/// database. Outside a block (dry runs) there is none, and every call is priced as the
	/// block's first.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type ContractsRunInBlock<T: Config> =
		StorageValue<_, BoundedVec<(T::AccountId, CodeId), ConstU32<{ limits::MAX_CONTRACTS_RUN_IN_BLOCK }>>>;

	/// Makes each child trie id unique.
	#[pallet::storage]
	pub type TrieNonce<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Terminated contracts whose storage and code history `on_idle` has yet to remove, by
	/// slot (see [`deletion`]).
	#[pallet::storage]
	pub type DeletionQueue<T: Config> = StorageMap<_, Twox64Concat, u64, deletion::QueuedDeletion<T::AccountId>>;

	/// The storage deposit held on the uploader of each code id, for its record and its module
	/// (none for code uploaded before deposits existed).
	#[pallet::storage]
	pub type CodeDeposits<T: Config> = StorageMap<_, Twox64Concat, CodeId, BalanceOf<T>>;

	/// A stored module's deposit of its own, held on its first uploader: only code uploaded
	/// before every code id paid for its module (in [`CodeDeposits`]) has one. It is released
	/// when the module goes.
	#[pallet::storage]
	pub type ModuleDeposits<T: Config> =
		StorageMap<_, Identity, CodeHash, deposit::Deposit<T::AccountId, BalanceOf<T>>>;

	/// The storage deposit for each contract's info and first code history entry, held on the
	/// origin of the call that created it.
	#[pallet::storage]
	pub type InstantiationDeposits<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, deposit::Deposit<T::AccountId, BalanceOf<T>>>;

	/// Storage kept without a deposit, by trie: what contracts' storage and accounts' variables
	/// held when storage deposits started (storage version 4). Releases pay it off before they
	/// are refunded ([`deposit`]); a terminated contract's entry goes with it.
	#[pallet::storage]
	pub type UnpaidStorageOf<T: Config> = StorageMap<_, Identity, TrieId, deposit::UnpaidStorage>;

	/// The occupied slots of [`DeletionQueue`].
	#[pallet::storage]
	pub type DeletionQueueBounds<T: Config> = StorageValue<_, deletion::QueueBounds, ValueQuery>;

	/// Why the pallet holds funds: storage deposits (`docs/pallet.md`, "Storage deposits").
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// On an uploader: its code ids and their modules.
		CodeUpload,
		/// On the origin of a call that created contracts: their info and first code history
		/// entry.
		ContractInstantiation,
		/// On a contract: its storage and later code history entries, paid by the calls that
		/// wrote them.
		ContractStorage,
		/// On an account: its persistent variables, written by its deploys.
		AccountVariables,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Initial pallet parameters.
		pub params: Params,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Err(field) = self.params.check() {
				// Genesis is built by the chain's author, never from user input.
				panic!("invalid wasm-contracts genesis parameter: {field}");
			}
			Parameters::<T>::put(&self.params);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `uploader` stored code of `code_size` bytes (decompressed) as `code_id`.
		CodeUploaded { code_id: CodeId, code_hash: CodeHash, uploader: T::AccountId, code_size: u32 },
		/// `creator` instantiated `contract` from `code_id`; `output` is what its `instantiate`
		/// export returned (see `Executed`).
		Instantiated {
			creator: T::AccountId,
			contract: T::AccountId,
			code_id: CodeId,
			admin: Option<T::AccountId>,
			output: Option<Vec<u8>>,
		},
		/// `caller` ran `entry_point` of `contract` successfully, and the contract returned
		/// `output`: `None` when it was longer than `max_event_data_len`, or the call's or the
		/// block's event budget could not take it (a dry run returns it).
		Executed { caller: T::AccountId, contract: T::AccountId, entry_point: Vec<u8>, output: Option<Vec<u8>> },
		/// `contract` emitted an event through `log_event`.
		ContractEmitted { contract: T::AccountId, topic: Vec<u8>, data: Vec<u8> },
		/// The admin moved `contract` from `from_code_id` to `to_code_id`.
		Migrated { contract: T::AccountId, from_code_id: CodeId, to_code_id: CodeId },
		/// `code_id` was removed; `module_removed` when it was the last code id of its module,
		/// which was removed with it.
		CodeRemoved { code_id: CodeId, code_hash: CodeHash, module_removed: bool },
		/// `contract` terminated itself: its balance went to `beneficiary`, and its storage and
		/// code history are queued for removal.
		Terminated { contract: T::AccountId, beneficiary: T::AccountId },
		/// The admin of `contract` is now `admin` (`None`: cleared, no more migrations).
		AdminChanged { contract: T::AccountId, admin: Option<T::AccountId> },
		/// The pallet parameters changed.
		ParamsUpdated { params: Params },
		/// `account` ran a deploy: it `paid`, the deploy cost `used` and `refunded` went back
		/// (`paid = used + refunded`); each phase used its gas, and the session ended with
		/// `session_result` (on `Err` its changes were undone, the payment stands).
		Deployed {
			account: T::AccountId,
			paid: BalanceOf<T>,
			used: BalanceOf<T>,
			refunded: BalanceOf<T>,
			payment_gas: Weight,
			session_gas: Weight,
			session_result: Result<(), DispatchError>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The code is larger than `max_contract_size` (after decompression for gzip).
		CodeTooLarge,
		/// The code starts with the gzip magic but is not a valid gzip member.
		InvalidGzip,
		/// The code is not valid wasm, uses a proposal that is not enabled, or fails to compile.
		InvalidModule,
		/// The code uses floating-point types or instructions, which are not deterministic.
		FloatsNotAllowed,
		/// The code uses SIMD types or instructions.
		SimdNotAllowed,
		/// The code uses shared memory or atomics (threads).
		ThreadsNotAllowed,
		/// A function of the code returns, or a block yields or takes, more than one value.
		MultiValueNotAllowed,
		/// The code has a start function; contracts initialise in their `instantiate` export.
		StartFunctionNotAllowed,
		/// The code imports something other than a host function of module `env`.
		UnknownImport,
		/// The code imports a host function with a signature other than its own.
		ImportSignatureMismatch,
		/// The code imports memory or declares more than one memory.
		InvalidMemory,
		/// The code's memory starts with more pages than `max_memory_pages`.
		TooManyMemoryPages,
		/// The code declares more than one table or a table with too many elements.
		TableTooLarge,
		/// The code has more functions than allowed.
		TooManyFunctions,
		/// The code has more globals than allowed.
		TooManyGlobals,
		/// A function of the code declares more locals than allowed.
		TooManyLocals,
		/// The code exports `allocate` with a type other than `(i32) -> i32`.
		InvalidAllocateExport,
		/// No code is stored under this code id.
		CodeNotFound,
		/// No contract lives at this address.
		ContractNotFound,
		/// A contract already lives at the derived address (reuse of a salt).
		ContractExists,
		/// Only the contract's admin may do this.
		NotAdmin,
		/// The contract has no admin, so it cannot be migrated or given one.
		NoAdmin,
		/// The message is longer than `max_contract_msg_size`.
		MsgTooLarge,
		/// The salt is empty or longer than [`limits::MAX_SALT_LEN`] bytes.
		SaltTooLong,
		/// The entry point name is empty, longer than [`limits::MAX_ENTRY_POINT_LEN`] bytes or not
		/// UTF-8.
		InvalidEntryPoint,
		/// `instantiate`, `migrate` and `allocate` run only through their own life-cycle step.
		ReservedEntryPoint,
		/// The contract does not export the entry point.
		EntryPointNotFound,
		/// The entry point takes parameters or returns something other than nothing, i32 or i64.
		InvalidEntryPointSignature,
		/// `gas_limit` is above `max_contract_gas`.
		GasLimitTooHigh,
		/// A balance transfer failed: insufficient funds, or it would kill the sender's account.
		TransferFailed,
		/// The new parameters are out of range.
		InvalidParams,
		/// The call ran out of gas; its changes were undone.
		OutOfGas,
		/// The contract trapped (unreachable, division by zero, out-of-bounds access, ...).
		ContractTrapped,
		/// The contract called `revert`; its changes were undone. Dry runs show the message.
		ContractReverted,
		/// The contract recursed deeper than the interpreter's stack allows.
		StackOverflow,
		/// The contract's memory would grow past `max_memory_pages`.
		MemoryLimitExceeded,
		/// A host function was given a pointer and length outside the contract's memory.
		MemoryAccessOutOfBounds,
		/// A host function needs the contract's exported `memory` and there is none.
		NoMemoryExport,
		/// The contract's `allocate` export called a host function.
		HostCallInAllocate,
		/// A query (read-only call) tried to change state.
		StateChangeInReadOnlyCall,
		/// Contract calls nested deeper than `max_call_depth`.
		MaxCallDepthReached,
		/// A storage key is longer than `max_storage_key_len`.
		StorageKeyTooLarge,
		/// A storage value is longer than `max_storage_value_len`.
		StorageValueTooLarge,
		/// An empty storage value was written; delete the key instead.
		EmptyStorageValue,
		/// An event topic is longer than [`limits::MAX_EVENT_TOPIC_LEN`] bytes.
		EventTopicTooLarge,
		/// Event data is longer than `max_event_data_len`.
		EventDataTooLarge,
		/// Return data or a revert message is longer than `max_contract_msg_size`.
		ReturnDataTooLarge,
		/// A chain-wide counter (code ids, instances, trie nonces) is exhausted.
		CounterOverflow,
		/// The call would compile more distinct modules than one call may hold
		/// ([`limits::MAX_MODULES_PER_CALL`]).
		TooManyModulesInCall,
		/// The call would compile more code than one call may hold
		/// ([`limits::MAX_CODE_BYTES_PER_CALL`] bytes).
		TooMuchCodeInCall,
		/// An event would pass the call's or the block's budget of event bytes.
		EventBudgetExceeded,
		/// The deploy's payment module returned without calling `pay`; its changes were undone.
		PaymentNotMade,
		/// The deploy's payment module used more gas than the `payment_loan` parameter lends.
		PaymentLoanExceeded,
		/// The deploy paid less than its base weight and payment gas cost at the gas price.
		PaymentInsufficient,
		/// The code's declarations (every section but code, data and custom sections, and the
		/// headers of data segments) pass [`limits::MAX_DECLARATION_BYTES`].
		DeclarationsTooLarge,
		/// The pallet's storage is being migrated after a runtime upgrade (stored code is being
		/// validated again); contracts run again once the migration has completed.
		MigrationInProgress,
		/// `terminate` was called by a contract that is on the call stack more than once.
		TerminatedWhileReentrant,
		/// `terminate` named the terminating contract itself as the beneficiary.
		InvalidBeneficiary,
		/// `terminate` was called by a deploy's module, which is not a contract.
		DeployModuleCannotTerminate,
		/// Contracts run this code id; it can be removed once none does.
		CodeInUse,
		/// Only the uploader of a code id (or the parameters origin) may remove it.
		NotUploader,
		/// The call's storage deposit would pass its `storage_deposit_limit`.
		StorageDepositLimitExhausted,
		/// The origin cannot pay the call's storage deposit and stay alive.
		StorageDepositNotEnoughFunds,
		/// A storage deposit could not be given back (the origin's balance would overflow).
		StorageDepositRefundFailed,
		/// A contract terminated at the derived address and `on_idle` has not yet removed its
		/// code history; the address is free again once it has.
		AddressPendingDeletion,
		/// The code imports a host function more than once.
		DuplicateImport,
		/// The code has more exports than [`limits::MAX_EXPORTS`].
		TooManyExports,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::WeightInfo::instr(1).ref_time() > T::WeightInfo::instr(0).ref_time(),
				"wasm execution must cost ref_time"
			);
			assert!(Params::default().check().is_ok(), "default parameters must be valid");
		}

		/// Starts the block's transient state ([`BlockEventBytes`], [`ContractsRunInBlock`]),
		/// which `on_finalize` removes, and reads the parameters, so that the block's calls
		/// find them in the node's cache and the block's proof ([`costs::read_in_block`]).
		/// Priced by [`costs::block_start`].
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			BlockEventBytes::<T>::put((now, 0));
			ContractsRunInBlock::<T>::put(BoundedVec::new());
			let _ = Parameters::<T>::get();
			costs::block_start::<T>()
		}

		fn on_finalize(_now: BlockNumberFor<T>) {
			BlockEventBytes::<T>::kill();
			ContractsRunInBlock::<T>::kill();
		}

		/// Removes what terminated contracts left behind, within the weight the block has left.
		fn on_idle(_block: BlockNumberFor<T>, remaining_weight: Weight) -> Weight {
			Self::process_deletion_queue(remaining_weight)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_block: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			crate::invariants::check::<T>().map_err(Into::into)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Stores `code` (a wasm module, raw or gzip) and gives it the next code id.
		///
		/// The module is validated once here; identical modules are stored once. The uploader
		/// holds the code id's deposit, and the module's when it is new, up to
		/// `storage_deposit_limit` (`None`: no limit). Emits `CodeUploaded`.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::upload_weight_bound(code))]
		pub fn upload_code(
			origin: OriginFor<T>,
			code: Vec<u8>,
			storage_deposit_limit: Option<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let uploader = T::UploadOrigin::ensure_origin(origin)?;
			let (wasm, footprint) = code::prepare::<T>(code, &Parameters::<T>::get())?;
			let weight = Self::upload_weight(wasm.len() as u32, footprint.declaration_bytes);
			let (code_id, info) = Self::store_code(uploader, wasm, footprint.translation, storage_deposit_limit)?;
			Self::deposit_event(Event::CodeUploaded {
				code_id,
				code_hash: info.code_hash,
				uploader: info.uploader,
				code_size: info.code_size,
			});
			Ok(Some(weight).into())
		}

		/// Creates a contract from `code_id`, funded with the existential deposit plus `value`
		/// from the signer, and runs its `instantiate` export with `init_msg`.
		///
		/// Without `salt` the address comes from the code id and the chain's instance counter;
		/// with it, from the code hash, the signer and the salt. `admin` may migrate the contract.
		/// The signer pays the storage deposits the call takes, up to `storage_deposit_limit`
		/// (`None`: no limit). Emits `Instantiated`.
		#[pallet::call_index(1)]
		#[pallet::weight(costs::instantiate::<T>(len_of(init_msg)).saturating_add(*gas_limit))]
		pub fn instantiate(
			origin: OriginFor<T>,
			code_id: CodeId,
			init_msg: Vec<u8>,
			admin: Option<T::AccountId>,
			#[pallet::compact] value: BalanceOf<T>,
			gas_limit: Weight,
			salt: Option<Vec<u8>>,
			storage_deposit_limit: Option<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let creator = ensure_signed(origin)?;
			let base = costs::instantiate::<T>(len_of(&init_msg));
			Self::run_metered(base, gas_limit, creator.clone(), storage_deposit_limit, |tree, gas| {
				Self::do_instantiate(tree, gas, creator, code_id, init_msg, admin, value, salt).map(|_| ())
			})
		}

		/// Runs `entry_point` of `contract` with `msg` as input, sending `value`. The signer pays
		/// the storage deposits the call takes, up to `storage_deposit_limit` (`None`: no
		/// limit), and gets back those of state it removes. Emits `Executed`.
		#[pallet::call_index(2)]
		#[pallet::weight(costs::execute::<T>(len_of(msg)).saturating_add(*gas_limit))]
		pub fn execute(
			origin: OriginFor<T>,
			contract: T::AccountId,
			entry_point: Vec<u8>,
			msg: Vec<u8>,
			#[pallet::compact] value: BalanceOf<T>,
			gas_limit: Weight,
			storage_deposit_limit: Option<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let caller = ensure_signed(origin)?;
			let base = costs::execute::<T>(len_of(&msg));
			Self::run_metered(base, gas_limit, caller.clone(), storage_deposit_limit, |tree, gas| {
				Self::do_execute(tree, gas, caller, contract, entry_point, msg, value).map(|_| ())
			})
		}

		/// Moves `contract` to `new_code_id` and runs the new code's `migrate` export with `msg`.
		/// Only the contract's admin may; it pays the storage deposits the call takes (the new
		/// code history entry among them), up to `storage_deposit_limit` (`None`: no limit).
		/// Emits `Migrated`.
		#[pallet::call_index(3)]
		#[pallet::weight(costs::migrate::<T>(len_of(msg)).saturating_add(*gas_limit))]
		pub fn migrate(
			origin: OriginFor<T>,
			contract: T::AccountId,
			new_code_id: CodeId,
			msg: Vec<u8>,
			gas_limit: Weight,
			storage_deposit_limit: Option<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let admin = ensure_signed(origin)?;
			let base = costs::migrate::<T>(len_of(&msg));
			Self::run_metered(base, gas_limit, admin.clone(), storage_deposit_limit, |tree, gas| {
				Self::do_migrate(tree, gas, admin, contract, new_code_id, msg).map(|_| ())
			})
		}

		/// Makes `new_admin` the admin of `contract`. Only the current admin may.
		/// Emits `AdminChanged`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::update_admin())]
		pub fn update_admin(origin: OriginFor<T>, contract: T::AccountId, new_admin: T::AccountId) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			Self::set_admin(admin, contract, Some(new_admin))
		}

		/// Removes the admin of `contract`, so that it can never be migrated again. Only the
		/// current admin may. Emits `AdminChanged`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::update_admin())]
		pub fn clear_admin(origin: OriginFor<T>, contract: T::AccountId) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			Self::set_admin(admin, contract, None)
		}

		/// Replaces the pallet parameters. Only `ParamsOrigin` may. Emits `ParamsUpdated`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_params())]
		pub fn set_params(origin: OriginFor<T>, params: Params) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			params.check().map_err(|_| Error::<T>::InvalidParams)?;
			Parameters::<T>::put(&params);
			Self::deposit_event(Event::ParamsUpdated { params });
			Ok(())
		}

		/// Runs a deploy: `payment`'s `call` export (or, when `payment` is empty, a payment of
		/// `payment_amount`), then `session`'s `call` export on the gas the payment bought,
		/// at most `session_gas_limit`. Both modules (raw or gzip) are validated like uploaded
		/// code, never stored, and work on the signer's persistent variables.
		///
		/// A deploy that pays is fee-less as a transaction: it costs what it paid minus what
		/// is refunded. A failed payment undoes its changes and fails the deploy; the
		/// transaction fee then pays the base weight and the payment's gas. Each phase settles
		/// the storage deposits it takes with the account, both together up to
		/// `storage_deposit_limit` (`None`: no limit). Emits `Deployed`.
		#[pallet::call_index(7)]
		#[pallet::weight(
			Pallet::<T>::deploy_base_weight(payment, session)
				.saturating_add(Parameters::<T>::get().payment_loan)
				.saturating_add(*session_gas_limit)
		)]
		pub fn deploy(
			origin: OriginFor<T>,
			payment: Vec<u8>,
			session: Vec<u8>,
			#[pallet::compact] payment_amount: BalanceOf<T>,
			session_gas_limit: Weight,
			storage_deposit_limit: Option<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let account = ensure_signed(origin)?;
			let base = Self::deploy_base_weight(&payment, &session);
			let call_len =
				Self::deploy_call_len(&payment, &session, payment_amount, session_gas_limit, storage_deposit_limit);
			let limits = deploy::DeployLimits { session_gas: session_gas_limit, storage_deposit: storage_deposit_limit };
			let outcome = Self::do_deploy(account, payment, session, payment_amount, limits, base, call_len);
			let actual_weight = Some(base.saturating_add(outcome.payment_gas).saturating_add(outcome.session_gas));
			match outcome.result {
				Ok(()) => Ok(PostDispatchInfo { actual_weight, pays_fee: Pays::No }),
				Err(failure) => Err(DispatchErrorWithPostInfo {
					post_info: PostDispatchInfo { actual_weight, pays_fee: Pays::Yes },
					error: failure.error,
				}),
			}
		}

		/// Removes `code_id`, which no contract may run any more; only its uploader (or the
		/// parameters origin) may. The stored module goes with the last code id that refers to
		/// it. The code id's deposit goes back to its uploader, the module's to whoever holds it.
		/// Emits `CodeRemoved`.
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::remove_code_weight(true))]
		pub fn remove_code(origin: OriginFor<T>, code_id: CodeId) -> DispatchResultWithPostInfo {
			let info = CodeInfoOf::<T>::get(code_id).ok_or(Error::<T>::CodeNotFound)?;
			if T::ParamsOrigin::ensure_origin(origin.clone()).is_err() {
				let who = ensure_signed(origin)?;
				ensure!(who == info.uploader, Error::<T>::NotUploader);
			}
			ensure!(CodeUsers::<T>::get(code_id) == 0, Error::<T>::CodeInUse);
			CodeInfoOf::<T>::remove(code_id);
			CodeUsers::<T>::remove(code_id);
			let users_left = ModuleUsers::<T>::get(info.code_hash).saturating_sub(1);
			let module_removed = users_left == 0;
			if module_removed {
				ModuleUsers::<T>::remove(info.code_hash);
				PristineCode::<T>::remove(info.code_hash);
			} else {
				ModuleUsers::<T>::insert(info.code_hash, users_left);
			}
			let module_deposit =
				Self::release_code_deposit(&info.uploader, code_id, info.code_hash, module_removed);
			Self::deposit_event(Event::CodeRemoved { code_id, code_hash: info.code_hash, module_removed });
			Ok(Some(Self::remove_code_weight(module_deposit)).into())
		}
	}
}

/// Length of a dispatchable's byte argument, for its weight.
fn len_of(bytes: &[u8]) -> u32 {
	u32::try_from(bytes.len()).unwrap_or(u32::MAX)
}

impl<T: Config> Pallet<T> {
	/// Largest module size `upload_code` may have to validate for `code`: its own length, or
	/// `max_contract_size` when it is gzip.
	fn upload_size_bound(code: &[u8]) -> u32 {
		if code::is_gzip(code) {
			Parameters::<T>::get().max_contract_size
		} else {
			len_of(code)
		}
	}

	/// Weight of `remove_code`; `module_deposit` when the removed module has a deposit of its own
	/// to release, on its holder's account: the benchmark's module has none, so that release (a
	/// hold and an account read and written, and their proof) is charged as a settlement.
	fn remove_code_weight(module_deposit: bool) -> Weight {
		costs::remove_code::<T>(module_deposit)
	}

	/// The call tree and gas meter of an outermost call with `gas_limit`.
	fn start_call(gas_limit: Weight, read_only: bool) -> Result<(Rc<CallTree<T>>, GasMeter), Error<T>> {
		let params = Parameters::<T>::get();
		ensure!(!gas_limit.any_gt(params.max_contract_gas), Error::<T>::GasLimitTooHigh);
		Ok((CallTree::new(params, read_only), GasMeter::new(gas_limit, costs::fuel_unit::<T>())))
	}

	/// Runs `f` with `gas_limit`, then settles its storage deposits with `origin` within
	/// `deposit_limit`, and reports `base` plus the gas used as the actual weight, whether `f`
	/// succeeds or not; a refused gas limit reports `base` alone.
	fn run_metered(
		base: Weight,
		gas_limit: Weight,
		origin: T::AccountId,
		deposit_limit: Option<BalanceOf<T>>,
		f: impl FnOnce(&Rc<CallTree<T>>, &mut GasMeter) -> Result<(), ExecError>,
	) -> DispatchResultWithPostInfo {
		let (tree, mut gas) = match Self::start_call(gas_limit, false) {
			Ok(started) => started,
			Err(error) => return Err(DispatchErrorWithPostInfo { post_info: Some(base).into(), error: error.into() }),
		};
		let result = Self::settled(&tree, &origin, deposit_limit, || f(&tree, &mut gas));
		if let Ok((_, _, unused)) = &result {
			gas.refund(*unused);
		}
		let base = base.saturating_sub(tree.read_in_block());
		let post_info = PostDispatchInfo::from(Some(base.saturating_add(gas.consumed())));
		match result {
			Ok(_) => Ok(post_info),
			Err(error) => Err(DispatchErrorWithPostInfo { post_info, error: error.error }),
		}
	}

	/// Runs `f` and settles the storage deposits it took with `origin`, in one storage
	/// transaction: when either fails, nothing is kept. Returns `f`'s output, the deposit, and
	/// the settlement weight to give back to the gas meter that was charged it: that of every
	/// storage whose changes moved no deposit.
	fn settled<R>(
		tree: &Rc<CallTree<T>>,
		origin: &T::AccountId,
		deposit_limit: Option<BalanceOf<T>>,
		f: impl FnOnce() -> Result<R, ExecError>,
	) -> Result<(R, wasm_contracts_primitives::StorageDeposit<BalanceOf<T>>, Weight), ExecError> {
		tree.transactional(|| {
			let output = f()?;
			let (deposit, unmoved) = Self::settle_deposits(origin, tree.take_deposits(), deposit_limit)?;
			Ok((output, deposit, costs::unmoved_settlements::<T>(unmoved)))
		})
	}

	fn check_msg(tree: &CallTree<T>, msg: &[u8]) -> Result<(), Error<T>> {
		ensure!(msg.len() <= tree.params().max_contract_msg_size as usize, Error::<T>::MsgTooLarge);
		Ok(())
	}

	#[allow(clippy::too_many_arguments)]
	fn do_instantiate(
		tree: &Rc<CallTree<T>>,
		gas: &mut GasMeter,
		creator: T::AccountId,
		code_id: CodeId,
		init_msg: Vec<u8>,
		admin: Option<T::AccountId>,
		value: BalanceOf<T>,
		salt: Option<Vec<u8>>,
	) -> Result<(T::AccountId, Vec<u8>), ExecError> {
		Self::check_msg(tree, &init_msg)?;
		let scheme = match salt {
			None => AddressScheme::Unsalted,
			Some(salt) if salt.is_empty() || salt.len() > limits::MAX_SALT_LEN as usize =>
				return Err(Error::<T>::SaltTooLong.into()),
			Some(salt) => AddressScheme::Salted(salt),
		};
		exec::instantiate::<T>(tree, gas, 1, creator, code_id, init_msg, admin, value, scheme)
	}

	fn do_execute(
		tree: &Rc<CallTree<T>>,
		gas: &mut GasMeter,
		caller: T::AccountId,
		contract: T::AccountId,
		entry_point: Vec<u8>,
		msg: Vec<u8>,
		value: BalanceOf<T>,
	) -> Result<Vec<u8>, ExecError> {
		Self::check_msg(tree, &msg)?;
		let entry = vm::entry_point_name::<T>(&entry_point)?;
		exec::call::<T>(tree, gas, 1, Some(caller), &contract, entry, msg, value)
	}

	fn do_migrate(
		tree: &Rc<CallTree<T>>,
		gas: &mut GasMeter,
		admin: T::AccountId,
		contract: T::AccountId,
		new_code_id: CodeId,
		msg: Vec<u8>,
	) -> Result<Vec<u8>, ExecError> {
		Self::check_msg(tree, &msg)?;
		exec::migrate::<T>(tree, gas, admin, &contract, new_code_id, msg)
	}

	fn set_admin(origin: T::AccountId, contract: T::AccountId, new_admin: Option<T::AccountId>) -> DispatchResult {
		ContractInfoOf::<T>::try_mutate(&contract, |info| {
			let info = info.as_mut().ok_or(Error::<T>::ContractNotFound)?;
			match &info.admin {
				None => Err(Error::<T>::NoAdmin),
				Some(admin) if *admin != origin => Err(Error::<T>::NotAdmin),
				Some(_) => {
					info.admin = new_admin.clone();
					Ok(())
				},
			}
		})?;
		Self::deposit_event(Event::AdminChanged { contract, admin: new_admin });
		Ok(())
	}
}
