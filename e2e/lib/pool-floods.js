// The floods of transfers of the pool tests, as users send them, against any node: every
// transaction the pool accepts is included, or reported dropped or invalid to its sender, or
// waits behind an earlier nonce so reported; none vanishes without a word, and no account is left
// stuck behind a transaction it cannot see (docs/runtime.md, "What the pool keeps"). `test/pool.test.js` runs them on a dev node, `network/pool.test.js`
// on a collator under zombienet.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { decodeAddress } from '@polkadot/util-crypto';
import { SIGNED_EXTENSIONS } from './chain.js';
import { bytesArg } from './contracts.js';
import { settled, watch } from './pool.js';
import { contractMetadata, contractModule, TypedContract } from './typed-contract.js';
import { depositLimit, executeTx, uploadCode } from '@wasm-contracts/client';

const SENDERS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const METADATA = contractMetadata('token');
/** How long a transaction may go without news before it counts as late. */
const QUIET_MS = 60_000;
/**
 * How long a late transaction may go without news before it counts as lost. Under forks (two
 * collators, forks of the relay chain) the fork-aware pool can keep an account's next nonces out
 * of the view a block is built on until it revalidates them: they come late, not never.
 */
const LOST_MS = 240_000;

/**
 * The transactions of `open` (accepted, then neither included nor reported) that no earlier
 * nonce of their sender explains: one reported `dropped` or `invalid`, or refused when sent,
 * leaves the later nonces waiting for it, and the sender knows why. The rest are lost without a
 * word. `txs` are one sender's, in nonce order.
 */
function unexplained(txs, open) {
  const gap = txs.find((tx) => tx.refused || tx.status === 'dropped' || tx.status === 'invalid');
  return gap ? open.filter((tx) => tx.nonce < gap.nonce) : open;
}

/**
 * Waits until every accepted transaction of `txs` (one sender's, in nonce order) is settled or
 * none has news for `QUIET_MS`; then those that no reported gap explains get until `LOST_MS`
 * after their last news. Returns the transactions still open, those of them lost, how many came
 * late, and how many of the lost the pool no longer lists as pending.
 */
async function awaitSettlement(api, txs) {
  const late = unexplained(txs, await settled(txs, QUIET_MS));
  if (late.length > 0) await settled(late, LOST_MS);
  const open = txs.filter((tx) => tx.accepted && !tx.settled);
  const lost = unexplained(txs, open);
  const pending = lost.length > 0 ? new Set((await api.rpc.author.pendingExtrinsics()).map((xt) => xt.toHex())) : new Set();
  return { open, lost, late: late.length - lost.length, gone: lost.filter((tx) => !pending.has(tx.hex)).length };
}

/** The chain's best and finalized block numbers, for a failure's message. */
async function heads(api) {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  return `best block #${best}, finalized #${finalized}`;
}

