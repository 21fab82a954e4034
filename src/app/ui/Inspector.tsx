/**
 * The inspector: what the user clicked in the scene (scene/Picker.tsx), with its figures at the displayed time
 * (inspectRows.ts, from the same snapshot the panels show). It re-renders when the snapshot or the object changes,
 * not per frame. Escape or the close button closes it; "Centre" moves the camera to a body.
 */
import { useEffect } from 'react';
import { useAppState, useController } from '../state/context.tsx';
import type { PickedObject } from '../state/store.ts';
import { isBodyId } from '../state/targets.ts';
import { inspectorView } from './inspectRows.ts';

export function Inspector() {
  const inspected = useAppState((state) => state.inspected);
  // the body subscribes to the snapshot only while something is inspected: no render per snapshot otherwise
  return inspected === null ? null : <InspectorBody inspected={inspected} />;
}

function InspectorBody({ inspected }: { inspected: PickedObject }) {
  const controller = useController();
  // the snapshot and the world drive the figures
  const snapshot = useAppState((state) => state.snapshot);
  const world = useAppState((state) => state.world);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') controller.inspect(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
  if (world === null) return null;
  const state = controller.store.getState();
  const view = inspectorView(inspected, {
    ...state,
    snapshot,
    world,
    timeTdbS: snapshot?.tdbS ?? state.timeTdbS,
  });
  return (
    <section
      className="card inspector"
      aria-label={`Inspector: ${view.title}`}
      data-testid="inspector"
      data-kind={inspected.kind}
    >
      <div className="inspector-head">
        <div>
          <h2 data-testid="inspector-title">{view.title}</h2>
          <div className="muted small">{view.kind}</div>
        </div>
        <div className="inspector-actions">
          {inspected.kind === 'body' && isBodyId(inspected.id) ? (
            <button type="button" onClick={() => controller.setTarget(inspected.id)}>
              Centre
            </button>
          ) : null}
          <button type="button" aria-label="Close the inspector" onClick={() => controller.inspect(null)}>
            ×
          </button>
        </div>
      </div>
      <dl className="inspector-rows">
        {view.rows.map((r) => (
          <div
            key={r.key}
            className="inspector-row"
            data-row={r.key}
            data-value={r.exact === undefined ? undefined : String(r.exact)}
          >
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      {view.note === '' ? null : <p className="muted small">{view.note}</p>}
    </section>
  );
}
