// Types of the client (index.js and the modules it re-exports), for TypeScript users such as the web page.
import type { ApiPromise } from '@polkadot/api';
import type { TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';

export type Signer = { address: string } & ({ signer: unknown } | object);

export interface EntryPoint {
  kind: 'execute' | 'query' | 'instantiate' | 'call';
  name: string;
  docs: string[];
  message: number;
  output: number | null;
  error: number | null;
}
export interface ContractMetadata {
  format: number;
  name: string;
  version?: string;
  code_hash?: string;
  entry_points: EntryPoint[];
  events?: { topic: string; docs: string[]; data: number }[];
  types: { types: { id: number; type: ScaleType }[] };
}
export interface ScaleType {
  path?: string[];
  params?: { name: string; type?: number | null }[];
  def: Record<string, any>;
  docs?: string[];
}

export interface Outcome { blockHash: Codec; events: any[]; error: DecodedError | null }
export interface DecodedError { section: string | null; name: string; docs: string }

export class ContractError extends Error {
  error: string;
  docs: string;
  reverted: Codec | null;
}

export interface Preview {
  ok: boolean;
  gasRequired: { refTime: bigint; proofSize: bigint };
  storageDeposit: { charge: bigint } | { refund: bigint };
  output: Codec | null;
  error: ContractError | null;
  events: { topic: string; data: Codec | Uint8Array }[];
  dryRun: any;
  address?: string;
  msg?: string;
  initMsg?: Uint8Array;
}

export const SIGNED_EXTENSIONS: Record<string, unknown>;
export function connect(url: string, options?: { retryMs?: number }): Promise<ApiPromise>;
export function decodeError(api: ApiPromise, dispatchError: any): DecodedError;
export function submit(api: ApiPromise, tx: any, signer: Signer): Promise<Outcome>;
export function submitOk(api: ApiPromise, tx: any, signer: Signer): Promise<Outcome>;
export function fields(event: any): Record<string, any>;
export function eventsOf(outcome: Outcome, eventType: any): any[];
export function bytesArg(value: string | Uint8Array): string;
export function codeHash(wasm: Uint8Array): Uint8Array;
export function depositLimit(storageDeposit: any): any;
export function metadataRegistry(metadata: ContractMetadata): TypeRegistry;

export class TypedContract {
  constructor(api: ApiPromise, metadata: ContractMetadata, address: string | null);
  api: ApiPromise;
  address: string;
  metadata: ContractMetadata;
  registry: TypeRegistry;
  outcome?: Outcome;
  static instantiateEntry(metadata: ContractMetadata): EntryPoint | undefined;
  static dryRunInstantiate(
    api: ApiPromise, metadata: ContractMetadata, codeId: bigint, message: unknown,
    options: { origin: string; value?: bigint; admin?: string | null; salt?: Uint8Array | string | null },
  ): Promise<Preview>;
  static instantiate(
    api: ApiPromise, metadata: ContractMetadata, codeId: bigint, message: unknown,
    options: { signer: Signer; value?: bigint; admin?: string | null; salt?: Uint8Array | string | null },
  ): Promise<TypedContract>;
  entryPoint(name: string): EntryPoint;
  encode(typeId: number, value: unknown): Uint8Array;
  decode(typeId: number, bytes: Uint8Array): Codec;
  dryRun(name: string, message: unknown, options: { origin: string; value?: bigint }): Promise<Preview>;
  execute(name: string, message: unknown, options: { signer: Signer; value?: bigint }): Promise<{ output: Codec; outcome: Outcome; events: { topic: string; data: Codec | Uint8Array }[] }>;
  call(name: string, message: unknown): Promise<Codec>;
  decodeEvent(emitted: any): { topic: string; data: Codec | Uint8Array };
  eventsIn(events: any[]): { topic: string; data: Codec | Uint8Array }[];
}
