// A code id: its info, the contracts that run it, its metadata, and its removal.

import { submitOk } from '@wasm-contracts/client';
import { h, notice, replace, table } from '../dom';
import { describeError } from '../errors';
import { formatBalance } from '../session';
import { forgetCode, metadataFor, saveCode, savedContracts } from '../store';
import { metadataInput, palletQuery, palletTx, runtimeApi, signerAccount, type Page } from './page';

export const codePage: Page = (view, session, [codeIdText]) => {
  const api = session.api;
  const codeId = BigInt(codeIdText);
  const body = h('div');
  replace(view, h('h1', {}, `Code ${codeIdText}`), body);

  (async () => {
    const info = await runtimeApi(api).codeInfo(codeId);
    if (info.isNone) {
      forgetCode(session.genesis, codeIdText);
      return replace(body, notice('error', `There is no code ${codeIdText} on this chain (removed, or the chain was purged).`));
    }
    const code = info.unwrap();
    const hash = code.codeHash.toHex();
    const [deposit, users, allContracts] = await Promise.all([
      palletQuery(api).codeDeposits(codeId),
      palletQuery(api).codeUsers(codeId),
      palletQuery(api).contractInfoOf.entries(),
    ]);
    // The chain indexes contracts by address only; a dev chain's are few enough to scan.
    const running = allContracts
      .filter(([, contract]: [any, any]) => (contract.isSome === undefined ? contract : contract.unwrapOr(null))?.codeId.toString() === codeIdText)
      .map(([key]: [any, any]) => key.args[0].toString() as string);
    const saved = new Set(savedContracts(session.genesis).map((contract) => contract.address));
    const metadata = metadataFor(session.genesis, codeIdText, hash);
    const result = h('div', { 'data-test': 'remove-result' });
    const remove = h('button', {
      type: 'button', class: 'danger', 'data-test': 'remove-code', disabled: users.toBigInt() > 0n,
      title: users.toBigInt() > 0n ? 'Code that contracts run cannot be removed' : 'Removes the code and gives its deposit back to the uploader',
      onclick: async () => {
        remove.disabled = true;
        replace(result, notice('info', 'Removing: sign the transaction, then wait for its block…'));
        try {
          await submitOk(api, palletTx(api).removeCode(codeId), signerAccount().signer);
          forgetCode(session.genesis, codeIdText);
          replace(result, notice('ok', `Code ${codeIdText} removed; its deposit went back to its uploader.`));
        } catch (error) {
          replace(result, notice('error', 'Not removed: ', describeError(error)));
          remove.disabled = false;
        }
      },
    }, 'Remove code');

    replace(body,
      h('div', { class: 'card' }, table([
        ['code hash', h('code', { 'data-test': 'code-hash' }, hash)],
        ['uploader', h('code', {}, code.uploader.toString())],
        ['size', `${code.codeSize.toString()} bytes`],
        ['storage deposit', deposit.isSome ? formatBalance(deposit.unwrap().toBigInt(), session) : 'none'],
        ['contracts running it', users.toString()],
        ['metadata', metadata ? `${metadata.name} ${metadata.version ?? ''}` : h('span', {}, 'none in this browser: ',
          metadataInput('code-metadata', (loaded) => {
            saveCode(session.genesis, { codeId: codeIdText, name: loaded.name, hash, metadata: loaded });
            location.reload();
          }))],
      ], 'code-info')),
      metadata ? h('div', { class: 'card' }, h('h3', {}, 'Entry points'),
        h('ul', {}, ...metadata.entry_points.map((entry) => h('li', {}, h('strong', {}, entry.name), ` (${entry.kind}) `, entry.docs.join(' '))))) : null,
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `#/instantiate/${codeIdText}`, 'data-test': 'go-instantiate' }, 'Instantiate'),
        remove),
      result,
      h('h2', {}, 'Contracts running this code'),
      running.length === 0
        ? h('p', { class: 'hint' }, 'None.')
        : h('ul', { 'data-test': 'code-contracts' }, ...running.map((address: string) => h('li', {},
          h('a', { href: `#/contract/${address}` }, address), saved.has(address) ? ' (saved)' : ''))));
  })().catch((error) => replace(body, notice('error', describeError(error))));
};
