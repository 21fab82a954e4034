/**
 * The simple deployment schedule: each campaign launches collectors at a constant rate between its start and end,
 * and each collector arrives on station `transferS` after its launch. The stream is cut into cohorts of `cohortS`
 * (the orbits' sampling units: a cohort's collectors arrive over its interval shifted by the flight, and its launch
 * time is the interval's middle, the mean launch time of a uniform stream); the count on station at t is the
 * stream's own, rate x (time launched and arrived), exact at any t.
 */
import type { Cohort } from './cohort.ts';

/** A launch campaign of the simple schedule, SI. */
export interface Campaign {
  readonly shellIndex: number;
  readonly startTdbS: number;
  readonly endTdbS: number;
  readonly collectorsPerS: number;
  readonly transferS: number;
}

export function cohortsFromSchedule(campaigns: readonly Campaign[], cohortS: number): Cohort[] {
  const cohorts: Cohort[] = [];
  for (const campaign of campaigns) {
    if (campaign.collectorsPerS <= 0) continue;
    const span = campaign.endTdbS - campaign.startTdbS;
    const intervals = Math.max(1, Math.ceil(span / cohortS - 1e-9));
    for (let k = 0; k < intervals; k += 1) {
      const startTdbS = campaign.startTdbS + k * cohortS;
      const endTdbS = k === intervals - 1 ? campaign.endTdbS : startTdbS + cohortS;
      cohorts.push({
        launchTdbS: 0.5 * (startTdbS + endTdbS),
        stationTdbS: startTdbS + campaign.transferS,
        lastStationTdbS: endTdbS + campaign.transferS,
        shellIndex: campaign.shellIndex,
        siteIndex: -1,
        collectorCount: campaign.collectorsPerS * (endTdbS - startTdbS),
      });
    }
  }
  return cohorts.sort((a, b) => a.stationTdbS - b.stationTdbS || a.shellIndex - b.shellIndex);
}

/**
 * The schedule's collectors on station at t, per shell, added into `out` (one value per shell): for each campaign,
 * rate x the part of [start, end] launched by t - transferS. Continuous in t, unlike a sum over cohorts.
 */
export function scheduledOnStationByShell(
  campaigns: readonly Campaign[],
  tdbS: number,
  out: Float64Array,
): void {
  for (const c of campaigns) {
    if (c.collectorsPerS <= 0) continue;
    const launchedS = Math.min(Math.max(tdbS - c.transferS - c.startTdbS, 0), c.endTdbS - c.startTdbS);
    if (launchedS > 0) out[c.shellIndex] = (out[c.shellIndex] ?? 0) + c.collectorsPerS * launchedS;
  }
}
