import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE_TEXTS, hostileText, MAX_CHARS, ORDINARY_PASTE } from "../bench/hostile-texts.ts";
import { createMessagePath } from "../bench/message-path.ts";
import { checkMessages } from "../platform/line-limits.ts";

/**
 * Any text a user can send on LINE goes through the whole message path (interpreter, classifier, masker,
 * renderer) and gets an answer LINE accepts (issue #12), then so does the 「いいえ」 after it (the
 * escalation summary quotes the paste). How long that takes is measured by `npm run bench:adversarial`
 * (≤ 20 ms per message, checked by .ci/run), not here: the regular expressions are proven linear by
 * test/redos.test.ts.
 */
const path = createMessagePath();
let users = 0;

/** The answers to `text` from a new user, and to the 「いいえ」 after it. */
async function answers(text: string) {
  const userId = `U${(++users).toString(16).padStart(32, "0")}`;
  const answered = [];
  for (const message of [text, "いいえ"]) answered.push(await path.answer(userId, message));
  return answered;
}

describe("the whole message path on hostile texts", () => {
  it("answers an ordinary paste", async () => {
    expect((await answers(ORDINARY_PASTE))[0]!.length).toBeGreaterThan(0);
  });

  it.each(HOSTILE_TEXTS)("answers %s within LINE's limits", async (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_CHARS);
    for (const answer of await answers(text)) {
      expect(answer.length).toBeGreaterThan(0);
      expect(checkMessages(answer)).toEqual([]);
    }
  });

  it(`answers generated texts of up to ${MAX_CHARS} characters within LINE's limits`, {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(), async (text) => {
        expect(text.length).toBeLessThanOrEqual(MAX_CHARS);
        expect(checkMessages((await answers(text))[0]!)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
