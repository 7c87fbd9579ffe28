// The web page (web/, built to web/dist) in a real browser: Debian's Chromium, headless, driven
// by playwright-core against this suite's dev node. A user uploads the Rust token with its
// metadata, instantiates it, mints, transfers, reads the decoded event and the balances, sees a
// revert named by the contract's error, and finds the contract again after a reload. The test
// writes a screenshot of each page to docs/web/<page>.png, which docs/web.md shows.
//
// The page's data-test attributes this test relies on:
//   header: endpoint, connect, chain-status, chain-name, genesis, connect-error, account,
//           account-balance, extension, nav-home, nav-upload, nav-deploy
//   home: saved-contracts, saved-contract (data-address), contract-link, saved-codes, no-contracts
//   upload: upload-wasm, upload-metadata, upload-details, upload-submit, upload-result, code-id,
//           code-hash, code-deposit, go-instantiate, go-code
//   instantiate: instantiate-form, instantiate-admin, instantiate-value, instantiate-salt,
//           instantiate-submit, instantiate-outcome
//   previews (instantiate, execute, deploy): preview, preview-verdict, preview-address,
//           preview-output, preview-deposit, error, error-name, reverted
//   contract: contract-address, entry-<entry point>, with field-<path> inputs (path: msg,
//           msg.<field>, msg.<index>, msg.isSome, msg.some, add-msg...), value, submit, outcome
//           (executes) or result (queries); event-log with event (data-topic), tx-log with tx,
//           contract-info, contract-code, code-history, storage-key, storage-read,
//           storage-value, forget-contract
//   code: code-info, code-hash, code-contracts, go-instantiate, remove-code, remove-result
//   deploy: deploy-payment, deploy-session, deploy-amount, deploy-gas, deploy-submit,
//           deploy-outcome

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeAddress } from '@polkadot/util-crypto';
import { launchChromium } from '../lib/browser.js';
import { useChain } from '../lib/chain.js';
import { serveDirectory } from '../lib/static-server.js';
import { contractMetadata, contractModule, TypedContract } from '../lib/typed-contract.js';
import { WaitTimeout, waitFor } from '../lib/wait.js';

const DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../docs/web/', import.meta.url));
const WAIT_MS = 60_000;
// Hex of 4 bytes or more: what the page must never show as an error.
const HEX = /0x[0-9a-f]{8,}/i;

/** The text of `locator` once `predicate` holds, or its last text after `timeout` (for the assertion to report). */
async function textWhen(locator, predicate, timeout = WAIT_MS) {
  let text = null;
  try {
    return await waitFor('the text is as expected', async () => {
      text = await locator.textContent({ timeout: 1_000 }).catch(() => null);
      return text !== null && predicate(text) ? text : undefined;
    }, { timeoutMs: timeout, intervalMs: 200 });
  } catch (error) {
    if (error instanceof WaitTimeout) return text;
    throw error;
  }
}

