/**
 * Beam profiles reused across link budgets. A profile (diffraction.ts buildBeamProfile) depends on the taper and on
 * uMax only through the grid length it gives (profileGridCount), so two budgets whose antennas have the same taper
 * and whose reach falls in the same grid length get the same Float64Arrays, bit for bit: a run's links, whose
 * antennas never change and whose slant ranges move by parts in 1e5, build their profile once instead of at every
 * output time. Profiles are never mutated after they are built (every reader only indexes them).
 *
 * The memo is bounded (MAX_PROFILES, oldest dropped first) and holds only pure-function results, so it changes no
 * answer and carries no state between runs that a caller could observe, except time.
 */
import { buildBeamProfile, PROFILE_STEP_U, U_GRID_MAX, type BeamProfile } from './diffraction.ts';
import { gaussianTaper } from './taper.ts';

/** Profiles kept; a run has a few links, a sweep a few hundred designs: enough for both, ~20 MB at most. */
const MAX_PROFILES = 256;

const profiles = new Map<string, BeamProfile>();

/** The grid length buildBeamProfile gives for uMax: the only way uMax enters its result. */
export function profileGridCount(uMax: number): number {
  const covered = Math.min(U_GRID_MAX, Math.max(uMax, 4 * PROFILE_STEP_U));
  return Math.ceil(covered / PROFILE_STEP_U) + 2;
}

/** buildBeamProfile(gaussianTaper(taperDb), uMax), memoised on (taperDb, grid length). */
export function gaussianBeamProfile(taperDb: number, uMax: number): BeamProfile {
  const key = `${taperDb}|${profileGridCount(uMax)}`;
  const known = profiles.get(key);
  if (known !== undefined) return known;
  const profile = buildBeamProfile(gaussianTaper(taperDb), uMax);
  if (profiles.size >= MAX_PROFILES) profiles.delete(profiles.keys().next().value as string);
  profiles.set(key, profile);
  return profile;
}
