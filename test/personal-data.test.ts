import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Json, SessionStore } from "../dialogs/session-store.ts";
import { createStores } from "../dialogs/stores/index.ts";
import { MemorySessionStore } from "../dialogs/stores/memory.ts";
import { MISSING_REDIS } from "./helpers/redis-server.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { allCanaryForms, CANARIES, CANARY_FORMS, CANARY_FRAGMENTS } from "./support/canaries.ts";
import { textsOf } from "./support/harness.ts";
import { postbackEvent, sign, textEvent, userId, webhookBody } from "./support/line-events.ts";
import { blockNetwork, interceptLine, restoreNetwork } from "./support/nock-line.ts";

/**
 * Personal-data canaries (issue #12 item 2, issue #11 item 3): every form the masker covers is planted in
 * user messages of every kind the assistant handles — chat, a pasted bounce with the notice's own headers
 * and several recipients, the summary after 「いいえ」, unreadable pastes — then looked for in everything
 * that leaves the conversation: every reply (texts and bubbles), the escalation summary, the session store
 * (memory and Redis), the log lines and /metrics. None may appear; the CLI is checked in
 * test/classify-cli.test.ts. The user's own address, even masked, is never reported as a recipient.
 */

/** A session store that keeps a copy of everything written to it. */
class RecordingStore implements SessionStore {
  readonly written: string[] = [];
  private readonly inner = new MemorySessionStore();
  get = (key: string) => this.inner.get(key);
  delete = (key: string) => this.inner.delete(key);
  close = () => this.inner.close();
  async set(key: string, value: Json, ttlMs: number) {
    this.written.push(`${key} ${JSON.stringify(value)}`);
    await this.inner.set(key, value, ttlMs);
  }
}

/** The user's own address, as the notice's To: names it (and as its masked form would read). */
const OWN = CANARIES.email;
const OWN_MASKED = "c***@example.jp";

const oneLine = allCanaryForms().replace(/\n/g, " ");

/** A paste as phones copy it: the notice's headers, the user's own words, two recipients, data everywhere. */
const PASTE_WITH_HEADERS = [
  `こんなメールが来ました。${CANARY_FORMS.nameIntroduced}`,
  `差出人: Mail Delivery Subsystem <MAILER-DAEMON@xa2.so-net.ne.jp>`,
  `宛先: ${OWN}`,
  `件名: Undelivered Mail Returned to Sender`,
  `日付: 2025年3月14日 9:00`,
  "",
  "This is the mail system at host mgate1.so-net.ne.jp.",
  "",
  `<mika@example.jp>: host mx.example.jp[192.0.2.3] said: 552 5.2.2 Mailbox full; ${CANARY_FORMS.emailSpaced} ${CANARY_FORMS.phoneInternational} ${CANARY_FORMS.cardDots}`,
  `<aki@example.com>: host mx.example.com[192.0.2.4] said: 550 5.1.1 User unknown (${CANARY_FORMS.phoneDots} ${CANARY_FORMS.passEquals})`,
  "",
  allCanaryForms(),
].join("\n");

/** The same with English headers first and a transcript (the acceptance paste of issue #11, grown). */
const TRANSCRIPT_WITH_HEADERS = [
  `To: ${OWN}`,
  "Subject: Returned mail: see transcript for details",
  "",
  `>>> MAIL From:<${OWN}>`,
  "<<< 250 ok",
  ">>> RCPT To:<ken@example.com>",
  `<<< 550 5.1.1 <ken@example.com>... User unknown ${CANARY_FORMS.birthDateEn} ${CANARY_FORMS.emailSpaced}`,
  CANARY_FORMS.addressJa,
].join("\n");

const UNREAD =
  "Returned mail: see transcript for details\nThe original message was received at Mon, 2 Nov 2026 10:12:03 +0900\n";

const SCRIPT = [
  oneLine, // chat: every form in one line, no bounce
  PASTE_WITH_HEADERS,
  "いいえ", // the summary of the two-recipient paste
  TRANSCRIPT_WITH_HEADERS,
  "いいえ",
  // pastes nothing can be read from, twice: retry, then a summary quoting their first lines (masked)
  `${UNREAD}${CANARY_FORMS.phoneSlashes} ${CANARY_FORMS.passcode}`,
  `${UNREAD}${CANARY_FORMS.emailNoDot} ${CANARY_FORMS.cardSlashes}\n${allCanaryForms()}`,
];

function leaks(text: string): string[] {
  return CANARY_FRAGMENTS.filter((f) => text.includes(f));
}

let line: ReturnType<typeof interceptLine>;
beforeAll(() => {
  blockNetwork();
  line = interceptLine();
});
afterAll(restoreNetwork);

