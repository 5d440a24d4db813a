// Entry point: tabs, the token field, and the wiring between panels.

import {$, notice} from './util.js';
import {setToken, token} from './api.js';
import {resizeCharts} from './charts.js';
import {RunMonitor} from './monitor.js';
import {StartForm} from './start.js';
import {RunsPanel, ComparePanel} from './runs.js';
import {MarketPanel} from './market.js';
import {LivePanel} from './live.js';

const TABS = ['backtest', 'runs', 'compare', 'market', 'live'];

function show(name) {
  for (const tab of TABS) {
    const on = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(on));
    $(`tab-${tab}`).tabIndex = on ? 0 : -1;
    $(`panel-${tab}`).hidden = !on;
  }
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
  requestAnimationFrame(resizeCharts);
  hooks[name]?.();
}

const hooks = {};

function tokenState() {
  const t = token();
  $('token-state').textContent = t ? 'token set (this tab only)' : 'no token';
  $('token-input').value = t;
}

function init() {
  const monitor = new RunMonitor();
  const start = new StartForm((id, status) => {
    show('backtest');
    $('start-section').open = false; // the monitor moves up; the form is one click away
    monitor.watch(id, status);
  });
  const runs = new RunsPanel({
    onReplay: (id, speed) => {
      show('backtest');
      monitor.startReplay(id, speed);
    },
    onWatch: (id, status) => {
      show('backtest');
      monitor.watch(id, status);
    },
    onCompare: (a, b) => {
      show('compare');
      compare.compare(a, b);
    },
  });
  const compare = new ComparePanel(runs);
  const market = new MarketPanel();
  const live = new LivePanel();
  hooks.runs = () => runs.load();
  hooks.compare = () => {
    if (!$('cmp-a').options.length) runs.load().then(() => { if (!$('cmp-a').options.length) compare.fillPickers(); });
  };
  hooks.market = () => { if (!market.stream) market.connect($('m-symbol').value.trim().toUpperCase()); };
  hooks.live = () => { if (!live.stream) live.connect(''); };

  for (const tab of TABS) $(`tab-${tab}`).addEventListener('click', () => show(tab));
  $('tab-backtest').closest('[role=tablist]').addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const current = TABS.findIndex((t) => $(`tab-${t}`).getAttribute('aria-selected') === 'true');
    const next = TABS[(current + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    show(next);
    $(`tab-${next}`).focus();
  });

  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setToken($('token-input').value);
    tokenState();
    notice('');
    start.loadStrategies();
  });
  $('token-clear').addEventListener('click', () => {
    setToken('');
    tokenState();
  });
  tokenState();
  start.loadStrategies();

  // for people poking around in the console, and for the browser test
  window.tapecast = {monitor, runs, compare, market, live, show, dropConnection: () => monitor.stream?.drop()};
  const initial = TABS.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'backtest';
  show(initial);
  document.body.dataset.ready = 'true';
}

init();
