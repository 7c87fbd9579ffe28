// Deploys: a payment module pays, a session module creates and calls a counter and writes the
// account's own variables; a payment that never pays, or loops past its loan, is charged as a fee
// and changes nothing; a session out of gas is undone while the payment stands; two contracts
// created by one session get distinct, predictable addresses.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, encodeAddress } from '@polkadot/util-crypto';
import { eventsOf, freeBalance, heldChangeIn, parentOf, submit, submitOk, theEvent, useChain } from '../lib/chain.js';
import { accountBytes, bytesArg, fixture, readLe, u64, watToWasm } from '../lib/contracts.js';
import { storageValue, uploadCode } from '@wasm-contracts/client';

const FIXTURES = new URL('../../pallets/wasm-contracts/fixtures/', import.meta.url);

/** Little-endian u128 as a WAT data string. */
function u128Data(value) {
  let bytes = '';
  for (let i = 0n; i < 16n; i += 1n) bytes += `\\${((value >> (8n * i)) & 0xffn).toString(16).padStart(2, '0')}`;
  return bytes;
}

/** A payment module that pays `amount` and records "payment" in the account's variables. */
function paymentModule(amount) {
  return watToWasm(`(module
    (import "env" "pay" (func $pay (param i32) (result i32)))
    (import "env" "storage_write" (func $storage_write (param i32 i32 i32 i32) (result i32)))
    (memory (export "memory") 1)
    (data (i32.const 0) "${u128Data(amount)}")
    (data (i32.const 32) "payment")
    (func (export "call")
      (if (i32.ne (call $pay (i32.const 0)) (i32.const 0)) (then unreachable))
      (drop (call $storage_write (i32.const 32) (i32.const 7) (i32.const 32) (i32.const 7)))))`);
}

/** A session fixture that instantiates code id 1, compiled to instantiate `codeId` instead. */
function sessionModule(codeId, name = 'deploy_session_counter') {
  const source = readFileSync(new URL(`${name}.wat`, FIXTURES), 'utf8');
  const instantiateCode1 = '(call $instantiate_contract (i64.const 1)';
  assert.ok(source.includes(instantiateCode1), `the session fixture ${name} instantiates code id 1`);
  const withCodeId = source.replaceAll(instantiateCode1, `(call $instantiate_contract (i64.const ${codeId})`);
  return watToWasm(withCodeId, `${name}.wat`);
}

/** What `signer` lost in the block of `outcome`. */
async function spentIn(api, signer, outcome) {
  return (await freeBalance(api, signer.address, await parentOf(api, outcome.blockHash))) -
    (await freeBalance(api, signer.address, outcome.blockHash));
}

/** Address of the `counter`-th contract created by a deploy of `account` at `nonce`. */
function deployAddress(account, nonce, counter, ss58Format) {
  const counterBytes = new Uint8Array(4);
  new DataView(counterBytes.buffer).setUint32(0, counter, true);
  const preimage = u8aConcat(stringToU8a('wasm-contracts:deploy'), accountBytes(account), u64(nonce), counterBytes);
  return encodeAddress(blake2AsU8a(preimage, 256), ss58Format);
}

/** The account's persistent variable `key`, or null. */
async function accountVariable(api, account, key) {
  const result = await api.call.wasmContractsApi.getAccountVariable(account, bytesArg(key));
  assert.ok(result.isOk, `getAccountVariable: ${result.toString()}`);
  return result.asOk.isSome ? result.asOk.unwrap().toU8a(true) : null;
}

