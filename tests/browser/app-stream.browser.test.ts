/**
 * The worker contract without the worker: the pure session (sim/stream/session.ts) and the page's client
 * (src/app/state/simClient.ts) wired back to back through a stand-in port, so that the ordering of replies can be
 * controlled. A newer load supersedes an older one; stale snapshot replies are dropped; snapshots keep being
 * answered from the current world while a new one is built; a failed load leaves the current world as it was.
 */
import { expect, test } from 'vitest';
import { createWorld, isoToTdbS, loadScenario } from '../../sim/index.ts';
import { FIGURES, figureValues } from '../../sim/report/figures.ts';
import {
  transferablesOf,
  type LoadedReply,
  type SeriesReply,
  type SimReply,
  type SimRequest,
  type SnapshotReply,
} from '../../sim/stream/messages.ts';
import { createSimSession } from '../../sim/stream/session.ts';
import { SimClient, type WorkerLike } from '../../src/app/state/simClient.ts';

/** A snapshot reply with no figures and nothing to draw (for the ordering checks). */
function emptySnapshotReply(seq: number, worldSeq: number, tdbS: number): SnapshotReply {
  return {
    type: 'snapshot',
    seq,
    worldSeq,
    tdbS,
    values: {},
    texts: {},
    earth: null,
    links: [],
    streams: [],
    moonPole: [0, 0, 1],
    transit: [],
    warnings: [],
  };
}

