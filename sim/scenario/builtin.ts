/**
 * The scenarios shipped with Essaim, as data (JSON files in assets/scenarios/, imported as JSON modules so that
 * the browser bundle and Node share them without file-system access).
 */
import baseline from '../../assets/scenarios/baseline.json' with { type: 'json' };

export const builtinScenarioFiles: Readonly<Record<string, unknown>> = {
  baseline,
};
