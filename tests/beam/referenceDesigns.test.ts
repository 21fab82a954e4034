/**
 * Published reference designs, reproduced within stated tolerances. Sources and the reasons for each tolerance:
 * tests/data/beam/README.md.
 */
import { describe, expect, it } from 'vitest';
import { buildChain } from '../../sim/beam/chain.ts';
import { buildBeamProfile, encircledFraction } from '../../sim/beam/diffraction.ts';
import { elevationToSatelliteRad, slantRangeM } from '../../sim/beam/geometry.ts';
import { computeLinkBudget } from '../../sim/beam/linkBudget.ts';
import { radioAtmosphere } from '../../sim/beam/atmosphere.ts';
import { STANDARD_SURFACE_ATMOSPHERE } from '../../sim/beam/gaseous.ts';
import { requiredApertures } from '../../sim/beam/solver.ts';
import { gaussianTaper } from '../../sim/beam/taper.ts';
import { SPEED_OF_LIGHT_M_S } from '../../sim/constants.ts';

const DEG = Math.PI / 180;
/** Geostationary orbit radius, m (42,164 km; altitude 35,786 km above the 6,378 km equatorial radius). */
const GEO_RADIUS_M = 42_164_000;
const GEO_ALTITUDE_M = 35_786_000;
const SPS_FREQUENCY_HZ = 2.45e9;
const SPS_LAMBDA_M = SPEED_OF_LIGHT_M_S / SPS_FREQUENCY_HZ;

// Tolerances against the publications (the README's table gives each one's source and observed misfit).
/** 95.18 % collection, 10 dB taper: observed -0.41 pp; the published value simulates a stepped, quantised taper. */
const COLLECTION_10DB = 0.006;
/** 83.8 % collection, uniform: observed -0.07 pp (83.8 % is also the Airy main-lobe fraction). */
const COLLECTION_UNIFORM = 0.002;
/** 90 % collection at a 4300 m radius: one percentage point; observed 89.93 %. */
const COLLECTION_AT_4300_M = 0.01;
/** Boresight density ratio 23.6 / 26, relative: the model's is the aperture efficiency 0.9025 (observed -0.6 %). */
const DENSITY_RATIO_REL = 0.01;
/** The uniform boresight density against the far-field formula, digits: the same expression, rounding only. */
const FRIIS_PEAK_DIGITS = 10;
/** Centre-to-edge ratio against 23 : 1 (13.6 dB), dB: observed 13.3 dB. */
const CENTRE_EDGE_DB = 0.5;
/** The same 0.5 dB as a ratio of densities, relative: 10^0.05 - 1 = 0.122. */
const CENTRE_EDGE_REL = 0.12;
/** Phase-error losses against 1 % and 10 %: Ruze gives 1.5 and 11.5 %; the published are subarray simulations. */
const PHASE_LOSS_7_DEG = 0.006;
const PHASE_LOSS_20_DEG = 0.02;
/** OTPS delivered powers, digits (5e-7): incident power printed to 0.01 MW, 3.2e-7 of RD1's (observed 1.6e-7). */
const OTPS_CHAIN_DIGITS = 6;
/** The solver's transmitter fed back, digits (5e-7): bisection to rounding, then the budget's quadrature. */
const SOLVER_ROUND_TRIP_DIGITS = 6;

/** Collection on a centred circular rectenna of diameter rxDiameterM (focused, ideal pointing). */
function collection(
  taperDb: number,
  txDiameterM: number,
  rxDiameterM: number,
  distanceM: number,
  lambdaM: number,
): number {
  const u = (Math.PI * txDiameterM * rxDiameterM) / (2 * lambdaM * distanceM);
  return encircledFraction(buildBeamProfile(gaussianTaper(taperDb), u), u);
}

