/**
 * The explorer page's script (inlined; plain ES2020, no modules, no
 * network). It renders the embedded trace data: the table of steps, the
 * selected state as folding trees with the changes of its step marked, the
 * spec source with the step's action highlighted, a side-by-side diff of
 * any two states and the action coverage. Keys: ↑/↓ or k/j move, Home/End
 * jump, a/b pick the states to compare.
 *
 * Kept as text (String.raw: backslashes stay as written); it holds no
 * backtick and no dollar-brace.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('trace-data').textContent);
  var SEP = '\u241f';
  var states = data.states;
  var current = 0;
  var pick = { a: 0, b: states.length - 1 };

  function byId(id) { return document.getElementById(id); }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c];
    });
  }
  function baseName(file) { return file.split(/[\\/]/).pop(); }
  function locText(loc) {
    if (!loc) return '';
    return baseName(loc.file) + ':' + loc.line + (loc.endLine !== loc.line ? '-' + loc.endLine : '');
  }
  function paramsText(a) {
    if (!a || a.params.length === 0) return '';
    return a.params.map(function (p) { return p[0] + ' = ' + p[1]; }).join(', ');
  }
  function paramsHtml(a) {
    if (!a || a.params.length === 0) return '';
    return '<div class="params">' + a.params.map(function (p) {
      return '<span class="param">' + esc(p[0] + ' = ' + p[1]) + '</span>';
    }).join(' ') + '</div>';
  }
  function actionName(s) { return s.action ? s.action.name : (s.number === 1 ? 'Initial predicate' : 'Action'); }
  function short(t) { return t.length > 90 ? t.slice(0, 87) + '...' : t; }

  // ---- value trees
  function renderNode(node, path, changed, gone) {
    if (node.k === 'atom') return '<span class="atom">' + esc(node.t) + '</span>';
    var open = changed.has(path) || node.t.length > 90;
    var html = '<details' + (open ? ' open' : '') + '><summary><span class="kind">' + node.k +
      ' (' + node.c.length + ')</span><span class="preview">' + esc(short(node.t)) + '</span></summary><ul>';
    for (var i = 0; i < node.c.length; i++) {
      var key = node.c[i][0];
      var child = node.c[i][1];
      var childPath = path + SEP + key;
      html += renderEntry(key, child, childPath, changed, gone, 'key');
    }
    return html + '</ul></details>';
  }
  function renderEntry(key, node, path, changed, gone, keyClass) {
    var cls = (changed.has(path) ? 'changed' : '') + (gone && gone.has(path) ? ' gone' : '');
    var label = '<span class="' + keyClass + '">' + esc(key) + '</span> ';
    var attr = ' data-path="' + esc(path) + '"' + (cls ? ' class="' + cls.trim() + '"' : '');
    if (node.k === 'atom') return '<li' + attr + '><span class="entry">' + label + '= ' + renderNode(node, path, changed, gone) + '</span></li>';
    var inner = renderNode(node, path, changed, gone).replace('<summary>', '<summary>' + label + '= ');
    return '<li' + attr + '>' + inner + '</li>';
  }
  function renderVars(values, changed, gone) {
    var html = '<ul class="vars">';
    data.vars.forEach(function (v) {
      if (values[v]) html += renderEntry(v, values[v], v, changed, gone, 'name');
    });
    return html + '</ul>';
  }

  // ---- differences between two states (the same rule as src/explore/value-tree.ts)
  function diffPaths(before, after) {
    var out = new Set();
    function walk(a, b, path) {
      if (a && b && a.t === b.t) return;
      out.add(path);
      if (!a || !b || a.k === 'atom' || b.k === 'atom' || a.k !== b.k) return;
      var left = new Map(a.c), right = new Map(b.c);
      var keys = new Set(Array.from(left.keys()).concat(Array.from(right.keys())));
      keys.forEach(function (k) { walk(left.get(k), right.get(k), path + SEP + k); });
    }
    data.vars.forEach(function (v) { walk(before[v], after[v], v); });
    return out;
  }

  // ---- the table of steps
  function renderTable() {
    var rows = '';
    var loopFrom = data.backTo ? data.backTo - 1 : (data.stuttering ? states.length - 1 : -1);
    states.forEach(function (s, i) {
      var a = s.action;
      var top = s.changed.filter(function (p) { return p.indexOf(SEP) < 0; });
      rows += '<tr class="step' + (loopFrom >= 0 && i >= loopFrom ? ' in-loop' : '') + '" id="state-' + s.number +
        '" data-index="' + i + '">' +
        '<td>' + s.number + (i === loopFrom && data.backTo ? '<div class="loop-start">loop starts</div>' : '') + '</td>' +
        '<td><div class="action-name">' + esc(actionName(s)) + '</div>' + paramsHtml(a) + '</td>' +
        '<td class="where">' + esc(locText(a && a.loc)) + '</td>' +
        '<td class="changes">' + top.map(function (v) { return '<span>' + esc(v) + '</span>'; }).join('') + '</td></tr>';
    });
    if (data.backTo) {
      var la = data.loopAction;
      rows += '<tr class="lasso"><td>&#8617;</td><td colspan="3">Back to state <a href="#state-' + data.backTo +
        '" data-goto="' + (data.backTo - 1) + '">' + data.backTo + '</a>' +
        (la ? ': ' + esc(la.name) + (la.params.length ? ' (' + esc(paramsText(la)) + ')' : '') : '') + '</td></tr>';
    } else if (data.stuttering) {
      rows += '<tr class="stutter"><td>' + (states.length + 1) + '</td><td colspan="3">Stuttering: state ' +
        states.length + ' repeats forever</td></tr>';
    }
    byId('states-body').innerHTML = rows;
  }

  // ---- the selected state
  function renderState() {
    var s = states[current];
    var changed = new Set(s.changed);
    var a = s.action;
    byId('state-title').innerHTML = 'State ' + s.number + ': ' + esc(actionName(s)) +
      (a && a.params.length ? ' <span class="params">(' + esc(paramsText(a)) + ')</span>' : '');
    byId('state-vars').innerHTML = renderVars(s.values, changed);
  }

  // ---- the source, with the action's lines highlighted
  function renderSource() {
    var s = states[current];
    var loc = s.action && s.action.loc;
    var files = Object.keys(data.sources);
    var file = loc && data.sources[loc.file] !== undefined ? loc.file : files[0];
    var title = byId('source-title');
    var pre = byId('source-text');
    if (file === undefined) {
      title.textContent = 'no source';
      pre.innerHTML = '<span class="muted">The spec source was not found' + (loc ? ' (' + esc(loc.file) + ')' : '') + '.</span>';
      return;
    }
    title.textContent = file + (loc && loc.file === file ? ', lines ' + loc.line + '-' + loc.endLine : '');
    var lines = data.sources[file].split('\n');
    var html = '';
    for (var n = 1; n <= lines.length; n++) {
      var hl = loc && loc.file === file && n >= loc.line && n <= loc.endLine;
      html += '<span class="ln' + (hl ? ' hl' : '') + '" data-n="' + n + '">' + esc(lines[n - 1]) + '\n</span>';
    }
    pre.innerHTML = html;
    var first = pre.querySelector('.hl');
    if (first) pre.scrollTop = Math.max(0, first.offsetTop - pre.offsetTop - 40);
  }

  // ---- two states side by side
  function renderDiff() {
    var a = states[pick.a], b = states[pick.b];
    byId('diff-a').value = String(pick.a);
    byId('diff-b').value = String(pick.b);
    var changed = diffPaths(a.values, b.values);
    var rows = '';
    var count = 0;
    data.vars.forEach(function (v) {
      var differs = changed.has(v);
      if (differs) count++;
      var one = {}; one[v] = a.values[v];
      var two = {}; two[v] = b.values[v];
      rows += '<tr class="' + (differs ? 'differs' : 'same') + '" data-var="' + esc(v) + '"><td>' +
        (a.values[v] ? renderVars(one, changed) : '') + '</td><td>' + (b.values[v] ? renderVars(two, changed) : '') + '</td></tr>';
    });
    byId('diff-head').innerHTML = '<th>State ' + a.number + ': ' + esc(actionName(a)) + '</th><th>State ' + b.number + ': ' + esc(actionName(b)) + '</th>';
    byId('diff-body').innerHTML = rows;
    byId('diff-summary').textContent = count === 0 ? 'The two states are equal.' :
      count + ' of ' + data.vars.length + ' variables differ.';
  }

  // ---- action coverage
  function renderCoverage() {
    var section = byId('coverage');
    if (!data.coverage) { section.hidden = true; return; }
    var rows = '';
    var never = [];
    function row(cls, name, c, loc) {
      return '<tr class="' + cls + (c.generated === 0 ? ' never' : '') + '"><td>' + name +
        (c.generated === 0 ? '<span class="tag">never fired</span>' : '') + '</td><td class="num">' + c.enabled +
        '</td><td class="num">' + c.generated + '</td><td class="num">' + c.distinct + '</td><td class="where">' +
        esc(locText(loc)) + '</td></tr>';
    }
    data.coverage.forEach(function (a) {
      rows += row('action', esc(a.name), a, a.loc);
      if (a.disjuncts.length > 1) a.disjuncts.forEach(function (d) { rows += row('disjunct', 'disjunct', d, d.loc); });
      a.disjuncts.forEach(function (d) { if (d.generated === 0) never.push(a.name + (d.loc ? ' (line ' + d.loc.line + ')' : '')); });
    });
    byId('coverage-body').innerHTML = rows;
    byId('coverage-summary').textContent = never.length === 0 ? 'Every action fired.' : 'Never fired: ' + never.join(', ') + '.';
  }

  function select(i, initial) {
    current = Math.max(0, Math.min(states.length - 1, i));
    var rows = document.querySelectorAll('#states-body tr.step');
    rows.forEach(function (r, k) {
      r.classList.toggle('selected', k === current);
      r.setAttribute('aria-selected', k === current ? 'true' : 'false');
    });
    renderState();
    renderSource();
    var row = rows[current];
    var box = row && row.getBoundingClientRect();
    if (box && (box.top < 0 || box.bottom > window.innerHeight)) row.scrollIntoView({ block: 'nearest' });
    // Not while loading: the browser would then scroll to the new fragment once loaded.
    if (!initial && history.replaceState) history.replaceState(null, '', '#state-' + states[current].number);
  }

  function setPick(which, i) {
    pick[which] = i;
    renderDiff();
  }

  function fillPickers() {
    ['diff-a', 'diff-b'].forEach(function (id) {
      byId(id).innerHTML = states.map(function (s, i) {
        return '<option value="' + i + '">State ' + s.number + ': ' + esc(actionName(s)) + '</option>';
      }).join('');
    });
  }

  document.addEventListener('keydown', function (e) {
    if (e.target && (e.target.tagName === 'SELECT' || e.target.tagName === 'INPUT')) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var handled = true;
    switch (e.key) {
      case 'ArrowDown': case 'j': select(current + 1); break;
      case 'ArrowUp': case 'k': select(current - 1); break;
      case 'Home': select(0); break;
      case 'End': select(states.length - 1); break;
      case 'a': setPick('a', current); break;
      case 'b': setPick('b', current); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });

  renderTable();
  fillPickers();
  renderCoverage();
  byId('states-body').addEventListener('click', function (e) {
    var link = e.target.closest('[data-goto]');
    if (link) { e.preventDefault(); select(Number(link.getAttribute('data-goto'))); return; }
    var row = e.target.closest('tr.step');
    if (row) select(Number(row.getAttribute('data-index')));
  });
  byId('diff-a').addEventListener('change', function (e) { setPick('a', Number(e.target.value)); });
  byId('diff-b').addEventListener('change', function (e) { setPick('b', Number(e.target.value)); });
  byId('diff-same').addEventListener('change', function (e) { byId('diff').classList.toggle('show-same', e.target.checked); });
  var m = /^#state-(\d+)$/.exec(location.hash);
  select(m ? Number(m[1]) - 1 : 0, true);
  renderDiff();
  document.body.setAttribute('data-ready', 'true');
})();
`;
