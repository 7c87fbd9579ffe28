//! The commands that talk to a chain. Each state-changing command dry-runs first and stops there
//! unless `--execute` is given; gas and the storage deposit limit default to what the dry run
//! needed.

use crate::{
	abi::{self, EntryPoint, Metadata},
	chain::{self, option_value, weight_value, Chain, ChainEvent, Wait, Weight},
	error::{Failure, Kind, Outcome},
	report::Report,
};
use scale_info::PortableRegistry;
use scale_value::Value;
use serde_json::json;
use subxt::utils::AccountId32;
use subxt_signer::sr25519::Keypair;

/// What decides whether and how a call is submitted.
pub struct Submission {
	/// Submit (`-x`); otherwise only the dry run.
	pub execute: bool,
	pub wait: Wait,
	/// `--gas`, else the dry run's `gas_required`.
	pub gas: Option<Weight>,
	/// `--storage-deposit-limit`, else the dry run's charge.
	pub storage_deposit_limit: Option<u128>,
}

/// What a contract call's dry run reported (`ContractResult` of the runtime API).
struct DryRun {
	gas_required: Weight,
	/// Positive: a charge; negative: a refund.
	storage_deposit: i128,
	/// The output (`ExecReturnValue` or `InstantiateReturnValue`), or the failure.
	result: Result<Value<u32>, Failure>,
	events: Vec<ChainEvent>,
}

impl DryRun {
	/// Reads a `ContractResult`; a failed call's error names what the contract reverted with, in
	/// `entry`'s error type when it has one.
	fn read(value: &Value<u32>, chain_metadata: &subxt::Metadata, contract: &Metadata, entry: Option<&EntryPoint>) -> Outcome<Self> {
		let unexpected = || Failure::new(Kind::Undecodable, "the dry run returned a result this tool does not read");
		let gas_required = chain::field(value, "gas_required").and_then(Weight::of).ok_or_else(unexpected)?;
		let storage_deposit = match chain::field(value, "storage_deposit").and_then(chain::variant_of) {
			Some(("Charge", amount)) => amount.values().next().and_then(chain::as_u128).map(|amount| amount as i128),
			Some(("Refund", amount)) => amount.values().next().and_then(chain::as_u128).map(|amount| -(amount as i128)),
			_ => None,
		}
		.ok_or_else(unexpected)?;
		let events = chain::field(value, "events")
			.map(|events| match &events.value {
				scale_value::ValueDef::Composite(records) => records.values().filter_map(record_event).collect(),
				_ => Vec::new(),
			})
			.unwrap_or_default();
		let result = match chain::field(value, "result").and_then(chain::result_of).ok_or_else(unexpected)? {
			Ok(output) => Ok(output.clone()),
			Err(error) => {
				let error = chain::describe_dispatch_error(error, chain_metadata);
				let revert = chain::field(value, "revert_message").and_then(chain::option_of).flatten().and_then(chain::as_bytes);
				let reverted = revert.map(|bytes| describe_revert(&bytes, contract, entry));
				let mut failure = chain::dispatch_failure(&error, reverted);
				if failure.kind == Kind::OutOfGas {
					failure.message = format!("out of gas: the call needs {gas_required} (ref_time:proof_size)");
				}
				Err(failure)
			},
		};
		Ok(Self { gas_required, storage_deposit, result, events })
	}

	/// The call's output, or a copy of its failure.
	fn output(&self) -> Outcome<&Value<u32>> {
		self.result.as_ref().map_err(|failure| Failure::new(failure.kind, failure.message.clone()))
	}

	/// The gas to submit with: `--gas`, else what the dry run needed.
	fn gas(&self, submission: &Submission) -> Weight {
		submission.gas.unwrap_or(self.gas_required)
	}

