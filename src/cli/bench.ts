/**
 * `essaim bench`: the benchmark figures (bench/run.ts). Prints the table and writes bench/latest.json (or --out)
 * atomically; a failing benchmark module makes the command fail (exit code 1) after the others ran.
 */
import { Command } from 'commander';

import type { CliIo } from './io.ts';

export function createBenchCommand(io: CliIo): Command {
  return new Command('bench')
    .description(
      'run the benchmarks: a table, and bench/latest.json (ratios against a baseline of the same run)',
    )
    .option(
      '--only <names>',
      'comma-separated module names (bench/NAME.bench.ts), e.g. propagation,gpu-browser',
    )
    .option('--out <file>', 'where to write the JSON (default: bench/latest.json)')
    .action(async (options: { only?: string; out?: string }) => {
      const { runBenchmarks } = await import('../../bench/run.ts');
      const result = await runBenchmarks({
        ...(options.only !== undefined ? { only: options.only.split(',').filter((s) => s !== '') } : {}),
        ...(options.out !== undefined ? { outPath: options.out } : {}),
        stdout: io.stdout,
        stderr: io.stderr,
      });
      if (result.failures.length > 0) {
        throw new Error(`bench: ${result.failures.map((f) => f.module).join(', ')} failed (see above)`);
      }
    });
}
