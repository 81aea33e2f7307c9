import { messagingApi, middleware, type webhook } from "@line/bot-sdk";
import express from "express";

/**
 * A tiny bot for testing the simulator on its own: it verifies signatures with the SDK's middleware (so a
 * badly signed event fails), shows the loading animation, and answers through the real SDK client, with
 * the message kinds the page must render (text, Flex, quick replies with message and postback actions).
 */
export function createEchoBot(config: {
  channelSecret: string;
  channelAccessToken: string;
  apiBaseUrl: string;
}) {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: config.channelAccessToken,
    baseURL: config.apiBaseUrl,
  });
  const received: webhook.Event[] = [];
  const chips: messagingApi.QuickReply = {
    items: [
      { type: "action", action: { type: "message", label: "もう一度", text: "again" } },
      {
        type: "action",
        action: { type: "postback", label: "ポストバック", data: "pb=1", displayText: "押しました" },
      },
    ],
  };

  async function handle(event: webhook.Event): Promise<void> {
    received.push(event);
    if (!("replyToken" in event) || !event.replyToken) return;
    const userId = event.source?.type === "user" ? event.source.userId : undefined;
    if (userId) await client.showLoadingAnimation({ chatId: userId, loadingSeconds: 5 });
    // "slow" keeps the loading animation on screen long enough to be seen.
    if (event.type === "message" && event.message.type === "text" && event.message.text === "slow")
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    let messages: messagingApi.Message[];
    if (event.type === "follow") messages = [{ type: "text", text: "welcome!", quickReply: chips }];
    else if (event.type === "postback")
      messages = [{ type: "text", text: `postback ${event.postback.data}` }];
    else if (event.type === "message" && event.message.type === "text") {
      const text = event.message.text;
      if (text === "too many chips") {
        const items = Array.from({ length: 14 }, (_, i) => ({
          type: "action" as const,
          action: { type: "message" as const, label: `c${i}`, text: `c${i}` },
        }));
        messages = [{ type: "text", text: "pick", quickReply: { items } }];
      } else {
        messages = [
          { type: "text", text: `echo: ${text}` },
          {
            type: "flex",
            altText: "echo card",
            contents: {
              type: "bubble",
              header: {
                type: "box",
                layout: "vertical",
                contents: [{ type: "text", text: "Echo", weight: "bold" }],
              },
              body: {
                type: "box",
                layout: "vertical",
                spacing: "md",
                contents: [
                  { type: "text", text: text.slice(0, 200), wrap: true, size: "sm" },
                  { type: "separator" },
                  {
                    type: "button",
                    style: "primary",
                    action: { type: "message", label: "Again", text: "again" },
                  },
                ],
              },
            },
            quickReply: chips,
          },
        ];
      }
    } else messages = [{ type: "text", text: "?" }];
    await client.replyMessage({ replyToken: event.replyToken, messages });
  }

  const app = express();
  const errors: unknown[] = [];
  app.post("/webhook", middleware({ channelSecret: config.channelSecret }), (req, res) => {
    res.status(200).end();
    for (const event of (req.body as webhook.CallbackRequest).events) {
      void handle(event).catch((err) => errors.push(err));
    }
  });
  app.use(((err, _req, res, _next) => {
    res.status(err?.name === "SignatureValidationFailed" ? 401 : 400).end();
  }) as express.ErrorRequestHandler);
  return { app, received, errors };
}
