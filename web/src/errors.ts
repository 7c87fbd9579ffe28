// Failures in words: pallet errors by name with their docs, a contract's revert decoded through
// its metadata, never raw hex.

import { u8aToString } from '@polkadot/util';
import { ContractError } from '@wasm-contracts/client';
import { h } from './dom';
import { FieldError } from './form';
import { render, type RenderContext } from './render';

/** The contract's error decoded (through `errorType`) or its revert message as text. */
export function revertedText(error: ContractError, context: RenderContext | null, errorType: number | null, revertMessage?: any): string | null {
  if (error.reverted && context && errorType != null) return render(context, errorType, error.reverted);
  if (error.reverted) return String((error.reverted as any).type ?? error.reverted.toString());
  return revertMessageText(revertMessage);
}

/** A revert message (`Option<Bytes>`) no metadata describes: its text, or its length. */
export function revertMessageText(revertMessage: any): string | null {
  if (!revertMessage?.isSome) return null;
  const bytes: Uint8Array = revertMessage.unwrap().toU8a(true);
  const text = u8aToString(bytes);
  // Not text: say how long rather than show bytes no one can read.
  return /^[\x20-\x7e\u00a0-\uffff\n\t]+$/.test(text) && !text.includes('\ufffd') ? `"${text}"` : `${bytes.length} bytes the metadata does not describe`;
}

/** An element explaining `error`, as a person reads it. */
export function describeError(error: unknown, context: RenderContext | null = null, errorType: number | null = null, revertMessage?: any): HTMLElement {
  if (error instanceof ContractError) {
    const reverted = revertedText(error, context, errorType, revertMessage);
    return h('div', { class: 'error-words', 'data-test': 'error' },
      h('strong', { 'data-test': 'error-name' }, error.error),
      error.docs ? h('span', { class: 'docs' }, ` — ${error.docs}`) : null,
      reverted ? h('div', { 'data-test': 'reverted' }, 'The contract says: ', h('strong', {}, reverted)) : null);
  }
  if (error instanceof FieldError) {
    return h('div', { class: 'error-words', 'data-test': 'error' }, 'Check the form: ', h('strong', {}, error.path), ` ${error.message.slice(error.path.length + 1)}`);
  }
  return h('div', { class: 'error-words', 'data-test': 'error' }, messageOf(error));
}

/** A thrown value's message, with hex runs (encoded errors polkadot.js prints) left out. */
export function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/0x[0-9a-fA-F]{16,}/g, '(bytes)');
}
