/** No stage creates energy: delivered = input x product of stage efficiencies, to 1e-12, over random links. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLinkBudget } from '../../sim/beam/linkBudget.ts';
import type { LinkInput } from '../../sim/beam/input.ts';

const DEG = Math.PI / 180;
/** Powers against input x the stage product, relative to the input: rounding over a chain of about ten stages. */
const CHAIN_REL = 1e-12;
/** The same as efficiencies and ratios, digits (5e-13): rounding only. */
const CHAIN_DIGITS = 12;
/** Slack on collection <= collection with ideal pointing, relative: the two are separate quadratures; not derived. */
const IDEAL_POINTING_SLACK_REL = 1e-6;

const radioCarrier = fc.double({ min: 1e9, max: 3e11, noNaN: true }).map((frequencyHz) => ({ frequencyHz }));
const opticalCarrier = fc
  .double({ min: 3e-7, max: 1.1e-5, noNaN: true })
  .map((wavelengthM) => ({ wavelengthM }));
const efficiency = fc.double({ min: 0.01, max: 1, noNaN: true });

const link: fc.Arbitrary<LinkInput> = fc
  .record({
    carrier: fc.oneof(radioCarrier, opticalCarrier),
    txPowerW: fc.double({ min: 1, max: 1e10, noNaN: true }),
    txDiameterM: fc.double({ min: 0.1, max: 3000, noNaN: true }),
    rxWidthM: fc.double({ min: 0.1, max: 20_000, noNaN: true }),
    rxAspect: fc.double({ min: 0.3, max: 3, noNaN: true }),
    distanceFactor: fc.double({ min: 0, max: 8, noNaN: true }),
    taperDb: fc.double({ min: 0, max: 25, noNaN: true }),
    dcRfEfficiency: efficiency,
    rxEfficiency: efficiency,
    rxApertureEfficiency: efficiency,
    halfDensity: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 500, noNaN: true })),
    phaseErrorRmsRad: fc.double({ min: 0, max: 1, noNaN: true }),
    pointingErrorRad: fc.double({ min: 0, max: 1e-5, noNaN: true }),
    pointingJitterRad: fc.double({ min: 0, max: 1e-5, noNaN: true }),
    ground: fc.option(
      fc.record({
        elevationDeg: fc.double({ min: 5, max: 90, noNaN: true }),
        rainRateMmH: fc.double({ min: 0, max: 150, noNaN: true }),
      }),
    ),
  })
  .map((r) => {
    const rxLengthM = r.rxWidthM * r.rxAspect;
    const minDistance = (r.txDiameterM / 2 + Math.max(r.rxWidthM, rxLengthM) / 2) / 0.1;
    return {
      ...r.carrier,
      txPowerW: r.txPowerW,
      txDiameterM: r.txDiameterM,
      rxWidthM: r.rxWidthM,
      rxLengthM,
      distanceM: minDistance * 10 ** r.distanceFactor,
      taperDb: r.taperDb,
      dcRfEfficiency: r.dcRfEfficiency,
      rxEfficiency: r.rxEfficiency,
      rxApertureEfficiency: r.rxApertureEfficiency,
      rxHalfEfficiencyDensityWm2: r.halfDensity,
      phaseErrorRmsRad: r.phaseErrorRmsRad,
      pointingErrorRad: r.pointingErrorRad,
      pointingJitterRad: r.pointingJitterRad,
      ...(r.ground === null
        ? {}
        : { elevationRad: r.ground.elevationDeg * DEG, rainRateMmH: r.ground.rainRateMmH }),
    };
  });

describe('energy conservation of the link budget', () => {
  it('delivered = input x product of stage efficiencies (1e-12), no stage above 1, input = delivered + losses', () => {
    fc.assert(
      fc.property(link, (input) => {
        const budget = computeLinkBudget(input);
        let product = 1;
        for (const stage of budget.stages) {
          expect(stage.efficiency).toBeGreaterThanOrEqual(0);
          expect(stage.efficiency).toBeLessThanOrEqual(1);
          expect(stage.lossW).toBeGreaterThanOrEqual(0);
          product *= stage.efficiency;
        }
        const expected = budget.inputDcPowerW * product;
        expect(Math.abs(budget.deliveredDcPowerW - expected)).toBeLessThanOrEqual(
          CHAIN_REL * budget.inputDcPowerW,
        );
        expect(budget.deliveredDcPowerW).toBeLessThanOrEqual(budget.inputDcPowerW);
        const losses = budget.stages.reduce((sum, stage) => sum + stage.lossW, 0);
        expect(Math.abs(budget.inputDcPowerW - budget.deliveredDcPowerW - losses)).toBeLessThanOrEqual(
          CHAIN_REL * budget.inputDcPowerW,
        );
        expect(budget.endToEndEfficiency).toBeCloseTo(product, CHAIN_DIGITS);
        // The chain agrees with the headline fields.
        expect(budget.radiatedPowerW / input.txPowerW).toBeCloseTo(1, CHAIN_DIGITS);
        expect(budget.receivedRfPowerW).toBeLessThanOrEqual(budget.radiatedPowerW);
        expect(budget.beamEfficiency).toBeLessThanOrEqual(
          budget.beamEfficiencyIdealPointing * (1 + IDEAL_POINTING_SLACK_REL),
        );
        expect(budget.rxConversionEfficiency).toBeLessThanOrEqual(input.rxEfficiency ?? 1);
      }),
      { numRuns: 150, seed: 20_250_501 },
    );
  });
});
