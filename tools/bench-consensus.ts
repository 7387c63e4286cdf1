/**
 * OM(m) message complexity: runs the oral-messages algorithm for growing n
 * and m (m traitors with random lies, messages in a random order), counts the
 * messages sent and checks each count against the formula
 * (n-1) + (n-1)(n-2) + … + (n-1)…(n-1-m), which grows as n^(m+1). Exits 1 if
 * a count differs. Also prints Raft cluster events per second under chaos.
 *
 *   npx tsx tools/bench-consensus.ts [--json]
 */
import {
  omMessageCount,
  randomOrder,
  randomTraitor,
  runOralMessages,
  type TraitorStrategy,
} from '../src/impl/consensus/byzantine/index.js';
import { runRandomly } from '../src/impl/consensus/raft/index.js';

interface OMRow {
  n: number;
  m: number;
  messages: number;
  formula: number;
  ratio: number;
  ms: number;
}

const CASES: [number, number][] = [
  [4, 1],
  [7, 1],
  [10, 1],
  [13, 1],
  [7, 2],
  [10, 2],
  [13, 2],
  [10, 3],
  [13, 3],
];

function omRow(n: number, m: number): OMRow {
  const traitors = new Map<number, TraitorStrategy>(
    Array.from({ length: m }, (_, k) => [n - k, randomTraitor(n * 100 + k)] as const),
  );
  const started = performance.now();
  const run = runOralMessages({ n, m, order: 'attack', traitors }, randomOrder(n * 10 + m));
  const ms = performance.now() - started;
  if (new Set(run.decisions.values()).size !== 1 || run.decisions.values().next().value !== 'attack') {
    throw new Error(`OM(${m}) with n=${n} broke IC1 or IC2`);
  }
  return {
    n,
    m,
    messages: run.messages,
    formula: omMessageCount(n, m),
    ratio: run.messages / n ** (m + 1),
    ms,
  };
}

function raftEventsPerSecond(): { servers: number; events: number; seconds: number; perSecond: number } {
  const runs = 200;
  const steps = 500;
  const started = performance.now();
  for (let seed = 1; seed <= runs; seed++) {
    runRandomly(
      { ids: ['s1', 's2', 's3', 's4', 's5'] },
      { steps, seed, duplicate: 0.2, drop: 0.1, partition: 0.02 },
    );
  }
  const seconds = (performance.now() - started) / 1000;
  return { servers: 5, events: runs * steps, seconds, perSecond: (runs * steps) / seconds };
}

const rows = CASES.map(([n, m]) => omRow(n, m));
const raft = raftEventsPerSecond();
const mismatches = rows.filter((r) => r.messages !== r.formula);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ om: rows, raft, ok: mismatches.length === 0 }));
} else {
  console.log('OM(m): messages of one run (m traitors, random order) against the formula');
  console.log('   n   m   messages    formula   messages/n^(m+1)   time');
  for (const r of rows) {
    const mark = r.messages === r.formula ? '' : '   MISMATCH';
    console.log(
      `${String(r.n).padStart(4)}${String(r.m).padStart(4)}${String(r.messages).padStart(11)}${String(r.formula).padStart(11)}` +
        `${r.ratio.toFixed(3).padStart(19)}${`${r.ms.toFixed(0)} ms`.padStart(9)}${mark}`,
    );
  }
  console.log(
    `\nRaft: ${raft.events} random events on ${raft.servers}-server clusters in ${raft.seconds.toFixed(2)} s ` +
      `(${Math.round(raft.perSecond).toLocaleString('en')} events/s)`,
  );
}
process.exitCode = mismatches.length === 0 ? 0 : 1;
