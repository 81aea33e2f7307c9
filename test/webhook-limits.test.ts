import { createHmac } from "node:crypto";
import type { Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_UPLOADS } from "../bot/app.ts";
import { readConfig } from "../bot/config.ts";
import { createBotServer, SERVER_TIMEOUTS } from "../bot/http-server.ts";
import { createMetrics } from "../bot/metrics.ts";
import { signatureMatches } from "../bot/signature.ts";
import { type Running, start } from "../bot/start.ts";
import { classify } from "../knowledge/classify.ts";
import { fixtureCarrierOf, fixtureKnowledge, fixtureMatchSymptom } from "./fixtures/knowledge.ts";
import { buildApp } from "./support/bot-app.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { SECRET, sign, TOKEN, textEvent, userId, webhookBody } from "./support/line-events.ts";

/**
 * Everything before the signature check is bounded (issue #12, item 4): the signature's exact spelling,
 * bodies read at once and how long a request may take to arrive (the last two over real sockets, against
 * the server start() builds, as production runs it). Events per body: test/webhook.test.ts.
 */

describe("the signature is compared exactly", () => {
  const body = Buffer.from(webhookBody([textEvent(userId(1), "Mailbox full")]));
  const canonical = createHmac("sha256", SECRET).update(body).digest("base64");

  it("accepts the canonical base64 of the HMAC", () => {
    expect(canonical).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(signatureMatches(body, SECRET, canonical)).toBe(true);
  });

  it.each([
    ["padding removed", canonical.slice(0, -1)],
    ["base64url", createHmac("sha256", SECRET).update(body).digest("base64url")],
    ["junk after it", `${canonical}AA`],
    ["a second padding", `${canonical}=`],
    ["a blank inside", `${canonical.slice(0, 20)} ${canonical.slice(20)}`],
    ["hex", createHmac("sha256", SECRET).update(body).digest("hex")],
    ["another body's", createHmac("sha256", SECRET).update("{}").digest("base64")],
    ["another secret's", createHmac("sha256", "other").update(body).digest("base64")],
    ["empty", ""],
    ["missing", undefined],
  ])("refuses it with %s", (_what, header) => {
    expect(signatureMatches(body, SECRET, header)).toBe(false);
  });

  it("answers 401 to a webhook signed in a spelling the SDK's check let through", async () => {
    const { app } = buildApp();
    const ping = webhookBody([]); // LINE's Verify: nothing to handle, nothing sent
    const canonicalOfPing = sign(ping);
    for (const spelling of [canonicalOfPing.replace(/=+$/, ""), `${canonicalOfPing}x`]) {
      const res = await request(app).post("/webhook").set("x-line-signature", spelling).send(ping);
      expect(res.status, spelling).toBe(401);
    }
    const ok = await request(app).post("/webhook").set("x-line-signature", canonicalOfPing).send(ping);
    expect(ok.status).toBe(200);
  });
});

/** A raw HTTP client: sends `head` (and `body` if given), then nothing more until destroyed. */
function rawRequest(port: number, head: string, body = ""): { socket: Socket; ended: Promise<Ended> } {
  const socket = connect(port, "127.0.0.1");
  const started = performance.now();
  const ended = new Promise<Ended>((resolve) => {
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("error", () => {});
    socket.on("close", () =>
      resolve({
        status: /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? "none",
        answer,
        afterMs: performance.now() - started,
      }),
    );
  });
  socket.on("connect", () => socket.write(head + body));
  return { socket, ended };
}

interface Ended {
  status: string;
  answer: string;
  afterMs: number;
}

/** Headers of a webhook POST that announces `length` bytes of body. */
const postHead = (length: number) =>
  `POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nX-Line-Signature: ${"A".repeat(43)}=\r\n\r\n`;

describe("over real sockets, against the server start() builds", () => {
  let running: Running;
  let port: number;

  beforeAll(async () => {
    running = await start({
      config: readConfig({
        PORT: "0",
        LINE_CHANNEL_SECRET: SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
        LINE_API_BASE_URL: "http://127.0.0.1:9",
        QA_COMMUNITY_URL: "https://qa.example.jp/",
      }),
      services: {
        classify: (text: string) => classify(text),
        knowledge: fixtureKnowledge,
        matchSymptom: fixtureMatchSymptom,
        carrierOf: fixtureCarrierOf,
        logger: captureLogger().logger,
        metrics: createMetrics({ processMetrics: false }),
      },
      startSimulator: async () => ({ router: express.Router(), apiBaseUrl: "", close: async () => {} }),
    });
    port = running.port;
  });
  afterAll(async () => {
    await running.close();
  });

  it(`answers 503 at once, body unread, while ${DEFAULT_MAX_UPLOADS} bodies are being read`, async () => {
    const stalled = Array.from({ length: DEFAULT_MAX_UPLOADS }, () =>
      rawRequest(port, postHead(500_000), "{".padEnd(100_000, " ")),
    );
    // Until the server has read the heads of all of them, a probe gets its 401 (empty body, bad
    // signature); then 503, at once, while none of the stalled ones got an answer.
    let answer: Ended | undefined;
    for (let tries = 0; tries < 50; tries++) {
      answer = await rawRequest(port, postHead(0)).ended;
      if (answer.status !== "401") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer!.status).toBe("503");
    expect(answer!.answer).toMatch(/retry-after: 1/i);
    expect(answer!.afterMs).toBeLessThan(SERVER_TIMEOUTS.headersTimeout!);
    const answered = await Promise.race([
      Promise.any(stalled.map((s) => s.ended)).then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 50)),
    ]);
    expect(answered).toBe(false);

    for (const s of stalled) s.socket.destroy();
    await Promise.all(stalled.map((s) => s.ended));
    const body = webhookBody([]);
    const ok = await fetch(`${running.url}/webhook`, {
      method: "POST",
      headers: { "x-line-signature": sign(body) },
      body,
    });
    expect(ok.status).toBe(200);
  });

  it("cuts an upload that stalls halfway with 408 within seconds", async () => {
    const { ended } = rawRequest(port, postHead(200_000), "{".padEnd(100_000, " "));
    const cut = await ended;
    expect(cut.status).toBe("408");
    // Node looks for overdue requests once a second; the rest is margin for a loaded machine.
    expect(cut.afterMs).toBeLessThan(SERVER_TIMEOUTS.requestTimeout! + 5_000);
  });

  it("cuts a client that never finishes its headers", async () => {
    const { ended } = rawRequest(port, "POST /webhook HTTP/1.1\r\nHost: localhost\r\nX-Line-Sig");
    const cut = await ended;
    expect(cut.afterMs).toBeLessThan(SERVER_TIMEOUTS.headersTimeout! + 5_000);
  });
});

