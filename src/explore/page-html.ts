/**
 * The explorer page: one HTML file holding its style, its script and the
 * trace data, so it opens from disk (file://) with no server and no network.
 */
import type { PageData } from './page-data.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** JSON that is safe inside a <script> element (no `</script>`, no HTML comment openers). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function fact(label: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<span>${label} <b>${escapeHtml(String(value))}</b></span>`;
}

export function renderPage(data: PageData): string {
  const facts = [
    fact('spec', data.spec),
    fact('model', data.model),
    fact('property', data.property),
    fact('result', data.result),
    fact('states', data.states.length),
    data.backTo !== undefined ? fact('lasso: back to state', data.backTo) : '',
    data.stuttering ? fact('ends', 'stuttering') : '',
    fact('from', data.origin),
  ].join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(data.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(data.title)}</h1>
  <div class="facts">${facts}</div>
  <div class="keys"><kbd>&uarr;</kbd>/<kbd>&darr;</kbd> or <kbd>k</kbd>/<kbd>j</kbd> step, <kbd>Home</kbd>/<kbd>End</kbd> first/last, <kbd>a</kbd>/<kbd>b</kbd> compare the current state (left/right)</div>
</header>
<main>
  <section class="panel" id="steps">
    <h2>Behaviour</h2>
    <table id="states"><thead><tr><th>#</th><th>action and parameters</th><th>where</th><th>changed</th></tr></thead>
    <tbody id="states-body"></tbody></table>
  </section>
  <section class="panel" id="state">
    <h2 id="state-title"></h2>
    <div id="state-vars"></div>
  </section>
  <section class="panel" id="source">
    <h2 id="source-title"></h2>
    <pre class="source" id="source-text"></pre>
  </section>
</main>
<section class="panel" id="diff">
  <h2>Compare two states</h2>
  <div class="pick">
    <label>left <select id="diff-a"></select></label>
    <label>right <select id="diff-b"></select></label>
    <label><input type="checkbox" id="diff-same"> show equal variables</label>
    <span id="diff-summary" class="muted"></span>
  </div>
  <table><thead><tr id="diff-head"></tr></thead><tbody id="diff-body"></tbody></table>
</section>
<section class="panel" id="coverage">
  <h2>Action coverage of the run</h2>
  <table><thead><tr><th>action</th><th class="num">enabled</th><th class="num">generated</th><th class="num">distinct</th><th>where</th></tr></thead>
  <tbody id="coverage-body"></tbody></table>
  <p id="coverage-summary"></p>
</section>
<script type="application/json" id="trace-data">${scriptJson(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
