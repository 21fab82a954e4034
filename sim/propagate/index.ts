/** Propagation: the tracer table and the float64 CPU reference backend (ECLIPJ2000, SI, TDB s past J2000). */
export type { TracerTable } from './tracerTable.ts';
export { createTracerTable, validateTracerTable, setTracer } from './tracerTable.ts';
export { propagateCpu64, heliocentricDistancesCpu64 } from './cpu64.ts';
