/**
 * The simple deployment schedule: each campaign launches collectors at a constant rate between its start and end,
 * cut into cohorts of `cohortS`. A cohort's collectors are counted as launched at the middle of its interval (the
 * mean launch time of a uniform stream) and arrive on station `transferS` later.
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
      const launchTdbS = 0.5 * (startTdbS + endTdbS);
      cohorts.push({
        launchTdbS,
        stationTdbS: launchTdbS + campaign.transferS,
        shellIndex: campaign.shellIndex,
        siteIndex: -1,
        collectorCount: campaign.collectorsPerS * (endTdbS - startTdbS),
      });
    }
  }
  return cohorts.sort((a, b) => a.stationTdbS - b.stationTdbS || a.shellIndex - b.shellIndex);
}
