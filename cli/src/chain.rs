//! The chain, through subxt's dynamic interface: the pallet's runtime API (dry runs, queries,
//! info), signed transactions and their events. Nothing here needs generated chain metadata; the
//! node's own metadata gives every type, so the tool works with any runtime that has the pallet.

use crate::{
	abi,
	error::{Failure, Kind, Outcome},
};
use scale_info::PortableRegistry;
use scale_value::{Composite, Primitive, Value, ValueDef};
use serde_json::json;
use subxt::{
	config::RpcConfigFor,
	error::OnlineClientAtBlockError,
	dynamic,
	rpcs::{methods::LegacyRpcMethods, RpcClient},
	transactions::TransactionStatus,
	utils::AccountId32,
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

/// The pallet's name in the runtime, and its runtime API.
const PALLET: &str = "WasmContracts";
const API: &str = "WasmContractsApi";
/// Times, 100 ms apart, that the client waits for the node's best block to reach its own
/// subscription of new blocks.
const BEST_BLOCK_WAITS: u32 = 30;

/// A connection to a node.
pub struct Chain {
	client: OnlineClient<PolkadotConfig>,
	rpc: LegacyRpcMethods<RpcConfigFor<PolkadotConfig>>,
	url: String,
}

/// How long to wait for a submitted transaction.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Wait {
	/// Until it is in a block of the best chain.
	InBlock,
	/// Until that block is finalized.
	Finalized,
}

/// A transaction that made it into a block.
pub struct Included {
	pub extrinsic_hash: String,
	pub block_hash: String,
	pub block_number: u64,
	/// Whether the block was final when the tool stopped waiting.
	pub finalized: bool,
	/// Its events, decoded.
	pub events: Vec<ChainEvent>,
}

/// One event, decoded through the chain's metadata.
#[derive(Clone, Debug)]
pub struct ChainEvent {
	pub pallet: String,
	pub name: String,
	pub fields: Value<u32>,
}

impl Chain {
	/// Connects to the node at `url`, and checks that its runtime has the pallet.
	pub async fn connect(url: &str) -> Outcome<Self> {
		let unreachable = |error: &dyn std::fmt::Display| Failure::new(Kind::Connection, format!("cannot reach a node at {url}: {error}"));
		let rpc = if url.starts_with("ws://") || url.starts_with("http://") {
			RpcClient::from_insecure_url(url).await
		} else {
			RpcClient::from_url(url).await
		}
		.map_err(|error| unreachable(&error))?;
		let client = OnlineClient::<PolkadotConfig>::from_rpc_client(rpc.clone()).await.map_err(|error| unreachable(&error))?;
		let chain = Self { client, rpc: LegacyRpcMethods::new(rpc), url: url.to_string() };
		let at = chain.at().await?;
		let metadata = at.metadata_ref();
		if metadata.pallet_by_name(PALLET).is_none() || metadata.runtime_api_trait_by_name(API).is_none() {
			return Err(Failure::new(Kind::NoPallet, format!("the chain at {url} has no wasm-contracts pallet ({PALLET})")))
		}
		Ok(chain)
	}

	/// The chain at its best block: what the next transaction builds on, so that a dry run sees
	/// what the commands before it did, finalized or not.
	async fn at(&self) -> Outcome<subxt::client::OnlineClientAtBlock<PolkadotConfig>> {
		let lost = |error: &dyn std::fmt::Display| Failure::new(Kind::Connection, format!("{}: {error}", self.url));
		let best = self
			.rpc
			.chain_get_block_hash(None)
			.await
			.map_err(|error| lost(&error))?
			.ok_or_else(|| lost(&"the node has no best block"))?;
		let mut waited = 0;
		loop {
			match self.client.at_block(best).await {
				// The client follows new blocks through its own subscription, which may learn of
				// the node's best block a moment after the node's RPC names it.
				Err(OnlineClientAtBlockError::BlockHeaderNotFound { .. }) if waited < BEST_BLOCK_WAITS => {
					waited += 1;
					tokio::time::sleep(std::time::Duration::from_millis(100)).await;
				},
				result => return result.map_err(|error| lost(&error)),
			}
		}
	}

