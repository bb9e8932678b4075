#!/usr/bin/env node
// A stand-in for the CroGas server while developing the web pages: serves the static files of
// src/main/resources/web the way the real server does (/ /dashboard /execute and every other file at
// its own path) and answers the API with canned JSON in the documented shapes (docs/api.md). It is
// not a relayer: nothing is sent to a chain. /x402/facilitate does check both EIP-712 signatures
// (ethers.verifyTypedData) against the quote it issued, so a page that signs the wrong document fails
// here too; an accepted request then walks received → submitted → confirmed over ~3 s.
//
// Usage: node stub-server.mjs [--port 8402] [--host 127.0.0.1]   (port 0: a free one; prints the URL)
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const moduleRoot = join(here, '..', '..', '..');
const webRoot = join(moduleRoot, 'src', 'main', 'resources', 'web');
const openApi = join(moduleRoot, 'src', 'main', 'resources', 'io', 'crogas', 'http', 'openapi.json');
const require = createRequire(join(moduleRoot, '..', 'package.json'));
const { TypedDataEncoder, getAddress, verifyTypedData } = require('ethers');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.STUB_PORT || 8402));
const host = arg('host', '127.0.0.1');
const chainId = Number(process.env.STUB_CHAIN_ID || 338);
const FORWARDER = getAddress('0x5fbdb2315678afecb367f032d93f642f64180aa3');
const USDC = getAddress('0xe7f1725e7734ce288f8367e1bb143e90bb3f0512');
const RELAYER = getAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const EXPLORER = 'https://explorer.cronos.org/testnet/tx/';
const started = Date.now();

const pages = { '/': 'index.html', '/dashboard': 'dashboard.html', '/execute': 'execute.html' };
const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
};

const quotes = new Map(); // quoteId -> quote
const records = []; // newest first
const hex = (n) => `0x${randomBytes(n).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

function seedRecords() {
  const user = getAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
  const target = getAddress('0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0');
  const t = now();
  const make = (minutesAgo, status, amount, extra = {}) => {
    const txHash = status === 'received' ? null : hex(32);
    return {
      id: `rq_${randomBytes(6).toString('hex')}`,
      status,
      payer: user,
      createdAt: t - minutesAgo * 60,
      kind: 'meta-transaction',
      target,
      gasLevel: extra.gasLevel || 'normal',
      nonce: String(extra.nonce ?? 0),
      payment: payment(amount),
      txHash,
      explorerUrl: txHash ? EXPLORER + txHash : null,
      txHashes: txHash ? [txHash] : [],
      ...(status === 'confirmed' ? { receipt: { blockNumber: 1200 + minutesAgo, gasUsed: 61234, gasPrice: '5000000000000', success: true } } : {}),
      ...(status === 'failed' ? { error: 'simulation_failed: UnluckyValue(13)' } : {}),
      history: [
        { status: 'received', at: t - minutesAgo * 60, detail: 'accepted', txHash: null },
        ...(txHash ? [{ status: 'submitted', at: t - minutesAgo * 60 + 1, detail: 'sent by relayer', txHash }] : []),
        ...(status === 'confirmed' || status === 'failed' ? [{ status, at: t - minutesAgo * 60 + 3, detail: status, txHash }] : []),
      ],
    };
  };
  records.push(
    make(2, 'confirmed', '0.318501', { gasLevel: 'fast', nonce: 3 }),
    {
      ...make(9, 'confirmed', '0.126', { nonce: 0 }),
      kind: 'x402-settlement',
      target: undefined,
      gasLevel: undefined,
      asset: USDC,
      payTo: getAddress('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc'),
    },
    make(14, 'failed', '0.2', { nonce: 2 }),
    make(31, 'confirmed', '0.291005', { gasLevel: 'slow', nonce: 1 }),
    make(55, 'confirmed', '0.30499', { nonce: 0 }),
  );
}

function payment(amount) {
  const atomic = toAtomic(amount);
  const base = (atomic * 10000n) / 10100n;
  return {
    amount,
    amountAtomic: atomic.toString(),
    currency: 'USDC',
    breakdown: { baseGasCost: fromAtomic(base), facilitatorFee: fromAtomic(atomic - base) },
  };
}

function toAtomic(decimal) {
  const [w, f = ''] = decimal.split('.');
  return BigInt(w) * 1000000n + BigInt((f + '000000').slice(0, 6));
}

function fromAtomic(atomic) {
  const f = (atomic % 1000000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${atomic / 1000000n}${f ? '.' + f : ''}`;
}

