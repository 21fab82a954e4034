/**
 * A cohort: collectors that left the same site in the same interval, bound for the same shell, and so arrive on
 * station over the interval [stationTdbS, lastStationTdbS] (one flight after their launches). The cohorts carry
 * the orbits: a cohort's tracers are sampled in its shell and go on station spread over its arrival interval
 * (sim/swarm/tracers.ts). How many collectors are on station at t is not read from the cohorts but from the
 * continuous arrivals they bin (the schedule's uniform streams, the growth model's delayed launches: sim/world.ts),
 * so the count is exact at any t, not exact only at the cohorts' edges. Both the simple deployment schedule and
 * the growth model produce these; the whole swarm follows from them with no re-integration (random access in time).
 */
export interface Cohort {
  /** Mean launch time (mass driver or rocket) of the cohort's collectors, TDB seconds past J2000. */
  readonly launchTdbS: number;
  /** First arrival on station in the target shell, TDB seconds past J2000: the first launch plus the flight. */
  readonly stationTdbS: number;
  /** Last arrival on station, TDB seconds past J2000 (>= stationTdbS): the last launch plus the flight. */
  readonly lastStationTdbS: number;
  /** Index into the scenario's shells. */
  readonly shellIndex: number;
  /** Index into the growth model's sites, or -1 for collectors of the simple schedule (launched from Earth). */
  readonly siteIndex: number;
  /** Number of real collectors in the cohort (> 0; may be fractional in a continuous growth model). */
  readonly collectorCount: number;
}
