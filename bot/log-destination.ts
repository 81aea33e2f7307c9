import { write, writeSync } from "node:fs";

/**
 * Where the app's log lines go by default: stdout, written asynchronously (fs.write on libuv's thread
 * pool, never blocking the event loop), with everything that waits written at once.
 *
 * pino's own destination (sonic-boom) writes at most `maxWrite` bytes per fs.write and starts the next
 * write only when one completes: at most one chunk per turn of the event loop. With 1 KB chunks (a
 * larger chunk is re-measured in full for each line appended: bot/logger.ts) a busy process logs faster
 * than that: in `npm run bench:webhook` 1,887 chunks (3.1 MB of lines, the oldest 13 s old) were still
 * waiting after the 10k-session burst, kept in the heap, promoted to the old generation and counted in
 * RSS. Here the lines that arrive while a write is under way are joined once and go out in the next
 * write, however many they are: what waits is bounded by what one write's time brings.
 *
 * A failed write (a closed pipe, a bad descriptor) stops the logging, as pino does for a closed pipe;
 * EAGAIN (a non-blocking pipe that is full) is tried again shortly after.
 */
export class LogLines {
  private waiting: string[] = [];
  private writing = false;
  private broken = false;
  private idle: (() => void)[] = [];

  constructor(private readonly fd = 1) {
    // Lines still waiting when the process exits are written synchronously (the write under way, if
    // any, finishes on its thread).
    process.on("exit", () => this.flushSync());
  }

  write(line: string): boolean {
    if (this.broken) return true;
    this.waiting.push(line);
    if (!this.writing) this.next();
    return true;
  }

  /** Calls `done` once every line written so far has gone out. */
  flush(done: (error?: Error) => void = () => {}): void {
    if (!this.writing) process.nextTick(done);
    else this.idle.push(done);
  }

  /** Writes the waiting lines synchronously (at exit). */
  flushSync(): void {
    if (this.broken || this.waiting.length === 0) return;
    let buffer = this.take();
    for (let tries = 0; buffer.length > 0 && tries < 100; ) {
      try {
        buffer = buffer.subarray(writeSync(this.fd, buffer));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return;
        tries++;
      }
    }
  }

  private take(): Buffer {
    const text = this.waiting.length === 1 ? this.waiting[0]! : this.waiting.join("");
    this.waiting = [];
    return Buffer.from(text);
  }

  private next(): void {
    if (this.waiting.length === 0 || this.broken) {
      this.writing = false;
      const idle = this.idle;
      this.idle = [];
      for (const done of idle) done();
      return;
    }
    this.writing = true;
    this.send(this.take());
  }

  private send(buffer: Buffer): void {
    write(this.fd, buffer, 0, buffer.length, null, (error, written) => {
      if (error) {
        if (error.code === "EAGAIN") {
          setTimeout(() => this.send(buffer), 10);
          return;
        }
        this.broken = true;
        this.waiting = [];
      } else if (written < buffer.length) {
        this.send(buffer.subarray(written));
        return;
      }
      this.next();
    });
  }
}
