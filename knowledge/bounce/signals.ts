import { heldOutTable } from "../holdout.ts";
import { CHECKS } from "../reasons/order.ts";
import { PhraseIndex } from "./phrase-index.ts";
import { forMatching } from "./text.ts";

/**
 * Does a line carry bounce information: an SMTP reply, an enhanced status code, or a phrase one of the
 * reasons knows? Used where a notice has no recipient list (and for pasted fragments).
 */
const CODE = /(?:^|[\s:(<["'#])(?:[45]\d\d[ -]|[245]\.\d{1,3}\.\d{1,3})/;

export function hasSmtpCode(line: string): boolean {
  return CODE.test(line);
}

/** Every phrase of every reason (but auto-replies and held-out phrases), split into its ordered parts. */
let PHRASES: string[][] = [];
/** One index over the first part of each phrase; the other parts are checked after a hit. */
let FIRST_PARTS = new PhraseIndex([]);
heldOutTable(({ phrases }) => {
  PHRASES = Object.values(CHECKS)
    .filter((c) => c.reason !== "vacation")
    .flatMap((c) => c.phrases)
    .filter((p) => !phrases.has(p))
    .map((p) => p.split("…"));
  FIRST_PARTS = new PhraseIndex(PHRASES.map((parts) => parts[0]!));
});

/** Lines that cannot be a server's explanation: encoded data and long unbroken tokens. */
function isNoise(line: string): boolean {
  return line.length > 600 || (line.length > 40 && !/\s/.test(line.trim()));
}

export function knownPhrase(line: string): string | undefined {
  if (isNoise(line)) return undefined;
  const text = forMatching(line);
  if (text.length < 4) return undefined;
  for (const [id, end] of FIRST_PARTS.find(text)) {
    const parts = PHRASES[id]!;
    let at = end;
    let ok = true;
    for (let i = 1; i < parts.length && ok; i++) {
      const found = text.indexOf(parts[i]!, at);
      ok = found !== -1;
      at = found + parts[i]!.length;
    }
    if (ok) return parts.join("…");
  }
  return undefined;
}

export function isSignalLine(line: string): boolean {
  return hasSmtpCode(line) || knownPhrase(line) !== undefined;
}