	/// The chain's type registry.
	pub async fn types(&self) -> Outcome<PortableRegistry> {
		Ok(self.at().await?.metadata_ref().types().clone())
	}

	/// Calls `method` of the pallet's runtime API with `args`, and decodes what it returns.
	pub async fn api(&self, method: &str, args: Vec<Value>) -> Outcome<Value<u32>> {
		let at = self.at().await?;
		let metadata = at.metadata();
		let output_ty = metadata
			.runtime_api_trait_by_name(API)
			.and_then(|api| api.method_by_name(method).map(|method| method.output_ty()))
			.ok_or_else(|| Failure::new(Kind::NoPallet, format!("the chain's {API} has no `{method}`; is the runtime older than this tool?")))?;
		let payload = dynamic::runtime_api_call::<_, Value>(API, method, args);
		let runtime_apis = at.runtime_apis();
		let encoded = runtime_apis.encode_args(&payload).map_err(|error| Failure::new(Kind::BadArgument, error.to_string()))?;
		let bytes = runtime_apis
			.call_raw(&format!("{API}_{method}"), Some(&encoded))
			.await
			.map_err(|error| Failure::new(Kind::Connection, format!("{API}_{method}: {error}")))?;
		scale_value::scale::decode_as_type(&mut &bytes[..], output_ty, metadata.types())
			.map_err(|error| Failure::new(Kind::Undecodable, format!("{API}_{method} returned what the metadata does not describe: {error}")))
	}

	/// Signs `call` of the pallet with `signer` and runs it against the best block without
	/// keeping anything (the runtime's `BlockBuilder_apply_extrinsic`): `Ok` when it would succeed,
	/// the failure it would meet otherwise.
	pub async fn dry_run_transaction(&self, call: &str, args: Vec<Value>, signer: &Keypair) -> Outcome<()> {
		let at = self.at().await?;
		let payload = dynamic::transaction(PALLET, call, args);
		let transaction = at
			.tx()
			.create_signed(&payload, signer, immortal())
			.await
			.map_err(|error| transaction_failure(&error.to_string()))?;
		if at.block_number() == 0 {
			// The genesis state holds a placeholder for block 0's hash until block 1 begins, so
			// applying a transaction on it fails its genesis check: only the pool's validity check
			// (which begins a block first) can be run there.
			let validity = transaction.validate().await.map_err(|error| transaction_failure(&error.to_string()))?;
			if !validity.is_valid() {
				return Err(transaction_failure(&format!("{validity:?}")))
			}
			return Ok(())
		}
		let bytes = at
			.runtime_apis()
			.call_raw("BlockBuilder_apply_extrinsic", Some(transaction.encoded()))
			.await
			.map_err(|error| Failure::new(Kind::Connection, format!("BlockBuilder_apply_extrinsic: {error}")))?;
		let metadata = at.metadata();
		let output_ty = metadata
			.runtime_api_trait_by_name("BlockBuilder")
			.and_then(|api| api.method_by_name("apply_extrinsic").map(|method| method.output_ty()))
			.ok_or_else(|| Failure::new(Kind::NoPallet, "the chain's metadata has no BlockBuilder_apply_extrinsic"))?;
		let applied = scale_value::scale::decode_as_type(&mut &bytes[..], output_ty, metadata.types())
			.map_err(|error| Failure::new(Kind::Undecodable, format!("BlockBuilder_apply_extrinsic: {error}")))?;
		// `Result<Result<(), DispatchError>, TransactionValidityError>`
		match result_of(&applied) {
			Some(Ok(dispatched)) => match result_of(dispatched) {
				Some(Ok(_)) => Ok(()),
				Some(Err(error)) => Err(dispatch_failure(&describe_dispatch_error(error, &metadata), None)),
				None => Err(Failure::new(Kind::Undecodable, "BlockBuilder_apply_extrinsic: an unexpected result")),
			},
			Some(Err(invalid)) => Err(transaction_failure(&abi::to_text(invalid, metadata.types()))),
			None => Err(Failure::new(Kind::Undecodable, "BlockBuilder_apply_extrinsic: an unexpected result")),
		}
	}

