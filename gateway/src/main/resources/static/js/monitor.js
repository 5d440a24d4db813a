// The run monitor: one backtest, watched live or replayed. It is fed envelopes in seq order (from a Stream or from
// the replay pacer) and keeps the final state on screen after `complete`.

import {$, clear, el, num, signed, pnlClass, shortTime, duration, notice, throttled} from './util.js';
import {api} from './api.js';
import {Stream, describe} from './stream.js';
import {EquityChart, TradePriceChart} from './charts.js';

export const METRIC_LABELS = [
  ['total_return_pct', 'Total return %', 2],
  ['net_profit', 'Net profit', 2],
  ['final_equity', 'Final equity', 2],
  ['max_drawdown_pct', 'Max drawdown %', 2],
  ['max_drawdown_duration_days', 'Max DD duration (days)', 1],
  ['cagr_pct', 'CAGR %', 2],
  ['sharpe_ratio', 'Sharpe', 2],
  ['sortino_ratio', 'Sortino', 2],
  ['calmar_ratio', 'Calmar', 2],
  ['trade_count', 'Trades', 0],
  ['win_rate_pct', 'Win rate %', 1],
  ['profit_factor', 'Profit factor', 2],
  ['expectancy', 'Expectancy', 2],
  ['sqn', 'SQN', 2],
  ['avg_trade_pct', 'Avg trade %', 2],
  ['best_trade_pct', 'Best trade %', 2],
  ['worst_trade_pct', 'Worst trade %', 2],
  ['avg_trade_duration_hours', 'Avg trade (h)', 1],
  ['exposure_pct', 'Exposure %', 1],
  ['total_fees', 'Fees', 2],
  ['buy_and_hold_return_pct', 'Buy & hold %', 2],
];

const MAX_TRADE_ROWS = 500;
const FINISHED = new Set(['completed', 'cancelled', 'failed']);

export class RunMonitor {
  constructor() {
    this.equity = new EquityChart($('equity-chart'));
    this.prices = new TradePriceChart($('price-chart'));
    this.stream = null;
    this.replay = null;
    this.id = null;
    this.recentTrades = [];
    this.renderTrades = throttled(() => this.drawTrades());
    $('btn-pause').addEventListener('click', () => this.control('pause'));
    $('btn-resume').addEventListener('click', () => this.control('resume'));
    $('btn-cancel').addEventListener('click', () => this.control('cancel'));
    $('btn-stop-replay').addEventListener('click', () => this.stopReplay());
  }

  /** Watches a run live (or catches up with it): every event from seq 1, then the live tail. */
  watch(id, initialState = 'queued') {
    this.reset(id, 'live');
    this.setState(initialState);
    this.stream = new Stream({
      path: `api/ws/stream/backtest/${encodeURIComponent(id)}`,
      resume: true,
      onEvent: (msg) => this.handle(msg),
      onStatus: (s) => this.connection(s),
    }).start();
  }

  /** Replays a past run from Kafka at a chosen pace (see Replayer). */
  startReplay(id, speed) {
    this.reset(id, 'replay');
    this.setState('replaying');
    $('btn-stop-replay').hidden = false;
    this.replay = new Replayer(speed, (msg) => this.handle(msg), () => {
      $('btn-stop-replay').hidden = true;
      this.log(`replay finished (${speed})`);
    });
    this.stream = new Stream({
      path: `api/ws/stream/backtest/${encodeURIComponent(id)}`,
      resume: true,
      onEvent: (msg) => this.replay.push(msg),
      onStatus: (s) => {
        this.connection(s);
        if (s.state === 'ended' || s.state === 'failed') this.replay.finish();
      },
    }).start();
  }

  stopReplay() {
    if (this.replay) this.replay.stop();
    if (this.stream) this.stream.stop();
    $('btn-stop-replay').hidden = true;
    this.setState('replay stopped');
  }

  reset(id, mode) {
    if (this.stream) this.stream.stop();
    if (this.replay) this.replay.stop();
    this.stream = null;
    this.replay = null;
    this.id = id;
    this.mode = mode;
    this.state = null;
    this.progressStart = null;
    this.trades = 0;
    this.recentTrades = [];
    this.finalMetrics = false;
    $('run-id').textContent = id;
    $('run-mode').textContent = mode === 'replay' ? 'replay' : 'live';
    $('progress').value = 0;
    $('progress').textContent = '0 %';
    $('progress-text').textContent = '0.0 %';
    $('progress-eta').textContent = '';
    $('progress-sim').textContent = '';
    $('metrics').dataset.filled = 'false';
    clear($('metrics'));
    $('metrics-kind').textContent = '';
    $('strategy-metrics').hidden = true;
    $('run-error').hidden = true;
    clear($('trades-body'));
    $('trade-count').textContent = '0';
    clear($('conn-log'));
    $('btn-stop-replay').hidden = true;
    this.equity.reset();
    this.prices.reset();
    this.updateButtons();
    document.getElementById('monitor').dataset.complete = 'false';
  }

