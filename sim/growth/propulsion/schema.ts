/**
 * The propulsion a growth path (site -> shell) flies its transfer with, as written in the scenario (zod schema,
 * friendly units in the field names; resolved to SI by resolvePropulsion.ts). One of:
 * - `ballistic`: no propulsion. The mass driver's hyperbolic excess must put the collector on the shell's orbit
 *   by itself (a shell at the site's own distance, with a speed change no larger than the excess).
 * - `solar-sail`: the collector is its own sail, tilted by its attitude film (the optical force of a sheet with the
 *   collector's own reflectivity and lightness number), steered by the locally optimal law (flyTransfer.ts).
 * - `electric`: thrusters powered by the collector's own cells, burning propellant made at the site.
 */
import { z } from 'zod';

/** Most flight time any propulsion may be given, days (100 years). */
const MAX_FLIGHT_DAYS = 36_525;

const ballisticSchema = z.object({ kind: z.literal('ballistic') }).strict();

const sailSchema = z
  .object({
    kind: z.literal('solar-sail'),
    /** Longest flight the scenario accepts, days (> 0): a slower transfer is refused. */
    maxFlightDays: z.number().gt(0).max(MAX_FLIGHT_DAYS),
  })
  .strict();

const electricSchema = z
  .object({
    kind: z.literal('electric'),
    /** Specific impulse, s (> 0): exhaust speed = g0 Isp. */
    specificImpulseS: z.number().gt(0).max(100_000),
    /** Thrust (jet) efficiency, (0, 1]: jet power = efficiency x electrical power. */
    thrustEfficiency: z.number().gt(0).max(1),
    /**
     * Electrical power fed to the thrusters per kg of collector, W/kg (> 0): the thrusters' rated power, drawn
     * from the collector's own cells, which must give at least this at every distance of the path.
     */
    powerWPerKg: z.number().gt(0),
    /** Mass of thrusters and power processing per kW of rated power, kg/kW (>= 0): launched with the collector. */
    thrusterKgPerKW: z.number().min(0).default(0),
    /** Most propellant, as a fraction of the launched mass (collector + thrusters + propellant), (0, 1). */
    maxPropellantFraction: z.number().gt(0).lt(1),
    /** Longest flight the scenario accepts, days (> 0). */
    maxFlightDays: z.number().gt(0).max(MAX_FLIGHT_DAYS),
  })
  .strict();

export const propulsionSchema = z.discriminatedUnion('kind', [ballisticSchema, sailSchema, electricSchema]);

export type PropulsionFile = z.output<typeof propulsionSchema>;
