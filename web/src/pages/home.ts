// The contracts and codes this browser remembers for the connected chain, and adding others.

import { encodeAddress, decodeAddress } from '@polkadot/util-crypto';
import type { ContractMetadata } from '@wasm-contracts/client';
import { h, notice, replace, row } from '../dom';
import { describeError } from '../errors';
import { forgetCode, forgetContract, saveCode, saveContract, savedCodes, savedContracts, STORAGE_PREFIX } from '../store';
import { metadataInput, runtimeApi, type Page } from './page';
import type { Session } from '../session';

/**
 * Forgets saved contracts and codes the chain no longer has, or has with other code: a dev chain
 * started afresh keeps its genesis hash, and reuses addresses and code ids.
 */
async function pruneSaved(session: Session): Promise<string[]> {
  const api = session.api;
  const forgotten: string[] = [];
  await Promise.all(savedContracts(session.genesis).map(async (contract) => {
    const info = await runtimeApi(api).contractInfo(contract.address);
    if (info.isNone || info.unwrap().codeId.toString() !== contract.codeId) {
      forgetContract(session.genesis, contract.address);
      forgotten.push(`${contract.name} ${contract.address}`);
    }
  }));
  await Promise.all(savedCodes(session.genesis).map(async (code) => {
    const info = await runtimeApi(api).codeInfo(BigInt(code.codeId));
    if (info.isNone || info.unwrap().codeHash.toHex() !== code.hash) {
      forgetCode(session.genesis, code.codeId);
      forgotten.push(`${code.name} code ${code.codeId}`);
    }
  }));
  return forgotten;
}

export const homePage: Page = (view, session) => {
  let left = false;
  replace(view, notice('info', 'Checking the saved contracts against the chain…'));
  pruneSaved(session).then(
    (forgotten) => { if (!left) showHome(view, session, forgotten); },
    () => { if (!left) showHome(view, session, []); },
  );
  return () => { left = true; };
};

function showHome(view: HTMLElement, session: Session, forgotten: string[]): void {
  const api = session.api;
  const contracts = savedContracts(session.genesis);
  const codes = savedCodes(session.genesis);

  const contractList = h('ul', { class: 'saved', 'data-test': 'saved-contracts' }, ...contracts.map((contract) => {
    return h('li', { 'data-test': 'saved-contract', 'data-address': contract.address },
      h('a', { href: `#/contract/${contract.address}`, 'data-test': 'contract-link' }, h('strong', {}, contract.name), ' ', h('code', {}, contract.address)),
      ` code ${contract.codeId}`,
      h('button', { type: 'button', class: 'small secondary', onclick: () => { forgetContract(session.genesis, contract.address); showHome(view, session, []); } }, 'forget'));
  }));
  const codeList = h('ul', { class: 'saved', 'data-test': 'saved-codes' }, ...codes.map((code) => h('li', { 'data-test': 'saved-code' },
    h('a', { href: `#/code/${code.codeId}` }, h('strong', {}, code.name), ` code ${code.codeId}`), ' ',
    h('a', { href: `#/instantiate/${code.codeId}` }, 'instantiate'),
    h('button', { type: 'button', class: 'small secondary', onclick: () => { forgetCode(session.genesis, code.codeId); showHome(view, session, []); } }, 'forget'))));

  // Adding a contract someone else created: its address and its metadata.
  let addMetadata: ContractMetadata | null = null;
  const addAddress = h('input', { type: 'text', 'data-test': 'add-contract-address', placeholder: 'contract address', list: 'known-accounts' });
  const addResult = h('div');
  const addContract = h('button', {
    type: 'button', 'data-test': 'add-contract',
    onclick: async () => {
      try {
        if (!addMetadata) throw new Error('choose the contract\'s metadata JSON');
        const address = encodeAddress(decodeAddress(addAddress.value.trim()), session.ss58);
        const info = await runtimeApi(api).contractInfo(address);
        if (info.isNone) throw new Error('there is no contract at this address on this chain');
        saveContract(session.genesis, { address, name: addMetadata.name, codeId: info.unwrap().codeId.toString(), metadata: addMetadata });
        location.hash = `#/contract/${address}`;
      } catch (error) {
        replace(addResult, notice('error', describeError(error)));
      }
    },
  }, 'Add contract');
  let codeMetadata: ContractMetadata | null = null;
  const addCodeId = h('input', { type: 'text', 'data-test': 'add-code-id', placeholder: 'code id', inputmode: 'numeric' });
  const addCode = h('button', {
    type: 'button', 'data-test': 'add-code',
    onclick: async () => {
      try {
        if (!/^\d+$/.test(addCodeId.value.trim())) throw new Error('the code id is a whole number');
        if (!codeMetadata) throw new Error('choose the code\'s metadata JSON');
        const codeId = addCodeId.value.trim();
        const info = await runtimeApi(api).codeInfo(BigInt(codeId));
        if (info.isNone) throw new Error(`there is no code ${codeId} on this chain`);
        saveCode(session.genesis, { codeId, name: codeMetadata.name, hash: info.unwrap().codeHash.toHex(), metadata: codeMetadata });
        location.hash = `#/code/${codeId}`;
      } catch (error) {
        replace(addResult, notice('error', describeError(error)));
      }
    },
  }, 'Add code');

  replace(view,
    h('h1', {}, 'Contracts'),
    forgotten.length > 0
      ? notice('info', `Forgot what this chain no longer has (a dev chain started afresh keeps its genesis hash): ${forgotten.join(', ')}.`)
      : null,
    contracts.length === 0
      ? h('p', { class: 'intro', 'data-test': 'no-contracts' }, 'No contracts saved for this chain yet. Upload a module with its metadata, then instantiate it; or add an existing contract below.')
      : contractList,
    h('h2', {}, 'Codes'),
    codes.length === 0 ? h('p', { class: 'hint' }, 'No codes saved for this chain yet.') : codeList,
    h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/upload', 'data-test': 'go-upload' }, 'Upload code')),
    h('h2', {}, 'Add an existing contract or code'),
    h('div', { class: 'card' },
      row('contract', addAddress),
      row('metadata', metadataInput('add-contract-metadata', (metadata) => { addMetadata = metadata; })),
      h('div', { class: 'actions' }, addContract)),
    h('div', { class: 'card' },
      row('code id', addCodeId),
      row('metadata', metadataInput('add-code-metadata', (metadata) => { codeMetadata = metadata; })),
      h('div', { class: 'actions' }, addCode)),
    addResult,
    h('p', { class: 'hint' }, `Saved in this browser's localStorage under ${STORAGE_PREFIX}${session.genesis}: other chains, and chains with another genesis, have their own list.`));
}
