/**
 * One power-beaming link, transmitter -> path -> receiver, as a pure function of its description.
 *
 * Chain (each stage's efficiency in [0, 1]; delivered = input x product, see chain.ts):
 *   DC in -> DC-to-RF (or laser wall-plug) -> phase errors (Ruze) -> atmosphere -> beam collection
 *         -> receive aperture -> RF-to-DC (rectenna, or photovoltaic tuned to the laser line) -> DC out
 *
 * Planes: receiver sizes are on the ground for ground links and are projected onto the plane normal to the
 * beam (geometry.ts); every power density is normal to the beam unless its name says "ground".
 * Diffraction: a focused circular aperture with a truncated Gaussian taper, by the Fresnel integral
 * (diffraction.ts), which covers the far field (Friis) and the radiating near field alike. Lasers use the same
 * physics with lambda_eff = M^2 lambda (gaussianBeam.ts).
 *
 * Cost: about a millisecond for geostationary links (one Hankel-transform profile of a few hundred points).
 */
import { buildChain, type ChainStage } from './chain.ts';
import { densityWeightedConversion } from './densityWeightedConversion.ts';
import { densityScaleWm2, encircledFraction } from './diffraction.ts';
import { exposureLimits, type ExclusionGround } from './exposure.ts';
import { fieldRegion, friisWarning, type FieldRegime } from './fieldRegime.ts';
import { projectReceiver } from './geometry.ts';
import { friisFraction, goubauOptimalEfficiency, goubauTau } from './goubau.ts';
import { resolveLink, type Band, type LinkInput } from './input.ts';
import { linkAtmosphere } from './linkAtmosphere.ts';
import { averageOverPointing, fractionOnEllipse, type ReceiverEllipse } from './receiver.ts';
import { receiverDensities } from './receiverDensities.ts';
import { requiredApertures, type RequiredApertures } from './solver.ts';
import { gaussianTaper } from './taper.ts';
import { gaussianBeamProfile } from './profileCache.ts';

/** How far past the nearest receiver edge the density scan goes, in u = k a r / D (several sidelobes). */
const OUTSIDE_SCAN_U = 20;

export type { FieldRegime } from './fieldRegime.ts';

/** The receiver as the beam sees it. */
export interface ReceiverGeometry {
  /** Semi-axis along the receiver width, beam-normal plane, m. */
  readonly semiAxisWidthM: number;
  /** Semi-axis along the receiver length, beam-normal plane (ground length x sin(elevation)), m. */
  readonly semiAxisLengthM: number;
  /** Area normal to the beam, m^2 (the Ar of tau). */
  readonly beamNormalAreaM2: number;
  /** Diameter of the circle with the beam-normal area, m. */
  readonly equivalentDiameterM: number;
  /** Area on the ground, m^2 (null for space links). */
  readonly groundAreaM2: number | null;
}

