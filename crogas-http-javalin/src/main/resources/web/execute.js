// The execute page: wallet (EIP-1193), call (raw or from a function signature), tier, quote, two
// EIP-712 signatures, submission with Prefer: respond-async, then the request followed to its end.
import * as api from './api.js';
import { encodeCall } from './abi.js';
import { decimal, el, gwei, pill } from './format.js';
import { initLayout } from './layout.js';
import { notify } from './notify.js';
import { chainName } from './stats.js';
import { defaultTier, setDefaultTier, TIERS } from './theme.js';

initLayout();

const $ = (id) => document.getElementById(id);
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const HEX = /^0x([0-9a-fA-F]{2})*$/;
const POLL_MS = 1000;
const POLL_LIMIT_MS = 5 * 60 * 1000;

const state = {
  account: null,
  walletChainId: null,
  serverChainId: null,
  mode: 'function',
  quote: null,
  expiryTimer: null,
  busy: false,
};

// ---------- wallet ----------

function provider() {
  return window.ethereum && typeof window.ethereum.request === 'function' ? window.ethereum : null;
}

function walletMessage(error) {
  if (error && (error.code === 4001 || /rejected|denied/i.test(error.message || ''))) return 'You declined the request in your wallet.';
  return (error && (error.message || error.reason)) || String(error);
}

function renderWallet() {
  $('account').textContent = state.account || 'Not connected';
  $('connect').textContent = state.account ? 'Connected' : 'Connect wallet';
  $('connect').disabled = Boolean(state.account);
  $('connect').classList.toggle('secondary', Boolean(state.account));
  $('wallet-chain').textContent = state.walletChainId ? `Wallet on ${chainName(state.walletChainId)}` : '';
  const warning = $('wallet-warning');
  warning.replaceChildren();
  if (!provider()) {
    warning.hidden = false;
    warning.textContent = 'No browser wallet found. Install an EIP-1193 wallet (MetaMask, Rabby, …) to sign; you can still fill the form.';
  } else if (state.walletChainId && state.serverChainId && state.walletChainId !== state.serverChainId) {
    warning.hidden = false;
    const button = el('button', { class: 'btn secondary small', type: 'button', text: `Switch to ${chainName(state.serverChainId)}` });
    button.addEventListener('click', switchChain);
    warning.append(`This server relays on ${chainName(state.serverChainId)}; your wallet is on ${chainName(state.walletChainId)}. `, button);
  } else {
    warning.hidden = true;
  }
}

async function connect() {
  const eth = provider();
  if (!eth) {
    renderWallet();
    notify('error', 'No browser wallet found.');
    return;
  }
  try {
    const accounts = await eth.request({ method: 'eth_requestAccounts' });
    state.account = accounts && accounts[0] ? accounts[0] : null;
    state.walletChainId = Number(await eth.request({ method: 'eth_chainId' }));
    if (state.account) notify('info', `Wallet connected: ${state.account}`, null, { toast: false });
  } catch (error) {
    notify('error', `Wallet: ${walletMessage(error)}`);
  }
  renderWallet();
}

async function switchChain() {
  try {
    await provider().request({ method: 'wallet_switchEthereumChain', params: [{ chainId: `0x${state.serverChainId.toString(16)}` }] });
    state.walletChainId = Number(await provider().request({ method: 'eth_chainId' }));
  } catch (error) {
    notify('error', `Could not switch network: ${walletMessage(error)}`);
  }
  renderWallet();
}

if (provider() && typeof provider().on === 'function') {
  provider().on('accountsChanged', (accounts) => {
    state.account = accounts && accounts[0] ? accounts[0] : null;
    clearQuote();
    renderWallet();
  });
  provider().on('chainChanged', (chainId) => {
    state.walletChainId = Number(chainId);
    renderWallet();
  });
}

// ---------- call ----------

function setMode(mode) {
  state.mode = mode;
  $('mode-function').setAttribute('aria-pressed', String(mode === 'function'));
  $('mode-raw').setAttribute('aria-pressed', String(mode === 'raw'));
  $('function-fields').hidden = mode !== 'function';
  $('calldata').readOnly = mode === 'function';
  $('calldata-hint').textContent =
    mode === 'function' ? 'Encoded from the signature and arguments (ethers ABI coder).' : 'Hex calldata, 0x-prefixed ("0x" for a call without data).';
  $('calldata-hint').classList.remove('error');
  if (mode === 'function') encodePreview();
}

