import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import type { messagingApi } from "@line/bot-sdk";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import {
  DEDUPE_TTL_MS,
  type Delivery,
  type EventHandler,
  type Inbox,
  REPLY_TOKEN_VALID_MS,
  replyTimes,
} from "./inbox.ts";
import { chatKey, dedupeKey, type Incoming } from "./incoming.ts";
import { type Away, KeyedQueue } from "./keyed-queue.ts";
import type { LineOut } from "./line-client.ts";
import type { Metrics } from "./metrics.ts";
import type { Sealer } from "./sealed.ts";

/**
 * The inbox with REDIS_URL: acknowledged events live in a Redis Stream until they are answered, so no
 * acknowledged event is lost with the instance that took it.
 *
 *   webhook ─ one script: SET event:<id> NX (de-duplication) + XADD, per event ─▶ 200
 *   every instance ─ XREADGROUP (consumer group "bot") ─▶ per-chat queue ─▶ handler ─▶ XACK + XDEL
 *   every instance ─ XAUTOCLAIM entries idle > claimIdleMs ─▶ the same (a consumer that died)
 *   while an entry is held ─ heartbeat: XCLAIM JUSTID by its owner resets its idle time, so a slow but
 *                            live instance is not robbed (only a dead or stalled one stops beating)
 *
 * The event's key (event:<id>) also records how far its answer got: "1" taken in; "a:<messages>" the
 * answer, written right before the first reply attempt; "done" answered. An instance taking over an event
 * whose answer was recorded sends exactly that answer again instead of running the turn a second time;
 * LINE refusing the reply token then means the first attempt went through ("presumed", never a push).
 * The stream is trimmed to the reply tokens' lifetime (XADD MINID) and acknowledged entries are deleted.
 */

const GROUP = "bot";
/** How long one XREADGROUP waits for new entries; the reader has its own connection for it. */
const BLOCK_MS = 1_000;
/** Entries read at once: small, so a burst spreads over the instances instead of filling the first. */
const READ_BATCH = 32;
const TAKEN = "1";
const DONE = "done";
const ANSWER = "a:";
/** Consumers with nothing pending and silent this long are removed from the group (restarted pods). */
const FORGET_CONSUMER_MS = 10 * 60_000;

// KEYS[1] the stream, KEYS[2..] each event's key; ARGV[1] the key's TTL (ms), ARGV[2] the MINID to trim
// to, ARGV[3..] each event's payload. Returns each event's entry id, or "" for one seen before.
const INGEST = `
local added = {}
for i = 2, #KEYS do
  if redis.call("set", KEYS[i], "${TAKEN}", "PX", ARGV[1], "NX") then
    added[#added + 1] = redis.call("xadd", KEYS[1], "MINID", "~", ARGV[2], "*", "e", ARGV[i + 1], "k", KEYS[i])
  else
    added[#added + 1] = ""
  end
end
return added`;

// KEYS[1] the stream; ARGV[1] group, ARGV[2] this consumer, ARGV[3..] entry ids it holds. Resets the idle
// time of those it still owns; returns the ones it no longer owns (taken over meanwhile).
const HEARTBEAT = `
local lost = {}
for i = 3, #ARGV do
  local p = redis.call("xpending", KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
  if p[1] and p[1][2] == ARGV[2] then
    redis.call("xclaim", KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], "JUSTID")
  else
    lost[#lost + 1] = ARGV[i]
  end
end
return lost`;

type ScriptClient = Redis & {
  botIngest(numKeys: number, ...args: (string | number)[]): Promise<string[]>;
  botHeartbeat(numKeys: number, ...args: (string | number)[]): Promise<string[]>;
};