  handle(msg) {
    const d = msg.data || {};
    switch (msg.type) {
      case 'connected':
        if (this.mode === 'live' && d.status) this.setState(d.status);
        if (d.from_seq === 0 && d.last_seq > 0) this.log(`history of ${d.last_seq} events, then live (gateway ${d.gateway ?? '?'})`);
        break;
      case 'progress':
        this.progress(d);
        if (this.mode === 'live' && !FINISHED.has(this.state) && this.state !== 'paused') this.setState('running');
        break;
      case 'equity':
        this.equity.add(d);
        break;
      case 'trade':
        this.trade(msg.seq, d);
        break;
      case 'metrics':
        this.metrics(d, 'interim');
        break;
      case 'control':
        this.log(`run ${d.action} at candle ${d.candles_processed} (${shortTime(d.simulated_time)})`);
        if (this.mode === 'live') this.setState(d.action === 'paused' ? 'paused' : d.action === 'resumed' ? 'running' : 'cancelled');
        break;
      case 'complete':
        this.complete(d);
        break;
      case 'error':
        if (typeof msg.seq === 'number') {
          this.setState(this.mode === 'replay' ? 'failed (replayed)' : 'failed');
          const box = $('run-error');
          box.textContent = `${d.code}: ${d.message}`;
          box.hidden = false;
        } else {
          this.log(`gateway error ${d.code}: ${d.message}`);
        }
        break;
      case 'gap':
        this.log(`gap: events ${d.requested_from_seq}…${d.available_from_seq - 1} are no longer retained`);
        break;
      default:
        break;
    }
  }

  progress(d) {
    const pct = Math.max(0, Math.min(100, d.percent));
    const bar = $('progress');
    bar.value = pct;
    bar.textContent = `${pct.toFixed(1)} %`;
    $('progress-text').textContent = `${pct.toFixed(1)} %`;
    $('progress-sim').textContent = `simulated ${shortTime(d.simulated_time)} · ${d.candles_processed}/${d.candles_total} candles · equity ${num(d.equity)} · P&L ${signed(d.pnl)}`;
    const now = performance.now();
    if (!this.progressStart || pct < this.progressStart.pct) this.progressStart = {now, pct};
    const done = pct - this.progressStart.pct;
    const elapsed = (now - this.progressStart.now) / 1000;
    if (pct >= 100) $('progress-eta').textContent = 'done';
    else if (done > 0 && elapsed > 0.2) $('progress-eta').textContent = `ETA ${duration(elapsed * (100 - pct) / done)}`;
    else $('progress-eta').textContent = 'ETA …';
  }

  // A run may have tens of thousands of fills: they are buffered and the table (the newest MAX_TRADE_ROWS) is
  // redrawn at most once per frame, so the page keeps up with a stream that arrives as fast as Kafka reads.
  trade(seq, t) {
    this.trades++;
    this.prices.add(t);
    this.recentTrades.push({seq, t});
    if (this.recentTrades.length > 2 * MAX_TRADE_ROWS) this.recentTrades.splice(0, this.recentTrades.length - MAX_TRADE_ROWS);
    this.renderTrades();
  }

  drawTrades() {
    $('trade-count').textContent = this.trades > MAX_TRADE_ROWS ? `${this.trades} (newest ${MAX_TRADE_ROWS} shown)` : String(this.trades);
    const rows = this.recentTrades.slice(-MAX_TRADE_ROWS).reverse().map(({seq, t}) => el('tr', {class: t.action, dataset: {testid: 'trade-row'}},
      el('td', {class: 'num'}, seq),
      el('td', {}, shortTime(t.time)),
      el('td', {class: 'mono'}, t.trade_id),
      el('td', {}, t.action),
      el('td', {class: t.side === 'buy' ? 'pos' : 'neg'}, t.side),
      el('td', {class: 'num'}, num(t.price)),
      el('td', {class: 'num'}, num(t.quantity, 4)),
      el('td', {class: 'num'}, num(t.fee)),
      el('td', {class: `num ${pnlClass(t.pnl)}`}, t.action === 'exit' ? `${signed(t.pnl)} (${signed(t.pnl_percent)} %)` : ''),
      el('td', {}, t.reason ?? '')));
    clear($('trades-body')).append(...rows);
  }

  metrics(m, kind) {
    if (this.finalMetrics && kind !== 'final') return;
    const box = clear($('metrics'));
    for (const [key, label, digits] of METRIC_LABELS) {
      const value = m[key];
      box.append(el('div', {class: 'metric', dataset: {testid: `metric-${key}`}},
        el('dt', {}, label),
        el('dd', {class: key.endsWith('pct') || key === 'net_profit' ? pnlClass(value) : ''}, digits === 0 ? (value ?? '–') : num(value, digits))));
    }
    box.dataset.filled = 'true';
    $('metrics-kind').textContent = kind === 'final' ? '(final)' : '(so far)';
  }