	/// The storage deposit limit to submit with; a limit below the dry run's charge fails here,
	/// before anything is signed.
	fn deposit_limit(&self, submission: &Submission) -> Outcome<Option<u128>> {
		let charge = self.storage_deposit.max(0) as u128;
		match submission.storage_deposit_limit {
			Some(limit) if limit < charge => Err(Failure::new(
				Kind::DepositLimit,
				format!("the call takes a storage deposit of {charge}, above the limit of {limit} (--storage-deposit-limit)"),
			)),
			Some(limit) => Ok(Some(limit)),
			None => Ok(Some(charge)),
		}
	}
}

/// An `EventRecord`'s event, from a dry run.
fn record_event(record: &Value<u32>) -> Option<ChainEvent> {
	let (pallet, inner) = chain::variant_of(chain::field(record, "event")?)?;
	let (name, fields) = chain::variant_of(inner.values().next()?)?;
	Some(ChainEvent {
		pallet: pallet.to_string(),
		name: name.to_string(),
		fields: Value { value: scale_value::ValueDef::Composite(fields.clone()), context: 0 },
	})
}

/// What a contract reverted with: its error type's value, else the message as text.
fn describe_revert(bytes: &[u8], contract: &Metadata, entry: Option<&EntryPoint>) -> String {
	if let Some(error) = entry.and_then(|entry| entry.error) {
		if let Ok(value) = contract.decode(error, bytes) {
			return abi::to_text(&value, &contract.types)
		}
	}
	match std::str::from_utf8(bytes) {
		Ok(text) => format!("\"{text}\""),
		Err(_) => format!("0x{}", hex::encode(bytes)),
	}
}

/// The report of a dry run that was not submitted.
fn dry_run_report(what: &str, dry_run: &DryRun, output: serde_json::Value, output_text: String, types: &PortableRegistry, contract: &Metadata, gas: Weight) -> Report {
	let mut text = vec![
		format!("Dry run of {what}: nothing was executed (add -x to submit it)"),
		format!("Output:          {output_text}"),
		format!("Gas required:    {} (ref_time:proof_size)", dry_run.gas_required),
		format!("Storage deposit: {}", deposit_text(dry_run.storage_deposit)),
	];
	text.extend(dry_run.events.iter().map(|event| format!("Event:           {}", chain::event_text(event, types, Some(contract)))));
	Report {
		text,
		json: json!({
			"dry_run": true,
			"output": output,
			"gas_required": dry_run.gas_required,
			"gas": gas,
			"storage_deposit": dry_run.storage_deposit.to_string(),
			"events": dry_run.events.iter().map(|event| chain::event_json(event, types, Some(contract))).collect::<Vec<_>>(),
		}),
	}
}

fn deposit_text(deposit: i128) -> String {
	if deposit >= 0 {
		format!("{deposit} charged")
	} else {
		format!("{} refunded", -deposit)
	}
}

/// The report of a transaction in its block; `extra` lines and fields come first.
fn included_report(included: &chain::Included, types: &PortableRegistry, contract: Option<&Metadata>, extra: Vec<(String, String, serde_json::Value)>) -> Report {
	let mut text = vec![
		format!("Extrinsic:       {}", included.extrinsic_hash),
		format!(
			"Block:           #{} {}{}",
			included.block_number,
			included.block_hash,
			if included.finalized { " (finalized)" } else { "" }
		),
	];
	let mut json = json!({
		"dry_run": false,
		"extrinsic_hash": included.extrinsic_hash,
		"block_hash": included.block_hash,
		"block_number": included.block_number,
		"finalized": included.finalized,
		"events": included.events.iter().map(|event| chain::event_json(event, types, contract)).collect::<Vec<_>>(),
	});
	for (label, line, value) in extra {
		text.push(format!("{:<17}{line}", format!("{label}:")));
		json[label.to_lowercase().replace(' ', "_")] = value;
	}
	text.extend(included.events.iter().map(|event| format!("Event:           {}", chain::event_text(event, types, contract))));
	Report { text, json }
}

