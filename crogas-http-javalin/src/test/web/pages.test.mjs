#!/usr/bin/env node
// Browser test of the CroGas web pages in Debian's headless Chromium (playwright-core, no browser
// download). It drives a running CroGas server and signs with a real, independent EIP-712 signer:
// a test EIP-1193 provider injected into each page answers eth_requestAccounts with the user's
// address and forwards eth_signTypedData_v4 and eth_chainId to anvil's JSON-RPC (anvil signs for its
// unlocked dev accounts), or signs with ethers in Node when CROGAS_USER_PRIVATE_KEY is given.
//
// Environment:
//   CROGAS_URL             base URL of the server              (default http://127.0.0.1:8402)
//   CROGAS_RPC_URL         the chain's JSON-RPC (anvil)         (default http://127.0.0.1:8545)
//   CROGAS_USER            the funded user address (an unlocked anvil account, e.g. `crogas dev`'s demo account)
//   CROGAS_USER_PRIVATE_KEY  optional: sign in Node with this key instead of asking anvil
//   CROGAS_DEMO_TARGET     the DemoTarget contract address (printed by `crogas dev`)
//   CROGAS_STUB=1          the server is the stub (stub-server.mjs): skip the on-chain checks
//   CROGAS_FAUCET          auto (default: ask POST /faucet/usdc for the user first, ignore refusals) | off
//   CROGAS_SCREENSHOTS     directory for screenshots           (default: a new temp directory)
//   CHROMIUM               browser binary                      (default /usr/bin/chromium)
// Exit status 0 when every check passed; otherwise 1 with the failed check on stderr.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'package.json'));
const { chromium } = require('playwright-core');
const { Interface, Wallet, getAddress } = require('ethers');

const BASE = (process.env.CROGAS_URL || 'http://127.0.0.1:8402').replace(/\/$/, '');
const RPC = process.env.CROGAS_RPC_URL || 'http://127.0.0.1:8545';
const KEY = process.env.CROGAS_USER_PRIVATE_KEY || '';
const STUB = process.env.CROGAS_STUB === '1';
const FAUCET = (process.env.CROGAS_FAUCET || 'auto') !== 'off';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.CROGAS_SCREENSHOTS || mkdtempSync(join(tmpdir(), 'crogas-web-shots-'));
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

function fail(message) {
  throw new Error(message);
}

function need(name) {
  const value = process.env[name];
  if (!value) fail(`${name} is not set (see the header of pages.test.mjs and docs/web.md)`);
  return value;
}

let USER;
try {
  USER = getAddress(KEY ? new Wallet(KEY).address : need('CROGAS_USER'));
  if (KEY && process.env.CROGAS_USER && getAddress(process.env.CROGAS_USER) !== USER) fail('CROGAS_USER differs from the address of CROGAS_USER_PRIVATE_KEY');
} catch (error) {
  console.error(`pages.test: ${error.message}`);
  process.exit(2);
}
let TARGET;
try {
  TARGET = getAddress(need('CROGAS_DEMO_TARGET'));
} catch (error) {
  console.error(`pages.test: ${error.message}`);
  process.exit(2);
}
const demo = new Interface(['function store(uint256)', 'function lastValue() view returns (uint256)', 'function lastSender() view returns (address)']);
const EXPECTED_CALLDATA = demo.encodeFunctionData('store', [42n]);
const signer = KEY ? new Wallet(KEY) : null;

let rpcId = 0;
async function rpc(method, params = []) {
  const response = await fetch(RPC, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
  });
  const body = await response.json();
  if (body.error) {
    const error = new Error(body.error.message || JSON.stringify(body.error));
    error.code = body.error.code;
    throw error;
  }
  return body.result;
}

const passed = [];
function check(condition, message) {
  if (!condition) fail(message);
  passed.push(message);
  console.log(`  ok  ${message}`);
}

// ---------- the injected wallet ----------

