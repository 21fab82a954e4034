/**
 * The timeline: play/pause, step, speed, the date (and a field to type one), and a scrubber over the scenario's
 * span with the scenario's own phases marked (state/phases.ts, from its series). The date, the scrubber's thumb and its fill follow the store directly (no re-render per frame).
 * Keyboard: space plays/pauses, ←/→ step, ↑/↓ change speed, Home/End jump to the ends (see useKeyboard).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { isoToTdbS } from '../../../sim/time.ts';
import { useAppState, useController, useStoreEffect } from '../state/context.tsx';
import { formatDateTime, formatSpan } from '../state/format.ts';
import { SPEEDS, speedAt } from '../state/speeds.ts';
import { phasesOf } from '../state/phases.ts';
import { LiveText } from './LiveText.tsx';

const ICON_PATHS = {
  back: 'M6 5h2v14H6zM20 5v14L9 12z',
  play: 'M7 4.5v15L20 12z',
  reverse: 'M17 4.5v15L4 12z',
  pause: 'M6.5 5h4v14h-4zM13.5 5h4v14h-4z',
  forward: 'M16 5h2v14h-2zM4 5v14l11-7z',
} as const;

function Icon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name]} fill="currentColor" />
    </svg>
  );
}

function percent(value: number, from: number, to: number): number {
  return Math.min(100, Math.max(0, (100 * (value - from)) / (to - from)));
}

function yearTicks(from: number, to: number): Array<{ year: number; tdbS: number }> {
  const first = Number(formatDateTime(from).slice(0, 4));
  const last = Number(formatDateTime(to).slice(0, 4));
  const ticks: Array<{ year: number; tdbS: number }> = [];
  for (let year = first; year <= last + 1; year += 1) {
    const tdbS = isoToTdbS(`${year}-01-01`);
    if (tdbS >= from && tdbS <= to) ticks.push({ year, tdbS });
  }
  return ticks;
}

export function Timeline() {
  const controller = useController();
  const from = useAppState((state) => state.rangeFromTdbS);
  const to = useAppState((state) => state.rangeToTdbS);
  const playing = useAppState((state) => state.playing);
  const backwards = useAppState((state) => state.playDirection === -1);
  const speedIndex = useAppState((state) => state.speedIndex);
  const series = useAppState((state) => state.series);
  const phases = useMemo(() => phasesOf(series, from, to), [series, from, to]);
  const [dateError, setDateError] = useState<string | null>(null);
  const goToDate = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const field = event.currentTarget.elements.namedItem('date') as HTMLInputElement | null;
    const text = field?.value.trim() ?? '';
    if (text === '') return;
    let tdbS: number;
    try {
      tdbS = isoToTdbS(text);
    } catch (error) {
      setDateError(`${text}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    setDateError(null);
    controller.pause();
    controller.setTime(tdbS);
  };
  const input = useRef<HTMLInputElement>(null);
  const fill = useRef<HTMLDivElement>(null);

  useStoreEffect(
    (state) => state.timeTdbS,
    (t) => {
      if (input.current !== null && Number(input.current.value) !== t) input.current.value = String(t);
      if (fill.current !== null) fill.current.style.width = `${percent(t, from, to)}%`;
    },
    [from, to],
  );

  const ticks = yearTicks(from, to);
  const speed = speedAt(speedIndex);
  return (
    <footer className="timeline" aria-label="Timeline">
      <div className="timeline-controls">
        <button
          type="button"
          className="icon-button"
          onClick={() => controller.step(-1)}
          title={`Step back to the previous ${formatSpan(speed.secondsPerSecond)} boundary (←)`}
          aria-label="Step back"
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="play-backwards"
          onClick={() => (playing && backwards ? controller.pause() : controller.playBackwards())}
          title="Play backwards / pause"
          aria-label={playing && backwards ? 'Pause' : 'Play backwards'}
          aria-pressed={playing && backwards}
        >
          <Icon name={playing && backwards ? 'pause' : 'reverse'} />
        </button>
        <button
          type="button"
          className="icon-button play"
          data-testid="play"
          onClick={() => controller.togglePlay()}
          title="Play / pause (space)"
          aria-label={playing && !backwards ? 'Pause' : 'Play'}
          aria-pressed={playing && !backwards}
        >
          <Icon name={playing && !backwards ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => controller.step(1)}
          title={`Step forward to the next ${formatSpan(speed.secondsPerSecond)} boundary (→)`}
          aria-label="Step forward"
        >
          <Icon name="forward" />
        </button>
        <label className="speed" title="Playback speed (↑ / ↓)">
          <span className="sr-only">Speed</span>
          <select
            value={speedIndex}
            data-testid="speed"
            onChange={(event) => controller.setSpeed(Number(event.target.value))}
          >
            {SPEEDS.map((s, index) => (
              <option key={s.key} value={index}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="timeline-main">
        <div className="date-row">
          <LiveText
            className="date"
            data-testid="date"
            select={(state) => state.timeTdbS}
            format={(t) => formatDateTime(t)}
          />
          <form className="date-entry" onSubmit={goToDate} aria-label="Go to a date">
            <input
              name="date"
              type="text"
              data-testid="date-entry"
              placeholder="go to 2046-03-01"
              aria-label="Go to date (ISO 8601, UTC)"
              aria-invalid={dateError !== null}
              title={
                dateError ?? 'A date or date-time in UTC (2046-03-01, 2046-03-01T12:00Z); Enter goes there'
              }
            />
          </form>
        </div>
        <div className="scrubber">
          <div className="phases" aria-hidden="true">
            {phases.map((phase) => {
              const left = percent(phase.fromTdbS, from, to);
              const right = percent(phase.toTdbS, from, to);
              if (right <= left) return null;
              return (
                <div
                  key={phase.label}
                  className={`phase ${phase.className}`}
                  data-testid={`phase-${phase.className}`}
                  style={{ left: `${left}%`, width: `${right - left}%` }}
                >
                  <span>{phase.label}</span>
                </div>
              );
            })}
          </div>
          <div className="track">
            <div className="fill" ref={fill} />
          </div>
          <div className="ticks" aria-hidden="true">
            {ticks.map(({ year, tdbS }) => (
              <span
                key={year}
                className={year % 5 === 0 ? 'tick major' : 'tick'}
                style={{ left: `${percent(tdbS, from, to)}%` }}
              >
                {year % 5 === 0 ? year : ''}
              </span>
            ))}
          </div>
          <input
            ref={input}
            type="range"
            className="scrub-input"
            data-testid="scrubber"
            aria-label="Date"
            min={from}
            max={to}
            step="any"
            defaultValue={controller.store.getState().timeTdbS}
            onPointerDown={() => controller.pause()}
            onInput={(event) => controller.setTime(Number(event.currentTarget.value))}
          />
        </div>
      </div>
    </footer>
  );
}

/** Keys that are the timeline's, unless the user is typing in a field. */
export function useKeyboard(): void {
  const controller = useController();
  useEffect(() => {
    const isTyping = (target: EventTarget | null): boolean =>
      target instanceof HTMLElement &&
      (target.isContentEditable ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLInputElement && target.type !== 'range'));
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target))
        return;
      const { speedIndex, rangeFromTdbS, rangeToTdbS } = controller.store.getState();
      switch (event.key) {
        case ' ':
          controller.togglePlay();
          break;
        case 'ArrowRight':
          controller.step(1);
          break;
        case 'ArrowLeft':
          controller.step(-1);
          break;
        case 'ArrowUp':
          controller.setSpeed(speedIndex + 1);
          break;
        case 'ArrowDown':
          controller.setSpeed(speedIndex - 1);
          break;
        case 'Home':
          controller.setTime(rangeFromTdbS);
          break;
        case 'End':
          controller.setTime(rangeToTdbS);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    // a focused button must not also "click" on space: its activation happens on keyup
    const onKeyUp = (event: KeyboardEvent): void => {
      if (event.key === ' ' && !isTyping(event.target)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
    };
  }, [controller]);
}