describe("createBotServer: slow clients are cut, requests the bot had not read yet are not", () => {
  let server: Server;
  let port: number;
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createBotServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => {
        body += chunk;
      });
      req.on("end", () => {
        bodies.push(body);
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("answers a request that arrived whole while the process was busy right after accepting it", async () => {
    // A process that is busy and one that is not scheduled look the same to its event loop: the
    // connection was accepted, then nothing ran for longer than headersTimeout while the request waited
    // in the kernel. Node's check comes first after such a pause; it used to cut the connection unread.
    server.once("connection", () => {
      const until = performance.now() + SERVER_TIMEOUTS.headersTimeout! + 1_500;
      while (performance.now() < until);
    });
    const body = webhookBody([textEvent(userId(7), "容量オーバーで戻ってきました")]);
    const head = postHead(Buffer.byteLength(body)).replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n");
    const answer = await rawRequest(port, head, body).ended;
    expect(answer.status).toBe("200");
    expect(bodies).toContain(body);
  }, 20_000);

  it("still cuts a client that connects and sends nothing, with 408", async () => {
    const cut = await rawRequest(port, "").ended;
    expect(cut.status).toBe("408");
    expect(cut.afterMs).toBeGreaterThanOrEqual(SERVER_TIMEOUTS.headersTimeout! - 100);
    expect(cut.afterMs).toBeLessThan(SERVER_TIMEOUTS.headersTimeout! + 5_000);
  }, 20_000);

  it("still cuts a client that trickles its headers, within a loop turn of Node's own limit", async () => {
    const { socket, ended } = rawRequest(port, "POST /webhook HTTP/1.1\r\n");
    const trickle = setInterval(() => socket.write("X-Slow: 1\r\n"), 500);
    const cut = await ended;
    clearInterval(trickle);
    expect(cut.status).toBe("408");
    expect(cut.afterMs).toBeLessThan(SERVER_TIMEOUTS.headersTimeout! + 5_000);
  }, 20_000);

  it("answers other client errors as Node does: 400 for a request that is not HTTP, 431 for huge headers", async () => {
    expect((await rawRequest(port, "NOT HTTP AT ALL\r\n\r\n").ended).status).toBe("400");
    const huge = `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`;
    expect((await rawRequest(port, huge).ended).status).toBe("431");
  });
});

describe("kept-alive connections: the load balancer in front closes them first, never the bot", () => {
  const servers: Server[] = [];
  const serve = async (keepAliveTimeoutMs?: number): Promise<number> => {
    const server = createBotServer((_req, res) => {
      res.writeHead(200, { "content-length": 2 }).end("ok");
    }, keepAliveTimeoutMs);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
  };
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("answers a second request on a connection left idle longer than Node's 5 s and the headers limit", async () => {
    const connection = keptAlive(await serve());
    expect(await connection.ask()).toBe("200");
    // Longer than Node's default keepAliveTimeout (5 s) and than headersTimeout plus one check (4 s):
    // neither clock runs while a kept-alive connection waits for its next request.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(connection.closedAfterMs()).toBeUndefined();
    expect(await connection.ask()).toBe("200");
    connection.socket.destroy();
  }, 20_000);

  it("closes an idle connection after the keep-alive timeout it was given", async () => {
    const connection = keptAlive(await serve(300));
    expect(await connection.ask()).toBe("200");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(connection.closedAfterMs()).toBeGreaterThanOrEqual(300);
  });
});

/** A raw keep-alive connection: ask() sends one request and resolves with the answer's status. */
function keptAlive(port: number) {
  const socket = connect(port, "127.0.0.1");
  let closedAt: number | undefined;
  let answeredAt = 0;
  let answer = "";
  let answered: ((status: string) => void) | undefined;
  socket.on("error", () => {});
  socket.on("close", () => {
    closedAt = performance.now();
  });
  socket.on("data", (chunk) => {
    answer += chunk.toString("latin1");
    if (!answer.endsWith("\r\n\r\nok")) return;
    answeredAt = performance.now();
    answered?.(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? "none");
    answer = "";
  });
  return {
    socket,
    ask: () =>
      new Promise<string>((resolve) => {
        answered = resolve;
        socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
      }),
    /** How long after its last answer the server closed the connection; undefined while open. */
    closedAfterMs: () => (closedAt === undefined ? undefined : closedAt - answeredAt),
  };
}
