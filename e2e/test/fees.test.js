// Gas and fees: the fee follows the gas a call used, not the gas limit it declared.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { contractParams, fields, freeBalance, parentOf, submit, submitOk, theEvent, useChain } from '../lib/chain.js';
import { fixture, readLe } from '../lib/contracts.js';
import { dryRunExecute, execute, executeTx, instantiate, storageValue, uploadCode } from '@wasm-contracts/client';

/** |a - b| <= max(1 planck, 1 ppm of the larger): rounding of the weight-to-fee conversion. */
function assertClose(actual, expected, message) {
  const larger = actual > expected ? actual : expected;
  const tolerance = larger / 1_000_000n > 1n ? larger / 1_000_000n : 1n;
  const difference = actual > expected ? actual - expected : expected - actual;
  assert.ok(difference <= tolerance, `${message}: ${actual} vs ${expected} (tolerance ${tolerance})`);
}

describe('gas and fees', () => {
  const chain = useChain('fees');
  let api, alice;
  let contract;

  /**
   * Signs `increment` with `gasLimit`, asks the node what it would cost, submits it, and returns
   * what the declared weight costs, the length part of the fee, and what was finally paid.
   */
  const incrementWith = async (gasLimit) => {
    const tx = executeTx(api, contract, 'increment', new Uint8Array(), gasLimit);
    await tx.signAsync(alice, { nonce: -1 });
    const info = await api.call.transactionPaymentApi.queryInfo(tx.toU8a(), tx.encodedLength);
    const details = await api.call.transactionPaymentApi.queryFeeDetails(tx.toU8a(), tx.encodedLength);
    const inclusion = details.inclusionFee.unwrap();
    const outcome = await submitOk(api, tx);
    const paid = fields(theEvent(outcome, api.events.transactionPayment.TransactionFeePaid));
    assert.equal(paid.who.toString(), alice.address);
    const spent = (await freeBalance(api, alice.address, await parentOf(api, outcome.blockHash))) -
      (await freeBalance(api, alice.address, outcome.blockHash));
    return {
      declaredFee: info.partialFee.toBigInt(),
      declaredWeightFee: inclusion.adjustedWeightFee.toBigInt(),
      lengthFee: inclusion.lenFee.toBigInt(),
      actualFee: paid.actualFee.toBigInt(),
      spent,
      outcome,
    };
  };

  before(async () => {
    ({ api, alice } = chain);
    const { codeId } = await uploadCode(api, alice, await fixture('counter'));
    ({ contract } = await instantiate(api, alice, codeId));
    // The first increment creates the stored value; every later one takes the same path.
    await execute(api, alice, contract, 'increment');
  });

  it('runs out of gas one unit of ref_time below what a dry run reports as required', async () => {
    const { gasRequired } = await dryRunExecute(api, alice.address, contract, 'increment');
    const justBelow = { refTime: gasRequired.refTime.toBigInt() - 1n, proofSize: gasRequired.proofSize.toBigInt() };

    const exact = await dryRunExecute(api, alice.address, contract, 'increment', undefined, { gasLimit: gasRequired });
    const below = await dryRunExecute(api, alice.address, contract, 'increment', undefined, { gasLimit: justBelow });

    assert.ok(exact.result.isOk, `with gas_required: ${exact.result.toString()}`);
    assert.ok(below.result.isErr, 'below gas_required the call fails');
    assert.equal(api.registry.findMetaError(below.result.asErr.asModule).name, 'OutOfGas');
  });

  it('refunds unused gas: a huge gas limit costs what the exact one costs, far below its declared fee', async (t) => {
    const { gasRequired } = await dryRunExecute(api, alice.address, contract, 'increment');
    const { maxContractGas } = await contractParams(api);
    assert.ok(maxContractGas.refTime.toBigInt() > 10n * gasRequired.refTime.toBigInt(), 'the limit dwarfs the need');
    const before = readLe(await storageValue(api, contract, 'counter'));

    const huge = await incrementWith(maxContractGas);
    const exact = await incrementWith(gasRequired);

    t.diagnostic(`gas_required ${gasRequired.refTime} ref_time; limit ${maxContractGas.refTime}`);
    t.diagnostic(`huge limit: declared fee ${huge.declaredFee}, paid ${huge.actualFee}; exact limit: paid ${exact.actualFee}`);
    // Both calls ran.
    assert.equal(readLe(await storageValue(api, contract, 'counter')), before + 2n);
    for (const { actualFee, spent } of [huge, exact]) {
      assert.equal(spent, actualFee, 'the signer paid exactly the reported fee');
    }
    // Apart from the extrinsic's length (the limits encode to different lengths), both paid the same.
    assertClose(huge.actualFee - huge.lengthFee, exact.actualFee - exact.lengthFee, 'fee without length part');
    // Even the exact limit is refunded something: what its reservations (the largest stored
    // value, a settlement that moved no deposit) gave back, and the proof the node did not
    // record. The huge one is refunded at least the fee of the gas it declared beyond.
    assert.ok(exact.actualFee <= exact.declaredFee, `exact limit: paid ${exact.actualFee}, declared ${exact.declaredFee}`);
    assert.ok(
      huge.declaredFee - huge.actualFee >= huge.declaredWeightFee - exact.declaredWeightFee,
      `refund ${huge.declaredFee - huge.actualFee}, at least ${huge.declaredWeightFee - exact.declaredWeightFee}`,
    );
    assert.ok(
      huge.actualFee * 2n < huge.declaredFee,
      `paid ${huge.actualFee}, far below the declared weight's fee ${huge.declaredFee}`,
    );
  });

  it('charges the proof an out-of-gas call recorded, not the proof limit it left unused', async (t) => {
    const { codeId } = await uploadCode(api, alice, await fixture('faults'));
    const { contract: looping } = await instantiate(api, alice, codeId);
    // 100 ms of ref_time, and proof limits of 1 MiB and 64 KiB that the loop never uses.
    const loopWith = async (proofSize) => {
      const tx = executeTx(api, looping, 'loop_forever', new Uint8Array(), { refTime: 100_000_000_000n, proofSize });
      await tx.signAsync(alice, { nonce: -1 });
      const details = await api.call.transactionPaymentApi.queryFeeDetails(tx.toU8a(), tx.encodedLength);
      const outcome = await submit(api, tx);
      assert.equal(outcome.error?.name, 'OutOfGas');
      const paid = fields(theEvent(outcome, api.events.transactionPayment.TransactionFeePaid));
      const failed = fields(theEvent(outcome, api.events.system.ExtrinsicFailed));
      return {
        weightFee: paid.actualFee.toBigInt() - details.inclusionFee.unwrap().lenFee.toBigInt(),
        proofSize: failed.dispatchInfo.weight.proofSize.toBigInt(),
      };
    };
    const large = await loopWith(1024n * 1024n);
    const small = await loopWith(64n * 1024n);
    t.diagnostic(`weight fee with 1 MiB of proof limit: ${large.weightFee}, with 64 KiB: ${small.weightFee}`);
    assert.ok(large.proofSize < 64n * 1024n, `reported proof ${large.proofSize}: what the node recorded`);
    assertClose(large.weightFee, small.weightFee, 'the unused proof limit costs nothing');
  });
});
