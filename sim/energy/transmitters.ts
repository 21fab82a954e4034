/**
 * The collectors must carry what their links radiate through. The first hop of every energy link transmits from
 * the collectors themselves (schema.ts: the transmitter of hop 0 is the collectors), so the collector's bill of
 * materials (sim/swarm/collector.ts) must list a transmitter of that hop's kind: an `rf-transmitter` (phased
 * array) for a radio carrier, a `laser-transmitter` (laser head) for an optical one. Without it the collector's
 * mass, and so its area, captured power and lightness number, would leave out the hardware the ledger uses.
 */
import { InputError } from '../errors.ts';
import type { CollectorPart, CollectorPartKind } from '../swarm/collector.ts';
import type { EnergyLink } from './resolve.ts';

/** The part kind a hop's carrier needs on its transmitter: radio (frequencyHz) or optical (wavelengthM). */
export function transmitterKindFor(link: EnergyLink): CollectorPartKind {
  const first = link.hops[0];
  return first !== undefined && first.link.frequencyHz !== undefined ? 'rf-transmitter' : 'laser-transmitter';
}

/**
 * Refuse links whose first hop radiates from collectors that carry no transmitter of the right kind. `path`
 * prefixes the link's field name (`energy`). Throws InputError naming the link and the missing part.
 */
export function checkCollectorTransmitters(
  links: readonly EnergyLink[],
  parts: readonly CollectorPart[],
  path = 'energy',
): void {
  const kinds = new Set(parts.map((part) => part.kind));
  links.forEach((link, index) => {
    const needed = transmitterKindFor(link);
    if (kinds.has(needed)) return;
    const hop = link.hops[0];
    const carrier =
      hop?.link.frequencyHz !== undefined
        ? `a radio carrier (${(hop.link.frequencyHz / 1e9).toPrecision(4)} GHz)`
        : `an optical carrier (${((hop?.link.wavelengthM ?? NaN) * 1e6).toPrecision(4)} um)`;
    const have = parts.map((part) => `${JSON.stringify(part.name)} (${part.kind})`).join(', ');
    throw new InputError(
      `link ${JSON.stringify(link.name)} radiates from the collectors (hops[0]${hop?.name === null || hop === undefined ? '' : ` ${JSON.stringify(hop.name)}`} on ${carrier}), ` +
        `but collector.billOfMaterials has no part of kind ${JSON.stringify(needed)}: add the collectors' ` +
        `${needed === 'rf-transmitter' ? 'phased array' : 'laser head'} with its areal density and source ` +
        `(the collector has: ${have})`,
      `${path}.links[${index}]`,
    );
  });
}
