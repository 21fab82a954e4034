/**
 * The mass-driver streams of a growth history, for the scene: one stream per lunar site, whose packets follow the
 * site's trajectory template (lunarStreamTemplate.ts: the CR3BP curve of its launch speed) placed at t in the
 * Earth-Moon rotating frame (lunarStreamPositions.ts, sim/geometry/lunarFrame.ts), each with the site's launch
 * rate at its launch time (launchRates.ts). Random access: the streams at t depend on t only.
 */
import { InputError, requireFinite } from '../errors.ts';
import { lunarRotatingFrameAt, type LunarRotatingFrame } from '../geometry/lunarFrame.ts';
import { piecewiseLinearSlope, piecewiseLinearValue } from '../numeric/piecewiseLinear.ts';
import type { GrowthHistory } from './integrate.ts';
import { cumulativeLaunchedKg } from './launchRates.ts';
import { writeLunarStreamPositionsM } from './lunarStreamPositions.ts';
import {
  LUNAR_ESCAPE_SPEED_MS,
  lunarStreamTemplate,
  type LunarStreamOptions,
  type LunarStreamTemplate,
} from './lunarStreamTemplate.ts';

/** One lunar site's stream at one instant. SI units; fresh arrays, owned by the caller. */
export interface MassDriverStreamState {
  readonly site: string;
  readonly siteIndex: number;
  /** The site's launch rate at t, kg/s. */
  readonly launchRateKgPerS: number;
  /** Packet ages, s, evenly spaced over [0, durationS] of the site's template. */
  readonly agesS: Float64Array;
  /** Packet positions, heliocentric ECLIPJ2000, m, xyz interleaved. */
  readonly positionsM: Float64Array;
  /** The site's launch rate at each packet's launch time t - age, kg/s (0: no packet). */
  readonly packetRateKgPerS: Float64Array;
}

export interface MassDriverStreams {
  /** Names of the lunar sites (body 'moon'), in site order. */
  readonly sites: readonly string[];
  /** The lunar sites with their index among the growth model's sites and their stream's template. */
  readonly lunarSites: ReadonlyArray<{
    readonly name: string;
    readonly siteIndex: number;
    readonly template: LunarStreamTemplate;
  }>;
  /**
   * The streams at tdbS (TDB seconds past J2000), `packetsPerStream` packets each (integer >= 1): one per lunar
   * site that is launching at tdbS or launched anything in [tdbS - durationS, tdbS]. Pure and random access.
   */
  streamsAt(tdbS: number, packetsPerStream: number): MassDriverStreamState[];
}

interface LunarSite {
  readonly name: string;
  readonly index: number;
  readonly template: LunarStreamTemplate;
  readonly cumulativeKg: Float64Array;
}

/**
 * The mass-driver streams of a growth history: one template per lunar site (sites with `body: 'moon'`; the same
 * launch speed shares one), built once. Throws InputError naming the site's launch speed when it does not exceed
 * lunar escape (a site may override its escape speed in the scenario; the stream is always the Moon's).
 */
export function createMassDriverStreams(
  history: GrowthHistory,
  options: LunarStreamOptions = {},
): MassDriverStreams {
  const templates = new Map<number, LunarStreamTemplate>();
  const sites: LunarSite[] = [];
  history.params.sites.forEach((site, index) => {
    if (site.body !== 'moon') return;
    const speed = site.massDriver.launchSpeedMS;
    let template = templates.get(speed);
    if (template === undefined) {
      try {
        template = lunarStreamTemplate(speed, options);
      } catch (error) {
        if (error instanceof InputError && error.field === 'launchSpeedMS') {
          throw new InputError(
            `${speed / 1000} km/s does not escape the Moon (${(LUNAR_ESCAPE_SPEED_MS / 1000).toFixed(4)} km/s)`,
            `growth.sites[${index}].massDriver.launchSpeedKmS`,
          );
        }
        throw error;
      }
      templates.set(speed, template);
    }
    sites.push({ name: site.name, index, template, cumulativeKg: cumulativeLaunchedKg(history, index) });
  });
  const times = history.timesTdbS;
  const count = history.sampleCount;

  const streamsAt = (tdbS: number, packetsPerStream: number): MassDriverStreamState[] => {
    requireFinite(tdbS, 'tdbS');
    if (!(Number.isInteger(packetsPerStream) && packetsPerStream >= 1)) {
      throw new InputError(`must be an integer >= 1, got ${packetsPerStream}`, 'packetsPerStream');
    }
    const states: MassDriverStreamState[] = [];
    let frame: LunarRotatingFrame | undefined;
    for (const site of sites) {
      const { template, cumulativeKg } = site;
      const duration = template.durationS;
      const cumulative = (i: number): number => cumulativeKg[i] as number;
      const launchRateKgPerS = piecewiseLinearSlope(times, count, cumulative, tdbS);
      const launchedInWindowKg =
        piecewiseLinearValue(times, count, cumulativeKg, tdbS) -
        piecewiseLinearValue(times, count, cumulativeKg, tdbS - duration);
      // A stream exists while something launched in [t - durationS, t] is still in flight, or is leaving now.
      if (!(launchedInWindowKg > 0 || launchRateKgPerS > 0)) continue;
      frame ??= lunarRotatingFrameAt(tdbS);
      const agesS = new Float64Array(packetsPerStream);
      const packetRateKgPerS = new Float64Array(packetsPerStream);
      const spacing = packetsPerStream > 1 ? duration / (packetsPerStream - 1) : 0;
      for (let k = 0; k < packetsPerStream; k += 1) {
        // The last age is durationS exactly, whatever the rounding of k * spacing.
        const age = k === packetsPerStream - 1 && k > 0 ? duration : k * spacing;
        agesS[k] = age;
        packetRateKgPerS[k] = piecewiseLinearSlope(times, count, cumulative, tdbS - age);
      }
      const positionsM = new Float64Array(3 * packetsPerStream);
      writeLunarStreamPositionsM(template, frame, agesS, positionsM);
      states.push({
        site: site.name,
        siteIndex: site.index,
        launchRateKgPerS,
        agesS,
        positionsM,
        packetRateKgPerS,
      });
    }
    return states;
  };

  return {
    sites: sites.map((site) => site.name),
    lunarSites: sites.map((site) => ({ name: site.name, siteIndex: site.index, template: site.template })),
    streamsAt,
  };
}
