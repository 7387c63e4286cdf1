import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Model, EvalError as SpecEvalError, type State } from '../../src/check/model.js';
import { printValue, type Value } from '../../src/check/value/index.js';
import { loadModel } from '../../src/cli/check-load.js';
import {
  type CoveringPath,
  coverTransitions,
  describeCall,
  paramsOf,
  replay,
  stateRecord,
  traceMismatch,
} from '../../src/mbt/index.js';
import { replayCoveringPath } from '../../src/mbt/vitest-xstate.js';
import { forgetfulBinding, kvStoreBinding } from '../fixtures/mbt/kv/bindings.js';
import { kvModel } from './kv-model.js';

type Abstraction = (state: Record<string, Value>) => string;

/** The whole state, as the tests name abstract states. */
const fullState: Abstraction = (s) => `${printValue(s.store!)} ${printValue(s.writes!)}`;
/** Only the number of writes: a coarse abstraction. */
const writesOnly: Abstraction = (s) => `writes = ${printValue(s.writes!)}`;

const XSTATE_DIR = join(import.meta.dirname, '..', 'fixtures', 'mbt', 'xstate');

function fixtureModel(name: string): Model {
  const loaded = loadModel(join(XSTATE_DIR, `${name}.tla`), join(XSTATE_DIR, `${name}.cfg`));
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.model;
}

/**
 * The abstract graph built here, independently of the generator: every
 * reachable state (a state outside a CONSTRAINT is reached, not expanded),
 * every transition as `from --call--> to`.
 */
function referenceGraph(model: Model, abstract: Abstraction) {
  const key = (s: State) => s.map((v) => printValue(v)).join(' ');
  const abs = (s: State) => abstract(stateRecord(model, s));
  const seen = new Set<string>();
  const queue: State[] = [];
  const nodes = new Set<string>();
  const initial = new Set<string>();
  const edges = new Set<string>();
  const visit = (s: State) => {
    nodes.add(abs(s));
    if (!seen.has(key(s))) {
      seen.add(key(s));
      queue.push(s);
    }
  };
  for (const t of model.initialStates({ level: 1 })) {
    initial.add(abs(t.state));
    visit(t.state);
  }
  while (queue.length > 0) {
    const s = queue.shift()!;
    if (!model.stateConstraints.every((c) => c(s, { level: 1 }))) continue;
    for (const t of model.successors(s, { level: 1 })) {
      edges.add(
        `${abs(s)} --${describeCall(t.action.name, Object.fromEntries(t.action.params))}--> ${abs(t.state)}`,
      );
      visit(t.state);
    }
  }
  return { nodes, initial, edges, states: seen.size };
}

/** The abstract edges a path takes, read from its steps (not from what the generator says it covers). */
function edgesTaken(path: CoveringPath, abstract: Abstraction): string[] {
  const ids: string[] = [];
  for (let i = 1; i < path.steps.length; i++) {
    const step = path.steps[i]!;
    const call = describeCall(step.action!.name, paramsOf(step.action));
    ids.push(`${abstract(path.steps[i - 1]!.values)} --${call}--> ${abstract(step.values)}`);
  }
  return ids;
}

function expectFullCoverage(model: Model, abstract: Abstraction, paths: CoveringPath[]) {
  const reference = referenceGraph(model, abstract);
  const taken = new Set(paths.flatMap((p) => edgesTaken(p, abstract)));
  expect([...reference.edges].filter((e) => !taken.has(e))).toEqual([]);
  expect([...taken].filter((e) => !reference.edges.has(e))).toEqual([]);
  const starts = new Set(paths.map((p) => abstract(p.steps[0]!.values)));
  expect(starts).toEqual(reference.initial);
  return reference;
}

describe('coverTransitions on KvStore: paths that take every abstract transition', () => {
  const model = kvModel();
  const full = coverTransitions(model, { abstract: fullState });

  it('builds the same abstract graph as an independent exploration of the spec', () => {
    const reference = referenceGraph(model, fullState);
    expect(new Set(full.graph.nodes)).toEqual(reference.nodes);
    expect(new Set(full.graph.initial)).toEqual(reference.initial);
    expect(new Set(full.graph.edges.map((e) => e.id))).toEqual(reference.edges);
    expect(full.states).toBe(reference.states);
    expect(full.truncated).toBe(false);
  });

  it('covers every edge of the graph, and every path is a behaviour of the spec', () => {
    expectFullCoverage(model, fullState, full.paths);
    for (const path of full.paths) expect(traceMismatch(path.trace, model)).toBeUndefined();
    // Fewer tests than edges: a path goes on along edges no path has taken yet.
    expect(full.paths.length).toBeLessThan(full.graph.edges.length / 2);
  });

  it('says which abstract edges each path takes, matching its steps', () => {
    for (const path of full.paths) {
      expect(path.edges.map((e) => e.id)).toEqual(edgesTaken(path, fullState));
      expect(path.initial).toBe(fullState(path.steps[0]!.values));
      expect(path.trace.states).toHaveLength(path.steps.length);
      expect(path.trace.spec).toBe('KvStore');
    }
  });

  it('replays every path cleanly on the correct store', async () => {
    for (const path of full.paths) {
      const result = await replay(path.steps, kvStoreBinding);
      expect(result.failure?.message).toBeUndefined();
      expect(result.stepsChecked).toBe(path.steps.length);
    }
  });

  it('has paths that diverge on the forgetful store, at a Delete', async () => {
    const failures = [];
    for (const path of full.paths) {
      const result = await replay(path.trace, forgetfulBinding);
      if (result.failure) failures.push(result.failure);
    }
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.action).toBe('Delete');
      expect(failure.reason).toBe('state-mismatch');
    }
    const first = full.paths.find((p) => p.steps.some((s) => s.action?.name === 'Delete'))!;
    await expect(replayCoveringPath(first, forgetfulBinding)).rejects.toThrow(
      /forgetful-kv-store diverges from the spec on .*Delete\(k = "[ab]"\).*differs after Delete/s,
    );
    await expect(replayCoveringPath(first, kvStoreBinding)).resolves.toBeUndefined();
  });

  it('gives the same paths on every run', () => {
    const again = coverTransitions(model, { abstract: fullState });
    expect(again.paths.map((p) => p.name)).toEqual(full.paths.map((p) => p.name));
  });

  it('uses the whole state as the abstract state by default', () => {
    const byDefault = coverTransitions(model);
    expect(byDefault.graph.nodes).toHaveLength(full.graph.nodes.length);
    expect(byDefault.graph.edges).toHaveLength(full.graph.edges.length);
    expect(byDefault.graph.initial).toEqual(['store = [a |-> 0, b |-> 0] /\\ writes = 0']);
  });
});

