/**
 * The trace explorer: a trace (with its spec sources and the run's action
 * coverage) as one self-contained HTML page, and state-graph pictures.
 */

export { graphToDot } from './graph-dot.js';
export { dotToSvg, graphPage } from './graph-render.js';
export { type PageAction, type PageData, type PageOptions, type PageState, pageData } from './page-data.js';
export { renderPage } from './page-html.js';
export { locateSource, readSources, sourceFilesOf } from './sources.js';
export {
  buildStateGraph,
  type GraphEdge,
  type GraphNode,
  type StateGraph,
  type StateGraphOptions,
} from './state-graph.js';
export { changedPaths, SEP, type ValueNode, valueTree } from './value-tree.js';
