// Shared by the UI pages: the API token (kept in sessionStorage, so it is gone when the tab
// closes), calls to the query API, and small DOM helpers. Plain browser JavaScript, no build step.
'use strict';

const cfx = (() => {
  const TOKEN_KEY = 'cfx.query.token';

  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  }

  /**
   * the header bar: page links, a search box, and the token field. The token field shows only once
   * the service asked for a token (a 401) or one is kept: where auth is off (the demo) it has no use.
   */
  function header(active) {
    const pages = [['index.html', 'Home'], ['unit.html', 'Unit'], ['where-used.html', 'Recall'], ['holds.html', 'Holds'], ['station.html', 'Stations'],
      ['feed.html', 'Live feed'], ['api.html', 'API']];
    const h = document.createElement('header');
    h.innerHTML = '<a class="brand" href="index.html">cfx-trace</a>'
      + pages.map(([href, name]) => `<a href="${href}"${href === active ? ' class="here"' : ''}>${name}</a>`).join('')
      + (active === 'index.html' ? '' : '<form id="header-search" class="header-search" role="search"><input id="header-q" type="search" size="22"'
        + ' placeholder="serial, reel, lot, WO..." aria-label="search"></form>')
      + `<span class="token" id="token-box"${token() ? '' : ' hidden'}><label for="token">API token</label>`
      + '<input id="token" type="password" size="18" autocomplete="off">'
      + '<button id="token-save" type="button" class="secondary">Use</button></span>';
    document.body.prepend(h);
    const input = h.querySelector('#token');
    input.value = token();
    h.querySelector('#token-save').addEventListener('click', () => {
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      location.reload();
    });
    const search = h.querySelector('#header-search');
    if (search) {
      search.addEventListener('submit', e => {
        e.preventDefault();
        const q = h.querySelector('#header-q').value.trim();
        if (q) {
          location.href = 'index.html?q=' + encodeURIComponent(q);
        }
      });
    }
  }

  /** shows the token field (the service answered 401). */
  function askForToken() {
    const box = document.getElementById('token-box');
    if (box) {
      box.hidden = false;
    }
  }

  /** an API call: the answer as JSON; throws an Error with the service's message on failure. */
  async function request(path, init) {
    const headers = Object.assign({ Accept: 'application/json' }, init.headers || {});
    if (token()) {
      headers.Authorization = 'Bearer ' + token();
    }
    const response = await fetch(path, Object.assign({}, init, { headers }));
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const why = body && body.message ? body.message : text;
      if (response.status === 401) {
        askForToken();
      }
      throw new Error(response.status === 401 ? `${why} (enter the API token at the top right)` : `${response.status}: ${why}`);
    }
    return body;
  }

  /** GET an API path; the answer as JSON. */
  function get(path) {
    return request(path, {});
  }

  /** POST a JSON body to an API path; the answer as JSON. */
  function post(path, data) {
    return request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });
  }

  /** downloads an API path (CSV) with the token, as a file. */
  async function download(path, fileName) {
    const headers = token() ? { Authorization: 'Bearer ' + token() } : {};
    const response = await fetch(path, { headers });
    if (!response.ok) {
      throw new Error(`${response.status}: ${await response.text()}`);
    }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  }

  /** text safe for innerHTML. */
  function esc(value) {
    if (value === null || value === undefined) {
      return '';
    }
    return String(value).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /** an ISO instant as local date and time. */
  function time(iso) {
    return iso ? new Date(iso).toLocaleString(undefined, { hour12: false }) : '';
  }

  /**
   * a table from rows: columns are [heading, row => html, optional class]; rowClass, if given,
   * gives a row's class (or nothing). An empty list gives a line saying so, so that a missing
   * section is visibly empty rather than absent.
   */
  function table(id, rows, columns, empty, rowClass) {
    if (!rows || rows.length === 0) {
      return `<p class="empty" id="${id}">${esc(empty || 'none')}</p>`;
    }
    const head = columns.map(c => `<th>${esc(c[0])}</th>`).join('');
    const tr = r => {
      const cls = rowClass ? rowClass(r) : '';
      return cls ? `<tr class="${esc(cls)}">` : '<tr>';
    };
    const body = rows.map(r => tr(r) + columns.map(c => `<td${c[2] ? ` class="${c[2]}"` : ''}>${c[1](r) ?? ''}</td>`).join('') + '</tr>').join('');
    return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  }

  /** results that are failures: CFX TestResult, WorkResult, RepairResult, ProcessingResult names, and the verdicts. */
  const FAILED = new Set(['failed', 'error', 'aborted', 'unabletorepair', 'scrap', 'scrapped', 'defective', 'defectiverepairnotfeasible']);
  const PASSED = new Set(['passed', 'completed', 'repairsuccessful', 'succeeded', 'repaired']);

  /** whether a result text is a failure. */
  function failed(value) {
    return value != null && (FAILED.has(String(value).toLowerCase()) || String(value).toLowerCase().startsWith('fail'));
  }

  function result(value) {
    if (!value) {
      return '';
    }
    const v = String(value).toLowerCase();
    const cls = failed(v) ? 'fail' : PASSED.has(v) || v.startsWith('pass') ? 'pass' : '';
    return `<span class="badge ${cls}">${esc(value)}</span>`;
  }

  /** a verdict ({verdict, reason}) as a badge. */
  function verdict(v) {
    if (!v) {
      return '';
    }
    const cls = { passed: 'pass', repaired: 'repaired', failed: 'fail', scrapped: 'scrapped', 'in progress': 'progress' }[v.verdict] || '';
    return `<span class="badge verdict ${cls}" title="${esc(v.reason)}">${esc(v.verdict)}</span>`;
  }

  /**
   * where a search match leads: [{label, href}] (a part number leads to its lots, a work order or a
   * transaction to its boards).
   */
  function targets(m) {
    const unit = id => `unit.html?id=${encodeURIComponent(id)}`;
    switch (m.kind) {
      case 'unit': return [{ label: `board ${m.id}`, href: unit(m.id) }];
      case 'key': return [{ label: `provisional key ${m.id}` + (m.unit ? ` (board ${m.unit})` : ''), href: unit(m.id) }];
      case 'panel': return [{ label: `panel ${m.id}`, href: unit(m.id) }];
      case 'reel': return [{ label: `reel ${m.id}` + (m.partNumber ? ` (${m.partNumber})` : ''), href: `where-used.html?reel=${encodeURIComponent(m.id)}` }];
      case 'lot': return [{ label: `lot ${m.id}` + (m.partNumber ? ` of ${m.partNumber}` : ''),
        href: `where-used.html?lot=${encodeURIComponent(m.id)}` + (m.partNumber ? `&partNumber=${encodeURIComponent(m.partNumber)}` : '') }];
      case 'part': return m.lots.map(l => ({ label: `lot ${l} of part ${m.id}`,
        href: `where-used.html?lot=${encodeURIComponent(l)}&partNumber=${encodeURIComponent(m.id)}` }));
      case 'workOrder': return m.units.map(u => ({ label: `board ${u} of work order ${m.id}`, href: unit(u) }));
      case 'transaction': return m.units.map(u => ({ label: `board ${u} of transaction ${m.id}` + (m.station ? ` at ${m.station}` : ''), href: unit(u) }));
      default: return [];
    }
  }

  /**
   * looks an identifier up: goes to its page when it names one thing, else shows the choices in
   * {@code where} (and says so when it names nothing).
   */
  async function resolve(q, where) {
    const r = await get('/api/search?q=' + encodeURIComponent(q));
    const all = r.matches.flatMap(m => targets(m).map(t => ({ ...t, kind: m.kind })));
    if (all.length === 1) {
      location.href = all[0].href;
      return;
    }
    if (all.length === 0) {
      where.innerHTML = `<p class="empty" id="no-match">Nothing in the store is called ${esc(r.query)}${r.matches.length ? ' (no boards or lots listed for it)' : ''}.</p>`;
      return;
    }
    where.innerHTML = `<p class="status">${esc(r.query)} names ${all.length} things; choose:</p><ul id="choices" class="choices">`
      + all.map(t => `<li><span class="badge kind">${esc(t.kind)}</span> <a href="${esc(t.href)}">${esc(t.label)}</a></li>`).join('') + '</ul>';
  }

  /** a duration in seconds as "1 h 02 min", "3 min 05 s" or "12 s". */
  function duration(seconds) {
    if (seconds == null || isNaN(seconds)) {
      return '';
    }
    const s = Math.round(seconds);
    if (s >= 3600) {
      return `${Math.floor(s / 3600)} h ${String(Math.floor(s % 3600 / 60)).padStart(2, '0')} min`;
    }
    if (s >= 60) {
      return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
    }
    return `${s} s`;
  }

  /** a datetime-local input's value for an instant (this browser's time zone). */
  function localInput(date) {
    const d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return d.toISOString().slice(0, 16);
  }

  /** the chart library (ECharts), once asked for: a promise of its global. */
  let chartLibrary = null;

  /**
   * loads the chart library, once, without holding up the page: it is a 1 MB script, and a plain
   * script tag made the browser parse it before the page could even ask the service for its data.
   * A page calls this first thing, so the script loads while the data are on their way.
   */
  function charts() {
    if (!chartLibrary) {
      chartLibrary = window.echarts ? Promise.resolve(window.echarts) : new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'lib/echarts/echarts.min.js';
        script.async = true;
        script.onload = () => resolve(window.echarts);
        script.onerror = () => reject(new Error('the chart library (lib/echarts/echarts.min.js) did not load'));
        document.head.appendChild(script);
      });
    }
    return chartLibrary;
  }

  /** charts not drawn yet: element => draw(echarts). */
  const pendingCharts = new Map();
  let chartObserver = null;

  function drawPending(element) {
    const draw = pendingCharts.get(element);
    if (!draw) {
      return Promise.resolve();
    }
    pendingCharts.delete(element);
    if (chartObserver) {
      chartObserver.unobserve(element);
    }
    // at once when the library is there: the print handler must have its charts before it returns
    return window.echarts ? Promise.resolve(draw(window.echarts)) : charts().then(draw);
  }

  /**
   * draws charts: those on the screen now at once, the others once they come within half a
   * screen's height of it (scrolling, a section link) or the page is printed. A chart far down a
   * long page costs its drawing time only to those who look at it, and the charts further down are
   * watched only once those on the screen are drawn, so that they never hold the first ones up.
   *
   * @param list [element, draw(echarts)] pairs.
   * @return a promise that the charts on the screen are drawn.
   */
  async function drawCharts(list) {
    const now = [];
    const later = [];
    for (const [element, draw] of list) {
      pendingCharts.set(element, draw);
      (element.getBoundingClientRect().top < window.innerHeight ? now : later).push(element);
    }
    try {
      await Promise.all(now.map(drawPending));
    } finally {
      if (later.length && !chartObserver) {
        chartObserver = new IntersectionObserver(entries => entries.filter(e => e.isIntersecting)
          .forEach(e => drawPending(e.target).catch(err => console.error('chart not drawn:', err))), { rootMargin: '50% 0px' });
      }
      later.forEach(element => chartObserver.observe(element));
    }
  }

  // a printed page has every chart, at the printed width
  window.addEventListener('beforeprint', () => {
    [...pendingCharts.keys()].forEach(drawPending);
    if (window.echarts) {
      document.querySelectorAll('.chart').forEach(el => {
        const chart = window.echarts.getInstanceByDom(el);
        if (chart) {
          chart.resize();
        }
      });
    }
  });

  function showError(where, error) {
    where.innerHTML = `<div class="error" role="alert">${esc(error.message || error)}</div>`;
  }

  return { token, header, get, post, download, esc, time, table, result, failed, verdict, targets, resolve, duration, localInput, showError,
    charts, drawCharts };
})();