  complete(d) {
    this.finalMetrics = false;
    this.metrics(d.metrics, 'final');
    this.finalMetrics = true;
    const table = $('strategy-metrics');
    const body = clear(table.tBodies[0]);
    for (const [id, m] of Object.entries(d.strategies || {})) {
      body.append(el('tr', {},
        el('th', {scope: 'row'}, id),
        el('td', {class: `num ${pnlClass(m.total_return_pct)}`}, num(m.total_return_pct)),
        el('td', {class: 'num'}, num(m.max_drawdown_pct)),
        el('td', {class: 'num'}, num(m.sharpe_ratio)),
        el('td', {class: 'num'}, m.trade_count),
        el('td', {class: 'num'}, num(m.win_rate_pct, 1))));
    }
    table.hidden = body.rows.length === 0;
    if (d.status === 'completed') {
      const bar = $('progress');
      bar.value = 100;
      bar.textContent = '100 %';
      $('progress-text').textContent = '100.0 %';
      $('progress-eta').textContent = 'done';
    }
    $('progress-sim').textContent = `${d.candles} candles · ${d.total_trades} trades · final equity ${num(d.final_equity)}` +
      (d.attempts > 1 ? ` · ${d.attempts} attempts` : '');
    this.setState(this.mode === 'replay' ? `${d.status} (replayed)` : d.status);
    document.getElementById('monitor').dataset.complete = 'true';
  }

  setState(state) {
    this.state = state;
    const badge = $('run-state');
    badge.textContent = state;
    badge.className = `badge state-${String(state).split(' ')[0]}`;
    this.updateButtons();
  }

  updateButtons() {
    const live = this.mode === 'live' && this.id && !FINISHED.has(this.state);
    $('btn-pause').disabled = !(live && this.state !== 'paused');
    $('btn-resume').disabled = !(live && this.state === 'paused');
    $('btn-cancel').disabled = !live;
  }

  async control(action) {
    if (!this.id) return;
    try {
      const answer = await api.control(this.id, action);
      this.log(`${action} requested (${answer?.status ?? 'accepted'})`);
    } catch (e) {
      notice(`${action} failed: ${e.message}`);
    }
  }

  connection(s) {
    const badge = $('conn-status');
    badge.textContent = describe(s);
    badge.dataset.state = s.state;
    badge.dataset.reconnects = String(s.reconnects);
    if (s.state === 'reconnecting') this.log(`dropped (${s.code} ${s.reason}); reconnecting in ${(s.delay / 1000).toFixed(1)} s with from_seq=${s.fromSeq}`);
    if (s.state === 'live' && s.reconnects > 0) this.log(`reconnected (attempt ${s.reconnects}), resumed after seq ${s.fromSeq ?? 0}`);
    if (s.state === 'failed') this.log(`closed ${s.code}: ${s.reason}`);
  }

  log(text) {
    const list = $('conn-log');
    list.append(el('li', {}, `${new Date().toLocaleTimeString()} ${text}`));
    while (list.children.length > 200) list.firstChild.remove();
  }
}

/**
 * Client-side pacing of a replay. The stream delivers a finished run as fast as Kafka reads; the replayer holds the
 * events and hands them on at the chosen speed: "rec:N" = the run's own envelope timestamps (its recorded timing)
 * N times faster, each wait capped at 2 s; "eps:N" = N events per second in seq order; "max" = at once.
 */
export class Replayer {
  constructor(speed, deliver, done) {
    this.speed = speed;
    this.deliver = deliver;
    this.done = done;
    this.queue = [];
    this.finished = false;
    this.stopped = false;
    this.timer = null;
    this.lastTs = null;
    const [mode, factor] = speed.split(':');
    this.mode = mode;
    this.factor = Number(factor) || 1;
  }

  push(msg) {
    this.queue.push(msg);
    this.schedule();
  }

  finish() {
    this.finished = true;
    this.schedule();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  schedule() {
    if (this.timer || this.stopped) return;
    if (!this.queue.length) {
      if (this.finished) {
        this.stopped = true;
        this.done();
      }
      return;
    }
    const next = this.queue[0];
    let wait = 0;
    if (this.mode === 'eps') wait = 1000 / this.factor;
    else if (this.mode === 'rec' && this.lastTs !== null && next.timestamp) {
      wait = Math.min(2000, Math.max(0, (Date.parse(next.timestamp) - this.lastTs) / this.factor));
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      // a batch per tick keeps high rates accurate (timers fire at most every few ms)
      const batch = this.mode === 'max' ? this.queue.length : this.mode === 'eps' ? Math.max(1, Math.round(this.factor / 60)) : 1;
      for (let i = 0; i < batch && this.queue.length && !this.stopped; i++) {
        const msg = this.queue.shift();
        if (msg.timestamp) this.lastTs = Date.parse(msg.timestamp);
        this.deliver(msg);
      }
      this.schedule();
    }, this.mode === 'eps' ? wait * Math.max(1, Math.round(this.factor / 60)) : wait);
  }
}