/// The field `name` of the first event `pallet::event` in `events`.
fn event_field<'a>(events: &'a [ChainEvent], event: &str, name: &str) -> Option<&'a Value<u32>> {
	events.iter().find(|candidate| candidate.pallet == "WasmContracts" && candidate.name == event).and_then(|event| chain::field(&event.fields, name))
}

/// `upload`: stores `code` (raw or gzip).
pub async fn upload(chain: &Chain, signer: &Keypair, code: Vec<u8>, submission: &Submission) -> Outcome<Report> {
	let code_hash = format!("0x{}", hex::encode(sp_crypto_hashing::blake2_256(&code)));
	let args = || vec![Value::from_bytes(&code), option_value(submission.storage_deposit_limit.map(Value::u128))];
	chain.dry_run_transaction("upload_code", args(), signer).await?;
	if !submission.execute {
		return Ok(Report {
			text: vec![
				"Dry run of upload_code: it would succeed; nothing was executed (add -x to submit it)".into(),
				format!("Module:          {} bytes, blake2-256 {code_hash}", code.len()),
			],
			json: json!({ "dry_run": true, "code_size": code.len(), "code_hash": code_hash }),
		})
	}
	let included = chain.submit("upload_code", args(), signer, submission.wait).await?;
	let code_id = event_field(&included.events, "CodeUploaded", "code_id").and_then(chain::as_u128);
	// The chain's hash, which is of the module after decompression when `code` is gzip.
	let code_hash = event_field(&included.events, "CodeUploaded", "code_hash")
		.and_then(chain::as_bytes)
		.map_or(code_hash, |hash| format!("0x{}", hex::encode(hash)));
	let types = chain.types().await?;
	Ok(included_report(&included, &types, None, vec![
		("Code id".into(), code_id.map(|id| id.to_string()).unwrap_or_default(), json!(code_id.map(|id| id as u64))),
		("Code hash".into(), code_hash.clone(), json!(code_hash)),
	]))
}

/// Options of `instantiate`.
pub struct Instantiation {
	pub code_id: u64,
	pub args: Vec<String>,
	pub value: u128,
	pub admin: Option<AccountId32>,
	pub salt: Option<Vec<u8>>,
}

/// `instantiate`: a new contract of `code_id`.
pub async fn instantiate(chain: &Chain, signer: &Keypair, contract: &Metadata, call: Instantiation, submission: &Submission) -> Outcome<Report> {
	let entry = contract.life_cycle("instantiate");
	let init_msg = match entry {
		Some(entry) => contract.encode(entry.message, &call.args)?,
		None if call.args.is_empty() => Vec::new(),
		None => return Err(Failure::new(Kind::BadArgument, format!("{} has no `instantiate` entry point, so it takes no arguments", contract.name))),
	};
	let origin = signer.public_key().to_account_id();
	let admin = || option_value(call.admin.as_ref().map(chain::account_value));
	let salt = || option_value(call.salt.as_ref().map(Value::from_bytes));
	let gas_arg = submission.gas.map(weight_value);
	let dry_run_value = chain
		.api("dry_run_instantiate", vec![
			chain::account_value(&origin),
			Value::u128(call.code_id.into()),
			Value::from_bytes(&init_msg),
			admin(),
			Value::u128(call.value),
			option_value(gas_arg),
			salt(),
		])
		.await?;
	let chain_metadata = chain.metadata().await?;
	let dry_run = DryRun::read(&dry_run_value, &chain_metadata, contract, entry)?;
	let output = dry_run.output()?;
	let address = chain::field(output, "contract").and_then(chain::as_bytes).map(|bytes| account_text(&bytes)).unwrap_or_default();
	let gas = dry_run.gas(submission);
	let deposit_limit = dry_run.deposit_limit(submission)?;
	let types = chain.types().await?;
	if !submission.execute {
		return Ok(dry_run_report("instantiate", &dry_run, json!({ "contract": address }), format!("contract {address}"), &types, contract, gas))
	}
	let included = chain
		.submit(
			"instantiate",
			vec![
				Value::u128(call.code_id.into()),
				Value::from_bytes(&init_msg),
				admin(),
				Value::u128(call.value),
				weight_value(gas),
				salt(),
				option_value(deposit_limit.map(Value::u128)),
			],
			signer,
			submission.wait,
		)
		.await?;
	let address = event_field(&included.events, "Instantiated", "contract")
		.and_then(chain::as_bytes)
		.map(|bytes| account_text(&bytes))
		.unwrap_or_default();
	Ok(included_report(&included, &types, Some(contract), vec![("Contract".into(), address.clone(), json!(address))]))
}

