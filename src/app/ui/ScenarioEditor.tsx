/**
 * The scenario's main parameters, editable, then re-run in the worker (the scene keeps running on the current
 * scenario meanwhile). Values are checked by the core's own validation: a bad value comes back as an error naming
 * the field, and the current scenario stays. (Built without leva, which is not a dependency yet.)
 */
import { useState, type FormEvent } from 'react';
import { useAppState, useController } from '../state/context.tsx';

interface Draft {
  tracers: string;
  seed: string;
  unitAreaM2: string;
  arealDensityGM2: string;
  conversionEfficiencyPercent: string;
  reflectivity: string;
  degradationPercentPerYear: string;
  deploymentFactor: string;
}

interface CollectorFile {
  readonly unitAreaM2: number;
  readonly arealDensityKgM2?: number;
  readonly billOfMaterials?: ReadonlyArray<{ readonly arealDensityKgM2: number }>;
  readonly conversionEfficiency: number;
  readonly reflectivity: number;
  readonly degradationPerYear: number;
}

const FIELDS: ReadonlyArray<{ key: keyof Draft; label: string; hint: string }> = [
  { key: 'tracers', label: 'Tracers', hint: 'resolution: simulated collectors (not the swarm’s size)' },
  { key: 'seed', label: 'Seed', hint: 'of the tracer sampler' },
  { key: 'unitAreaM2', label: 'Collector area, m²', hint: 'collector.unitAreaM2' },
  {
    key: 'arealDensityGM2',
    label: 'Areal density, g/m²',
    hint: 'collector.arealDensityKgM2 × 1000, or the total of collector.billOfMaterials (its parts scaled together)',
  },
  {
    key: 'conversionEfficiencyPercent',
    label: 'Conversion efficiency, %',
    hint: 'collector.conversionEfficiency × 100',
  },
  { key: 'reflectivity', label: 'Reflectivity, 0..1', hint: 'collector.reflectivity (radiation pressure)' },
  {
    key: 'degradationPercentPerYear',
    label: 'Degradation, %/yr',
    hint: 'collector.degradationPerYear × 100',
  },
  {
    key: 'deploymentFactor',
    label: 'Deployment rate ×',
    hint: 'multiplies every campaign’s collectorsPerYear',
  },
];

/** The collector's total areal density, kg/m^2: its single figure, or the sum of its bill of materials. */
function totalKgM2(collector: CollectorFile): number {
  return (
    collector.billOfMaterials?.reduce((total, part) => total + part.arealDensityKgM2, 0) ??
    collector.arealDensityKgM2 ??
    Number.NaN
  );
}

/** Grams per m^2 as the field shows them (12 significant digits). */
function shownGM2(kgM2: number): number {
  return +(kgM2 * 1000).toPrecision(12);
}

/**
 * The collector with the total areal density typed in the field, g/m^2: a single all-in figure is replaced; a
 * bill of materials keeps its parts (and so its transmitter), each scaled by the same factor, and is left as it
 * is when the field was not changed.
 */
function withArealDensity(collector: CollectorFile, typedGM2: number): CollectorFile {
  if (collector.billOfMaterials === undefined) return { ...collector, arealDensityKgM2: typedGM2 / 1000 };
  if (typedGM2 === shownGM2(totalKgM2(collector))) return collector;
  const factor = typedGM2 / 1000 / totalKgM2(collector);
  return {
    ...collector,
    billOfMaterials: collector.billOfMaterials.map((part) => ({
      ...part,
      arealDensityKgM2: part.arealDensityKgM2 * factor,
    })),
  };
}

/** Numbers typed by the user: NaN stays NaN so that the core's validation names the field. */
function num(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function ScenarioEditor({ onClose }: { onClose: () => void }) {
  const controller = useController();
  const world = useAppState((state) => state.world);
  const file = world?.scenario.file;
  const collector = file?.collector as CollectorFile | undefined;
  const [draft, setDraft] = useState<Draft | null>(() =>
    world === null || file === undefined || collector === undefined
      ? null
      : {
          tracers: String(world.tracers),
          seed: String(world.scenario.seed),
          unitAreaM2: String(collector.unitAreaM2),
          arealDensityGM2: String(shownGM2(totalKgM2(collector))),
          conversionEfficiencyPercent: String(+(collector.conversionEfficiency * 100).toPrecision(12)),
          reflectivity: String(collector.reflectivity),
          degradationPercentPerYear: String(+(collector.degradationPerYear * 100).toPrecision(12)),
          deploymentFactor: '1',
        },
  );
  if (world === null || file === undefined || collector === undefined || draft === null) return null;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const factor = num(draft.deploymentFactor);
    const baseName = file.name.replace(/-edited$/, '');
    const edited = {
      ...file,
      name: `${baseName}-edited`,
      title: file.title.endsWith(' (edited)') ? file.title : `${file.title} (edited)`,
      seed: num(draft.seed),
      collector: {
        ...withArealDensity(collector, num(draft.arealDensityGM2)),
        unitAreaM2: num(draft.unitAreaM2),
        conversionEfficiency: num(draft.conversionEfficiencyPercent) / 100,
        reflectivity: num(draft.reflectivity),
        degradationPerYear: num(draft.degradationPercentPerYear) / 100,
      },
      deployment: file.deployment.map((campaign) => ({
        ...campaign,
        collectorsPerYear: campaign.collectorsPerYear * factor,
      })),
    };
    const tracers = num(draft.tracers);
    controller.applyEdits(edited, Number.isInteger(tracers) && tracers >= 1 ? tracers : null);
  };

  const download = (): void => {
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${file.name}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <form className="card editor" onSubmit={submit} aria-label="Scenario parameters" data-testid="editor">
      <h2>Parameters of {file.name}</h2>
      {FIELDS.map(({ key, label, hint }) => (
        <label key={key} className="editor-field" title={hint}>
          <span>{label}</span>
          <input
            type="text"
            inputMode="decimal"
            name={key}
            value={draft[key]}
            onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
          />
        </label>
      ))}
      <div className="editor-actions">
        <button type="submit" className="primary">
          Re-run
        </button>
        <button
          type="button"
          onClick={download}
          title="The current scenario as a JSON file (for `essaim run --scenario`)"
        >
          Download JSON
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted small">
        NaN or out-of-range values are refused by the core, naming the field; the current scenario keeps
        running.
      </p>
    </form>
  );
}
