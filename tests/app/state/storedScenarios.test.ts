/**
 * Stored scenarios (src/app/state/storedScenarios.ts): kept under `essaim.scenario.NAME` (the key a reload of a
 * `scenario=stored:NAME` link looks up), and a full or missing storage never stops a scenario from running.
 */
import { expect, test } from 'vitest';
import { StoredScenarios, type ScenarioStorage } from '../../../src/app/state/storedScenarios.ts';

function memoryStorage(): ScenarioStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

test('a scenario is kept under essaim.scenario.NAME and read back', () => {
  const storage = memoryStorage();
  const stored = new StoredScenarios(storage);
  stored.write('fast-swarm', '{"name":"fast-swarm"}');
  expect([...storage.items]).toEqual([['essaim.scenario.fast-swarm', '{"name":"fast-swarm"}']]);
  expect(stored.read('fast-swarm')).toBe('{"name":"fast-swarm"}');
  expect(stored.read('other')).toBeNull();
});

test('without storage nothing is kept, and nothing fails', () => {
  const stored = new StoredScenarios(null);
  expect(() => stored.write('fast-swarm', '{}')).not.toThrow();
  expect(stored.read('fast-swarm')).toBeNull();
});

test('a full storage (setItem throws) does not throw', () => {
  const full: ScenarioStorage = {
    getItem: () => null,
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
  };
  expect(() => new StoredScenarios(full).write('big', 'x'.repeat(100))).not.toThrow();
});
