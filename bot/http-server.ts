import { createServer, type RequestListener, type Server, type ServerOptions } from "node:http";
import type { Socket } from "node:net";

/**
 * The bot's HTTP server: Node's, with short request timeouts (slow clients are cut off) that do not cut a
 * request the bot simply had not read yet.
 */

/**
 * A request must arrive whole within seconds: LINE's webhooks are small and LINE itself gives up after
 * 2 s, so an upload that stalls or trickles is an attacker holding a socket and a body buffer. Node
 * answers 408 and closes the connection; it looks for overdue requests every second (30 s by default,
 * which let a stalled upload live for minutes together with its 300 s request timeout).
 */
export const SERVER_TIMEOUTS: ServerOptions = {
  headersTimeout: 3_000,
  requestTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};

/**
 * How long a kept-alive connection may sit idle between requests before the bot closes it. Node's 5 s
 * default is shorter than every load balancer's idle timeout (AWS ALB 60 s, nginx's upstream keepalive
 * 60 s): a balancer that reuses a connection just as the bot closes it sends its request into a closed
 * socket and gets ECONNRESET (or a 502 for the user's event). The side that closes first must be the
 * balancer, so the bot waits longer than it (KEEP_ALIVE_TIMEOUT_MS, bot/config.ts).
 *
 * headersTimeout stays at 3 s, below it, on purpose: since Node 18 its clock runs from a request's first
 * byte (or the connection's accept), never over the idle time between two requests of a kept-alive
 * connection (test/webhook-limits.test.ts), so the old advice "headersTimeout above keepAliveTimeout" (for
 * Node 10-16, where it did) would only give a client trickling its headers 65 s instead of 3.
 */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function createBotServer(
  listener: RequestListener,
  keepAliveTimeoutMs = DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
): Server {
  const server = createServer({ ...SERVER_TIMEOUTS, keepAliveTimeout: keepAliveTimeoutMs }, listener);
  server.on("clientError", onClientError);
  return server;
}

/**
 * Node starts a new connection's clock when it accepts it, and looks for overdue connections in the
 * event loop's timers phase, which comes before the phase that reads sockets. So when the process was
 * busy or not scheduled for longer than headersTimeout between accepting a connection and reading it (a
 * burst on a starved machine: bench:webhook's rss part under load 12-16), a request that had arrived
 * whole and was waiting in the kernel was cut, unread: 408 and, its bytes unread, a TCP reset. The
 * sender saw ECONNRESET and the events were lost (LINE redelivers only when redelivery is switched on).
 * A connection that has read nothing when its time is up therefore gets one more turn of the loop: the
 * bytes that were waiting are read in it (and Node's clock for that request starts then); one still
 * silent after it is cut as before. A connection that has read part of a request is cut at once: a slow
 * client gains one loop turn at most, never more time.
 */
function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT" && socket.bytesRead === 0) {
    setImmediate(() => {
      if (socket.bytesRead === 0) answerClientError(error, socket);
    });
    return;
  }
  answerClientError(error, socket);
}

/** A socket with its response in flight: Node's own field, read as Node reads it below. */
type HttpSocket = Socket & { _httpMessage?: { _headerSent?: boolean } | null };

/**
 * What Node does with a client error when nobody listens for "clientError" (lib/_http_server.js,
 * socketOnError, Node 20): an error status unless a response has started on the socket, then destroy.
 */
function answerClientError(error: Error & { code?: string }, socket: HttpSocket): void {
  if (socket.destroyed) return;
  const message = socket._httpMessage;
  if (socket.writable && !message?._headerSent)
    socket.write(
      `HTTP/1.1 ${CLIENT_ERROR_STATUS.get(error.code ?? "") ?? "400 Bad Request"}\r\nConnection: close\r\n\r\n`,
    );
  socket.destroy(error);
}

const CLIENT_ERROR_STATUS: ReadonlyMap<string, string> = new Map([
  ["HPE_HEADER_OVERFLOW", "431 Request Header Fields Too Large"],
  ["HPE_CHUNK_EXTENSIONS_OVERFLOW", "413 Payload Too Large"],
  ["ERR_HTTP_REQUEST_TIMEOUT", "408 Request Timeout"],
]);
