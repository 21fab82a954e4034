/**
 * Launch rates of a growth history's sites, for the brightness of the mass-driver streams: each packet carries the
 * site's launch rate at its launch time (siteLaunchRateKgPerS: the slope of the site's cumulative launched mass
 * between the samples around t, sim/numeric/piecewiseLinear.ts).
 */
import { InputError, requireFinite } from '../errors.ts';
import { piecewiseLinearSlope } from '../numeric/piecewiseLinear.ts';
import type { GrowthHistory } from './integrate.ts';
import { PATH } from './layout.ts';

function checkSiteIndex(history: GrowthHistory, siteIndex: number): void {
  if (!(Number.isInteger(siteIndex) && siteIndex >= 0 && siteIndex < history.layout.siteCount)) {
    throw new InputError(
      `must be an integer in [0, ${history.layout.siteCount - 1}], got ${siteIndex}`,
      'siteIndex',
    );
  }
}

/** State offsets of the launchedKg slots of one site's paths. */
function launchedSlots(history: GrowthHistory, siteIndex: number): number[] {
  const slots: number[] = [];
  const layout = history.layout;
  for (let p = 0; p < layout.pathCount; p += 1) {
    if (layout.pathSite[p] === siteIndex) slots.push(layout.pathOffset(p) + PATH.launchedKg);
  }
  return slots;
}

/** The site's cumulative launched mass at every sample, kg (sum over its paths). */
export function cumulativeLaunchedKg(history: GrowthHistory, siteIndex: number): Float64Array {
  const slots = launchedSlots(history, siteIndex);
  const size = history.layout.size;
  const out = new Float64Array(history.sampleCount);
  for (let i = 0; i < history.sampleCount; i += 1) {
    let sum = 0;
    for (const slot of slots) sum += history.states[i * size + slot] as number;
    out[i] = sum;
  }
  return out;
}

/**
 * Launch rate of site `siteIndex` at tdbS (TDB seconds past J2000), kg/s: the slope of the site's cumulative
 * launched mass (the sum of PATH.launchedKg over its paths) between the history samples around tdbS. The cumulative
 * mass is read as piecewise linear, so the rate is piecewise constant and its integral over the span is exactly the
 * mass launched. Right-continuous at the samples; 0 outside the history's span.
 */
export function siteLaunchRateKgPerS(history: GrowthHistory, siteIndex: number, tdbS: number): number {
  checkSiteIndex(history, siteIndex);
  requireFinite(tdbS, 'tdbS');
  const slots = launchedSlots(history, siteIndex);
  const size = history.layout.size;
  const cumulative = (i: number): number => {
    let sum = 0;
    for (const slot of slots) sum += history.states[i * size + slot] as number;
    return sum;
  };
  return piecewiseLinearSlope(history.timesTdbS, history.sampleCount, cumulative, tdbS);
}
