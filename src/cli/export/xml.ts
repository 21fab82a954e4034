/**
 * Serialise the ODM/XML trees of sim/report/ccsds/ndmXml.ts with xmlbuilder2 (escaping, declaration), indented.
 * The declaration is `<?xml version="1.0" encoding="UTF-8"?>` on the first line, as 502.0-B-3 8.2 requires.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { XmlElement } from '../../../sim/report/ccsds/ndmXml.ts';

function append(parent: XMLBuilder, element: XmlElement): void {
  const node = parent.ele(element.name, element.attributes ?? {});
  if (element.text !== undefined) node.txt(element.text);
  for (const child of element.children ?? []) append(node, child);
}

/** The XML document of a tree, UTF-8, ending with a line feed. */
export function serializeXml(root: XmlElement): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  append(document, root);
  return `${document.end({ prettyPrint: true })}\n`;
}
