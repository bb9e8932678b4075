// Figures derived from GET /x402/transactions (the recent requests), shared by home and dashboard.
import { sumUsdc } from './format.js';

export const CHAINS = { 25: 'Cronos', 338: 'Cronos testnet', 31337: 'Anvil' };

export function chainName(chainId) {
  return CHAINS[chainId] ? `${CHAINS[chainId]} (${chainId})` : `chain ${chainId}`;
}

export function summarize(records) {
  const confirmed = records.filter((r) => r.status === 'confirmed');
  const failed = records.filter((r) => r.status === 'failed');
  const finished = confirmed.length + failed.length;
  const inFlight = records.length - finished;
  const volume = sumUsdc(confirmed.map((r) => r.payment && r.payment.amount));
  const fees = sumUsdc(confirmed.map((r) => r.payment && r.payment.breakdown && r.payment.breakdown.facilitatorFee));
  const gasUsed = confirmed.reduce((sum, r) => sum + (r.receipt ? Number(r.receipt.gasUsed) || 0 : 0), 0);
  return {
    total: records.length,
    confirmed: confirmed.length,
    failed: failed.length,
    inFlight,
    successRate: finished ? (confirmed.length / finished) * 100 : null,
    volume,
    fees,
    gasUsed,
  };
}

export function percent(value) {
  return value === null ? '—' : `${value >= 99.95 || value === 0 ? value.toFixed(0) : value.toFixed(1)}%`;
}
