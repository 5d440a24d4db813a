// Past runs (GET /api/backtesting, newest first, paged) with replay and the two-run comparison.

import {$, clear, el, num, pnlClass, shortTime, notice} from './util.js';
import {api} from './api.js';
import {collectRun} from './stream.js';
import {CompareChart} from './charts.js';
import {METRIC_LABELS} from './monitor.js';

const PAGE_SIZE = 20;

export class RunsPanel {
  constructor({onReplay, onWatch, onCompare}) {
    Object.assign(this, {onReplay, onWatch, onCompare});
    this.page = 0;
    this.total = 0;
    this.items = new Map();
    this.selected = [];
    $('runs-refresh').addEventListener('click', () => this.load());
    $('runs-status').addEventListener('change', () => { this.page = 0; this.load(); });
    $('runs-prev').addEventListener('click', () => { if (this.page > 0) { this.page--; this.load(); } });
    $('runs-next').addEventListener('click', () => { if ((this.page + 1) * PAGE_SIZE < this.total) { this.page++; this.load(); } });
    $('compare-button').addEventListener('click', () => this.onCompare(this.selected[0], this.selected[1]));
  }

  async load() {
    try {
      const page = await api.runs({status: $('runs-status').value, page: this.page, size: PAGE_SIZE});
      this.total = page.total;
      for (const run of page.items) this.items.set(run.backtest_id, run);
      this.render(page.items);
      $('runs-info').textContent = `${page.total} run(s)`;
      $('runs-page').textContent = `page ${this.page + 1} of ${Math.max(1, Math.ceil(page.total / PAGE_SIZE))}`;
      $('runs').dataset.loaded = 'true';
      return page.items;
    } catch (e) {
      $('runs-info').textContent = `could not load runs: ${e.message}`;
      return [];
    }
  }

  render(items) {
    const body = clear($('runs-body'));
    for (const run of items) {
      const m = run.final_metrics || {};
      const req = run.request || {};
      const id = run.backtest_id;
      const box = el('input', {type: 'checkbox', 'aria-label': `select ${id} for comparison`, checked: this.selected.includes(id),
        dataset: {testid: 'run-select'}, onchange: () => this.select(id, box.checked)});
      const finished = ['completed', 'cancelled', 'failed'].includes(run.status);
      body.append(el('tr', {dataset: {id, testid: 'run-row', status: run.status}},
        el('td', {}, box),
        el('td', {}, shortTime(run.created_at)),
        el('td', {}, run.name ?? ''),
        el('td', {class: 'mono small'}, id),
        el('td', {}, req.symbol ?? ''),
        el('td', {}, (req.strategy_ids || []).join(', ')),
        el('td', {}, el('span', {class: `badge state-${run.status}`}, run.status)),
        el('td', {class: `num ${pnlClass(m.total_return_pct)}`}, num(m.total_return_pct)),
        el('td', {class: 'num'}, num(m.max_drawdown_pct)),
        el('td', {class: 'num'}, m.trade_count ?? '–'),
        el('td', {class: 'actions'},
          el('button', {type: 'button', dataset: {testid: 'replay-button'}, onclick: () => this.onReplay(id, $('replay-speed').value)}, 'Replay'),
          finished ? null : el('button', {type: 'button', dataset: {testid: 'watch-button'}, onclick: () => this.onWatch(id, run.status)}, 'Watch'))));
    }
  }

  select(id, on) {
    this.selected = this.selected.filter((x) => x !== id);
    if (on) this.selected.push(id);
    while (this.selected.length > 2) this.selected.shift();
    for (const box of $('runs-body').querySelectorAll('input[type=checkbox]')) {
      box.checked = this.selected.includes(box.closest('tr').dataset.id);
    }
    $('compare-button').disabled = this.selected.length !== 2;
  }

  /** Runs for the compare pickers: the ones loaded so far. */
  known() {
    return [...this.items.values()];
  }
}

export class ComparePanel {
  constructor(runs) {
    this.runs = runs;
    this.chart = new CompareChart($('cmp-chart'));
    $('cmp-go').addEventListener('click', () => this.compare($('cmp-a').value, $('cmp-b').value));
  }

  fillPickers(a = $('cmp-a').value, b = $('cmp-b').value) {
    for (const [select, chosen] of [[$('cmp-a'), a], [$('cmp-b'), b]]) {
      clear(select);
      for (const run of this.runs.known()) {
        select.append(el('option', {value: run.backtest_id, selected: run.backtest_id === chosen},
          `${run.name ?? run.backtest_id} · ${run.backtest_id} (${run.status})`));
      }
    }
  }

  async compare(a, b) {
    if (!a || !b) return;
    this.fillPickers(a, b);
    const status = $('cmp-status');
    status.textContent = 'loading both runs from Kafka…';
    $('cmp-table').dataset.filled = 'false';
    try {
      const [ea, eb] = await Promise.all([collectRun(a), collectRun(b)]);
      const [ra, rb] = await Promise.all([api.run(a), api.run(b)]);
      const curve = (events, run, label) => {
        const capital = run.request?.options?.initial_capital ?? run.final_metrics?.initial_capital ?? 10000;
        return {label, points: events.filter((e) => e.type === 'equity')
          .map((e) => [Date.parse(e.data.time) / 1000, (e.data.equity / capital - 1) * 100])};
      };
      this.chart.show([curve(ea, ra, `A ${ra.name ?? a}`), curve(eb, rb, `B ${rb.name ?? b}`)]);
      const final = (events, run) => events.find((e) => e.type === 'complete')?.data.metrics ?? run.final_metrics ?? {};
      this.table(final(ea, ra), final(eb, rb), ra, rb);
      status.textContent = `${ea.length} + ${eb.length} events`;
    } catch (e) {
      status.textContent = `comparison failed: ${e.message}`;
      notice(e.message);
    }
  }

  table(ma, mb, ra, rb) {
    $('cmp-head-a').textContent = `A: ${ra.name ?? ra.backtest_id}`;
    $('cmp-head-b').textContent = `B: ${rb.name ?? rb.backtest_id}`;
    const body = clear($('cmp-table').tBodies[0]);
    const describe = (r) => `${r.request?.symbol} ${(r.request?.timeframes || []).join('/')} ${(r.request?.strategy_ids || []).join('+')}`;
    body.append(el('tr', {}, el('th', {scope: 'row'}, 'setup'), el('td', {}, describe(ra)), el('td', {}, describe(rb)), el('td', {})));
    for (const [key, label, digits] of METRIC_LABELS) {
      const a = ma[key];
      const b = mb[key];
      const diff = a !== undefined && b !== undefined ? b - a : undefined;
      body.append(el('tr', {dataset: {metric: key}},
        el('th', {scope: 'row'}, label),
        el('td', {class: 'num'}, num(a, digits)),
        el('td', {class: 'num'}, num(b, digits)),
        el('td', {class: `num ${pnlClass(diff)}`}, diff === undefined ? '–' : (diff > 0 ? '+' : '') + num(diff, digits))));
    }
    $('cmp-table').dataset.filled = 'true';
  }
}
