/**
 * The classify command's work (knowledge/cli/classify.ts is the command): classifies inputs in chunks, in
 * the main thread and in the worker threads the command started, and prints every chunk's lines in the
 * inputs' order. Run as a worker thread's script, it serves chunks (serveChunks).
 *
 * A big folder is shared with the worker threads in chunks each thread takes from a shared counter: the
 * output is the same lines in the same order, sooner.
 */
import { isMainThread, parentPort, type Worker, workerData } from "node:worker_threads";
import { classify } from "../classify.ts";
import { maskPii } from "../pii.ts";
import type { BounceRecord, Classification, Reason } from "../types.ts";
import { fileInput, type Input } from "./classify-inputs.ts";
import { imageReader, isImage } from "./images.ts";

/** Files per chunk a thread takes: small enough that the threads finish together, big enough to cost nothing. */
const CHUNK = 50;

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

/** What is printed for one classified file. */
const lineOf = (json: boolean, name: string, result: Classification) =>
  json ? jsonLine(name, result) : summary(name, result);

/** A chunk's output lines; an image's place is left undefined (OCR happens in the main thread). */
async function classifyChunk(json: boolean, inputs: readonly Input[]): Promise<(string | undefined)[]> {
  const lines: (string | undefined)[] = [];
  for (const input of inputs) {
    // classify() is done with the bytes (a string made of them) before this loop reads the next file;
    // an image's bytes are read again, by `read`, when its turn for OCR comes.
    const bytes = input.readInPlace?.() ?? input.read();
    // The JSON lines show only the verdict: no need to mask texts that are not printed.
    lines.push(
      isImage(bytes) ? undefined : lineOf(json, input.name, await classify(bytes, { verdictOnly: json })),
    );
  }
  return lines;
}

/** What a worker thread is given once: the whole list, and the counter every thread takes chunks from. */
export interface WorkerJob {
  /** Marks the job for this module's worker-thread entry (the last line). */
  kind: "classify-chunks";
  json: boolean;
  dir: string;
  files: string[];
  /** Int32 [next chunk], shared by all threads: a thread never waits for another to hand it work. */
  next: SharedArrayBuffer;
}

/** The next chunk no thread has taken yet (may be past the end). */
const takeChunk = (next: Int32Array) => Atomics.add(next, 0, 1);

/** What a worker thread posts: a chunk's lines, then "done" once no chunk is left. */
type WorkerMessage = { chunk: number; lines: (string | undefined)[] } | "done";

/** A worker thread: takes chunks until none is left, posts each chunk's lines, then "done". */
async function serveChunks({ json, dir, files, next }: WorkerJob): Promise<void> {
  const counter = new Int32Array(next);
  for (let chunk = takeChunk(counter); chunk * CHUNK < files.length; chunk = takeChunk(counter)) {
    const inputs = files.slice(chunk * CHUNK, (chunk + 1) * CHUNK).map((f) => fileInput(dir, f));
    parentPort!.postMessage({ chunk, lines: await classifyChunk(json, inputs) } satisfies WorkerMessage);
  }
  // Before the thread tears down its heap: the main thread need not wait for that to print the last lines.
  parentPort!.postMessage("done" satisfies WorkerMessage);
}

/**
 * Classifies the inputs in chunks, in this thread and in the worker threads given (started on a WorkerJob
 * with the same counter), and hands every chunk's lines to `emit`; resolves when every thread is done.
 */
export async function classifyAll(
  json: boolean,
  inputs: readonly Input[],
  workers: readonly Worker[],
  next: SharedArrayBuffer,
  emit: (chunk: number, lines: (string | undefined)[]) => void,
): Promise<void> {
  const chunks = Math.ceil(inputs.length / CHUNK);
  const counter = new Int32Array(next);
  const done = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        worker.on("message", (m: WorkerMessage) => (m === "done" ? resolve() : emit(m.chunk, m.lines)));
        worker.on("error", reject);
        worker.on("exit", (code) =>
          code === 0 ? resolve() : reject(new Error(`worker thread exit ${code}`)),
        );
      }),
  );
  for (let chunk = takeChunk(counter); chunk < chunks; chunk = takeChunk(counter)) {
    emit(chunk, await classifyChunk(json, inputs.slice(chunk * CHUNK, (chunk + 1) * CHUNK)));
    await new Promise((resolve) => setImmediate(resolve)); // let the workers' answers in
  }
  await Promise.all(done);
}

/** Output in order: a chunk is printed once every chunk before it is, its images read by OCR. */
export function orderedOutput(json: boolean, inputs: readonly Input[]) {
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

// As a worker thread's script (knowledge/cli/classify.ts starts it), serve chunks; imported, nothing runs.
if (!isMainThread && (workerData as Partial<WorkerJob> | undefined)?.kind === "classify-chunks")
  await serveChunks(workerData as WorkerJob);
