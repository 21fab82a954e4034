/**
 * A cohort: collectors that left the same site in the same interval, bound for the same shell. The swarm at any
 * time t is the set of cohorts with `stationTdbS <= t`, so every figure at t follows from the cohort list with no
 * re-integration (random access in time). Both the simple deployment schedule and the growth model produce these.
 */
export interface Cohort {
  /** Launch time (mass driver or rocket), TDB seconds past J2000. */
  readonly launchTdbS: number;
  /** Arrival on station in the target shell, TDB seconds past J2000 (>= launchTdbS). */
  readonly stationTdbS: number;
  /** Index into the scenario's shells. */
  readonly shellIndex: number;
  /** Index into the growth model's sites, or -1 for collectors of the simple schedule (launched from Earth). */
  readonly siteIndex: number;
  /** Number of real collectors in the cohort (> 0; may be fractional in a continuous growth model). */
  readonly collectorCount: number;
}
