// What a user added, remembered in localStorage per chain: the key holds the genesis hash, so
// another chain (or a dev chain whose genesis changed) starts empty.

import type { ContractMetadata } from '@wasm-contracts/client';

export interface SavedCode { codeId: string; name: string; hash: string; metadata: ContractMetadata }
export interface SavedContract { address: string; name: string; codeId: string; metadata: ContractMetadata; addedAt: number }

interface ChainData { codes: Record<string, SavedCode>; contracts: Record<string, SavedContract> }

export const STORAGE_PREFIX = 'wasm-contracts:';

function keyOf(genesis: string): string {
  return `${STORAGE_PREFIX}${genesis}`;
}

function load(genesis: string): ChainData {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(genesis)) ?? 'null');
    if (parsed && typeof parsed === 'object') return { codes: parsed.codes ?? {}, contracts: parsed.contracts ?? {} };
  } catch {
    // A corrupt entry is dropped rather than breaking the page.
  }
  return { codes: {}, contracts: {} };
}

function save(genesis: string, data: ChainData): void {
  localStorage.setItem(keyOf(genesis), JSON.stringify(data));
}

export function savedCodes(genesis: string): SavedCode[] {
  return Object.values(load(genesis).codes).sort((a, b) => Number(BigInt(b.codeId) - BigInt(a.codeId)));
}

export function savedCode(genesis: string, codeId: string): SavedCode | undefined {
  return load(genesis).codes[codeId];
}

export function saveCode(genesis: string, code: SavedCode): void {
  const data = load(genesis);
  data.codes[code.codeId] = code;
  save(genesis, data);
}

export function forgetCode(genesis: string, codeId: string): void {
  const data = load(genesis);
  delete data.codes[codeId];
  save(genesis, data);
}

export function savedContracts(genesis: string): SavedContract[] {
  return Object.values(load(genesis).contracts).sort((a, b) => b.addedAt - a.addedAt);
}

export function savedContract(genesis: string, address: string): SavedContract | undefined {
  return load(genesis).contracts[address];
}

export function saveContract(genesis: string, contract: Omit<SavedContract, 'addedAt'>): void {
  const data = load(genesis);
  data.contracts[contract.address] = { ...contract, addedAt: data.contracts[contract.address]?.addedAt ?? Date.now() };
  save(genesis, data);
}

export function forgetContract(genesis: string, address: string): void {
  const data = load(genesis);
  delete data.contracts[address];
  save(genesis, data);
}

/** Metadata for code `codeId` or of hash `hash`: a saved code's, else a saved contract's of that code. */
export function metadataFor(genesis: string, codeId: string, hash?: string): ContractMetadata | undefined {
  const data = load(genesis);
  if (data.codes[codeId]) return data.codes[codeId].metadata;
  const sameHash = Object.values(data.codes).find((code) => hash && code.hash === hash);
  if (sameHash) return sameHash.metadata;
  return Object.values(data.contracts).find((contract) => contract.codeId === codeId)?.metadata;
}

/** Checks that `value` looks like the metadata `cargo wasm-contracts build` writes. */
export function parseMetadata(text: string): ContractMetadata {
  let value: any;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`the metadata file is not JSON (${error instanceof Error ? error.message : error})`);
  }
  if (!value || !Array.isArray(value.entry_points) || !Array.isArray(value.types?.types)) {
    throw new Error('the metadata file has no entry_points and types: choose the .metadata.json written next to the .wasm');
  }
  return value as ContractMetadata;
}
