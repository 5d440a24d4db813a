// Market view: /api/ws/stream/market-data/{symbol}. A snapshot (the latest candle, structure and confluence of every
// timeframe) fills the chart at once, then live events follow. All timeframes arrive on one socket; the chart shows
// the one picked, the confluence table every one.

import {$, clear, el, num, shortTime} from './util.js';
import {Stream, describe} from './stream.js';
import {CandleChart} from './charts.js';

const TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'];
const STEP = {'1m': 60, '5m': 300, '15m': 900, '1h': 3600, '4h': 14400, '1d': 86400};
const KEEP = 300;

export class MarketPanel {
  constructor() {
    this.chart = new CandleChart($('m-chart'));
    this.stream = null;
    this.tf = '1m';
    this.reset();
    $('market-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.connect($('m-symbol').value.trim().toUpperCase());
    });
    $('m-disconnect').addEventListener('click', () => this.stream?.stop());
    const group = $('m-tfs');
    for (const tf of TIMEFRAMES) {
      group.append(el('button', {type: 'button', role: 'radio', 'aria-checked': String(tf === this.tf), dataset: {tf, testid: `m-tf-${tf}`},
        onclick: () => this.pick(tf)}, tf));
    }
  }

  reset() {
    this.byTf = Object.fromEntries(TIMEFRAMES.map((tf) => [tf, {candles: new Map(), patterns: [], structures: [], confluence: null}]));
    this.recent = [];
  }

  connect(symbol) {
    if (!symbol) return;
    this.stream?.stop();
    this.symbol = symbol;
    this.reset();
    this.render();
    clear($('m-events'));
    this.stream = new Stream({
      path: `api/ws/stream/market-data/${encodeURIComponent(symbol)}`,
      onEvent: (msg) => this.handle(msg),
      onStatus: (s) => {
        $('m-conn').textContent = describe(s, {resumable: false});
        $('m-conn').dataset.state = s.state;
        if (s.state === 'connecting' && s.reconnects > 0) this.reset(); // a new snapshot follows
      },
    }).start();
  }

  pick(tf) {
    this.tf = tf;
    for (const b of $('m-tfs').children) b.setAttribute('aria-checked', String(b.dataset.tf === tf));
    this.render();
  }

  handle(msg) {
    const d = msg.data || {};
    const slot = this.byTf[d.timeframe];
    if (!slot) return;
    switch (msg.type) {
      case 'candle': {
        const t = Date.parse(d.open_time) / 1000;
        slot.candles.set(t, {t, o: d.open, h: d.high, l: d.low, c: d.close, closed: d.closed});
        if (slot.candles.size > KEEP) slot.candles.delete(Math.min(...slot.candles.keys()));
        break;
      }
      case 'pattern':
        slot.patterns.push({t: Date.parse(d.time) / 1000, pattern: d.pattern, direction: d.direction});
        this.note(d, `${d.pattern.replace(/_/g, ' ')} (${d.strength})`);
        break;
      case 'structure': {
        const ref = Date.parse(d.reference_time ?? d.time) / 1000;
        if (d.kind === 'fvg_mitigated') {
          const gap = slot.structures.find((s) => s.kind === 'fvg' && s.ref === ref);
          if (gap) gap.mitigated = true;
        } else {
          slot.structures.push({kind: d.kind, direction: d.direction, t: Date.parse(d.time) / 1000, ref,
            price: d.price, gap_low: d.gap_low, gap_high: d.gap_high});
        }
        if (slot.structures.length > 400) slot.structures.splice(0, slot.structures.length - 400);
        this.note(d, `${d.kind} ${d.direction ?? ''}${d.price ? ` @ ${num(d.price)}` : ''} · trend ${d.trend}`);
        break;
      }
      case 'confluence':
        slot.confluence = d;
        break;
      default:
        return;
    }
    if (slot.patterns.length > 200) slot.patterns.splice(0, slot.patterns.length - 200);
    this.scheduleRender();
  }

  note(d, text) {
    const list = $('m-events');
    list.prepend(el('li', {}, el('span', {class: 'mono'}, `${d.timeframe} ${shortTime(d.time)} `), text));
    while (list.children.length > 30) list.lastChild.remove();
  }

  scheduleRender() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  render() {
    const slot = this.byTf[this.tf];
    const candles = [...slot.candles.values()].sort((a, b) => a.t - b.t);
    const first = candles.length ? candles[0].t : 0;
    this.chart.show({
      candles,
      step: STEP[this.tf],
      patterns: slot.patterns.filter((p) => p.t >= first),
      structures: slot.structures.filter((s) => s.t >= first),
    });
    $('m-caption').textContent = `${this.symbol ?? ''} ${this.tf} candles (${candles.length})`;
    const conf = clear($('m-conf').tBodies[0]);
    for (const tf of TIMEFRAMES) {
      const c = this.byTf[tf].confluence;
      if (!c) continue;
      conf.append(el('tr', {class: tf === this.tf ? 'current' : '', dataset: {tf}},
        el('th', {scope: 'row'}, tf), el('td', {class: 'num'}, num(c.score)), el('td', {class: `bias-${c.bias}`}, c.bias),
        el('td', {}, c.trends?.[tf] ?? '')));
    }
    const current = slot.confluence;
    const score = $('m-score');
    score.textContent = current ? `${num(current.score)} ${current.bias}` : '—';
    score.className = `score bias-${current?.bias ?? 'none'}`;
    score.dataset.score = current ? String(current.score) : '';
    const comps = clear($('m-components').tBodies[0]);
    for (const c of current?.components ?? []) {
      comps.append(el('tr', {}, el('th', {scope: 'row'}, c.factor), el('td', {class: 'num'}, num(c.points)), el('td', {class: 'small'}, c.detail ?? '')));
    }
  }
}
