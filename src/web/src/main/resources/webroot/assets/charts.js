// Small SVG bar charts, drawn with createElementNS (no chart library, nothing inline for the CSP). Each chart is an
// <svg role="img"> named by an aria-label that says what it shows; the caller puts the same numbers in a table next
// to it. The viewBox scales to the width available, so a chart works at 390 px as on a desktop.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    el.setAttribute(key, String(value));
  }
  children.forEach((c) => el.append(c));
  return el;
}

/**
 * Vertical bars, one per item: bars([{ label, value, title }], { label, max }) → <svg>. `max` defaults to the largest
 * value (at least 1); `title` is each bar's tooltip.
 */
export function bars(items, { label, max } = {}) {
  const width = 600;
  const height = 160;
  const top = Math.max(1, max ?? Math.max(0, ...items.map((i) => i.value)));
  const step = width / Math.max(1, items.length);
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height + 20}`, role: 'img', 'aria-label': label, class: 'chart', preserveAspectRatio: 'none',
  });
  chart.append(svg('line', { x1: 0, y1: height, x2: width, y2: height, class: 'chart-axis' }));
  items.forEach((item, i) => {
    const h = (item.value / top) * height;
    const bar = svg('rect', {
      x: i * step + step * 0.15, y: height - h, width: step * 0.7, height: h, class: 'chart-bar',
    }, svg('title', {}, document.createTextNode(item.title || `${item.label}: ${item.value}`)));
    chart.append(bar);
  });
  return chart;
}
