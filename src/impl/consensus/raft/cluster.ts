/**
 * A cluster of Raft nodes on one simulated network, and a seeded random run
 * of it: timers firing, messages delivered out of order, duplicated or
 * dropped, partitions made and healed. Every leader ever elected is recorded
 * by term, so a run shows whether two leaders ever shared a term.
 */
import { seededRandom } from '../byzantine/traitors.js';
import { SimulatedNetwork } from './network.js';
import { type NodeView, RaftNode } from './node.js';
import type { RaftVariant, ServerId } from './types.js';

export interface ClusterOptions {
  ids: ServerId[];
  variant?: RaftVariant;
}

export class RaftCluster {
  readonly network = new SimulatedNetwork();
  readonly nodes = new Map<ServerId, RaftNode>();
  /** term -> servers that were leader in it, over the whole history. */
  readonly leadersByTerm = new Map<number, Set<ServerId>>();

  constructor(options: ClusterOptions) {
    for (const id of options.ids) {
      const node = new RaftNode({
        id,
        peers: options.ids.filter((p) => p !== id),
        ...(options.variant ? { variant: options.variant } : {}),
        send: (m) => this.network.send(m),
      });
      this.nodes.set(id, node);
      this.network.attach(id, (m) => {
        node.receive(m);
        this.recordLeaders();
      });
    }
  }

  node(id: ServerId): RaftNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`no server ${id}`);
    return node;
  }

  views(): Map<ServerId, NodeView> {
    return new Map([...this.nodes].map(([id, n]) => [id, n.view()]));
  }

  /** Terms in which more than one server was leader. */
  splitBrainTerms(): number[] {
    return [...this.leadersByTerm].filter(([, ids]) => ids.size > 1).map(([term]) => term);
  }

  recordLeaders(): void {
    for (const [id, view] of this.views()) {
      if (view.role !== 'leader') continue;
      const leaders = this.leadersByTerm.get(view.term) ?? new Set<ServerId>();
      leaders.add(id);
      this.leadersByTerm.set(view.term, leaders);
    }
  }

  stop(): void {
    for (const node of this.nodes.values()) node.stop();
  }
}

export interface RandomRunOptions {
  steps: number;
  seed: number;
  /** Chance that a delivered message stays in flight to be delivered again. */
  duplicate?: number;
  /** Chance that a step drops a message instead of delivering it. */
  drop?: number;
  /** Chance per step of a new random partition (healed with the same chance). */
  partition?: number;
}

/** Runs a cluster for `steps` random events; returns it for inspection (stopped). */
export function runRandomly(options: ClusterOptions, run: RandomRunOptions): RaftCluster {
  const cluster = new RaftCluster(options);
  const random = seededRandom(run.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let partitioned = false;
  for (let step = 0; step < run.steps; step++) {
    const messages = cluster.network.messages();
    const r = random();
    if (r < (run.partition ?? 0)) {
      if (partitioned) cluster.network.heal();
      else cluster.network.partition([options.ids.filter(() => random() < 0.5)]);
      partitioned = !partitioned;
    } else if (messages.length > 0 && random() < 0.75) {
      const message = pick(messages);
      if (random() < (run.drop ?? 0)) cluster.network.drop(message);
      else cluster.network.deliver(message, { keep: random() < (run.duplicate ?? 0) });
    } else {
      const node = cluster.node(pick(options.ids));
      if (node.view().role === 'leader') node.heartbeatTimeout();
      else node.electionTimeout();
      cluster.recordLeaders();
    }
  }
  cluster.stop();
  return cluster;
}
