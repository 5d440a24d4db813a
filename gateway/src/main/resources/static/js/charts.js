// Charts on uPlot (served from its WebJar: /webjars/uplot/...). Every chart object keeps its own columnar data,
// redraws at most once per animation frame, and follows the size of its container.

import uPlot from '../webjars/uplot/dist/uPlot.esm.js';
import {throttled} from './util.js';

const AXIS = {stroke: '#9aa7b4', grid: {stroke: 'rgba(154,167,180,0.12)'}, ticks: {stroke: 'rgba(154,167,180,0.25)'}};
const GREEN = '#4cc38a';
const RED = '#ef5d5d';
const BLUE = '#5aa9ff';
const AMBER = '#f0b429';

const charts = new Set();

/** Resizes every chart to its container (after a tab switch or a window resize). */
export function resizeCharts() {
  for (const chart of charts) chart.resize();
}

window.addEventListener('resize', throttled(resizeCharts));

class Chart {
  constructor(container, height) {
    this.container = container;
    this.height = height;
    this.plot = null;
    this.redraw = throttled(() => this.render());
    charts.add(this);
  }

  size() {
    return {width: Math.max(this.container.clientWidth || 0, 300), height: this.height};
  }

  resize() {
    if (this.plot && this.container.clientWidth > 0) this.plot.setSize(this.size());
    else if (!this.plot) this.redraw();
  }

  ensure(makeOptions, data) {
    if (!this.plot) {
      if (this.container.clientWidth === 0) return false; // hidden: build when shown
      // times are shown in UTC, as everywhere in the platform's data
      this.plot = new uPlot({tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'), ...makeOptions(), ...this.size()},
        data, this.container);
      return true;
    }
    this.plot.setData(data);
    return true;
  }

  destroy() {
    if (this.plot) this.plot.destroy();
    this.plot = null;
  }
}

/** Equity (left axis) with drawdown in % (right axis, shaded). */
export class EquityChart extends Chart {
  constructor(container) {
    super(container, 260);
    this.reset();
  }

  reset() {
    this.x = [];
    this.equity = [];
    this.drawdown = [];
    this.container.dataset.points = '0';
    this.redraw();
  }

  add(point) {
    const t = Date.parse(point.time) / 1000;
    const last = this.x.length - 1;
    if (last >= 0 && t < this.x[last]) return; // keep x ascending
    this.x.push(t);
    this.equity.push(point.equity);
    this.drawdown.push(point.drawdown);
    this.redraw();
  }

  render() {
    this.container.dataset.points = String(this.x.length);
    this.ensure(() => ({
      legend: {show: true},
      cursor: {drag: {x: true, y: false}},
      scales: {x: {time: true}, dd: {range: (u, min) => [Math.min(min ?? 0, -1) * 1.05, 0]}},
      axes: [{...AXIS}, {...AXIS, label: 'equity', size: 70}, {...AXIS, scale: 'dd', side: 1, label: 'drawdown %', size: 55, grid: {show: false}}],
      series: [
        {},
        {label: 'equity', stroke: BLUE, width: 2, value: (u, v) => v == null ? '–' : v.toFixed(2)},
        {label: 'drawdown %', scale: 'dd', stroke: RED, fill: 'rgba(239,93,93,0.12)', width: 1, value: (u, v) => v == null ? '–' : v.toFixed(2)},
      ],
    }), [this.x, this.equity, this.drawdown]);
  }
}

/**
 * The price of the run's fills (the backtest stream carries no candles: the market feed's candles are live, not
 * the run's history), drawn as a line through the fills, with a marker per fill: ▲ buy / ▼ sell entries, ● exits
 * in green or red by the trade's P&L.
 */
export class TradePriceChart extends Chart {
  constructor(container) {
    super(container, 240);
    this.reset();
  }

  reset() {
    this.x = [];
    this.price = [];
    this.markers = [];
    this.container.dataset.markers = '0';
    this.redraw();
  }

  add(trade) {
    const t = Date.parse(trade.time) / 1000;
    const n = this.x.length;
    if (n === 0 || this.x[n - 1] <= t) {
      this.x.push(t);
      this.price.push(trade.price);
    } else {
      let i = n;
      while (i > 0 && this.x[i - 1] > t) i--; // insert in time order (sub-portfolios may interleave)
      this.x.splice(i, 0, t);
      this.price.splice(i, 0, trade.price);
    }
    this.markers.push({t, price: trade.price, action: trade.action, side: trade.side, pnl: trade.pnl});
    this.redraw();
  }

