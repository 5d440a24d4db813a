// Live (paper) trading: /api/ws/stream/live-trading[?symbols=…]. A snapshot (each account's latest positions, pnl
// and risk) then live order, position, pnl and risk events; each account is its own stream with its own seq.

import {$, clear, el, num, signed, pnlClass, shortTime} from './util.js';
import {Stream, describe} from './stream.js';
import {MultiLineChart} from './charts.js';

export class LivePanel {
  constructor() {
    this.chart = new MultiLineChart($('l-chart'), 'equity');
    this.stream = null;
    this.reset();
    $('live-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.connect($('l-symbols').value.trim());
    });
    $('l-disconnect').addEventListener('click', () => this.stream?.stop());
  }

  reset() {
    this.accounts = new Map();
    this.positions = new Map();
    this.orders = [];
  }

  connect(symbols) {
    this.stream?.stop();
    this.reset();
    this.render();
    this.stream = new Stream({
      path: 'api/ws/stream/live-trading',
      query: {symbols},
      onEvent: (msg) => this.handle(msg),
      onStatus: (s) => {
        $('l-conn').textContent = describe(s, {resumable: false});
        $('l-conn').dataset.state = s.state;
      },
    }).start();
  }

  handle(msg) {
    const d = msg.data || {};
    const account = msg.stream_id;
    const entry = () => {
      if (!this.accounts.has(account)) this.accounts.set(account, {});
      return this.accounts.get(account);
    };
    switch (msg.type) {
      case 'pnl':
        entry().pnl = d;
        this.chart.add(account, Date.parse(d.time) / 1000, d.equity);
        break;
      case 'risk':
        entry().risk = d;
        break;
      case 'position':
        this.positions.set(`${account}|${d.symbol}|${d.strategy_id}`, {account, ...d});
        break;
      case 'order':
        this.orders.unshift({account, ...d});
        if (this.orders.length > 200) this.orders.length = 200;
        break;
      default:
        return;
    }
    if (!this.pending) {
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.render();
      });
    }
  }

  render() {
    const accounts = clear($('l-accounts').tBodies[0]);
    for (const [id, {pnl = {}, risk = {}}] of this.accounts) {
      accounts.append(el('tr', {dataset: {account: id}},
        el('th', {scope: 'row'}, id), el('td', {}, shortTime(pnl.time ?? risk.time)),
        el('td', {class: 'num'}, num(pnl.equity)),
        el('td', {class: `num ${pnlClass(pnl.total_pnl)}`}, signed(pnl.total_pnl)),
        el('td', {class: `num ${pnlClass(pnl.total_pnl_pct)}`}, signed(pnl.total_pnl_pct, 3)),
        el('td', {class: `num ${pnlClass(pnl.realized_pnl)}`}, signed(pnl.realized_pnl)),
        el('td', {class: `num ${pnlClass(pnl.unrealized_pnl)}`}, signed(pnl.unrealized_pnl)),
        el('td', {class: 'num'}, num(pnl.fees)),
        el('td', {class: 'num'}, num(risk.exposure, 3)),
        el('td', {class: 'num'}, num(risk.leverage, 3)),
        el('td', {class: 'num neg'}, num(risk.drawdown_pct, 3)),
        el('td', {class: 'num'}, risk.var95 === undefined ? `– (${risk.var_window ?? 0} returns)` : `${num(risk.var95)} (${num(risk.var95_pct, 2)} %)`),
        el('td', {}, risk.largest_position_symbol ? `${risk.largest_position_symbol} ${num(risk.largest_position_share * 100, 0)} %` : '–')));
    }
    const positions = clear($('l-positions').tBodies[0]);
    for (const p of this.positions.values()) {
      positions.append(el('tr', {class: p.quantity === 0 ? 'flat' : ''},
        el('td', {}, p.account), el('td', {}, p.symbol), el('td', {}, p.strategy_id),
        el('td', {class: `num ${p.quantity > 0 ? 'pos' : p.quantity < 0 ? 'neg' : ''}`}, num(p.quantity, 4)),
        el('td', {class: 'num'}, num(p.average_entry_price)), el('td', {class: 'num'}, num(p.market_price)),
        el('td', {class: 'num'}, num(p.market_value)),
        el('td', {class: `num ${pnlClass(p.unrealized_pnl)}`}, signed(p.unrealized_pnl)),
        el('td', {class: `num ${pnlClass(p.realized_pnl)}`}, signed(p.realized_pnl))));
    }
    const orders = clear($('l-orders').tBodies[0]);
    for (const o of this.orders) {
      orders.append(el('tr', {},
        el('td', {}, shortTime(o.time)), el('td', {}, o.account), el('td', {class: 'mono'}, o.order_id), el('td', {}, o.symbol),
        el('td', {class: o.side === 'buy' ? 'pos' : 'neg'}, o.side), el('td', {}, o.action),
        el('td', {class: 'num'}, num(o.quantity, 4)), el('td', {class: 'num'}, num(o.price)), el('td', {class: 'num'}, num(o.fee)),
        el('td', {class: `num ${pnlClass(o.realized_pnl)}`}, o.realized_pnl === undefined ? '' : signed(o.realized_pnl)),
        el('td', {}, o.reason ?? '')));
    }
  }
}
