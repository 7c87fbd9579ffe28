// Decoded values shown as a person reads them (Rust-like, addresses in SS58), from the codec
// polkadot.js decoded and the metadata type it was decoded as.

import { u8aToHex, u8aToString } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import type { MetadataTypes, TypeField } from './types';

export interface RenderContext {
  types: MetadataTypes;
  ss58: number;
  /** Names of known accounts, by SS58 address. */
  names?: Map<string, string>;
}

/** Bytes as text when they are printable UTF-8, else hex. */
export function showBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return '""';
  const text = u8aToString(bytes);
  // A round trip proves valid UTF-8; control characters would not read as text.
  const printable = new TextEncoder().encode(text).length === bytes.length && !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
  return printable ? JSON.stringify(text) : u8aToHex(bytes);
}

export function showAccount(bytes: Uint8Array, context: Pick<RenderContext, 'ss58' | 'names'>): string {
  const address = encodeAddress(bytes, context.ss58);
  const name = context.names?.get(address);
  return name ? `${address} (${name})` : address;
}

function showFields(context: RenderContext, fields: TypeField[], codec: any, name: string): string {
  if (fields.length === 0) return name;
  if (fields.every((field) => field.name)) {
    // A Struct is a Map in field order.
    const values = [...codec.values()];
    const inner = fields.map((field, index) => `${field.name}: ${render(context, field.type, values[index])}`);
    return `${name ? `${name} ` : ''}{ ${inner.join(', ')} }`;
  }
  if (fields.length === 1) return `${name}(${render(context, fields[0].type, codec)})`;
  return `${name}(${fields.map((field, index) => render(context, field.type, codec[index])).join(', ')})`;
}

/** `codec`, decoded as type `typeId` of the metadata, in words. */
export function render(context: RenderContext, typeId: number, codec: any): string {
  const { types } = context;
  const type = types.get(typeId);
  const def = type.def;
  if (def.composite) {
    const fields: TypeField[] = def.composite.fields;
    if (types.newtypeInner(typeId) !== undefined) return render(context, fields[0].type, codec);
    return showFields(context, fields, codec, types.pathName(typeId) ?? '');
  }
  if (def.variant) {
    if (types.isOption(typeId)) {
      const inner = types.variants(typeId).find((variant) => variant.name === 'Some')?.fields?.[0]?.type;
      return codec.isSome && inner !== undefined ? `Some(${render(context, inner, codec.unwrap())})` : 'None';
    }
    if (types.isResult(typeId)) {
      const variant = types.variants(typeId).find((candidate) => candidate.name === (codec.isOk ? 'Ok' : 'Err'));
      const inner = codec.isOk ? codec.asOk : codec.asErr;
      return showFields(context, variant?.fields ?? [], inner, codec.isOk ? 'Ok' : 'Err');
    }
    const variant = types.variants(typeId).find((candidate) => candidate.index === codec.index);
    if (!variant) return String(codec.type);
    return showFields(context, variant.fields ?? [], codec.value, variant.name);
  }
  if (def.sequence) {
    if (types.isBytes(typeId)) return showBytes(codec.toU8a(true));
    return `[${[...codec].map((item: any) => render(context, def.sequence.type, item)).join(', ')}]`;
  }
  if (def.array) {
    if (types.isAccount(typeId)) return showAccount(codec.toU8a(true), context);
    if (types.isU8(def.array.type)) return u8aToHex(codec.toU8a(true));
    return `[${[...codec].map((item: any) => render(context, def.array.type, item)).join(', ')}]`;
  }
  if (def.tuple) {
    const items = def.tuple as number[];
    if (items.length === 0) return '()';
    return `(${items.map((item, index) => render(context, item, codec[index])).join(', ')})`;
  }
  if (def.primitive === 'str') return JSON.stringify(codec.toString());
  if (def.compact) return render(context, def.compact.type, codec.unwrap());
  return codec.toString();
}
