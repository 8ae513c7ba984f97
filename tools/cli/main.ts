#!/usr/bin/env node
// The `ppkit` executable: everything is in program.ts so tests can run the CLI in-process too.
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2));
