/**
 * Inline SVG charts for the assess HTML report: horizontal score bars and a radar.
 * No scripts, no external references; every label is escaped.
 */
export interface ChartDatum {
  readonly label: string;
  readonly score: number | null;
}

/** Escape text for HTML and SVG content and attribute values. */
export function esc(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** Score colour: green from 70, amber from 40, red below, grey when not scored. */
export function scoreColor(score: number | null): string {
  if (score === null) return '#9aa3ad';
  return score >= 70 ? '#1f9d55' : score >= 40 ? '#d98e04' : '#d64545';
}

const r1 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Horizontal bars, one per datum, 0–100. */
export function barChartSvg(data: readonly ChartDatum[], opts: { title: string; labelWidth?: number; width?: number }): string {
  const labelW = opts.labelWidth ?? 190;
  const width = opts.width ?? 640;
  const barW = width - labelW - 56;
  const rowH = 26;
  const top = 8;
  const height = top + data.length * rowH + 22;
  const rows = data
    .map((d, i) => {
      const y = top + i * rowH;
      const w = d.score === null ? 0 : (d.score / 100) * barW;
      const value = d.score === null ? 'n/a' : d.score.toFixed(1);
      return [
        `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" class="lbl">${esc(d.label)}</text>`,
        `<rect x="${labelW}" y="${y + 4}" width="${barW}" height="16" rx="3" fill="#eef1f4"/>`,
        `<rect x="${labelW}" y="${y + 4}" width="${r1(w)}" height="16" rx="3" fill="${scoreColor(d.score)}"/>`,
        `<text x="${r1(labelW + barW + 6)}" y="${y + 16}" class="val">${value}</text>`,
      ].join('');
    })
    .join('');
  const ticks = [0, 25, 50, 75, 100]
    .map((t) => {
      const x = r1(labelW + (t / 100) * barW);
      return `<line x1="${x}" x2="${x}" y1="${top}" y2="${top + data.length * rowH}" class="grid"/><text x="${x}" y="${height - 6}" text-anchor="middle" class="tick">${t}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(opts.title)}"><title>${esc(opts.title)}</title>${ticks}${rows}</svg>`;
}

/** A radar (spider) chart with one axis per datum (at least 3), rings at 25/50/75/100. */
export function radarChartSvg(data: readonly ChartDatum[], opts: { title: string; size?: number }): string {
  const size = opts.size ?? 340;
  const padX = 90;
  const width = size + 2 * padX;
  const cx = width / 2;
  const cy = size / 2;
  const radius = size / 2 - 44;
  const n = Math.max(data.length, 3);
  const point = (i: number, v: number): [number, number] => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + Math.cos(a) * radius * (v / 100), cy + Math.sin(a) * radius * (v / 100)];
  };
  const rings = [25, 50, 75, 100]
    .map((v) => `<polygon points="${Array.from({ length: n }, (_, i) => point(i, v).map(r1).join(',')).join(' ')}" class="ring"/>`)
    .join('');
  const axes = data
    .map((d, i) => {
      const [x, y] = point(i, 100);
      const [lx, ly] = point(i, 116);
      const anchor = Math.abs(lx - cx) < 8 ? 'middle' : lx > cx ? 'start' : 'end';
      const value = d.score === null ? 'n/a' : Math.round(d.score).toString();
      return `<line x1="${cx}" y1="${cy}" x2="${r1(x)}" y2="${r1(y)}" class="axis"/><text x="${r1(lx)}" y="${r1(ly + 4)}" text-anchor="${anchor}" class="lbl">${esc(d.label)} <tspan class="val">${value}</tspan></text>`;
    })
    .join('');
  const shape = data.map((d, i) => point(i, d.score ?? 0).map(r1).join(',')).join(' ');
  const dots = data
    .map((d, i) => {
      const [x, y] = point(i, d.score ?? 0);
      return `<circle cx="${r1(x)}" cy="${r1(y)}" r="3" fill="${scoreColor(d.score)}"/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${size}" width="${width}" height="${size}" role="img" aria-label="${esc(opts.title)}"><title>${esc(opts.title)}</title>${rings}${axes}<polygon points="${shape}" class="shape"/>${dots}</svg>`;
}
