/**
 * An edited scenario carried in a link: its JSON, deflated (CompressionStream 'deflate-raw', built into the
 * browser) and base64url-encoded into the `share` query parameter. On load the text is only inflated and handed to
 * the worker as JSON, where the core validates it like any uploaded file (errors name the field): nothing in it
 * is evaluated. Links past MAX_SHARE_CHARS, or text past MAX_SCENARIO_CHARS once inflated, are refused.
 */

/** The query parameter that carries a scenario. */
export const SHARE_PARAM = 'share';
/** Longest `share` value accepted, characters (browsers and servers handle URLs of a few tens of kB). */
export const MAX_SHARE_CHARS = 60_000;
/** Longest scenario text accepted once inflated, characters (the built-in scenarios are under 20 k). */
export const MAX_SCENARIO_CHARS = 1_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link’s scenario is not base64url text');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** The `share` value for a scenario's JSON text. */
export async function encodeShare(scenarioJson: string): Promise<string> {
  const deflated = await through(
    new TextEncoder().encode(scenarioJson),
    new CompressionStream('deflate-raw'),
  );
  return toBase64Url(deflated);
}

/** The scenario JSON text in a `share` value; throws an Error saying what is wrong with the link. */
export async function decodeShare(value: string): Promise<string> {
  if (value.length > MAX_SHARE_CHARS) {
    throw new Error(
      `the link’s scenario is ${value.length} characters long; at most ${MAX_SHARE_CHARS} are read`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder().decode(
      await through(fromBase64Url(value), new DecompressionStream('deflate-raw')),
    );
  } catch (error) {
    throw new Error(
      `the link’s scenario could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (text.length > MAX_SCENARIO_CHARS) {
    throw new Error(
      `the link’s scenario is ${text.length} characters once unpacked; at most ${MAX_SCENARIO_CHARS}`,
    );
  }
  return text;
}
