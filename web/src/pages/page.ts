// What the pages share: typed access to the pallet, previews of dry runs, block subscriptions.

import type { ApiPromise } from '@polkadot/api';
import type { ContractMetadata, EntryPoint, Preview } from '@wasm-contracts/client';
import { h, notice, table } from '../dom';
import { describeError } from '../errors';
import { render, type RenderContext } from '../render';
import { accountNames, formatBalance, formatWeight, state, type Account, type Session } from '../session';
import { parseMetadata } from '../store';
import { MetadataTypes } from '../types';

/** Renders into `view`; returns what to stop when the page is left. */
export type Page = (view: HTMLElement, session: Session, params: string[]) => (() => void) | void;

// The pallet is not in polkadot.js's generated types: its calls are reached untyped.
export const runtimeApi = (api: ApiPromise): any => (api.call as any).wasmContractsApi;
export const palletTx = (api: ApiPromise): any => (api.tx as any).wasmContracts;
export const palletQuery = (api: ApiPromise): any => (api.query as any).wasmContracts;

export function renderContext(session: Session, metadata: ContractMetadata): RenderContext {
  return { types: new MetadataTypes(metadata), ss58: session.ss58, names: accountNames() };
}

/** The selected account, or an error in words. */
export function signerAccount(): Account {
  if (!state.account) throw new Error('choose an account first (the dev accounts on a dev chain, or a browser extension\'s)');
  return state.account;
}

export function depositText(deposit: Preview['storageDeposit'], session: Session): string {
  if ('charge' in deposit) return deposit.charge === 0n ? 'none' : `${formatBalance(deposit.charge, session)} charged`;
  return `${formatBalance(deposit.refund, session)} refunded`;
}

/** A dry run's result: gas, storage deposit, decoded output or error, events. */
export function previewView(session: Session, metadata: ContractMetadata, entry: EntryPoint | undefined, preview: Preview, extra: [string, string | Node][] = []): HTMLElement {
  const context = renderContext(session, metadata);
  const rows: [string, string | Node][] = [...extra];
  if (preview.ok && entry?.output != null && preview.output) {
    rows.push(['output', h('code', { 'data-test': 'preview-output' }, render(context, entry.output, preview.output))]);
  }
  rows.push(['gas required', formatWeight(preview.gasRequired)]);
  rows.push(['storage deposit', h('span', { 'data-test': 'preview-deposit' }, depositText(preview.storageDeposit, session))]);
  if (preview.ok && preview.events.length > 0) {
    rows.push(['events', h('div', {}, ...preview.events.map((event) => h('div', {}, eventText(session, metadata, event))))]);
  }
  return h('div', { class: `preview ${preview.ok ? 'ok' : 'fail'}` },
    h('div', { class: 'verdict', 'data-test': 'preview-verdict' }, preview.ok ? 'Would succeed' : 'Would fail'),
    preview.error ? describeError(preview.error, context, entry?.error ?? null, preview.dryRun?.revertMessage) : null,
    table(rows));
}

/** A decoded contract event: `topic  Type { ... }`. */
export function eventText(session: Session, metadata: ContractMetadata, event: { topic: string; data: unknown }): string {
  const described = (metadata.events ?? []).find((candidate) => candidate.topic === event.topic);
  if (!described || event.data instanceof Uint8Array) {
    const length = event.data instanceof Uint8Array ? event.data.length : 0;
    return `${event.topic}  (${length} bytes the metadata does not describe)`;
  }
  return `${event.topic}  ${render(renderContext(session, metadata), described.data, event.data)}`;
}

/**
 * Calls `onBlock(number, hash)` for each new best block after `seen` (else from the next one
 * on), filling in blocks a subscription skipped. Returns the unsubscribe function.
 */
export function watchBlocks(api: ApiPromise, onBlock: (number: number, hash: string) => void, seen: number | null = null): () => void {
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  let last: number | null = seen;
  api.rpc.chain.subscribeNewHeads(async (header) => {
    const number = header.number.toNumber();
    const from = last === null ? number : Math.max(last + 1, number - 50);
    if (last !== null && number <= last) return;
    last = number;
    for (let n = from; n <= number && !stopped; n += 1) {
      const hash = n === number ? header.hash.toHex() : (await api.rpc.chain.getBlockHash(n)).toHex();
      if (!stopped) onBlock(n, hash);
    }
  }).then((unsub) => {
    if (stopped) unsub();
    else unsubscribe = unsub;
  }).catch(() => undefined);
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}

/** A file input for a metadata JSON; `onLoad` gets it parsed, errors are shown next to it. */
export function metadataInput(test: string, onLoad: (metadata: ContractMetadata) => void): HTMLElement {
  const message = h('span', { class: 'hint' });
  const input = h('input', {
    type: 'file', accept: '.json,application/json', 'data-test': test,
    onchange: async () => {
      const file = input.files?.[0];
      if (!file) return;
      try {
        onLoad(parseMetadata(await file.text()));
        message.textContent = '';
      } catch (error) {
        message.textContent = error instanceof Error ? error.message : String(error);
      }
    },
  });
  return h('span', {}, input, message);
}

/** Runs `task` each time `run()` is called, showing only the latest call's result. */
export function latest<T>(task: () => Promise<T>, show: (result: { ok: true; value: T } | { ok: false; error: unknown }) => void): () => void {
  let generation = 0;
  return () => {
    const mine = ++generation;
    // A form that cannot be read throws before any promise exists; it is shown like a failure.
    new Promise<T>((resolve) => resolve(task())).then(
      (value) => { if (mine === generation) show({ ok: true, value }); },
      (error) => { if (mine === generation) show({ ok: false, error }); },
    );
  };
}

export function notConnected(): HTMLElement {
  return notice('error', 'Not connected to a node.');
}

export function shortHash(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 10)}…${hash.slice(-8)}` : hash;
}
