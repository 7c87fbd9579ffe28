// The lost-collator test, second half (see network/collator-loss-start.test.js): zombienet has
// killed the other collator of parachain 1000 with SIGKILL and started it again on its database.
// While it was down, the collator at WS_URL kept the parachain producing blocks, alone, that the
// relay chain (RELAY_WS_URL) included and finalized, and every call of the stream went in; once
// back, the restarted collator (PEER_WS_URLS) catches up to the same blocks, state root and
// contract storage.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { SIGNED_EXTENSIONS } from '../lib/chain.js';
import { bytesArg } from '../lib/contracts.js';
import { waitFor } from '../lib/wait.js';

const PARA_ID = 1000;
/** How long zombienet keeps the collator down (zombienet/network.zndsl). */
const OUTAGE_MS = 60_000;
/**
 * The part of that minute whose blocks only the survivor can have made, by their timestamps (the
 * start of their 6 s slot): none of the other collator's last slot before the kill, none of its
 * first after the restart.
 */
const OUTAGE_START_MARGIN_MS = 15_000;
const OUTAGE_END_MARGIN_MS = 10_000;
const CATCH_UP = { timeoutMs: 300_000, intervalMs: 2_000 };

/**
 * A connection to `url`, retried every second until the node answers: the restarted collator's
 * RPC opens some seconds after zombienet reports it started (the DSL line's time bounds the wait).
 */
async function connect(url) {
  return ApiPromise.create({ provider: new WsProvider(url, 1_000), signedExtensions: SIGNED_EXTENSIONS, noInitWarn: true });
}

/** The index of the Aura authority that authored the block of `header`: its slot modulo the authorities. */
async function auraAuthor(api, header) {
  const preRuntime = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  const slot = api.createType('u64', preRuntime.asPreRuntime[1]).toBigInt();
  const authorities = await (await api.at(header.hash)).query.aura.authorities();
  return Number(slot % BigInt(authorities.length));
}

describe('the parachain after one of its collators was lost', () => {
  const apis = [];
  after(async () => Promise.all(apis.map((api) => api.disconnect())));

  it('kept producing blocks that the relay chain finalized, took every call, and the restarted collator caught up', async () => {
    const state = JSON.parse(readFileSync(process.env.COLLATOR_LOSS_STATE, 'utf8'));
    const restartedBy = Date.now();
    // Each connection is closed after the test, whatever happens to the others.
    const [survivor, relay, restarted] = await Promise.all(
      [process.env.WS_URL, process.env.RELAY_WS_URL, process.env.PEER_WS_URLS.split(',')[0]].map(async (url) => {
        const api = await connect(url);
        apis.push(api);
        return api;
      }),
    );

    // Blocks while the other collator was down: all from one Aura authority.
    const outage = [state.lostAt + OUTAGE_START_MARGIN_MS, Math.min(state.lostAt + OUTAGE_MS, restartedBy) - OUTAGE_END_MARGIN_MS];
    const best = (await survivor.rpc.chain.getHeader()).number.toNumber();
    const during = [];
    for (let number = state.bestBeforeLoss + 1; number <= best; number += 1) {
      const hash = await survivor.rpc.chain.getBlockHash(number);
      const at = (await (await survivor.at(hash)).query.timestamp.now()).toNumber();
      if (at >= outage[0] && at <= outage[1]) during.push({ number, header: await survivor.rpc.chain.getHeader(hash) });
    }
    const authors = new Set(await Promise.all(during.map(({ header }) => auraAuthor(survivor, header))));
    console.log(`blocks while the other collator was down: ${during.map(({ number }) => number).join(', ')}; authorities ${[...authors]}`);
    assert.ok(during.length >= 2, `${during.length} parachain blocks in the ${(outage[1] - outage[0]) / 1000} s the other collator was down`);
    assert.equal(authors.size, 1, 'blocks of one collator only');

    // The relay chain includes and finalizes them.
    const lastDuring = during.at(-1).number;
    await waitFor(`the relay chain finalizes parachain block ${lastDuring}`, async () => {
      const finalized = await relay.rpc.chain.getFinalizedHead();
      const head = await (await relay.at(finalized)).query.paras.heads(PARA_ID);
      const number = survivor.createType('Header', head.unwrap().toU8a(true)).number.toNumber();
      return number >= lastDuring ? number : undefined;
    }, CATCH_UP);

    // Every call of the stream went in, and succeeded.
    const result = await waitFor('the stream of calls ends',
      () => (existsSync(state.streamResult) ? JSON.parse(readFileSync(state.streamResult, 'utf8')) : undefined),
      { timeoutMs: state.streamEndsAt - Date.now() + 120_000, intervalMs: 2_000 });
    const failed = result.calls.filter((call) => call.error || !call.block);
    const whileDown = result.calls.filter((call) => call.sentAt >= outage[0] && call.sentAt <= outage[1]);
    const retried = result.calls.filter((call) => call.retries > 0);
    console.log(`${result.calls.length} calls, ${whileDown.length} sent while the other collator was down, ${failed.length} failed, ${retried.length} sent again after the pool reported the previous one pending`);
    assert.equal(failed.length, 0, `a call failed: ${failed[0]?.error}`);
    assert.ok(whileDown.length >= 1, 'calls went in while the other collator was down');

    // The restarted collator has the same chain and state as the survivor's finalized block.
    const target = await survivor.rpc.chain.getFinalizedHead();
    const targetHeader = await survivor.rpc.chain.getHeader(target);
    const number = targetHeader.number.toNumber();
    const theirs = await waitFor(`the restarted collator imports block ${number}`, async () => {
      if ((await restarted.rpc.chain.getHeader()).number.toNumber() < number) return undefined;
      return restarted.rpc.chain.getBlockHash(number);
    }, CATCH_UP);
    assert.equal(theirs.toHex(), target.toHex(), `block ${number} on both collators`);
    assert.equal((await restarted.rpc.chain.getHeader(theirs)).stateRoot.toHex(), targetHeader.stateRoot.toHex());
    const counterAt = async (api) => {
      const value = await (await api.at(target)).call.wasmContractsApi.getStorage(state.counter, bytesArg('counter'));
      return value.asOk.unwrap().toHex();
    };
    const [ours, restartedValue] = await Promise.all([counterAt(survivor), counterAt(restarted)]);
    assert.equal(restartedValue, ours, 'the counter read on both collators at the same block');
    console.log(`the restarted collator has block ${number} (${target.toHex()}), its state root and the counter (${ours})`);
  });
});