/** A worker stand-in: requests go to a session; replies are held until flush() so their order can be changed. */
function harness(options: { reorder?: boolean } = {}) {
  const held: SimReply[] = [];
  let listener: ((event: MessageEvent<unknown>) => void) | null = null;
  const session = createSimSession({
    post: (reply) => void held.push(reply),
    yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => performance.now(),
  });
  const worker: WorkerLike = {
    postMessage: (message) => session.handle(message as SimRequest),
    addEventListener: (type: string, callback: unknown) => {
      if (type === 'message') listener = callback as (event: MessageEvent<unknown>) => void;
    },
    terminate: () => undefined,
  };
  const flush = (): void => {
    const replies = options.reorder === true ? held.splice(0).reverse() : held.splice(0);
    for (const reply of replies) listener?.(new MessageEvent('message', { data: reply }));
  };
  return { worker, flush, held };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

test('a newer load supersedes an older one, which is never answered', async () => {
  const { worker, flush } = harness();
  const loaded: LoadedReply[] = [];
  const client = new SimClient(worker, {
    onProgress: () => undefined,
    onLoaded: (reply) => void loaded.push(reply),
    onSeries: () => undefined,
    onLoadFailed: () => undefined,
    onSnapshot: () => undefined,
    onSnapshotSettled: () => undefined,
    onWorkerError: () => undefined,
  });
  client.load({ kind: 'builtin', name: 'baseline' }, { tracers: 300 });
  const second = client.load({ kind: 'builtin', name: 'baseline' }, { tracers: 400 });
  await expect
    .poll(
      async () => {
        await settle();
        flush();
        return loaded.length;
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  expect(loaded[0]?.seq).toBe(second);
  expect(loaded[0]?.tracers).toBe(400);
  // the render buffers travel as transferables, not copies
  const buffers = transferablesOf(loaded[0] as LoadedReply);
  expect(buffers.length).toBeGreaterThan(6);
  expect(buffers).toContain((loaded[0] as LoadedReply).swarm.orbitA.buffer);
});

test('stale snapshot replies are dropped; the figures are the core’s', async () => {
  const { worker, flush, held } = harness({ reorder: true });
  const loaded: LoadedReply[] = [];
  const shown: Array<{ tdbS: number; values: Readonly<Record<string, number>> }> = [];
  let settled = 0;
  const client = new SimClient(worker, {
    onProgress: () => undefined,
    onLoaded: (reply) => void loaded.push(reply),
    onSeries: () => undefined,
    onLoadFailed: () => undefined,
    onSnapshot: (reply) => void shown.push({ tdbS: reply.tdbS, values: reply.values }),
    onSnapshotSettled: () => void (settled += 1),
    onWorkerError: () => undefined,
  });
  const seq = client.load({ kind: 'builtin', name: 'baseline' }, { tracers: 500 });
  await expect
    .poll(
      async () => {
        await settle();
        flush();
        return loaded.length;
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  client.setWorld(seq);

  // one request in flight at a time
  const t1 = isoToTdbS('2048-01-01');
  const t2 = isoToTdbS('2049-01-01');
  expect(client.requestSnapshot(t1)).toBe(true);
  expect(client.requestSnapshot(t2)).toBe(false);
  flush();
  expect(settled).toBe(1);
  expect(client.requestSnapshot(t2)).toBe(true);
  // a reply to an older request arriving after the newer one (flush reverses the order) is dropped
  held.push(emptySnapshotReply(1, seq, 0));
  flush();
  expect(shown.map((s) => s.tdbS)).toEqual([t1, t2]);
  // a reply for another world is dropped too
  held.push(emptySnapshotReply(10_000, seq + 1, 1));
  flush();
  expect(shown).toHaveLength(2);

  // and the figures are exactly the core's
  const reference = createWorld(loadScenario('baseline'), { tracers: 500 }).snapshot(t2);
  expect(shown[1]?.values).toEqual(figureValues(reference).values);
});

test('a failed load names the field and keeps the current world answering', async () => {
  const { worker, flush } = harness();
  const loaded: LoadedReply[] = [];
  const failures: string[] = [];
  const shown: number[] = [];
  const client = new SimClient(worker, {
    onProgress: () => undefined,
    onLoaded: (reply) => void loaded.push(reply),
    onSeries: () => undefined,
    onLoadFailed: (reply) =>
      void failures.push(`${reply.badInput ? 'bad input' : 'internal'}: ${reply.message}`),
    onSnapshot: (reply) => void shown.push(reply.tdbS),
    onSnapshotSettled: () => undefined,
    onWorkerError: () => undefined,
  });
  const seq = client.load({ kind: 'builtin', name: 'baseline' }, { tracers: 300 });
  await expect
    .poll(
      async () => {
        await settle();
        flush();
        return loaded.length;
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  client.setWorld(seq);
  client.load({ kind: 'json', text: '{"name": "Bad Name"}', fileName: 'bad.json' });
  await expect
    .poll(async () => {
      await settle();
      flush();
      return failures.length;
    })
    .toBe(1);
  expect(failures[0]).toMatch(/^bad input: bad\.json is not a valid scenario/);
  expect(failures[0]).toContain('name');
  const t = isoToTdbS('2050-01-01');
  expect(client.requestSnapshot(t)).toBe(true);
  flush();
  expect(shown).toEqual([t]);
});

test('the world comes with a yearly series, and the monthly one follows for that world only', async () => {
  const { worker, flush } = harness();
  const loaded: LoadedReply[] = [];
  const refined: SeriesReply[] = [];
  const client = new SimClient(worker, {
    onProgress: () => undefined,
    onLoaded: (reply) => void loaded.push(reply),
    onSeries: (reply) => void refined.push(reply),
    onLoadFailed: () => undefined,
    onSnapshot: () => undefined,
    onSnapshotSettled: () => undefined,
    onWorkerError: () => undefined,
  });
  const seq = client.load({ kind: 'builtin', name: 'baseline' }, { tracers: 300 });
  await expect
    .poll(
      async () => {
        await settle();
        flush();
        return loaded.length;
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  client.setWorld(seq);
  const coarse = loaded[0]?.series;
  expect(coarse?.timesTdbS.length).toBe(22); // 2030..2050 every year, and 2050-12-31
  await expect
    .poll(
      async () => {
        await settle();
        flush();
        return refined.length;
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  const fine = refined[0]?.series;
  expect(fine?.timesTdbS.length).toBe(253); // every month, and 2050-12-31
  // the yearly points are among the monthly ones, with the same figures
  const world = createWorld(loadScenario('baseline'), { tracers: 300 });
  const t = coarse?.timesTdbS[15] as number;
  const k = Array.from(fine?.timesTdbS ?? []).indexOf(t);
  expect(k).toBeGreaterThan(0);
  expect(fine?.columns['capturedPowerW']?.[k]).toBe(world.snapshot(t).capturedPowerW);
  expect(coarse?.columns['capturedPowerW']?.[15]).toBe(world.snapshot(t).capturedPowerW);
  // the columns are the catalogue's figures (a per-site one per site), with the values it reads
  const keys = new Set<string>(FIGURES.map((figure) => figure.key));
  for (const key of Object.keys(fine?.columns ?? {}))
    expect(keys.has(key.split('.')[0] ?? ''), key).toBe(true);
  const values = figureValues(world.snapshot(t)).values;
  for (const [key, value] of Object.entries(values)) expect(fine?.columns[key]?.[k], key).toBe(value);
});
