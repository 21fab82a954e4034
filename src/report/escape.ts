/**
 * Text into HTML. Everything a report shows from a scenario (its title, description, notes and sources) is user
 * data: it goes in as text, escaped, never as markup, and the data for the charts goes in as JSON that cannot end
 * its script element (HTML 13.2.6.1: a script's text ends at the first `</script`).
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A value as JSON for a `<script type="application/json">` element: `<` written as \u003c (so no `</script` nor
 * `<!--` can appear), and the line and paragraph separators escaped as well (older parsers took them for newlines).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A script's text inlined as it is (a library's, ours): refused if it could end or comment out its element. */
export function inlineScriptText(text: string, name: string): string {
  if (/<\/script|<!--/i.test(text)) {
    throw new Error(`report: ${name} contains </script or <!-- and cannot be inlined as it is`);
  }
  return text;
}

/** A style sheet's text inlined as it is: refused if it could end its element. */
export function inlineStyleText(text: string, name: string): string {
  if (/<\/style/i.test(text)) throw new Error(`report: ${name} contains </style and cannot be inlined`);
  return text;
}