function nextNonce(user) {
  return records.filter((r) => r.kind === 'meta-transaction' && r.payer === user && r.status !== 'failed' && r.stub).length;
}

function quoteFor(body) {
  const problems = {};
  const isAddress = (v) => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);
  if (!isAddress(body.userAddress)) problems.userAddress = 'must be a 0x-prefixed 20-byte address';
  if (!isAddress(body.target)) problems.target = 'must be a 0x-prefixed 20-byte address';
  if (typeof body.calldata !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(body.calldata)) problems.calldata = 'must be 0x-prefixed hex bytes';
  if (!['slow', 'normal', 'fast'].includes(body.gasLevel)) problems.gasLevel = 'unknown tier (slow, normal, fast)';
  if (Object.keys(problems).length) return { error: [400, 'invalid_request', 'the request has invalid fields', problems] };
  if (body.calldata === '0x6057361d000000000000000000000000000000000000000000000000000000000000000d') {
    return { error: [422, 'simulation_failed', 'the call reverts: UnluckyValue(13)', { revertReason: 'UnluckyValue(13)' }] };
  }
  const user = getAddress(body.userAddress);
  const target = getAddress(body.target);
  const nonce = String(nextNonce(user));
  const deadline = now() + 600;
  const metaTransaction = {
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      MetaTransaction: [
        { name: 'target', type: 'address' },
        { name: 'calldata', type: 'bytes' },
        { name: 'gasLevel', type: 'string' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    },
    primaryType: 'MetaTransaction',
    domain: { name: 'CroGas', version: '1', chainId, verifyingContract: FORWARDER },
    message: { target, calldata: body.calldata.toLowerCase(), gasLevel: body.gasLevel, nonce, deadline: String(deadline) },
  };
  const { EIP712Domain: _a, ...metaTypes } = metaTransaction.types;
  const digest = TypedDataEncoder.hash(metaTransaction.domain, metaTypes, metaTransaction.message);
  const multiplier = { slow: 110n, normal: 125n, fast: 150n }[body.gasLevel];
  const base = (250000n * multiplier) / 100n + 3n;
  const fee = (base + 99n) / 100n;
  const amountAtomic = base + fee;
  const paymentDoc = {
    types: {
      EIP712Domain: metaTransaction.types.EIP712Domain,
      ReceiveWithAuthorization: [
        { name: 'from', type: 'address' },
        { name: 'to', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'validAfter', type: 'uint256' },
        { name: 'validBefore', type: 'uint256' },
        { name: 'nonce', type: 'bytes32' },
      ],
    },
    primaryType: 'ReceiveWithAuthorization',
    domain: { name: 'USD Coin', version: '2', chainId, verifyingContract: USDC },
    message: { from: user, to: FORWARDER, value: amountAtomic.toString(), validAfter: '0', validBefore: String(deadline), nonce: digest },
  };
  const quote = {
    quoteId: `q_${randomBytes(8).toString('hex')}`,
    chainId,
    forwarder: FORWARDER,
    userAddress: user,
    target,
    calldata: metaTransaction.message.calldata,
    gasLevel: body.gasLevel,
    nonce,
    deadline,
    digest,
    gasLimit: '61234',
    maxFeePerGas: (5000000000000n * multiplier / 100n).toString(),
    croCost: '382712500000000000',
    croUsd: '0.0923',
    priceSource: 'fixed',
    amount: fromAtomic(amountAtomic),
    amountAtomic: amountAtomic.toString(),
    currency: 'USDC',
    breakdown: {
      baseGasCost: fromAtomic(base),
      facilitatorFee: fromAtomic(fee),
      baseGasCostAtomic: base.toString(),
      facilitatorFeeAtomic: fee.toString(),
    },
    expiresAt: now() + 120,
    typedData: { metaTransaction, payment: paymentDoc },
  };
  quotes.set(digest, quote);
  return { quote };
}

