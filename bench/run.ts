/**
 * `npm run bench` (and `essaim bench`): runs every bench/NAME.bench.ts module (default export
 * `(): Promise<BenchEntry[]>`, propagation first, then by name), prints a table, and writes all entries to
 * bench/latest.json atomically (a temporary file renamed over it). A module that throws is reported on stderr and
 * makes the run fail (exit code 1), but the others still run and are written.
 *
 *   npm run bench                      all modules
 *   npm run bench -- --only propagation,sgp4
 *   npm run bench -- --out other.json
 *   BENCH_QUICK=1 npm run bench        small sizes: a smoke run, its figures mean nothing
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { writeFilesAtomically } from '../src/node/atomicWrite.ts';
import type { BenchEntry } from './types.ts';

export type { BenchEntry } from './types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const MODULE = /^([\w-]+)\.bench\.(ts|js)$/;
/** Modules run first, in this order; the rest follow by name. */
const FIRST = ['propagation', 'gpu-browser'];

export interface BenchRunOptions {
  /** Module names (file name without .bench.ts) to run; all when absent. */
  readonly only?: readonly string[];
  /** Where to write the entries; default bench/latest.json beside this file. */
  readonly outPath?: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface BenchRunResult {
  readonly entries: BenchEntry[];
  /** Modules that threw, with the message. */
  readonly failures: ReadonlyArray<{ readonly module: string; readonly error: string }>;
  readonly outPath: string;
}

/** The module names found beside this file, in run order. */
export async function benchModules(): Promise<Array<{ name: string; file: string }>> {
  const files = await readdir(HERE);
  const found = new Map<string, string>();
  for (const file of files) {
    const match = MODULE.exec(file);
    if (match !== null && !file.endsWith('.d.ts') && !found.has(match[1] as string))
      found.set(match[1] as string, file);
  }
  const rank = (name: string): number => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  return [...found.entries()]
    .map(([name, file]) => ({ name, file }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** Throw unless `value` is an array of well-formed BenchEntry (finite rates, boolean software). */
export function checkEntries(module: string, value: unknown): BenchEntry[] {
  if (!Array.isArray(value))
    throw new Error(`${module}: the default export must resolve to an array of entries`);
  for (const [i, entry] of value.entries()) {
    const e = entry as Partial<Record<keyof BenchEntry, unknown>>;
    const where = `${module}[${i}]${typeof e.name === 'string' ? ` (${e.name})` : ''}`;
    if (typeof e.name !== 'string' || e.name === '')
      throw new Error(`${where}: name must be a non-empty string`);
    if (typeof e.backend !== 'string') throw new Error(`${where}: backend must be a string`);
    for (const field of ['tracers', 'threads', 'positionsPerS', 'ratioToBaseline'] as const) {
      const v = e[field];
      if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
        throw new Error(`${where}: ${field} must be a finite number >= 0, got ${String(v)}`);
      }
    }
    if (typeof e.software !== 'boolean')
      throw new Error(`${where}: software must be true or false, got ${String(e.software)}`);
  }
  return value as BenchEntry[];
}

function si(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(2)} G`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(2)} k`;
  return value.toFixed(2);
}

/** The readable table printed by the runner. */
export function formatBenchTable(entries: readonly BenchEntry[]): string {
  const header = ['name', 'backend', 'tracers', 'threads', 'per s', 'ratio', 'software'];
  const rows = entries.map((e) => [
    e.name,
    e.backend,
    String(e.tracers),
    String(e.threads),
    si(e.positionsPerS),
    `${e.ratioToBaseline.toFixed(2)}x`,
    e.software ? 'SOFTWARE' : '',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) =>
        c >= 2 && c <= 5 ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number),
      )
      .join('  ')
      .trimEnd();
  const notes = entries.filter((e) => e.note !== undefined).map((e) => `  ${e.name}: ${e.note}`);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    'ratio: against the baseline measured in the same run and environment (the entry named in its `baseline`).',
    'SOFTWARE: a GPU code path executed on the CPU (SwiftShader or WebAssembly); not GPU speed.',
    ...(notes.length > 0 ? ['', 'notes:', ...notes] : []),
    '',
  ].join('\n');
}

/** Run the modules (see the module comment), print the table and write the JSON. */
export async function runBenchmarks(options: BenchRunOptions): Promise<BenchRunResult> {
  const outPath = options.outPath ?? join(HERE, 'latest.json');
  const modules = await benchModules();
  const unknown = (options.only ?? []).filter((name) => !modules.some((m) => m.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `no bench module named ${unknown.join(', ')} (have: ${modules.map((m) => m.name).join(', ')})`,
    );
  }
  const selected =
    options.only === undefined ? modules : modules.filter((m) => options.only?.includes(m.name));
  const entries: BenchEntry[] = [];
  const failures: Array<{ module: string; error: string }> = [];
  for (const { name, file } of selected) {
    const started = performance.now();
    options.stderr(`bench: ${name} ...\n`);
    try {
      const module = (await import(pathToFileURL(join(HERE, file)).href)) as { default?: unknown };
      if (typeof module.default !== 'function') throw new Error('no default export function');
      entries.push(...checkEntries(name, await (module.default as () => Promise<unknown>)()));
      options.stderr(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ module: name, error: message });
      options.stderr(`bench: ${name} FAILED: ${message}\n`);
    }
  }
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`bench: two entries are named ${e.name}`);
    names.add(e.name);
  }
  options.stdout(formatBenchTable(entries));
  await writeFilesAtomically([{ path: outPath, contents: `${JSON.stringify(entries, null, 2)}\n` }]);
  options.stdout(`wrote ${entries.length} entries to ${outPath}\n`);
  return { entries, failures, outPath };
}

/** Command-line entry: tsx bench/run.ts [--only a,b] [--out FILE]. */
async function main(argv: readonly string[]): Promise<number> {
  let only: string[] | undefined;
  let outPath: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--only') only = (argv[++i] ?? '').split(',').filter((s) => s !== '');
    else if (arg.startsWith('--only='))
      only = arg
        .slice(7)
        .split(',')
        .filter((s) => s !== '');
    else if (arg === '--out') outPath = argv[++i];
    else if (arg.startsWith('--out=')) outPath = arg.slice(6);
    else {
      process.stderr.write(
        `bench: unknown argument ${arg}\nusage: npm run bench -- [--only NAME,...] [--out FILE]\n`,
      );
      return 2;
    }
  }
  const result = await runBenchmarks({
    ...(only !== undefined ? { only } : {}),
    ...(outPath !== undefined ? { outPath } : {}),
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
  });
  return result.failures.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
