/** Every `tlaw` sub-command, registered in the order `tlaw --help` lists them. */
import type { Command } from 'commander';
import { registerCheckCommand } from './check.js';
import { registerCiCommand } from './ci.js';
import { registerExploreCommand } from './explore.js';
import { registerGraphCommand } from './graph.js';
import { registerInitCommand } from './init.js';
import { registerParseCommand } from './parse.js';
import { registerReplayCommand } from './replay.js';
import { registerTlcCommand } from './tlc.js';
import { registerTraceCommand } from './trace.js';

export function registerCommands(program: Command): void {
  registerCheckCommand(program);
  registerCiCommand(program);
  registerParseCommand(program);
  registerReplayCommand(program);
  registerTraceCommand(program);
  registerExploreCommand(program);
  registerGraphCommand(program);
  registerInitCommand(program);
  registerTlcCommand(program);
}