function facilitate(body, prefersAsync) {
  const required = ['target', 'calldata', 'gasLevel', 'userAddress', 'signature', 'deadline', 'nonce'];
  const missing = Object.fromEntries(required.filter((f) => body[f] === undefined).map((f) => [f, 'required']));
  if (Object.keys(missing).length) return [400, { error: 'invalid_request', message: 'missing fields', details: missing }];
  const message = {
    target: body.target,
    calldata: String(body.calldata).toLowerCase(),
    gasLevel: body.gasLevel,
    nonce: String(body.nonce),
    deadline: String(body.deadline),
  };
  let quote;
  try {
    const digest = TypedDataEncoder.hash(
      quotes.size ? [...quotes.values()][0].typedData.metaTransaction.domain : {},
      { MetaTransaction: [...quotes.values()][0].typedData.metaTransaction.types.MetaTransaction },
      message,
    );
    quote = quotes.get(digest);
  } catch {
    quote = null;
  }
  if (!quote) return [400, { error: 'invalid_request', message: 'no quote was issued for this meta-transaction', details: {} }];
  if (Number(body.deadline) < now()) return [410, { error: 'expired', message: 'the deadline has passed', details: {} }];
  const meta = quote.typedData.metaTransaction;
  const { EIP712Domain: _m, ...metaTypes } = meta.types;
  let signer;
  try {
    signer = verifyTypedData(meta.domain, metaTypes, message, body.signature);
  } catch (e) {
    signer = null;
  }
  if (!signer || signer !== getAddress(body.userAddress)) {
    return [401, { error: 'invalid_signature', message: `the meta-transaction signature recovers ${signer}, not ${body.userAddress}`, details: {} }];
  }
  if (!body.payment) return [402, { error: 'payment_required', message: 'sign the fee authorization', quote }];
  const pay = quote.typedData.payment;
  const { EIP712Domain: _p, ...payTypes } = pay.types;
  const auth = body.payment.authorization || {};
  for (const field of ['from', 'to', 'value', 'validAfter', 'validBefore', 'nonce']) {
    if (String(auth[field]).toLowerCase() !== String(pay.message[field]).toLowerCase()) {
      return [400, { error: 'invalid_request', message: `payment.authorization.${field} differs from the quote`, details: { [`payment.authorization.${field}`]: 'differs from the quote' } }];
    }
  }
  let paySigner;
  try {
    paySigner = verifyTypedData(pay.domain, payTypes, pay.message, body.payment.signature);
  } catch {
    paySigner = null;
  }
  if (paySigner !== signer) {
    return [401, { error: 'invalid_signature', message: `the payment signature recovers ${paySigner}`, details: { 'payment.signature': 'wrong signer' } }];
  }
  const existing = records.find((r) => r.digest === quote.digest);
  if (existing) return [existing.status === 'confirmed' || existing.status === 'failed' ? 200 : 202, accepted(existing)];
  const t = now();
  const record = {
    id: `rq_${randomBytes(6).toString('hex')}`,
    stub: true,
    digest: quote.digest,
    status: 'received',
    payer: signer,
    createdAt: t,
    kind: 'meta-transaction',
    target: quote.target,
    gasLevel: quote.gasLevel,
    nonce: quote.nonce,
    payment: payment(quote.amount),
    txHash: null,
    explorerUrl: null,
    txHashes: [],
    history: [{ status: 'received', at: t, detail: 'accepted', txHash: null }],
  };
  records.unshift(record);
  const txHash = hex(32);
  setTimeout(() => {
    record.history.push({ status: 'validated', at: now(), detail: 'signatures, nonce, balances and simulation checked', txHash: null });
    record.status = 'validated';
  }, 400);
  setTimeout(() => {
    Object.assign(record, { status: 'submitted', txHash, explorerUrl: EXPLORER + txHash, txHashes: [txHash] });
    record.history.push({ status: 'submitted', at: now(), detail: 'sent by relayer', txHash });
  }, 1200);
  setTimeout(() => {
    record.status = 'confirmed';
    record.receipt = { blockNumber: 1300 + records.length, gasUsed: 58321, gasPrice: '5000000000000', success: true };
    record.history.push({ status: 'confirmed', at: now(), detail: 'included in block', txHash });
  }, 3000);
  if (!prefersAsync) return [202, accepted(record)];
  return [202, accepted(record)];
}