let encodeSeq = 0;
async function encodePreview() {
  if (state.mode !== 'function') return null;
  const seq = ++encodeSeq;
  const signature = $('fn-signature').value.trim();
  if (!signature) {
    $('calldata').value = '';
    $('calldata-hint').textContent = 'Encoded from the signature and arguments (ethers ABI coder).';
    $('calldata-hint').classList.remove('error');
    return null;
  }
  try {
    const encoded = await encodeCall(signature, $('fn-args').value);
    if (seq !== encodeSeq) return null;
    $('calldata').value = encoded.calldata;
    $('calldata-hint').textContent = `${encoded.signature} · selector ${encoded.selector}`;
    $('calldata-hint').classList.remove('error');
    return encoded.calldata;
  } catch (error) {
    if (seq !== encodeSeq) return null;
    $('calldata').value = '';
    $('calldata-hint').textContent = error.message;
    $('calldata-hint').classList.add('error');
    throw error;
  }
}

function selectedTier() {
  const checked = document.querySelector('input[name="gasLevel"]:checked');
  return checked ? checked.value : defaultTier();
}

function selectTier(tier) {
  const input = document.querySelector(`input[name="gasLevel"][value="${TIERS.includes(tier) ? tier : 'normal'}"]`);
  if (input) input.checked = true;
  renderDefaultNote();
}

function renderDefaultNote() {
  const isDefault = selectedTier() === defaultTier();
  $('make-default').hidden = isDefault;
  $('default-tier-note').textContent = isDefault ? `${defaultTier()} (this tier)` : `currently ${defaultTier()}`;
}

function formError(message) {
  $('form-error').hidden = !message;
  $('form-error').textContent = message || '';
}

// ---------- quote ----------

function clearQuote() {
  state.quote = null;
  clearInterval(state.expiryTimer);
  $('quote').hidden = true;
  $('quote-empty').hidden = false;
}

function renderQuote(quote) {
  state.quote = quote;
  $('quote-empty').hidden = true;
  $('quote').hidden = false;
  $('q-amount').textContent = decimal(quote.amount, 6);
  $('q-base').textContent = `${decimal(quote.breakdown && quote.breakdown.baseGasCost, 6)} USDC`;
  $('q-fee').textContent = `${decimal(quote.breakdown && quote.breakdown.facilitatorFee, 6)} USDC`;
  $('q-gas').textContent = Number(quote.gasLimit).toLocaleString('en-US');
  $('q-maxfee').textContent = gwei(quote.maxFeePerGas);
  $('q-price').textContent = `${quote.croUsd} USD/CRO (${quote.priceSource})`;
  $('q-tier').textContent = quote.gasLevel;
  $('q-nonce').textContent = String(quote.nonce);
  $('q-deadline').textContent = new Date(Number(quote.deadline) * 1000).toLocaleString();
  $('q-id').textContent = quote.quoteId || '';
  $('sign-btn').disabled = false;
  clearInterval(state.expiryTimer);
  const tick = () => {
    const left = Number(quote.expiresAt) - Math.floor(Date.now() / 1000);
    const badge = $('q-expiry');
    if (left > 0) {
      badge.className = 'pill pending';
      badge.textContent = `valid ${left >= 60 ? `${Math.floor(left / 60)}m ${left % 60}s` : `${left}s`}`;
    } else {
      badge.className = 'pill failed';
      badge.textContent = 'expired';
      $('sign-btn').disabled = true;
      clearInterval(state.expiryTimer);
    }
  };
  tick();
  state.expiryTimer = setInterval(tick, 1000);
}

async function getQuote(event) {
  event.preventDefault();
  if (state.busy) return;
  formError(null);
  $('target-error').hidden = true;
  if (!state.account) {
    await connect();
    if (!state.account) return formError('Connect a wallet first.');
  }
  const target = $('target').value.trim();
  if (!ADDRESS.test(target)) {
    $('target-error').hidden = false;
    $('target-error').textContent = 'Enter a 0x-prefixed 20-byte contract address.';
    return;
  }
  let calldata;
  try {
    calldata = state.mode === 'function' ? await encodePreview() : $('calldata').value.trim();
  } catch (error) {
    return formError(error.message);
  }
  if (!calldata || !HEX.test(calldata)) return formError(state.mode === 'function' ? 'Enter a function signature.' : 'Calldata must be 0x-prefixed hex bytes.');
  setBusy(true, 'quote-btn', 'Quoting…');
  try {
    renderQuote(await api.quote({ userAddress: state.account, target, calldata, gasLevel: selectedTier() }));
  } catch (error) {
    clearQuote();
    formError(error.describe ? error.describe() : error.message);
    notify('error', `Quote refused: ${error.describe ? error.describe() : error.message}`);
  } finally {
    setBusy(false, 'quote-btn', 'Get quote');
  }
}

