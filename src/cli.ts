#!/usr/bin/env node
/** Entry point of the `tlaw` binary (bin/tlaw.js loads the compiled form of this file). */
import { main } from './cli/main.js';

await main(process.argv);
