// Uploading code: raw and gzip modules, what the chain records, and refused uploads.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { u8aToHex } from '@polkadot/util';
import { submit, theEvent, useChain } from '../lib/chain.js';
import { bytesArg, codeHash, errorDocsInSource, fixture, gzip, normalizeDocs, watToWasm } from '../lib/contracts.js';
import { uploadCode } from '@wasm-contracts/client';

describe('uploading code', () => {
  const chain = useChain('upload');

  it('stores a raw module under the next code id and reports it in CodeUploaded', async () => {
    const { api, alice } = chain;
    const wasm = await fixture('counter');
    const expectedId = (await api.query.wasmContracts.nextCodeId()).toBigInt();
    assert.ok(expectedId >= 1n, 'code ids start at 1');

    const uploaded = await uploadCode(api, alice, wasm);

    assert.equal(uploaded.codeId, expectedId);
    assert.equal(u8aToHex(uploaded.codeHash), u8aToHex(codeHash(wasm)));
    assert.equal(uploaded.uploader.toString(), alice.address);
    assert.equal(uploaded.codeSize, wasm.length);
    assert.equal((await api.query.wasmContracts.nextCodeId()).toBigInt(), expectedId + 1n);

    const info = await api.call.wasmContractsApi.codeInfo(uploaded.codeId);
    assert.ok(info.isSome, 'codeInfo knows the new code id');
    assert.equal(u8aToHex(info.unwrap().codeHash), u8aToHex(codeHash(wasm)));
    assert.equal(info.unwrap().uploader.toString(), alice.address);
    assert.equal(info.unwrap().codeSize.toNumber(), wasm.length);
  });

  it('decompresses a gzip module: size and hash are those of the wasm inside', async () => {
    const { api, bob } = chain;
    const wasm = await fixture('counter_v2');
    const compressed = gzip(wasm);
    assert.notEqual(compressed.length, wasm.length);

    const uploaded = await uploadCode(api, bob, compressed);

    assert.equal(uploaded.codeSize, wasm.length);
    assert.equal(u8aToHex(uploaded.codeHash), u8aToHex(codeHash(wasm)));
    assert.equal(uploaded.uploader.toString(), bob.address);
    const info = (await api.call.wasmContractsApi.codeInfo(uploaded.codeId)).unwrap();
    assert.equal(info.codeSize.toNumber(), wasm.length);
  });

  it('gives the same module uploaded again a new code id with the same hash', async () => {
    const { api, alice } = chain;
    const wasm = await fixture('token');
    const first = await uploadCode(api, alice, wasm);
    const second = await uploadCode(api, alice, gzip(wasm));

    assert.equal(second.codeId, first.codeId + 1n);
    assert.equal(u8aToHex(second.codeHash), u8aToHex(first.codeHash));
  });

  it('refuses a gzip member with a wrong checksum with InvalidGzip and stores nothing', async () => {
    const { api, alice } = chain;
    const corrupted = gzip(await fixture('counter'));
    corrupted[corrupted.length - 8] ^= 0xff; // first byte of the CRC-32 trailer
    const nextIdBefore = (await api.query.wasmContracts.nextCodeId()).toBigInt();

    const outcome = await submit(api, api.tx.wasmContracts.uploadCode(bytesArg(corrupted), null), alice);

    assert.ok(outcome.error, 'the upload fails');
    assert.equal(outcome.error.section, 'wasmContracts');
    assert.equal(outcome.error.name, 'InvalidGzip');
    assert.equal(normalizeDocs(outcome.error.docs), errorDocsInSource('InvalidGzip'));
    theEvent(outcome, api.events.system.ExtrinsicFailed);
    assert.equal((await api.query.wasmContracts.nextCodeId()).toBigInt(), nextIdBefore);
  });

  it('refuses a module with floating point with FloatsNotAllowed', async () => {
    const { api, alice } = chain;
    const wasm = await watToWasm('(module (func (export "half") (result f32) (f32.const 0.5)))');

    const outcome = await submit(api, api.tx.wasmContracts.uploadCode(bytesArg(wasm), null), alice);

    assert.equal(outcome.error?.name, 'FloatsNotAllowed');
    assert.equal(normalizeDocs(outcome.error.docs), errorDocsInSource('FloatsNotAllowed'));
  });
});
