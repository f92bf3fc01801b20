// Shared by the UI pages: the API token (kept in sessionStorage, so it is gone when the tab
// closes), calls to the query API, and small DOM helpers. Plain browser JavaScript, no build step.
'use strict';

const cfx = (() => {
  const TOKEN_KEY = 'cfx.query.token';

  function token() {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  }

  /** the header bar: page links and the token field. */
  function header(active) {
    const pages = [['feed.html', 'Live feed'], ['unit.html', 'Unit'], ['where-used.html', 'Where-used'], ['api.html', 'API']];
    const h = document.createElement('header');
    h.innerHTML = '<a class="brand" href="index.html">cfx-trace</a>'
      + pages.map(([href, name]) => `<a href="${href}"${href === active ? ' class="here"' : ''}>${name}</a>`).join('')
      + '<span class="token"><label for="token">API token</label><input id="token" type="password" size="18" autocomplete="off">'
      + '<button id="token-save" type="button" class="secondary">Use</button></span>';
    document.body.prepend(h);
    const input = h.querySelector('#token');
    input.value = token();
    h.querySelector('#token-save').addEventListener('click', () => {
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      location.reload();
    });
  }

  /** GET an API path as JSON; throws an Error with the service's message on failure. */
  async function get(path) {
    const headers = { Accept: 'application/json' };
    if (token()) {
      headers.Authorization = 'Bearer ' + token();
    }
    const response = await fetch(path, { headers });
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const why = body && body.message ? body.message : text;
      throw new Error(response.status === 401 ? `${why} (enter the API token at the top right)` : `${response.status}: ${why}`);
    }
    return body;
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

  function result(value) {
    if (!value) {
      return '';
    }
    const v = String(value).toLowerCase();
    const cls = v.startsWith('fail') || v === 'defective' || v === 'scrapped' ? 'fail' : v.startsWith('pass') || v === 'completed' ? 'pass' : '';
    return `<span class="badge ${cls}">${esc(value)}</span>`;
  }

  function showError(where, error) {
    where.innerHTML = `<div class="error" role="alert">${esc(error.message || error)}</div>`;
  }

  return { token, header, get, download, esc, time, table, result, showError };
})();
