/**
 * The story mode: a guided tour (schema.ts) over the timeline. Each step pauses playback, sets the time and the
 * camera's target, and shows its caption with the numbers of the snapshot at that time (caption.ts). "Explore"
 * leaves the step to look around freely (time, camera, panels); "Resume" goes back to it; "Play" moves on by itself
 * every `secondsPerStep` to the last step (leaving or pausing stops it). A user can load a tour of
 * their own (a JSON file); a bad one is refused with the field named. Re-renders only on a step change or a new
 * snapshot (the caption's numbers), never per frame.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { useAppState, useController } from '../state/context.tsx';
import { captionParts } from './caption.ts';
import { parseTour, type Tour } from './schema.ts';
import { ESSAY_TOUR } from './tours.ts';
import './tour.css';

type Mode = 'off' | 'story' | 'explore';

function Caption({ tour, index }: { tour: Tour; index: number }) {
  const snapshot = useAppState((state) => state.snapshot);
  const timeTdbS = useAppState((state) => state.timeTdbS);
  const step = tour.steps[index];
  if (step === undefined) return null;
  // the caption is shown once the snapshot of the step's (clamped) time has arrived
  const settled = snapshot !== null && snapshot.tdbS === timeTdbS;
  return (
    <p className="tour-caption" data-testid="tour-caption" data-settled={settled ? 'yes' : 'no'}>
      {settled
        ? captionParts(step.caption, snapshot.values, snapshot.tdbS).map((part, k) =>
            part.kind === 'text' ? (
              <span key={k}>{part.text}</span>
            ) : (
              <strong
                key={k}
                className="tour-value"
                data-testid={`tour-value-${part.key}`}
                data-key={part.key}
                {...(part.value === null ? {} : { 'data-value': String(part.value) })}
              >
                {part.shown}
              </strong>
            ),
          )
        : '…'}
    </p>
  );
}

export function TourPanel() {
  const controller = useController();
  const [tour, setTour] = useState<Tour>(ESSAY_TOUR);
  const [mode, setMode] = useState<Mode>('off');
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [autoplay, setAutoplay] = useState(false);
  const scenarioName = useAppState((state) => state.world?.scenario.name ?? null);

  const goTo = (next: number, on: Tour = tour): void => {
    const step = on.steps[next];
    if (step === undefined) return;
    controller.pause();
    controller.setTime(step.tdbS);
    controller.setTarget(step.target);
    setIndex(next);
    setMode('story');
  };

  const end = (): void => {
    setAutoplay(false);
    setMode('off');
  };

  // Play: the next step after secondsPerStep, until the last; a step change restarts the wait
  useEffect(() => {
    if (!autoplay || mode !== 'story') return undefined;
    if (index >= tour.steps.length - 1) {
      setAutoplay(false);
      return undefined;
    }
    const timer = setTimeout(() => goTo(index + 1), tour.secondsPerStep * 1000);
    return () => clearTimeout(timer);
  }, [autoplay, mode, index, tour]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    try {
      const loaded = parseTour(JSON.parse(await file.text()) as unknown, file.name);
      setTour(loaded);
      setError(null);
      goTo(0, loaded);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  if (mode === 'off') {
    return (
      <div className="tour tour-off">
        <button type="button" data-testid="tour-start" onClick={() => goTo(0)}>
          Story: {tour.title}
        </button>
        <label className="tour-load">
          Load a tour…
          <input type="file" accept=".json,application/json" data-testid="tour-file" onChange={onFile} />
        </label>
        {error === null ? null : (
          <p className="tour-error" data-testid="tour-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  const step = tour.steps[index];
  if (mode === 'explore') {
    return (
      <div className="tour tour-exploring">
        <button type="button" data-testid="tour-resume" onClick={() => goTo(index)}>
          Resume the story ({index + 1}/{tour.steps.length}: {step?.title})
        </button>
        <button type="button" data-testid="tour-end" onClick={end}>
          End
        </button>
      </div>
    );
  }
  return (
    <section
      className="tour tour-story"
      aria-label="Story"
      data-testid="tour"
      data-step={index}
      data-playing={autoplay ? 'yes' : 'no'}
    >
      <div className="tour-phase">{step?.phase}</div>
      <h2 className="tour-title">
        {step?.title}
        <span className="muted">
          {' '}
          · {index + 1}/{tour.steps.length}
        </span>
      </h2>
      {scenarioName !== null && scenarioName !== tour.scenario ? (
        <p className="muted small">Written for the {tour.scenario} scenario.</p>
      ) : null}
      <Caption tour={tour} index={index} />
      <div className="tour-buttons">
        <button
          type="button"
          data-testid="tour-previous"
          disabled={index === 0}
          onClick={() => goTo(index - 1)}
        >
          Previous
        </button>
        <button
          type="button"
          data-testid="tour-next"
          disabled={index === tour.steps.length - 1}
          onClick={() => goTo(index + 1)}
        >
          Next
        </button>
        <button type="button" data-testid="tour-play" onClick={() => setAutoplay((on) => !on)}>
          {autoplay ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          data-testid="tour-explore"
          onClick={() => {
            setAutoplay(false);
            setMode('explore');
          }}
        >
          Explore
        </button>
        <button type="button" data-testid="tour-end" onClick={end}>
          End
        </button>
      </div>
    </section>
  );
}
