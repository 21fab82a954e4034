/**
 * Names over the scene, positioned by scene/LabelProjector.tsx: the bodies (a click centres the camera there)
 * and the geostationary ring, which says what is on it.
 */
import { useAppState, useController } from '../state/context.tsx';
import { BODIES, BODY_IDS } from '../state/targets.ts';

export function LabelLayer() {
  const controller = useController();
  const satellitesKnown = useAppState((state) => state.snapshot?.values['powerSatelliteCount'] !== undefined);
  return (
    <div className="labels" aria-hidden="false">
      <span
        className="ring-label"
        style={{ visibility: 'hidden' }}
        ref={(element) => {
          if (element === null) return undefined;
          controller.labels.set('geo', element);
          return () => {
            controller.labels.delete('geo');
          };
        }}
      >
        {satellitesKnown ? 'Geostationary ring' : 'Geostationary ring · power satellites await sim/earth'}
      </span>
      {BODY_IDS.map((id) => (
        <button
          key={id}
          type="button"
          className={`body-label body-label-${id}`}
          style={{ visibility: 'hidden' }}
          title={`Centre the view on ${BODIES[id].label}`}
          ref={(element) => {
            if (element === null) return undefined;
            controller.labels.set(id, element);
            return () => {
              controller.labels.delete(id);
            };
          }}
          onClick={() => controller.setTarget(id)}
        >
          {BODIES[id].label}
        </button>
      ))}
    </div>
  );
}
