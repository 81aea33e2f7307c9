import pino, { type Logger } from "pino";
import { maskPii } from "../knowledge/pii.ts";

/**
 * The one logger of the app. Personal data is masked by construction: every string that reaches a log
 * line, in the message or at any depth of the logged object, goes through maskPii first. Call sites
 * cannot forget it, which is the point.
 */

const MAX_DEPTH = 6;
const MAX_STRING = 2_000; // a pasted bounce has no place in a log line, even masked

function maskString(value: string): string {
  const cut = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…(${value.length} chars)` : value;
  return maskPii(cut);
}

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
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
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
    options.destination ?? pino.destination({ sync: false }),
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