function setBusy(busy, buttonId, label) {
  state.busy = busy;
  $(buttonId).disabled = busy;
  $(buttonId).textContent = label;
}

// ---------- sign, submit, follow ----------

const timeline = [];

function step(text, kind = 'done', at = null) {
  timeline.push({ text, kind, at: at || Math.floor(Date.now() / 1000) });
  $('timeline').replaceChildren(
    ...timeline.map((item) =>
      el('li', { class: item.kind }, item.text, el('time', { text: new Date(item.at * 1000).toLocaleTimeString() })),
    ),
  );
}

function setResult(status, { id, txHash, explorerUrl, blockNumber, gasUsed, charged, banner, bannerKind } = {}) {
  $('result').dataset.state = status;
  $('result-empty').hidden = true;
  $('result-head').hidden = false;
  $('result-pill').replaceChildren(pill(status));
  if (id) $('request-id').textContent = `request ${id}`;
  if (txHash) {
    $('result-tx').hidden = false;
    const link = $('tx-hash');
    link.textContent = txHash;
    if (explorerUrl && /^https?:\/\//.test(explorerUrl)) link.href = explorerUrl;
    else link.removeAttribute('href');
  }
  if (blockNumber !== undefined && blockNumber !== null) $('tx-block').textContent = `#${blockNumber}`;
  if (gasUsed !== undefined && gasUsed !== null) $('tx-gas').textContent = Number(gasUsed).toLocaleString('en-US');
  if (charged) $('tx-charged').textContent = `${decimal(charged, 6)} USDC`;
  $('result-banner').hidden = !banner;
  if (banner) {
    $('result-banner').className = `banner ${bannerKind || 'info'}`;
    $('result-banner').textContent = banner;
  }
}

async function signTyped(document) {
  return provider().request({ method: 'eth_signTypedData_v4', params: [state.account, JSON.stringify(document)] });
}

async function signAndSubmit() {
  const quote = state.quote;
  if (!quote || state.busy) return;
  if (!provider() || !state.account) return notify('error', 'Connect a wallet first.');
  if (quote.userAddress.toLowerCase() !== state.account.toLowerCase()) {
    clearQuote();
    return notify('warning', 'The wallet account changed since the quote: get a new quote.');
  }
  if (Number(quote.expiresAt) <= Math.floor(Date.now() / 1000)) return notify('warning', 'The quote expired: get a new one.');
  timeline.length = 0;
  setBusy(true, 'sign-btn', 'Waiting for wallet…');
  setResult('signing', { banner: 'Sign the meta-transaction in your wallet, then the USDC fee authorization.', bannerKind: 'info' });
  try {
    const metaDoc = quote.typedData.metaTransaction;
    const payDoc = quote.typedData.payment;
    let metaSignature;
    let paySignature;
    try {
      metaSignature = await signTyped(metaDoc);
      step('Meta-transaction signed');
      paySignature = await signTyped(payDoc);
      step(`Fee authorization signed (${decimal(quote.amount, 6)} USDC)`);
    } catch (error) {
      setResult('cancelled', { banner: walletMessage(error), bannerKind: 'warning' });
      notify('warning', `Not submitted: ${walletMessage(error)}`);
      return;
    }
    const m = metaDoc.message;
    const body = {
      target: m.target,
      calldata: m.calldata,
      gasLevel: m.gasLevel,
      userAddress: quote.userAddress,
      signature: metaSignature,
      deadline: m.deadline,
      nonce: m.nonce,
      payment: { authorization: payDoc.message, signature: paySignature },
    };
    $('sign-btn').textContent = 'Submitting…';
    let answer;
    try {
      answer = await api.facilitate(body);
    } catch (error) {
      return refused(error);
    }
    const id = answer.body && answer.body.id;
    step(`Accepted by the relayer${id ? ` as ${id}` : ''}`);
    setResult(answer.body.status || 'received', { id, txHash: answer.body.txHash || (answer.body.transaction && answer.body.transaction.txHash) });
    clearQuote();
    if (id) await follow(id);
    else if (answer.status === 200) finish(answer.body);
  } finally {
    setBusy(false, 'sign-btn', 'Sign & submit');
  }
}

function refused(error) {
  const text = error.describe ? error.describe() : error.message;
  if (error.status === 402 && error.body && error.body.quote) {
    renderQuote(error.body.quote);
    setResult('quote renewed', { banner: `${text}. A fresh quote is shown: sign it to continue.`, bannerKind: 'warning' });
    notify('warning', 'The quote was no longer valid; a new one is ready.');
    return;
  }
  const hint = error.code === 'nonce_mismatch' || error.code === 'expired' ? ' Get a new quote and sign again.' : '';
  step(`Refused: ${error.code}`, 'bad');
  setResult('failed', { banner: `${error.code}: ${text}.${hint}`, bannerKind: 'error' });
  notify('error', `Refused (${error.code}): ${text}`);
}

async function follow(id) {
  const started = Date.now();
  let seen = 0;
  while (Date.now() - started < POLL_LIMIT_MS) {
    let record;
    try {
      record = await api.transaction(id);
    } catch (error) {
      if (error.status === 404 || error.status === 0 || error.status >= 500) {
        await sleep(POLL_MS);
        continue;
      }
      throw error;
    }
    const history = record.history || [];
    for (; seen < history.length; seen++) {
      const event = history[seen];
      step(`${event.status}${event.detail ? `: ${event.detail}` : ''}`, event.status === 'failed' ? 'bad' : 'done', event.at);
    }
    setResult(record.status, {
      id,
      txHash: record.txHash,
      explorerUrl: record.explorerUrl,
      blockNumber: record.receipt && record.receipt.blockNumber,
      gasUsed: record.receipt && record.receipt.gasUsed,
      charged: record.payment && record.payment.amount,
    });
    if (api.FINAL_STATES.includes(record.status)) return finish(record);
    await sleep(POLL_MS);
  }
  setResult('pending', {
    id,
    banner: 'Still in flight after 5 minutes. It keeps going on the server: follow it on the dashboard.',
    bannerKind: 'warning',
  });
}

function finish(record) {
  const txHash = record.txHash || (record.transaction && record.transaction.txHash);
  const explorerUrl = record.explorerUrl || (record.transaction && record.transaction.explorerUrl);
  const link = explorerUrl ? { href: explorerUrl, text: 'view on explorer' } : null;
  if (record.status === 'confirmed') {
    setResult('confirmed', { txHash, explorerUrl, banner: 'Confirmed: your call ran and the fee was paid in USDC.', bannerKind: 'success' });
    notify('success', `Transaction confirmed${txHash ? ` (${txHash.slice(0, 10)}…)` : ''}`, link);
  } else {
    const reason = record.error || 'the request failed';
    setResult('failed', { txHash, explorerUrl, banner: `Failed: ${reason}`, bannerKind: 'error' });
    notify('error', `Transaction failed: ${reason}`, link);
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------- wiring ----------

const params = new URLSearchParams(location.search);
if (params.get('target')) $('target').value = params.get('target');
if (params.get('signature')) $('fn-signature').value = params.get('signature');
if (params.get('args')) $('fn-args').value = params.get('args');
if (params.get('calldata')) {
  setMode('raw');
  $('calldata').value = params.get('calldata');
} else {
  setMode('function');
}
selectTier(TIERS.includes(params.get('gasLevel')) ? params.get('gasLevel') : defaultTier());

$('connect').addEventListener('click', connect);
$('mode-function').addEventListener('click', () => setMode('function'));
$('mode-raw').addEventListener('click', () => setMode('raw'));
$('fn-signature').addEventListener('input', () => encodePreview().catch(() => {}));
$('fn-args').addEventListener('input', () => encodePreview().catch(() => {}));
$('call-form').addEventListener('submit', getQuote);
$('call-form').addEventListener('input', (event) => {
  if (event.target.name === 'gasLevel') renderDefaultNote();
  if (state.quote) clearQuote();
});
$('make-default').addEventListener('click', () => {
  setDefaultTier(selectedTier());
  notify('info', `Default gas tier set to ${selectedTier()}.`);
});
document.addEventListener('crogas:tier', renderDefaultNote);
$('sign-btn').addEventListener('click', signAndSubmit);

renderWallet();
api
  .health()
  .then((h) => {
    state.serverChainId = h && h.chainId ? Number(h.chainId) : null;
    renderWallet();
  })
  .catch(() => {});

// Reconnect silently when the wallet already granted this site.
if (provider()) {
  provider()
    .request({ method: 'eth_accounts' })
    .then(async (accounts) => {
      if (accounts && accounts[0]) {
        state.account = accounts[0];
        state.walletChainId = Number(await provider().request({ method: 'eth_chainId' }));
        renderWallet();
      }
    })
    .catch(() => {});
}
