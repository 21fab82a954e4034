/**
 * The bar across the top: the scenario (built-in choice, JSON file, editor, CZML download, progress of a re-run)
 * and the view (jump-to targets, swarm colouring).
 */
import { useRef } from 'react';
import { builtinScenarioNames } from '../../../sim/scenario/load.ts';
import { useAppState, useController } from '../state/context.tsx';
import { SHELL_PALETTE, SITE_PALETTE } from '../../../sim/report/palettes.ts';
import type { ColorMode } from '../state/store.ts';
import { BODIES, BODY_IDS, shellTarget, type TargetId } from '../state/targets.ts';
import { CzmlButton } from './CzmlButton.tsx';
import { StudyButton } from './StudyPanel.tsx';

function ScenarioControls({ onEdit }: { onEdit: () => void }) {
  const controller = useController();
  const world = useAppState((state) => state.world);
  const loading = useAppState((state) => state.loading);
  const file = useRef<HTMLInputElement>(null);
  const names = builtinScenarioNames();
  const current =
    world === null
      ? ''
      : world.scenarioRef.kind === 'builtin'
        ? world.scenarioRef.name
        : `stored:${world.scenarioRef.name}`;
  return (
    <div className="scenario-controls">
      <label>
        <span className="bar-label">Scenario</span>
        <select
          data-testid="scenario-select"
          value={current}
          onChange={(event) => {
            const value = event.target.value;
            if (!value.startsWith('stored:')) controller.chooseBuiltin(value);
          }}
        >
          {world === null ? <option value="">…</option> : null}
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          {world !== null && world.scenarioRef.kind === 'stored' ? (
            <option value={current}>{`${world.scenarioRef.name} (loaded)`}</option>
          ) : null}
        </select>
      </label>
      <button type="button" onClick={() => file.current?.click()} title="Load a scenario JSON file">
        Load JSON…
      </button>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        data-testid="scenario-file"
        hidden
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (chosen !== undefined) void controller.loadFile(chosen);
        }}
      />
      <button
        type="button"
        onClick={onEdit}
        disabled={world === null}
        title="Edit the main parameters and re-run"
      >
        Edit…
      </button>
      <CzmlButton />
      <StudyButton />
      {loading !== null ? (
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(loading.fraction * 100)}
          data-testid="progress"
        >
          <div className="progress-bar" style={{ width: `${(loading.fraction * 100).toFixed(1)}%` }} />
          <span className="progress-text">{`Running ${loading.label}: ${loading.phase}`}</span>
        </div>
      ) : null}
    </div>
  );
}

function ViewControls() {
  const controller = useController();
  const target = useAppState((state) => state.target);
  const colorMode = useAppState((state) => state.colorMode);
  const shells = useAppState((state) => state.world?.scenario.shells ?? null);
  const sites = useAppState((state) => state.world?.scenario.sites ?? null);
  const button = (id: TargetId, label: string, color: string) => (
    <button
      key={id}
      type="button"
      className={id === target ? 'target active' : 'target'}
      aria-pressed={id === target}
      data-target={id}
      onClick={() => controller.setTarget(id)}
    >
      <span className="swatch" style={{ background: color }} />
      {label}
    </button>
  );
  return (
    <div className="view-controls">
      <span className="bar-label">View</span>
      {BODY_IDS.map((id) => button(id, BODIES[id].label, BODIES[id].color))}
      {(shells ?? []).map((shell, index) =>
        button(shellTarget(shell.name), shell.name, SHELL_PALETTE[index % SHELL_PALETTE.length] as string),
      )}
      <label className="color-mode">
        <span className="bar-label">Colour</span>
        <select
          value={colorMode}
          data-testid="color-mode"
          onChange={(event) => controller.setColorMode(event.target.value as ColorMode)}
        >
          <option value="shell">by shell</option>
          <option value="irradiance">by sunlight received</option>
          <option value="site">by source site</option>
        </select>
      </label>
      {colorMode === 'site' ? (
        <span className="site-legend" data-testid="site-legend">
          {['Earth (schedule)', ...(sites ?? [])].map((name, index) => (
            <span key={name} className="site-entry">
              <span className="swatch" style={{ background: SITE_PALETTE[index % SITE_PALETTE.length] }} />
              {name}
            </span>
          ))}
        </span>
      ) : null}
    </div>
  );
}

export function TopBar({ onEdit }: { onEdit: () => void }) {
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-name">Essaim</span>
        <span className="brand-tag">Dyson swarm simulator</span>
      </div>
      <ScenarioControls onEdit={onEdit} />
      <ViewControls />
    </header>
  );
}
