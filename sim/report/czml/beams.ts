/**
 * The power beams of the Earth segment (sim/earth/segment.ts): one polyline per satellite -> rectenna pair that
 * the core ever assigns, joining the two packets' positions (both FIXED, earthSegment.ts), straight (`arcType`
 * NONE). Its `show` intervals follow the link: on while the core assigns the satellite to the site and the
 * satellite's transmitter has power, off in the Earth's umbra. Its width follows the grid power of the lit link
 * (style.ts beamWidthPx).
 *
 * - Assignment and lit power: earthSegmentAt with the shadow ignored, every LINK_SAMPLE_STEP_S and at every
 *   service boundary of the segment (satellites in service and retired, sites commissioned and retired: the
 *   instants where the assignment can jump); held from one sample to the next. A geostationary satellite keeps its
 *   site; a drifting one changes sites to within a day.
 * - Umbra: findEclipses (sim/earth/eclipseLoss.ts: contacts by bisection to 0.01 s on the conical shadow of
 *   sim/earth/eclipse.ts). In the umbra the transmitter gets dcPowerW x (1 - 1) = 0 and the core's link budget is
 *   null; in the penumbra the link runs at reduced power and the beam stays on (at its lit width: the penumbra
 *   lasts about 2 minutes).
 */
import { SECONDS_PER_DAY } from '../../constants.ts';
import { findEclipses } from '../../earth/eclipseLoss.ts';
import type { EarthSegment } from '../../earth/resolve.ts';
import { earthSegmentAt } from '../../earth/segment.ts';
import { rectennaPacketId, satellitePacketId, withinRun } from './earthSegment.ts';
import { BODY_COLORS, beamWidthPx, rgbaOfHex } from './style.ts';
import type { CzmlTimeline } from './timeline.ts';

/** Step of the assignment and power samples, s: a day (service boundaries are added exactly). */
export const LINK_SAMPLE_STEP_S = SECONDS_PER_DAY;

export interface BeamPacket {
  readonly id: string;
  readonly name: string;
  readonly availability: string;
  readonly polyline: {
    readonly positions: { readonly references: [string, string] };
    readonly arcType: 'NONE';
    readonly width: { readonly epoch: string; readonly number: number[] };
    readonly material: { readonly solidColor: { readonly color: { readonly rgba: number[] } } };
    readonly show: Array<{ readonly interval: string; readonly boolean: boolean }>;
  };
}

/** A span of TDB time, [from, to). */
type Span = readonly [number, number];

/** The link samples: every LINK_SAMPLE_STEP_S over the run and every service boundary inside it, ascending. */
function linkSampleTimes(earth: EarthSegment, fromTdbS: number, toTdbS: number): number[] {
  const times = new Set<number>();
  const count = Math.ceil((toTdbS - fromTdbS) / LINK_SAMPLE_STEP_S);
  for (let k = 0; k < count; k += 1) times.add(fromTdbS + k * LINK_SAMPLE_STEP_S);
  const boundaries = [
    ...earth.satellites.flatMap((s) => [s.inServiceTdbS, s.retireTdbS]),
    ...earth.sites.flatMap((s) => [s.commissionedTdbS, s.retireTdbS]),
  ];
  for (const t of boundaries) if (t > fromTdbS && t < toTdbS) times.add(t);
  return [...times].sort((a, b) => a - b);
}

/** `spans` (disjoint, ascending) minus `holes` (ascending): the on-intervals of a beam. */
export function subtractSpans(spans: readonly Span[], holes: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const [a, b] of spans) {
    let start = a;
    for (const [h0, h1] of holes) {
      if (h1 <= start || h0 >= b) continue;
      if (h0 > start) out.push([start, h0]);
      start = Math.max(start, h1);
      if (start >= b) break;
    }
    if (start < b) out.push([start, b]);
  }
  return out;
}