	/// Signs `call` of the pallet with `signer`, submits it and waits for it as `wait` says;
	/// a call that fails in its block is a failure of the kind of its error.
	pub async fn submit(&self, call: &str, args: Vec<Value>, signer: &Keypair, wait: Wait) -> Outcome<Included> {
		let at = self.at().await?;
		let payload = dynamic::transaction(PALLET, call, args);
		let mut progress = at
			.tx()
			.sign_and_submit_then_watch(&payload, signer, immortal())
			.await
			.map_err(|error| transaction_failure(&error.to_string()))?;
		let extrinsic_hash = format!("{:?}", progress.extrinsic_hash());
		eprintln!("Submitted {extrinsic_hash}; waiting for {}", if wait == Wait::Finalized { "finality" } else { "a block" });
		while let Some(status) = progress.next().await {
			let status = status.map_err(|error| Failure::new(Kind::Connection, error.to_string()))?;
			let (in_block, finalized) = match status {
				TransactionStatus::InBestBlock(in_block) if wait == Wait::InBlock => (in_block, false),
				TransactionStatus::InFinalizedBlock(in_block) => (in_block, true),
				TransactionStatus::Invalid { message } | TransactionStatus::Dropped { message } | TransactionStatus::Error { message } =>
					return Err(transaction_failure(&message)),
				_ => continue,
			};
			let block_hash = format!("{:?}", in_block.block_hash());
			let block = in_block.at().await.map_err(|error| Failure::new(Kind::Connection, error.to_string()))?;
			let block_number = block.block_number();
			let extrinsic_events =
				in_block.fetch_events().await.map_err(|error| Failure::new(Kind::Connection, error.to_string()))?;
			let metadata = block.metadata();
			let mut events = Vec::new();
			for event in extrinsic_events.iter() {
				let event = event.map_err(|error| Failure::new(Kind::Undecodable, error.to_string()))?;
				let fields = decode_event_fields(&metadata, event.pallet_name(), event.event_index(), event.field_bytes())?;
				events.push(ChainEvent { pallet: event.pallet_name().to_string(), name: event.event_name().to_string(), fields });
			}
			if let Some(failed) = events.iter().find(|event| event.pallet == "System" && event.name == "ExtrinsicFailed") {
				let error = field(&failed.fields, "dispatch_error").unwrap_or(&failed.fields);
				let mut failure = dispatch_failure(&describe_dispatch_error(error, &metadata), None);
				failure.message = format!("{} (in block {block_number}, {block_hash})", failure.message);
				return Err(failure)
			}
			return Ok(Included { extrinsic_hash, block_hash, block_number, finalized, events })
		}
		Err(Failure::new(Kind::Connection, "the node stopped reporting on the transaction"))
	}

	/// The chain's metadata, for decoding dispatch errors.
	pub async fn metadata(&self) -> Outcome<subxt::metadata::ArcMetadata> {
		Ok(self.at().await?.metadata())
	}
}

/// Transaction parameters: no tip, the nonce from the best block's state, and no expiry. A
/// mortal transaction is anchored at a block that the pool must know as final; on a dev chain
/// that seals without finalizing, one anchored at the best block is refused as of an unknown
/// birth block. The tool waits for each transaction it sends, and the nonce keeps it from being
/// replayed.
fn immortal() -> <subxt::config::PolkadotExtrinsicParams<PolkadotConfig> as subxt::config::TransactionExtensions<PolkadotConfig>>::Params {
	subxt::config::PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new().immortal().build()
}

