/** Errors and notices: a bad scenario (naming the field; the previous scenario keeps running), a worker failure. */
import { useAppState, useController } from '../state/context.tsx';

export function Messages() {
  const controller = useController();
  const error = useAppState((state) => state.scenarioError);
  const notice = useAppState((state) => state.notice);
  const world = useAppState((state) => state.world);
  if (error === null && notice === null) return null;
  return (
    <div className="messages" role="alert">
      {error !== null ? (
        <div className="message error" data-testid="scenario-error" data-field={error.field ?? ''}>
          <strong>{`Could not load ${error.label}`}</strong>
          <pre>{error.message}</pre>
          {world !== null ? <p>{`Still showing ${world.scenario.title}.`}</p> : null}
          <button type="button" onClick={() => controller.dismissError()}>
            Dismiss
          </button>
        </div>
      ) : null}
      {notice !== null ? (
        <div className="message notice" data-testid="notice">
          <span>{notice}</span>
          <button type="button" onClick={() => controller.dismissError()}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