describe('coverTransitions with a coarse abstraction', () => {
  const model = kvModel();
  const full = coverTransitions(model, { abstract: fullState });
  const coarse = coverTransitions(model, { abstract: writesOnly });

  it('has fewer abstract states and edges, and needs fewer paths', () => {
    expect(coarse.graph.nodes).toEqual(['writes = 0', 'writes = 1', 'writes = 2', 'writes = 3']);
    expect(coarse.graph.edges.length).toBeLessThan(full.graph.edges.length);
    expect(coarse.paths.length).toBeLessThan(full.paths.length);
    // Delete keeps the number of writes: a self-loop of the abstract graph.
    expect(coarse.graph.edges.map((e) => e.id)).toContain('writes = 3 --Delete(k = "b")--> writes = 3');
  });

  it('still covers every edge of its graph, with behaviours of the spec that replay on the store', async () => {
    const reference = expectFullCoverage(model, writesOnly, coarse.paths);
    expect(new Set(coarse.graph.edges.map((e) => e.id))).toEqual(reference.edges);
    for (const path of coarse.paths) {
      expect(traceMismatch(path.trace, model)).toBeUndefined();
      expect((await replay(path.steps, kvStoreBinding)).ok).toBe(true);
    }
  });

  it('may also label edges coarsely: by action name only', () => {
    const byName = coverTransitions(model, { abstract: writesOnly, edgeLabel: (a) => a.name });
    expect(byName.graph.edges.map((e) => e.id).sort()).toEqual(
      [0, 1, 2]
        .map((w) => `writes = ${w} --Put--> writes = ${w + 1}`)
        .concat([1, 2, 3].map((w) => `writes = ${w} --Delete--> writes = ${w}`))
        .sort(),
    );
    const taken = new Set(byName.paths.flatMap((p) => p.edges.map((e) => e.id)));
    expect(taken.size).toBe(byName.graph.edges.length);
  });
});

describe('coverTransitions: the explored part of the spec', () => {
  it('honours a CONSTRAINT: states outside it are reached but not explored', () => {
    const model = kvModel('KvStoreBounded.cfg');
    const coverage = coverTransitions(model, { abstract: writesOnly });
    expect(coverage.graph.nodes).toEqual(['writes = 0', 'writes = 1', 'writes = 2']);
    expect(coverage.graph.edges.some((e) => e.from === 'writes = 2')).toBe(false);
    expectFullCoverage(model, writesOnly, coverage.paths);
  });

  it('stops at maxStates and covers the explored part', () => {
    const model = kvModel();
    const coverage = coverTransitions(model, { abstract: fullState, maxStates: 5 });
    expect(coverage.truncated).toBe(true);
    expect(coverage.states).toBe(5);
    expect(coverage.graph.nodes).toHaveLength(5);
    const taken = new Set(coverage.paths.flatMap((p) => edgesTaken(p, fullState)));
    expect(taken).toEqual(new Set(coverage.graph.edges.map((e) => e.id)));
    for (const path of coverage.paths) expect(traceMismatch(path.trace, model)).toBeUndefined();
  });

  it('starts paths in every initial state', () => {
    const model = fixtureModel('Switch');
    const abstract: Abstraction = (s) => `on = ${printValue(s.on!)}`;
    const coverage = coverTransitions(model, { abstract });
    expect(new Set(coverage.graph.initial)).toEqual(new Set(['on = FALSE', 'on = TRUE']));
    expect(new Set(coverage.paths.map((p) => p.initial))).toEqual(new Set(['on = FALSE', 'on = TRUE']));
    expectFullCoverage(model, abstract, coverage.paths);
  });

  it('keeps paths short when asked: maxPathLength limits how far a path goes on', () => {
    const model = kvModel();
    const short = coverTransitions(model, { abstract: fullState, maxPathLength: 1 });
    const longest = Math.max(...short.paths.map((p) => p.steps.length - 1));
    expect(longest).toBeLessThanOrEqual(4); // the deepest shortest path: three Puts and a Delete
    expectFullCoverage(model, fullState, short.paths);
    const full = coverTransitions(model, { abstract: fullState });
    expect(short.paths.length).toBeGreaterThan(full.paths.length);
  });

  it('reports an evaluation error of the spec with its place', () => {
    const model = fixtureModel('Broken');
    let error: unknown;
    try {
      coverTransitions(model);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecEvalError);
    expect((error as SpecEvalError).loc?.file).toMatch(/Broken\.tla$/);
  });
});
