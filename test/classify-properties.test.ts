import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ADVERSARIAL } from "../bench/adversarial.ts";
import { classify } from "../knowledge/classify.ts";
import { REASONS, TOPIC_IDS } from "../knowledge/types.ts";

/**
 * classify() is called on whatever users paste and whatever arrives by mail: it must never throw and
 * never take long. The time bound here is a generous sanity check only (the benchmark measures).
 */
const SANITY_MS = 2000;

async function timed(input: string | Uint8Array) {
  const t0 = performance.now();
  const result = await classify(input);
  return { result, ms: performance.now() - t0 };
}

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

describe("classify never throws and stays bounded", () => {
  it("on random text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), async (s) => {
        const { result, ms } = await timed(s);
        wellFormed(result);
        expect(ms).toBeLessThan(SANITY_MS);
      }),
      { numRuns: 150 },
    );
  });

  it("on random bytes (any charset, broken UTF-8)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
        const { result, ms } = await timed(bytes);
        wellFormed(result);
        expect(ms).toBeLessThan(SANITY_MS);
      }),
      { numRuns: 150 },
    );
  });

  it("on random mixes of bounce-shaped pieces", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }), async (parts) => {
        for (const kind of ["auto", "mail", "fragment"] as const) {
          const t0 = performance.now();
          const result = await classify(parts.join(""), { kind });
          wellFormed(result);
          expect(performance.now() - t0).toBeLessThan(SANITY_MS);
        }
      }),
      { numRuns: 100 },
    );
  });

  it.each(ADVERSARIAL)("on adversarial input: %s", async (_name, input) => {
    const { result, ms } = await timed(input);
    wellFormed(result);
    expect(ms).toBeLessThan(SANITY_MS);
  });
});
