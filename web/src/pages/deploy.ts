// Deploys: a session module run for the account, paid by a payment module or straight from the
// account; previewed by `dryRunDeploy` on every change, then submitted.

import { bytesArg, decodeError, depositLimit, fields, submitOk } from '@wasm-contracts/client';
import { debounce, fileBytes, h, notice, replace, row, table } from '../dom';
import { describeError, revertMessageText } from '../errors';
import { formatBalance, formatWeight, parseAmount, state } from '../session';
import { parseInteger } from '../form';
import { latest, runtimeApi, palletTx, signerAccount, type Page } from './page';

const weightOf = (weight: any) => ({ refTime: weight.refTime.toBigInt(), proofSize: weight.proofSize.toBigInt() });

export const deployPage: Page = (view, session) => {
  const api = session.api;
  let payment: Uint8Array | null = null;
  let sessionCode: Uint8Array | null = null;
  const onChange = debounce(() => runPreview(), 250);
  const paymentInput = h('input', { type: 'file', accept: '.wasm,.gz', 'data-test': 'deploy-payment', onchange: async () => { payment = await fileBytes(paymentInput); onChange(); } });
  const sessionInput = h('input', { type: 'file', accept: '.wasm,.gz', 'data-test': 'deploy-session', onchange: async () => { sessionCode = await fileBytes(sessionInput); onChange(); } });
  const amount = h('input', { type: 'text', 'data-test': 'deploy-amount', value: '1', inputmode: 'decimal', oninput: onChange });
  const gasLimit = h('input', { type: 'text', 'data-test': 'deploy-gas', placeholder: 'ref time in ps; empty: what the dry run needs', oninput: onChange });
  const preview = h('div', { 'data-test': 'preview' });
  const outcome = h('div', { 'data-test': 'deploy-outcome' });
  const submit = h('button', { type: 'button', 'data-test': 'deploy-submit', disabled: true }, 'Deploy');

  const dispatchText = (result: any): string => {
    if (result.isOk) return 'ok';
    const { section, name, docs } = decodeError(api, result.asErr);
    return `${section ? `${section}.` : ''}${name}${docs ? ` — ${docs}` : ''}`;
  };

  const sessionGasLimit = () => {
    const text = gasLimit.value.trim();
    return text ? parseInteger(text, 'u64') : null;
  };

  let lastDryRun: any = null;
  const runPreview = latest(async () => {
    if (!sessionCode) throw new Error('choose a session module');
    const limit = sessionGasLimit();
    const { maxContractGas } = await (api.query as any).wasmContracts.parameters();
    const gas = limit === null ? null : { refTime: limit, proofSize: maxContractGas.proofSize.toBigInt() };
    return runtimeApi(api).dryRunDeploy(signerAccount().address, bytesArg(payment ?? new Uint8Array()), bytesArg(sessionCode), parseAmount(amount.value), gas);
  }, (result) => {
    lastDryRun = result.ok ? result.value : null;
    const dryRun = result.ok ? result.value : null;
    submit.disabled = !(dryRun && dryRun.result.isOk);
    if (!result.ok) return replace(preview, h('div', { class: 'preview fail' }, describeError(result.error)));
    const ok = dryRun.result.isOk && dryRun.sessionResult.isOk;
    const failed = dryRun.result.isErr ? dryRun.result : dryRun.sessionResult.isErr ? dryRun.sessionResult : null;
    const reverted = failed ? revertMessageText(dryRun.revertMessage) : null;
    const deposit = dryRun.storageDeposit.isCharge
      ? `${formatBalance(dryRun.storageDeposit.asCharge.toBigInt(), session)} charged`
      : `${formatBalance(dryRun.storageDeposit.asRefund.toBigInt(), session)} refunded`;
    replace(preview, h('div', { class: `preview ${ok ? 'ok' : 'fail'}` },
      h('div', { class: 'verdict', 'data-test': 'preview-verdict' },
        dryRun.result.isErr ? 'Would fail: nothing kept but the fee' : dryRun.sessionResult.isErr ? 'The payment would stand, the session would be undone' : 'Would succeed'),
      failed ? h('div', { class: 'error-words', 'data-test': 'error' }, dispatchText(failed), reverted ? ` — the module says ${reverted}` : '') : null,
      table([
        ['payment', dryRun.result.isOk ? 'ok' : dispatchText(dryRun.result)],
        ['session', dryRun.sessionResult.isOk ? 'ok' : dispatchText(dryRun.sessionResult)],
        ['paid', formatBalance(dryRun.paid.toBigInt(), session)],
        ['used', formatBalance(dryRun.used.toBigInt(), session)],
        ['refunded', formatBalance(dryRun.refunded.toBigInt(), session)],
        ['payment gas', formatWeight(weightOf(dryRun.paymentGasConsumed))],
        ['session gas required', formatWeight(weightOf(dryRun.sessionGasRequired))],
        ['storage deposit', deposit],
      ])));
  });

  submit.addEventListener('click', async () => {
    submit.disabled = true;
    replace(outcome, notice('info', 'Deploying: sign the transaction, then wait for its block…'));
    try {
      if (!sessionCode || !lastDryRun) throw new Error('choose a session module and wait for the preview');
      const limit = sessionGasLimit();
      const gas = limit === null ? lastDryRun.sessionGasRequired : { refTime: limit, proofSize: lastDryRun.sessionGasLimit.proofSize };
      const tx = palletTx(api).deploy(bytesArg(payment ?? new Uint8Array()), bytesArg(sessionCode), parseAmount(amount.value), gas, depositLimit(lastDryRun.storageDeposit));
      const done = await submitOk(api, tx, signerAccount().signer);
      const deployed = fields(done.events.find((event) => (api.events as any).wasmContracts.Deployed.is(event)));
      replace(outcome, notice(deployed.sessionResult.isOk ? 'ok' : 'error',
        `Deployed: paid ${formatBalance(deployed.paid.toBigInt(), session)}, used ${formatBalance(deployed.used.toBigInt(), session)}, refunded ${formatBalance(deployed.refunded.toBigInt(), session)}; session ${dispatchText(deployed.sessionResult)}.`));
    } catch (error) {
      replace(outcome, notice('error', 'Not deployed: ', describeError(error)));
    } finally {
      runPreview();
    }
  });

  replace(view,
    h('h1', {}, 'Deploy'),
    h('p', { class: 'intro' }, 'A deploy runs a session module once for the selected account, without storing it. A payment module pays for it by calling pay; without one, the payment amount is paid from the account. What is not used comes back.'),
    h('div', { class: 'card' },
      row('payment module', paymentInput, 'optional .wasm; empty: the standard payment'),
      row(`payment amount (${session.symbol})`, amount, 'the standard payment only'),
      row('session module', sessionInput, '.wasm'),
      row('session gas limit', gasLimit),
      h('h3', {}, 'Preview'),
      preview,
      h('div', { class: 'actions' }, submit)),
    outcome);
  runPreview();
  return state.onChange(() => runPreview());
};
