// The scale-info types of a contract's metadata, as the forms and the rendering of values read them.

import type { ContractMetadata, ScaleType } from '@wasm-contracts/client';

export interface TypeField { name?: string | null; type: number; typeName?: string | null }
export interface TypeVariant { name: string; index: number; fields?: TypeField[]; docs?: string[] }

export class MetadataTypes {
  readonly metadata: ContractMetadata;
  private readonly byId = new Map<number, ScaleType>();

  constructor(metadata: ContractMetadata) {
    this.metadata = metadata;
    for (const entry of metadata.types.types) this.byId.set(entry.id, entry.type);
  }

  get(id: number): ScaleType {
    const type = this.byId.get(id);
    if (!type) throw new Error(`the metadata has no type ${id}`);
    return type;
  }

  kind(id: number): string {
    return Object.keys(this.get(id).def)[0];
  }

  /** The last segment of the type's Rust path (`Option`, `Transfer`), if it has one. */
  pathName(id: number): string | undefined {
    const path = this.get(id).path;
    return path && path.length > 0 ? path[path.length - 1] : undefined;
  }

  isOption(id: number): boolean {
    return this.kind(id) === 'variant' && this.pathName(id) === 'Option';
  }

  isResult(id: number): boolean {
    return this.kind(id) === 'variant' && this.pathName(id) === 'Result';
  }

  isU8(id: number): boolean {
    const def = this.get(id).def;
    return def.primitive === 'u8';
  }

  /** `Vec<u8>`: polkadot.js treats it as `Bytes`. */
  isBytes(id: number): boolean {
    const def = this.get(id).def;
    return def.sequence !== undefined && this.isU8(def.sequence.type);
  }

  /** `[u8; 32]`, which contracts use for account addresses. */
  isAccount(id: number): boolean {
    const def = this.get(id).def;
    return def.array !== undefined && def.array.len === 32 && this.isU8(def.array.type);
  }

  /** A composite of one unnamed field: polkadot.js encodes it as that field alone. */
  newtypeInner(id: number): number | undefined {
    const def = this.get(id).def;
    const fields: TypeField[] | undefined = def.composite?.fields;
    return fields && fields.length === 1 && !fields[0].name ? fields[0].type : undefined;
  }

  variants(id: number): TypeVariant[] {
    return this.get(id).def.variant?.variants ?? [];
  }

  /** A short Rust-like name: `Address`, `u128`, `Option<Address>`, `Vec<u8>`, `(Address, Address)`. */
  name(id: number): string {
    const type = this.get(id);
    const def = type.def;
    const path = this.pathName(id);
    if (path) {
      const params = (type.params ?? []).filter((param) => param.type != null).map((param) => this.name(param.type as number));
      return params.length > 0 ? `${path}<${params.join(', ')}>` : path;
    }
    if (def.primitive) return def.primitive;
    if (def.compact) return `Compact<${this.name(def.compact.type)}>`;
    if (def.sequence) return `Vec<${this.name(def.sequence.type)}>`;
    if (def.array) return `[${this.name(def.array.type)}; ${def.array.len}]`;
    if (def.tuple) return `(${(def.tuple as number[]).map((item) => this.name(item)).join(', ')})`;
    if (def.bitSequence) return 'BitVec';
    return `type ${id}`;
  }
}
