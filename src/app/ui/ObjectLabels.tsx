/**
 * A pool of label elements for the named objects of the scene (satellites, rectennas, hubs, relays), which the
 * scene fills and places each frame (scene/ObjectLabelProjector.tsx) through controller.objectLabels.
 */
import { useController } from '../state/context.tsx';

/** Labels shown at most at once. */
const POOL_SIZE = 24;

export function ObjectLabels() {
  const controller = useController();
  return (
    <div className="labels object-labels" aria-hidden="true">
      {Array.from({ length: POOL_SIZE }, (_, k) => (
        <span
          key={k}
          className="object-label"
          data-testid="object-label"
          style={{ visibility: 'hidden' }}
          ref={(element) => {
            if (element === null) return undefined;
            controller.objectLabels[k] = element;
            return () => {
              controller.objectLabels.length = Math.min(controller.objectLabels.length, k);
            };
          }}
        />
      ))}
    </div>
  );
}
