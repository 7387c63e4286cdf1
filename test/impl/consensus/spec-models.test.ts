/**
 * specs/models.json lists the consensus models with their expected outcomes:
 * holding and refuted models of both specs, the seven-general models checked
 * by simulation with fixed settings, and a saved counterexample for every
 * refuted model small enough to keep.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listTraceFiles } from '../../../src/mbt/vitest.js';
import { CONSENSUS_MODELS, SPECS_DIR, TRACES_DIR, traceFileName } from './models.js';

/** Refuted models whose counterexample is not kept: 158 states of 156 messages each, about 9 MB of ITF. */
const TOO_LONG_TO_KEEP = new Set(['consensus-om2-three-traitors']);

describe('the consensus models of specs/models.json', () => {
  const holding = CONSENSUS_MODELS.filter((m) => m.expect.result === 'ok');
  const refuted = CONSENSUS_MODELS.filter((m) => m.expect.result !== 'ok');

  it('at least three hold and three are refuted, among them both specs', () => {
    expect(holding.length).toBeGreaterThanOrEqual(3);
    expect(refuted.length).toBeGreaterThanOrEqual(3);
    for (const spec of ['ByzantineGenerals.tla', 'RaftElection.tla']) {
      expect(holding.some((m) => m.spec === spec)).toBe(true);
      expect(refuted.some((m) => m.spec === spec)).toBe(true);
    }
  });

  it('each names an existing config and saves its traces under traces/consensus/', () => {
    for (const m of CONSENSUS_MODELS) {
      expect(existsSync(SPECS_DIR + m.config), m.config).toBe(true);
      expect(m.traces, m.name).toBe('consensus');
    }
  });

  it('the seven-general models are checked by simulation with a fixed seed', () => {
    const simulated = CONSENSUS_MODELS.filter((m) => m.config.includes('OM2'));
    expect(simulated.map((m) => m.expect.result).sort()).toEqual(['invariant-violation', 'ok']);
    for (const m of simulated) {
      expect(m.simulate).toEqual({
        runs: expect.any(Number),
        depth: expect.any(Number),
        seed: expect.any(Number),
      });
      // A run of OM(2) with seven generals takes 156 sends and up to 5 decisions after the initial state.
      expect(m.simulate!.depth).toBeGreaterThanOrEqual(162);
    }
  });

  it('every refuted model has its saved counterexample, and no other trace is there', () => {
    const kept = refuted.filter((m) => !TOO_LONG_TO_KEEP.has(m.name)).map(traceFileName);
    const saved = listTraceFiles(TRACES_DIR).map((f) => f.slice(TRACES_DIR.length));
    for (const file of kept) expect(saved).toContain(file);
    const allowed = new Set(refuted.map(traceFileName));
    expect(saved.filter((f) => !allowed.has(f))).toEqual([]);
  });
});
