// Compares the conformance runner's output with the ratchet list: the cases
// that failed must be exactly those listed for the 'runner' suite.
// Usage: node conformance-ratchet.mjs <known-failures.json> <runner output>
import { readFileSync } from 'node:fs';

const [listFile, outFile] = process.argv.slice(2);
const known = JSON.parse(readFileSync(listFile, 'utf8')).cases;
const expected = new Set(Object.keys(known).filter((c) => known[c].suites.includes('runner')));
const lines = readFileSync(outFile, 'utf8').split('\n');
const failed = new Set();
const seen = new Set();
for (const line of lines) {
  const m = /^(PASS|FAIL|ERROR|TIMEOUT) (\S+)/.exec(line);
  if (!m) continue;
  seen.add(m[2]);
  if (m[1] !== 'PASS') failed.add(m[2]);
}
if (seen.size === 0) {
  console.error('conformance: the runner reported no case');
  process.exit(1);
}
const unexpected = [...failed].filter((c) => !expected.has(c));
const fixed = [...expected].filter((c) => seen.has(c) && !failed.has(c));
for (const c of unexpected) console.error(`conformance: ${c} fails and is not in the known-failures list`);
for (const c of fixed)
  console.error(
    `conformance: ${c} passes now: remove it from test/support/known-failures.json (issue ${known[c].issue})`,
  );
const listed = [...expected].filter((c) => failed.has(c));
console.log(
  `conformance ratchet: ${seen.size - failed.size} passed, ${listed.length} known failures (${listed.join(', ') || 'none'})`,
);
process.exit(unexpected.length + fixed.length === 0 ? 0 : 1);