/// Options of `execute`.
pub struct Execution {
	pub contract: AccountId32,
	pub entry_point: String,
	pub args: Vec<String>,
	pub value: u128,
}

/// `execute`: runs an `execute` entry point.
pub async fn execute(chain: &Chain, signer: &Keypair, contract: &Metadata, call: Execution, submission: &Submission) -> Outcome<Report> {
	let entry = entry_of_kind(contract, &call.entry_point, "execute", "query")?;
	let msg = contract.encode(entry.message, &call.args)?;
	let origin = signer.public_key().to_account_id();
	let dry_run_value = chain
		.api("dry_run_execute", vec![
			chain::account_value(&origin),
			chain::account_value(&call.contract),
			Value::from_bytes(call.entry_point.as_bytes()),
			Value::from_bytes(&msg),
			Value::u128(call.value),
			option_value(submission.gas.map(weight_value)),
		])
		.await?;
	let chain_metadata = chain.metadata().await?;
	let dry_run = DryRun::read(&dry_run_value, &chain_metadata, contract, Some(entry))?;
	let output = dry_run.output()?;
	let data = chain::field(output, "data").and_then(chain::as_bytes).unwrap_or_default();
	let (output_json, output_text) = decoded_output(contract, entry, &data)?;
	let gas = dry_run.gas(submission);
	let deposit_limit = dry_run.deposit_limit(submission)?;
	let types = chain.types().await?;
	if !submission.execute {
		return Ok(dry_run_report(&call.entry_point, &dry_run, output_json, output_text, &types, contract, gas))
	}
	let included = chain
		.submit(
			"execute",
			vec![
				chain::account_value(&call.contract),
				Value::from_bytes(call.entry_point.as_bytes()),
				Value::from_bytes(&msg),
				Value::u128(call.value),
				weight_value(gas),
				option_value(deposit_limit.map(Value::u128)),
			],
			signer,
			submission.wait,
		)
		.await?;
	// The block's `Executed` event carries the output of the call as it ran.
	let data = event_field(&included.events, "Executed", "output")
		.and_then(chain::option_of)
		.flatten()
		.and_then(chain::as_bytes)
		.unwrap_or_default();
	let (output_json, output_text) = decoded_output(contract, entry, &data)?;
	Ok(included_report(&included, &types, Some(contract), vec![("Output".into(), output_text, output_json)]))
}

/// `query`: runs a `query` entry point read-only.
pub async fn query(chain: &Chain, contract: &Metadata, address: &AccountId32, entry_point: &str, args: &[String]) -> Outcome<Report> {
	let entry = entry_of_kind(contract, entry_point, "query", "execute")?;
	let msg = contract.encode(entry.message, args)?;
	let result = chain
		.api("query", vec![
			chain::account_value(address),
			Value::from_bytes(entry_point.as_bytes()),
			Value::from_bytes(&msg),
			option_value(None),
		])
		.await?;
	let chain_metadata = chain.metadata().await?;
	let dry_run = DryRun::read(&result, &chain_metadata, contract, Some(entry))?;
	let output = dry_run.result?;
	let data = chain::field(&output, "data").and_then(chain::as_bytes).unwrap_or_default();
	let (output_json, output_text) = decoded_output(contract, entry, &data)?;
	Ok(Report { text: vec![output_text], json: json!({ "output": output_json, "gas_consumed": dry_run.gas_required }) })
}