/// Decodes the fields of event number `index` of `pallet` from `bytes`, as a named composite.
fn decode_event_fields(metadata: &subxt::Metadata, pallet: &str, index: u8, bytes: &[u8]) -> Outcome<Value<u32>> {
	let variant = metadata
		.pallet_by_name(pallet)
		.and_then(|pallet| pallet.event_variant_by_index(index))
		.ok_or_else(|| Failure::new(Kind::Undecodable, format!("an event of {pallet} the metadata does not describe")))?;
	let mut input = bytes;
	let mut named = Vec::new();
	for (position, field) in variant.fields.iter().enumerate() {
		let value = scale_value::scale::decode_as_type(&mut input, field.ty.id, metadata.types())
			.map_err(|error| Failure::new(Kind::Undecodable, format!("{pallet}.{}: {error}", variant.name)))?;
		named.push((field.name.clone().unwrap_or_else(|| position.to_string()), value));
	}
	Ok(Value { value: ValueDef::Composite(Composite::Named(named)), context: 0 })
}

/// A dispatch error as `Pallet::Error` (with its docs), or the error's own text.
pub struct DispatchErrorText {
	/// `WasmContracts::ContractReverted`, `Balances::InsufficientBalance`, `BadOrigin`, ...
	pub name: String,
	pub docs: String,
}

/// Names the `DispatchError` in `error` through the chain's metadata.
pub fn describe_dispatch_error(error: &Value<u32>, metadata: &subxt::Metadata) -> DispatchErrorText {
	if let Some(("Module", fields)) = variant_of(error) {
		let module = fields.values().next();
		let index = module.and_then(|module| field(module, "index")).and_then(as_u128);
		let code = module.and_then(|module| field(module, "error")).and_then(as_bytes);
		if let (Some(index), Some(code)) = (index, code) {
			let pallet = u8::try_from(index).ok().and_then(|index| metadata.pallet_by_error_index(index));
			if let Some((pallet, variant)) =
				pallet.and_then(|pallet| code.first().and_then(|code| pallet.error_variant_by_index(*code)).map(|variant| (pallet, variant)))
			{
				return DispatchErrorText { name: format!("{}::{}", pallet.name(), variant.name), docs: variant.docs.join(" ") }
			}
		}
	}
	match variant_of(error) {
		// `Token(FundsUnavailable)`, `Arithmetic(Overflow)`, ...
		Some((outer, fields)) => match fields.values().next().and_then(variant_of) {
			Some((inner, _)) => DispatchErrorText { name: format!("{outer}::{inner}"), docs: String::new() },
			None => DispatchErrorText { name: outer.to_string(), docs: String::new() },
		},
		None => DispatchErrorText { name: abi::to_text(error, metadata.types()), docs: String::new() },
	}
}

/// The failure of a call that failed with `error`; `reverted` is the contract's decoded error, if
/// it reverted with one.
pub fn dispatch_failure(error: &DispatchErrorText, reverted: Option<String>) -> Failure {
	let kind = match error.name.as_str() {
		"WasmContracts::ContractReverted" => Kind::Reverted,
		"WasmContracts::OutOfGas" => Kind::OutOfGas,
		"WasmContracts::StorageDepositLimitExhausted" => Kind::DepositLimit,
		"WasmContracts::StorageDepositNotEnoughFunds" |
		"WasmContracts::TransferFailed" |
		"Balances::InsufficientBalance" |
		"Token::FundsUnavailable" |
		"Token::BelowMinimum" => Kind::CannotPay,
		_ => Kind::Dispatch,
	};
	let docs = if error.docs.is_empty() { String::new() } else { format!(" ({})", error.docs.trim_end_matches('.')) };
	let message = match reverted {
		Some(reverted) => format!("the contract reverted: {reverted}"),
		None => format!("the chain refused the call: {}{docs}", error.name),
	};
	Failure::new(kind, message)
}

