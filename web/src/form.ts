// Forms generated from a message's scale-info type. Each field reads back the plain JS value
// `TypedContract.encode` takes: objects for structs, arrays for tuples and vectors, `{ Variant:
// value }` (or the name alone) for enums, `null` for `None` and `()`, bigints for integers, hex
// for `Vec<u8>` and `[u8; N]` (addresses too: polkadot.js reads bytes given for an `Option<[u8;
// 32]>` as an encoded option).

import { hexToU8a, isHex, stringCamelCase, stringToHex, u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { h, replace } from './dom';
import type { MetadataTypes, TypeField } from './types';

/** A field whose input cannot be read; `path` names it as the form does. */
export class FieldError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}

export interface FormContext {
  types: MetadataTypes;
  /** Called on every change of an input (previews re-run). */
  onChange: () => void;
  /** The id of a `<datalist>` of known accounts. */
  accountList: string;
}

export interface Field {
  element: HTMLElement;
  read(): unknown;
}

const INTEGER_BITS: Record<string, [boolean, number]> = {
  u8: [false, 8], u16: [false, 16], u32: [false, 32], u64: [false, 64], u128: [false, 128], u256: [false, 256],
  i8: [true, 8], i16: [true, 16], i32: [true, 32], i64: [true, 64], i128: [true, 128], i256: [true, 256],
};

/** An integer of `primitive` (`u128`, `i32`, ...) from what a person typed ("1_000", "1 000" too). */
export function parseInteger(text: string, primitive: string): bigint {
  const [signed, bits] = INTEGER_BITS[primitive];
  const cleaned = text.trim().replace(/[_\s,]/g, '');
  if (cleaned === '') throw new Error('enter a whole number');
  if (!/^-?\d+$/.test(cleaned)) throw new Error(`"${text.trim()}" is not a whole number`);
  const value = BigInt(cleaned);
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  if (value < min || value > max) throw new Error(`${value} is out of range for ${primitive} (${min} to ${max})`);
  return value;
}

/** A 32-byte account from an SS58 address or 0x-prefixed hex. */
export function parseAccount(text: string): Uint8Array {
  const trimmed = text.trim();
  if (trimmed === '') throw new Error('enter an account address');
  try {
    return decodeAddress(trimmed);
  } catch {
    throw new Error(`"${trimmed}" is not an SS58 address nor 32 bytes of hex`);
  }
}

/** Bytes from text, or from 0x-prefixed hex. */
export function parseBytes(text: string): Uint8Array {
  if (text.startsWith('0x')) {
    if (!isHex(text)) throw new Error(`"${text}" starts with 0x but is not whole bytes of hex`);
    return hexToU8a(text);
  }
  return new TextEncoder().encode(text);
}

function testId(path: string): string {
  return `field-${path}`;
}

/** Reads `input` with `parse`, marking it invalid and naming the field when that fails. */
function checked<T>(input: HTMLInputElement | HTMLSelectElement, path: string, parse: () => T): T {
  try {
    const value = parse();
    input.classList.remove('invalid');
    input.title = '';
    return value;
  } catch (error) {
    input.classList.add('invalid');
    const message = error instanceof Error ? error.message : String(error);
    input.title = message;
    throw new FieldError(path, message);
  }
}

function textInput(context: FormContext, path: string, placeholder: string, value = ''): HTMLInputElement {
  return h('input', {
    type: 'text', 'data-test': testId(path), name: path, placeholder, value, autocomplete: 'off', spellcheck: 'false',
    oninput: () => context.onChange(),
  });
}

function labelled(label: string, typeName: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' },
    h('span', { class: 'label' }, label, ' ', h('span', { class: 'type' }, typeName)),
    control);
}

