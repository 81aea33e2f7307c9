import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Router } from "express";
import { ChatHub } from "./chat-hub.ts";
import { loadExamples } from "./examples.ts";
import { createSimulatorRouter } from "./router.ts";
import { createStandinApp } from "./standin/app.ts";
import { Contents } from "./standin/contents.ts";
import { ReplyTokens } from "./standin/reply-tokens.ts";
import { RichMenus } from "./standin/rich-menus.ts";

/**
 * The local chat simulator: a LINE-like chat page (served by `router`) and a stand-in for LINE's
 * Messaging API on loopback (`apiBaseUrl`). bot/main.ts starts it when no LINE credentials are set and
 * points the SDK's baseURL at the stand-in; the page's events go to the real /webhook.
 */

export interface SimulatorOptions {
  channelSecret: string;
  channelAccessToken: string;
  webhookUrl: string;
  /** Bounce fixtures offered by the page's example picker (default test/fixtures/bounces). */
  fixturesDir?: string;
  /** Shown on the page above the chat, e.g. that the Q&A community link is a placeholder. */
  notices?: readonly string[];
}

export interface Simulator {
  router: Router;
  apiBaseUrl: string;
  close(): Promise<void>;
}

const DEFAULT_FIXTURES = fileURLToPath(new URL("../test/fixtures/bounces/", import.meta.url));

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const hub = new ChatHub();
  const replyTokens = new ReplyTokens();
  const richMenus = new RichMenus();
  const contents = new Contents();
  const standin = createStandinApp({
    channelAccessToken: options.channelAccessToken,
    hub,
    replyTokens,
    richMenus,
    contents,
  });
  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const s = standin.listen(0, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const { router, closeStreams } = createSimulatorRouter({
    channelSecret: options.channelSecret,
    webhookUrl: options.webhookUrl,
    hub,
    replyTokens,
    richMenus,
    contents,
    examples: loadExamples(options.fixturesDir ?? DEFAULT_FIXTURES),
    notices: options.notices ?? [],
  });
  return {
    router,
    apiBaseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closeStreams();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