/// `info code` and `info contract`: what the chain records.
pub async fn info(chain: &Chain, method: &str, arg: Value, what: &str) -> Outcome<Report> {
	let info = chain.api(method, vec![arg]).await?;
	let types = chain.types().await?;
	match chain::option_of(&info) {
		Some(Some(info)) => Ok(Report { text: vec![abi::to_text(info, &types)], json: abi::to_json(info, &types) }),
		_ => Err(Failure::new(Kind::Dispatch, format!("the chain has no {what}"))),
	}
}

/// The entry point `name` of `kind`; naming one of `other_kind` says which command runs it.
fn entry_of_kind<'a>(contract: &'a Metadata, name: &str, kind: &str, other_kind: &str) -> Outcome<&'a EntryPoint> {
	contract.entry_point(name, &[kind]).map_err(|failure| {
		if contract.entry_point(name, &[other_kind]).is_ok() {
			Failure::new(Kind::UnknownEntryPoint, format!("`{name}` is a {other_kind} entry point: run it with `{other_kind}`"))
		} else {
			failure
		}
	})
}

/// An entry point's output, decoded (empty output of a `()` entry point is `()`).
fn decoded_output(contract: &Metadata, entry: &EntryPoint, data: &[u8]) -> Outcome<(serde_json::Value, String)> {
	let value = contract.decode(entry.output, data)?;
	Ok((abi::to_json(&value, &contract.types), abi::to_text(&value, &contract.types)))
}

/// An account as SS58 text.
fn account_text(bytes: &[u8]) -> String {
	<[u8; 32]>::try_from(bytes).map(|bytes| AccountId32(bytes).to_string()).unwrap_or_else(|_| format!("0x{}", hex::encode(bytes)))
}

/// `migrate`: moves a contract to `new_code_id`, running the new code's `migrate` entry point
/// (described by `contract`, the new code's metadata); only the admin may.
pub async fn migrate(
	chain: &Chain,
	signer: &Keypair,
	contract: &Metadata,
	address: &AccountId32,
	new_code_id: u64,
	args: &[String],
	submission: &Submission,
) -> Outcome<Report> {
	let entry = contract.life_cycle("migrate");
	let msg = match entry {
		Some(entry) => contract.encode(entry.message, args)?,
		None if args.is_empty() => Vec::new(),
		None => return Err(Failure::new(Kind::BadArgument, format!("{} has no `migrate` entry point, so it takes no arguments", contract.name))),
	};
	let origin = signer.public_key().to_account_id();
	let dry_run_value = chain
		.api("dry_run_migrate", vec![
			chain::account_value(&origin),
			chain::account_value(address),
			Value::u128(new_code_id.into()),
			Value::from_bytes(&msg),
			option_value(submission.gas.map(weight_value)),
		])
		.await?;
	let chain_metadata = chain.metadata().await?;
	let dry_run = DryRun::read(&dry_run_value, &chain_metadata, contract, entry)?;
	dry_run.output()?;
	let gas = dry_run.gas(submission);
	let deposit_limit = dry_run.deposit_limit(submission)?;
	let types = chain.types().await?;
	if !submission.execute {
		return Ok(dry_run_report("migrate", &dry_run, json!(null), format!("to code id {new_code_id}"), &types, contract, gas))
	}
	let included = chain
		.submit(
			"migrate",
			vec![
				chain::account_value(address),
				Value::u128(new_code_id.into()),
				Value::from_bytes(&msg),
				weight_value(gas),
				option_value(deposit_limit.map(Value::u128)),
			],
			signer,
			submission.wait,
		)
		.await?;
	Ok(included_report(&included, &types, Some(contract), vec![("Code id".into(), new_code_id.to_string(), json!(new_code_id))]))
}