/** Runs the script for one user; returns the replies of this user, in order, as texts. */
async function converse(app: ReturnType<typeof buildApp>["app"], u: string): Promise<string[][]> {
  const before = line.replies().length;
  for (const text of SCRIPT) await postEvents(app, [textEvent(u, text)]);
  await postEvents(app, [postbackEvent(u, `a=cmd&cmd=${CANARIES.email}`)]);
  const replies = line.replies().slice(before);
  expect(replies).toHaveLength(SCRIPT.length + 1);
  return replies.map((r) => textsOf((r.body as { messages: never[] }).messages));
}

describe("personal data never leaves unmasked", () => {
  it("keeps every form out of replies, the summary, the session store, logs and /metrics", async () => {
    const store = new RecordingStore();
    const { app, logs } = buildApp({ store });
    const replies = await converse(app, userId(0xc0ffee));
    const metrics = (await request(app).get("/metrics")).text;

    const everything = {
      replies: JSON.stringify(line.replies().map((r) => r.body)),
      store: store.written.join("\n"),
      logs: logs.join("\n"),
      metrics,
    };
    for (const [where, text] of Object.entries(everything)) expect(leaks(text), where).toEqual([]);

    // What the assistant did say: the warning, each failed recipient masked, never the user's own address.
    const [chat, paste, summary, transcript, summary2, , unread] = replies.map((r) => r.join("\n"));
    expect(chat).toContain("保存していません");
    expect(paste).toContain("保存していません");
    expect(paste).toContain("m***@example.jp");
    expect(paste).toContain("a***@example.com");
    expect(summary).toContain("宛先: m***@example.jp");
    expect(summary).toContain("宛先: a***@example.com");
    expect(transcript).toContain("k***@example.com");
    expect(summary2).toContain("宛先: k***@example.com");
    expect(unread).toContain("貼り付けた文面");
    expect(everything.replies, "the user's own address is no recipient").not.toContain(OWN_MASKED);
    expect(everything.replies).not.toContain("xa2.so-net.ne.jp");

    // The session keeps topics, codes and masked addresses: no text of the user's, no server's words
    // beyond the masked explanation.
    expect(store.written.length).toBeGreaterThan(0);
    expect(everything.store).not.toContain("こんなメール");
    expect(everything.store).not.toContain(OWN_MASKED);
    expect(metrics).toContain("bounce_bot_classifications_total");
  });
});

const redisUrl = inject("redisUrl");

describe.skipIf(!redisUrl)(
  redisUrl ? "personal data in Redis" : `personal data in Redis (skipped: ${MISSING_REDIS})`,
  () => {
    const keyPrefix = `pii-${randomUUID()}:`;
    let raw: Redis;
    beforeAll(() => {
      raw = new Redis(redisUrl);
    });
    afterAll(() => raw.disconnect());

    /** Every value under the prefix, whatever the key's type. */
    async function dump(): Promise<string> {
      const out: string[] = [];
      for (const key of await raw.keys(`${keyPrefix}*`)) {
        const type = await raw.type(key);
        const value =
          type === "string"
            ? await raw.get(key)
            : type === "hash"
              ? await raw.hgetall(key)
              : type === "list"
                ? await raw.lrange(key, 0, -1)
                : type === "set"
                  ? await raw.smembers(key)
                  : type === "zset"
                    ? await raw.zrange(key, "0", "-1")
                    : type === "stream"
                      ? await raw.xrange(key, "-", "+")
                      : `(${type})`;
        out.push(`${key} ${JSON.stringify(value)}`);
      }
      return out.join("\n");
    }

    it("keeps every form out of the sessions, locks and event keys Redis holds", async () => {
      const stores = createStores({ redisUrl, keyPrefix });
      try {
        const { app } = buildApp({ stores });
        await converse(app, userId(0xfeed));
        const held = await dump();
        expect(held).toContain(`${keyPrefix}session:`);
        expect(leaks(held)).toEqual([]);
        expect(held).not.toContain(OWN_MASKED);
      } finally {
        await stores.close();
      }
    });

    it("keeps every form out of the event stream while events wait there (LINE failing)", async () => {
      const stores = createStores({ redisUrl, keyPrefix: `${keyPrefix}wait:` });
      line.failRepliesWith(500); // the events stay in the stream, retried, until LINE answers
      try {
        const { app } = buildApp({ stores });
        const u = userId(0xbeef);
        for (const text of SCRIPT.slice(0, 2)) {
          const body = webhookBody([textEvent(u, text)]);
          await request(app)
            .post("/webhook")
            .set("content-type", "application/json; charset=utf-8")
            .set("x-line-signature", sign(body))
            .send(body)
            .expect(200);
        }
        const entries = await raw.xrange(`${keyPrefix}wait:events`, "-", "+");
        expect(entries.length, "events wait in the stream").toBeGreaterThan(0);
        expect(leaks(JSON.stringify(entries))).toEqual([]);
        expect(JSON.stringify(entries)).not.toContain("example.jp");
      } finally {
        line.failRepliesWith(200);
        await stores.close();
      }
    });
  },
);
