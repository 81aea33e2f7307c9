/**
 * The baseline: the smallest LINE bot worth the name, written the way the SDK's own echo example is
 * built (express, the SDK's signature middleware, MessagingApiClient.replyMessage with the user's text,
 * 200 once the events are handled). Run as its own process by bench/webhook.ts; reports its port over IPC.
 */
import type { AddressInfo } from "node:net";
import { messagingApi, middleware, type webhook } from "@line/bot-sdk";
import express from "express";
import { serveBenchIpc } from "./ipc.ts";

const channelSecret = process.env.BENCH_SECRET ?? "";
const client = new messagingApi.MessagingApiClient({
  channelAccessToken: process.env.BENCH_TOKEN ?? "",
  baseURL: process.env.BENCH_LINE_URL,
});

async function echo(event: webhook.Event): Promise<void> {
  if (event.type !== "message" || event.message.type !== "text" || !event.replyToken) return;
  await client.replyMessage({
    replyToken: event.replyToken,
    messages: [{ type: "text", text: event.message.text }],
  });
}

const app = express();
app.post("/webhook", middleware({ channelSecret }), async (req, res) => {
  const { events } = req.body as webhook.CallbackRequest;
  try {
    await Promise.all(events.map(echo));
    res.status(200).json({ status: "success" });
  } catch {
    res.status(500).json({ status: "error" });
  }
});

const server = app.listen(0, "127.0.0.1", () => {
  serveBenchIpc((server.address() as AddressInfo).port);
});
server.keepAliveTimeout = 60_000;
