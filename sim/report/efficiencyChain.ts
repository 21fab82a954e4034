/**
 * The efficiency chain of one instant, as the steps of a waterfall: sunlight intercepted -> captured ->
 * transmitted -> delivered, with the losses between them by kind from the energy ledger (sim/energy/ledger.ts,
 * LossesByKind), in the order the power meets them. The milestones are catalogue figures (figures.ts), read from
 * the snapshot; the losses come from the ledger's per-hop stages, split where each link's first hop radiates, so
 * that every segment balances exactly: a milestone minus the losses after it is the next milestone.
 *
 * The geostationary power satellites' grid power (the Earth segment) is not the swarm's sunlight: it joins as a
 * gain after the swarm's own delivered power, so the chain ends at the catalogue's deliveredPowerW.
 */
import type { LossesByKind } from '../energy/ledger.ts';
import { STAGE_KIND } from '../energy/ledger.ts';
import type { Snapshot } from '../world.ts';
import { FIGURES, type FigureKey } from './figures.ts';

/** A milestone (a power level), a loss taken from the level before it, or a gain added to it. */
export type ChainStepKind = 'level' | 'loss' | 'gain';

export interface ChainStep {
  readonly kind: ChainStepKind;
  /** What the step is: a catalogue figure key, a ledger loss kind, or one of the chain's own terms. */
  readonly id: FigureKey | keyof LossesByKind | 'collectorConversionW' | 'unallocatedW' | 'swarmDeliveredW';
  readonly label: string;
  /** The power of a level, or the size of a loss or a gain (>= 0), W. */
  readonly powerW: number;
}

export interface EfficiencyChain {
  /** The instant, TDB s past J2000. */
  readonly tdbS: number;
  readonly steps: readonly ChainStep[];
  /** False without an energy section: nothing is beamed, the chain stops at the captured power. */
  readonly beamed: boolean;
}

/** The loss kinds' labels, in the order a hop's power meets them (the ledger's chain). */
const LOSS_LABELS: Readonly<Record<keyof LossesByKind, string>> = {
  lineOfSightW: labelOf('lineOfSightCurtailedW'),
  powerConditioningW: 'Power conditioning (DC-DC)',
  transmitterW: 'Transmitter (DC-to-RF, laser wall-plug)',
  phaseErrorW: 'Phase errors (scattered out of the beam)',
  atmosphereW: 'Atmosphere',
  beamSpillW: 'Beam spill-over (misses the receiver)',
  receiveApertureW: 'Receive aperture',
  receiverConversionW: 'Receiver conversion (RF-to-DC, photovoltaic)',
  loadInterfaceW: 'Load interface (DC-DC, DC-to-AC)',
};

const LOSS_ORDER = Object.keys(LOSS_LABELS) as ReadonlyArray<keyof LossesByKind>;

function figureOf(key: FigureKey) {
  const figure = FIGURES.find((f) => f.key === key);
  if (figure === undefined) throw new Error(`efficiency chain: no figure ${key} in the catalogue`);
  return figure;
}

function labelOf(key: FigureKey): string {
  return figureOf(key).label;
}

/** A numeric instant figure of the catalogue at the snapshot (0 where it is null). */
function powerOf(key: FigureKey, snapshot: Snapshot): number {
  const figure = figureOf(key);
  if (figure.scope !== 'instant') throw new Error(`efficiency chain: ${key} is not a figure of the instant`);
  const value = figure.read(snapshot);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function emptyLosses(): Record<keyof LossesByKind, number> {
  return Object.fromEntries(LOSS_ORDER.map((kind) => [kind, 0])) as Record<keyof LossesByKind, number>;
}

/** The losses of the ledger's links by kind, split into those before the first hop radiates and those after. */
function lossesBySegment(snapshot: Snapshot): {
  beforeRadiation: Record<keyof LossesByKind, number>;
  afterRadiation: Record<keyof LossesByKind, number>;
} {
  const beforeRadiation = emptyLosses();
  const afterRadiation = emptyLosses();
  for (const link of snapshot.energy?.links ?? []) {
    link.hops.forEach((hop, j) => {
      // the first hop radiates after its transmitter stage (DC-to-RF or the laser's wall plug)
      const radiates = j === 0 ? hop.stages.findIndex((s) => STAGE_KIND[s.name] === 'transmitterW') : -1;
      hop.stages.forEach((stage, k) => {
        const kind = STAGE_KIND[stage.name];
        if (kind === undefined) throw new Error(`efficiency chain: unknown link-budget stage ${stage.name}`);
        (k <= radiates ? beforeRadiation : afterRadiation)[kind] += stage.lossW;
      });
    });
    afterRadiation.loadInterfaceW += link.loadInterfaceLossW;
  }
  return { beforeRadiation, afterRadiation };
}

function lossSteps(losses: Record<keyof LossesByKind, number>): ChainStep[] {
  return LOSS_ORDER.filter((kind) => losses[kind] > 0).map((kind) => ({
    kind: 'loss',
    id: kind,
    label: LOSS_LABELS[kind],
    powerW: losses[kind],
  }));
}

const level = (id: FigureKey, snapshot: Snapshot): ChainStep => ({
  kind: 'level',
  id,
  label: labelOf(id),
  powerW: powerOf(id, snapshot),
});

/** The levels, and the losses and gains that are not nothing. */
const shown = (steps: readonly ChainStep[]): ChainStep[] =>
  steps.filter((s) => s.kind === 'level' || s.powerW > 0);

/** The efficiency chain at the snapshot's instant. */
export function efficiencyChainAt(snapshot: Snapshot): EfficiencyChain {
  const intercepted = level('interceptedSunlightW', snapshot);
  const captured = level('capturedPowerW', snapshot);
  const head: ChainStep[] = [
    intercepted,
    {
      kind: 'loss',
      id: 'collectorConversionW',
      label: 'Collector conversion (reflected, or heat in the cells)',
      powerW: Math.max(0, intercepted.powerW - captured.powerW),
    },
    captured,
  ];
  const energy = snapshot.energy;
  if (energy === undefined) return { tdbS: snapshot.tdbS, steps: shown(head), beamed: false };

  const { beforeRadiation, afterRadiation } = lossesBySegment(snapshot);
  const swarmDeliveredW = energy.deliveredPowerComputeW + energy.swarmDeliveredPowerGridW;
  const geoGridW = powerOf('geoDeliveredPowerGridW', snapshot);
  const steps: ChainStep[] = [
    ...head,
    {
      kind: 'loss',
      id: 'unallocatedW',
      label: 'Not beamed (collector housekeeping, unallocated)',
      powerW: energy.unallocatedPowerW,
    },
    ...lossSteps(beforeRadiation),
    level('transmittedPowerW', snapshot),
    ...lossSteps(afterRadiation),
  ];
  if (geoGridW > 0) {
    steps.push(
      {
        kind: 'level',
        id: 'swarmDeliveredW',
        label: 'Delivered by the swarm’s links',
        powerW: swarmDeliveredW,
      },
      {
        kind: 'gain',
        id: 'geoDeliveredPowerGridW',
        label: labelOf('geoDeliveredPowerGridW'),
        powerW: geoGridW,
      },
    );
  }
  steps.push(level('deliveredPowerW', snapshot));
  return { tdbS: snapshot.tdbS, steps: shown(steps), beamed: true };
}
