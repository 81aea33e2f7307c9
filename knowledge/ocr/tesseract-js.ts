import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type OcrEngine, OcrFailed, OcrTimeout } from "./engine.ts";

/**
 * The tesseract.js route: images go to child processes running tesseract-js-child.ts. A child is kept
 * for the next image (loading the language data takes a second or two) until it has been idle for
 * `idleMs`; one child per image being read at once (the caller bounds how many that is). A read that
 * times out, or a child that dies, takes only that child with it.
 */

// Under tsx (npm start, tests) the child is the .ts file, run through tsx too; compiled, the .js file.
const CHILD = fileURLToPath(
  new URL(`./tesseract-js-child${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
);
const CHILD_ARGS = CHILD.endsWith(".ts") ? ["--import", "tsx"] : [];

interface Reply {
  id?: number;
  tsv?: string;
  error?: string;
  ready?: boolean;
}

interface Child {
  process: ChildProcess;
  ready: Promise<void>;
  idleTimer?: NodeJS.Timeout;
}

export function tesseractJs(options: { idleMs?: number } = {}): OcrEngine {
  const idleMs = options.idleMs ?? 60_000;
  const idle: Child[] = [];
  const all = new Set<Child>();
  let nextId = 1;

  function start(): Child {
    const child = fork(CHILD, [], {
      execArgv: CHILD_ARGS,
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 500) stderr += chunk.toString("utf8");
    });
    const ready = new Promise<void>((resolve, reject) => {
      child.on("message", (m: Reply) => m.ready && resolve());
      child.once("exit", (code) =>
        reject(new OcrFailed(`tesseract.js child exited (${code}): ${stderr.trim().slice(0, 200)}`)),
      );
    });
    ready.catch(() => {});
    const entry: Child = { process: child, ready };
    all.add(entry);
    child.once("exit", () => {
      all.delete(entry);
      const at = idle.indexOf(entry);
      if (at !== -1) idle.splice(at, 1);
    });
    return entry;
  }

  function retire(child: Child): void {
    child.idleTimer = setTimeout(() => {
      const at = idle.indexOf(child);
      if (at !== -1) idle.splice(at, 1);
      child.process.kill();
    }, idleMs);
    child.idleTimer.unref();
    idle.push(child);
  }

  async function read(image: Uint8Array, timeoutMs: number): Promise<string> {
    const child = idle.pop() ?? start();
    clearTimeout(child.idleTimer);
    const id = nextId++;
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | undefined, tsv = "") => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.process.off("message", onMessage);
        child.process.off("exit", onExit);
        if (error) {
          child.process.kill("SIGKILL");
          reject(error);
        } else {
          retire(child);
          resolve(tsv);
        }
      };
      // The time-out counts from the request: a child still loading its data is part of the wait.
      const timer = setTimeout(() => finish(new OcrTimeout(timeoutMs)), timeoutMs);
      const onMessage = (m: Reply) => {
        if (m.id !== id) return;
        if (m.error !== undefined) finish(new OcrFailed(`tesseract.js: ${m.error}`));
        else finish(undefined, m.tsv ?? "");
      };
      const onExit = (code: number | null) => finish(new OcrFailed(`tesseract.js child exited (${code})`));
      child.process.on("message", onMessage);
      child.process.once("exit", onExit);
      child.ready.then(
        () => {
          if (!settled) child.process.send({ id, image });
        },
        (error: Error) => finish(error),
      );
    });
  }

  return {
    route: "tesseract.js",
    read,
    async close() {
      const exits = [...all].map(
        (c) =>
          new Promise<void>((resolve) => {
            clearTimeout(c.idleTimer);
            if (c.process.exitCode !== null || c.process.signalCode !== null) return resolve();
            c.process.once("exit", () => resolve());
            c.process.kill();
          }),
      );
      await Promise.all(exits);
    },
  };
}