function fieldsOf(context: FormContext, fields: TypeField[], path: string): Field {
  if (fields.length === 0) return { element: h('span', { class: 'hint' }, 'no fields'), read: () => null };
  const named = fields.every((field) => field.name);
  const children = fields.map((field, index) => {
    const name = named ? (field.name as string) : String(index);
    return { name, field: build(context, field.type, `${path}.${name}`, name, field.typeName ?? undefined) };
  });
  if (!named && fields.length === 1) return children[0].field;
  return {
    element: h('div', { class: 'fields' }, ...children.map((child) => child.field.element)),
    read: () => named
      ? Object.fromEntries(children.map((child) => [stringCamelCase(child.name), child.field.read()]))
      : children.map((child) => child.field.read()),
  };
}

function variantField(context: FormContext, typeId: number, path: string): Field {
  const variants = context.types.variants(typeId);
  const select = h('select', { 'data-test': testId(path), name: path },
    ...variants.map((variant) => h('option', { value: variant.name }, variant.name)));
  const body = h('div', { class: 'variant-fields' });
  let current: Field = { element: body, read: () => null };
  const show = () => {
    const variant = variants.find((candidate) => candidate.name === select.value) ?? variants[0];
    current = fieldsOf(context, variant.fields ?? [], `${path}.${variant.name}`);
    replace(body, (variant.fields ?? []).length > 0 ? current.element : null);
  };
  select.addEventListener('change', () => {
    show();
    context.onChange();
  });
  show();
  return {
    element: h('div', { class: 'variant' }, select, body),
    read: () => {
      const variant = variants.find((candidate) => candidate.name === select.value) ?? variants[0];
      if (!variant) throw new FieldError(path, 'this enum has no variants');
      return (variant.fields ?? []).length === 0 ? variant.name : { [variant.name]: current.read() };
    },
  };
}

function optionField(context: FormContext, typeId: number, path: string, label: string): Field {
  const inner = context.types.variants(typeId).find((variant) => variant.name === 'Some')?.fields?.[0]?.type;
  if (inner === undefined) return { element: h('span'), read: () => null };
  const some = build(context, inner, `${path}.some`, label);
  const toggle = h('input', { type: 'checkbox', 'data-test': testId(`${path}.isSome`), name: `${path}.isSome` });
  const body = h('div', { class: 'option-body', hidden: true }, some.element);
  toggle.addEventListener('change', () => {
    body.hidden = !toggle.checked;
    context.onChange();
  });
  return {
    element: h('div', { class: 'option' }, h('label', { class: 'inline' }, toggle, ' Some (unchecked: None)'), body),
    read: () => (toggle.checked ? some.read() : null),
  };
}

function listField(context: FormContext, itemType: number, path: string, fixedLength?: number): Field {
  const items: { field: Field; row: HTMLElement }[] = [];
  const rows = h('div', { class: 'list-rows' });
  const renumber = () => items.forEach((item, index) => {
    const label = item.row.querySelector('.index');
    if (label) label.textContent = `#${index}`;
  });
  const add = () => {
    const index = items.length;
    const field = build(context, itemType, `${path}.${index}`, `#${index}`);
    const row = h('div', { class: 'list-row' }, h('span', { class: 'index' }, `#${index}`), field.element);
    const item = { field, row };
    if (fixedLength === undefined) {
      row.append(h('button', {
        type: 'button', class: 'small', 'data-test': `remove-${path}`, title: 'Remove this item',
        onclick: () => {
          items.splice(items.indexOf(item), 1);
          row.remove();
          renumber();
          context.onChange();
        },
      }, '−'));
    }
    items.push(item);
    rows.append(row);
  };
  for (let i = 0; i < (fixedLength ?? 0); i += 1) add();
  const controls = fixedLength === undefined
    ? h('button', { type: 'button', class: 'small', 'data-test': `add-${path}`, onclick: () => { add(); context.onChange(); } }, '+ item')
    : null;
  return {
    element: h('div', { class: 'list' }, rows, controls),
    read: () => items.map((item) => item.field.read()),
  };
}

