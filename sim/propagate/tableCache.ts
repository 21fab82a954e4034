/** The per-table memory of a backend: what it prepared for each table it was given, validated on first sight. */
import type { TracerTable } from './tracerTable.ts';
import { validateTracerTable } from './tracerTable.ts';

/** Validate on first sight and keep what a backend prepared per table (WeakMap: dropped with the table). */
export class TableCache<T> {
  private readonly entries = new WeakMap<TracerTable, T>();

  constructor(private readonly release: (entry: T) => void = () => {}) {}

  get(table: TracerTable, prepare: (table: TracerTable) => T): T {
    let entry = this.entries.get(table);
    if (entry === undefined) {
      validateTracerTable(table);
      entry = prepare(table);
      this.entries.set(table, entry);
    }
    return entry;
  }

  forget(table: TracerTable): void {
    const entry = this.entries.get(table);
    if (entry === undefined) return;
    this.entries.delete(table);
    this.release(entry);
  }
}
