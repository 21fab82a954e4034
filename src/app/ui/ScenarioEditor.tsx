/**
 * The scenario's main parameters, editable, then re-run in the worker (the scene keeps running on the current
 * scenario meanwhile). Values are checked by the core's own validation: a bad value comes back as an error naming
 * the field, and the current scenario stays. (Built without leva, which is not a dependency yet.) The growth
 * parameters of each growth site (seed, replication, losses) are editable; the deployment factor is
 * offered only where the fixed deployment schedule supplies the collectors. "Share link" puts the scenario in a
 * link (state/shareLink.ts).
 */
import { useState, type FormEvent } from 'react';
import { useAppState, useController } from '../state/context.tsx';

/** The fields' texts, by field name (the collector's, then `growth.<site>.<parameter>` for each growth site). */
type Draft = Record<string, string>;

/** A growth site of the scenario file, as far as the editor reads and writes it (sim/scenario schema). */
interface GrowthSiteFile {
  readonly name: string;
  readonly seed: { readonly massKg: number };
  readonly factory: { readonly replicationTimeYears: number; readonly lossRatePerYear: number };
}

/**
 * The growth parameters each site shows: how to read one from the site (in the unit the field shows) and write it
 * back (from the typed number). These drive the built-in scenarios' collectors: the seed, the doubling and the
 * losses (each checked to change the baseline's run by tests/browser/app-editor.browser.test.ts).
 */
const GROWTH_FIELDS: ReadonlyArray<{
  readonly key: string;
  readonly label: string;
  readonly hint: string;
  readonly read: (site: GrowthSiteFile) => number | undefined;
  readonly write: (site: GrowthSiteFile, value: number) => GrowthSiteFile;
}> = [
  {
    key: 'seedT',
    label: 'seed factory, t',
    hint: 'growth.sites[].seed.massKg / 1000',
    read: (site) => site.seed.massKg / 1000,
    write: (site, value) => ({ ...site, seed: { ...site.seed, massKg: value * 1000 } }),
  },
  {
    key: 'replicationYears',
    label: 'replication time, yr',
    hint: 'growth.sites[].factory.replicationTimeYears',
    read: (site) => site.factory.replicationTimeYears,
    write: (site, value) => ({ ...site, factory: { ...site.factory, replicationTimeYears: value } }),
  },
  {
    key: 'lossPercentPerYear',
    label: 'factory losses, %/yr',
    hint: 'growth.sites[].factory.lossRatePerYear × 100',
    read: (site) => +(site.factory.lossRatePerYear * 100).toPrecision(12),
    write: (site, value) => ({ ...site, factory: { ...site.factory, lossRatePerYear: value / 100 } }),
  },
];

const growthFieldName = (siteIndex: number, key: string): string => `growth.${siteIndex}.${key}`;

interface CollectorFile {
  readonly unitAreaM2: number;
  readonly arealDensityKgM2?: number;
  readonly billOfMaterials?: ReadonlyArray<{ readonly arealDensityKgM2: number }>;
  readonly conversionEfficiency: number;
  readonly reflectivity: number;
  readonly degradationPerYear: number;
}

const FIELDS: ReadonlyArray<{ key: string; label: string; hint: string }> = [
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
];

/** Only for a scenario whose collectors come from its fixed deployment schedule (the growth model ignores it). */
const DEPLOYMENT_FIELD = {
  key: 'deploymentFactor',
  label: 'Deployment rate ×',
  hint: 'multiplies every campaign’s collectorsPerYear',
} as const;

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

function EditorField({
  name,
  label,
  hint,
  draft,
  setDraft,
}: {
  name: string;
  label: string;
  hint: string;
  draft: Draft;
  setDraft: (draft: Draft) => void;
}) {
  return (
    <label className="editor-field" title={hint}>
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        name={name}
        value={draft[name] ?? ''}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      />
    </label>
  );
}

