/**
 * Uploaded and edited scenarios, kept in the tab's sessionStorage under their name, so that a reload of a URL that
 * names one (`scenario=stored:NAME`) finds it again.
 */

/** sessionStorage key prefix of stored scenarios. */
export const STORED_SCENARIO_KEY = 'essaim.scenario.';

/** What is needed of a Storage (the tab's sessionStorage, or a stand-in). */
export type ScenarioStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The tab's sessionStorage, or null where it is disabled (some privacy settings throw on access). */
export function sessionScenarioStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export class StoredScenarios {
  private readonly storage: ScenarioStorage | null;

  /** `storage` null: nothing is kept (a reload then falls back to the default scenario). */
  constructor(storage: ScenarioStorage | null) {
    this.storage = storage;
  }

  /** The scenario file's text stored under `name`, or null. */
  read(name: string): string | null {
    return this.storage?.getItem(STORED_SCENARIO_KEY + name) ?? null;
  }

  /** Keep `text` under `name`. Storage full or disabled: the scenario runs, only a reload will not find it. */
  write(name: string, text: string): void {
    try {
      this.storage?.setItem(STORED_SCENARIO_KEY + name, text);
    } catch {
      // see above: not an error for the user
    }
  }
}
