// Instantiate: a form from the metadata's `instantiate` message, with admin, value and salt,
// previewed by `dryRunInstantiate` on every change, then submitted.

import { TypedContract, type ContractMetadata } from '@wasm-contracts/client';
import { debounce, h, notice, replace, row } from '../dom';
import { describeError } from '../errors';
import { build, parseAccount, parseBytes, type Field } from '../form';
import { encodeAddress } from '@polkadot/util-crypto';
import { parseAmount, state } from '../session';
import { metadataFor, saveCode, saveContract } from '../store';
import { MetadataTypes } from '../types';
import { latest, metadataInput, previewView, runtimeApi, signerAccount, type Page } from './page';

export const instantiatePage: Page = (view, session, [codeIdText]) => {
  const codeId = BigInt(codeIdText);
  const api = session.api;
  const body = h('div');
  replace(view, h('h1', {}, `Instantiate code ${codeIdText}`), body);
  let stopListening: (() => void) | null = null;

  const show = (metadata: ContractMetadata) => {
    const entry = TypedContract.instantiateEntry(metadata);
    const preview = h('div', { 'data-test': 'preview' });
    const outcome = h('div', { 'data-test': 'instantiate-outcome' });
    const submit = h('button', { type: 'button', 'data-test': 'instantiate-submit', disabled: true }, 'Instantiate');
    const onChange = debounce(() => runPreview(), 250);
    const message: Field | null = entry
      ? build({ types: new MetadataTypes(metadata), onChange, accountList: 'known-accounts' }, entry.message, 'msg', 'message')
      : null;
    const admin = h('input', { type: 'text', list: 'known-accounts', 'data-test': 'instantiate-admin', placeholder: 'none: nobody may migrate the contract', oninput: onChange, class: 'account' });
    const value = h('input', { type: 'text', 'data-test': 'instantiate-value', value: '0', inputmode: 'decimal', oninput: onChange });
    const salt = h('input', { type: 'text', 'data-test': 'instantiate-salt', placeholder: 'none: the next address of this code', oninput: onChange });

    const options = () => ({
      value: parseAmount(value.value),
      admin: admin.value.trim() ? encodeAddress(parseAccount(admin.value), session.ss58) : null,
      salt: salt.value ? parseBytes(salt.value) : null,
      message: message ? message.read() : null,
    });

    const runPreview = latest(async () => {
      const account = signerAccount();
      const { message: msg, ...rest } = options();
      return TypedContract.dryRunInstantiate(api, metadata, codeId, msg, { origin: account.address, ...rest });
    }, (result) => {
      submit.disabled = !(result.ok && result.value.ok);
      if (!result.ok) return replace(preview, h('div', { class: 'preview fail' }, describeError(result.error)));
      const extra: [string, string | Node][] = result.value.ok
        ? [['address', h('code', { 'data-test': 'preview-address' }, result.value.address ?? '')]]
        : [];
      replace(preview, previewView(session, metadata, entry, result.value, extra));
    });

    submit.addEventListener('click', async () => {
      submit.disabled = true;
      replace(outcome, notice('info', 'Instantiating: sign the transaction, then wait for its block…'));
      try {
        const account = signerAccount();
        const { message: msg, ...rest } = options();
        const contract = await TypedContract.instantiate(api, metadata, codeId, msg, { signer: account.signer, ...rest });
        saveContract(session.genesis, { address: contract.address, name: metadata.name, codeId: codeIdText, metadata });
        location.hash = `#/contract/${contract.address}`;
      } catch (error) {
        replace(outcome, notice('error', 'Not instantiated: ', describeError(error, null, null)));
        submit.disabled = false;
      }
    });

    stopListening = state.onChange(() => runPreview());
    replace(body,
      h('p', { class: 'intro' }, `${metadata.name} ${metadata.version ?? ''}`, entry?.docs.length ? ` — ${entry.docs.join(' ')}` : ''),
      h('div', { class: 'card', 'data-test': 'instantiate-form' },
        message ? h('div', { class: 'message' }, message.element) : h('p', { class: 'hint' }, 'This module has no instantiate entry point: it is created without running code.'),
        row('admin', admin, 'may migrate the contract and change its admin'),
        row(`value (${session.symbol})`, value, 'sent to the contract'),
        row('salt', salt, 'text or 0x-hex: gives an address derived from code, you and the salt'),
        h('h3', {}, 'Preview'),
        preview,
        h('div', { class: 'actions' }, submit)),
      outcome);
    runPreview();
  };

  (async () => {
    const info = await runtimeApi(api).codeInfo(codeId);
    if (info.isNone) return replace(body, notice('error', `There is no code ${codeIdText} on this chain (removed, or the chain was purged).`));
    const hash = info.unwrap().codeHash.toHex();
    const known = metadataFor(session.genesis, codeIdText, hash);
    if (known) return show(known);
    replace(body, notice('info', 'This browser has no metadata for this code yet. Choose its metadata JSON:'),
      metadataInput('instantiate-metadata', (metadata) => {
        saveCode(session.genesis, { codeId: codeIdText, name: metadata.name, hash, metadata });
        show(metadata);
      }));
  })().catch((error) => replace(body, notice('error', describeError(error))));

  return () => stopListening?.();
};
