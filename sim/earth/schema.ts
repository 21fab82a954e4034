/**
 * The scenario's optional `earth` section: power satellites and ground rectennas. Scenario units are the
 * friendly ones (degrees, ISO dates, W, Hz, m); resolve.ts converts them once to SI.
 *
 * A satellite's orbit is exactly one of:
 *   `tle`   two TLE lines (NORAD format; checksums are verified),
 *   `omm`   a CCSDS OMM in JSON (CelesTrak / Space-Track keys: EPOCH, MEAN_MOTION, ...),
 *   `slot`  a geostationary slot: Essaim generates the element sets and keeps the satellite on station.
 * Its transmitter is a `powerClass` preset (powerClasses.ts), a full `transmitter`, or a preset with some
 * `transmitter` fields overridden.
 */
import { z } from 'zod';
import { isoDateSchema } from '../validation/isoDate.ts';
import { parseDurationS } from '../duration.ts';
import { POWER_CLASS_NAMES } from './powerClasses.ts';
import { transmitterSchema } from './transmitterSchema.ts';
import { RAIN_ZONES } from './rainClimate.ts';

const fraction = z.number().gt(0).max(1);

/** A fixed duration (`60s`, `5min`, `1h`): sim/duration.ts. */
export const fixedDurationSchema = z.string().superRefine((value, ctx) => {
  try {
    parseDurationS(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** A geostationary slot (longitude east positive). */
export const slotSchema = z
  .object({
    longitudeDeg: z.number().min(-180).max(360),
    /** Inclination kept by north-south station keeping, deg (0 = fully kept). */
    inclinationDeg: z.number().min(0).max(15).default(0),
    /** Station-keeping cycle: a fresh element set every this many days. */
    stationKeepingDays: z.number().min(0.5).max(60).default(7),
  })
  .strict();

export const powerSatelliteSchema = z
  .object({
    name: z.string().min(1).max(64),
    tle: z.tuple([z.string(), z.string()]).optional(),
    omm: z.record(z.string(), z.unknown()).optional(),
    slot: slotSchema.optional(),
    /** Start of service on station (the launch campaign's end), ISO UTC. Required with `slot`. */
    launch: isoDateSchema.optional(),
    /** Days from `launch` to first power (in-orbit testing). */
    commissioningDays: z.number().min(0).max(3650).default(0),
    /** End of service, ISO UTC. */
    retire: isoDateSchema.optional(),
    powerClass: z.enum(POWER_CLASS_NAMES).optional(),
    transmitter: transmitterSchema.partial().optional(),
    /** The site this satellite is dedicated to; without it the satellite serves the best free site it sees. */
    rectenna: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((sat, ctx) => {
    const sources = (['tle', 'omm', 'slot'] as const).filter((key) => sat[key] !== undefined);
    if (sources.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['tle'],
        message: `give exactly one of tle, omm or slot, got ${sources.length === 0 ? 'none' : sources.join(' and ')}`,
      });
    }
    if (sat.slot !== undefined && sat.launch === undefined) {
      ctx.addIssue({ code: 'custom', path: ['launch'], message: 'a slot satellite needs its launch date' });
    }
    if (sat.powerClass === undefined) {
      const missing = transmitterSchema
        .pick({ dcPowerW: true, frequencyHz: true, dcRfEfficiency: true, apertureDiameterM: true })
        .safeParse(sat.transmitter ?? {});
      if (!missing.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['transmitter'],
          message: `without a powerClass, give transmitter.dcPowerW, frequencyHz, dcRfEfficiency and apertureDiameterM (one of ${POWER_CLASS_NAMES.join(', ')} fills them)`,
        });
      }
    }
  });

/** A ground rectenna site. */
export const rectennaSiteSchema = z
  .object({
    name: z.string().min(1).max(64),
    /** Geodetic latitude and longitude on WGS-84, deg (east positive). */
    latitudeDeg: z.number().min(-90).max(90),
    longitudeDeg: z.number().min(-180).max(360),
    /** Height above the WGS-84 ellipsoid, m. */
    altitudeM: z.number().min(-500).max(9000).default(0),
    /**
     * The rectenna's ellipse on the ground, m: width across the azimuth of its satellite, length along it
     * (a slant beam's footprint is longer by 1/sin(elevation)).
     */
    aperture: z.object({ widthM: z.number().positive(), lengthM: z.number().positive() }).strict(),
    /** RF-to-DC conversion efficiency at high density (the beam module's default when absent). */
    rectennaEfficiency: fraction.optional(),
    /** Incident density at which the rectenna converts at half its peak efficiency, W/m^2 (0 = constant). */
    halfEfficiencyDensityWm2: z.number().min(0).optional(),
    /** Grid connection: DC -> AC conversion and the export limit. */
    grid: z
      .object({
        name: z.string().min(1),
        capacityW: z.number().positive(),
        /** DC at the rectenna -> AC into the grid (0.9: NASA OTPS 2024 Table 4, "convert on ground"). */
        efficiency: fraction.default(0.9),
      })
      .strict(),
    /** Rain rate applied at every step, mm/h. */
    rainRateMmH: z.number().min(0).max(300).optional(),
    /** ITU-R PN.837-1 rain climatic zone: the link uses the zone's energy-equivalent rain rate. */
    rainZone: z.enum(RAIN_ZONES).optional(),
    /** Rain height (zero-degree isotherm + 360 m, ITU-R P.839), m above sea level. */
    rainHeightM: z.number().min(0).max(10_000).optional(),
    /** Lowest elevation at which this site takes a beam, deg (the section's default when absent). */
    elevationMaskDeg: z.number().min(5).lt(90).optional(),
    /** First day the rectenna can take power, ISO UTC (always, when absent). */
    commissioned: isoDateSchema.optional(),
    retire: isoDateSchema.optional(),
  })
  .strict()
  .superRefine((site, ctx) => {
    if (site.rainRateMmH !== undefined && site.rainZone !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['rainZone'], message: 'give rainRateMmH or rainZone, not both' });
    }
  });

