// Small helpers shared by every panel: DOM building without innerHTML, number/time formatting.

/** Creates an element: el('td', {class: 'num', dataset: {x: 1}}, 'text', childNode). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** A number with fixed decimals, or an en dash when absent. */
export function num(value, digits = 2) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

export function signed(value, digits = 2) {
  if (value === undefined || value === null) return '–';
  return (value > 0 ? '+' : '') + num(value, digits);
}

/** Class name for a coloured P&L cell. */
export function pnlClass(value) {
  if (value === undefined || value === null || value === 0) return '';
  return value > 0 ? 'pos' : 'neg';
}

/** ISO-8601 → epoch seconds (uPlot's x unit). */
export const secs = (iso) => Date.parse(iso) / 1000;

export function shortTime(iso) {
  if (!iso) return '–';
  return iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1Z').replace(/:00Z$/, 'Z');
}

export function duration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 1) return '<1 s';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Shows a message in the page-wide alert line (kind: info | error). */
export function notice(text, kind = 'error') {
  const box = $('notice');
  if (!text) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.textContent = text;
  box.className = `notice ${kind}`;
  box.hidden = false;
}

/** Calls fn at most once per animation frame (chart redraws). */
export function throttled(fn) {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      fn();
    });
  };
}
