/**
 * Text that follows the store without re-rendering: the node is written directly whenever the selected value
 * changes (many times per second while playing).
 */
import { useRef, type HTMLAttributes } from 'react';
import { useStoreEffect } from '../state/context.tsx';
import type { AppState } from '../state/store.ts';

interface LiveTextProps<T> extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  readonly select: (state: AppState) => T;
  readonly format: (value: T, state: AppState) => string;
  /** Re-subscribe when these change (e.g. the format depends on a prop). */
  readonly deps?: readonly unknown[];
}

export function LiveText<T>({ select, format, deps = [], ...rest }: LiveTextProps<T>) {
  const ref = useRef<HTMLSpanElement>(null);
  useStoreEffect(
    select,
    (value, state) => {
      const text = format(value, state);
      if (ref.current !== null && ref.current.textContent !== text) ref.current.textContent = text;
    },
    deps,
  );
  return <span ref={ref} {...rest} />;
}
