/** Process entry point of the `essaim` command (bin/essaim.mjs loads the compiled form of this file). */
import { runCli } from './main.ts';

process.exitCode = await runCli(process.argv.slice(2));
