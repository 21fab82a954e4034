/**
 * Reading the Snapshot by dotted paths that are type-checked against it (sim/world.ts): `at('growth.factoryMassKg')`
 * compiles only while that field exists and holds a number, and its type says it reads null when the section is
 * absent. The catalogue of figures (figures.ts) is written with these readers, and each reader lists the paths it
 * reads, so tests can check that every Snapshot field is read or deliberately left out.
 */
import type { Snapshot } from '../world.ts';

/** Nesting levels followed by the path types (Snapshot -> growth -> massLedger -> field is 3). */
type Depth = [never, 0, 1, 2, 3];

/** A record keyed by names (e.g. sites): a value of its own, not a section to follow. */
type IsNameRecord<T> = T extends object ? (string extends keyof T ? true : false) : false;

type Present<T> = NonNullable<T>;

/**
 * Dotted paths of T's fields whose value (null and undefined aside) is a V. Sections (optional ones included) are
 * followed; arrays, typed arrays and name-keyed records are leaves.
 */
export type PathTo<T, V, D extends number = 4> = [D] extends [never]
  ? never
  : {
      [K in keyof T & string]-?: Present<T[K]> extends V
        ? K
        : Present<T[K]> extends readonly unknown[] | ArrayBufferView
          ? never
          : IsNameRecord<Present<T[K]>> extends true
            ? never
            : Present<T[K]> extends object
              ? `${K}.${PathTo<Present<T[K]>, V, Depth[D]>}`
              : never;
    }[keyof T & string];

/** Every dotted path of T: leaves and the sections above them. */
export type AnyPath<T, D extends number = 4> = [D] extends [never]
  ? never
  : {
      [K in keyof T & string]-?: Present<T[K]> extends readonly unknown[] | ArrayBufferView
        ? K
        : IsNameRecord<Present<T[K]>> extends true
          ? K
          : Present<T[K]> extends object
            ? K | `${K}.${AnyPath<Present<T[K]>, Depth[D]>}`
            : K;
    }[keyof T & string];

/** The value at a dotted path; an absent (undefined) section or field reads null. */
export type ValueAt<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof T
    ? undefined extends T[K]
      ? ValueAt<Present<T[K]>, Rest> | null
      : ValueAt<T[K], Rest>
    : never
  : P extends keyof T
    ? undefined extends T[P]
      ? Exclude<T[P], undefined> | null
      : T[P]
    : never;

/** Snapshot fields that hold a number. */
export type SnapshotNumberPath = PathTo<Snapshot, number>;
/** Snapshot fields that hold a name-keyed record of numbers (per site). */
export type SnapshotRecordPath = {
  [P in AnyPath<Snapshot>]: Present<ValueAt<Snapshot, P>> extends Readonly<Record<string, number>>
    ? IsNameRecord<Present<ValueAt<Snapshot, P>>> extends true
      ? P
      : never
    : never;
}[AnyPath<Snapshot>];
/** Snapshot fields that hold text. */
export type SnapshotTextPath = PathTo<Snapshot, string>;
/** Any Snapshot field or section. */
export type SnapshotPath = AnyPath<Snapshot>;

/** How a figure of an instant is read: the Snapshot fields it reads, and the reading. */
export interface Reader<V> {
  readonly reads: readonly SnapshotPath[];
  readonly read: (snapshot: Snapshot) => V;
}

function valueAtPath(snapshot: Snapshot, parts: readonly string[]): unknown {
  let value: unknown = snapshot;
  for (const part of parts) {
    if (value === undefined || value === null) return null;
    value = (value as Readonly<Record<string, unknown>>)[part];
  }
  return value ?? null;
}

/** The number at `path`: null when its section is absent. */
export function at<P extends SnapshotNumberPath>(path: P): Reader<ValueAt<Snapshot, P>> {
  const parts = path.split('.');
  return { reads: [path], read: (s) => valueAtPath(s, parts) as ValueAt<Snapshot, P> };
}

/** The text at `path`: null when its section is absent. */
export function textAt<P extends SnapshotTextPath>(path: P): Reader<ValueAt<Snapshot, P>> {
  const parts = path.split('.');
  return { reads: [path], read: (s) => valueAtPath(s, parts) as ValueAt<Snapshot, P> };
}

/** A copy of the per-name record at `path` (so the row owns it): null when its section is absent. */
export function recordAt<P extends SnapshotRecordPath>(path: P): Reader<Record<string, number> | null> {
  const parts = path.split('.');
  return {
    reads: [path],
    read: (s) => {
      const value = valueAtPath(s, parts) as Readonly<Record<string, number>> | null;
      return value === null ? null : { ...value };
    },
  };
}

/** The first reading that is not null. */
export function firstOf(...readers: ReadonlyArray<Reader<number | null>>): Reader<number | null> {
  return {
    reads: readers.flatMap((r) => r.reads),
    read: (s) => {
      for (const reader of readers) {
        const value = reader.read(s);
        if (value !== null) return value;
      }
      return null;
    },
  };
}

/** A non-finite reading (an infinite payback while nothing is captured) is no value: null. */
export function finite(reader: Reader<number | null>): Reader<number | null> {
  return {
    reads: reader.reads,
    read: (s) => {
      const value = reader.read(s);
      return value !== null && Number.isFinite(value) ? value : null;
    },
  };
}

/** The sum of the readings that are not null; null when all are. */
export function sumOf(...readers: ReadonlyArray<Reader<number | null>>): Reader<number | null> {
  return {
    reads: readers.flatMap((r) => r.reads),
    read: (s) => {
      let total: number | null = null;
      for (const reader of readers) {
        const value = reader.read(s);
        if (value !== null) total = (total ?? 0) + value;
      }
      return total;
    },
  };
}

/** numerator / denominator; null when either is null or the ratio is undefined (0/0). */
export function ratioOf(
  numerator: Reader<number | null>,
  denominator: Reader<number | null>,
): Reader<number | null> {
  return finite({
    reads: [...numerator.reads, ...denominator.reads],
    read: (s) => {
      const n = numerator.read(s);
      const d = denominator.read(s);
      return n === null || d === null ? null : n / d;
    },
  });
}
