/** Number and date formatting for the panels, the charts and the timeline. */
import { AU_M, SECONDS_PER_JULIAN_YEAR } from '../../../sim/constants.ts';
import { formatNumber } from '../../../sim/report/formatNumber.ts';
import { tdbSToIso } from '../../../sim/time.ts';

const SI_PREFIXES: ReadonlyArray<readonly [number, string]> = [
  [1e24, 'Y'],
  [1e21, 'Z'],
  [1e18, 'E'],
  [1e15, 'P'],
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** 3 significant digits: 15.7, 157, 1.57. */
function sig3(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A value with an SI prefix on `unit`: 1.566e10 W -> "15.7 GW". */
export function formatSi(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return `0 ${unit}`;
  const abs = Math.abs(value);
  for (const [scale, prefix] of SI_PREFIXES) {
    if (abs >= scale) return `${sig3(value / scale)} ${prefix}${unit}`;
  }
  if (abs >= 1) return `${sig3(value)} ${unit}`;
  return `${value.toExponential(2)} ${unit}`;
}

/** Whole numbers with thousands separators: 5828.3 -> "5,828". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1e15) return value.toExponential(3);
  return Math.round(value).toLocaleString('en-US');
}

/** Square metres in a square astronomical unit. */
const AU2_M2 = AU_M * AU_M;

/**
 * Area, m² -> km² above 1 km², with "million"/"billion" past 1e6 km², and past 1e12 km² the tables' scientific
 * form (sim/report/formatNumber.ts) with the area in au² beside it ("4.23e+16 km² · 1.89 au²", not
 * "42321795 billion km²").
 */
export function formatArea(valueM2: number): string {
  if (!Number.isFinite(valueM2)) return '—';
  const km2 = valueM2 / 1e6;
  if (km2 >= 1e12) return `${formatNumber(km2, 3)} km² · ${formatNumber(valueM2 / AU2_M2, 3)} au²`;
  if (km2 >= 1e9) return `${sig3(km2 / 1e9)} billion km²`;
  if (km2 >= 1e6) return `${sig3(km2 / 1e6)} million km²`;
  if (km2 >= 1) return `${km2 >= 1000 ? formatCount(km2) : sig3(km2)} km²`;
  return `${formatCount(valueM2)} m²`;
}

/** Mass, kg -> t, kt, Mt ... above one tonne. */
export function formatMass(valueKg: number): string {
  if (!Number.isFinite(valueKg)) return '—';
  if (valueKg >= 1e3) return formatSi(valueKg / 1e3, 't');
  return formatSi(valueKg, 'kg');
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const percent = fraction * 100;
  return `${Math.abs(percent) >= 10 ? percent.toFixed(1) : percent.toFixed(2)} %`;
}

export function formatScientific(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  return value.toExponential(2);
}

/** "2045-01-01 00:00 UTC" for a TDB time. */
export function formatDateTime(tdbS: number): string {
  const iso = tdbSToIso(tdbS);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "2045-01-01" (UTC) for a TDB time. */
export function formatDate(tdbS: number): string {
  return tdbSToIso(tdbS).slice(0, 10);
}

/** A duration in seconds, as the largest sensible unit: "30 days", "1 year". */
export function formatSpan(seconds: number): string {
  const days = seconds / 86_400;
  if (days >= 365) return `${(days / 365.25).toFixed(days >= 730 ? 0 : 1)} yr`;
  if (days >= 28) return `${(days / 30.4375).toFixed(0)} mo`;
  if (days >= 1) return `${days.toFixed(0)} d`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * A dimensionless fraction: in percent from 0.1 % up ("21.1 %", not "2.11e-1"), in the tables' scientific form
 * below (a share of the Sun's output of 1.45e-17), "0" for zero.
 */
export function formatFraction(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  if (fraction === 0) return '0';
  if (Math.abs(fraction) >= 1e-3) return `${formatNumber(fraction * 100, 3)} %`;
  return formatNumber(fraction, 3);
}

/**
 * A duration given in Julian years, in the largest unit that keeps it above one: "10.3 h", "42.7 d", "3.21 yr"
 * (not "0.00117 yr"); 3 significant digits (sim/report/formatNumber.ts).
 */
export function formatDurationYears(years: number): string {
  if (!Number.isFinite(years)) return '—';
  const seconds = years * SECONDS_PER_JULIAN_YEAR;
  const magnitude = Math.abs(seconds);
  if (magnitude >= SECONDS_PER_JULIAN_YEAR) return `${formatNumber(years, 3)} yr`;
  if (magnitude >= 86_400) return `${formatNumber(seconds / 86_400, 3)} d`;
  if (magnitude >= 3600) return `${formatNumber(seconds / 3600, 3)} h`;
  if (magnitude >= 60) return `${formatNumber(seconds / 60, 3)} min`;
  return `${formatNumber(seconds, 3)} s`;
}
