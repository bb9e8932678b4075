import * as api from './api.js';
import { drawActivity, drawBalances } from './charts.js';
import { decimal, duration, el, explorerLink, pill, shortHex, timeAgo } from './format.js';
import { initLayout } from './layout.js';
import { notify } from './notify.js';
import { chainName, percent, summarize } from './stats.js';

initLayout();

const REFRESH_MS = 5000;
const $ = (id) => document.getElementById(id);
let paused = false;
let lastStatus = null;

function relayerBlock(relayer) {
  return el(
    'dl',
    { class: 'kv relayer' },
    el('dt', { text: 'Address' }),
    el('dd', { class: 'mono', text: relayer.address }),
    el('dt', { text: 'CRO' }),
    el('dd', { class: 'relayer-cro', text: decimal(relayer.cro, 4) }),
    el('dt', { text: 'USDC' }),
    el('dd', { class: 'relayer-usdc', text: decimal(relayer.usdc, 4) }),
  );
}

function renderHealth(h) {
  $('status').replaceChildren(pill(h.status));
  $('status-sub').textContent = h.status === 'down' ? h.message || 'chain unreachable' : h.status === 'degraded' ? 'serving, check balances' : 'all systems normal';
  $('h-chain').textContent = h.chainId ? chainName(h.chainId) : '—';
  $('h-block').textContent = h.blockNumber !== undefined ? `#${Number(h.blockNumber).toLocaleString('en-US')}` : '—';
  $('h-latency').textContent = h.rpcLatencyMs !== undefined ? `${h.rpcLatencyMs} ms` : '—';
  $('h-forwarder').textContent = h.forwarder || '—';
  $('h-usdc').textContent = h.usdc ? `${h.usdc.address} · ${h.usdc.name} v${h.usdc.version} · ${h.usdc.decimals} decimals` : '—';
  $('h-version').textContent = h.version || '—';
  $('h-uptime').textContent = h.uptimeSeconds !== undefined ? duration(h.uptimeSeconds) : '—';
  const relayers = h.relayers && h.relayers.length ? h.relayers : h.relayer ? [h.relayer] : [];
  $('relayers').replaceChildren(...(relayers.length ? relayers.map(relayerBlock) : [el('p', { class: 'muted', text: 'No relayer reported.' })]));
  if (lastStatus && lastStatus !== h.status) {
    notify(h.status === 'ok' ? 'success' : 'warning', `Relayer status changed: ${lastStatus} → ${h.status}`);
  }
  lastStatus = h.status;
}

function renderTransactions(records) {
  const s = summarize(records);
  $('volume').textContent = decimal(s.volume, 6);
  $('volume-sub').textContent = `${s.confirmed} confirmed of the last ${s.total}`;
  $('success-rate').textContent = percent(s.successRate);
  $('success-sub').textContent = `${s.confirmed} confirmed · ${s.failed} failed · ${s.inFlight} in flight`;
  $('fees').textContent = decimal(s.fees, 6);
  $('fees-sub').textContent = s.gasUsed ? `${s.gasUsed.toLocaleString('en-US')} gas relayed` : 'facilitator fees';
  const body = $('tx-body');
  if (!records.length) {
    body.replaceChildren(el('tr', {}, el('td', { class: 'empty', colspan: 8, text: 'No transactions yet. Try the Execute page.' })));
    return;
  }
  body.replaceChildren(
    ...records.map((r) =>
      el(
        'tr',
        { 'data-id': r.id, title: r.error ? `${r.id}: ${r.error}` : r.id },
        el('td', { title: r.createdAt ? new Date(r.createdAt * 1000).toLocaleString() : '', text: timeAgo(r.createdAt) }),
        el('td', { text: r.kind === 'x402-settlement' ? 'x402 settle' : r.kind === 'meta-transaction' ? 'meta-tx' : r.kind || '—' }),
        el('td', { class: 'mono', title: r.payer, text: shortHex(r.payer) }),
        el('td', { class: 'mono hide-sm', title: r.target || r.payTo || '', text: shortHex(r.target || r.payTo) || '—' }),
        el('td', { text: r.gasLevel || '—' }),
        el('td', { text: r.payment ? `${decimal(r.payment.amount, 6)} ${r.payment.currency || ''}` : '—' }),
        el('td', {}, pill(r.status)),
        el('td', {}, r.txHash ? explorerLink(r.explorerUrl, shortHex(r.txHash, 10, 6)) : document.createTextNode('—')),
      ),
    ),
  );
}

async function refresh() {
  if (paused) return;
  const [health, records, activity] = await Promise.allSettled([api.health(), api.transactions(50), api.activity()]);
  const errors = [];
  if (health.status === 'fulfilled' && health.value) renderHealth(health.value);
  else errors.push(`health: ${health.reason ? health.reason.message : 'no answer'}`);
  if (records.status === 'fulfilled') renderTransactions(records.value);
  else errors.push(`transactions: ${records.reason.message}`);
  if (activity.status === 'fulfilled' && activity.value) {
    drawActivity($('chart-activity'), activity.value.minutes || []);
    drawBalances($('chart-balances'), activity.value.balances || []);
  } else if (!(activity.reason && activity.reason.status === 404)) {
    errors.push(`activity: ${activity.reason ? activity.reason.message : 'no answer'}`);
  }
  $('error').hidden = !errors.length;
  $('error').textContent = errors.join(' · ');
  $('updated').textContent = `Updated ${new Date().toLocaleTimeString()} · every ${REFRESH_MS / 1000} s`;
}

$('pause').addEventListener('click', () => {
  paused = !paused;
  $('pause').textContent = paused ? 'Resume' : 'Pause';
  if (!paused) refresh();
  else $('updated').textContent = 'Paused';
});

refresh();
setInterval(refresh, REFRESH_MS);
