/**
 * A number as the tables print it: a fixed count of significant digits, plain up to 1e9 and scientific above
 * (or below 1e-3). Shared by `essaim run`'s table, `essaim beam` and the HTML report, so they read alike.
 */
export function formatNumber(value: number, digits = 4): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9 || magnitude < 1e-3) return value.toExponential(digits - 1);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(magnitude)));
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