export const earthSchema = z
  .object({
    /** Where the parameters come from, one entry per source. Not interpreted. */
    sources: z.array(z.string()).default([]),
    /** Per-parameter notes keyed by a field path. Not interpreted. */
    notes: z.record(z.string(), z.string()).default({}),
    satellites: z.array(powerSatelliteSchema).default([]),
    sites: z.array(rectennaSiteSchema).default([]),
    /** Default elevation mask of the sites, deg (5 deg is the floor of the ITU-R slant-path models). */
    elevationMaskDeg: z.number().min(5).lt(90).default(10),
    /** Sampling step of the eclipse-loss integral (`--eclipse-resolution`), a fixed duration. */
    eclipseResolution: fixedDurationSchema.default('60s'),
    /** Drop satellites whose element sets satellite.js refuses, with a warning, instead of stopping the run. */
    skipBadSatellites: z.boolean().default(false),
  })
  .strict()
  .superRefine((earth, ctx) => {
    const duplicate = <T extends { name: string }>(
      items: readonly T[],
      key: 'satellites' | 'sites',
    ): void => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.name)) {
          ctx.addIssue({
            code: 'custom',
            path: [key, index, 'name'],
            message: `duplicate name ${JSON.stringify(item.name)}`,
          });
        }
        seen.add(item.name);
      });
    };
    duplicate(earth.satellites, 'satellites');
    duplicate(earth.sites, 'sites');
    const siteNames = new Set(earth.sites.map((site) => site.name));
    earth.satellites.forEach((sat, index) => {
      if (sat.rectenna !== undefined && !siteNames.has(sat.rectenna)) {
        ctx.addIssue({
          code: 'custom',
          path: ['satellites', index, 'rectenna'],
          message: `no site named ${JSON.stringify(sat.rectenna)} (sites: ${[...siteNames].join(', ') || 'none'})`,
        });
      }
    });
  });

export type EarthInput = z.input<typeof earthSchema>;
export type EarthFile = z.output<typeof earthSchema>;
export type PowerSatelliteFile = z.output<typeof powerSatelliteSchema>;
export type RectennaSiteFile = z.output<typeof rectennaSiteSchema>;