/** The form of type `typeId`; `path` names its inputs (`data-test="field-<path>"`). */
export function build(context: FormContext, typeId: number, path: string, label: string, typeName?: string): Field {
  const { types } = context;
  const def = types.get(typeId).def;
  const name = typeName ?? types.name(typeId);
  const newtype = types.newtypeInner(typeId);
  if (newtype !== undefined) return build(context, newtype, path, label, name);
  if (def.composite) {
    if (def.composite.fields.length === 0) return { element: h('span'), read: () => null };
    const inner = fieldsOf(context, def.composite.fields, path);
    return { element: h('fieldset', {}, h('legend', {}, label, ' ', h('span', { class: 'type' }, name)), inner.element), read: inner.read };
  }
  if (def.variant) {
    const field = types.isOption(typeId) ? optionField(context, typeId, path, label) : variantField(context, typeId, path);
    return { element: labelled(label, name, field.element), read: field.read };
  }
  if (def.tuple) {
    const items = def.tuple as number[];
    if (items.length === 0) return { element: h('span'), read: () => null };
    const inner = fieldsOf(context, items.map((type) => ({ type })), path);
    return { element: h('fieldset', {}, h('legend', {}, label, ' ', h('span', { class: 'type' }, name)), inner.element), read: inner.read };
  }
  if (def.sequence) {
    if (types.isBytes(typeId)) {
      const input = textInput(context, path, 'text, or 0x-prefixed hex');
      return { element: labelled(label, name, input), read: () => checked(input, path, () => stringOrHex(input.value)) };
    }
    const list = listField(context, def.sequence.type, path);
    return { element: labelled(label, name, list.element), read: list.read };
  }
  if (def.array) {
    if (types.isAccount(typeId)) {
      const input = textInput(context, path, 'SS58 address');
      input.setAttribute('list', context.accountList);
      input.classList.add('account');
      return { element: labelled(label, name, input), read: () => checked(input, path, () => u8aToHex(parseAccount(input.value))) };
    }
    if (types.isU8(def.array.type)) {
      const length = def.array.len as number;
      const input = textInput(context, path, `0x and ${length * 2} hex digits`);
      return {
        element: labelled(label, name, input),
        read: () => checked(input, path, () => {
          if (!isHex(input.value.trim()) || hexToU8a(input.value.trim()).length !== length) {
            throw new Error(`enter exactly ${length} bytes as 0x-prefixed hex`);
          }
          return input.value.trim();
        }),
      };
    }
    const list = listField(context, def.array.type, path, def.array.len);
    return { element: labelled(label, name, list.element), read: list.read };
  }
  if (def.compact) return build(context, def.compact.type, path, label, name);
  if (def.primitive === 'bool') {
    const input = h('input', { type: 'checkbox', 'data-test': testId(path), name: path, onchange: () => context.onChange() });
    return { element: labelled(label, name, input), read: () => input.checked };
  }
  if (def.primitive === 'str' || def.primitive === 'char') {
    const input = textInput(context, path, def.primitive === 'char' ? 'one character' : 'text');
    return {
      element: labelled(label, name, input),
      read: () => checked(input, path, () => {
        if (def.primitive === 'char' && [...input.value].length !== 1) throw new Error('enter one character');
        return input.value;
      }),
    };
  }
  if (def.primitive in INTEGER_BITS) {
    const input = textInput(context, path, '0', '0');
    input.inputMode = 'numeric';
    return { element: labelled(label, name, input), read: () => checked(input, path, () => parseInteger(input.value, def.primitive)) };
  }
  return {
    element: labelled(label, name, h('span', { class: 'hint' }, 'this type has no form')),
    read: () => { throw new FieldError(path, `${name} cannot be entered here`); },
  };
}

/** `Vec<u8>` for polkadot.js: hex of the bytes (a `Uint8Array` would be read as length-prefixed). */
function stringOrHex(text: string): string {
  return text.startsWith('0x') ? (isHex(text) ? text : (() => { throw new Error(`"${text}" is not whole bytes of hex`); })()) : stringToHex(text);
}