const signed = [];
let granted = false; // like a real wallet: no accounts for the site until eth_requestAccounts
async function wallet(method, params) {
  switch (method) {
    case 'eth_requestAccounts':
      granted = true;
      return [USER];
    case 'eth_accounts':
      return granted ? [USER] : [];
    case 'eth_chainId':
      return rpc('eth_chainId');
    case 'eth_signTypedData_v4': {
      const [address, data] = params || [];
      if (getAddress(address) !== USER) throw Object.assign(new Error(`asked to sign for ${address}`), { code: 4100 });
      if (typeof data !== 'string') throw Object.assign(new Error('typed data must be a JSON string (MetaMask convention)'), { code: -32602 });
      const document = JSON.parse(data);
      signed.push(document);
      if (signer) {
        const { EIP712Domain: _ignored, ...types } = document.types;
        return signer.signTypedData(document.domain, types, document.message);
      }
      return rpc('eth_signTypedData_v4', [USER, data]);
    }
    case 'wallet_switchEthereumChain':
      throw Object.assign(new Error('the test wallet cannot switch chains'), { code: 4200 });
    default:
      throw Object.assign(new Error(`the test wallet does not support ${method}`), { code: 4200 });
  }
}

const PROVIDER = () => {
  const listeners = {};
  window.ethereum = {
    isCroGasTestWallet: true,
    async request({ method, params }) {
      const answer = await window.__crogasWallet(method, params === undefined ? [] : params);
      if (answer && answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
      return answer.result;
    },
    on(event, listener) {
      (listeners[event] = listeners[event] || []).push(listener);
    },
    removeListener(event, listener) {
      listeners[event] = (listeners[event] || []).filter((l) => l !== listener);
    },
  };
};

// ---------- the run ----------

async function main() {
  console.log(`pages.test: server ${BASE}, rpc ${RPC}, user ${USER}, target ${TARGET}${STUB ? ' (stub server)' : ''}`);
  console.log(`pages.test: screenshots in ${SHOTS}`);
  mkdirSync(SHOTS, { recursive: true });

  const health = await fetch(`${BASE}/health`).then((r) => r.json()).catch((e) => fail(`GET ${BASE}/health: ${e.message}`));
  check(health.status === 'ok' || health.status === 'degraded', `server is up (health ${health.status}, chain ${health.chainId})`);
  const walletChain = Number(await rpc('eth_chainId'));
  check(walletChain === Number(health.chainId), `the RPC's chain (${walletChain}) is the server's chain`);
  if (FAUCET) {
    const faucet = await fetch(`${BASE}/faucet/usdc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ address: USER }) });
    console.log(`  ..  faucet for the user: HTTP ${faucet.status}${faucet.ok ? '' : ' (ignored)'}`);
  }

  const profile = mkdtempSync(join(tmpdir(), 'crogas-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: DESKTOP,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const problems = [];
  const origin = new URL(BASE).origin;
  try {
    await context.exposeFunction('__crogasWallet', async (method, params) => {
      try {
        return { result: await wallet(method, params) };
      } catch (error) {
        return { error: { code: error.code || -32603, message: error.message } };
      }
    });
    await context.addInitScript(PROVIDER);
    // Nothing may be fetched from outside the server: every other request is refused and reported.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/') || url.startsWith('data:')) return route.continue();
      problems.push(`request to outside the server: ${url}`);
      return route.abort();
    });
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 500) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });

    await home(page);
    await dashboard(page);
    await execute(page);
    await dashboardCharts(page);
    await preferences(page);
    await screenshots(page);
    check(problems.length === 0, `no page errors, console errors, 5xx answers or outside requests${problems.length ? `:\n    ${problems.join('\n    ')}` : ''}`);
  } catch (error) {
    const page = context.pages()[0];
    if (page) {
      await page.screenshot({ path: join(SHOTS, 'failure.png'), fullPage: true }).catch(() => {});
      const banners = await page.locator('.banner:visible, .hint.error:visible').allTextContents().catch(() => []);
      if (banners.length) error.message += `\n  the page shows: ${banners.map((b) => b.trim()).filter(Boolean).join(' | ')}`;
      error.message += `\n  at ${page.url()}; screenshot ${join(SHOTS, 'failure.png')}`;
    }
    if (problems.length) error.message += `\n  also seen:\n    ${problems.join('\n    ')}`;
    throw error;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function home(page) {
  console.log('home /');
  await page.goto(`${BASE}/`);
  check((await page.title()).includes('CroGas'), 'home: title names CroGas');
  await page.locator('#stat-status .pill').waitFor({ timeout: 10000 });
  const status = (await page.locator('#stat-status .pill').textContent()).trim();
  check(['ok', 'degraded'].includes(status), `home: live status from GET /health (${status})`);
  await page.waitForFunction(() => /^#[\d,]+$/.test(document.getElementById('stat-block').textContent.trim()), null, { timeout: 10000 });
  check(true, `home: latest block shown (${(await page.locator('#stat-block').textContent()).trim()})`);
  await page.waitForFunction(() => /^\d+$/.test(document.getElementById('stat-count').textContent.trim()), null, { timeout: 10000 });
  check(true, `home: recent requests from GET /x402/transactions (${(await page.locator('#stat-count').textContent()).trim()})`);
  check((await page.locator('#forwarder').textContent()).trim().startsWith('0x'), 'home: forwarder address shown');
}

async function dashboard(page) {
  console.log('dashboard /dashboard');
  await page.goto(`${BASE}/dashboard`);
  await page.locator('#status .pill').waitFor({ timeout: 10000 });
  await page.locator('.relayer-cro').first().waitFor({ timeout: 10000 });
  const cro = (await page.locator('.relayer-cro').first().textContent()).trim();
  const usdc = (await page.locator('.relayer-usdc').first().textContent()).trim();
  check(/^[\d,]+(\.\d+)?$/.test(cro) && /^[\d,]+(\.\d+)?$/.test(usdc), `dashboard: relayer balances shown (${cro} CRO, ${usdc} USDC)`);
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('tx-body').textContent), null, { timeout: 10000 });
  const rows = await page.locator('#tx-body tr[data-id]').count();
  check(rows > 0 || (await page.locator('#tx-body td.empty').count()) === 1, `dashboard: recent transactions table (${rows} rows)`);
  check(/%|—/.test(await page.locator('#success-rate').textContent()), 'dashboard: success rate shown');
  const first = (await page.locator('#updated').textContent()).trim();
  await page.waitForFunction((before) => document.getElementById('updated').textContent.trim() !== before, first, { timeout: 12000 });
  check(true, 'dashboard: refreshes by itself (every 5 s)');
}

async function dashboardCharts(page) {
  console.log('dashboard charts /dashboard');
  await page.goto(`${BASE}/dashboard`);
  await page.locator('#chart-activity line.axis').waitFor({ state: 'attached', timeout: 10000 });
  await page.waitForFunction(() => document.querySelectorAll('#chart-activity rect.bar.ok').length > 0, null, { timeout: 12000 });
  const bars = await page.locator('#chart-activity rect.bar.ok').count();
  check(bars > 0, `dashboard: the last hour's chart has a bar for the minute of the confirmed call (${bars})`);
  check((await page.locator('#chart-activity polyline.usdc').count()) === 1, 'dashboard: USDC collected per minute drawn as a line');
  await page.locator('#chart-balances circle.dot').first().waitFor({ state: 'attached', timeout: 10000 });
  const dots = await page.locator('#chart-balances circle.dot').count();
  check(dots > 0, `dashboard: relayer CRO over time drawn (${dots} points)`);
}

async function execute(page) {
  console.log('execute /execute');
  const nonceBefore = STUB ? null : await fetch(`${BASE}/x402/nonce/${USER}`).then((r) => r.json());
  await page.goto(`${BASE}/execute`);
  await page.locator('#connect').click();
  await page.waitForFunction(() => document.getElementById('account').textContent.startsWith('0x'), null, { timeout: 10000 });
  check((await page.locator('#account').textContent()).toLowerCase() === USER.toLowerCase(), 'execute: wallet connected through eth_requestAccounts');
  check(await page.locator('#wallet-warning').isHidden(), 'execute: no wallet warning (same chain as the server)');

  await page.locator('#target').fill(TARGET);
  await page.locator('#fn-signature').fill('store(uint256)');
  await page.locator('#fn-args').fill('42');
  await page.waitForFunction((expected) => document.getElementById('calldata').value === expected, EXPECTED_CALLDATA, { timeout: 10000 });
  check(true, 'execute: store(uint256) with 42 encoded to the expected calldata (vendored ethers)');
  await page.locator('label.tier:has(input[value="fast"])').click();

  const quoteResponse = page.waitForResponse((r) => r.url().endsWith('/x402/quote') && r.request().method() === 'POST');
  await page.locator('#quote-btn').click();
  const quoteAnswer = await quoteResponse;
  const quoteRequest = quoteAnswer.request().postDataJSON();
  check(quoteAnswer.status() === 200, `execute: POST /x402/quote answered ${quoteAnswer.status()}`);
  check(
    getAddress(quoteRequest.userAddress) === USER && getAddress(quoteRequest.target) === TARGET && quoteRequest.calldata === EXPECTED_CALLDATA && quoteRequest.gasLevel === 'fast',
    'execute: quote request is {userAddress, target, calldata, gasLevel: fast}',
  );
  const quote = await quoteAnswer.json();
  await page.locator('#quote').waitFor({ state: 'visible' });
  const shown = (await page.locator('#q-amount').textContent()).trim();
  check(Number(shown.replace(/,/g, '')) === Number(quote.amount), `execute: quote shown (${shown} USDC, gas limit ${quote.gasLimit})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'execute-quote-desktop-light.png'), fullPage: true });

  signed.length = 0;
  const facilitateResponse = page.waitForResponse((r) => r.url().endsWith('/x402/facilitate'));
  await page.locator('#sign-btn').click();
  const facilitateAnswer = await facilitateResponse;
  const request = facilitateAnswer.request();
  const body = request.postDataJSON();
  check(signed.length === 2 && signed[0].primaryType === quote.typedData.metaTransaction.primaryType && signed[1].primaryType === quote.typedData.payment.primaryType, 'execute: the wallet signed both typed-data documents of the quote, in order');
  check(JSON.stringify(signed[0]) === JSON.stringify(quote.typedData.metaTransaction) && JSON.stringify(signed[1]) === JSON.stringify(quote.typedData.payment), 'execute: the signed documents are exactly the quote\'s');
  check(/respond-async/.test((await request.allHeaders()).prefer || ''), 'execute: facilitate sent with Prefer: respond-async');
  const m = quote.typedData.metaTransaction.message;
  check(
    body.target === m.target && body.calldata === m.calldata && body.gasLevel === m.gasLevel && String(body.nonce) === String(m.nonce) && String(body.deadline) === String(m.deadline) && getAddress(body.userAddress) === USER && /^0x[0-9a-fA-F]{130}$/.test(body.signature),
    'execute: facilitate body has the seed\'s fields from the signed meta-transaction',
  );
  check(JSON.stringify(body.payment.authorization) === JSON.stringify(quote.typedData.payment.message) && /^0x[0-9a-fA-F]{130}$/.test(body.payment.signature), 'execute: payment = {authorization: quote.typedData.payment.message, signature}');
  check(facilitateAnswer.status() === 202 || facilitateAnswer.status() === 200, `execute: facilitate answered ${facilitateAnswer.status()}`);

  await page.waitForFunction(() => ['confirmed', 'failed'].includes(document.getElementById('result').dataset.state), null, { timeout: 120000 });
  const final = await page.locator('#result').getAttribute('data-state');
  const txHash = (await page.locator('#tx-hash').textContent()).trim();
  check(final === 'confirmed', `execute: the page shows the confirmed state (${final})`);
  check(/^0x[0-9a-fA-F]{64}$/.test(txHash), `execute: transaction hash shown (${txHash})`);
  const href = await page.locator('#tx-hash').getAttribute('href');
  check(!href || href.endsWith(txHash), `execute: explorer link ${href || '(none configured)'}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'execute-confirmed-desktop-light.png'), fullPage: true });

  if (!STUB) {
    const receipt = await rpc('eth_getTransactionReceipt', [txHash]);
    check(receipt && receipt.status === '0x1', `chain: the transaction ${txHash.slice(0, 10)}… succeeded in block ${receipt && Number(receipt.blockNumber)}`);
    const lastValue = demo.decodeFunctionResult('lastValue', await rpc('eth_call', [{ to: TARGET, data: demo.encodeFunctionData('lastValue') }, 'latest']))[0];
    const lastSender = demo.decodeFunctionResult('lastSender', await rpc('eth_call', [{ to: TARGET, data: demo.encodeFunctionData('lastSender') }, 'latest']))[0];
    check(lastValue === 42n && getAddress(lastSender) === USER, `chain: DemoTarget stored 42 from the user (lastSender ${lastSender})`);
    const nonceAfter = await fetch(`${BASE}/x402/nonce/${USER}`).then((r) => r.json());
    check(BigInt(nonceAfter.nonce) === BigInt(nonceBefore.nonce) + 1n, `chain: the user's meta-transaction nonce went ${nonceBefore.nonce} → ${nonceAfter.nonce}`);
  }

  await page.locator('#notes-btn').click();
  await page.locator('#notes-menu').waitFor({ state: 'visible' });
  const notes = await page.locator('#notes-list').textContent();
  check(/Transaction confirmed/.test(notes), 'notifications: "Transaction confirmed" listed in the bell menu');
  await page.reload();
  await page.locator('#notes-btn').click();
  check(/Transaction confirmed/.test(await page.locator('#notes-list').textContent()), 'notifications: kept in localStorage across a reload');
  await page.keyboard.press('Escape');
}

async function preferences(page) {
  console.log('preferences');
  await page.goto(`${BASE}/`);
  const before = await page.locator('html').getAttribute('data-theme');
  await page.locator('#theme-toggle').click();
  const toggled = await page.locator('html').getAttribute('data-theme');
  check(toggled !== before && ['light', 'dark'].includes(toggled), `theme: toggle switches ${before} → ${toggled}`);
  await page.reload();
  check((await page.locator('html').getAttribute('data-theme')) === toggled, 'theme: kept across a reload');
  await page.goto(`${BASE}/dashboard`);
  check((await page.locator('html').getAttribute('data-theme')) === toggled, 'theme: kept on another page');
  await page.locator('#theme-toggle').click();
  check((await page.locator('html').getAttribute('data-theme')) === before, 'theme: toggles back');

  await page.goto(`${BASE}/execute`);
  await page.locator('#settings-btn').click();
  await page.locator('#setting-tier').selectOption('slow');
  await page.reload();
  check((await page.locator('input[name="gasLevel"]:checked').getAttribute('value')) === 'slow', 'default tier: chosen in settings, pre-selected on /execute after a reload');
  await page.locator('label.tier:has(input[value="fast"])').click();
  await page.locator('#make-default').click();
  await page.goto(`${BASE}/execute`);
  check((await page.locator('input[name="gasLevel"]:checked').getAttribute('value')) === 'fast', 'default tier: "use this tier by default" on /execute persists');
  await page.locator('#settings-btn').click();
  check((await page.locator('#setting-tier').inputValue()) === 'fast', 'default tier: the settings menu shows it');
  await page.locator('#setting-tier').selectOption('normal');
}

async function screenshots(page) {
  console.log('screenshots');
  for (const theme of ['light', 'dark']) {
    await page.evaluate((value) => localStorage.setItem('crogas.theme', value), theme);
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      await page.setViewportSize(viewport);
      for (const [name, path] of [['home', '/'], ['dashboard', '/dashboard'], ['execute', `/execute?target=${TARGET}&signature=store(uint256)&args=42`]]) {
        await page.goto(`${BASE}${path}`);
        await page.waitForLoadState('networkidle').catch(() => {});
        await page.waitForTimeout(400);
        const file = join(SHOTS, `${name}-${size}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
      }
    }
  }
  await page.setViewportSize(DESKTOP);
  check(true, `screenshots: home, dashboard, execute × desktop, phone × light, dark in ${SHOTS}`);
}

const deadline = setTimeout(() => {
  console.error('pages.test: FAILED: the whole run took more than 5 minutes');
  process.exit(1);
}, 5 * 60 * 1000);
deadline.unref();

main().then(
  () => {
    console.log(`pages.test: PASSED (${passed.length} checks)`);
    process.exit(0);
  },
  (error) => {
    console.error(`pages.test: FAILED: ${error.message}`);
    process.exit(1);
  },
);