describe('web page in a browser', () => {
  const chain = useChain('web');
  let api, alice, bob, server, browser, page;
  let codeId, token;
  const metadata = contractMetadata('token');
  const pageErrors = [];

  const screenshot = (name) => page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
  const entry = (name) => page.locator(`[data-test="entry-${name}"]`);
  const balanceOf = (account) => new TypedContract(api, metadata, token).query.balanceOf(decodeAddress(account.address));

  /** Fills an entry point's message fields: `{ 'msg.to': address, ... }`. */
  async function fill(card, values) {
    for (const [path, value] of Object.entries(values)) await card.locator(`[data-test="field-${path}"]`).fill(value);
  }

  /** Fills the execute entry point `name`, checks its preview succeeds, submits it and checks it is in a block. */
  async function executeFromPage(name, values) {
    const card = entry(name);
    await fill(card, values);
    assert.equal(await textWhen(card.locator('[data-test=preview-verdict]'), (text) => text === 'Would succeed'), 'Would succeed');
    await card.locator('[data-test=submit]').click();
    const outcome = await textWhen(card.locator('[data-test=outcome]'), (text) => /Done|Failed/.test(text));
    assert.match(outcome, /^Done in block #\d+/);
  }

  before(async () => {
    ({ api, alice, bob } = chain);
    assert.ok(existsSync(`${DIST}index.html`), 'web/dist has no built page: run `npm run build -w web` (e2e/run.sh does)');
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await serveDirectory(DIST);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}?rpc=${encodeURIComponent(chain.url)}`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('connects to the endpoint of ?rpc= and shows the chain and the dev accounts', async () => {
    const genesis = await textWhen(page.locator('[data-test=genesis]'), (text) => text.startsWith('0x'));
    assert.equal(genesis, api.genesisHash.toHex());
    assert.equal(await page.locator('[data-test=chain-name]').textContent(), (await api.rpc.system.chain()).toString());
    assert.equal(await page.locator('[data-test=endpoint]').inputValue(), chain.url);
    assert.equal(await page.locator('[data-test=account]').inputValue(), alice.address, 'Alice signs by default');
  });

  it('uploads the token with its metadata and shows its code id, hash and deposit', async () => {
    await page.click('[data-test=nav-upload]');
    await page.setInputFiles('[data-test=upload-wasm]', { name: 'token.wasm', mimeType: 'application/wasm', buffer: contractModule('token') });
    await page.setInputFiles('[data-test=upload-metadata]', {
      name: 'token.metadata.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(metadata)),
    });
    const details = await textWhen(page.locator('[data-test=upload-details]'), (text) => text.includes('metadata'));
    assert.ok(details.includes(metadata.code_hash), `the page computes the code hash before uploading: ${details}`);
    assert.ok(!details.includes('warning'), `the metadata matches the module: ${details}`);

    await page.click('[data-test=upload-submit]');
    const shownId = await textWhen(page.locator('[data-test=code-id]'), (text) => /^\d+$/.test(text));
    assert.match(shownId ?? '', /^\d+$/, `upload result: ${await page.locator('[data-test=upload-result]').textContent()}`);
    codeId = BigInt(shownId);
    const info = await api.call.wasmContractsApi.codeInfo(codeId);
    assert.ok(info.isSome, `code ${codeId} is on the chain`);
    assert.equal(await page.locator('[data-test=code-hash]').textContent(), info.unwrap().codeHash.toHex());
    assert.equal(info.unwrap().uploader.toString(), alice.address);
    assert.match(await page.locator('[data-test=code-deposit]').textContent(), new RegExp(`\\d ${api.registry.chainTokens[0]}$`));
    await screenshot('upload');
  });

  it('instantiates it from the generated form after a preview', async () => {
    await page.click('[data-test=go-instantiate]');
    const verdict = await textWhen(page.locator('[data-test=preview-verdict]'), (text) => text.length > 0);
    assert.equal(verdict, 'Would succeed', await page.locator('[data-test=preview]').textContent());
    const predicted = await page.locator('[data-test=preview-address]').textContent();
    assert.match(await page.locator('[data-test=preview-deposit]').textContent(), /charged/);
    await screenshot('instantiate');

    await page.click('[data-test=instantiate-submit]');
    // A hash route fires no navigation event for waitForURL to see.
    await page.waitForFunction(() => location.hash.startsWith('#/contract/'), null, { timeout: WAIT_MS }).catch(() => undefined);
    const outcome = await page.locator('[data-test=instantiate-outcome]').textContent({ timeout: 1_000 }).catch(() => '');
    assert.match(page.url(), /#\/contract\/\w+$/, `instantiated: ${outcome}`);
    token = page.url().split('#/contract/')[1];
    assert.equal(token, predicted, 'the contract is at the address the preview showed');
    const info = await api.call.wasmContractsApi.contractInfo(token);
    assert.ok(info.isSome, 'the contract is on the chain');
    assert.equal(info.unwrap().codeId.toBigInt(), codeId);
  });

  it('mints 1000 to Alice and transfers 250 to Bob, previewed then submitted', async () => {
    await executeFromPage('mint', { 'msg.to': alice.address, 'msg.amount': '1000' });
    assert.equal((await balanceOf(alice)).toBigInt(), 1_000n);
    await executeFromPage('transfer', { 'msg.to': bob.address, 'msg.amount': '250' });
    assert.equal((await balanceOf(alice)).toBigInt(), 750n);
    assert.equal((await balanceOf(bob)).toBigInt(), 250n);
  });

  it('logs the decoded transfer event', async () => {
    const events = page.locator('[data-test=event-log] [data-test=event][data-topic=transfer]');
    const logged = await textWhen(page.locator('[data-test=event-log]'), (text) => text.includes('amount: 250'));
    assert.ok(logged.includes('amount: 250'), `event log: ${logged}`);
    const transfer = await events.filter({ hasText: 'amount: 250' }).textContent();
    assert.ok(transfer.includes('Transferred {'), transfer);
    assert.ok(transfer.includes(`from: Some(${alice.address} (Alice))`), transfer);
    assert.ok(transfer.includes(`to: ${bob.address} (Bob)`), transfer);
    const mint = await events.filter({ hasText: 'amount: 1000' }).textContent();
    assert.ok(mint.includes('from: None'), `the mint's event: ${mint}`);
  });

  it('queries balance_of live as the address changes', async () => {
    const query = entry('balance_of');
    await fill(query, { msg: alice.address });
    assert.equal(await textWhen(query.locator('[data-test=result]'), (text) => text === '750'), '750');
    await fill(query, { msg: bob.address });
    assert.equal(await textWhen(query.locator('[data-test=result]'), (text) => text === '250'), '250');
    await fill(query, { msg: 'not an address' });
    const invalid = await textWhen(query.locator('[data-test=result]'), (text) => text.includes('not an SS58 address'));
    assert.ok(invalid.includes('not an SS58 address'), `an invalid address is explained: ${invalid}`);
  });

  it("previews an overdraft as the contract's InsufficientBalance, in words", async () => {
    const transfer = entry('transfer');
    await fill(transfer, { 'msg.to': bob.address, 'msg.amount': '1000' });
    const verdict = await textWhen(transfer.locator('[data-test=preview-verdict]'), (text) => text === 'Would fail');
    assert.equal(verdict, 'Would fail');
    const preview = await transfer.locator('[data-test=preview]').textContent();
    assert.equal(await transfer.locator('[data-test=error-name]').textContent(), 'ContractReverted');
    assert.equal(await transfer.locator('[data-test=reverted] strong').textContent(), 'InsufficientBalance');
    assert.doesNotMatch(preview, HEX, `no hex in the preview: ${preview}`);
    assert.ok(await transfer.locator('[data-test=submit]').isDisabled(), 'a failing call cannot be submitted');
    await page.locator('[data-test=event-log]').scrollIntoViewIfNeeded();
    await screenshot('contract');
  });

  it('shows the code page with the contract that runs the code', async () => {
    await page.click('[data-test=contract-code]');
    const contracts = await textWhen(page.locator('[data-test=code-contracts]'), (text) => text.includes(token));
    assert.ok(contracts?.includes(token), `contracts of code ${codeId}: ${contracts}`);
    assert.equal(await page.locator('[data-test=code-info] [data-test=code-hash]').textContent(), metadata.code_hash);
    assert.ok(await page.locator('[data-test=remove-code]').isDisabled(), 'code a contract runs cannot be removed');
    await screenshot('code');
  });

  it('previews and runs a deploy of the payroll session paid by the payment module', async () => {
    await page.click('[data-test=nav-deploy]');
    await page.setInputFiles('[data-test=deploy-payment]', { name: 'payment.wasm', mimeType: 'application/wasm', buffer: contractModule('payment') });
    await page.setInputFiles('[data-test=deploy-session]', { name: 'payroll.wasm', mimeType: 'application/wasm', buffer: contractModule('payroll') });
    const verdict = await textWhen(page.locator('[data-test=preview-verdict]'), (text) => text === 'Would succeed');
    assert.equal(verdict, 'Would succeed', await page.locator('[data-test=preview]').textContent());
    await screenshot('deploy');
    await page.click('[data-test=deploy-submit]');
    const outcome = await textWhen(page.locator('[data-test=deploy-outcome]'), (text) => /Deployed|Not deployed/.test(text));
    assert.match(outcome, /^Deployed: paid .* session ok\.$/);
  });

  it('remembers the contract after a reload', async () => {
    await page.goto(`${server.url}?rpc=${encodeURIComponent(chain.url)}#/`);
    await page.reload();
    const saved = page.locator(`[data-test=saved-contract][data-address="${token}"]`);
    await saved.waitFor({ timeout: WAIT_MS }).catch(() => undefined);
    assert.equal(await saved.count(), 1, `saved contracts: ${await page.locator('#view').textContent()}`);
    await saved.locator('[data-test=contract-link]').click();
    const result = await textWhen(entry('total_supply').locator('[data-test=result]'), (text) => text === '1000');
    assert.equal(result, '1000', 'the remembered metadata gives the contract its forms again');
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
});