/** `on` spans within [from, to] as CZML boolean intervals that cover [from, to] (true on, false between). */
function showIntervals(
  timeline: CzmlTimeline,
  on: readonly Span[],
  fromTdbS: number,
  toTdbS: number,
): Array<{ interval: string; boolean: boolean }> {
  const out: Array<{ interval: string; boolean: boolean }> = [];
  let cursor = fromTdbS;
  for (const [a, b] of on) {
    if (a > cursor) out.push({ interval: timeline.interval(cursor, a), boolean: false });
    out.push({ interval: timeline.interval(a, b), boolean: true });
    cursor = b;
  }
  if (cursor < toTdbS) out.push({ interval: timeline.interval(cursor, toTdbS), boolean: false });
  return out;
}

interface LinkTrack {
  readonly sat: number;
  readonly site: number;
  readonly spans: Array<[number, number]>;
  readonly width: number[];
}

/**
 * The beams of `earth` over the run's output times `times` (TDB s, ascending). `onSample` is called after each
 * link sample.
 */
export function beamPackets(
  timeline: CzmlTimeline,
  earth: EarthSegment,
  times: readonly number[],
  onSample?: (done: number, total: number) => void,
): BeamPacket[] {
  const fromTdbS = times[0] as number;
  const toTdbS = times[times.length - 1] as number;
  const samples = linkSampleTimes(earth, fromTdbS, toTdbS);
  const siteIndex = new Map(earth.sites.map((s, k) => [s.name, k] as const));
  const tracks = new Map<string, LinkTrack>();
  samples.forEach((t, k) => {
    const next = samples[k + 1] ?? toTdbS;
    const state = earthSegmentAt(earth, t, { ignoreShadow: true, skipHeliocentric: true });
    state.perSatellite.forEach((satState, sat) => {
      if (satState.servedSite === null) return;
      const site = siteIndex.get(satState.servedSite) as number;
      const key = `${sat}/${site}`;
      let track = tracks.get(key);
      if (track === undefined) {
        track = { sat, site, spans: [], width: [] };
        tracks.set(key, track);
      }
      const last = track.spans[track.spans.length - 1];
      if (last !== undefined && last[1] === t) last[1] = next;
      else track.spans.push([t, next]);
      const powerW = state.perSite[site]?.deliveredPowerGridW ?? 0;
      track.width.push(timeline.offsetS(t), beamWidthPx(powerW));
    });
    onSample?.(k + 1, samples.length);
  });
  const umbraBySatellite = new Map<number, Span[]>();
  const rgba = rgbaOfHex(BODY_COLORS.microwaveBeam);
  return [...tracks.values()].map((track) => {
    const sat = earth.satellites[track.sat] as (typeof earth.satellites)[number];
    const site = earth.sites[track.site] as (typeof earth.sites)[number];
    let umbra = umbraBySatellite.get(track.sat);
    if (umbra === undefined) {
      const service = withinRun(sat.inServiceTdbS, sat.retireTdbS, fromTdbS, toTdbS);
      umbra =
        service === null
          ? []
          : findEclipses(sat.orbit, service[0], service[1])
              .filter((e) => e.umbraStartTdbS !== null && e.umbraEndTdbS !== null)
              .map((e) => [e.umbraStartTdbS as number, e.umbraEndTdbS as number] as const);
      umbraBySatellite.set(track.sat, umbra);
    }
    const first = (track.spans[0] as Span)[0];
    const last = (track.spans[track.spans.length - 1] as Span)[1];
    return {
      id: `beam:${satellitePacketId(sat)}->${rectennaPacketId(site)}`,
      name: `${sat.name} -> ${site.name}`,
      availability: timeline.interval(first, last),
      polyline: {
        positions: {
          references: [`${satellitePacketId(sat)}#position`, `${rectennaPacketId(site)}#position`],
        },
        arcType: 'NONE',
        width: { epoch: timeline.epochIso, number: track.width },
        material: { solidColor: { color: { rgba } } },
        show: showIntervals(timeline, subtractSpans(track.spans, umbra), first, last),
      },
    };
  });
}
