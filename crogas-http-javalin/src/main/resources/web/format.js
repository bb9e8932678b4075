// Small formatting helpers shared by the pages.

export function shortHex(value, head = 6, tail = 4) {
  if (!value) return '';
  const text = String(value);
  return text.length <= head + tail + 1 ? text : `${text.slice(0, head)}…${text.slice(-tail)}`;
}

export function timeAgo(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const delta = Math.max(0, Math.round(Date.now() / 1000 - Number(seconds)));
  if (delta < 60) return `${delta}s ago`;
  if (delta < 3600) return `${Math.floor(delta / 60)}m ago`;
  if (delta < 86400) return `${Math.floor(delta / 3600)}h ago`;
  return `${Math.floor(delta / 86400)}d ago`;
}

export function duration(seconds) {
  const s = Math.max(0, Math.floor(Number(seconds) || 0));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m}m`;
  if (m) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

/** A decimal string shown with at most `digits` fraction digits (no float rounding of the integer part). */
export function decimal(value, digits = 4) {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  const [whole, fraction = ''] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cut = fraction.slice(0, digits).replace(/0+$/, '');
  return cut ? `${grouped}.${cut}` : grouped;
}

/** Sum of decimal strings with 6-decimal (USDC) precision, exact with BigInt. */
export function sumUsdc(values) {
  let total = 0n;
  for (const value of values) {
    if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) continue;
    const [whole, fraction = ''] = value.split('.');
    total += BigInt(whole) * 1000000n + BigInt((fraction + '000000').slice(0, 6));
  }
  const whole = total / 1000000n;
  const fraction = (total % 1000000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

export function gwei(wei) {
  if (wei === null || wei === undefined) return '—';
  try {
    const value = BigInt(wei);
    const whole = value / 1000000000n;
    const fraction = (value % 1000000000n).toString().padStart(9, '0').slice(0, 3).replace(/0+$/, '');
    return `${whole}${fraction ? '.' + fraction : ''} gwei`;
  } catch {
    return String(wei);
  }
}

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function pill(status) {
  const known = ['ok', 'degraded', 'down', 'received', 'validated', 'submitted', 'confirmed', 'failed', 'pending'];
  const value = String(status || 'unknown').toLowerCase();
  return el('span', { class: `pill ${known.includes(value) ? value : 'unknown'}`, text: value });
}

/** An external link, only for http(s) URLs the server gave us. */
export function explorerLink(url, text) {
  if (!url || !/^https?:\/\//.test(url)) return document.createTextNode(text || '—');
  return el('a', { href: url, target: '_blank', rel: 'noopener', class: 'mono', text: text || url });
}
