// The token contract from gzip code at a salted address: mint, transfer, query balances, and an
// overdraft that reverts with a decoded error and changes nothing.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { eventsOf, fields, freeBalance, parentOf, submit, theEvent, useChain } from '../lib/chain.js';
import {
  accountBytes, bytesArg, codeHash, errorDocsInSource, fixture, gzip, normalizeDocs, raw, readLe, saltedAddress, text, u64,
} from '../lib/contracts.js';
import { dryRunExecute, execute, executeTx, instantiate, query, uploadCode } from '@wasm-contracts/client';

describe('token contract', () => {
  const chain = useChain('token');
  let api, alice, bob;
  let token;

  // Message of `mint` and `transfer`: the recipient's 32 bytes, then a little-endian u64.
  const amountTo = (account, amount) => u8aConcat(accountBytes(account.address), u64(amount));

  const balanceOf = async (account) => {
    const result = await query(api, token, 'balance', accountBytes(account.address));
    assert.ok(result.result.isOk, `balance query failed: ${result.result.toString()}`);
    return readLe(result.result.asOk.data.toU8a(true));
  };

  before(async () => {
    ({ api, alice, bob } = chain);
  });

  it('instantiates gzip-uploaded code at the address predicted from the salt', async () => {
    const wasm = await fixture('token');
    const { codeId, codeSize } = await uploadCode(api, alice, gzip(wasm));
    assert.equal(codeSize, wasm.length);
    const salt = stringToU8a(`token-${Date.now()}`);
    const predicted = saltedAddress(codeHash(wasm), alice.address, salt, api.registry.chainSS58);

    const created = await instantiate(api, alice, codeId, { salt });
    token = created.contract;

    assert.equal(token, predicted);
    assert.ok(created.event.admin.isNone);
    assert.equal(await balanceOf(alice), 0n);
  });

  it('mints to Bob: the balance query and ContractEmitted show it', async () => {
    const outcome = await execute(api, alice, token, 'mint', amountTo(bob, 1_000n));

    const emitted = fields(theEvent(outcome, api.events.wasmContracts.ContractEmitted));
    assert.equal(emitted.contract.toString(), token);
    assert.equal(text(emitted.topic), 'mint');
    assert.equal(u8aToHex(raw(emitted.data)), u8aToHex(amountTo(bob, 1_000n)));
    assert.equal(await balanceOf(bob), 1_000n);
  });

  it('refuses to let anyone but the minter mint, with the contract\'s message', async () => {
    const dryRun = await dryRunExecute(api, bob.address, token, 'mint', amountTo(bob, 1n));

    assert.ok(dryRun.result.isErr);
    assert.equal(api.registry.findMetaError(dryRun.result.asErr.asModule).name, 'ContractReverted');
    assert.equal(text(dryRun.revertMessage.unwrap()), 'not the minter');
    assert.equal(dryRun.events.length, 0, 'a reverted call deposits no events');
  });

  it('transfers from Bob to Alice', async () => {
    const outcome = await execute(api, bob, token, 'transfer', amountTo(alice, 300n));

    const emitted = fields(theEvent(outcome, api.events.wasmContracts.ContractEmitted));
    assert.equal(text(emitted.topic), 'transfer');
    assert.equal(u8aToHex(raw(emitted.data)), u8aToHex(amountTo(alice, 300n)));
    const executed = fields(theEvent(outcome, api.events.wasmContracts.Executed));
    assert.equal(executed.caller.toString(), bob.address);
    assert.equal(text(executed.entryPoint), 'transfer');
    assert.equal(await balanceOf(bob), 700n);
    assert.equal(await balanceOf(alice), 300n);
  });

  it('reverts an overdraft with ContractReverted, keeps balances, and still charges the fee', async () => {
    const overdraft = amountTo(bob, 301n);
    const dryRun = await dryRunExecute(api, alice.address, token, 'transfer', overdraft);
    assert.equal(text(dryRun.revertMessage.unwrap()), 'insufficient balance');

    const outcome = await submit(api, executeTx(api, token, 'transfer', overdraft, dryRun.gasRequired), alice);

    assert.ok(outcome.error, 'the transfer fails');
    assert.equal(outcome.error.section, 'wasmContracts');
    assert.equal(outcome.error.name, 'ContractReverted');
    assert.equal(normalizeDocs(outcome.error.docs), errorDocsInSource('ContractReverted'));
    assert.equal(eventsOf(outcome, api.events.wasmContracts.ContractEmitted).length, 0);
    assert.equal(await balanceOf(alice), 300n);
    assert.equal(await balanceOf(bob), 700n);

    const fee = fields(theEvent(outcome, api.events.transactionPayment.TransactionFeePaid)).actualFee.toBigInt();
    assert.ok(fee > 0n);
    const spent = (await freeBalance(api, alice.address, await parentOf(api, outcome.blockHash))) -
      (await freeBalance(api, alice.address, outcome.blockHash));
    assert.equal(spent, fee);
  });

  it('reads a balance as raw storage under the account key', async () => {
    const result = await api.call.wasmContractsApi.getStorage(token, bytesArg(accountBytes(bob.address)));

    assert.ok(result.isOk);
    assert.equal(readLe(result.asOk.unwrap().toU8a(true)), 700n);
    const unknown = await api.call.wasmContractsApi.getStorage(alice.address, bytesArg(accountBytes(bob.address)));
    assert.ok(unknown.isErr);
    assert.equal(unknown.asErr.type, 'ContractNotFound');
  });
});