function accepted(record) {
  return { id: record.id, status: record.status, txHash: record.txHash, statusUrl: `/x402/transactions/${record.id}` };
}

function publicRecord(record) {
  const { stub: _s, digest: _d, ...visible } = record;
  return visible;
}

function health() {
  return {
    status: 'ok',
    chainId,
    blockNumber: 1200 + Math.floor((Date.now() - started) / 1000),
    rpcLatencyMs: 3,
    relayers: [{ address: RELAYER, cro: '9998.7712', croWei: '9998771200000000000000', usdc: '12.4105', usdcAtomic: '12410500' }],
    relayer: { address: RELAYER, cro: '9998.7712', croWei: '9998771200000000000000', usdc: '12.4105', usdcAtomic: '12410500' },
    forwarder: FORWARDER,
    usdc: { address: USDC, name: 'USD Coin', version: '2', decimals: 6 },
    version: '0.1.0-stub',
    uptimeSeconds: Math.floor((Date.now() - started) / 1000),
  };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  return JSON.parse(text);
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

async function serveFile(res, path) {
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'Content-Type': types[extname(path)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(body);
  } catch {
    json(res, 404, { error: 'not_found', message: 'no such page', details: {} });
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://stub');
  const path = url.pathname;
  try {
    if (req.method === 'GET' && path === '/health') return json(res, 200, health());
    if (req.method === 'GET' && path === '/openapi.json') return serveFile(res, openApi);
    if (req.method === 'GET' && path === '/x402/transactions') {
      const limit = Math.min(200, Number(url.searchParams.get('limit') || 20));
      const user = url.searchParams.get('user');
      const list = records.filter((r) => !user || r.payer.toLowerCase() === user.toLowerCase()).slice(0, limit);
      return json(res, 200, { transactions: list.map(publicRecord) });
    }
    const one = path.match(/^\/x402\/transactions\/([^/]+)$/);
    if (req.method === 'GET' && one) {
      const record = records.find((r) => r.id === decodeURIComponent(one[1]));
      return record ? json(res, 200, publicRecord(record)) : json(res, 404, { error: 'not_found', message: 'no request with that id', details: { id: 'unknown' } });
    }
    const nonceMatch = path.match(/^\/x402\/nonce\/(0x[0-9a-fA-F]{40})$/);
    if (req.method === 'GET' && nonceMatch) {
      const address = getAddress(nonceMatch[1]);
      return json(res, 200, { address, nonce: String(nextNonce(address)) });
    }
    if (req.method === 'POST' && path === '/x402/quote') {
      const result = quoteFor(await readBody(req));
      if (result.error) {
        const [status, error, message, details] = result.error;
        return json(res, status, { error, message, details });
      }
      return json(res, 200, result.quote);
    }
    if (req.method === 'POST' && path === '/x402/facilitate') {
      const prefer = /respond-async/i.test(req.headers.prefer || '');
      const [status, body] = facilitate(await readBody(req), prefer);
      return json(res, status, body, prefer && status === 202 ? { 'Preference-Applied': 'respond-async' } : {});
    }
    if (req.method === 'GET' && pages[path]) return serveFile(res, join(webRoot, pages[path]));
    if (req.method === 'GET') {
      const file = normalize(join(webRoot, path));
      if (!file.startsWith(webRoot + '/') || path.includes('..')) return json(res, 404, { error: 'not_found', message: 'no such page', details: {} });
      return serveFile(res, file);
    }
    return json(res, 404, { error: 'not_found', message: `no route ${req.method} ${path}`, details: {} });
  } catch (error) {
    return json(res, 400, { error: 'invalid_request', message: `malformed request: ${error.message}`, details: {} });
  }
});

seedRecords();
server.listen(port, host, () => {
  const address = server.address();
  console.log(`stub CroGas server on http://${address.address}:${address.port} (chain ${chainId}, forwarder ${FORWARDER})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
