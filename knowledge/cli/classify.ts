/**
 * npm run --silent classify -- [--json] PATH|-
 *
 * PATH is a file or a folder; "-" reads stdin. Whole mails and pasted text are told apart
 * automatically; PNG and JPEG files (screenshots of a returned mail) are read with OCR, two at a time,
 * and classified as pasted text. With --json, one line per file:
 *   {"file":"<name>","records":[{"reason":"…","topic":"…","status":"…","action":"…","replyCode":"…",
 *   "recipient":"k***@example.com"}]}   (recipient masked as users are shown it, "" when none)
 * Without it, a short summary in Japanese for support staff. Both go through the masker (knowledge/pii.ts)
 * as a last step: whatever a bounce carried, no personal data is printed.
 *
 * Run compiled (scripts/run-compiled.mjs), a big folder is shared with worker threads, one per spare
 * core, in chunks each thread takes from a shared counter: the output is the same lines in the same
 * order, sooner. `npm run classify` starts node with 16× V8's default --interrupt-budget: in a run of a
 * few seconds, optimising every warm function in the background cost more CPU than the optimised code
 * saved (dev set ×10, two threads: 2.1–2.4 s CPU → 1.5–1.7 s, like --no-opt); only the hottest still are.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { classify } from "../classify.ts";
import { maskPii } from "../pii.ts";
import type { BounceRecord, Classification, Reason } from "../types.ts";
import { imageReader, isImage } from "./images.ts";

/** Files in a corpus folder that are not mails. */
const NOT_MAILS = /^(?:labels\.tsv|README(?:\.md)?|LICENSE.*)$/;
/** Files per chunk a thread takes: small enough that the threads finish together, big enough to cost nothing. */
const CHUNK = 50;
/** Fewer files than this are done before a worker thread would have loaded the classifier. */
const PARALLEL_FROM = 600;

const REASON_JA: Partial<Record<Reason, string>> = {
  userunknown: "宛先のユーザーが存在しない",
  filtered: "受信側のフィルターで拒否（ドメイン指定受信など）",
  hostunknown: "宛先のドメインが存在しない",
  mailboxfull: "相手のメールボックスが満杯",
  mesgtoobig: "メールのサイズが大きすぎる",
  exceedlimit: "相手側のサイズ上限を超えた",
  expired: "再送を続けたが届かなかった",
  rejected: "送信者が拒否された",
  blocked: "送信元サーバーが拒否された",
  spamdetected: "迷惑メールと判定された",
  policyviolation: "受信側のポリシー違反",
  securityerror: "セキュリティ上の理由で拒否",
  authfailure: "送信ドメイン認証（SPF/DKIM/DMARC）の失敗",
  requireptr: "送信元の逆引き（PTR）がない",
  badreputation: "送信元の評価が低い",
  notcompliantrfc: "メール形式の規格違反",
  suspend: "相手のアカウントが停止中",
  systemerror: "相手サーバーの障害",
  systemfull: "相手サーバーの容量不足",
  networkerror: "ネットワーク・DNSの障害",
  norelaying: "中継（リレー）を拒否された",
  notaccept: "相手のドメインはメールを受け付けない",
  syntaxerror: "SMTPの手順エラー",
  toomanyconn: "接続数・宛先数が多すぎる",
  speeding: "送信ペースが速すぎる",
  contenterror: "メールの内容・形式の問題",
  virusdetected: "ウイルスが検出された",
  hasmoved: "宛先が移転した",
  mailererror: "相手側の配送プログラムの失敗",
  failedstarttls: "暗号化（STARTTLS）の失敗",
  onhold: "判定保留（手がかり不足）",
  undefined: "判定できない",
  delivered: "配信済みの通知",
  feedback: "迷惑メール苦情の報告（バウンスではない）",
  vacation: "自動応答（不在通知など）",
};

function jsonLine(file: string, result: Classification): string {
  const records = result.records.map((r) => ({
    reason: r.reason,
    topic: r.topic,
    status: r.status,
    action: r.action,
    replyCode: r.replyCode,
    recipient: r.recipient,
  }));
  return maskPii(JSON.stringify({ file, records }));
}

function summaryLine(r: BounceRecord, i: number): string {
  const parts = [
    `  ${i + 1}. ${REASON_JA[r.reason] ?? r.reason}（${r.reason}）`,
    `     トピック: ${r.topic}${r.action === "delayed" ? "（再送中・再送不要）" : ""}`,
    `     宛先: ${r.recipient || "（不明）"}　ステータス: ${r.status || "-"}　応答コード: ${r.replyCode || "-"}`,
    `     根拠: ${r.evidence}（確度 ${Math.round(r.confidence * 100)}%、${r.lhost}）`,
  ];
  if (r.diagnosis) parts.push(`     サーバーの説明: ${r.diagnosis.slice(0, 200)}`);
  return parts.join("\n");
}

function summary(file: string, result: Classification): string {
  const kind = result.kind === "mail" ? "メール全体" : "貼り付けられた文面";
  const head = `■ ${file}（${kind}として読みました）`;
  if (result.records.length === 0) return `${head}\n  返送メール（バウンス）の内容は見つかりませんでした。`;
  return maskPii([head, ...result.records.map(summaryLine)].join("\n"));
}

interface Input {
  name: string;
  read: () => Uint8Array;
}

function inputsOf(path: string): Input[] {
  if (path === "-") return [{ name: "-", read: () => new Uint8Array(readFileSync(0)) }];
  if (statSync(path).isDirectory()) {
    return readdirSync(path, { withFileTypes: true })
      .filter((e) => !e.name.startsWith(".") && !NOT_MAILS.test(e.name) && (e.isFile() || e.isSymbolicLink()))
      .map((e) => e.name)
      .sort()
      .map((f) => ({ name: f, read: () => new Uint8Array(readFileSync(join(path, f))) }));
  }
  return [{ name: basename(path), read: () => new Uint8Array(readFileSync(path)) }];
}

