// The connection to a node and the accounts that sign: the dev keyring on development chains,
// and the accounts of a browser extension (polkadot.js and compatible ones).

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { SIGNED_EXTENSIONS, type Signer } from '@wasm-contracts/client';

export const DEFAULT_ENDPOINT = 'ws://127.0.0.1:9944';
const CONNECT_TIMEOUT_MS = 20_000;
const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const SELECTED_KEY = 'wasm-contracts:account';

export interface Account { address: string; name: string; source: 'dev' | 'extension'; signer: Signer }

export interface Session {
  api: ApiPromise;
  url: string;
  chainName: string;
  genesis: string;
  isDev: boolean;
  decimals: number;
  symbol: string;
  ss58: number;
}

type Listener = () => void;

class State {
  session: Session | null = null;
  connecting = false;
  connectError: string | null = null;
  accounts: Account[] = [];
  account: Account | null = null;
  private listeners = new Set<Listener>();

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }
}

export const state = new State();

/** The endpoint to start with: `?rpc=` when given, else the local node. */
export function initialEndpoint(): string {
  return new URLSearchParams(location.search).get('rpc') || DEFAULT_ENDPOINT;
}

/** Connects to `url`, replacing any earlier connection; failures end in `state.connectError`, in words. */
export async function connectTo(url: string): Promise<void> {
  const previous = state.session;
  state.session = null;
  state.connecting = true;
  state.connectError = null;
  state.changed();
  if (previous) await previous.api.disconnect().catch(() => undefined);
  try {
    const session = await openSession(url);
    state.session = session;
    // Without automatic reconnection a lost node ends the session; say so rather than hang.
    session.api.on('disconnected', () => {
      if (state.session !== session) return;
      state.session = null;
      state.connectError = `Lost the connection to ${url}. Press Connect to reconnect.`;
      state.changed();
    });
    await loadAccounts();
  } catch (error) {
    state.connectError = connectionFailure(url, error);
  } finally {
    state.connecting = false;
    state.changed();
  }
}

function connectionFailure(url: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (!/^wss?:\/\//.test(url)) return `"${url}" is not a WebSocket address: it should start with ws:// or wss://.`;
  return `Could not connect to ${url}: ${reason || 'the node did not answer'}. Is the node running, and does it accept this page's origin (--rpc-cors)?`;
}

async function openSession(url: string): Promise<Session> {
  if (!/^wss?:\/\//.test(url)) throw new Error('not a ws:// or wss:// address');
  // No automatic reconnection: a wrong address fails once instead of retrying in the background.
  const provider = new WsProvider(url, false);
  const failed = new Promise<never>((_, reject) => {
    provider.on('error', () => reject(new Error('the connection failed')));
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS));
  try {
    const connected = provider.connect();
    await Promise.race([connected, failed, timeout]);
    const api = await Promise.race([
      ApiPromise.create({ provider, signedExtensions: SIGNED_EXTENSIONS as any, noInitWarn: true, throwOnConnect: true }),
      failed,
      timeout,
    ]);
    if (!(api.tx as any).wasmContracts) {
      await api.disconnect();
      throw new Error('its runtime has no WasmContracts pallet');
    }
    await cryptoWaitReady();
    const [chainName, chainType] = await Promise.all([api.rpc.system.chain(), api.rpc.system.chainType()]);
    return {
      api,
      url,
      chainName: chainName.toString(),
      genesis: api.genesisHash.toHex(),
      isDev: chainType.isDevelopment || chainType.isLocal,
      decimals: api.registry.chainDecimals[0] ?? 12,
      symbol: api.registry.chainTokens[0] ?? 'UNIT',
      ss58: api.registry.chainSS58 ?? 42,
    };
  } catch (error) {
    await provider.disconnect().catch(() => undefined);
    throw error;
  }
}

async function loadAccounts(): Promise<void> {
  const session = state.session;
  if (!session) return;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: session.ss58 });
  const dev: Account[] = session.isDev
    ? DEV_NAMES.map((name) => {
      const pair = keyring.addFromUri(`//${name}`, { name });
      return { address: pair.address, name, source: 'dev', signer: pair };
    })
    : [];
  const extension = state.accounts.filter((account) => account.source === 'extension')
    .map((account) => ({ ...account, address: encodeAddress(decodeAddress(account.address), session.ss58) }));
  setAccounts([...dev, ...extension]);
}

function setAccounts(accounts: Account[]): void {
  state.accounts = accounts;
  const wanted = localStorage.getItem(SELECTED_KEY);
  state.account = accounts.find((account) => account.address === wanted) ?? accounts[0] ?? null;
}

export function selectAccount(address: string): void {
  state.account = state.accounts.find((account) => account.address === address) ?? null;
  if (state.account) localStorage.setItem(SELECTED_KEY, state.account.address);
  state.changed();
}

/** Adds the accounts of the browser extensions; resolves to what happened, in words. */
export async function enableExtension(): Promise<string> {
  const session = state.session;
  const { web3Accounts, web3Enable, web3FromSource } = await import('@polkadot/extension-dapp');
  const extensions = await web3Enable('wasm-contracts');
  if (extensions.length === 0) {
    return 'No browser extension answered: install the polkadot.js extension (or a compatible one), allow this page in it, and try again.';
  }
  const found = await web3Accounts({ ss58Format: session?.ss58 });
  if (found.length === 0) return `${extensions.map((e) => e.name).join(', ')} gave no accounts: create or import one in the extension, or allow it for this page.`;
  const added: Account[] = [];
  for (const account of found) {
    const injector = await web3FromSource(account.meta.source);
    added.push({
      address: account.address,
      name: `${account.meta.name ?? 'account'} (${account.meta.source})`,
      source: 'extension',
      signer: { address: account.address, signer: injector.signer },
    });
  }
  setAccounts([...state.accounts.filter((account) => account.source !== 'extension'), ...added]);
  state.changed();
  return `Added ${added.length} account${added.length === 1 ? '' : 's'} from ${extensions.map((e) => e.name).join(', ')}.`;
}

/** Names of the known accounts by address, for showing addresses. */
export function accountNames(): Map<string, string> {
  return new Map(state.accounts.map((account) => [account.address, account.name]));
}

/** `planck` in the chain's unit: "1.5 UNIT". */
export function formatBalance(planck: bigint, session: Session | null = state.session): string {
  const decimals = BigInt(session?.decimals ?? 12);
  const unit = 10n ** decimals;
  const negative = planck < 0n;
  const magnitude = negative ? -planck : planck;
  const whole = magnitude / unit;
  const fraction = (magnitude % unit).toString().padStart(Number(decimals), '0').replace(/0+$/, '');
  const digits = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''} ${session?.symbol ?? 'UNIT'}`;
}

/** An amount typed in the chain's unit ("1.5") in plancks. */
export function parseAmount(text: string, session: Session | null = state.session): bigint {
  const decimals = session?.decimals ?? 12;
  const cleaned = text.trim().replace(/[_\s,]/g, '');
  if (cleaned === '') return 0n;
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && !match[2])) throw new Error(`"${text.trim()}" is not an amount`);
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) throw new Error(`at most ${decimals} decimals`);
  return BigInt(match[1] || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
}

/** Ref time in ms and proof size in KiB, as gas reads best. */
export function formatWeight(weight: { refTime: bigint; proofSize: bigint }): string {
  const ms = Number(weight.refTime) / 1e9;
  const kib = Number(weight.proofSize) / 1024;
  return `${ms.toFixed(3)} ms of ref time (${weight.refTime}), ${kib.toFixed(1)} KiB of proof (${weight.proofSize} B)`;
}
