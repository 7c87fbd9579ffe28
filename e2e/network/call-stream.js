// A stream of contract calls for the lost-collator test: `increment` of the counter at COUNTER,
// one after another through the collator at WS_URL, for STREAM_SECONDS. Writes what became of
// each call to STREAM_RESULT as JSON once the stream ends: `{ calls: [{ sentAt, block, error }] }`.
// Runs detached from the test that starts it (network/collator-loss-start.test.js), so that it
// goes on while zombienet kills and restarts the other collator. A call refused because the
// account's previous transaction is still pending is sent again (`retries`), as a client does.

import { writeFileSync } from 'node:fs';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { SIGNED_EXTENSIONS, submit } from '../lib/chain.js';
import { dryRunExecute, executeTx } from '@wasm-contracts/client';

const { WS_URL, COUNTER, STREAM_SECONDS, STREAM_RESULT } = process.env;
const api = await ApiPromise.create({ provider: new WsProvider(WS_URL, 1_000), signedExtensions: SIGNED_EXTENSIONS, noInitWarn: true });
const caller = new Keyring({ type: 'sr25519' }).addFromUri('//Charlie');
const calls = [];
const end = Date.now() + Number(STREAM_SECONDS) * 1000;
// The pool's answers when the account's previous transaction is still pending or was just
// included after all (a block that had it was retracted while the collators forked): the sender
// is told, and sends the call again once a block has passed, with the nonce the chain then gives.
const PREVIOUS_PENDING = /Priority is too low|Transaction is outdated/;
/** How long a call may be sent again before it counts as failed. */
const RETRY_MS = 60_000;
while (Date.now() < end) {
  const call = { sentAt: Date.now(), block: null, error: null, retries: 0 };
  calls.push(call);
  for (;;) {
    try {
      // Each call's own dry run: the first increment stores a new key, the later ones overwrite it.
      const dryRun = await dryRunExecute(api, caller.address, COUNTER, 'increment');
      const outcome = await submit(api, executeTx(api, COUNTER, 'increment', new Uint8Array(), dryRun.gasRequired), caller);
      call.block = outcome.blockHash.toHex();
      call.error = outcome.error && `${outcome.error.section}.${outcome.error.name}`;
    } catch (error) {
      if (PREVIOUS_PENDING.test(error.message) && Date.now() - call.sentAt < RETRY_MS) {
        call.retries += 1;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        continue;
      }
      call.error = error.message;
    }
    break;
  }
}
writeFileSync(STREAM_RESULT, JSON.stringify({ calls }));
await api.disconnect();