/** What is printed for one classified file. */
const lineOf = (json: boolean, name: string, result: Classification) =>
  json ? jsonLine(name, result) : summary(name, result);

/** A chunk's output lines; an image's place is left undefined (OCR happens in the main thread). */
async function classifyChunk(json: boolean, inputs: readonly Input[]): Promise<(string | undefined)[]> {
  const lines: (string | undefined)[] = [];
  for (const input of inputs) {
    const bytes = input.read();
    // The JSON lines show only the verdict: no need to mask texts that are not printed.
    lines.push(
      isImage(bytes) ? undefined : lineOf(json, input.name, await classify(bytes, { verdictOnly: json })),
    );
  }
  return lines;
}

/** What a worker thread is given once: the whole list, and the counter every thread takes chunks from. */
interface WorkerJob {
  json: boolean;
  dir: string;
  files: string[];
  /** Int32 [next chunk], shared by all threads: a thread never waits for another to hand it work. */
  next: SharedArrayBuffer;
}

/** The next chunk no thread has taken yet (may be past the end). */
const takeChunk = (next: Int32Array) => Atomics.add(next, 0, 1);

/** A worker thread: takes chunks until none is left, posts each chunk's lines, then ends. */
async function serveChunks({ json, dir, files, next }: WorkerJob): Promise<void> {
  const counter = new Int32Array(next);
  for (let chunk = takeChunk(counter); chunk * CHUNK < files.length; chunk = takeChunk(counter)) {
    const inputs = files.slice(chunk * CHUNK, (chunk + 1) * CHUNK).map((f) => ({
      name: f,
      read: () => new Uint8Array(readFileSync(join(dir, f))),
    }));
    parentPort!.postMessage({ chunk, lines: await classifyChunk(json, inputs) });
  }
}

/**
 * Classifies the inputs in chunks, in this thread and in `workers` more, and hands every chunk's lines
 * to `emit` in the inputs' order.
 */
async function classifyAll(
  json: boolean,
  inputs: Input[],
  dir: string | undefined,
  emit: (chunk: number, lines: (string | undefined)[]) => void,
): Promise<void> {
  const chunks = Math.ceil(inputs.length / CHUNK);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const compiled = import.meta.url.endsWith(".js"); // worker threads need no loader only when compiled
  // CLASSIFY_WORKERS overrides (0: this thread alone), for measuring.
  const spare = Number(process.env.CLASSIFY_WORKERS ?? Math.min(3, availableParallelism() - 1));
  const job: WorkerJob = { json, dir: dir ?? "", files: inputs.map((i) => i.name), next: next.buffer };
  const workers =
    dir && compiled && inputs.length >= PARALLEL_FROM && spare > 0
      ? Array.from({ length: spare }, () => new Worker(new URL(import.meta.url), { workerData: job }))
      : [];
  const done = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        worker.on("message", (m: { chunk: number; lines: (string | undefined)[] }) => emit(m.chunk, m.lines));
        worker.on("error", reject);
        worker.on("exit", () => resolve());
      }),
  );
  for (let chunk = takeChunk(next); chunk < chunks; chunk = takeChunk(next)) {
    emit(chunk, await classifyChunk(json, inputs.slice(chunk * CHUNK, (chunk + 1) * CHUNK)));
    await new Promise((resolve) => setImmediate(resolve)); // let the workers' answers in
  }
  await Promise.all(done);
}

/** Output in order: a chunk is printed once every chunk before it is, its images read by OCR. */
function orderedOutput(json: boolean, inputs: Input[]) {
  const ready = new Map<number, (string | undefined)[]>();
  let printed = 0;
  let images: ReturnType<typeof imageReader> | undefined;
  let pending: Promise<void> = Promise.resolve();
  const flush = async () => {
    while (ready.has(printed)) {
      const lines = ready.get(printed)!;
      ready.delete(printed);
      const offset = printed * CHUNK;
      // Screenshots of the chunk: OCR two at a time, then classified as pasted text.
      await Promise.all(
        lines.map(async (line, i) => {
          if (line !== undefined) return;
          const input = inputs[offset + i]!;
          images ??= imageReader();
          const text = await images.text(input.read()).catch((error: Error) => {
            process.stderr.write(`classify: ${input.name}: ${error.message}\n`);
            return "";
          });
          lines[i] = lineOf(json, input.name, await classify(text, { kind: "fragment" }));
        }),
      );
      process.stdout.write(`${lines.join("\n")}\n`);
      printed++;
    }
  };
  return {
    emit(chunk: number, lines: (string | undefined)[]) {
      ready.set(chunk, lines);
      pending = pending.then(flush);
    },
    async end() {
      await pending;
      await images?.close();
    },
  };
}

async function main(): Promise<void> {
  // "classify ... | head" closes the pipe early: stop quietly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const path = args.find((a) => a === "-" || !a.startsWith("--"));
  if (!path) {
    process.stderr.write("usage: npm run --silent classify -- [--json] PATH|-\n");
    process.exit(2);
  }
  let inputs: Input[];
  let dir: string | undefined;
  try {
    inputs = inputsOf(path);
    dir = path !== "-" && statSync(path).isDirectory() ? path : undefined;
  } catch (error) {
    process.stderr.write(`classify: cannot read ${path}: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const output = orderedOutput(json, inputs);
  await classifyAll(json, inputs, dir, output.emit);
  await output.end();
}

if (isMainThread) await main();
else await serveChunks(workerData as WorkerJob);