/// The failure of a transaction the pool refused, or could not build.
fn transaction_failure(message: &str) -> Failure {
	let kind = if message.contains("Inability to pay") || message.contains("Payment") { Kind::CannotPay } else { Kind::Dispatch };
	let hint = if kind == Kind::CannotPay { ": the account cannot pay the fee" } else { "" };
	Failure::new(kind, format!("the transaction was refused{hint} ({message})"))
}

/// Parses an account: SS58, or 32 bytes of hex.
pub fn parse_account(text: &str) -> Outcome<AccountId32> {
	if let Some(hex) = text.strip_prefix("0x") {
		let bytes = hex::decode(hex).ok().and_then(|bytes| <[u8; 32]>::try_from(bytes).ok());
		return bytes.map(AccountId32).ok_or_else(|| Failure::new(Kind::BadArgument, format!("`{text}` is not 32 bytes of hex")))
	}
	text.parse().map_err(|_| Failure::new(Kind::BadArgument, format!("`{text}` is not an SS58 address nor 32 bytes of hex")))
}

/// An account as an argument of a call.
pub fn account_value(account: &AccountId32) -> Value {
	Value::from_bytes(account.0)
}

/// A weight as an argument.
pub fn weight_value(weight: Weight) -> Value {
	Value::named_composite([("ref_time", Value::u128(weight.ref_time.into())), ("proof_size", Value::u128(weight.proof_size.into()))])
}

/// `Some(value)` or `None` as an argument.
pub fn option_value(value: Option<Value>) -> Value {
	match value {
		Some(value) => Value::unnamed_variant("Some", [value]),
		None => Value::unnamed_variant("None", []),
	}
}

/// A weight: gas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Weight {
	pub ref_time: u64,
	pub proof_size: u64,
}

impl Weight {
	/// Reads a `Weight` value.
	pub fn of(value: &Value<u32>) -> Option<Self> {
		let part = |name| field(value, name).and_then(as_u128).and_then(|part| u64::try_from(part).ok());
		Some(Self { ref_time: part("ref_time")?, proof_size: part("proof_size")? })
	}

	/// Parses `REF_TIME` or `REF_TIME:PROOF_SIZE` (the proof size then defaults to `default_proof`).
	pub fn parse(text: &str, default_proof: u64) -> Outcome<Self> {
		let bad = || Failure::new(Kind::BadArgument, format!("`{text}` is not gas: REF_TIME or REF_TIME:PROOF_SIZE, in whole numbers"));
		let (ref_time, proof_size) = match text.split_once(':') {
			Some((ref_time, proof)) => (ref_time, proof.parse().map_err(|_| bad())?),
			None => (text, default_proof),
		};
		Ok(Self { ref_time: ref_time.parse().map_err(|_| bad())?, proof_size })
	}
}

impl std::fmt::Display for Weight {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		write!(f, "{}:{}", self.ref_time, self.proof_size)
	}
}

/// The named field `name` of a composite (or of a variant's fields).
pub fn field<'a>(value: &'a Value<u32>, name: &str) -> Option<&'a Value<u32>> {
	let fields = match &value.value {
		ValueDef::Composite(composite) => composite,
		ValueDef::Variant(variant) => &variant.values,
		_ => return None,
	};
	match fields {
		Composite::Named(fields) => fields.iter().find(|(field, _)| field == name).map(|(_, value)| value),
		Composite::Unnamed(_) => None,
	}
}

/// A variant's name and fields.
pub fn variant_of(value: &Value<u32>) -> Option<(&str, &Composite<u32>)> {
	match &value.value {
		ValueDef::Variant(variant) => Some((variant.name.as_str(), &variant.values)),
		_ => None,
	}
}

