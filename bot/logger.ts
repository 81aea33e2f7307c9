import pino, { type Logger } from "pino";
import { maskPii } from "../knowledge/pii.ts";
import { LogLines } from "./log-destination.ts";

/**
 * The one logger of the app. Personal data is masked by construction: every string that reaches a log
 * line, in the message or at any depth of the logged object, goes through maskPii first. Call sites
 * cannot forget it, which is the point.
 */

const MAX_DEPTH = 6;
const MAX_STRING = 2_000; // a pasted bounce has no place in a log line, even masked

/**
 * A word of letters, dots, dashes and underscores (event types, states, intent names) holds no personal
 * data of any kind the masker knows (those need digits, "@", spaces, ":" or "=", or non-ASCII), so it
 * skips the masker: log lines are written for every event.
 */
const PLAIN_WORD = /^[A-Za-z_.-]{0,64}$/;
/**
 * The tag of a LINE ID (line-ids.ts idTag: "U…3fa2c1", in every event's log line): a letter and six hex
 * digits hold no personal data either: the masker leaves every such tag as it is (checked for all 10^6
 * tails of digits only and 300,000 random hex ones; test/logger.test.ts keeps a sample), so it is skipped
 * for them too (~5 µs per event). A tag of any other shape is masked as before.
 */
const ID_TAG = /^[UCR]…[0-9a-f]{6}$/;

function maskString(value: string): string {
  if (PLAIN_WORD.test(value) || ID_TAG.test(value)) return value;
  const cut = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…(${value.length} chars)` : value;
  return maskPii(cut);
}

/** Objects written as their own enumerable fields: for them a copy with the same fields writes the same JSON. */
const PLAIN_PROTOTYPES: ReadonlySet<unknown> = new Set([Object.prototype, null]);

export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskString(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[depth]";
  if (value instanceof Error) {
    return {
      type: value.name,
      message: maskString(value.message),
      stack: value.stack && maskString(value.stack),
    };
  }
  // Every event's log line passes here, most with nothing to mask: a plain object or array whose every
  // field comes back as it was is written as it is (JSON has the same text for it and for a copy), and
  // a copy is made only from the first field that changes.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined = Object.getPrototypeOf(value) === Array.prototype ? undefined : [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const masked = maskDeep(item, depth + 1);
      if (out === undefined && masked !== item) out = value.slice(0, i);
      if (out !== undefined) out[i] = masked;
    }
    return out ?? value;
  }
  // The same fields as Object.entries (own, enumerable, string keys), without a [key, value] pair each.
  const keys = Object.keys(value);
  let out: Record<string, unknown> | undefined = PLAIN_PROTOTYPES.has(Object.getPrototypeOf(value))
    ? undefined
    : {};
  for (let i = 0; i < keys.length; i++) {
    const field = (value as Record<string, unknown>)[keys[i]!];
    const masked = maskDeep(field, depth + 1);
    if (out === undefined && masked !== field) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = (value as Record<string, unknown>)[keys[j]!];
    }
    if (out !== undefined) out[keys[i]!] = masked;
  }
  return out ?? value;
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go (tests pass a stream to read them back). */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const root = pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: undefined,
      // Errors are serialised by maskDeep, not by pino's own serializer, so their messages are masked too.
      serializers: { err: (e: unknown) => maskDeep(e) },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => maskDeep(a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    // stdout, asynchronously, whatever waits written at once (log-destination.ts).
    options.destination ?? new LogLines(),
  );
  // Fields bound with logger.child({ requestId, … }) are serialised once at child creation and never
  // pass through logMethod, so they are masked here. Children inherit this method from the root.
  const child = root.child;
  root.child = function maskedChild(this: Logger, bindings, childOptions) {
    const prefix = childOptions?.msgPrefix;
    const masked = prefix === undefined ? childOptions : { ...childOptions, msgPrefix: maskString(prefix) };
    return child.call(this, maskDeep(bindings) as pino.Bindings, masked);
  } as typeof root.child;
  return root;
}

export const logger: Logger = createLogger();
