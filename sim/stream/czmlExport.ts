/**
 * The CZML export worker's pure calculation (contract: czmlMessages.ts): the world the page shows, rebuilt from
 * the same scenario source, tracer budget and seed (so the same tracers), as a CZML document over the scenario's
 * whole span with yearly output times, as `essaim export czml` gives it with its defaults.
 */
import { InputError } from '../errors.ts';
import { buildCzml } from '../report/czml/index.ts';
import { outputStepOf, outputTimes } from '../simulate.ts';
import { createWorld } from '../world.ts';
import type { CzmlReply, CzmlRequest } from './czmlMessages.ts';
import { resolveScenarioSource } from './session.ts';

/** The reply to one export request: the document's JSON text, or the reason it could not be built. */
export function answerCzmlRequest(request: CzmlRequest): CzmlReply {
  try {
    const scenario = resolveScenarioSource(request.source);
    const world = createWorld(scenario, {
      ...(request.tracers === undefined ? {} : { tracers: request.tracers }),
      ...(request.seed === undefined ? {} : { seed: request.seed }),
    });
    const times = outputTimes(scenario.fromTdbS, scenario.toTdbS, outputStepOf(scenario, undefined));
    const packets = buildCzml(world, times, {
      name: scenario.name,
      ...(request.tracersShown === undefined ? {} : { tracersShown: request.tracersShown }),
    });
    return { type: 'czml', seq: request.seq, name: scenario.name, text: `${JSON.stringify(packets)}\n` };
  } catch (error) {
    const message = error instanceof InputError || error instanceof Error ? error.message : String(error);
    return { type: 'czmlFailed', seq: request.seq, message };
  }
}
