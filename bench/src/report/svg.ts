// A small hand-written SVG chart: grouped horizontal bars, no chart library.

export interface BarGroup {
  label: string;
  bars: Array<{ label: string; value: number; text: string; color: string }>;
}

export interface Panel {
  title: string;
  groups: BarGroup[];
  /** Axis maximum and scale; log axes start at `logMin`. */
  max: number;
  log?: { min: number };
  /** Vertical reference lines, e.g. targets. */
  lines?: Array<{ value: number; label: string }>;
  tickFormat: (v: number) => string;
  ticks: number[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W = 900;
const LEFT = 250;
const RIGHT = 110;
const BAR = 16;
const GAP = 4;

function scale(p: Panel): (v: number) => number {
  const width = W - LEFT - RIGHT;
  if (!p.log) return (v) => LEFT + (Math.max(0, Math.min(v, p.max)) / p.max) * width;
  const lo = Math.log10(p.log.min);
  const hi = Math.log10(p.max);
  return (v) => LEFT + ((Math.log10(Math.max(v, p.log!.min)) - lo) / (hi - lo)) * width;
}

function panel(p: Panel, top: number): { svg: string; height: number } {
  const x = scale(p);
  const parts: string[] = [`<text x="20" y="${top + 18}" class="t">${esc(p.title)}</text>`];
  let y = top + 34;
  const axisTop = y;
  for (const g of p.groups) {
    parts.push(`<text x="20" y="${y + 12}" class="g">${esc(g.label)}</text>`);
    y += 18;
    for (const b of g.bars) {
      const w = Math.max(1, x(b.value) - LEFT);
      parts.push(
        `<text x="${LEFT - 6}" y="${y + BAR - 4}" class="l" text-anchor="end">${esc(b.label)}</text>`,
        `<rect x="${LEFT}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${b.color}"/>`,
        `<text x="${(LEFT + w + 4).toFixed(1)}" y="${y + BAR - 4}" class="v">${esc(b.text)}</text>`,
      );
      y += BAR + GAP;
    }
    y += 8;
  }
  for (const t of p.ticks) {
    parts.push(
      `<line x1="${x(t).toFixed(1)}" y1="${axisTop}" x2="${x(t).toFixed(1)}" y2="${y}" class="grid"/>`,
      `<text x="${x(t).toFixed(1)}" y="${y + 14}" class="v" text-anchor="middle">${esc(p.tickFormat(t))}</text>`,
    );
  }
  for (const l of p.lines ?? []) {
    parts.push(
      `<line x1="${x(l.value).toFixed(1)}" y1="${axisTop - 4}" x2="${x(l.value).toFixed(1)}" y2="${y}" class="target"/>`,
      `<text x="${x(l.value).toFixed(1)}" y="${axisTop - 8}" class="tl" text-anchor="middle">${esc(l.label)}</text>`,
    );
  }
  return { svg: parts.join('\n'), height: y + 30 - top };
}

/** Renders the panels one under the other. */
export function renderSvg(title: string, subtitle: string, panels: Panel[]): string {
  let top = 50;
  const body: string[] = [];
  for (const p of panels) {
    const r = panel(p, top);
    body.push(r.svg);
    top += r.height + 10;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${top}" viewBox="0 0 ${W} ${top}" font-family="Helvetica, Arial, sans-serif">
<style>.t{font-size:15px;font-weight:bold}.g{font-size:13px;font-weight:bold;fill:#333}.l{font-size:12px;fill:#333}.v{font-size:11px;fill:#555}.tl{font-size:11px;fill:#b00}.grid{stroke:#ddd;stroke-width:1}.target{stroke:#b00;stroke-width:1.5;stroke-dasharray:5 3}.h{font-size:18px;font-weight:bold}.s{font-size:12px;fill:#555}</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="20" y="24" class="h">${esc(title)}</text>
<text x="20" y="42" class="s">${esc(subtitle)}</text>
${body.join('\n')}
</svg>
`;
}
