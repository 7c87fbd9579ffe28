// The page: a header to connect and pick an account, and one view per route (the URL hash).

import './style.css';
import { h, notice, replace } from './dom';
import { state, connectTo, enableExtension, formatBalance, initialEndpoint, selectAccount } from './session';
import { codePage } from './pages/code';
import { contractPage } from './pages/contract';
import { deployPage } from './pages/deploy';
import { homePage } from './pages/home';
import { instantiatePage } from './pages/instantiate';
import { uploadPage } from './pages/upload';
import type { Page } from './pages/page';

const ROUTES: [RegExp, Page][] = [
  [/^#?\/?$/, homePage],
  [/^#\/upload$/, uploadPage],
  [/^#\/instantiate\/(\d+)$/, instantiatePage],
  [/^#\/code\/(\d+)$/, codePage],
  [/^#\/contract\/(\w+)$/, contractPage],
  [/^#\/deploy$/, deployPage],
];

const endpoint = h('input', { type: 'text', 'data-test': 'endpoint', value: initialEndpoint(), spellcheck: 'false', 'aria-label': 'Node endpoint' });
const connectButton = h('button', { type: 'submit', 'data-test': 'connect' }, 'Connect');
const chainStatus = h('div', { class: 'chain-status', 'data-test': 'chain-status' });
const accountSelect = h('select', { 'data-test': 'account', 'aria-label': 'Account', onchange: () => selectAccount(accountSelect.value) });
const accountBalance = h('span', { class: 'balance', 'data-test': 'account-balance' });
const extensionMessage = h('div', { class: 'hint', 'data-test': 'extension-message' });
const extensionButton = h('button', {
  type: 'button', class: 'secondary', 'data-test': 'extension',
  onclick: async () => {
    extensionMessage.textContent = 'Asking the browser extension…';
    try {
      extensionMessage.textContent = await enableExtension();
    } catch (error) {
      extensionMessage.textContent = `The extension failed: ${error instanceof Error ? error.message : error}`;
    }
  },
}, 'Use browser extension');
const accountList = h('datalist', { id: 'known-accounts' });
const view = h('main', { id: 'view' });

const header = h('header', {},
  h('div', { class: 'brand' }, h('a', { href: '#/' }, 'wasm-contracts')),
  h('form', {
    class: 'connect',
    onsubmit: (event: Event) => {
      event.preventDefault();
      // The endpoint goes into the address, so a reload or a shared link keeps it.
      const url = new URL(location.href);
      url.searchParams.set('rpc', endpoint.value.trim());
      history.replaceState(null, '', url);
      void connectTo(endpoint.value.trim());
    },
  }, endpoint, connectButton),
  chainStatus,
  h('div', { class: 'account' }, accountSelect, accountBalance, extensionButton, extensionMessage),
);
const nav = h('nav', {},
  h('a', { href: '#/', 'data-test': 'nav-home' }, 'Contracts'),
  h('a', { href: '#/upload', 'data-test': 'nav-upload' }, 'Upload'),
  h('a', { href: '#/deploy', 'data-test': 'nav-deploy' }, 'Deploy'));

replace(document.getElementById('app')!, header, nav, view, accountList);

let cleanup: (() => void) | void;
let balanceUnsubscribe: (() => void) | null = null;
let shownSession: unknown = null;

function renderHeader(): void {
  const session = state.session;
  connectButton.disabled = state.connecting;
  if (state.connecting) {
    replace(chainStatus, h('span', { class: 'pending' }, 'Connecting…'));
  } else if (session) {
    replace(chainStatus,
      h('span', { 'data-test': 'chain-name', class: 'chain-name' }, session.chainName),
      ' · genesis ', h('code', { 'data-test': 'genesis', title: session.genesis }, session.genesis));
  } else if (state.connectError) {
    replace(chainStatus, h('span', { class: 'error', 'data-test': 'connect-error' }, state.connectError));
  } else {
    replace(chainStatus, 'Not connected');
  }
  replace(accountSelect, ...(state.accounts.length === 0
    ? [h('option', { value: '' }, session && !session.isDev ? 'No accounts: use a browser extension' : 'No accounts')]
    : state.accounts.map((account) => h('option', { value: account.address, selected: account === state.account }, `${account.name} — ${account.address}`))));
  replace(accountList, ...state.accounts.map((account) => h('option', { value: account.address }, account.name)));
  watchBalance();
}

function watchBalance(): void {
  balanceUnsubscribe?.();
  balanceUnsubscribe = null;
  accountBalance.textContent = '';
  const session = state.session;
  const account = state.account;
  if (!session || !account) return;
  let stopped = false;
  balanceUnsubscribe = () => { stopped = true; };
  (session.api.query.system.account as any)(account.address, (info: any) => {
    if (!stopped) accountBalance.textContent = `free ${formatBalance(info.data.free.toBigInt(), session)}`;
  }).then((unsubscribe: () => void) => {
    if (stopped) unsubscribe();
    else balanceUnsubscribe = () => { stopped = true; unsubscribe(); };
  }).catch(() => undefined);
}

function route(): void {
  if (cleanup) cleanup();
  cleanup = undefined;
  const hash = location.hash || '#/';
  for (const link of nav.querySelectorAll('a')) link.classList.toggle('active', link.getAttribute('href') === hash);
  const session = state.session;
  if (!session) {
    replace(view, state.connecting
      ? notice('info', 'Connecting to the node…')
      : notice(state.connectError ? 'error' : 'info', state.connectError ?? 'Enter the address of a node (ws:// or wss://) above and press Connect.'));
    return;
  }
  for (const [pattern, page] of ROUTES) {
    const match = pattern.exec(hash);
    if (match) {
      replace(view);
      cleanup = page(view, session, match.slice(1));
      return;
    }
  }
  replace(view, notice('error', `There is no page at ${hash}.`), h('a', { href: '#/' }, 'Back to the contracts'));
}

state.onChange(() => {
  renderHeader();
  // Pages depend on the connection; an account change only re-runs their previews.
  if (state.session !== shownSession || !state.session) {
    shownSession = state.session;
    route();
  }
});
window.addEventListener('hashchange', route);
renderHeader();
void connectTo(endpoint.value.trim());
