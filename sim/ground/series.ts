/**
 * A dated series, SI: knots at TDB seconds, read by the projection rule the scenario states (schema.ts):
 * linear between knots; before the first knot its value (or 0 for a series that `startsAtZero`); after the last
 * knot its value times (1 + g)^(years since it), g the growth per Julian year. Pure, allocation-free reads.
 */
import { SECONDS_PER_JULIAN_YEAR } from '../constants.ts';
import { InputError } from '../errors.ts';
import { countAtOrBelow } from '../numeric/search.ts';

export interface Series {
  /** Knot times, TDB s past J2000, strictly increasing. */
  readonly tdbS: Float64Array;
  /** Values at the knots, in the series' SI unit. */
  readonly values: Float64Array;
  /** ln(1 + g) per second after the last knot (0 holds the last value). */
  readonly logGrowthPerS: number;
  readonly startsAtZero: boolean;
}

/** A series from knots (times strictly increasing) and its rules; throws InputError naming `field`. */
export function makeSeries(
  tdbS: readonly number[],
  values: readonly number[],
  options: { growthAfterPerYear: number; startsAtZero: boolean },
  field: string,
): Series {
  if (tdbS.length === 0 || tdbS.length !== values.length) {
    throw new InputError(
      `must have as many values as dates (at least one), got ${tdbS.length} and ${values.length}`,
      field,
    );
  }
  for (let k = 0; k < tdbS.length; k += 1) {
    if (!Number.isFinite(tdbS[k]) || !Number.isFinite(values[k])) {
      throw new InputError(`point ${k} must be finite, got (${tdbS[k]}, ${values[k]})`, field);
    }
    if (k > 0 && !((tdbS[k] as number) > (tdbS[k - 1] as number))) {
      throw new InputError(`point ${k} must be after point ${k - 1}`, field);
    }
  }
  if (!(options.growthAfterPerYear > -1)) {
    throw new InputError(`growthAfterPerYear must be > -1, got ${options.growthAfterPerYear}`, field);
  }
  return {
    tdbS: Float64Array.from(tdbS),
    values: Float64Array.from(values),
    logGrowthPerS: Math.log1p(options.growthAfterPerYear) / SECONDS_PER_JULIAN_YEAR,
    startsAtZero: options.startsAtZero,
  };
}

/** The series' value at t (TDB s). */
export function seriesAt(series: Series, t: number): number {
  const { tdbS, values } = series;
  const count = tdbS.length;
  const first = tdbS[0] as number;
  if (t < first) return series.startsAtZero ? 0 : (values[0] as number);
  const last = tdbS[count - 1] as number;
  if (t >= last) return (values[count - 1] as number) * Math.exp(series.logGrowthPerS * (t - last));
  const i = countAtOrBelow(tdbS, t) - 1;
  const t0 = tdbS[i] as number;
  const t1 = tdbS[i + 1] as number;
  const v0 = values[i] as number;
  const v1 = values[i + 1] as number;
  return v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
}
