/** Raft leader election: the role machine, nodes, a simulated network and clusters. */
export { type ClusterOptions, RaftCluster, type RandomRunOptions, runRandomly } from './cluster.js';
export { grantsVote, isQuorum, lastLogTerm, logUpToDate } from './election-rules.js';
export { SimulatedNetwork } from './network.js';
export { type NodeView, RaftNode, type RaftNodeOptions } from './node.js';
export {
  type RaftRoleMachine,
  type RoleContext,
  type RoleEvent,
  type RoleInput,
  raftRoleMachine,
} from './role-machine.js';
export type { Heartbeat, RaftMessage, RaftVariant, RequestVote, Role, ServerId, Vote } from './types.js';
export { messageKey } from './types.js';
