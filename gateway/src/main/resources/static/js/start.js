// The start form: strategies and their parameters (with defaults and ranges) come from GET /api/strategies.

import {$, clear, el, notice} from './util.js';
import {api, ApiError} from './api.js';

export class StartForm {
  constructor(onStarted) {
    this.onStarted = onStarted;
    this.form = $('start-form');
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
  }

  async loadStrategies() {
    const box = $('strategies');
    try {
      const strategies = await api.strategies();
      clear(box).append(el('legend', {}, 'Strategies'));
      // sma-crossover is ticked to start with (the README's example); else the first strategy
      const first = strategies.some((s) => s.id === 'sma-crossover') ? 'sma-crossover' : strategies[0]?.id;
      strategies.forEach((s) => box.append(this.strategyBlock(s, s.id === first)));
      this.form.dataset.ready = 'true';
    } catch (e) {
      clear(box).append(el('legend', {}, 'Strategies'),
        el('p', {class: 'error'}, `Could not load strategies: ${e.message}`),
        el('button', {type: 'button', onclick: () => this.loadStrategies()}, 'Retry'));
    }
  }

  strategyBlock(s, checked) {
    const params = el('div', {class: 'params grid', id: `params-${s.id}`});
    for (const p of s.parameters) {
      const id = `p-${s.id}-${p.name}`;
      const flag = p.type === 'integer' && p.min === 0 && p.max === 1;
      const input = flag
        ? el('input', {id, type: 'checkbox', dataset: {strategy: s.id, param: p.name, kind: 'flag', default: p.default_value},
          checked: p.default_value === 1})
        : el('input', {id, type: 'number', value: p.default_value, min: p.min, max: p.max, step: p.type === 'integer' ? 1 : 'any',
          dataset: {strategy: s.id, param: p.name, kind: p.type, default: p.default_value, testid: id}});
      params.append(el('label', {for: id, title: `${p.description} (${p.min}–${p.max}, default ${p.default_value})`,
        class: flag ? 'inline' : ''}, flag ? [input, ` ${p.name}`] : [`${p.name} `, input]));
    }
    const toggle = el('input', {type: 'checkbox', name: 'strategy', value: s.id, id: `s-${s.id}`, checked,
      dataset: {testid: `s-${s.id}`}, onchange: () => { params.hidden = !toggle.checked; }});
    params.hidden = !checked;
    return el('div', {class: 'strategy', dataset: {strategy: s.id}},
      el('label', {for: `s-${s.id}`, class: 'strategy-name'}, toggle, ` ${s.id}`),
      el('span', {class: 'muted small'}, ` — ${s.description}`),
      params);
  }

  /** The start request body (README "Start request fields"); only changed params are sent (defaults apply). */
  body() {
    const f = this.form;
    const value = (id) => $(id).value.trim();
    const strategyIds = [...f.querySelectorAll('input[name=strategy]:checked')].map((i) => i.value);
    const params = {};
    for (const id of strategyIds) {
      const own = {};
      for (const input of f.querySelectorAll(`input[data-strategy="${id}"]`)) {
        const v = input.dataset.kind === 'flag' ? (input.checked ? 1 : 0) : Number(input.value);
        if (input.dataset.kind !== 'flag' && input.value === '') continue;
        if (v !== Number(input.dataset.default)) own[input.dataset.param] = v;
      }
      if (Object.keys(own).length) params[id] = own;
    }
    const body = {
      symbol: value('f-symbol'),
      timeframes: [...f.querySelectorAll('input[name=tf]:checked')].map((i) => i.value),
      start_date: value('f-start'),
      end_date: value('f-end'),
      strategy_ids: strategyIds,
      params,
      initial_capital: Number(value('f-capital') || 10000),
      fee_bps: Number(value('f-fee') || 0),
      slippage_bps: Number(value('f-slippage') || 0),
      position_size: Number(value('f-size') || 1),
      fill: value('f-fill'),
      whole_units: $('f-whole').checked,
      close_at_end: $('f-close-end').checked,
    };
    if (value('f-name')) body.name = value('f-name');
    if (value('f-ppy')) body.periods_per_year = Number(value('f-ppy'));
    if (value('f-rf')) body.risk_free_rate = Number(value('f-rf'));
    return body;
  }

  async submit() {
    const errors = clear($('start-errors'));
    const result = $('start-result');
    this.form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
    const button = $('start-button');
    button.disabled = true;
    result.textContent = 'starting…';
    notice('');
    try {
      const answer = await api.start(this.body());
      result.textContent = `started ${answer.backtest_id} (${answer.status})`;
      this.onStarted(answer.backtest_id, answer.status);
    } catch (e) {
      result.textContent = 'not started';
      if (e instanceof ApiError && e.fieldErrors.length) {
        for (const fe of e.fieldErrors) {
          errors.append(el('li', {}, el('strong', {}, fe.field), `: ${fe.message}`));
          const input = this.inputFor(fe.field);
          if (input) input.setAttribute('aria-invalid', 'true');
        }
      } else {
        errors.append(el('li', {}, e.message));
      }
    } finally {
      button.disabled = false;
    }
  }

  inputFor(field) {
    const simple = {symbol: 'f-symbol', start_date: 'f-start', end_date: 'f-end', initial_capital: 'f-capital', fee_bps: 'f-fee',
      slippage_bps: 'f-slippage', position_size: 'f-size', periods_per_year: 'f-ppy', risk_free_rate: 'f-rf', name: 'f-name'};
    if (simple[field]) return $(simple[field]);
    const m = /^params\.([^.]+)\.(.+)$/.exec(field);
    return m ? $(`p-${m[1]}-${m[2]}`) : null;
  }
}
