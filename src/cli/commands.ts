/** Every `tlaw` sub-command, registered in the order `tlaw --help` lists them. */
import type { Command } from 'commander';
import { registerCheckCommand } from './check.js';
import { registerParseCommand } from './parse.js';

export function registerCommands(program: Command): void {
  registerCheckCommand(program);
  registerParseCommand(program);
}
