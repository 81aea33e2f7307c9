import { describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import { REASONS } from "../knowledge/types.ts";

/**
 * Codes a bounce carries are looked up in tables (PowerMTA categories, Exchange and Gmail codes, status
 * meanings, HTML entities). A paste can put any word there, including the names every plain object has
 * ("constructor", "__proto__"): they must read as unknown codes, never as a function (issue #12, item 5).
 */
const NAMES = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];

const dsn = (name: string) =>
  [
    "From: MAILER-DAEMON@mx.example.jp",
    "Subject: Undelivered Mail Returned to Sender",
    "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
    "",
    "--b",
    "Content-Type: text/plain",
    "",
    `Delivery failed. aup#${name} (state ${name}) resolver.${name} MSEXCH:IMS:X (${name}) &${name};`,
    "--b",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.jp",
    "",
    "Final-Recipient: rfc822; taro@example.jp",
    "Action: failed",
    `Status: ${name}`,
    `X-PowerMTA-BounceCategory: ${name}`,
    `Diagnostic-Code: smtp; 550 ${name}`,
    "--b--",
    "",
  ].join("\n");

describe("codes named like Object's own properties", () => {
  it.each(NAMES)("%s: read as an unknown code", async (name) => {
    for (const text of [dsn(name), `550 5.1.1 ${name}: aup#${name} (state ${name}) resolver.${name}`]) {
      const { records } = await classify(text);
      for (const r of records) {
        expect(typeof r.reason).toBe("string");
        expect([...REASONS, "", "undefined", "onhold"]).toContain(r.reason);
        expect(typeof r.topic).toBe("string");
      }
    }
  });
});
