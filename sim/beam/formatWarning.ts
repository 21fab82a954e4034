/** Numbers in link-budget warnings: `digits` significant figures, shortest form (`88.13`, `1.2e-7`). */
export function formatWarningNumber(value: number, digits = 4): string {
  return Number(value.toPrecision(digits)).toString();
}
