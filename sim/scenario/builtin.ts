/**
 * The scenarios shipped with Essaim, as data (JSON files in assets/scenarios/, imported as JSON modules so that
 * the browser bundle and Node share them without file-system access).
 */
import armstrongSandberg2013 from '../../assets/scenarios/armstrong-sandberg-2013.json' with { type: 'json' };
import baseline from '../../assets/scenarios/baseline.json' with { type: 'json' };
import metzger2013 from '../../assets/scenarios/metzger-2013.json' with { type: 'json' };
import metzger2013Fast from '../../assets/scenarios/metzger-2013-fast.json' with { type: 'json' };
import nasa1980LunarFactory from '../../assets/scenarios/nasa-1980-lunar-factory.json' with { type: 'json' };

export const builtinScenarioFiles: Readonly<Record<string, unknown>> = {
  baseline,
  'nasa-1980-lunar-factory': nasa1980LunarFactory,
  'metzger-2013': metzger2013,
  'metzger-2013-fast': metzger2013Fast,
  'armstrong-sandberg-2013': armstrongSandberg2013,
};
