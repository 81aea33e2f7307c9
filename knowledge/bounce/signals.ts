import { heldOutTable } from "../holdout.ts";
import { registerFirstParts, scanFirstParts } from "../reasons/check.ts";
import { CHECKS } from "../reasons/order.ts";
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
/**
 * PHRASE_OF[id]: which of PHRASES the shared index's pattern `id` is (-1, or past the end: another
 * list's). Their first parts are registered in that index (reasons/check.ts) in PHRASES' order, so its
 * answers come in the order a separate index over them would give.
 */
let PHRASE_OF = new Int32Array(0);
heldOutTable(({ phrases }) => {
  PHRASES = Object.values(CHECKS)
    .filter((c) => c.reason !== "vacation")
    .flatMap((c) => c.phrases)
    .filter((p) => !phrases.has(p))
    .map((p) => p.split("…"));
  const ids = registerFirstParts(PHRASES.map((parts) => parts[0]!));
  PHRASE_OF = new Int32Array((ids.at(-1) ?? -1) + 1).fill(-1);
  ids.forEach((id, i) => {
    PHRASE_OF[id] = i;
  });
});

/** Kana, kanji, Japanese punctuation and full-width forms. */
const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]/;

/**
 * Lines that cannot be a server's explanation: encoded data and long unbroken tokens. `sentences`: the
 * text is a bounce's (generic.ts's "pasted"), where a long Japanese line without blanks is a notice's
 * sentence, as Japanese is written (「送信先メールアドレスが見つかりませんでした。メールアドレスをご確認
 * の上、再送信してください。」, or a paragraph a narrow screen wrapped and unwrap.ts joined). Elsewhere it
 * stays unread: a long message typed in Japanese that uses a phrase's words (「迷惑メール」) is no bounce.
 */
/** White space (a module constant: isNoise runs for every long line a phrase is looked for in). */
const BLANK = /\s/;

function isNoise(line: string, sentences: boolean): boolean {
  if (line.length > 600) return true;
  if (line.length <= 40) return false;
  const text = line.trim();
  return !BLANK.test(text) && !(sentences && JAPANESE.test(text));
}

/** `lower`: the line already folded by forMatching, where the caller has it. */
export function knownPhrase(line: string, sentences = false, lower?: string): string | undefined {
  if (isNoise(line, sentences)) return undefined;
  const text = lower ?? forMatching(line);
  if (text.length < 4) return undefined;
  const { found, count, end } = scanFirstParts(text);
  for (let k = 0; k < count; k++) {
    const id = found[k]!;
    const phrase = id < PHRASE_OF.length ? PHRASE_OF[id]! : -1;
    if (phrase === -1) continue;
    const parts = PHRASES[phrase]!;
    let at = end[id]!;
    let ok = true;
    for (let i = 1; i < parts.length && ok; i++) {
      const hit = text.indexOf(parts[i]!, at);
      ok = hit !== -1;
      at = hit + parts[i]!.length;
    }
    if (ok) return parts.join("…");
  }
  return undefined;
}

/** `sentences`: the text is a bounce's, so its long Japanese lines are read too (isNoise). */
export function isSignalLine(line: string, sentences = false): boolean {
  return hasSmtpCode(line) || knownPhrase(line, sentences) !== undefined;
}
