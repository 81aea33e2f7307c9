import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The LINE API stand-in for the webhook benchmark: as small and fast as possible, so the bots are what
 * is measured. It answers reply, push and the loading animation the way LINE does (200 / 202 JSON),
 * checks the bearer token, and counts the replies per bot (by token).
 */
export interface StandIn {
  baseUrl: string;
  /** Reply (and push) requests answered so far. */
  replies(): number;
  close(): Promise<void>;
}

const OK = JSON.stringify({ sentMessages: [{ id: "1", quoteToken: "q" }] });

export async function startStandIn(token: string): Promise<StandIn> {
  let replies = 0;
  const auth = `Bearer ${token}`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume(); // the body is not needed, only the request to be read
    req.on("end", () => {
      if (req.headers.authorization !== auth) {
        res.writeHead(401, { "content-type": "application/json" }).end('{"message":"Authentication failed"}');
        return;
      }
      if (req.url === "/v2/bot/chat/loading/start") {
        res.writeHead(202, { "content-type": "application/json" }).end("{}");
        return;
      }
      if (req.url === "/v2/bot/message/reply" || req.url === "/v2/bot/message/push") replies++;
      res.writeHead(200, { "content-type": "application/json" }).end(OK);
    });
  });
  server.keepAliveTimeout = 60_000;
  let connections = 0;
  server.on("connection", () => connections++);
  if (process.env.BENCH_DEBUG)
    setInterval(() => console.error("standin connections", connections), 2000).unref();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    replies: () => replies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