/** The result of computeLinkBudget. SI units; densities normal to the beam unless the name says "Ground". */
export interface LinkBudget {
  readonly name: string | null;
  readonly band: Band;
  readonly frequencyHz: number;
  readonly wavelengthM: number;
  /** M^2 lambda: the wavelength that sets diffraction, m. */
  readonly effectiveWavelengthM: number;
  readonly groundLink: boolean;
  /** Link distance (slant range), m. */
  readonly distanceM: number;
  /** Goubau's tau = sqrt(At Ar) / (lambda D) with the carrier wavelength. */
  readonly tau: number;
  /** tau / M^2: the value that sets the collection. */
  readonly tauEffective: number;
  /** Fraction of the radiated (post phase-error) power that lands on the receiver, pointing errors included. */
  readonly beamEfficiency: number;
  /** The same with perfect pointing. */
  readonly beamEfficiencyIdealPointing: number;
  /** Optimal-taper bound 1 - exp(-tauEffective^2) (Goubau; Brown 1992). */
  readonly goubauOptimalEfficiency: number;
  /** Far-field aperture efficiency of the taper (1 uniform, 0.9025 for 10 dB). */
  readonly taperApertureEfficiency: number;
  /** Friis estimate tau^2 x aperture efficiency: valid when the receiver is small against the main lobe (tau << 1). */
  readonly friisFraction: number;
  /** The transmitter's field region at the receiver (Balanis 2.2.4, with lambda_eff; see fieldRegime.ts). */
  readonly fieldRegime: FieldRegime;
  /** 2 Dt^2 / lambda_eff, m: the transmitter's far field starts here. */
  readonly fraunhoferDistanceM: number;
  /** Ruze factor exp(-sigma^2) for random phase errors. */
  readonly phaseErrorEfficiency: number;
  readonly atmosphericTransmission: number;
  readonly gaseousAttenuationDb: number;
  readonly rainAttenuationDb: number;
  /** On-axis density at the receiver, W/m^2. */
  readonly peakPowerDensityWm2: number;
  /** Highest density on the receiver outline, W/m^2. */
  readonly edgePowerDensityWm2: number;
  /** Highest density at or beyond the nearest receiver edge (sidelobes included), W/m^2. */
  readonly maxOutsidePowerDensityWm2: number;
  /**
   * Peak density per unit ground area, W/m^2 (peak x sin(elevation)); null for space links. For land use and
   * ground heating; the exposure limits are compared with the beam-normal densities (safety.ts).
   */
  readonly peakGroundPowerDensityWm2: number | null;
  /** General-public whole-body limit at this frequency, W/m^2 (ICNIRP 2020 / IEEE C95.1-2019); null for optical. */
  readonly publicExposureLimitWm2: number | null;
  /** Ionospheric heating guideline at this frequency, W/m^2; null for optical or space links. */
  readonly ionosphericLimitWm2: number | null;
  /** Radius (beam-normal) beyond which the density stays below the public limit; null if never above it. */
  readonly exclusionRadiusM: number | null;
  /** That zone on the ground, semi-axes across and along the beam's azimuth, m; null for space links or none. */
  readonly exclusionGround: ExclusionGround | null;
  readonly receiver: ReceiverGeometry;
  readonly inputDcPowerW: number;
  readonly radiatedPowerW: number;
  /** Power incident on the receiver aperture, W. */
  readonly receivedRfPowerW: number;
  readonly deliveredDcPowerW: number;
  readonly endToEndEfficiency: number;
  /** Power-weighted conversion efficiency over the receiver. */
  readonly rxConversionEfficiency: number;
  readonly stages: readonly ChainStage[];
  /** Heat to reject at each end, W. */
  readonly wasteHeatW: { readonly transmitterW: number; readonly receiverW: number };
  readonly requiredApertures: RequiredApertures & { readonly rxGroundLengthM: number | null };
  readonly warnings: readonly string[];
}

