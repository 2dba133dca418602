import type { DayPoint } from '../core/followup/daily-series.js';

const W = 800;
const H = 360;
const PAD = { left: 56, right: 64, top: 48, bottom: 48 };

const esc = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A round axis maximum at or above `value` (1, 2, 5 × 10^n). */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * The report chart as SVG: bars for risky threads per day (left axis) and a line for the median minutes to
 * acknowledge (right axis). Labels are plain ASCII so any system font renders them. Pure.
 */
export function reportChartSvg(points: readonly DayPoint[], title: string): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  // Four gridline steps of a round size, so every axis label is a whole number.
  const maxRisky = 4 * niceMax(Math.max(0, ...points.map((p) => p.risky)) / 4);
  const maxAck = 4 * niceMax(Math.max(0, ...points.map((p) => p.medianAckMinutes ?? 0)) / 4);
  const slot = plotW / Math.max(1, points.length);
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const yRisky = (v: number) => PAD.top + plotH - (v / maxRisky) * plotH;
  const yAck = (v: number) => PAD.top + plotH - (v / maxAck) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${PAD.left}" y="28" font-size="16" font-weight="bold" fill="#222">${esc(title)}</text>`,
  ];
  for (let i = 0; i <= 4; i += 1) {
    const y = PAD.top + (plotH / 4) * i;
    parts.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    parts.push(
      `<text x="${PAD.left - 8}" y="${y + 4}" font-size="11" text-anchor="end" fill="#9c2f12">${Math.round(maxRisky * (1 - i / 4))}</text>`,
    );
    parts.push(
      `<text x="${W - PAD.right + 8}" y="${y + 4}" font-size="11" fill="#1f5fa8">${Math.round(maxAck * (1 - i / 4))}</text>`,
    );
  }
  const barW = Math.max(2, slot * 0.6);
  points.forEach((p, i) => {
    const top = yRisky(p.risky);
    parts.push(
      `<rect x="${(x(i) - barW / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${(PAD.top + plotH - top).toFixed(1)}" fill="#e4572e"/>`,
    );
    if (points.length <= 16 || i % Math.ceil(points.length / 16) === 0) {
      parts.push(
        `<text x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 18}" font-size="11" text-anchor="middle" fill="#444">${esc(p.day.slice(5))}</text>`,
      );
    }
  });
  const line = points
    .map((p, i) =>
      p.medianAckMinutes === null ? null : `${x(i).toFixed(1)},${yAck(p.medianAckMinutes).toFixed(1)}`,
    )
    .filter((v): v is string => v !== null);
  if (line.length > 1)
    parts.push(`<polyline points="${line.join(' ')}" fill="none" stroke="#1f5fa8" stroke-width="2.5"/>`);
  for (const point of line) {
    const [cx, cy] = point.split(',');
    parts.push(`<circle cx="${cx}" cy="${cy}" r="3.5" fill="#1f5fa8"/>`);
  }
  parts.push(
    `<rect x="${PAD.left}" y="${H - 18}" width="12" height="10" fill="#e4572e"/><text x="${PAD.left + 18}" y="${H - 9}" font-size="12" fill="#444">risky threads per day</text>`,
    `<line x1="${PAD.left + 200}" x2="${PAD.left + 224}" y1="${H - 13}" y2="${H - 13}" stroke="#1f5fa8" stroke-width="2.5"/><text x="${PAD.left + 230}" y="${H - 9}" font-size="12" fill="#444">median minutes to acknowledge</text>`,
    '</svg>',
  );
  return parts.join('\n');
}
