/** The explorer page's stylesheet (inlined: the page is one self-contained file). */
export const PAGE_STYLE = `
:root { --bg:#fbfbfa; --fg:#1d2125; --muted:#6b7280; --line:#e3e3df; --accent:#2457c5;
  --changed:#fff1b8; --changed-line:#e0b100; --hl:#e5eefc; --hl-line:#2457c5; --never:#fde8e8; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
header { padding:12px 18px; border-bottom:1px solid var(--line); background:#fff; }
header h1 { margin:0 0 4px; font-size:18px; }
.facts { display:flex; flex-wrap:wrap; gap:6px 14px; color:var(--muted); font-size:13px; }
.facts b { color:var(--fg); font-weight:600; }
.keys { color:var(--muted); font-size:12px; margin-top:4px; }
kbd { border:1px solid var(--line); border-bottom-width:2px; border-radius:3px; padding:0 4px; font-size:11px; background:#fff; }
main { display:grid; grid-template-columns:minmax(300px, 1fr) minmax(320px, 1.2fr) minmax(320px, 1.1fr); gap:12px; padding:12px 18px; align-items:start; }
section.panel { background:#fff; border:1px solid var(--line); border-radius:6px; padding:10px 12px; min-width:0; }
section.panel h2 { font-size:13px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); margin:0 0 8px; }
#state-title, #source-title { text-transform:none; letter-spacing:0; font-size:14px; color:var(--fg); }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:4px 6px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); font-weight:600; }
#states tbody tr.step { cursor:pointer; }
#states tbody tr.step:hover { background:#f4f6fb; }
#states tbody tr.selected { background:var(--hl); box-shadow:inset 3px 0 0 var(--hl-line); }
#states tr.in-loop td:first-child { border-left:3px solid #9b6ddf; }
.action-name { font-weight:600; }
.params, .where, .changes { font:12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
.where, .muted { color:var(--muted); }
.changes span { display:inline-block; background:var(--changed); border-radius:3px; padding:0 3px; margin:0 3px 2px 0; }
.param { display:inline-block; white-space:nowrap; margin-right:8px; color:#374151; }
#steps { overflow-x:auto; }
#state-vars { max-height:72vh; overflow:auto; }
tr.lasso td, tr.stutter td { font-style:italic; color:#6d3fc0; }
.loop-start { color:#6d3fc0; font-size:11px; }
.vars { list-style:none; margin:0; padding:0; font:12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
.vars ul { list-style:none; margin:0; padding-left:16px; border-left:1px dotted var(--line); }
.vars li { padding:1px 0 1px 4px; }
.vars li.changed > .entry, .vars li.changed > details > summary { background:var(--changed); box-shadow:inset 3px 0 0 var(--changed-line); }
.vars .name { font-weight:600; }
.vars .key { color:#8a4b08; }
.vars .kind { color:var(--muted); font-size:11px; margin-right:4px; }
.vars .preview { color:#374151; }
.vars details > summary { cursor:pointer; list-style: revert; }
.vars details[open] > summary .preview { display:none; }
.vars li.gone > .entry { text-decoration:line-through; color:#b42318; }
.source { margin:0; max-height:70vh; overflow:auto; font:12px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; background:#fcfcfb; border:1px solid var(--line); }
.source .ln { display:block; white-space:pre; padding:0 8px 0 0; }
.source .ln::before { content:attr(data-n); display:inline-block; width:3.2em; padding-right:8px; text-align:right; color:#a0a4ab; user-select:none; }
.source .ln.hl { background:var(--hl); box-shadow:inset 3px 0 0 var(--hl-line); }
#diff { margin:0 18px 12px; }
#diff .pick { display:flex; gap:12px; align-items:center; margin-bottom:8px; flex-wrap:wrap; }
#diff table td { width:50%; }
#diff tr.same { display:none; }
#diff.show-same tr.same { display:table-row; }
#coverage { margin:0 18px 18px; }
#coverage td.num, #coverage th.num { text-align:right; font-variant-numeric:tabular-nums; }
#coverage tr.never { background:var(--never); }
#coverage tr.disjunct td:first-child { padding-left:22px; color:var(--muted); }
.tag { display:inline-block; font-size:11px; border-radius:3px; padding:0 5px; background:#b42318; color:#fff; margin-left:6px; }
@media (max-width: 1100px) { main { grid-template-columns:1fr; } }
`;
