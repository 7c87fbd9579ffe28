// A contract: a form per entry point (queries run live, executes previewed by a dry run and then
// submitted), its decoded events, its info, code history and raw storage.

import { u8aToHex } from '@polkadot/util';
import { TypedContract, fields, type ContractMetadata, type EntryPoint } from '@wasm-contracts/client';
import { debounce, h, notice, replace, row, table } from '../dom';
import { describeError } from '../errors';
import { build, parseBytes } from '../form';
import { render, showBytes } from '../render';
import { formatBalance, parseAmount, state } from '../session';
import { forgetContract, metadataFor, saveContract, savedContract } from '../store';
import { MetadataTypes } from '../types';
import { eventText, latest, metadataInput, previewView, renderContext, runtimeApi, signerAccount, watchBlocks, type Page } from './page';

const EVENT_LOOKBACK_BLOCKS = 200;

export const contractPage: Page = (view, session, [address]) => {
  const api = session.api;
  const stops: (() => void)[] = [];
  const body = h('div');
  replace(view, h('h1', {}, 'Contract ', h('code', { 'data-test': 'contract-address' }, address)), body);

  const show = (metadata: ContractMetadata, info: any) => {
    const contract = new TypedContract(api, metadata, address);
    const context = () => renderContext(session, metadata);
    const refreshers: (() => void)[] = [];
    const eventLog = h('ol', { class: 'log', 'data-test': 'event-log', reversed: true });
    const txLog = h('ol', { class: 'log', 'data-test': 'tx-log', reversed: true });
    const infoBox = h('div', { 'data-test': 'contract-info' });
    const history = h('div', { 'data-test': 'code-history' });

    const addEvent = (block: number, decoded: { topic: string; data: unknown }) => {
      eventLog.prepend(h('li', { 'data-test': 'event', 'data-topic': decoded.topic },
        h('span', { class: 'block' }, `#${block}`), ' ', h('code', {}, eventText(session, metadata, decoded))));
    };

    const eventsAt = async (block: number, hash: string) => {
      const records: any = await (api.query.system.events as any).at(hash);
      for (const decoded of contract.eventsIn(records.map((record: any) => record.event))) addEvent(block, decoded);
    };

    const entryCard = (entry: EntryPoint) => {
      const onChange = debounce(() => run(), 250);
      const message = build({ types: new MetadataTypes(metadata), onChange, accountList: 'known-accounts' }, entry.message, 'msg', 'message');
      const result = h('div', { 'data-test': entry.kind === 'query' ? 'result' : 'preview' });
      const card = h('section', { class: `card entry ${entry.kind}`, 'data-test': `entry-${entry.name}` },
        h('h3', {}, entry.name, ' ', h('span', { class: 'kind' }, entry.kind)),
        entry.docs.length ? h('p', { class: 'docs' }, entry.docs.join(' ')) : null,
        h('div', { class: 'message' }, message.element));
      let run: () => void;
      if (entry.kind === 'query') {
        run = latest(() => contract.call(entry.name, message.read()), (outcome) => {
          if (!outcome.ok) return replace(result, h('div', { class: 'preview fail' }, describeError(outcome.error, context(), entry.error)));
          replace(result, h('code', { class: 'output' }, entry.output != null ? render(context(), entry.output, outcome.value) : '()'));
        });
        card.append(h('div', { class: 'result' }, h('span', { class: 'label' }, 'result '), result));
      } else {
        const value = h('input', { type: 'text', value: '0', 'data-test': 'value', inputmode: 'decimal', oninput: onChange });
        const submit = h('button', { type: 'button', 'data-test': 'submit', disabled: true }, `Execute ${entry.name}`);
        const outcomeBox = h('div', { 'data-test': 'outcome' });
        // No second submission while one waits for its block.
        let submitting = false;
        run = latest(async () => contract.dryRun(entry.name, message.read(), { origin: signerAccount().address, value: parseAmount(value.value) }), (outcome) => {
          submit.disabled = submitting || !(outcome.ok && outcome.value.ok);
          if (!outcome.ok) return replace(result, h('div', { class: 'preview fail' }, describeError(outcome.error)));
          replace(result, previewView(session, metadata, entry, outcome.value));
        });
        submit.addEventListener('click', async () => {
          submitting = true;
          submit.disabled = true;
          replace(outcomeBox, notice('info', 'Sign the transaction, then wait for its block…'));
          try {
            const account = signerAccount();
            const executed = await contract.execute(entry.name, message.read(), { signer: account.signer, value: parseAmount(value.value) });
            const header = await api.rpc.chain.getHeader(executed.outcome.blockHash as any);
            const block = header.number.toNumber();
            const output = entry.output != null ? render(context(), entry.output, executed.output) : '()';
            const fee = executed.outcome.events.find((event) => (api.events as any).transactionPayment?.TransactionFeePaid.is(event));
            const feeText = fee ? ` · fee ${formatBalance(fields(fee).actualFee.toBigInt(), session)}` : '';
            replace(outcomeBox, notice('ok', `Done in block #${block}: ${output}${feeText}`));
            txLog.prepend(h('li', { 'data-test': 'tx' }, h('span', { class: 'block' }, `#${block}`), ` ${account.name}: ${entry.name} → ${output}`));
          } catch (error) {
            replace(outcomeBox, notice('error', 'Failed: ', describeError(error, context(), entry.error)));
            txLog.prepend(h('li', { 'data-test': 'tx', class: 'error' }, `${entry.name} failed: ${error instanceof Error ? error.message : error}`));
          } finally {
            submitting = false;
            run();
          }
        });
        card.append(
          row(`value (${session.symbol})`, value, 'sent with the call'),
          h('div', { class: 'result' }, h('span', { class: 'label' }, 'preview'), result),
          h('div', { class: 'actions' }, submit), outcomeBox);
      }
      refreshers.push(() => run());
      run();
      return card;
    };

    const refreshInfo = async () => {
      const [current, account, entries] = await Promise.all([
        runtimeApi(api).contractInfo(address),
        api.query.system.account(address) as Promise<any>,
        runtimeApi(api).contractHistory(address, 0, 100),
      ]);
      if (current.isNone) return replace(infoBox, notice('error', 'This contract no longer exists (it terminated).'));
      const contractInfo = current.unwrap();
      replace(infoBox, table([
        ['name', `${metadata.name} ${metadata.version ?? ''}`],
        ['code id', h('a', { href: `#/code/${contractInfo.codeId.toString()}`, 'data-test': 'contract-code' }, contractInfo.codeId.toString())],
        ['creator', h('code', {}, contractInfo.creator.toString())],
        ['admin', contractInfo.admin.isSome ? h('code', {}, contractInfo.admin.unwrap().toString()) : 'none (nobody can migrate it)'],
        ['balance', formatBalance(account.data.free.toBigInt(), session)],
      ]));
      replace(history, table(entries.map((entry: any) => [
        `#${entry.block.toString()}`,
        `${entry.change.type} → code ${entry.codeId.toString()}`,
      ])));
    };

    const storageKey = h('input', { type: 'text', 'data-test': 'storage-key', placeholder: 'key: text, or 0x-hex (the token keeps balances under the account\'s 32 bytes)' });
    const storageValue = h('div', { 'data-test': 'storage-value' });
    const readStorage = async () => {
      try {
        const key = u8aToHex(parseBytes(storageKey.value));
        const read = await runtimeApi(api).getStorage(address, key);
        if (read.isErr) return replace(storageValue, notice('error', `Cannot read: ${read.asErr.type}`));
        if (read.asOk.isNone) return replace(storageValue, 'nothing stored under this key');
        const bytes: Uint8Array = read.asOk.unwrap().toU8a(true);
        replace(storageValue, table([
          ['bytes', h('code', {}, u8aToHex(bytes))],
          ['as text', showBytes(bytes)],
          ['length', `${bytes.length} bytes`],
        ]));
      } catch (error) {
        replace(storageValue, notice('error', describeError(error)));
      }
    };

    const entries = metadata.entry_points.filter((entry) => entry.kind === 'execute' || entry.kind === 'query');
    replace(body,
      h('div', { class: 'columns' },
        h('div', { class: 'main-column' },
          h('h2', {}, 'Entry points'),
          h('p', { class: 'hint' }, 'Queries re-run on every change and every block. An execute is previewed by a dry run as the selected account; submit when the preview says it would succeed.'),
          ...entries.map(entryCard)),
        h('div', { class: 'side-column' },
          h('h2', {}, 'Events'), eventLog,
          h('h2', {}, 'Your transactions'), txLog,
          h('h2', {}, 'Info'), infoBox,
          h('h2', {}, 'Code history'), history,
          h('h2', {}, 'Raw storage'),
          h('div', { class: 'card' }, storageKey, h('button', { type: 'button', 'data-test': 'storage-read', onclick: readStorage }, 'Read'), storageValue),
          h('div', { class: 'actions' },
            h('button', {
              type: 'button', class: 'secondary', 'data-test': 'forget-contract',
              onclick: () => { forgetContract(session.genesis, address); location.hash = '#/'; },
            }, 'Forget this contract')))));

    // Events: the recent past since instantiation, then each new block.
    void (async () => {
      const head = (await api.rpc.chain.getHeader()).number.toNumber();
      const created = info.historyLen.toNumber() > 0 ? (await runtimeApi(api).contractHistory(address, 0, 1))[0]?.block.toNumber() ?? 0 : 0;
      for (let block = Math.max(created, head - EVENT_LOOKBACK_BLOCKS, 0); block <= head; block += 1) {
        await eventsAt(block, (await api.rpc.chain.getBlockHash(block)).toHex());
      }
      stops.push(watchBlocks(api, (block, hash) => {
        void eventsAt(block, hash).catch(() => undefined);
        void refreshInfo().catch(() => undefined);
        for (const refresh of refreshers) refresh();
      }, head));
    })().catch((error) => eventLog.append(h('li', { class: 'error' }, `Events unavailable: ${error instanceof Error ? error.message : error}`)));
    void refreshInfo().catch((error) => replace(infoBox, notice('error', describeError(error))));
    stops.push(state.onChange(() => refreshers.forEach((refresh) => refresh())));
  };

  (async () => {
    const current = await runtimeApi(api).contractInfo(address);
    if (current.isNone) {
      return replace(body, notice('error', 'There is no contract at this address on this chain (it terminated, or the chain was purged).'),
        h('button', { type: 'button', class: 'secondary', onclick: () => { forgetContract(session.genesis, address); location.hash = '#/'; } }, 'Forget it'));
    }
    const info = current.unwrap();
    const codeId = info.codeId.toString();
    const codeInfo = await runtimeApi(api).codeInfo(info.codeId);
    const hash = codeInfo.isSome ? codeInfo.unwrap().codeHash.toHex() : undefined;
    const known = savedContract(session.genesis, address)?.metadata ?? metadataFor(session.genesis, codeId, hash);
    const remember = (metadata: ContractMetadata) => saveContract(session.genesis, { address, name: metadata.name, codeId, metadata });
    if (known) {
      remember(known);
      return show(known, info);
    }
    replace(body, notice('info', `This browser has no metadata for code ${codeId}. Choose the contract's metadata JSON:`),
      metadataInput('contract-metadata', (metadata) => { remember(metadata); show(metadata, info); }));
  })().catch((error) => replace(body, notice('error', describeError(error))));

  return () => stops.forEach((stop) => stop());
};

