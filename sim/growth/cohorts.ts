/**
 * Cohorts from the integrated history: for each path (site -> shell), the collectors launched in each interval of
 * `cohortS` (from the start of the scenario) form one cohort. Between samples the cumulative launched mass is
 * linear in time, so a cohort's launch time is the mass-weighted mean launch time of its interval, exact for
 * that piecewise-linear history. Its collectors arrive one flight after their launches: from the start of the first
 * sample interval with launches in the cohort to the end of the last one, plus the flight (the tracers spread over
 * that window; the count on station at t is the growth model's own, GrowthState collectorsOnStationByShell). The
 * counts telescope: their sum is the total launched mass over the collector's unit mass.
 */
import type { Cohort } from '../swarm/cohort.ts';
import { PATH, type Layout } from './layout.ts';
import type { GrowthParams } from './params.ts';
import type { CollectorModel } from './rates.ts';

export function buildCohorts(
  params: GrowthParams,
  layout: Layout,
  collector: CollectorModel,
  times: Float64Array,
  states: Float64Array,
  fromTdbS: number,
  toTdbS: number,
  cohortS: number,
): Cohort[] {
  const cohorts: Cohort[] = [];
  const count = times.length;
  for (let p = 0; p < layout.pathCount; p += 1) {
    const siteIndex = layout.pathSite[p] ?? 0;
    const target = params.sites[siteIndex]?.targets[layout.pathTarget[p] ?? 0];
    if (target === undefined) continue;
    const slot = layout.pathOffset(p) + PATH.launchedKg;
    let j = 0;
    let massKg = 0;
    let massTimeKgS = 0;
    let firstLaunchTdbS = Infinity;
    let lastLaunchTdbS = -Infinity;
    const boundary = (k: number): number => Math.min(toTdbS, fromTdbS + k * cohortS);
    const emit = (): void => {
      if (massKg > 0) {
        const launchTdbS = massTimeKgS / massKg;
        cohorts.push({
          launchTdbS,
          stationTdbS: firstLaunchTdbS + target.transferS,
          lastStationTdbS: lastLaunchTdbS + target.transferS,
          shellIndex: target.shellIndex,
          siteIndex,
          collectorCount: massKg / collector.unitMassKg,
        });
      }
      massKg = 0;
      massTimeKgS = 0;
      firstLaunchTdbS = Infinity;
      lastLaunchTdbS = -Infinity;
    };
    for (let i = 0; i + 1 < count; i += 1) {
      const t0 = times[i] ?? 0;
      const t1 = times[i + 1] ?? 0;
      const dL = (states[(i + 1) * layout.size + slot] ?? 0) - (states[i * layout.size + slot] ?? 0);
      if (!(t1 > t0)) continue;
      let a = t0;
      while (a < t1) {
        while (boundary(j + 1) <= a && boundary(j + 1) < toTdbS) {
          emit();
          j += 1;
        }
        const b = Math.min(t1, boundary(j + 1) < toTdbS ? boundary(j + 1) : t1);
        const portion = (dL * (b - a)) / (t1 - t0);
        if (portion > 0) {
          massKg += portion;
          massTimeKgS += portion * 0.5 * (a + b);
          firstLaunchTdbS = Math.min(firstLaunchTdbS, a);
          lastLaunchTdbS = Math.max(lastLaunchTdbS, b);
        }
        a = b;
      }
    }
    emit();
  }
  return cohorts.sort(
    (x, y) => x.stationTdbS - y.stationTdbS || x.shellIndex - y.shellIndex || x.siteIndex - y.siteIndex,
  );
}