describe('1979 DOE/NASA SPS reference system (2.45 GHz, 1 km transmitter, 10 dB Gaussian taper)', () => {
  it('collection on a 10 km rectenna: 95.18 % (10 dB) and 83.8 % (uniform) [SSPR 1982, 3(4)]', () => {
    expect(Math.abs(collection(10, 1000, 10_000, GEO_ALTITUDE_M, SPS_LAMBDA_M) - 0.9518)).toBeLessThan(
      COLLECTION_10DB,
    );
    expect(Math.abs(collection(0, 1000, 10_000, GEO_ALTITUDE_M, SPS_LAMBDA_M) - 0.838)).toBeLessThan(
      COLLECTION_UNIFORM,
    );
  });

  it('90 % collection at a rectenna radius of 4300 m for the 10 dB taper [JSC 1976, IV.A.2(e)]', () => {
    expect(Math.abs(collection(10, 1000, 8600, GEO_ALTITUDE_M, SPS_LAMBDA_M) - 0.9)).toBeLessThan(
      COLLECTION_AT_4300_M,
    );
  });

  it('boresight density, 10 dB taper vs uniform: 23.6 vs 26 mW/cm^2 [SSPR 1982, 3(4)]', () => {
    const common = {
      frequencyHz: SPS_FREQUENCY_HZ,
      txPowerW: 6.5e9,
      txDiameterM: 1000,
      rxDiameterM: 10_000,
      distanceM: GEO_ALTITUDE_M,
    };
    const tapered = computeLinkBudget({ ...common, taperDb: 10 });
    const uniform = computeLinkBudget({ ...common, taperDb: 0 });
    expect(
      Math.abs(tapered.peakPowerDensityWm2 / uniform.peakPowerDensityWm2 / (23.6 / 26) - 1),
    ).toBeLessThan(DENSITY_RATIO_REL);
    // The uniform boresight density is the far-field formula P At / (lambda D)^2 (Friis with unit aperture efficiency).
    const friisPeak = (common.txPowerW * Math.PI * 500 ** 2) / (SPS_LAMBDA_M * GEO_ALTITUDE_M) ** 2;
    expect(uniform.peakPowerDensityWm2 / friisPeak).toBeCloseTo(1, FRIIS_PEAK_DIGITS);
  });

  it('centre 23 mW/cm^2 and edge 1 mW/cm^2 at the 10 x 13 km rectenna at 34 deg N [DOE/ER-0023; SSPR 1982, 3(2)]', () => {
    const elevationRad = elevationToSatelliteRad(GEO_RADIUS_M, 34 * DEG, 0);
    const distanceM = slantRangeM(GEO_RADIUS_M, elevationRad);
    expect(elevationRad / DEG).toBeGreaterThan(50);
    expect(elevationRad / DEG).toBeLessThan(51);
    // The 13 km north-south length projects onto about 10 km normal to the beam (geometry.ts).
    const budget = computeLinkBudget({
      frequencyHz: SPS_FREQUENCY_HZ,
      txPowerW: 6.7e9,
      txDiameterM: 1000,
      rxWidthM: 10_000,
      rxLengthM: 13_000,
      distanceM,
      elevationRad,
    });
    expect(2 * budget.receiver.semiAxisLengthM).toBeGreaterThan(9_900);
    expect(2 * budget.receiver.semiAxisLengthM).toBeLessThan(10_200);
    const ratioDb = 10 * Math.log10(budget.peakPowerDensityWm2 / budget.edgePowerDensityWm2);
    expect(Math.abs(ratioDb - 10 * Math.log10(23))).toBeLessThan(CENTRE_EDGE_DB);
    // The radiated power that puts exactly 1 mW/cm^2 on the edge puts 23 mW/cm^2 (+-12 %, i.e. +-0.5 dB) at the centre.
    const scale = 10 / budget.edgePowerDensityWm2;
    expect(Math.abs((budget.peakPowerDensityWm2 * scale) / 230 - 1)).toBeLessThan(CENTRE_EDGE_REL);
    // And that power lies in the 6-7.5 GW range of a 5 GW-output system.
    expect(6.7e9 * scale).toBeGreaterThan(6e9);
    expect(6.7e9 * scale).toBeLessThan(7.5e9);
  });

  it('random phase error costs about 1 % at 7 deg and 10 % at 20 deg rms [JSC 1976, IV.A.2]', () => {
    const base = {
      frequencyHz: SPS_FREQUENCY_HZ,
      txPowerW: 6.5e9,
      txDiameterM: 1000,
      rxDiameterM: 10_000,
      distanceM: GEO_ALTITUDE_M,
    };
    const perfect = computeLinkBudget(base);
    const loss = (deg: number): number => {
      const budget = computeLinkBudget({ ...base, phaseErrorRmsRad: deg * DEG });
      return 1 - budget.receivedRfPowerW / perfect.receivedRfPowerW;
    };
    expect(Math.abs(loss(7) - 0.01)).toBeLessThan(PHASE_LOSS_7_DEG);
    expect(Math.abs(loss(20) - 0.1)).toBeLessThan(PHASE_LOSS_20_DEG);
  });

  it('with 10 deg phase error and a 2 % failure allowance, collection falls toward the 88 % of the 1980 review', () => {
    const budget = computeLinkBudget({
      frequencyHz: SPS_FREQUENCY_HZ,
      txPowerW: 6.5e9,
      txDiameterM: 1000,
      rxDiameterM: 10_000,
      distanceM: GEO_ALTITUDE_M,
      phaseErrorRmsRad: 10 * DEG,
    });
    const withErrors = budget.phaseErrorEfficiency * budget.beamEfficiency * 0.98;
    expect(withErrors).toBeGreaterThan(0.88);
    expect(withErrors).toBeLessThan(0.93);
  });

  it('warns that the reference peak sits at the ionospheric guideline and the edge at the public limit', () => {
    const elevationRad = elevationToSatelliteRad(GEO_RADIUS_M, 34 * DEG, 0);
    const budget = computeLinkBudget({
      frequencyHz: SPS_FREQUENCY_HZ,
      txPowerW: 7.2e9,
      txDiameterM: 1000,
      rxWidthM: 10_000,
      rxLengthM: 13_000,
      distanceM: slantRangeM(GEO_RADIUS_M, elevationRad),
      elevationRad,
    });
    expect(budget.ionosphericLimitWm2).toBe(230);
    expect(budget.publicExposureLimitWm2).toBe(10);
    expect(budget.warnings.some((w) => w.includes('ionospheric'))).toBe(true);
    expect(budget.warnings.some((w) => w.includes('general-public'))).toBe(true);
  });
});