/// A call of the pallet with no contract code to run (`update_admin`, `clear_admin`,
/// `remove_code`): dry-run through the runtime, then submitted with `-x`.
pub async fn plain_call(chain: &Chain, signer: &Keypair, call: &str, args: Vec<Value>, submission: &Submission) -> Outcome<Report> {
	chain.dry_run_transaction(call, args.clone(), signer).await?;
	if !submission.execute {
		return Ok(Report {
			text: vec![format!("Dry run of {call}: it would succeed; nothing was executed (add -x to submit it)")],
			json: json!({ "dry_run": true }),
		})
	}
	let included = chain.submit(call, args, signer, submission.wait).await?;
	let types = chain.types().await?;
	Ok(included_report(&included, &types, None, Vec::new()))
}

/// Options of `deploy`.
pub struct Deploy {
	/// The payment module (empty: the standard payment of `payment_amount`).
	pub payment: Vec<u8>,
	pub session: Vec<u8>,
	pub payment_amount: u128,
}

/// `deploy`: a payment module, then a session module, both with the signer's account.
pub async fn deploy(chain: &Chain, signer: &Keypair, call: Deploy, submission: &Submission) -> Outcome<Report> {
	let origin = signer.public_key().to_account_id();
	let result = chain
		.api("dry_run_deploy", vec![
			chain::account_value(&origin),
			Value::from_bytes(&call.payment),
			Value::from_bytes(&call.session),
			Value::u128(call.payment_amount),
			option_value(submission.gas.map(weight_value)),
		])
		.await?;
	let metadata = chain.metadata().await?;
	let unexpected = || Failure::new(Kind::Undecodable, "the deploy's dry run returned a result this tool does not read");
	let failed = |field: &str| -> Outcome<Option<Failure>> {
		match chain::field(&result, field).and_then(chain::result_of).ok_or_else(unexpected)? {
			Ok(_) => Ok(None),
			Err(error) => {
				let revert = chain::field(&result, "revert_message").and_then(chain::option_of).flatten().and_then(chain::as_bytes);
				let reverted = revert.map(|bytes| String::from_utf8(bytes.clone()).unwrap_or_else(|_| format!("0x{}", hex::encode(bytes))));
				Ok(Some(chain::dispatch_failure(&chain::describe_dispatch_error(error, &metadata), reverted)))
			},
		}
	};
	if let Some(failure) = failed("result")? {
		return Err(failure)
	}
	if let Some(failure) = failed("session_result")? {
		return Err(Failure::new(failure.kind, format!("the session failed: {}", failure.message)))
	}
	let session_gas = chain::field(&result, "session_gas_consumed").and_then(Weight::of).ok_or_else(unexpected)?;
	// The session's peak, not what it used: a storage write reserves more than it keeps.
	let session_gas_required = chain::field(&result, "session_gas_required").and_then(Weight::of).ok_or_else(unexpected)?;
	let gas = submission.gas.unwrap_or(session_gas_required);
	let types = chain.types().await?;
	if !submission.execute {
		let amount = |name| chain::field(&result, name).and_then(chain::as_u128).unwrap_or_default();
		return Ok(Report {
			text: vec![
				"Dry run of deploy: nothing was executed (add -x to submit it)".into(),
				format!("Paid {}, used {}, refunded {}", amount("paid"), amount("used"), amount("refunded")),
				format!("Session gas:     {session_gas} used, {session_gas_required} required"),
			],
			json: json!({
				"dry_run": true,
				"paid": amount("paid").to_string(),
				"used": amount("used").to_string(),
				"refunded": amount("refunded").to_string(),
				"session_gas": session_gas,
				"session_gas_required": session_gas_required,
				"result": abi::to_json(&result, &types),
			}),
		})
	}
	let included = chain
		.submit(
			"deploy",
			vec![
				Value::from_bytes(&call.payment),
				Value::from_bytes(&call.session),
				Value::u128(call.payment_amount),
				weight_value(gas),
				option_value(submission.storage_deposit_limit.map(Value::u128)),
			],
			signer,
			submission.wait,
		)
		.await?;
	// The deploy is in its block whatever its session did; a session that failed is the
	// command's failure, though the payment stands.
	if let Some(error) = event_field(&included.events, "Deployed", "session_result").and_then(chain::result_of).and_then(Result::err) {
		let failure = chain::dispatch_failure(&chain::describe_dispatch_error(error, &metadata), None);
		return Err(Failure::new(
			failure.kind,
			format!("the session failed, its changes undone, the payment kept (in block {}, {}): {}", included.block_number, included.block_hash, failure.message),
		))
	}
	Ok(included_report(&included, &types, None, Vec::new()))
}

