/**
 * The trace explorer: a trace (with its spec sources and the run's action
 * coverage) as one self-contained HTML page, and state-graph pictures.
 */
export { type PageAction, type PageData, type PageOptions, type PageState, pageData } from './page-data.js';
export { renderPage } from './page-html.js';
export { locateSource, readSources, sourceFilesOf } from './sources.js';
export { changedPaths, SEP, type ValueNode, valueTree } from './value-tree.js';
