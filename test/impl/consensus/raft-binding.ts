/**
 * The binding of specs/RaftElection.tla to the Raft implementation
 * (src/impl/consensus/raft/): a cluster of nodes (xstate role machines on
 * simulated clocks) on a simulated network. `Timeout(i)` and `Heartbeat(i)`
 * let node i's clock run to its election or heartbeat timer; the Handle
 * actions deliver the message `m` from the network; `Drop(m)` loses it;
 * `ClientRequest(i)` sends node i a client command. The cluster is observed
 * as the spec's variables, the messages in flight included.
 */
import { RecordValue, type Value } from '../../../src/check/value/index.js';
import {
  type NodeView,
  RaftCluster,
  type RaftMessage,
  type RaftVariant,
} from '../../../src/impl/consensus/raft/index.js';
import {
  asBoolean,
  asNumber,
  asString,
  defineBinding,
  tlaFcn,
  tlaRecord,
  tlaSeq,
  tlaSet,
} from '../../../src/mbt/index.js';
import { cfgConstant, cfgSet } from './models.js';

export interface RaftConstants {
  servers: string[];
  variant: RaftVariant;
}

/** Servers and Variant of a RaftElection cfg (path relative to specs/). */
export function raftConstantsOf(config: string): RaftConstants {
  return {
    servers: cfgSet(config, 'Servers'),
    variant: cfgConstant(config, 'Variant').replaceAll('"', '') as RaftVariant,
  };
}

function field(record: Value | undefined, name: string): Value | undefined {
  if (record instanceof RecordValue) return record.field(name);
  throw new Error('expected a message record');
}

/** A spec message (a record) as the implementation's message. */
export function toMessage(m: Value | undefined): RaftMessage {
  const f = (name: string) => field(m, name);
  const base = { term: asNumber(f('term')), src: asString(f('src')), dst: asString(f('dst')) };
  const type = asString(f('type'));
  switch (type) {
    case 'RequestVote':
      return {
        type,
        ...base,
        lastLogTerm: asNumber(f('lastLogTerm')),
        lastLogIndex: asNumber(f('lastLogIndex')),
      };
    case 'Vote':
      return { type, ...base, voteGranted: asBoolean(f('voteGranted')) };
    case 'Heartbeat':
      return { type, ...base };
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

/** The implementation's message as the spec's record. */
export function fromMessage(m: RaftMessage): Value {
  return tlaRecord({ ...m });
}

/** The cluster as the spec's variables. */
export function observeCluster(cluster: RaftCluster): Record<string, Value> {
  const views = [...cluster.views()];
  const per = (pick: (view: NodeView) => Value) => tlaFcn(views.map(([id, v]) => [id, pick(v)] as const));
  return {
    currentTerm: per((v) => v.term),
    role: per((v) => v.role),
    votedFor: per((v) => v.votedFor ?? 'none'),
    votesGranted: per((v) => tlaSet(v.votes)),
    log: per((v) => tlaSeq(v.log)),
    messages: tlaSet(cluster.network.messages().map(fromMessage)),
  };
}

export function raftBinding({ servers, variant }: RaftConstants, implementation: RaftVariant = variant) {
  return defineBinding<RaftCluster>({
    name: `Raft ${implementation} (${servers.length} servers)`,
    create: () => new RaftCluster({ ids: servers, variant: implementation }),
    dispose: (cluster) => cluster.stop(),
    actions: {
      Timeout: (c, { i }) => c.node(asString(i)).electionTimeout(),
      Heartbeat: (c, { i }) => c.node(asString(i)).heartbeatTimeout(),
      ClientRequest: (c, { i }) => c.node(asString(i)).clientRequest(),
      HandleRequestVote: (c, { m }) => c.network.deliver(toMessage(m)),
      HandleVote: (c, { m }) => c.network.deliver(toMessage(m)),
      HandleHeartbeat: (c, { m }) => c.network.deliver(toMessage(m)),
      Drop: (c, { m }) => c.network.drop(toMessage(m)),
    },
    observe: observeCluster,
  });
}
