/**
 * The essay's charter (traceable kWh, local thermal limits, solidarity with the grid, climate goals) as checks on
 * one instant's Earth-side ledger. Each warning is `charter <check>[ <name>]: <text>`; the caller dates it (the
 * run's summary merges one check over consecutive rows into a date range, sim/report/charter.ts).
 */
import { W_PER_TWH_PER_YEAR } from './resolve.ts';
import type { GroundLedger } from './ledger.ts';

/** Relative margin under which a shortfall is rounding, not a breach. */
const ROUNDING = 1e-9;

function twh(powerW: number): string {
  return `${(powerW / W_PER_TWH_PER_YEAR).toPrecision(3)} TWh/yr`;
}

export function charterWarnings(ledger: GroundLedger): string[] {
  const warnings: string[] = [];
  for (const site of ledger.rectennas) {
    if (site.overLimit) {
      warnings.push(
        `charter thermal limit ${site.name}: waste heat ${site.heatFluxWm2.toPrecision(3)} W/m^2 over the ` +
          `rectenna exceeds the local limit of ${ledger.thermalLimitWm2} W/m^2 ` +
          `(${(100 * site.sunlightRatio).toPrecision(3)} % of the sunlight the ground absorbs there)`,
      );
    }
  }
  const cleanShare = ledger.cleanShare;
  if (cleanShare !== null && cleanShare < ledger.cleanShareTarget * (1 - ROUNDING)) {
    warnings.push(
      `charter clean supply: AI demand (${twh(ledger.demandW)}) outgrows clean supply ` +
        `(${twh(ledger.cleanToAiW)}, ${(100 * cleanShare).toPrecision(3)} %, target ` +
        `${(100 * ledger.cleanShareTarget).toPrecision(3)} %)`,
    );
  }
  if (ledger.gridDivertedW > ROUNDING * Math.max(ledger.demandW, 1)) {
    warnings.push(
      `charter grid solidarity: AI draws ${twh(ledger.gridToAiW)} from the grid, ` +
        `${twh(ledger.gridDivertedW)} beyond its allowance of ${twh(ledger.gridAllowanceW)}: ` +
        `power diverted from the grid's other users`,
    );
  }
  return warnings;
}
