/**
 * SDP4 cost over 2030-2040 for a geostationary power satellite: flat, against plain satellite.js.
 *
 * Baseline (ratio 1): plain satellite.js `sgp4(satrec, tsince)` from one element set with epoch 2030-01-01, at
 * instants spread over the decade. For a 24-hour resonant orbit satellite.js restarts SDP4's resonance
 * integrator at the epoch on every call (720-min steps), so its cost grows with the time from epoch.
 *
 * Entries (positions per second, one thread, best of repetitions (bench/measure.ts), measured in this run):
 * - `sgp4-geo-plain`: the baseline, over the decade;
 * - `sgp4-geo-flat`: the same element set and instants through the integrator cache (sim/earth/sdp4Cache.ts):
 *   the same SGP4 trajectory to 1e-6 km, at most 10 integrator steps a call;
 * - `sgp4-geo-stationkept`: the scenario's own model of a slot (orbitModel.ts), a fresh element set every 7 days,
 *   pre-generated for the span, so SDP4 is never more than a week from its epoch;
 * - `sgp4-geo-plain-YYYY` and `sgp4-geo-flat-YYYY`: instants within each year, both against the baseline's
 *   first year (2030), to show the plain cost growing and the cached cost flat.
 * Building the cache is a one-off cost per satellite and run (one integration across the decade, 25-40 ms on the
 * 2-core development machine); it is not a position rate, so it has no entry. Results are sunk into a checksum
 * so the loops cannot be optimised away. Ratios, not wall-clock times, are the figures to read.
 */
import { json2satrec, sgp4, type SatRec } from 'satellite.js';

import { buildSdp4Cache, cachedSatrec, toOmm } from '../sim/earth/index.ts';
import { stationKeptOrbit, temeAt } from '../sim/earth/orbitModel.ts';
import { utcMsToTdbS } from '../sim/time.ts';
import { bestRate, quick } from './measure.ts';
import type { BenchEntry } from './types.ts';

const EPOCH_UTC_MS = Date.UTC(2030, 0, 1);
const YEARS = 10;
const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
const BACKEND = 'cpu (satellite.js 7.1 sgp4, JavaScript)';
const ENVIRONMENT = `node ${process.version}`;

/** Instants per repetition: plain SDP4 late in the decade costs ~0.3-1 ms a call. */
const PLAIN_CALLS = quick() ? 20 : 150;
const FAST_CALLS = quick() ? 200 : 3000;
const REPETITIONS = quick() ? 1 : 3;

/** A deterministic spread of instants in [fromMs, toMs) (golden-ratio sequence: no RNG, no clustering). */
function instants(fromMs: number, toMs: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < count; k += 1) out[k] = fromMs + ((k * phi) % 1) * (toMs - fromMs);
  return out;
}

let sink = 0;

/** Positions per second of `propagate` over `times` (UTC ms): best of REPETITIONS after a warm-up pass. */
function rate(times: Float64Array, propagate: (utcMs: number) => number): Promise<number> {
  return bestRate(
    times.length,
    () => {
      for (let k = 0; k < times.length; k += 1) sink += propagate(times[k] as number);
    },
    { repetitions: REPETITIONS },
  );
}

function entry(
  name: string,
  positionsPerS: number,
  baseline: string,
  baselinePerS: number,
  note: string,
): BenchEntry {
  return {
    name,
    backend: BACKEND,
    tracers: 1,
    threads: 1,
    positionsPerS,
    ratioToBaseline: positionsPerS / baselinePerS,
    software: false,
    baseline,
    environment: ENVIRONMENT,
    note,
  };
}

export default async function sgp4Bench(): Promise<BenchEntry[]> {
  const satrec: SatRec = json2satrec(
    toOmm('BENCH-GEO', {
      catalogNumber: 99100,
      epochUtcMs: EPOCH_UTC_MS,
      meanMotionRevPerDay: 1.00272,
      eccentricity: 2e-4,
      inclinationDeg: 0.05,
      raanDeg: 80,
      argPerigeeDeg: 10,
      meanAnomalyDeg: 250,
      bstar: 0,
    }),
  );
  const endMs = EPOCH_UTC_MS + YEARS * YEAR_MS;
  const toMin = (utcMs: number) => (utcMs - EPOCH_UTC_MS) / 60_000;
  const cache = buildSdp4Cache(satrec, 0, toMin(endMs));

  const plain = (utcMs: number) => sgp4(satrec, toMin(utcMs))?.position.x ?? 0;
  const flat = (utcMs: number) => {
    const t = toMin(utcMs);
    return sgp4(cachedSatrec(cache, t), t)?.position.x ?? 0;
  };
  const kept = stationKeptOrbit(
    {
      kind: 'station-kept',
      name: 'BENCH-SLOT',
      catalogNumber: 99101,
      longitudeRad: -0.04,
      inclinationRad: 0,
      cycleMs: 7 * DAY_MS,
      anchorUtcMs: EPOCH_UTC_MS,
    },
    EPOCH_UTC_MS,
    endMs,
  );
  const stationKept = (utcMs: number) => {
    const result = temeAt(kept, utcMsToTdbS(utcMs));
    return result.ok ? result.pv.position.x : 0;
  };

  // Warm every path up (JIT) on early instants, where plain SDP4 is cheap.
  for (const propagate of [plain, flat, stationKept]) {
    for (const t of instants(EPOCH_UTC_MS, EPOCH_UTC_MS + 30 * DAY_MS, 2000)) sink += propagate(t);
  }

  const base = 'sgp4-geo-plain';
  const plainDecade = await rate(instants(EPOCH_UTC_MS, endMs, PLAIN_CALLS), plain);
  const fastDecade = instants(EPOCH_UTC_MS, endMs, FAST_CALLS);
  const entries: BenchEntry[] = [
    entry(
      base,
      plainDecade,
      base,
      plainDecade,
      'plain satellite.js sgp4 from the 2030-01-01 element epoch, instants over 2030-2040',
    ),
    entry(
      'sgp4-geo-flat',
      await rate(fastDecade, flat),
      base,
      plainDecade,
      'same element set and trajectory through the SDP4 integrator cache',
    ),
    entry(
      'sgp4-geo-stationkept',
      await rate(fastDecade, stationKept),
      base,
      plainDecade,
      'station-kept slot: weekly element sets, pre-generated',
    ),
  ];
  const firstYear = 'sgp4-geo-plain-2030';
  let firstYearPerS = 0;
  for (let y = 0; y < YEARS; y += 1) {
    const from = EPOCH_UTC_MS + y * YEAR_MS;
    const to = from + YEAR_MS;
    const plainYear = await rate(instants(from, to, PLAIN_CALLS), plain);
    if (y === 0) firstYearPerS = plainYear;
    entries.push(
      entry(
        `sgp4-geo-plain-${2030 + y}`,
        plainYear,
        firstYear,
        firstYearPerS,
        `plain SDP4, instants within ${2030 + y}`,
      ),
    );
    entries.push(
      entry(
        `sgp4-geo-flat-${2030 + y}`,
        await rate(instants(from, to, FAST_CALLS), flat),
        firstYear,
        firstYearPerS,
        `cached SDP4, instants within ${2030 + y}`,
      ),
    );
  }
  if (!Number.isFinite(sink)) throw new Error('sgp4 bench: non-finite checksum');
  return entries;
}
