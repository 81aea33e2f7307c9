import { describe, expect, it } from "vitest";
import { createApp } from "../bot/app.ts";
import { LINE_API_BASE_URL } from "../bot/config.ts";
import { createBotDeps, knowledgeServices } from "../bot/wiring.ts";
import { decodePostback } from "../dialogs/postback.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import type { TopicId } from "../knowledge/types.ts";
import { checkMessages } from "../platform/line-limits.ts";
import { postEvents } from "./support/bot-app.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { textsOf } from "./support/harness.ts";
import { SECRET, TOKEN, textEvent, userId } from "./support/line-events.ts";
import { interceptLineInEachTest } from "./support/nock-line.ts";

/**
 * Issue #3's acceptance, with the real classifier and the shipped texts: a signed text event with a pasted
 * bounce gets exactly one reply call, about the right topic, for each of the ISP page's seven topics.
 * For a flood of bounces the user never sent, the user's own words decide, not the bounce.
 */

const knowledge = loadKnowledge();

/** What users paste: written for this test in the formats servers use, addresses made up. */
const PASTES: [TopicId, string][] = [
  [
    "host-unknown",
    [
      "This is the mail system at host mgate3.so-net.ne.jp.",
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients.",
      "<taro@exampel-mail.co.jp>: Host or domain name not found. Name service error for",
      "    name=exampel-mail.co.jp type=A: Host not found",
    ].join("\n"),
  ],
  [
    "user-unknown",
    "<hanako.s@docomo.ne.jp>: host mfsmax.docomo.ne.jp[203.0.113.12] said: 550 Unknown user hanako.s@docomo.ne.jp (in reply to end of DATA command)",
  ],
  [
    "mailbox-full",
    "<jiro@example.com>: host mx1.example.com[198.51.100.7] said: 552 5.2.2 <jiro@example.com>: Mailbox full (in reply to RCPT TO command)",
  ],
  [
    "message-too-big",
    "<sato@example.org>: host mail.example.org[192.0.2.25] said: 552 5.3.4 Message size exceeds fixed maximum message size (in reply to end of DATA command)",
  ],
  [
    "delayed",
    [
      "This is a warning message only.",
      "You do not need to resend your message.",
      "Delivery to the following recipients has been delayed.",
      "    yamada@example.net",
      "Will keep trying until message is 5 days old",
    ].join("\n"),
  ],
  [
    "expired",
    [
      "The original message was received at Mon, 2 Nov 2026 10:12:03 +0900",
      "----- The following addresses had permanent fatal errors -----",
      "<suzuki@example.jp>",
      "Cannot send message for 5 days",
    ].join("\n"),
  ],
  [
    "backscatter",
    [
      "送った覚えがないのに大量に届くんです。こんなのが何十通も来ています。",
      "<info@shop.example>: host mx.shop.example[198.51.100.40] said: 550 5.1.1 <info@shop.example>: Recipient address rejected: User unknown in local recipient table",
    ].join("\n"),
  ],
];

const line = interceptLineInEachTest();

function build() {
  return createApp(
    createBotDeps(
      {
        channelSecret: SECRET,
        channelAccessToken: TOKEN,
        lineApiBaseUrl: LINE_API_BASE_URL,
        qaCommunityUrl: undefined,
      },
      {
        ...knowledgeServices(knowledge),
        logger: captureLogger().logger,
      },
    ),
  );
}

/** The topic a reply is about, as its "was this helpful?" buttons name it. */
function topicOfReply(messages: unknown): string | undefined {
  const items = (messages as { quickReply?: { items: { action: { data?: string } }[] } }[]).at(-1)?.quickReply
    ?.items;
  for (const item of items ?? []) {
    const p = decodePostback(item.action.data ?? "");
    if (p?.a === "feedback") return p.topic;
  }
  return undefined;
}

describe("a pasted bounce gets one reply about its topic", () => {
  it.each(PASTES)("%s", async (topic, paste) => {
    const app = build();
    const event = textEvent(userId(0xacce97), paste);
    expect((await postEvents(app, [event])).status).toBe(200);
    const replies = line.replies();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body.replyToken).toBe(event.replyToken);
    expect(checkMessages(replies[0]!.body.messages)).toEqual([]);
    expect(topicOfReply(replies[0]!.body.messages)).toBe(topic);
    expect(textsOf(replies[0]!.body.messages as unknown[]).join("\n")).toContain(
      knowledge.topics.get(topic)!.title.ja,
    );
  });

  it("a bad signature gets 401 and no API call", async () => {
    const app = build();
    const res = await postEvents(app, [textEvent(userId(1), PASTES[1]![1])], { secret: "someone-else" });
    expect(res.status).toBe(401);
    expect(line.calls).toEqual([]);
  });
});
