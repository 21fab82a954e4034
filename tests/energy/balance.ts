/**
 * The energy ledger's balance, written out from its definition (sim/energy/ledger.ts): intercepted sunlight =
 * collector conversion loss + unallocated + link losses + delivered to compute and to the swarm's grid links.
 */
import type { EnergyLedger } from '../../sim/energy/ledger.ts';

/** intercepted = collector loss + unallocated + link losses + delivered, as a residual W. */
export function residualW(ledger: EnergyLedger): number {
  return (
    ledger.collectorConversionLossW +
    ledger.unallocatedPowerW +
    ledger.totalLossW +
    ledger.deliveredPowerComputeW +
    ledger.swarmDeliveredPowerGridW -
    ledger.interceptedSunlightW
  );
}
