// Upload: a `.wasm` (raw or gzip) with its metadata; shows the code id, hash and deposit.

import { u8aToHex } from '@polkadot/util';
import { codeHash, fields, submitOk, bytesArg, type ContractMetadata } from '@wasm-contracts/client';
import { fileBytes, h, notice, replace, row, table } from '../dom';
import { describeError } from '../errors';
import { formatBalance, type Session } from '../session';
import { saveCode } from '../store';
import { metadataInput, palletTx, signerAccount, type Page } from './page';

const GZIP_MAGIC = [0x1f, 0x8b];

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What the chain will hold for `codeSize` bytes: the code id's record (90 B) and the module, two items. */
function depositEstimate(session: Session, codeSize: number): bigint | null {
  const consts = (session.api.consts as any).wasmContracts;
  if (!consts?.depositPerItem || !consts?.depositPerByte) return null;
  return 2n * consts.depositPerItem.toBigInt() + consts.depositPerByte.toBigInt() * BigInt(90 + codeSize);
}

export const uploadPage: Page = (view, session) => {
  let code: Uint8Array | null = null;
  let metadata: ContractMetadata | null = null;
  const details = h('div', { 'data-test': 'upload-details' });
  const result = h('div', { 'data-test': 'upload-result' });
  const submit = h('button', { type: 'button', 'data-test': 'upload-submit', disabled: true }, 'Upload');

  const wasmInput = h('input', {
    type: 'file', accept: '.wasm,.gz,application/wasm,application/gzip', 'data-test': 'upload-wasm',
    onchange: async () => {
      code = await fileBytes(wasmInput);
      await describe();
    },
  });

  async function describe(): Promise<void> {
    submit.disabled = !code;
    if (!code) return replace(details);
    try {
      const gzip = GZIP_MAGIC.every((byte, index) => code![index] === byte);
      const module = gzip ? await gunzip(code) : code;
      const hash = u8aToHex(codeHash(module));
      const deposit = depositEstimate(session, module.length);
      const rows: [string, string | Node][] = [
        ['file', `${code.length} bytes${gzip ? `, gzip of ${module.length} bytes` : ''}`],
        ['code hash', h('code', {}, hash)],
      ];
      if (deposit !== null) rows.push(['storage deposit', `${formatBalance(deposit, session)} (held on the uploader until the code is removed)`]);
      if (metadata) {
        rows.push(['metadata', `${metadata.name} ${metadata.version ?? ''}`]);
        if (metadata.code_hash && metadata.code_hash !== hash) {
          rows.push(['warning', h('span', { class: 'error' }, `the metadata is for code ${metadata.code_hash}, not this module: choose the metadata written with it`)]);
        }
      }
      replace(details, table(rows));
    } catch (error) {
      replace(details, notice('error', `This file cannot be read as wasm or gzip: ${error instanceof Error ? error.message : error}`));
    }
  }

  submit.addEventListener('click', async () => {
    if (!code) return;
    submit.disabled = true;
    replace(result, notice('info', 'Uploading: sign the transaction, then wait for its block…'));
    try {
      const account = signerAccount();
      const api = session.api;
      const outcome = await submitOk(api, palletTx(api).uploadCode(bytesArg(code), null), account.signer);
      const uploaded = outcome.events.find((event) => (api.events as any).wasmContracts.CodeUploaded.is(event));
      const { codeId, codeHash: hash, codeSize } = fields(uploaded);
      const id = codeId.toString();
      // The deposit as the upload's block left it.
      const at: any = await api.at(outcome.blockHash as any);
      const deposit = await at.query.wasmContracts.codeDeposits(codeId);
      if (metadata) saveCode(session.genesis, { codeId: id, name: metadata.name, hash: hash.toHex(), metadata });
      replace(result,
        notice('ok', 'Uploaded.'),
        table([
          ['code id', h('strong', { 'data-test': 'code-id' }, id)],
          ['code hash', h('code', { 'data-test': 'code-hash' }, hash.toHex())],
          ['size', `${codeSize.toString()} bytes`],
          ['storage deposit', h('span', { 'data-test': 'code-deposit' }, deposit && deposit.isSome ? formatBalance(deposit.unwrap().toBigInt(), session) : 'none')],
        ]),
        h('div', { class: 'actions' },
          metadata
            ? h('a', { class: 'button', href: `#/instantiate/${id}`, 'data-test': 'go-instantiate' }, 'Instantiate it')
            : h('span', { class: 'hint' }, 'Add its metadata on the code page to instantiate it with a form.'),
          h('a', { class: 'button secondary', href: `#/code/${id}`, 'data-test': 'go-code' }, 'Code page')));
    } catch (error) {
      replace(result, notice('error', 'The upload failed: ', describeError(error)));
    } finally {
      submit.disabled = !code;
    }
  });

  replace(view,
    h('h1', {}, 'Upload code'),
    h('p', { class: 'intro' }, 'Choose a contract module (.wasm, or .wasm.gz) and the metadata JSON written next to it. The metadata stays in this browser, for this chain, and gives every contract of this code its forms.'),
    h('div', { class: 'card' },
      row('module', wasmInput, '.wasm or gzip'),
      row('metadata', metadataInput('upload-metadata', (loaded) => { metadata = loaded; void describe(); }), '.metadata.json'),
      details,
      h('div', { class: 'actions' }, submit)),
    result);
};
