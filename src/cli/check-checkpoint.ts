/**
 * `tlaw check --checkpoint <minutes>` and `--recover <dir>`: where a
 * model's checkpoints go, and whether a checkpoint belongs to the model
 * being checked (its spec and cfg, by path and content).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { checkpointIdentity } from '../check/search/parallel/checkpoint.js';
import type { ParallelSearchOptions } from '../check/search/parallel/worker-level-search.js';

/** Folder of the checkpoints, under the working folder. */
export const CHECKPOINT_ROOT = 'tlaw-checkpoints';

/** The model's identity: the spec's and the cfg's paths and contents. */
export function modelIdentity(spec: string, config: string): string {
  const hash = createHash('sha256');
  for (const file of [spec, config])
    hash.update(resolve(file)).update('\0').update(readFileSync(file)).update('\0');
  return `${basename(spec)} ${basename(config)} ${hash.digest('hex').slice(0, 16)}`;
}

/** `tlaw-checkpoints/<spec>-<cfg>`: one checkpoint per model, replaced by each new one. */
export function checkpointDir(spec: string, config: string): string {
  return join(CHECKPOINT_ROOT, `${basename(spec, '.tla')}-${basename(config, '.cfg')}`);
}

export interface CheckpointRequest {
  /** Minutes between checkpoints (`--checkpoint`). */
  minutes?: number | undefined;
  /** Where they go (`--checkpoint-dir`; default: checkpointDir of the model). */
  dir?: string | undefined;
  /** Folder of the checkpoint to start from (`--recover`). */
  recover?: string | undefined;
}

/** The level search's checkpoint options, or why the checkpoint to recover from does not fit. */
export function checkpointOptions(
  request: CheckpointRequest,
  spec: string,
  config: string,
  report: (line: string) => void,
): { options: Pick<ParallelSearchOptions, 'checkpoint' | 'recover'>; problem?: string } {
  if (request.minutes === undefined && request.recover === undefined) return { options: {} };
  const identity = modelIdentity(spec, config);
  const options: Pick<ParallelSearchOptions, 'checkpoint' | 'recover'> = {};
  if (request.recover !== undefined) {
    const found = checkpointIdentity(request.recover);
    if (found.problem) return { options, problem: `--recover: ${found.problem}.` };
    if (found.identity !== identity)
      return {
        options,
        problem: `--recover: ${request.recover} is a checkpoint of ${found.identity}, not of ${identity} (the spec or cfg changed, or another model).`,
      };
    options.recover = { dir: request.recover };
  }
  if (request.minutes !== undefined) {
    options.checkpoint = {
      dir: request.dir ?? checkpointDir(spec, config),
      everyMs: request.minutes * 60_000,
      identity,
      onWritten: (dir) => report(`Checkpoint written to ${dir}`),
    };
  }
  return { options };
}