/// A `Result`'s `Ok` or `Err` value.
pub fn result_of(value: &Value<u32>) -> Option<Result<&Value<u32>, &Value<u32>>> {
	match variant_of(value)? {
		("Ok", fields) => fields.values().next().map(Ok),
		("Err", fields) => fields.values().next().map(Err),
		_ => None,
	}
}

/// An `Option`'s value.
pub fn option_of(value: &Value<u32>) -> Option<Option<&Value<u32>>> {
	match variant_of(value)? {
		("Some", fields) => Some(fields.values().next()),
		("None", _) => Some(None),
		_ => None,
	}
}

/// A number.
pub fn as_u128(value: &Value<u32>) -> Option<u128> {
	match &value.value {
		ValueDef::Primitive(Primitive::U128(number)) => Some(*number),
		ValueDef::Composite(Composite::Unnamed(values)) if values.len() == 1 => values.first().and_then(as_u128),
		_ => None,
	}
}

/// Bytes (a sequence or array of `u8`), through any single-field wrappers (`AccountId32`).
pub fn as_bytes(value: &Value<u32>) -> Option<Vec<u8>> {
	match &value.value {
		ValueDef::Composite(Composite::Unnamed(values)) => {
			if let [inner] = values.as_slice() {
				if let Some(bytes) = as_bytes(inner) {
					return Some(bytes)
				}
			}
			abi::bytes_of(values)
		},
		_ => None,
	}
}

/// An event as JSON; a contract's event (`ContractEmitted`) of a contract whose metadata is
/// given is decoded with it.
pub fn event_json(event: &ChainEvent, types: &PortableRegistry, contract: Option<&abi::Metadata>) -> serde_json::Value {
	let mut json = json!({ "pallet": event.pallet, "name": event.name, "fields": abi::to_json(&event.fields, types) });
	if let Some(decoded) = contract_event(event, contract) {
		json["decoded"] = decoded;
	}
	json
}

/// An event as one line of text.
pub fn event_text(event: &ChainEvent, types: &PortableRegistry, contract: Option<&abi::Metadata>) -> String {
	match contract_event(event, contract) {
		Some(decoded) => format!("{}::{} {} {}", event.pallet, event.name, decoded["topic"].as_str().unwrap_or(""), decoded["text"].as_str().unwrap_or("")),
		None => format!("{}::{} {}", event.pallet, event.name, abi::to_text(&event.fields, types)),
	}
}

/// `{ topic, data, text }` of a `ContractEmitted` that `contract`'s metadata describes.
fn contract_event(event: &ChainEvent, contract: Option<&abi::Metadata>) -> Option<serde_json::Value> {
	if event.pallet != PALLET || event.name != "ContractEmitted" {
		return None
	}
	let metadata = contract?;
	let topic = field(&event.fields, "topic").and_then(as_bytes)?;
	let data = field(&event.fields, "data").and_then(as_bytes)?;
	let described = metadata.event(&topic)?;
	let value = metadata.decode(described.data, &data).ok()?;
	Some(json!({
		"topic": String::from_utf8_lossy(&topic),
		"data": abi::to_json(&value, &metadata.types),
		"text": abi::to_text(&value, &metadata.types),
	}))
}

