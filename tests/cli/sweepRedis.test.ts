// `essaim sweep --redis` and `essaim worker` against a real Redis (Debian's redis-server, started here on
// 127.0.0.1 and a free port, nothing saved to disk) and real worker processes: one worker is SIGKILLed while it
// runs a sample, the coordinator is SIGKILLed after the first result and a second one continues with --resume.
// The checks are independent of the code under test: BullMQ's own event stream (every sample completed exactly
// once), DuckDB reading samples.parquet, and the embedded run of the same study (percentiles.csv and
// sensitivity.csv byte for byte). The base scenario is the small one of tests/cli/sweep.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { QUEUE_NAME } from '../../src/node/sweepRedis.ts';
import { cli, filesIn, tempDir } from './helpers.ts';

const REDIS_SERVER = '/usr/bin/redis-server';
const FROM = '2030-01-01';
const TO = '2033-01-01';
const SAMPLES = 6;
/** Process start-ups (tsx compiles on the fly) and the stalled-job retry (<= 15 s) on 2 shared cores. */
const STEP_TIMEOUT_MS = 60_000;

/** A spawned process and what it printed, with a way to await a line. */
interface Spawned {
  readonly child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
let dir: string;
let url: string;
let connection: DuckDBConnection;

function start(command: string, args: readonly string[]): Spawned {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd() });
  children.push(child);
  let text = '';
  const waiters: Array<{ pattern: RegExp; resolve: (m: RegExpExecArray) => void }> = [];
  const onData = (chunk: Buffer): void => {
    text += chunk.toString();
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(text);
      if (match !== null) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const match = pattern.exec(text);
        if (match !== null) return resolve(match);
        waiters.push({ pattern, resolve });
        void exited.then((code) =>
          reject(new Error(`${args.join(' ')} exited (${code}) before printing ${pattern}:\n${text}`)),
        );
      }),
  };
}

const essaim = (...args: string[]): Spawned =>
  start(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args]);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

beforeAll(async () => {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `${REDIS_SERVER} is not installed: these tests need Debian's redis-server (apt-get install -y redis-server; .ci/run installs it)`,
    );
  }
  dir = await tempDir();
  // A free port can be taken by another process before redis-server binds it: try a few.
  let port = 0;
  for (let attempt = 1; port === 0; attempt += 1) {
    const candidate = await freePort();
    const redis = start(REDIS_SERVER, [
      ...['--bind', '127.0.0.1', '--port', String(candidate)],
      ...['--save', '', '--appendonly', 'no', '--dir', dir],
    ]);
    try {
      await redis.waitFor(/Ready to accept connections/);
      port = candidate;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  url = `redis://127.0.0.1:${port}`;
  connection = await (await DuckDBInstance.create(':memory:')).connect();

  const baseline = JSON.parse(await readFile('assets/scenarios/baseline.json', 'utf8')) as Record<
    string,
    unknown
  > & { shells: Array<Record<string, unknown>>; collector: Record<string, unknown> };
  const shell = { ...baseline.shells[0], name: 'shell', semiMajorAxisAu: [0.95, 1.05] };
  const base: Record<string, unknown> = {
    ...baseline,
    name: 'sweep-redis-test',
    from: FROM,
    to: TO,
    shells: [shell],
    deployment: [{ shell: 'shell', start: FROM, end: TO, collectorsPerYear: 2000 }],
    collector: { ...baseline.collector, arealDensityKgM2: 0.01 },
  };
  delete base['growth'];
  delete base['earth'];
  delete base['energy'];
  delete (base['collector'] as Record<string, unknown>)['billOfMaterials'];
  await writeFile(join(dir, 'base.json'), JSON.stringify(base, null, 2));
  await writeFile(
    join(dir, 'study.json'),
    JSON.stringify({
      title: 'redis',
      scenario: 'base.json',
      seed: 5,
      run: { from: FROM, to: TO, step: '1y', tracers: 120 },
      design: { kind: 'latin-hypercube', samples: SAMPLES },
      parameters: [
        { path: 'collector.arealDensityKgM2', distribution: { kind: 'log-uniform', min: 0.003, max: 0.03 } },
        { path: 'collector.conversionEfficiency', distribution: { kind: 'uniform', min: 0.1, max: 0.3 } },
      ],
      outputs: [
        { figure: 'capturedPowerW', at: ['2032-01-01', 'last'] },
        { figure: 'massInOrbitKg', at: 'last' },
      ],
    }),
  );
}, STEP_TIMEOUT_MS);

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  connection?.closeSync();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

async function parquetRows(out: string): Promise<unknown[]> {
  const reader = await connection.runAndReadAll(
    `SELECT * FROM read_parquet('${join(out, 'samples.parquet')}') ORDER BY "index"`,
  );
  return reader.getRowObjectsJS();
}

