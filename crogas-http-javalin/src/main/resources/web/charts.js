// Plain SVG charts for the dashboard: no library, scaled to a 600 x 200 viewBox.
const NS = 'http://www.w3.org/2000/svg';
const W = 600;
const H = 200;
const PAD = { left: 52, right: 8, top: 10, bottom: 20 }; // room for a label like "10,000"
const PALETTE = ['var(--gold-strong)', 'var(--info)', 'var(--ok)', 'var(--warn)', 'var(--bad)'];

function node(name, attrs = {}, text) {
  const element = document.createElementNS(NS, name);
  Object.entries(attrs).forEach(([key, value]) => element.setAttribute(key, String(value)));
  if (text !== undefined) element.textContent = text;
  return element;
}

function axes(svg, maxLabel, firstLabel, lastLabel) {
  const baseline = H - PAD.bottom;
  svg.append(
    node('line', { class: 'axis', x1: PAD.left, y1: baseline, x2: W - PAD.right, y2: baseline }),
    node('text', { class: 'tick', x: PAD.left - 4, y: PAD.top + 8, 'text-anchor': 'end' }, maxLabel),
    node('text', { class: 'tick', x: PAD.left - 4, y: baseline, 'text-anchor': 'end' }, '0'),
    node('text', { class: 'tick', x: PAD.left, y: H - 4 }, firstLabel),
    node('text', { class: 'tick', x: W - PAD.right, y: H - 4, 'text-anchor': 'end' }, lastLabel),
  );
}

const clock = (seconds) => new Date(seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Stacked bars (confirmed, failed) per minute and a line of the USDC collected. */
export function drawActivity(svg, minutes) {
  svg.replaceChildren();
  if (!minutes.length) return;
  const maxCount = Math.max(1, ...minutes.map((m) => m.confirmed + m.failed));
  const usdc = minutes.map((m) => Number(m.usdc));
  const maxUsdc = Math.max(...usdc) || 1;
  const span = W - PAD.left - PAD.right;
  const height = H - PAD.top - PAD.bottom;
  const slot = span / minutes.length;
  axes(svg, String(maxCount), clock(minutes[0].start), clock(minutes[minutes.length - 1].start));
  minutes.forEach((m, i) => {
    const x = PAD.left + i * slot + 1;
    const ok = (m.confirmed / maxCount) * height;
    const bad = (m.failed / maxCount) * height;
    const title = `${clock(m.start)}: ${m.confirmed} confirmed, ${m.failed} failed, ${m.usdc} USDC`;
    if (m.confirmed) {
      svg.append(node('rect', { class: 'bar ok', x, y: H - PAD.bottom - ok, width: Math.max(1, slot - 2), height: ok }, undefined));
      svg.lastChild.append(node('title', {}, title));
    }
    if (m.failed) {
      svg.append(node('rect', { class: 'bar bad', x, y: H - PAD.bottom - ok - bad, width: Math.max(1, slot - 2), height: bad }));
      svg.lastChild.append(node('title', {}, title));
    }
  });
  const points = usdc
    .map((value, i) => `${PAD.left + i * slot + slot / 2},${H - PAD.bottom - (value / maxUsdc) * height}`)
    .join(' ');
  svg.append(node('polyline', { class: 'line usdc', points }));
}

/** One line per relayer of its CRO balance, a dot per sample. */
export function drawBalances(svg, samples) {
  svg.replaceChildren();
  if (!samples.length) return;
  const relayers = [...new Set(samples.flatMap((s) => Object.keys(s.cro)))];
  const values = samples.flatMap((s) => Object.values(s.cro).map(Number));
  const max = Math.max(...values) || 1;
  const span = W - PAD.left - PAD.right;
  const height = H - PAD.top - PAD.bottom;
  const first = samples[0].at;
  const last = samples[samples.length - 1].at;
  const x = (at) => PAD.left + (last === first ? span / 2 : ((at - first) / (last - first)) * span);
  const y = (cro) => H - PAD.bottom - (cro / max) * height;
  axes(svg, max.toLocaleString('en-US', { maximumFractionDigits: 2 }), clock(first), clock(last));
  relayers.forEach((relayer, i) => {
    const color = PALETTE[i % PALETTE.length];
    const points = samples.filter((s) => relayer in s.cro).map((s) => [x(s.at), y(Number(s.cro[relayer]))]);
    svg.append(node('polyline', { class: 'line', stroke: color, points: points.map((p) => p.join(',')).join(' ') }));
    points.forEach(([px, py], j) => {
      const dot = node('circle', { class: 'dot', cx: px, cy: py, r: 3, fill: color });
      dot.append(node('title', {}, `${relayer}: ${samples[j] ? samples[j].cro[relayer] : ''} CRO`));
      svg.append(dot);
    });
  });
}