/// A keypair from a secret URI (`//Alice`, a mnemonic with derivations) or a polkadot.js JSON
/// keystore file with its password.
pub fn signer(suri: Option<&str>, keystore: Option<&std::path::Path>) -> Outcome<Keypair> {
	if let Some(path) = keystore {
		let json = std::fs::read_to_string(path).map_err(crate::error::io(path))?;
		let password = match std::env::var("WASM_CONTRACTS_KEYSTORE_PASSWORD") {
			Ok(password) => password,
			Err(_) => rpassword::prompt_password(format!("Password of {}: ", path.display()))
				.map_err(|error| Failure::new(Kind::Io, format!("reading the password: {error}")))?,
		};
		return subxt_signer::polkadot_js_compat::decrypt_json(&json, &password).map_err(|error| {
			Failure::new(Kind::BadArgument, format!("{}: not a polkadot.js sr25519 keystore, or the wrong password ({error})", path.display()))
		})
	}
	let suri = suri.unwrap_or("//Alice");
	let uri = suri
		.parse::<subxt_signer::SecretUri>()
		.map_err(|error| Failure::new(Kind::BadArgument, format!("`--suri`: not a secret URI ({error})")))?;
	Keypair::from_uri(&uri).map_err(|error| Failure::new(Kind::BadArgument, format!("`--suri`: {error}")))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn accounts_are_read_as_ss58_or_32_bytes_of_hex() {
		let alice = parse_account("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY").unwrap();
		assert_eq!(hex::encode(alice.0), "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
		assert_eq!(parse_account(&format!("0x{}", hex::encode(alice.0))).unwrap(), alice);
		assert_eq!(parse_account("0x1234").unwrap_err().kind, Kind::BadArgument);
		assert_eq!(parse_account("alice").unwrap_err().kind, Kind::BadArgument);
	}

	#[test]
	fn gas_is_ref_time_with_an_optional_proof_size() {
		assert_eq!(Weight::parse("1000", 64).unwrap(), Weight { ref_time: 1000, proof_size: 64 });
		assert_eq!(Weight::parse("1000:5", 64).unwrap(), Weight { ref_time: 1000, proof_size: 5 });
		for bad in ["", "1.5", "1000:", ":5", "-1"] {
			assert_eq!(Weight::parse(bad, 64).unwrap_err().kind, Kind::BadArgument, "{bad}");
		}
	}

	#[test]
	fn dispatch_errors_map_to_their_kinds() {
		let kind = |name: &str| dispatch_failure(&DispatchErrorText { name: name.into(), docs: String::new() }, None).kind;
		assert_eq!(kind("WasmContracts::ContractReverted"), Kind::Reverted);
		assert_eq!(kind("WasmContracts::OutOfGas"), Kind::OutOfGas);
		assert_eq!(kind("WasmContracts::StorageDepositLimitExhausted"), Kind::DepositLimit);
		assert_eq!(kind("Balances::InsufficientBalance"), Kind::CannotPay);
		assert_eq!(kind("Token::FundsUnavailable"), Kind::CannotPay);
		assert_eq!(kind("WasmContracts::NotAdmin"), Kind::Dispatch);
		let reverted = dispatch_failure(
			&DispatchErrorText { name: "WasmContracts::ContractReverted".into(), docs: String::new() },
			Some("ZeroStep".into()),
		);
		assert_eq!(reverted.message, "the contract reverted: ZeroStep");
	}

	#[test]
	fn a_refused_fee_is_a_payment_failure() {
		assert_eq!(transaction_failure("Invalid Transaction: Inability to pay some fees").kind, Kind::CannotPay);
		assert_eq!(transaction_failure("Transaction is outdated").kind, Kind::Dispatch);
	}

	#[test]
	fn values_are_read_through_their_wrappers() {
		let account = Value::unnamed_composite([Value::from_bytes([7u8; 32])]).map_context(|_| 0u32);
		assert_eq!(as_bytes(&account), Some(vec![7; 32]));
		let some = Value::unnamed_variant("Some", [Value::u128(5)]).map_context(|_| 0u32);
		assert_eq!(option_of(&some).flatten().and_then(as_u128), Some(5));
		let err = Value::unnamed_variant("Err", [Value::u128(1)]).map_context(|_| 0u32);
		assert!(matches!(result_of(&err), Some(Err(_))));
		let weight = Value::named_composite([("ref_time", Value::u128(3)), ("proof_size", Value::u128(4))]).map_context(|_| 0u32);
		assert_eq!(Weight::of(&weight), Some(Weight { ref_time: 3, proof_size: 4 }));
	}
}
