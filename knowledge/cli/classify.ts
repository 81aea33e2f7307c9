/**
 * npm run --silent classify -- [--json] PATH|-
 *
 * PATH is a file or a folder; "-" reads stdin. Whole mails and pasted text are told apart
 * automatically. With --json, one line per file:
 *   {"file":"<name>","records":[{"reason":"…","topic":"…","status":"…","action":"…","replyCode":"…"}]}
 * Without it, a short summary in Japanese for support staff (personal data masked).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { classify } from "../classify.ts";
import type { BounceRecord, Classification, Reason } from "../types.ts";

/** Files in a corpus folder that are not mails. */
const NOT_MAILS = /^(?:labels\.tsv|README(?:\.md)?|LICENSE.*)$/;

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
  }));
  return JSON.stringify({ file, records });
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
  return [head, ...result.records.map(summaryLine)].join("\n");
}

function inputsOf(path: string): { name: string; read: () => Uint8Array }[] {
  if (path === "-") return [{ name: "-", read: () => new Uint8Array(readFileSync(0)) }];
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => !f.startsWith(".") && !NOT_MAILS.test(f) && statSync(join(path, f)).isFile())
      .sort()
      .map((f) => ({ name: f, read: () => new Uint8Array(readFileSync(join(path, f))) }));
  }
  return [{ name: basename(path), read: () => new Uint8Array(readFileSync(path)) }];
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
  let inputs: { name: string; read: () => Uint8Array }[];
  try {
    inputs = inputsOf(path);
  } catch (error) {
    process.stderr.write(`classify: cannot read ${path}: ${(error as Error).message}\n`);
    process.exit(2);
  }
  for (const input of inputs) {
    const result = await classify(input.read());
    process.stdout.write(`${json ? jsonLine(input.name, result) : summary(input.name, result)}\n`);
  }
}

await main();
