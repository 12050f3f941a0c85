// Charts drawn as SVG by hand (no library): stacked bars over time, and horizontal bars per label.
// Colours are SVG presentation attributes and CSS classes: no style attribute (CSP style-src 'self').
import { svg, h } from './dom.js';
import { formatNumber } from './i18n.js';

const PALETTE = ['#2f6fde', '#e0822d', '#2e9e6a', '#b8458f', '#7a5cc7', '#c9a227', '#3aa3b5', '#8c8c8c'];

/**
 * `buckets`: [{label, values: {series: number}}] in time order. One stacked bar per bucket, a legend per
 * series, the highest total on the axis.
 */
export function stackedBars(buckets, { id, title, width = 720, height = 200 } = {}) {
  const series = [...new Set(buckets.flatMap((bucket) => Object.keys(bucket.values)))].sort();
  const totals = buckets.map((bucket) => Object.values(bucket.values).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const left = 40;
  const bottom = 22;
  const plotHeight = height - bottom - 8;
  const step = (width - left - 4) / Math.max(1, buckets.length);
  const chart = svg('svg', { id, class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    svg('title', {}, title),
    svg('line', { x1: left, y1: 8, x2: left, y2: 8 + plotHeight, stroke: '#999' }),
    svg('line', { x1: left, y1: 8 + plotHeight, x2: width, y2: 8 + plotHeight, stroke: '#999' }),
    svg('text', { x: left - 4, y: 14, 'text-anchor': 'end', class: 'axis' }, formatNumber(max)),
    svg('text', { x: left - 4, y: 8 + plotHeight, 'text-anchor': 'end', class: 'axis' }, '0'));
  buckets.forEach((bucket, index) => {
    let y = 8 + plotHeight;
    series.forEach((name, seriesIndex) => {
      const value = bucket.values[name] || 0;
      if (value <= 0) {
        return;
      }
      const barHeight = (value / max) * plotHeight;
      y -= barHeight;
      chart.append(svg('rect', {
        x: left + index * step + 1, y, width: Math.max(1, step - 2), height: barHeight,
        fill: PALETTE[seriesIndex % PALETTE.length], class: 'bar', 'data-series': name, 'data-value': value,
      }, svg('title', {}, `${bucket.label} · ${name}: ${formatNumber(value)}`)));
    });
    const labelEvery = Math.max(1, Math.ceil(buckets.length / 8));
    if (index % labelEvery === 0) {
      chart.append(svg('text', { x: left + index * step + step / 2, y: height - 6, 'text-anchor': 'middle', class: 'axis' }, bucket.label));
    }
  });
  const legend = h('ul', { class: 'legend' }, series.map((name, index) => h('li', {},
    svgSwatch(PALETTE[index % PALETTE.length]), name)));
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), chart, legend);
}

/** `rows`: [{label, value}]: one horizontal bar each, its value written beside it. */
export function horizontalBars(rows, { id, title, width = 520, unit = '' } = {}) {
  const rowHeight = 22;
  const labelWidth = 190;
  const height = Math.max(1, rows.length) * rowHeight + 8;
  const max = Math.max(1, ...rows.map((row) => row.value));
  const chart = svg('svg', { id, class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    svg('title', {}, title));
  rows.forEach((row, index) => {
    const y = 4 + index * rowHeight;
    const barWidth = (row.value / max) * (width - labelWidth - 80);
    chart.append(
      svg('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', class: 'axis' }, row.label),
      svg('rect', { x: labelWidth, y: y + 3, width: Math.max(row.value > 0 ? 2 : 0, barWidth), height: rowHeight - 6,
        fill: PALETTE[index % PALETTE.length], class: 'bar', 'data-label': row.label, 'data-value': row.value }),
      svg('text', { x: labelWidth + barWidth + 6, y: y + 15, class: 'value' }, `${formatNumber(row.value)}${unit}`));
  });
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), chart);
}

function svgSwatch(colour) {
  return svg('svg', { width: 12, height: 12, class: 'swatch' }, svg('rect', { width: 12, height: 12, fill: colour }));
}