/** How the transactions ended, by their last status: `inBlock 480, finalized 20`. */
function outcomes(txs) {
  const counts = {};
  for (const tx of txs) {
    const status = tx.status ?? (tx.refused ? 'refused' : 'no status');
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return Object.entries(counts).map(([status, count]) => `${status} ${count}`).join(', ');
}

/**
 * The floods, as a suite named `title` on the chain `start()` gives: `{ url, stop() }`. Six dev
 * accounts hold tokens of a new token contract; each flood sends transfers of one token.
 */
export function poolFloods(title, start) {
  describe(title, () => {
    let chain, api, token, keyring, gas, limit;

    before(async () => {
      chain = await start();
      api = await ApiPromise.create({ provider: new WsProvider(chain.url), noInitWarn: true, signedExtensions: SIGNED_EXTENSIONS });
      keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
      const alice = keyring.addFromUri('//Alice');
      const { codeId } = await uploadCode(api, alice, contractModule('token'));
      token = await TypedContract.instantiate(api, METADATA, codeId, null, { signer: alice });
      for (const name of SENDERS) {
        await token.tx.mint({ to: decodeAddress(keyring.addFromUri(`//${name}`).address), amount: 1_000_000n }, { signer: alice });
      }
      const entry = METADATA.entry_points.find((point) => point.name === 'transfer');
      const msg = token.encode(entry.message, { to: decodeAddress(alice.address), amount: 1n });
      const dryRun = await api.call.wasmContractsApi.dryRunExecute(
        keyring.addFromUri('//Bob').address, token.address, bytesArg('transfer'), bytesArg(msg), 0n, null,
      );
      gas = dryRun.gasRequired;
      limit = depositLimit(dryRun.storageDeposit);
    });

    after(async () => {
      await api?.disconnect();
      await chain?.stop();
    });

    /** `count` transfers from `name`, signed ahead with consecutive nonces from the chain's next, immortal. */
    async function transfers(name, count) {
      const sender = keyring.addFromUri(`//${name}`);
      const entry = METADATA.entry_points.find((point) => point.name === 'transfer');
      const msg = token.encode(entry.message, { to: decodeAddress(keyring.addFromUri('//Alice').address), amount: 1n });
      let nonce = (await api.rpc.system.accountNextIndex(sender.address)).toNumber();
      const txs = [];
      for (let i = 0; i < count; i += 1) {
        const tx = executeTx(api, token.address, 'transfer', msg, gas, 0n, limit);
        await tx.signAsync(sender, { nonce, era: 0 });
        txs.push({ hex: tx.toHex(), nonce, sender: name });
        nonce += 1;
      }
      return txs;
    }

    it('includes or reports every transfer six accounts send in nonce order', async () => {
      for (const round of [500, 500]) {
        const groups = await Promise.all(SENDERS.map((name) => transfers(name, round)));
        await Promise.all(groups.map(async (txs) => {
          const provider = new WsProvider(chain.url, false);
          await provider.connect();
          await provider.isReady;
          for (const tx of txs) await watch(provider, tx);
          const { open, lost, late, gone } = await awaitSettlement(api, txs);
          await provider.disconnect();
          const refused = txs.filter((tx) => tx.refused);
          console.log(`${txs[0].sender}, ${round} in nonce order: ${outcomes(txs)}; ${open.length - lost.length} waiting behind a reported gap; ${late} late${refused.map((tx) => `; nonce ${tx.nonce} refused: ${tx.refused}`).join('')}`);
          assert.equal(lost.length, 0, `${lost.length} of ${txs[0].sender}'s transfers were accepted and neither included nor reported, with no earlier nonce reported (${gone} of them no longer pending in the pool; ${await heads(api)})`);
          // A refusal is reported to the sender; one the pool gives for a transaction whose nonce
          // the chain has used (it had the transaction already) leaves nothing to send again.
          const { nonce } = await api.query.system.account(keyring.addFromUri(`//${txs[0].sender}`).address);
          const pending = refused.filter((tx) => tx.nonce >= nonce.toNumber());
          assert.equal(pending.length, 0, `the pool refused ${pending.length} of ${txs[0].sender}'s ${round} whose nonce the chain has not used`);
        }));
      }
    });

    it('includes or reports every transfer one account sends at once, and takes its next one', async () => {
      for (const round of [1000, 1000]) {
        const txs = await transfers('Ferdie', round);
        const provider = new WsProvider(chain.url, false);
        await provider.connect();
        await provider.isReady;
        await Promise.all(txs.map((tx) => watch(provider, tx)));
        const { open, lost, late, gone } = await awaitSettlement(api, txs);
        await provider.disconnect();
        console.log(`Ferdie, ${round} at once: ${outcomes(txs)}; ${open.length - lost.length} waiting behind a reported gap; ${late} late`);
        assert.equal(lost.length, 0, `${lost.length} of ${round} were accepted and neither included nor reported, with no earlier nonce reported (${gone} of them no longer pending in the pool; ${await heads(api)})`);
      }
      const [next] = await transfers('Ferdie', 1);
      const provider = new WsProvider(chain.url, false);
      await provider.connect();
      await provider.isReady;
      await watch(provider, next);
      await awaitSettlement(api, [next]);
      await provider.disconnect();
      assert.ok(next.accepted, `the account's next transfer is refused: ${next.refused}`);
      assert.ok(['inBlock', 'finalized'].includes(next.status), `its next transfer ended ${next.status}`);
    });
  });
}