describe('deploys', () => {
  const chain = useChain('deploy');
  let api, alice, bob;
  let session, payment, paymentAmount, counterCode;

  before(async () => {
    ({ api, alice, bob } = chain);
    counterCode = (await uploadCode(api, alice, await fixture('counter'))).codeId;
    session = await sessionModule(counterCode);
    // Ten tokens: far more than the deploy costs, so most of it comes back.
    paymentAmount = 10n * 10n ** BigInt(api.registry.chainDecimals[0]);
    payment = await paymentModule(paymentAmount);
  });

  it('pays, runs the session on what was paid, and refunds the rest', async () => {
    const { maxContractGas } = await api.query.wasmContracts.parameters();
    const dryRun = await api.call.wasmContractsApi.dryRunDeploy(alice.address, bytesArg(payment), bytesArg(session), 0n, null);
    assert.ok(dryRun.result.isOk, `dry run: ${dryRun.result.toString()}`);
    assert.ok(dryRun.sessionResult.isOk, `dry run session: ${dryRun.sessionResult.toString()}`);

    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const outcome = await submitOk(api, api.tx.wasmContracts.deploy(bytesArg(payment), bytesArg(session), 0n, maxContractGas, null), alice);
    const deployed = theEvent(outcome, api.events.wasmContracts.Deployed).data;
    const [paid, used, refunded] = [deployed.paid, deployed.used, deployed.refunded].map((v) => v.toBigInt());

    assert.equal(deployed.account.toString(), alice.address);
    assert.ok(deployed.sessionResult.isOk, `session: ${deployed.sessionResult.toString()}`);
    assert.equal(paid, paymentAmount);
    assert.equal(paid, used + refunded);
    assert.ok(refunded > 0n && used > 0n);
    assert.equal(used, dryRun.used.toBigInt(), 'the dry run predicted the cost');

    // The session created the counter at the deploy address (the account's nonce at dispatch,
    // after this extrinsic's increment, and the deploy's first contract) and incremented it.
    const counter = deployAddress(alice.address, nonce + 1, 0, api.registry.chainSS58);
    assert.equal(u8aToHex(await accountVariable(api, alice.address, 'counter')), u8aToHex(accountBytes(counter)));
    assert.equal(readLe(await accountVariable(api, alice.address, 'count')), 1n);
    assert.equal(readLe(await storageValue(api, counter, 'counter')), 1n);
    assert.equal(new TextDecoder().decode(await accountVariable(api, alice.address, 'payment')), 'payment');

    // A deploy that pays is fee-less: Alice lost what it used, the new contract's existential
    // deposit and the storage deposit the dry run reported (the counter's, and her variables'),
    // and the fee destination gained what it used.
    const fee = theEvent(outcome, api.events.transactionPayment.TransactionFeePaid).data.actualFee.toBigInt();
    assert.equal(fee, 0n);
    assert.ok(dryRun.storageDeposit.isCharge && dryRun.storageDeposit.asCharge.toBigInt() > 0n);
    const existentialDeposit = api.consts.balances.existentialDeposit.toBigInt();
    const spent = (await freeBalance(api, alice.address, await parentOf(api, outcome.blockHash))) -
      (await freeBalance(api, alice.address, outcome.blockHash));
    assert.equal(spent, used + existentialDeposit + dryRun.storageDeposit.asCharge.toBigInt());
  });

  it('charges a payment that never pays as a fee and keeps none of its changes', async () => {
    const noPay = await fixture('deploy_pay_nothing');
    const { maxContractGas } = await api.query.wasmContracts.parameters();
    const before = await accountVariable(api, bob.address, 'payment');
    const outcome = await submit(api, api.tx.wasmContracts.deploy(bytesArg(noPay), bytesArg(session), 0n, maxContractGas, null), bob);

    assert.ok(outcome.error, 'the deploy fails');
    assert.equal(outcome.error.name, 'PaymentNotMade');
    assert.match(outcome.error.docs, /without calling `pay`/);
    assert.equal(eventsOf(outcome, api.events.wasmContracts.Deployed).length, 0);
    assert.equal(before, null);
    assert.equal(await accountVariable(api, bob.address, 'payment'), null, 'the payment module was undone');

    const fee = theEvent(outcome, api.events.transactionPayment.TransactionFeePaid).data.actualFee.toBigInt();
    const spent = (await freeBalance(api, bob.address, await parentOf(api, outcome.blockHash))) -
      (await freeBalance(api, bob.address, outcome.blockHash));
    assert.ok(fee > 0n, 'the signer is charged for what the payment ran');
    assert.equal(spent, fee);
  });

  it('charges a payment that loops past its loan as a fee and undoes it', async () => {
    const looping = await fixture('deploy_pay_then_loop');
    const { maxContractGas } = await api.query.wasmContracts.parameters();
    const tx = api.tx.wasmContracts.deploy(bytesArg(looping), bytesArg(session), 0n, maxContractGas, null);
    const outcome = await submit(api, tx, bob);

    assert.equal(outcome.error?.name, 'PaymentLoanExceeded');
    assert.equal(eventsOf(outcome, api.events.wasmContracts.Deployed).length, 0);
    const fee = theEvent(outcome, api.events.transactionPayment.TransactionFeePaid).data.actualFee.toBigInt();
    assert.ok(fee > 0n);
    assert.equal(await spentIn(api, bob, outcome), fee, 'what the payment paid before looping was undone');
  });

  it('undoes a session that runs out of gas, keeps the payment and refunds the rest', async () => {
    const looping = await fixture('deploy_session_loop');
    const sessionGasLimit = { refTime: 20_000_000_000n, proofSize: 1_000_000n };
    const tx = api.tx.wasmContracts.deploy(bytesArg(payment), bytesArg(looping), 0n, sessionGasLimit, null);
    const outcome = await submitOk(api, tx, alice);
    const deployed = theEvent(outcome, api.events.wasmContracts.Deployed).data;
    const [paid, used, refunded] = [deployed.paid, deployed.used, deployed.refunded].map((v) => v.toBigInt());

    assert.ok(deployed.sessionResult.isErr, 'the session failed');
    assert.equal(api.registry.findMetaError(deployed.sessionResult.asErr.asModule).name, 'OutOfGas');
    assert.equal(deployed.sessionGas.refTime.toBigInt(), sessionGasLimit.refTime, 'the session used its whole limit');
    assert.equal(await accountVariable(api, alice.address, 'session'), null, 'the session was undone');
    assert.equal(paid, paymentAmount);
    assert.equal(paid, used + refunded);
    assert.ok(refunded > 0n);
    // Besides `used`, Alice holds what the payment phase added to her variables, if anything.
    const variables = await heldChangeIn(api, alice.address, 'AccountVariables', outcome);
    assert.equal(await spentIn(api, alice, outcome), used + variables, 'paid = used + refunded, and no fee');
  });

  it('gives two contracts created by one session distinct, predictable addresses', async () => {
    const twoContracts = await sessionModule(counterCode, 'deploy_session_two_contracts');
    const { maxContractGas } = await api.query.wasmContracts.parameters();
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const tx = api.tx.wasmContracts.deploy(bytesArg(payment), bytesArg(twoContracts), 0n, maxContractGas, null);
    const outcome = await submitOk(api, tx, alice);
    assert.ok(theEvent(outcome, api.events.wasmContracts.Deployed).data.sessionResult.isOk);

    const ss58 = api.registry.chainSS58;
    const [first, second] = [0, 1].map((counter) => deployAddress(alice.address, nonce + 1, counter, ss58));
    assert.notEqual(first, second);
    assert.equal(u8aToHex(await accountVariable(api, alice.address, 'first')), u8aToHex(accountBytes(first)));
    assert.equal(u8aToHex(await accountVariable(api, alice.address, 'second')), u8aToHex(accountBytes(second)));
    for (const contract of [first, second]) {
      assert.ok((await api.call.wasmContractsApi.contractInfo(contract)).isSome, `${contract} is a contract`);
    }
  });
});
