/**
 * Line charts as SVG, for bench:scale's growth figures: a handful of series over three or so sizes
 * needs axes, log scales and a legend, not a charting library.
 */

export interface Series {
  name: string;
  points: Array<[number, number]>;
  dashed?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  logY: boolean;
  series: Series[];
}

const WIDTH = 620;
const HEIGHT = 420;
const MARGIN = { left: 70, right: 20, top: 36, bottom: 120 };
const COLOURS = ['#0958d9', '#d4380d', '#389e0d', '#722ed1', '#c41d7f', '#08979c', '#d48806', '#531dab', '#595959', '#7cb305'];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceNumber(v: number): string {
  if (v >= 1_000_000) return `${+(v / 1_000_000).toPrecision(3)}M`;
  if (v >= 1_000) return `${+(v / 1_000).toPrecision(3)}k`;
  return `${+v.toPrecision(3)}`;
}

/** Ticks of a log axis: the powers of ten inside [min, max], with 2 and 5 when there are few. */
function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= min * 0.999 && v <= max * 1.001) ticks.push(v);
    }
  }
  return ticks;
}

function linearTicks(min: number, max: number): number[] {
  const step = 10 ** Math.floor(Math.log10((max - min) / 4 || 1));
  const stride = [1, 2, 5, 10].map((m) => m * step).find((s) => (max - min) / s <= 6) ?? step * 10;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / stride) * stride; v <= max + 1e-9; v += stride) ticks.push(v);
  return ticks;
}

/** One chart as an SVG group of WIDTH x HEIGHT, placed at (dx, dy). */
export function lineChart(spec: ChartSpec, dx = 0, dy = 0): string {
  const points = spec.series.flatMap((s) => s.points).filter(([x, y]) => x > 0 && (!spec.logY || y > 0));
  if (points.length === 0) return '';
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [xMin, xMax] = [Math.min(...xs) / 1.3, Math.max(...xs) * 1.3];
  const [yMin, yMax] = spec.logY ? [Math.min(...ys) / 1.5, Math.max(...ys) * 1.5] : [0, Math.max(...ys) * 1.15];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number) => MARGIN.left + ((Math.log(x) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin))) * plotW;
  const py = (y: number) =>
    MARGIN.top +
    plotH -
    (spec.logY ? (Math.log(y) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin)) : (y - yMin) / (yMax - yMin)) * plotH;

  const out: string[] = [`<g transform="translate(${dx},${dy})" font-family="sans-serif" font-size="12">`];
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`);
  out.push(`<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escape(spec.title)}</text>`);
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`);
  for (const x of logTicks(xMin, xMax)) {
    out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#eee"/>`);
    out.push(`<text x="${px(x)}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${niceNumber(x)}</text>`);
  }
  for (const y of spec.logY ? logTicks(yMin, yMax) : linearTicks(yMin, yMax)) {
    out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(y)}" y2="${py(y)}" stroke="#eee"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${py(y) + 4}" text-anchor="end">${niceNumber(y)}</text>`);
  }
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${MARGIN.top + plotH + 34}" text-anchor="middle">${escape(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(16,${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(spec.yLabel)}</text>`);
  spec.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const visible = s.points.filter(([x, y]) => x > 0 && (!spec.logY || y > 0));
    const path = visible.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    out.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    for (const [x, y] of visible) out.push(`<circle cx="${px(x)}" cy="${py(y)}" r="3" fill="${colour}"/>`);
    const column = i % 2;
    const row = Math.floor(i / 2);
    const lx = MARGIN.left + column * (plotW / 2);
    const ly = MARGIN.top + plotH + 52 + row * 16;
    out.push(
      `<line x1="${lx}" x2="${lx + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    out.push(`<text x="${lx + 24}" y="${ly}">${escape(s.name)}</text>`);
  });
  out.push('</g>');
  return out.join('\n');
}

/** Charts in a grid of `columns`, as one SVG document. */
export function chartGrid(charts: ChartSpec[], columns: number): string {
  const rows = Math.ceil(charts.length / columns);
  const body = charts.map((c, i) => lineChart(c, (i % columns) * WIDTH, Math.floor(i / columns) * HEIGHT)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${columns * WIDTH}" height="${rows * HEIGHT}">\n${body}\n</svg>\n`;
}
