import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json, SessionStore } from "../dialogs/session-store.ts";
import { MemorySessionStore } from "../dialogs/stores/memory.ts";
import { buildApp, postEvents } from "./support/bot-app.ts";
import { postbackEvent, textEvent, userId } from "./support/line-events.ts";
import { blockNetwork, interceptLine, restoreNetwork } from "./support/nock-line.ts";

/**
 * Personal-data canaries: planted in user messages of every kind the assistant handles, then looked
 * for in everything that leaves the conversation: log lines, the session store, and the replies.
 * None may appear unmasked.
 */

const CANARIES = {
  email: "canary.taro.yamada@example.jp",
  carrierEmail: "canary.hanako@docomo.ne.jp",
  phone: "090-8765-4321",
  card: "4242 4242 4242 4242",
  myNumber: "528103947167",
  passwordJa: "Xq7canaryPw!",
  passwordEn: "Zz9canarySecret",
};
/** Pieces that would betray a canary even if reformatted. */
const FRAGMENTS = [
  "canary.taro",
  "canary.hanako",
  "8765-4321",
  "87654321",
  "4242 4242",
  "4242424242424242",
  "528103947167",
  "Xq7canaryPw",
  "Zz9canarySecret",
];

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

let line: ReturnType<typeof interceptLine>;
beforeAll(() => {
  blockNetwork();
  line = interceptLine();
});
afterAll(restoreNetwork);

describe("personal data never leaves unmasked", () => {
  it("keeps canaries out of logs, the session store and replies", async () => {
    const store = new RecordingStore();
    const { app, logs } = buildApp({ store });
    const u = userId(0xc0ffee);
    const bounce = `<${CANARIES.carrierEmail}>: host mfsmx.docomo.ne.jp said: 550 5.1.1 Recipient address rejected: User unknown`;

    const messages = [
      `私のアドレスは ${CANARIES.email} です`,
      `電話番号は ${CANARIES.phone}、カードは ${CANARIES.card} です`,
      `マイナンバー ${CANARIES.myNumber}`,
      `パスワードは ${CANARIES.passwordJa} です`,
      `my password: ${CANARIES.passwordEn}`,
      // canaries around and inside a pasted bounce (the bounce's own address is expected, and masked)
      `${CANARIES.email} から送ったら戻ってきました。電話 ${CANARIES.phone}\n${bounce}`,
      // a long paste takes the loading-animation path
      `${"Received: from mgate1.so-net.ne.jp\n".repeat(12)}password: ${CANARIES.passwordEn}\n${bounce}`,
      "いいえ", // escalation: the summary echoes the diagnosis
      // a paste the classifier cannot read, twice: retry, then escalation with an "unread" summary
      `Returned mail\n${CANARIES.email} ${CANARIES.card}`,
      `Returned mail again\n${CANARIES.myNumber} ${CANARIES.phone}`,
    ];
    for (const text of messages) await postEvents(app, [textEvent(u, text)]);
    await postEvents(app, [postbackEvent(u, `a=cmd&cmd=${CANARIES.email}`)]);
    await postEvents(app, [textEvent(u, `BOOM ${CANARIES.card}`)]);

    const replies = line.replies();
    expect(replies).toHaveLength(messages.length + 2);
    const everything = {
      logs: logs.join("\n"),
      store: store.written.join("\n"),
      replies: JSON.stringify(replies.map((r) => r.body)),
    };
    for (const [where, text] of Object.entries(everything))
      for (const fragment of [...Object.values(CANARIES), ...FRAGMENTS])
        expect(text, `${where} must not contain ${fragment}`).not.toContain(fragment);

    // ... and the assistant did speak about them: the warning was given and the masked address echoed.
    expect(everything.replies).toContain("保存していません");
    expect(everything.replies).toContain("c***@docomo.ne.jp");
    expect(store.written.length).toBeGreaterThan(0);
  });
});