/** Compute the budget of one link. Throws InputError for bad input (see input.ts). */
export function computeLinkBudget(input: LinkInput): LinkBudget {
  const link = resolveLink(input);
  const warnings: string[] = [];
  const groundLink = link.elevationRad !== undefined;
  const taper = gaussianTaper(link.taperDb);
  const lambdaEff = link.wavelengthM * link.beamQualityM2;
  const txRadiusM = link.txDiameterM / 2;
  const distanceM = link.distanceM;

  // Receiver in the beam-normal plane; x along its shorter semi-axis (pointing errors are applied along x).
  const outline = projectReceiver(link.rxWidthM, link.rxLengthM, link.elevationRad);
  const minor = Math.min(outline.semiAxisWidthM, outline.semiAxisLengthM);
  const major = Math.max(outline.semiAxisWidthM, outline.semiAxisLengthM);
  const rxAreaM2 = Math.PI * minor * major;
  const rxEquivalentDiameterM = 2 * Math.sqrt(minor * major);
  const txAreaM2 = Math.PI * txRadiusM * txRadiusM;
  const tau = goubauTau(txAreaM2, rxAreaM2, link.wavelengthM, distanceM);
  const tauEffective = tau / link.beamQualityM2;

  // Diffraction profile: u = k_eff a r / D.
  const uPerM = (2 * Math.PI * txRadiusM) / (lambdaEff * distanceM);
  const rawOffsetM = distanceM * Math.tan(link.pointingErrorRad);
  // Offsets below a part in 1e9 of the receiver are below the quadrature's resolution: treat them as zero.
  const negligibleM = 1e-9 * Math.min(link.rxWidthM, link.rxLengthM);
  const rawJitterM = distanceM * Math.tan(link.pointingJitterRad);
  const jitterM = rawJitterM < negligibleM ? 0 : rawJitterM;
  const staticOffsetM = rawOffsetM < negligibleM ? 0 : rawOffsetM;
  const reachM = major + staticOffsetM + 4 * jitterM;
  // built once per taper and grid length, reused across budgets (profileCache.ts: the same bytes)
  const profile = gaussianBeamProfile(link.taperDb, uPerM * reachM + OUTSIDE_SCAN_U);
  const encircledAt = (rM: number): number => encircledFraction(profile, uPerM * rM);
  const ellipseAt = (offsetXM: number, offsetYM: number): ReceiverEllipse => ({
    semiAxisXM: minor,
    semiAxisYM: major,
    centreXM: -offsetXM,
    centreYM: -offsetYM,
  });
  // Rays for the angular integral: enough to follow the sidelobes the outline crosses (period ~pi in u).
  const spanU = uPerM * (major - minor + 2 * staticOffsetM + 8 * jitterM);
  const rays = Math.min(4096, 128 + 16 * Math.ceil(spanU));
  const onEllipse = (x: number, y: number, at: (rM: number) => number): number =>
    fractionOnEllipse(ellipseAt(x, y), at, rays);
  const beamEfficiencyIdealPointing = onEllipse(0, 0, encircledAt);
  const beamEfficiency = averageOverPointing(staticOffsetM, jitterM, (x, y) => onEllipse(x, y, encircledAt));

  // Phase errors and atmosphere.
  const phaseErrorEfficiency = Math.exp(-link.phaseErrorRmsRad * link.phaseErrorRmsRad);
  const air = linkAtmosphere(link);
  const { gaseousAttenuationDb, rainAttenuationDb, transmission: atmosphericTransmission } = air;
  warnings.push(...air.warnings);

  // Power densities at the receiver, normal to the beam.
  const densityScale = densityScaleWm2(
    link.txPowerW * phaseErrorEfficiency * atmosphericTransmission,
    txRadiusM,
    lambdaEff,
    distanceM,
  );
  const edgeEllipse = ellipseAt(staticOffsetM, 0);
  const { peakPowerDensityWm2, edgePowerDensityWm2, maxOutsidePowerDensityWm2 } = receiverDensities(
    profile,
    taper,
    densityScale,
    uPerM,
    edgeEllipse,
    minor,
    major,
  );

  // Safety and environmental limits.
  const exposure = exposureLimits(link, profile, densityScale, uPerM, {
    peakPowerDensityWm2,
    edgePowerDensityWm2,
    maxOutsidePowerDensityWm2,
  });
  warnings.push(...exposure.warnings);
  const { publicLimit, ionosphericLimit, exclusionRadiusM, exclusionGround } = exposure;

  // Receiver conversion, weighted by the density it sees.
  const rxConversionEfficiency = densityWeightedConversion(link, profile, densityScale, uPerM, {
    beamEfficiency,
    peakPowerDensityWm2,
    onPointedReceiver: (weightedAt: (rM: number) => number) =>
      averageOverPointing(staticOffsetM, jitterM, (x, y) => onEllipse(x, y, weightedAt)),
  });

  const radio = link.band === 'radio';
  const chain = buildChain(link.txPowerW / link.dcRfEfficiency, [
    {
      name: radio ? 'dc-to-rf' : 'laser-wall-plug',
      description: radio ? 'DC-to-RF conversion' : 'laser wall-plug (electrical to optical)',
      efficiency: link.dcRfEfficiency,
    },
    {
      name: 'phase-errors',
      description: 'random phase errors (Ruze, exp(-sigma^2))',
      efficiency: phaseErrorEfficiency,
    },
    {
      name: 'atmosphere',
      description: groundLink
        ? radio
          ? 'atmosphere (ITU-R P.676 gases, P.838 rain below the P.839 rain height)'
          : 'clear-sky atmosphere'
        : 'free space',
      efficiency: atmosphericTransmission,
    },
    {
      name: 'beam-collection',
      description: 'beam collection on the receiver (Fresnel/Goubau, taper, pointing)',
      efficiency: beamEfficiency,
    },
    {
      name: 'receive-aperture',
      description: 'receive aperture efficiency',
      efficiency: link.rxApertureEfficiency,
    },
    {
      name: radio ? 'rf-to-dc' : 'photovoltaic',
      description: radio ? 'rectenna RF-to-DC conversion' : 'photovoltaic conversion tuned to the laser line',
      efficiency: rxConversionEfficiency,
    },
  ]);
  const stage = (name: string): ChainStage => chain.stages.find((s) => s.name === name) as ChainStage;
  const radiatedPowerW = (chain.stages[0] as ChainStage).powerAfterW;
  const receivedRfPowerW = stage('beam-collection').powerAfterW;

  // The transmitter's field region, and the far-field (Friis) comparison.
  const region = fieldRegion(link.txDiameterM, lambdaEff, distanceM);
  const { fieldRegime, fraunhoferDistanceM } = region;
  const friis = friisFraction(tauEffective, taper.apertureEfficiency);
  const friisNote = friisWarning(region, friis, tauEffective);
  if (friisNote !== null) warnings.push(friisNote);
  if (radio && link.beamQualityM2 > 1)
    warnings.push('beamQualityM2 > 1 is a laser beam-quality factor; it widens this radio beam too');

  const required = requiredApertures(
    taper,
    link.targetEfficiency,
    lambdaEff,
    distanceM,
    link.txDiameterM,
    rxEquivalentDiameterM,
    profile,
  );

  return {
    name: link.name ?? null,
    band: link.band,
    frequencyHz: link.frequencyHz,
    wavelengthM: link.wavelengthM,
    effectiveWavelengthM: lambdaEff,
    groundLink,
    distanceM,
    tau,
    tauEffective,
    beamEfficiency,
    beamEfficiencyIdealPointing,
    goubauOptimalEfficiency: goubauOptimalEfficiency(tauEffective),
    taperApertureEfficiency: taper.apertureEfficiency,
    friisFraction: friis,
    fieldRegime,
    fraunhoferDistanceM,
    phaseErrorEfficiency,
    atmosphericTransmission,
    gaseousAttenuationDb,
    rainAttenuationDb,
    peakPowerDensityWm2,
    edgePowerDensityWm2,
    maxOutsidePowerDensityWm2,
    peakGroundPowerDensityWm2:
      link.elevationRad === undefined ? null : peakPowerDensityWm2 * Math.sin(link.elevationRad),
    publicExposureLimitWm2: publicLimit,
    ionosphericLimitWm2: ionosphericLimit,
    exclusionRadiusM,
    exclusionGround,
    receiver: {
      semiAxisWidthM: outline.semiAxisWidthM,
      semiAxisLengthM: outline.semiAxisLengthM,
      beamNormalAreaM2: rxAreaM2,
      equivalentDiameterM: rxEquivalentDiameterM,
      groundAreaM2: groundLink ? (Math.PI * link.rxWidthM * link.rxLengthM) / 4 : null,
    },
    inputDcPowerW: chain.inputW,
    radiatedPowerW,
    receivedRfPowerW,
    deliveredDcPowerW: chain.outputW,
    endToEndEfficiency: chain.outputW / chain.inputW,
    rxConversionEfficiency,
    stages: chain.stages,
    wasteHeatW: {
      transmitterW: (chain.stages[0] as ChainStage).lossW,
      receiverW:
        stage('receive-aperture').lossW + (chain.stages[chain.stages.length - 1] as ChainStage).lossW,
    },
    requiredApertures: {
      ...required,
      rxGroundLengthM:
        link.elevationRad === undefined ? null : required.rxDiameterM / Math.sin(link.elevationRad),
    },
    warnings,
  };
}
