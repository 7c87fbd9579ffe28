// The counter contract's life: instantiate with funds and an admin, execute, read state,
// fail with a decoded error, migrate to counter_v2, hand over and clear the admin.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { contractParams, eventsOf, fields, freeBalance, heldChangeIn, parentOf, submit, submitOk, theEvent, useChain } from '../lib/chain.js';
import { bytesArg, errorDocsInSource, fixture, instanceAddress, normalizeDocs, readLe, text } from '../lib/contracts.js';
import { dryRunExecute, execute, executeTx, instantiate, query, storageValue, uploadCode } from '@wasm-contracts/client';

describe('counter contract', () => {
  const chain = useChain('counter');
  let api, alice, bob;
  let counterV1, counterV2, contract;

  const counterValue = async () => {
    const stored = await storageValue(api, contract, 'counter');
    return stored === null ? null : readLe(stored);
  };

  before(async () => {
    ({ api, alice, bob } = chain);
    counterV1 = (await uploadCode(api, alice, await fixture('counter'))).codeId;
    counterV2 = (await uploadCode(api, alice, await fixture('counter_v2'))).codeId;
  });

  it('instantiates with funds and Bob as admin at the predicted address', async () => {
    const existentialDeposit = api.consts.balances.existentialDeposit.toBigInt();
    const value = 10n ** BigInt(api.registry.chainDecimals[0]); // one token
    const counter = (await api.query.wasmContracts.instanceCounter()).toBigInt();
    const predicted = instanceAddress(counterV1, counter, api.registry.chainSS58);

    const created = await instantiate(api, alice, counterV1, { admin: bob.address, value });
    contract = created.contract;

    assert.equal(contract, predicted);
    assert.equal(created.event.creator.toString(), alice.address);
    assert.equal(created.event.codeId.toBigInt(), counterV1);
    assert.equal(created.event.admin.unwrap().toString(), bob.address);
    assert.equal(await freeBalance(api, contract), existentialDeposit + value);

    // Alice paid the contract's funds and the fee, and holds the contract's deposit; nothing else.
    const { blockHash, events } = created.outcome;
    const fee = fields(theEvent({ events }, api.events.transactionPayment.TransactionFeePaid)).actualFee.toBigInt();
    const spent = (await freeBalance(api, alice.address, await parentOf(api, blockHash))) -
      (await freeBalance(api, alice.address, blockHash));
    const deposit = (await api.query.wasmContracts.instantiationDeposits(contract)).unwrap();
    assert.equal(deposit.depositor.toString(), alice.address);
    assert.equal(await heldChangeIn(api, alice.address, 'ContractInstantiation', created.outcome), deposit.amount.toBigInt());
    assert.equal(spent, existentialDeposit + value + fee + deposit.amount.toBigInt());

    const info = (await api.call.wasmContractsApi.contractInfo(contract)).unwrap();
    assert.equal(info.codeId.toBigInt(), counterV1);
    assert.equal(info.creator.toString(), alice.address);
    assert.equal(info.admin.unwrap().toString(), bob.address);
    assert.equal(await counterValue(), null, 'a new counter has stored nothing');
  });

  it('increments on each execute and says so in Executed', async () => {
    const first = await execute(api, alice, contract, 'increment');
    const executed = fields(theEvent(first, api.events.wasmContracts.Executed));
    assert.equal(executed.caller.toString(), alice.address);
    assert.equal(executed.contract.toString(), contract);
    assert.equal(text(executed.entryPoint), 'increment');
    assert.equal(await counterValue(), 1n);

    await execute(api, bob, contract, 'increment');
    assert.equal(await counterValue(), 2n);
  });

  it('dry-runs an increment: returns the next value and keeps nothing', async () => {
    const dryRun = await dryRunExecute(api, alice.address, contract, 'increment');

    assert.ok(dryRun.result.isOk, `dry run failed: ${dryRun.result.toString()}`);
    assert.equal(readLe(dryRun.result.asOk.data.toU8a(true)), 3n);
    assert.ok(dryRun.gasRequired.refTime.toBigInt() > 0n, 'running code needs gas');
    const eventNames = dryRun.events.map(({ event }) => `${event.section}.${event.method}`);
    assert.deepEqual(eventNames, ['wasmContracts.Executed']);
    assert.equal(await counterValue(), 2n);
  });

  it('refuses a state change in a read-only query', async () => {
    const result = await query(api, contract, 'increment');

    assert.ok(result.result.isErr);
    const error = api.registry.findMetaError(result.result.asErr.asModule);
    assert.equal(error.name, 'StateChangeInReadOnlyCall');
    assert.equal(await counterValue(), 2n);
  });

  it('fails an entry point the contract does not export with EntryPointNotFound and its docs', async () => {
    const params = await contractParams(api);
    const outcome = await submit(api, executeTx(api, contract, 'decrement', new Uint8Array(), params.maxContractGas), alice);

    assert.ok(outcome.error, 'the call fails');
    assert.equal(outcome.error.section, 'wasmContracts');
    assert.equal(outcome.error.name, 'EntryPointNotFound');
    assert.equal(normalizeDocs(outcome.error.docs), errorDocsInSource('EntryPointNotFound'));
    assert.equal(eventsOf(outcome, api.events.wasmContracts.Executed).length, 0);
    assert.equal(await counterValue(), 2n);
  });

  it('lets only the admin migrate', async () => {
    const outcome = await submit(
      api, api.tx.wasmContracts.migrate(contract, counterV2, '0x', (await contractParams(api)).maxContractGas, null), alice,
    );
    assert.equal(outcome.error?.name, 'NotAdmin');
    assert.equal(normalizeDocs(outcome.error.docs), errorDocsInSource('NotAdmin'));
    assert.equal((await api.call.wasmContractsApi.contractInfo(contract)).unwrap().codeId.toBigInt(), counterV1);
  });

  it('migrates to counter_v2: keeps the count, runs migrate, and increments by ten', async () => {
    const note = stringToU8a('from v1');
    const dryRun = await api.call.wasmContractsApi.dryRunMigrate(bob.address, contract, counterV2, bytesArg(note), null);
    assert.ok(dryRun.result.isOk, `dry run failed: ${dryRun.result.toString()}`);

    const outcome = await submitOk(api, api.tx.wasmContracts.migrate(contract, counterV2, bytesArg(note), dryRun.gasRequired, null), bob);

    const migrated = fields(theEvent(outcome, api.events.wasmContracts.Migrated));
    assert.equal(migrated.contract.toString(), contract);
    assert.equal(migrated.fromCodeId.toBigInt(), counterV1);
    assert.equal(migrated.toCodeId.toBigInt(), counterV2);
    assert.equal(u8aToHex(await storageValue(api, contract, 'migrated')), u8aToHex(note));
    assert.equal(await counterValue(), 2n);

    await execute(api, alice, contract, 'increment');
    assert.equal(await counterValue(), 12n);

    const history = await api.call.wasmContractsApi.contractHistory(contract, 0, 100);
    assert.deepEqual(
      history.map((entry) => [entry.change.type, entry.codeId.toBigInt()]),
      [['Instantiate', counterV1], ['Migrate', counterV2]],
    );
    assert.equal(history[1].block.toNumber(), (await api.rpc.chain.getHeader(outcome.blockHash)).number.toNumber());
  });

  it('hands the admin right to Alice: Bob loses it', async () => {
    const outcome = await submitOk(api, api.tx.wasmContracts.updateAdmin(contract, alice.address), bob);

    const changed = fields(theEvent(outcome, api.events.wasmContracts.AdminChanged));
    assert.equal(changed.contract.toString(), contract);
    assert.equal(changed.admin.unwrap().toString(), alice.address);
    assert.equal((await api.call.wasmContractsApi.contractInfo(contract)).unwrap().admin.unwrap().toString(), alice.address);

    const byBob = await submit(api, api.tx.wasmContracts.clearAdmin(contract), bob);
    assert.equal(byBob.error?.name, 'NotAdmin');
  });

  it('clears the admin: nobody can migrate it or take the admin right again', async () => {
    const outcome = await submitOk(api, api.tx.wasmContracts.clearAdmin(contract), alice);

    const changed = fields(theEvent(outcome, api.events.wasmContracts.AdminChanged));
    assert.ok(changed.admin.isNone);
    assert.ok((await api.call.wasmContractsApi.contractInfo(contract)).unwrap().admin.isNone);

    const gas = (await contractParams(api)).maxContractGas;
    const migrate = await submit(api, api.tx.wasmContracts.migrate(contract, counterV1, '0x', gas, null), alice);
    assert.equal(migrate.error?.name, 'NoAdmin');
    assert.equal(normalizeDocs(migrate.error.docs), errorDocsInSource('NoAdmin'));
    const update = await submit(api, api.tx.wasmContracts.updateAdmin(contract, alice.address), alice);
    assert.equal(update.error?.name, 'NoAdmin');

    // Still running counter_v2.
    await execute(api, bob, contract, 'increment');
    assert.equal(await counterValue(), 22n);
  });
});
