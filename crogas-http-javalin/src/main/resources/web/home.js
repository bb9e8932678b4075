import * as api from './api.js';
import { decimal, pill } from './format.js';
import { initLayout } from './layout.js';
import { chainName, percent, summarize } from './stats.js';

initLayout();

const $ = (id) => document.getElementById(id);
document.getElementById('facilitator-url').textContent = `${location.origin}/x402`;

async function refresh() {
  const [health, records] = await Promise.allSettled([api.health(), api.transactions(50)]);
  if (health.status === 'fulfilled' && health.value) {
    const h = health.value;
    $('stat-status').replaceChildren(pill(h.status));
    $('stat-chain').textContent = h.chainId ? chainName(h.chainId) : h.message || '';
    $('stat-block').textContent = h.blockNumber !== undefined ? `#${Number(h.blockNumber).toLocaleString('en-US')}` : '—';
    $('stat-latency').textContent = h.rpcLatencyMs !== undefined ? `RPC ${h.rpcLatencyMs} ms` : '';
    $('forwarder').textContent = h.forwarder || '—';
    $('usdc').textContent = h.usdc ? `${h.usdc.address} (${h.usdc.name} v${h.usdc.version})` : '—';
  } else {
    $('stat-status').replaceChildren(pill('down'));
    $('stat-chain').textContent = 'server unreachable';
  }
  if (records.status === 'fulfilled') {
    const s = summarize(records.value);
    $('stat-count').textContent = String(s.total);
    $('stat-success').textContent = `${percent(s.successRate)} confirmed · ${s.inFlight} in flight`;
    $('stat-volume').textContent = decimal(s.volume, 4);
    $('stat-volume-sub').textContent = `USDC over ${s.confirmed} confirmed`;
  } else {
    $('stat-count').textContent = '—';
    $('stat-success').textContent = records.reason.message;
  }
  $('live-updated').textContent = `Updated ${new Date().toLocaleTimeString()} · refreshes every 10 s`;
}

refresh();
setInterval(refresh, 10000);
