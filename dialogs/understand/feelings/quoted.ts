/**
 * 「件名に「至急」って入れてたのがまずかった？」「「お怒りの声」への返信が戻ってきた」「【至急】の見積もり依頼」 "the subject
 * said "URGENT"": a word of
 * feeling inside quotation marks is what a subject line, a title or someone else said, not what the writer feels
 * (round 39, family39a: calm in the blind writers' labels). The quoted words are blanked where feelings are looked
 * for; what the writer says around them (「はいはい、「時間をおいて再送」ね。ありがたいアドバイスどうも」) is read as before.
 */
/** Opening mark's character code → its closing mark. By code: `text[at]` would make a string per kana or kanji. */
const QUOTES: ReadonlyMap<number, string> = new Map([
  [0x300c, "」"],
  [0x300e, "』"],
  // 【至急】【重要】: the lenticular brackets of a subject line's tag (round 40).
  [0x3010, "】"],
  [0x201c, "”"],
  [0x22, '"'],
]);

/**
 * The text with what is inside each pair of quotation marks blanked (the marks stay), or the text itself when it has
 * no closed pair. One scan for the openers; the blanked copy is made only for a text that quotes.
 */
export function withoutQuoted(text: string): string {
  let out: string | undefined;
  let at = 0;
  while (at < text.length) {
    const close = QUOTES.get(text.charCodeAt(at));
    if (close === undefined) {
      at++;
      continue;
    }
    const end = text.indexOf(close, at + 1);
    if (end < 0) break;
    if (end > at + 1)
      out = (out ?? text).slice(0, at + 1) + " ".repeat(end - at - 1) + (out ?? text).slice(end);
    at = end + 1;
  }
  return out ?? text;
}
