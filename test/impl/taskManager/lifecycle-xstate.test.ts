/**
 * xstate model-based tests of one task's lifecycle against the running
 * HTTP API. The spec's state graph (the lifecycle model, every state) is projected
 * on the status of task 1; `coverTransitions` (xstate's path search over the
 * spec) picks behaviours that together take every edge of that lifecycle
 * graph, and each behaviour replays request by request on a fresh server
 * with every state compared.
 */
import { describe, expect, it } from 'vitest';
import { type AbstractEdge, coverTransitions } from '../../../src/mbt/index.js';
import { xstateTests } from '../../../src/mbt/vitest-xstate.js';
import { taskApiBinding } from './binding.js';
import { lifecycleOf, NEVER_TAKEN, SPEC_TRANSITIONS } from './lifecycle.js';
import { loadTaskModel } from './models.js';

const model = loadTaskModel('taskmanager/Lifecycle.cfg');
const options = { abstract: lifecycleOf, edgeLabel: (a: { name: string }) => a.name };

const statusChange = (e: AbstractEdge) => `${e.from} -> ${e.to}`;

describe('lifecycle of a task: transition coverage', () => {
  const coverage = coverTransitions(model, options);
  const taken = new Set(coverage.paths.flatMap((p) => p.edges.map((e) => e.id)));

  it('explores the whole CI model and covers every edge of the lifecycle graph', () => {
    expect(coverage.truncated).toBe(false);
    expect(coverage.graph.nodes.sort()).toEqual(
      ['absent', 'blocked', 'cancelled', 'completed', 'deleted', 'in_progress', 'pending'].sort(),
    );
    expect(coverage.graph.edges.filter((e) => !taken.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('covers every status change of the spec this design takes, and no other', () => {
    const changes = new Set(
      coverage.graph.edges
        .filter((e) => e.from !== e.to && SPEC_TRANSITIONS.includes(statusChange(e) as never))
        .map(statusChange),
    );
    expect([...changes].sort()).toEqual(SPEC_TRANSITIONS.filter((t) => !NEVER_TAKEN.includes(t)).sort());
    const invalid = coverage.graph.edges
      .filter((e) => e.from !== e.to && !['absent', 'deleted'].includes(e.from) && e.to !== 'deleted')
      .map(statusChange)
      .filter((t) => !SPEC_TRANSITIONS.includes(t as never));
    expect(invalid).toEqual([]);
  });
});

describe('lifecycle paths replayed on the HTTP API', () => {
  xstateTests(model, taskApiBinding('Correct'), { ...options, timeout: 30_000 });
});
