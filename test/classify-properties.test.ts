import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ADVERSARIAL } from "../bench/adversarial.ts";
import { classify } from "../knowledge/classify.ts";
import { REASONS, TOPIC_IDS } from "../knowledge/types.ts";

/**
 * classify() is called on whatever users paste and whatever arrives by mail: it must never throw, and
 * what it returns must be well formed. How long it takes on the adversarial inputs is measured by
 * npm run bench:classify (worst of three runs each, budget 100 ms), not here.
 */

function wellFormed(result: Awaited<ReturnType<typeof classify>>): void {
  expect(["mail", "fragment"]).toContain(result.kind);
  for (const r of result.records) {
    expect(REASONS).toContain(r.reason);
    expect(TOPIC_IDS).toContain(r.topic);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  }
}

/** Pieces that steer the parser into its less common paths. */
const PIECES = [
  "From: MAILER-DAEMON@example.jp\n",
  "Subject: Undelivered Mail Returned to Sender\n",
  'Content-Type: multipart/report; boundary="b"\n\n--b\n',
  "Content-Type: message/delivery-status\n\n",
  "Final-Recipient: rfc822; a@example.jp\nStatus: 5.1.1\n",
  "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n",
  "<x@example.jp>: host mx.example.jp[192.0.2.1] said: 550-5.7.1 ",
  "   ----- The following addresses had permanent fatal errors -----\n",
  "--- Below this line is a copy of the message.\n",
  "=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=",
  "\u001b$B%F%9%H\u001b(B",
  "\r",
  "\r\n",
  "アドレス不明 ",
  "@@@@",
  "550 ",
  "5.",
];

describe("classify never throws and answers well-formed records", () => {
  it("on random text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), async (s) => {
        wellFormed(await classify(s));
      }),
      { numRuns: 150 },
    );
  });

  it("on random bytes (any charset, broken UTF-8)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
        wellFormed(await classify(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it("on random mixes of bounce-shaped pieces", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }), async (parts) => {
        for (const kind of ["auto", "mail", "fragment"] as const) {
          wellFormed(await classify(parts.join(""), { kind }));
        }
      }),
      { numRuns: 100 },
    );
  });

  it.each(ADVERSARIAL)("on adversarial input: %s", async (_name, input) => {
    wellFormed(await classify(input));
  });
});
