/**
 * Laying out a state graph with Graphviz compiled to WebAssembly
 * (@viz-js/viz): it runs inside Node, with no browser and no `dot` binary.
 * The SVG stands alone, or sits in a small self-contained HTML page with a
 * legend.
 */
import { instance } from '@viz-js/viz';

export async function dotToSvg(dot: string): Promise<string> {
  const viz = await instance();
  return viz.renderString(dot, { format: 'svg', engine: 'dot' });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The SVG inline in a page (its XML prolog and DOCTYPE dropped: HTML needs neither). */
export function graphPage(svg: string, title: string, facts: readonly string[]): string {
  const inline = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/, '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body { margin:0; font:14px/1.45 system-ui, sans-serif; color:#1d2125; background:#fbfbfa; }
header { padding:12px 18px; border-bottom:1px solid #e3e3df; background:#fff; }
h1 { margin:0 0 4px; font-size:18px; }
.facts, .legend { color:#6b7280; font-size:13px; display:flex; flex-wrap:wrap; gap:4px 16px; }
.legend span::before { content:""; display:inline-block; width:12px; height:12px; margin-right:5px; vertical-align:-2px; border:1px solid #6b7280; border-radius:3px; }
.legend .initial::before { background:#e8f5e9; border:3px double #2e7d32; }
.legend .bad::before { background:#fde8e8; border-color:#b42318; }
.legend .path::before { border:0; height:3px; background:#b42318; vertical-align:3px; }
main { padding:12px 18px; overflow:auto; }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<div class="facts">${facts.map((f) => `<span>${escapeHtml(f)}</span>`).join('')}</div>
<div class="legend"><span class="initial">initial state</span><span class="bad">violates an invariant, or deadlock</span><span class="path">path to the first violation</span></div>
</header>
<main>
${inline}
</main>
</body>
</html>
`;
}