describe('NASA OTPS 2024 "Space-Based Solar Power" representative designs RD1 (2.45 GHz) and RD2 (5.8 GHz)', () => {
  const chain = (incidentMw: number, capacity: number) =>
    buildChain(incidentMw * 1e6, [
      { name: 'solar-cells', description: 'solar cells', efficiency: 0.35 },
      { name: 'dc-dc-space', description: 'DC-DC in space', efficiency: 0.9 },
      { name: 'dc-rf', description: 'DC-RF', efficiency: 0.7 },
      { name: 'emission', description: 'transmit antenna emission', efficiency: 0.9 },
      { name: 'atmosphere', description: 'atmosphere', efficiency: 0.98 },
      { name: 'collection', description: 'beam collection', efficiency: 0.95 },
      { name: 'rectenna', description: 'rectenna reception', efficiency: 0.78 },
      { name: 'dc-dc-ground', description: 'DC-DC on the ground', efficiency: 0.9 },
      { name: 'capacity', description: 'capacity factor', efficiency: capacity },
    ]);

  // Bookkeeping, not physics: the report's delivered power is the product of its own nine stage efficiencies, so
  // this checks our transcription of them and buildChain's product, nothing more. The physics checks of the
  // report's allowances (atmosphere 0.98, collection 0.95) against our own models are the two tests below; its
  // incident power and capacity factors against its own areas and our geometry are in otps2024.test.ts.
  it('bookkeeping: the report chain multiplies to its delivered power, 2028.79 MW (RD1) and 2021.95 MW (RD2)', () => {
    expect(chain(15_689.33, 0.997).outputW / 2028.791344e6).toBeCloseTo(1, OTPS_CHAIN_DIGITS);
    expect(chain(25_982.5, 0.6).outputW / 2021.948467e6).toBeCloseTo(1, OTPS_CHAIN_DIGITS);
  });

  it("the report's 0.98 atmospheric allowance: clear air does better; 5.8 GHz uses it up in light rain, 2.45 GHz only in a downpour", () => {
    const air = (f: number, rain: number) =>
      radioAtmosphere({
        frequencyHz: f,
        elevationRad: 45 * DEG,
        rainRateMmH: rain,
        rainHeightM: 3000,
        stationHeightM: 0,
        polarisationTiltRad: 45 * DEG,
        surface: STANDARD_SURFACE_ATMOSPHERE,
      }).transmission;
    expect(air(2.45e9, 0)).toBeGreaterThan(0.98);
    expect(air(5.8e9, 0)).toBeGreaterThan(0.98);
    expect(air(5.8e9, 2)).toBeGreaterThan(0.98);
    expect(air(5.8e9, 10)).toBeLessThan(0.98);
    expect(air(2.45e9, 50)).toBeGreaterThan(0.98);
  });

  it("the report's 0.95 collection needs kilometre-class transmitters for its 4 km (5.8 GHz) and 6 km (2.45 GHz) rectennas", () => {
    const taper = gaussianTaper(10);
    const rd2 = requiredApertures(taper, 0.95, SPEED_OF_LIGHT_M_S / 5.8e9, GEO_ALTITUDE_M, 1000, 4000);
    const rd1 = requiredApertures(taper, 0.95, SPEED_OF_LIGHT_M_S / 2.45e9, GEO_ALTITUDE_M, 1000, 6000);
    expect(rd2.txDiameterM).toBeGreaterThan(800);
    expect(rd2.txDiameterM).toBeLessThan(1500);
    expect(rd1.txDiameterM).toBeGreaterThan(1300);
    expect(rd1.txDiameterM).toBeLessThan(2200);
    // And the solver's answer does reach 95 % when fed back into the budget.
    const check = computeLinkBudget({
      frequencyHz: 5.8e9,
      txPowerW: 2e9,
      txDiameterM: rd2.txDiameterM,
      rxDiameterM: 4000,
      distanceM: GEO_ALTITUDE_M,
    });
    expect(check.beamEfficiency).toBeCloseTo(0.95, SOLVER_ROUND_TRIP_DIGITS);
  });
});