export function ScenarioEditor({ onClose }: { onClose: () => void }) {
  const controller = useController();
  const world = useAppState((state) => state.world);
  const file = world?.scenario.file;
  const collector = file?.collector as CollectorFile | undefined;
  const growthSites = ((file as { growth?: { sites?: GrowthSiteFile[] } } | undefined)?.growth?.sites ??
    []) as readonly GrowthSiteFile[];
  const deploymentDrives = file !== undefined && growthSites.length === 0 && file.deployment.length > 0;
  const [draft, setDraft] = useState<Draft | null>(() => {
    if (world === null || file === undefined || collector === undefined) return null;
    const initial: Draft = {
      tracers: String(world.tracers),
      seed: String(world.scenario.seed),
      unitAreaM2: String(collector.unitAreaM2),
      arealDensityGM2: String(shownGM2(totalKgM2(collector))),
      conversionEfficiencyPercent: String(+(collector.conversionEfficiency * 100).toPrecision(12)),
      reflectivity: String(collector.reflectivity),
      degradationPercentPerYear: String(+(collector.degradationPerYear * 100).toPrecision(12)),
      deploymentFactor: '1',
    };
    growthSites.forEach((site, index) => {
      for (const field of GROWTH_FIELDS) {
        const value = field.read(site);
        if (value !== undefined) initial[growthFieldName(index, field.key)] = String(value);
      }
    });
    return initial;
  });
  const [shared, setShared] = useState<string | null>(null);
  if (world === null || file === undefined || collector === undefined || draft === null) return null;

  const text = (key: string): string => draft[key] ?? '';
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const factor = deploymentDrives ? num(draft['deploymentFactor'] ?? '1') : 1;
    const growth = (file as { growth?: Record<string, unknown> }).growth;
    const baseName = file.name.replace(/-edited$/, '');
    const edited = {
      ...file,
      name: `${baseName}-edited`,
      title: file.title.endsWith(' (edited)') ? file.title : `${file.title} (edited)`,
      seed: num(text('seed')),
      collector: {
        ...withArealDensity(collector, num(text('arealDensityGM2'))),
        unitAreaM2: num(text('unitAreaM2')),
        conversionEfficiency: num(text('conversionEfficiencyPercent')) / 100,
        reflectivity: num(text('reflectivity')),
        degradationPerYear: num(text('degradationPercentPerYear')) / 100,
      },
      ...(growth === undefined
        ? {}
        : {
            growth: {
              ...growth,
              sites: growthSites.map((site, index) =>
                GROWTH_FIELDS.reduce((edited, field) => {
                  const typed = draft[growthFieldName(index, field.key)];
                  return typed === undefined ? edited : field.write(edited, num(typed));
                }, site),
              ),
            },
          }),
      deployment: file.deployment.map((campaign) => ({
        ...campaign,
        collectorsPerYear: campaign.collectorsPerYear * factor,
      })),
    };
    const tracers = num(text('tracers'));
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
      {[...FIELDS, ...(deploymentDrives ? [DEPLOYMENT_FIELD] : [])].map(({ key, label, hint }) => (
        <EditorField key={key} name={key} label={label} hint={hint} draft={draft} setDraft={setDraft} />
      ))}
      {growthSites.map((site, index) => (
        <fieldset key={site.name} className="editor-group">
          <legend>{`Growth at ${site.name}`}</legend>
          {GROWTH_FIELDS.filter((field) => draft[growthFieldName(index, field.key)] !== undefined).map(
            (field) => (
              <EditorField
                key={field.key}
                name={growthFieldName(index, field.key)}
                label={field.label}
                hint={field.hint.replace('sites[]', `sites[${index}]`)}
                draft={draft}
                setDraft={setDraft}
              />
            ),
          )}
        </fieldset>
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
        <button
          type="button"
          data-testid="share-link-button"
          title="A link that carries this scenario (as last re-run) and the view"
          onClick={() => {
            void controller.shareLink().then(async (link) => {
              setShared(link);
              await navigator.clipboard?.writeText(link).catch(() => undefined);
            });
          }}
        >
          Share link
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {shared === null ? null : (
        <label className="editor-share">
          <span className="muted small">Link to this scenario and view (copied):</span>
          <input
            type="text"
            readOnly
            value={shared}
            data-testid="share-link"
            onFocus={(e) => e.target.select()}
          />
        </label>
      )}
      <p className="muted small">
        NaN or out-of-range values are refused by the core, naming the field; the current scenario keeps
        running.
      </p>
    </form>
  );
}
