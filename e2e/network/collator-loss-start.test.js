// The lost-collator test, first half (zombienet/network.zndsl): deploys a counter and starts a
// stream of its calls through the collator at WS_URL (network/call-stream.js, detached), then
// returns, and zombienet kills the other collator of parachain 1000 with SIGKILL, starts it again
// a minute later, and runs the second half (network/collator-loss-end.test.js). The halves share
// COLLATOR_LOSS_STATE, a JSON file.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { openSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { useChain } from '../lib/chain.js';
import { fixture } from '../lib/contracts.js';
import { instantiate, uploadCode } from '@wasm-contracts/client';

/** How long the stream of calls lasts: the minute the other collator is down, and after. */
export const STREAM_SECONDS = 150;

describe('a stream of contract calls before a collator is lost', () => {
  const chain = useChain('collator-loss');

  it('deploys a counter and starts calling it', async () => {
    const state = process.env.COLLATOR_LOSS_STATE;
    assert.ok(state, 'COLLATOR_LOSS_STATE names the file the two halves share (zombienet/run.sh sets it)');
    const { api, alice } = chain;
    const { codeId } = await uploadCode(api, alice, await fixture('counter'));
    const { contract } = await instantiate(api, alice, codeId);
    const streamResult = `${state}.stream.json`;
    const log = openSync(`${state}.stream.log`, 'w');
    const stream = spawn(process.execPath, ['network/call-stream.js'], {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, COUNTER: contract, STREAM_SECONDS: String(STREAM_SECONDS), STREAM_RESULT: streamResult },
    });
    stream.unref();
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    writeFileSync(state, JSON.stringify({ counter: contract, streamResult, streamEndsAt: Date.now() + STREAM_SECONDS * 1000, lostAt: Date.now(), bestBeforeLoss: best }));
  });
});