/// `history`: a page of a contract's code history.
pub async fn history(chain: &Chain, address: &AccountId32, start: u32, limit: u32) -> Outcome<Report> {
	let entries = chain
		.api("contract_history", vec![chain::account_value(address), Value::u128(start.into()), Value::u128(limit.into())])
		.await?;
	let types = chain.types().await?;
	let entries: Vec<&Value<u32>> = match &entries.value {
		scale_value::ValueDef::Composite(entries) => entries.values().collect(),
		_ => Vec::new(),
	};
	Ok(Report {
		text: entries.iter().map(|entry| abi::to_text(entry, &types)).collect(),
		json: serde_json::Value::Array(entries.iter().map(|entry| abi::to_json(entry, &types)).collect()),
	})
}

/// `storage`: the raw value under `key` in a contract's storage, decoded as `as_type` (a type
/// the contract's metadata names) when asked.
pub async fn storage(chain: &Chain, address: &AccountId32, key: &[u8], typed: Option<(&Metadata, &str)>) -> Outcome<Report> {
	let read = chain.api("get_storage", vec![chain::account_value(address), Value::from_bytes(key)]).await?;
	let types = chain.types().await?;
	let value = match chain::result_of(&read) {
		Some(Ok(value)) => chain::option_of(value).flatten().and_then(chain::as_bytes),
		Some(Err(error)) => return Err(Failure::new(Kind::Dispatch, format!("the chain cannot read it: {}", abi::to_text(error, &types)))),
		None => return Err(Failure::new(Kind::Undecodable, "get_storage returned a result this tool does not read")),
	};
	let Some(bytes) = value else {
		return Ok(Report { text: vec!["(nothing stored)".into()], json: json!({ "value": null }) })
	};
	let raw = format!("0x{}", hex::encode(&bytes));
	match typed {
		None => Ok(Report { text: vec![raw.clone()], json: json!({ "value": raw }) }),
		Some((metadata, type_name)) => {
			let type_id = metadata.type_named(type_name)?;
			let decoded = metadata.decode(type_id, &bytes)?;
			Ok(Report { text: vec![abi::to_text(&decoded, &metadata.types)], json: json!({ "value": raw, "decoded": abi::to_json(&decoded, &metadata.types) }) })
		},
	}
}

/// `verify`: whether the module built from source is the code of `code_id` on chain.
pub async fn verify(chain: &Chain, code_id: u64, built_hash: &str) -> Outcome<Report> {
	let info = chain.api("code_info", vec![Value::u128(code_id.into())]).await?;
	let info = chain::option_of(&info).flatten().ok_or_else(|| Failure::new(Kind::Dispatch, format!("the chain has no code id {code_id}")))?;
	let on_chain = chain::field(info, "code_hash")
		.and_then(chain::as_bytes)
		.map(|hash| format!("0x{}", hex::encode(hash)))
		.ok_or_else(|| Failure::new(Kind::Undecodable, "code_info returned a result this tool does not read"))?;
	if on_chain != built_hash {
		return Err(Failure::new(
			Kind::Mismatch,
			format!("code id {code_id} runs {on_chain}, but the source builds {built_hash}: not the same code"),
		))
	}
	Ok(Report {
		text: vec![format!("Verified: code id {code_id} is the module this source builds ({built_hash})")],
		json: json!({ "verified": true, "code_id": code_id, "code_hash": built_hash }),
	})
}