  render() {
    this.container.dataset.markers = String(this.markers.length);
    const markers = () => this.markers;
    this.ensure(() => ({
      legend: {show: true},
      scales: {x: {time: true}},
      axes: [{...AXIS}, {...AXIS, label: 'price', size: 70}],
      series: [{}, {label: 'fill price', stroke: 'rgba(154,167,180,0.6)', width: 1, points: {show: false}}],
      hooks: {draw: [(u) => drawTradeMarkers(u, markers())]},
    }), [this.x, this.price]);
  }
}

function drawTradeMarkers(u, markers) {
  const ctx = u.ctx;
  // thousands of fills: smaller marks, or they would cover the line
  const r = (markers.length > 3000 ? 2 : markers.length > 600 ? 3.5 : 5) * devicePixelRatio;
  const [min, max] = [u.scales.x.min, u.scales.x.max];
  ctx.save();
  for (const m of markers) {
    if (m.t < min || m.t > max) continue;
    const x = u.valToPos(m.t, 'x', true);
    const y = u.valToPos(m.price, 'y', true);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    ctx.beginPath();
    if (m.action === 'entry') {
      const up = m.side === 'buy';
      ctx.fillStyle = up ? GREEN : RED;
      ctx.moveTo(x, up ? y - r : y + r);
      ctx.lineTo(x - r, up ? y + r : y - r);
      ctx.lineTo(x + r, up ? y + r : y - r);
      ctx.closePath();
      ctx.fill();
    } else {
      ctx.fillStyle = m.pnl > 0 ? GREEN : m.pnl < 0 ? RED : AMBER;
      ctx.strokeStyle = '#0e141b';
      ctx.arc(x, y, r * 0.8, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** Several return-% curves over time (comparison of runs); series are given whole. */
export class CompareChart extends Chart {
  constructor(container) {
    super(container, 300);
  }

  /** curves: [{label, points: [[t, value], …]}] */
  show(curves) {
    const xs = [...new Set(curves.flatMap((c) => c.points.map((p) => p[0])))].sort((a, b) => a - b);
    const index = new Map(xs.map((x, i) => [x, i]));
    const ys = curves.map((c) => {
      const column = new Array(xs.length).fill(null);
      for (const [t, v] of c.points) column[index.get(t)] = v;
      return column;
    });
    this.container.dataset.points = String(curves.reduce((n, c) => n + c.points.length, 0));
    this.destroy();
    this.data = [xs, ...ys];
    this.labels = curves.map((c) => c.label);
    this.redraw();
  }

  render() {
    if (!this.data) return;
    const colors = [BLUE, AMBER, GREEN, RED];
    this.ensure(() => ({
      legend: {show: true},
      scales: {x: {time: true}},
      axes: [{...AXIS}, {...AXIS, label: 'return %', size: 60}],
      series: [{}, ...this.labels.map((label, i) => ({label, stroke: colors[i % colors.length], width: 2, spanGaps: true,
        value: (u, v) => v == null ? '–' : v.toFixed(2)}))],
    }), this.data);
  }
}

/** Equity per account (live trading); a series per account, rebuilt when one appears. */
export class MultiLineChart extends Chart {
  constructor(container, label) {
    super(container, 200);
    this.label = label;
    this.names = [];
    this.x = [];
    this.columns = [];
  }

  add(name, t, value) {
    let k = this.names.indexOf(name);
    if (k < 0) {
      this.names.push(name);
      this.columns.push(new Array(this.x.length).fill(null));
      k = this.names.length - 1;
      this.destroy();
    }
    let i = this.x.length - 1;
    if (i < 0 || this.x[i] !== t) {
      if (i >= 0 && t < this.x[i]) return;
      this.x.push(t);
      for (const column of this.columns) column.push(null);
      i = this.x.length - 1;
    }
    this.columns[k][i] = value;
    if (this.x.length > 2000) {
      this.x.shift();
      for (const column of this.columns) column.shift();
    }
    this.redraw();
  }

  render() {
    if (!this.names.length) return;
    const colors = [BLUE, AMBER, GREEN, RED];
    this.ensure(() => ({
      legend: {show: true},
      scales: {x: {time: true}},
      axes: [{...AXIS}, {...AXIS, label: this.label, size: 70}],
      series: [{}, ...this.names.map((name, i) => ({label: name, stroke: colors[i % colors.length], width: 2, spanGaps: true}))],
    }), [this.x, ...this.columns]);
  }
}

/**
 * Candles of one timeframe with analysis overlays: patterns (▲▼ with their name), swings (◆), BOS / CHoCH levels
 * (dashed, from the broken swing to the breaking candle) and open fair value gaps (shaded until mitigated).
 */
export class CandleChart extends Chart {
  constructor(container) {
    super(container, 380);
    this.view = {candles: [], patterns: [], structures: [], step: 60};
  }

  /** view: {candles: [{t, o, h, l, c, closed}], patterns: [...], structures: [...], step: seconds per candle} */
  show(view) {
    this.view = view;
    const c = view.candles;
    this.data = [c.map((k) => k.t), c.map((k) => k.o), c.map((k) => k.h), c.map((k) => k.l), c.map((k) => k.c)];
    this.container.dataset.candles = String(c.length);
    this.redraw();
  }

  render() {
    if (!this.data) return;
    const view = () => this.view;
    this.ensure(() => ({
      legend: {show: true},
      scales: {x: {time: true, range: (u, min, max) => (min == null ? [0, 1] : [min - this.view.step, max + this.view.step])}},
      axes: [{...AXIS}, {...AXIS, label: 'price', size: 75}],
      series: [
        {},
        {label: 'open', paths: () => null, points: {show: false}, stroke: '#9aa7b4'},
        {label: 'high', paths: () => null, points: {show: false}, stroke: GREEN},
        {label: 'low', paths: () => null, points: {show: false}, stroke: RED},
        {label: 'close', paths: () => null, points: {show: false}, stroke: BLUE},
      ],
      hooks: {draw: [(u) => drawCandles(u, view())]},
    }), this.data);
  }
}

function drawCandles(u, view) {
  const ctx = u.ctx;
  const dpr = devicePixelRatio;
  const [xs, o, h, l, c] = u.data;
  if (!xs.length) return;
  const px = (t) => u.valToPos(t, 'x', true);
  const py = (p) => u.valToPos(p, 'y', true);
  const slot = Math.abs(px(xs[0] + view.step) - px(xs[0]));
  const body = Math.max(1, Math.min(slot * 0.7, 14 * dpr));
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  // fair value gaps first (behind the candles)
  for (const s of view.structures) {
    if (s.kind !== 'fvg' || s.mitigated) continue;
    const x0 = px(s.ref);
    const x1 = u.bbox.left + u.bbox.width;
    ctx.fillStyle = s.direction === 'bullish' ? 'rgba(76,195,138,0.14)' : 'rgba(239,93,93,0.14)';
    ctx.fillRect(x0, py(s.gap_high), x1 - x0, py(s.gap_low) - py(s.gap_high));
  }
  for (let i = 0; i < xs.length; i++) {
    const x = px(xs[i]);
    const up = c[i] >= o[i];
    ctx.strokeStyle = ctx.fillStyle = up ? GREEN : RED;
    ctx.globalAlpha = view.candles[i].closed === false ? 0.55 : 1;
    ctx.beginPath();
    ctx.lineWidth = dpr;
    ctx.moveTo(x, py(h[i]));
    ctx.lineTo(x, py(l[i]));
    ctx.stroke();
    const top = py(Math.max(o[i], c[i]));
    const bottom = py(Math.min(o[i], c[i]));
    ctx.fillRect(x - body / 2, top, body, Math.max(dpr, bottom - top));
  }
  ctx.globalAlpha = 1;
  ctx.font = `${10 * dpr}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  const highs = new Map(xs.map((t, i) => [t, h[i]]));
  const lows = new Map(xs.map((t, i) => [t, l[i]]));
  for (const s of view.structures) {
    if (s.kind === 'swing_high' || s.kind === 'swing_low') {
      const x = px(s.ref);
      const y = py(s.price);
      const d = 4 * dpr;
      ctx.fillStyle = s.kind === 'swing_high' ? AMBER : BLUE;
      ctx.beginPath();
      ctx.moveTo(x, y - d); ctx.lineTo(x + d, y); ctx.lineTo(x, y + d); ctx.lineTo(x - d, y);
      ctx.closePath();
      ctx.fill();
    } else if (s.kind === 'bos' || s.kind === 'choch') {
      const y = py(s.price);
      ctx.strokeStyle = s.direction === 'bullish' ? GREEN : RED;
      ctx.setLineDash([4 * dpr, 3 * dpr]);
      ctx.lineWidth = dpr;
      ctx.beginPath();
      ctx.moveTo(px(s.ref), y);
      ctx.lineTo(px(s.t), y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = ctx.strokeStyle;
      ctx.fillText(s.kind.toUpperCase(), (px(s.ref) + px(s.t)) / 2, y - 3 * dpr);
    }
  }
  for (const p of view.patterns) {
    const x = px(p.t);
    const bull = p.direction === 'bullish';
    const bear = p.direction === 'bearish';
    const anchor = bear ? highs.get(p.t) : lows.get(p.t);
    if (anchor === undefined) continue;
    const y = py(anchor) + (bear ? -10 : 10) * dpr;
    const d = 5 * dpr;
    ctx.fillStyle = bull ? GREEN : bear ? RED : '#c9d1d9';
    ctx.beginPath();
    if (bear) { ctx.moveTo(x, y + d); ctx.lineTo(x - d, y - d); ctx.lineTo(x + d, y - d); }
    else { ctx.moveTo(x, y - d); ctx.lineTo(x - d, y + d); ctx.lineTo(x + d, y + d); }
    ctx.closePath();
    ctx.fill();
    ctx.fillText(p.pattern.replace(/_/g, ' '), x, bear ? y - 8 * dpr : y + 16 * dpr);
  }
  ctx.restore();
}