export interface StreamInboxOptions {
  /** The stores' client (commands with a 1 s timeout); the reader gets a duplicate of it. */
  client: Redis;
  /** Key prefix of the deployment ("bounce-bot:"): the stream is <prefix>events, event keys <prefix>event:<id>. */
  prefix: string;
  handle: EventHandler;
  line: Pick<LineOut, "replyTo">;
  metrics: Pick<
    Metrics,
    "duplicate" | "eventGivenUp" | "streamClaimed" | "setEventsHeld" | "setStreamGauges"
  >;
  logger: Logger;
  maxConcurrent: number;
  /** Entries held (read, not finished) at most; reading pauses above it. */
  maxHeld: number;
  replyWindowMs: number;
  /** An entry whose consumer has not beaten for this long is taken over (default 5 s). */
  claimIdleMs: number;
  /** Takes the events when Redis cannot (they are then handled here, at most once). */
  fallback: Inbox;
  /** Seals each event before it enters the stream: what users type never sits in Redis readable. */
  sealer: Sealer;
}

interface Held {
  /** Taken over by another consumer (this one was thought dead): it must not push or acknowledge. */
  robbed: boolean;
}

export function createStreamInbox(options: StreamInboxOptions): Inbox {
  const { logger: log, metrics } = options;
  const client = options.client as ScriptClient;
  client.defineCommand("botIngest", { lua: INGEST });
  client.defineCommand("botHeartbeat", { lua: HEARTBEAT });
  const reader = options.client.duplicate({ commandTimeout: BLOCK_MS + 2_000 });
  reader.on("error", () => {}); // the stores' client reports outages; this one reconnects with it

  const stream = `${options.prefix}events`;
  const eventKeyPrefix = `${options.prefix}event:`;
  const consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const queue = new KeyedQueue(options.maxConcurrent);
  const held = new Map<string, Held>();
  let stopping = false;
  let roomFreed: (() => void) | undefined;
  metrics.setEventsHeld(() => held.size + options.fallback.held);
  metrics.setStreamGauges(async () => {
    const [summary, length] = await Promise.all([
      client.xpending(stream, GROUP) as Promise<[number, ...unknown[]]>,
      client.xlen(stream),
    ]);
    return { pending: summary[0], unread: Math.max(0, length - summary[0]) };
  });

  const ensureGroup = () =>
    client.xgroup("CREATE", stream, GROUP, "0", "MKSTREAM").catch((error: Error) => {
      if (!/BUSYGROUP/.test(error.message)) throw error;
    });

  const release = (id: string) => {
    held.delete(id);
    roomFreed?.();
  };

  /** XACK + XDEL, and the event marked answered; retried a little, then left to a takeover to settle. */
  async function acknowledge(id: string, key: string): Promise<void> {
    for (let attempt = 0; attempt < 5 && !held.get(id)?.robbed; attempt++) {
      try {
        await client.multi().xack(stream, GROUP, id).xdel(stream, id).set(key, DONE, "KEEPTTL", "XX").exec();
        break;
      } catch (error) {
        log.warn({ err: error, attempt }, "event stream: acknowledgement failed");
        await sleep(200 * 2 ** attempt);
      }
    }
    release(id);
  }

  /** Whether this consumer still owns the entry (asked before a fallback push). */
  async function stillMine(id: string): Promise<boolean> {
    if (held.get(id)?.robbed !== false) return false;
    const rows = (await client.xpending(stream, GROUP, id, id, 1)) as [string, string][];
    return rows[0]?.[1] === consumer;
  }

  async function work(id: string, event: Incoming, key: string, claimed: boolean, away: Away): Promise<void> {
    // Left pending when stopping (another instance takes it over), or already taken over while it waited.
    if (stopping || held.get(id)?.robbed) return release(id);
    const times = replyTimes(event, Number(id.split("-")[0]), options.replyWindowMs);
    if (Date.now() > times.until) {
      metrics.eventGivenUp("stale");
      log.warn({ event: event.type, claimed }, "event too old to answer: its reply token has expired");
      return acknowledge(id, key);
    }
    const delivery: Delivery = {
      ...times,
      away,
      pushRetryKey: retryKeyOf(key),
      mayPush: () => stillMine(id),
      beforeSend: async (messages) => {
        await client.set(key, ANSWER + JSON.stringify(messages), "KEEPTTL", "XX");
      },
    };
    if (claimed) {
      // How far did the consumer before us get? A failed read counts as "it may have replied".
      const record = await client.get(key).catch(() => undefined);
      if (record === DONE) return acknowledge(id, key);
      if (record !== TAKEN) delivery.maybeAttempted = true;
      if (record?.startsWith(ANSWER)) {
        const messages = JSON.parse(record.slice(ANSWER.length)) as messagingApi.Message[];
        const sent = await options.line
          .replyTo({ replyToken: event.replyToken, userId: event.source.userId, ...delivery })
          .send(messages);
        log.info({ event: event.type, sent }, "event taken over: its recorded answer sent again");
        return acknowledge(id, key);
      }
    }
    await options.handle(event, delivery);
    return acknowledge(id, key);
  }

  /** Queues one stream entry for its chat (in stream order within this instance). */
  function take(id: string, fields: string[] | null, claimed: boolean): void {
    if (held.has(id)) return;
    const entry = decode(fields, options.sealer);
    held.set(id, { robbed: false });
    if (!entry) {
      log.warn({ id }, "event stream: unreadable entry dropped");
      void acknowledge(id, `${eventKeyPrefix}-`);
      return;
    }
    void queue.run(chatKey(entry.event), (away) => work(id, entry.event, entry.key, claimed, away));
  }

  async function readLoop(): Promise<void> {
    while (!stopping) {
      const room = options.maxHeld - held.size;
      if (room <= 0) {
        await new Promise<void>((resolve) => {
          roomFreed = resolve;
        });
        roomFreed = undefined;
        continue;
      }
      try {
        const reply = (await reader.xreadgroup(
          "GROUP",
          GROUP,
          consumer,
          "COUNT",
          Math.min(room, READ_BATCH),
          "BLOCK",
          BLOCK_MS,
          "STREAMS",
          stream,
          ">",
        )) as [string, [string, string[]][]][] | null;
        for (const [, entries] of reply ?? []) for (const [id, fields] of entries) take(id, fields, false);
      } catch (error) {
        if (stopping) break;
        // The group is gone when Redis restarted empty: create it again and read on.
        if (error instanceof Error && /NOGROUP/.test(error.message)) await ensureGroup().catch(() => {});
        else await sleep(250);
      }
    }
  }

  let sweeps = 0;
  async function claimStalled(): Promise<void> {
    let cursor = "0-0";
    do {
      const room = options.maxHeld - held.size;
      if (room <= 0 || stopping) return;
      const [next, entries] = (await client.xautoclaim(
        stream,
        GROUP,
        consumer,
        options.claimIdleMs,
        cursor,
        "COUNT",
        Math.min(room, 100),
      )) as [string, [string, string[] | null][]];
      let count = 0;
      for (const [id, fields] of entries)
        if (fields && !held.has(id)) {
          take(id, fields, true);
          count++;
        }
      if (count > 0) {
        metrics.streamClaimed(count);
        log.warn({ count, consumer }, "event stream: took over events of a consumer that stopped answering");
      }
      cursor = next;
    } while (cursor !== "0-0");
    if (++sweeps % 60 === 0) await forgetOldConsumers();
  }

  async function forgetOldConsumers(): Promise<void> {
    const rows = (await client.xinfo("CONSUMERS", stream, GROUP)) as unknown[][];
    for (const row of rows) {
      const info = Object.fromEntries(pairs(row));
      if (info.name !== consumer && info.pending === 0 && Number(info.idle) > FORGET_CONSUMER_MS)
        await client.xgroup("DELCONSUMER", stream, GROUP, String(info.name));
    }
  }

  async function heartbeat(): Promise<void> {
    const ids = [...held].filter(([, h]) => !h.robbed).map(([id]) => id);
    for (let i = 0; i < ids.length; i += 500) {
      const lost = await client.botHeartbeat(1, stream, GROUP, consumer, ...ids.slice(i, i + 500));
      for (const id of lost) {
        const entry = held.get(id);
        if (entry) entry.robbed = true;
      }
    }
  }

  const every = (ms: number, task: () => Promise<void>, what: string) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      task()
        .catch((error: unknown) => log.debug({ err: error }, `event stream: ${what} failed`))
        .finally(() => {
          running = false;
        });
    }, ms);
    timer.unref();
    return timer;
  };

  void ensureGroup()
    .catch((error: unknown) => log.warn({ err: error }, "event stream: consumer group not created yet"))
    .then(readLoop);
  const claimTimer = every(Math.max(100, options.claimIdleMs / 4), claimStalled, "takeover");
  const beatTimer = every(Math.max(100, options.claimIdleMs / 4), heartbeat, "heartbeat");
  // The stores' client closed (the app is going away without stop()): nothing more to read or claim.
  options.client.once("end", () => {
    stopping = true;
    clearInterval(claimTimer);
    clearInterval(beatTimer);
    roomFreed?.();
    reader.disconnect();
  });

  return {
    kind: "stream",
    async accept(events) {
      if (events.length === 0) return;
      const payloads = events.map((event) => options.sealer.seal(JSON.stringify(event)));
      const keys = events.map((event) => eventKeyPrefix + dedupeKey(event));
      const minId = `${Date.now() - REPLY_TOKEN_VALID_MS}-0`;
      let added: string[];
      try {
        added = await client.botIngest(1 + keys.length, stream, ...keys, DEDUPE_TTL_MS, minId, ...payloads);
      } catch (error) {
        log.warn(
          { err: error, events: events.length },
          "event stream unavailable: events handled in this process",
        );
        return options.fallback.accept(events);
      }
      added.forEach((id, i) => {
        if (id !== "") return;
        metrics.duplicate();
        log.info({ event: events[i]!.type, redelivery: events[i]!.isRedelivery }, "duplicate event dropped");
      });
    },
    async drain() {
      // Everything accepted is answered when nothing is held here and the stream is empty (acknowledged
      // entries are deleted), whichever instance answered it.
      for (;;) {
        await Promise.all([queue.drain(), options.fallback.drain()]);
        const length = await client.xlen(stream).catch(() => 0);
        if (held.size === 0 && length === 0) return;
        await sleep(10);
      }
    },
    async stop(graceMs) {
      stopping = true;
      clearInterval(claimTimer);
      roomFreed?.();
      reader.disconnect(); // ends a blocked XREADGROUP at once
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all([queue.drain(), options.fallback.stop(graceMs)]), timedOut]);
      clearTimeout(timer);
      clearInterval(beatTimer);
      if (held.size > 0)
        log.warn(
          { left: held.size },
          "shutdown: unfinished events left in the stream; another instance takes them over",
        );
    },
    get held() {
      return held.size + options.fallback.held;
    },
  };
}

/** A UUID (the form LINE wants) derived from the event: the same on every instance, so pushes dedupe. */
function retryKeyOf(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An entry's fields: "e" the sealed event (as bot/incoming.ts read it), "k" its key. */
function decode(fields: string[] | null, sealer: Sealer): { event: Incoming; key: string } | undefined {
  if (!fields) return undefined;
  const field = (name: string) => {
    for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
    return undefined;
  };
  const key = field("k");
  try {
    const event = JSON.parse(sealer.open(field("e") ?? "") ?? "") as Incoming;
    const ok = typeof event?.type === "string" && typeof event.source === "object" && key;
    return ok ? { event, key } : undefined;
  } catch {
    return undefined;
  }
}

function pairs(row: unknown[]): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (let i = 0; i + 1 < row.length; i += 2) out.push([String(row[i]), row[i + 1]]);
  return out;
}
