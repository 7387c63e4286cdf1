/** Every `tlaw` sub-command, registered in the order `tlaw --help` lists them. */
import type { Command } from 'commander';

export function registerCommands(program: Command): void {
  void program;
}
