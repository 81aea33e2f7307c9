import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The LINE API stand-in for the webhook benchmark, in its own process (so its work never delays the
 * load generator's clock): as small and fast as possible, so the bots are what is measured. It answers
 * reply, push and the loading animation the way LINE does (200 / 202 JSON), checks the bearer token,
 * and counts the replies. Talks to bench/webhook.ts over IPC: announces its URL, answers "count".
 */

const OK = JSON.stringify({ sentMessages: [{ id: "1", quoteToken: "q" }] });

let replies = 0;
const auth = `Bearer ${process.env.BENCH_TOKEN ?? ""}`;
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
server.listen(0, "127.0.0.1", () => {
  process.send?.({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on("message", () => process.send?.({ replies }));
process.on("disconnect", () => process.exit(0));
