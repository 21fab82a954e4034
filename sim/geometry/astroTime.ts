/**
 * The one conversion from the project's time scale to astronomy-engine's. Everything in sim/ is TDB seconds past
 * J2000 (sim/time.ts); astronomy-engine is handed the TT of that instant (tdbSToTtS, |TDB - TT| < 2 ms) through
 * AstroTime.FromTerrestrialTime, so its ephemerides and ours share one scale whatever its own Delta-T model says.
 * Every module that asks astronomy-engine for a body's position takes its AstroTime from here.
 */
import { AstroTime } from 'astronomy-engine';

import { SECONDS_PER_DAY } from '../constants.ts';
import { tdbSToTtS } from '../time.ts';

/** astronomy-engine time for TDB seconds past J2000 (built from TT; see the module comment). */
export function astroTimeOf(tdbS: number): AstroTime {
  return AstroTime.FromTerrestrialTime(tdbSToTtS(tdbS) / SECONDS_PER_DAY);
}