describe('essaim sweep --redis', () => {
  it('bad --redis URLs and unreachable servers exit 2 naming --redis, writing nothing', async () => {
    const study = join(dir, 'study.json');
    const out = join(dir, 'bad-out');
    for (const bad of ['localhost:6379', 'http://127.0.0.1:6379', 'redis://']) {
      const result = await cli('sweep', '--sweep', study, '--out', out, '--redis', bad);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--redis: must be a redis:\/\/HOST:PORT/);
    }
    // A port nothing listens on (freePort closed it): refused at once, well within the connect timeout.
    const closed = `redis://127.0.0.1:${await freePort()}`;
    const result = await cli('sweep', '--sweep', study, '--out', out, '--redis', closed);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--redis: cannot reach the Redis server at redis:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/,
    );
    expect((await cli('sweep', '--sweep', study, '--out', out, '--resume')).stderr).toMatch(
      /--resume: .*--redis/,
    );
    expect((await cli('worker', '--redis', 'redis:/nohost')).code).toBe(2);
    expect(await filesIn(out)).toEqual([]);
  });

  it(
    'two workers (one SIGKILLed mid-sample) and a resumed coordinator give the embedded run, each sample once',
    async () => {
      const study = join(dir, 'study.json');
      const embedded = join(dir, 'embedded');
      const viaRedis = join(dir, 'redis');
      const run = await cli('sweep', '--sweep', study, '--out', embedded, '--workers', '2');
      expect(run.code).toBe(0);

      // BullMQ's own event stream, read from before the first job is added.
      const events = new QueueEvents(QUEUE_NAME, { connection: { url }, lastEventId: '0' });
      const completed = new Map<string, number>();
      let allCompleted: () => void = () => undefined;
      const everyCompleted = new Promise<void>((resolve) => (allCompleted = resolve));
      let firstCompleted: () => void = () => undefined;
      const oneCompleted = new Promise<void>((resolve) => (firstCompleted = resolve));
      events.on('completed', ({ jobId }) => {
        completed.set(jobId, (completed.get(jobId) ?? 0) + 1);
        firstCompleted();
        if (completed.size === SAMPLES) allCompleted();
      });
      try {
        await events.waitUntilReady();
        const coordinator = essaim('sweep', '--sweep', study, '--out', viaRedis, '--redis', url);
        const [, hash] = await coordinator.waitFor(/study ([0-9a-f]{16}): 6 samples queued/);

        // Worker A takes one sample and dies while running it; worker B must take the rest and, once A's
        // lock lapses, A's sample too.
        const a = essaim('worker', '--redis', url, '--concurrency', '1');
        const [, killed] = await a.waitFor(/sample ([0-9a-f]{16}-\d+) started/);
        a.child.kill('SIGKILL');
        await a.exited;
        const b = essaim('worker', '--redis', url, '--concurrency', '1');

        // The coordinator is stopped outright after the first result: it has written nothing.
        await oneCompleted;
        coordinator.child.kill('SIGKILL');
        await coordinator.exited;
        expect(existsSync(join(viaRedis, 'sweep.json'))).toBe(false);

        const resumed = await cli('sweep', '--sweep', study, '--out', viaRedis, '--redis', url, '--resume');
        expect(resumed.stderr).toMatch(/already done/);
        expect(resumed.code).toBe(0);
        await everyCompleted;

        // Every sample completed exactly once, A's killed one included.
        const ids = Array.from({ length: SAMPLES }, (_, i) => `${hash}-${i}`);
        expect([...completed.keys()].sort()).toEqual([...ids].sort());
        expect([...completed.values()]).toEqual(ids.map(() => 1));
        expect(ids).toContain(killed);
        expect(a.output()).not.toContain(`sample ${killed} done`);

        expect(await parquetRows(viaRedis)).toEqual(await parquetRows(embedded));
        // The same writer over the same records: the same bytes, too.
        expect(await readFile(join(viaRedis, 'samples.parquet'))).toEqual(
          await readFile(join(embedded, 'samples.parquet')),
        );
        for (const file of ['percentiles.csv', 'sensitivity.csv']) {
          expect(await readFile(join(viaRedis, file), 'utf8')).toBe(
            await readFile(join(embedded, file), 'utf8'),
          );
        }
        const counts = (
          JSON.parse(await readFile(join(viaRedis, 'sweep.json'), 'utf8')) as { counts: unknown }
        ).counts;
        expect(counts).toEqual(
          (JSON.parse(await readFile(join(embedded, 'sweep.json'), 'utf8')) as { counts: unknown }).counts,
        );

        // The finished study is gone from Redis: resuming it again is refused.
        const again = await cli('sweep', '--sweep', study, '--out', viaRedis, '--redis', url, '--resume');
        expect(again.code).toBe(2);
        expect(again.stderr).toMatch(/--resume: .*holds no unfinished run of this study/);

        b.child.kill('SIGTERM');
        expect(await b.exited).toBe(0);
      } finally {
        await events.close();
      }
    },
    4 * STEP_TIMEOUT_MS,
  );
});
