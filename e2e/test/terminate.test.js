// A contract that ends itself: its balance and storage deposit to a beneficiary, its
// instantiation deposit back to whoever paid it, its address freed, its storage removed by the
// chain afterwards, and its code removable once nothing runs it.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { decodeAddress } from '@polkadot/util-crypto';
import { fields, freeBalance, heldFor, submit, submitOk, theEvent, useChain } from '../lib/chain.js';
import { errorDocsInSource, fixture, normalizeDocs } from '../lib/contracts.js';
import { execute, executeTx, instantiate, storageValue, uploadCode } from '@wasm-contracts/client';

describe('terminating a contract', () => {
  const chain = useChain('terminate');
  let api, alice, bob, codeId, contract;

  before(async () => {
    ({ api, alice, bob } = chain);
    codeId = (await uploadCode(api, alice, await fixture('terminator'))).codeId;
    const value = 5n * 10n ** BigInt(api.registry.chainDecimals[0]);
    ({ contract } = await instantiate(api, alice, codeId, { value }));
    await execute(api, alice, contract, 'store', new TextEncoder().encode('kept until termination'));
  });

  it('shows the deposits held for the contract, under the pallet\'s reasons', async () => {
    const deposit = (await api.query.wasmContracts.instantiationDeposits(contract)).unwrap();
    assert.equal(deposit.depositor.toString(), alice.address);
    assert.ok(deposit.amount.toBigInt() > 0n);
    assert.ok(await heldFor(api, alice.address, 'ContractInstantiation') >= deposit.amount.toBigInt(), 'Alice holds the contract\'s deposit');
    const storage = await heldFor(api, contract, 'ContractStorage');
    assert.ok(storage > 0n, 'the contract holds the deposit of the value Alice stored');
    const account = await api.query.system.account(contract);
    assert.equal(account.data.reserved.toBigInt(), storage, 'held balance is reserved balance');
  });

  it('refuses to remove code that a contract runs', async () => {
    const outcome = await submit(api, api.tx.wasmContracts.removeCode(codeId), alice);
    assert.equal(outcome.error?.name, 'CodeInUse');
    assert.equal(outcome.error.docs, normalizeDocs(errorDocsInSource('CodeInUse')));
  });

  it('sends the balance and storage deposit to the beneficiary, releases the instantiation deposit, and frees the address', async () => {
    const free = await freeBalance(api, contract);
    const storage = await heldFor(api, contract, 'ContractStorage');
    const instantiation = (await api.query.wasmContracts.instantiationDeposits(contract)).unwrap().amount.toBigInt();
    const aliceHeld = await heldFor(api, alice.address, 'ContractInstantiation');
    const bobBefore = await freeBalance(api, bob.address);
    const outcome = await execute(api, alice, contract, 'terminate', decodeAddress(bob.address));
    const terminated = fields(theEvent(outcome, api.events.wasmContracts.Terminated));
    assert.equal(terminated.contract.toString(), contract);
    assert.equal(terminated.beneficiary.toString(), bob.address);
    assert.equal(await freeBalance(api, bob.address), bobBefore + free + storage, 'Bob got the balance and the storage deposit');
    assert.equal(await freeBalance(api, contract), 0n);
    assert.equal(await heldFor(api, contract, 'ContractStorage'), 0n);
    assert.equal(await heldFor(api, alice.address, 'ContractInstantiation'), aliceHeld - instantiation, 'Alice\'s deposit is released');
    assert.ok((await api.query.wasmContracts.instantiationDeposits(contract)).isNone);
    assert.ok((await api.call.wasmContractsApi.contractInfo(contract)).isNone);

    const again = await submit(api, executeTx(api, contract, 'store', new Uint8Array([1]), { refTime: 10n ** 10n, proofSize: 10n ** 6n }), alice);
    assert.equal(again.error?.name, 'ContractNotFound');
  });

  it('removes the storage in the blocks that follow, and the code once nothing runs it', async () => {
    await assert.rejects(storageValue(api, contract, 'key'), /ContractNotFound/);
    // The next block's idle time removes what the contract left.
    const removed = await submitOk(api, api.tx.wasmContracts.removeCode(codeId), alice);
    const event = fields(theEvent(removed, api.events.wasmContracts.CodeRemoved));
    assert.equal(event.codeId.toBigInt(), codeId);
    assert.ok(event.moduleRemoved.isTrue, 'the module had no other code id');
    assert.ok((await api.call.wasmContractsApi.codeInfo(codeId)).isNone);
    const queued = await api.query.wasmContracts.deletionQueue.entries();
    assert.equal(queued.length, 0, 'the deletion queue is empty');
    const bounds = await api.query.wasmContracts.deletionQueueBounds();
    assert.ok(bounds.head.toBigInt() >= 1n, 'the terminated contract went through the queue');
  });
});
