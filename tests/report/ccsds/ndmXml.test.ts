// The ODM/XML form (CCSDS 502.0-B-3 section 8): written with xmlbuilder2 (src/cli/export/xml.ts), read back here
// with a different library (fast-xml-parser): the declaration (8.2), the NDM combined instantiation (8.12: one
// message per object, only id and version on each), the keyword tags in the tables' order, the units attributes
// (tables 8-4, 8-6), and every number equal to the float64 the messages hold.
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { oemNdmXml, ommNdmXml } from '../../../sim/report/ccsds/ndmXml.ts';
import type { OemMessage } from '../../../sim/report/ccsds/oem.ts';
import type { OmmMessage } from '../../../sim/report/ccsds/omm.ts';
import { tracerOemSegment, tracerOmm } from '../../../sim/report/ccsds/tracerMessages.ts';
import { createWorld } from '../../../sim/world.ts';
import { loadScenario } from '../../../sim/index.ts';
import { isoToTdbS } from '../../../sim/time.ts';
import { serializeXml } from '../../../src/cli/export/xml.ts';
import { OEM_METADATA, OMM_MEAN_ELEMENTS, OMM_METADATA, tableProblems } from './minimalKvn.ts';

type Ordered = Record<string, unknown>;
const HEADER = { comments: ['test'], creationUtcMs: Date.UTC(2026, 0, 1), originator: 'ESSAIM' };

/** fast-xml-parser in order-preserving mode: [{ tag: [children] , ':@': { attributes } }, ...]. */
const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
});
/** And plainly (arrays for repeated tags), values kept as text so that numbers are read by Number() here. */
const plain = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['oem', 'omm', 'segment', 'stateVector', 'COMMENT', 'USER_DEFINED'].includes(name),
});

const tagOf = (node: Ordered): string => Object.keys(node).find((key) => key !== ':@') as string;
const childrenOf = (node: Ordered): Ordered[] => node[tagOf(node)] as Ordered[];
const child = (node: Ordered, tag: string): Ordered => {
  const found = childrenOf(node).find((c) => tagOf(c) === tag);
  if (found === undefined) throw new Error(`no <${tag}> in <${tagOf(node)}>`);
  return found;
};

let oem: OemMessage;
let omms: OmmMessage[];

beforeAll(() => {
  const scenario = loadScenario('baseline');
  const world = createWorld(scenario, { tracers: 300, seed: 3 });
  const from = isoToTdbS('2050-01-01');
  const to = isoToTdbS('2050-02-01');
  const indices = [0, 5, 9];
  oem = {
    header: HEADER,
    timeSystem: 'TDB',
    segments: indices.map((i) => tracerOemSegment(world.swarm.table, i, from, to)),
  };
  const context = { header: HEADER, lightnessNumber: scenario.collector.lightnessNumber, shellNames: [] };
  omms = indices.map((i) => tracerOmm(world.swarm.table, i, context));
});

describe('ODM/XML', () => {
  it('puts several OEMs in an NDM combined instantiation, one <oem> per object, tags in table 5-3’s order', () => {
    const xml = serializeXml(oemNdmXml(oem));
    expect(xml.split('\n')[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    const root = (ordered.parse(xml) as Ordered[]).find((node) => tagOf(node) === 'ndm') as Ordered;
    expect((root[':@'] as Record<string, string>)['xsi:noNamespaceSchemaLocation']).toMatch(
      /ndmxml-3\.0\.0-master-3\.0\.xsd$/,
    );
    const messages = childrenOf(root);
    expect(messages.map(tagOf)).toEqual(['oem', 'oem', 'oem']);
    for (const message of messages) {
      expect(message[':@']).toEqual({ id: 'CCSDS_OEM_VERS', version: '3.0' });
      expect(childrenOf(message).map(tagOf)).toEqual(['header', 'body']);
      const metadata = child(child(child(message, 'body'), 'segment'), 'metadata');
      expect(tableProblems(childrenOf(metadata).map(tagOf), OEM_METADATA)).toEqual([]);
    }
  });

  it('carries the OEM’s numbers exactly, with km and km/s units', () => {
    const doc = plain.parse(serializeXml(oemNdmXml(oem))) as {
      ndm: {
        oem: Array<{
          body: {
            segment: Array<{
              data: { stateVector: Array<Record<string, { '#text': string; '@units': string } | string>> };
            }>;
          };
        }>;
      };
    };
    doc.ndm.oem.forEach((message, k) => {
      const segment = oem.segments[k]!;
      const vectors = message.body.segment[0]!.data.stateVector;
      expect(vectors).toHaveLength(segment.epochs.length);
      vectors.forEach((vector, n) => {
        ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT'].forEach((tag, j) => {
          const element = vector[tag] as { '#text': string; '@units': string };
          expect(Number(element['#text'])).toBe(segment.statesKmKmS[6 * n + j]);
          expect(element['@units']).toBe(j < 3 ? 'km' : 'km/s');
        });
      });
    });
  });

  it('writes one <omm> per tracer with its mean elements, units and user-defined parameters', () => {
    const xml = serializeXml(ommNdmXml(omms));
    const root = (ordered.parse(xml) as Ordered[]).find((node) => tagOf(node) === 'ndm') as Ordered;
    expect(childrenOf(root).map(tagOf)).toEqual(['omm', 'omm', 'omm']);
    for (const message of childrenOf(root)) {
      const segment = child(child(message, 'body'), 'segment');
      expect(tableProblems(childrenOf(child(segment, 'metadata')).map(tagOf), OMM_METADATA)).toEqual([]);
      const data = child(segment, 'data');
      expect(childrenOf(data).map(tagOf)).toEqual(['meanElements', 'userDefinedParameters']);
      expect(tableProblems(childrenOf(child(data, 'meanElements')).map(tagOf), OMM_MEAN_ELEMENTS)).toEqual(
        [],
      );
    }
    const doc = plain.parse(xml) as {
      ndm: {
        omm: Array<{
          body: {
            segment: Array<{
              data: {
                meanElements: Record<string, { '#text': string; '@units': string } | string | string[]>;
                userDefinedParameters: { USER_DEFINED: Array<{ '#text': string; '@parameter': string }> };
              };
            }>;
          };
        }>;
      };
    };
    doc.ndm.omm.forEach((message, k) => {
      const written = omms[k]!.meanElements;
      const mean = message.body.segment[0]!.data.meanElements;
      const value = (tag: string): { '#text': string; '@units': string } =>
        mean[tag] as { '#text': string; '@units': string };
      expect(Number(value('SEMI_MAJOR_AXIS')['#text'])).toBe(written.semiMajorAxisKm);
      expect(value('SEMI_MAJOR_AXIS')['@units']).toBe('km');
      expect(Number(value('INCLINATION')['#text'])).toBe(written.inclinationDeg);
      expect(value('INCLINATION')['@units']).toBe('deg');
      expect(Number(value('GM')['#text'])).toBe(written.gmKm3S2);
      expect(value('GM')['@units']).toBe('km**3/s**2');
      expect(Number(mean['ECCENTRICITY'] as string)).toBe(written.eccentricity);
      const user = message.body.segment[0]!.data.userDefinedParameters.USER_DEFINED;
      expect(user.map((u) => u['@parameter'])).toContain('LIGHTNESS_NUMBER');
    });
  });
});
