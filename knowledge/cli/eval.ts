/**
 * npm run --silent eval -- DIR [--fragments]
 *
 * Scores the classifier against DIR/labels.tsv (format: ../shared/corpus/sisimai-dev/README.md):
 * per-reason precision and recall, the misses, overall reason and status agreement, and mails/s.
 * Rows labelled "(unknown)" are left out; a "(none)" row is right when no record comes out.
 * --fragments classifies what a phone user would paste instead of the whole mail (see paste.ts);
 * --wrap N also re-wraps it as a phone N columns wide does (wrapLikePhone in paste.ts).
 * Images (PNG, JPEG: screenshots, e.g. from npm run screenshots:bounces) are read with OCR, two at a
 * time, and classified as pasted text; topic agreement is what the user's advice depends on.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classify } from "../classify.ts";
import { topicOf } from "../topic-of-reason.ts";
import type { BounceRecord, DsnAction, Reason } from "../types.ts";
import { imageReader, isImage } from "./images.ts";
import { pasteOf, wrapLikePhone } from "./paste.ts";

interface Label {
  file: string;
  idx: number;
  reason: string;
  status: string;
  action: string;
}

function readLabels(dir: string): Map<string, Label[]> {
  const byFile = new Map<string, Label[]>();
  const lines = readFileSync(join(dir, "labels.tsv"), "utf8").split("\n").slice(1);
  for (const line of lines) {
    if (!line.trim()) continue;
    const [file, idx, reason, status, , action] = line.split("\t");
    if (!file || reason === "(unknown)") continue;
    const list = byFile.get(file) ?? [];
    list.push({ file, idx: Number(idx), reason: reason ?? "", status: status ?? "", action: action ?? "" });
    byFile.set(file, list);
  }
  for (const list of byFile.values()) list.sort((a, b) => a.idx - b.idx);
  return byFile;
}

function pct(n: number, d: number): string {
  return d === 0 ? "   -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fragments = args.includes("--fragments") || args.includes("--wrap");
  const wrapAt = args.indexOf("--wrap");
  const columns = wrapAt === -1 ? 0 : Number(args[wrapAt + 1]);
  const dir = args.find((a, i) => !a.startsWith("--") && (wrapAt === -1 || i !== wrapAt + 1));
  if (!dir) {
    process.stderr.write("usage: npm run --silent eval -- DIR [--fragments]\n");
    process.exit(2);
  }
  const labels = readLabels(dir);
  const inputs = new Map<string, string | Uint8Array>();
  const images = new Map<string, Uint8Array>();
  for (const file of labels.keys()) {
    const raw = new Uint8Array(readFileSync(join(dir, file)));
    if (isImage(raw)) {
      images.set(file, raw);
      continue;
    }
    const paste = fragments ? await pasteOf(raw) : "";
    inputs.set(file, !fragments ? raw : columns > 0 ? wrapLikePhone(paste, columns) : paste);
  }

  // Screenshots: their text first (OCR is the slow part, timed on its own), then classified as pastes.
  const ocrStart = performance.now();
  const ocrText = new Map<string, string>();
  if (images.size > 0) {
    const reader = imageReader();
    await Promise.all(
      [...images].map(async ([file, image]) => ocrText.set(file, await reader.text(image).catch(() => ""))),
    );
    await reader.close();
  }
  const ocrSeconds = (performance.now() - ocrStart) / 1000;

  const results = new Map<string, BounceRecord[]>();
  const t0 = performance.now();
  for (const [file, input] of inputs) {
    results.set(file, (await classify(input, { kind: fragments ? "fragment" : "mail" })).records);
  }
  for (const [file, text] of ocrText) results.set(file, (await classify(text, { kind: "fragment" })).records);
  const seconds = (performance.now() - t0) / 1000;

  let rows = 0;
  let reasonOk = 0;
  let topicOk = 0;
  let statusOk = 0;
  const expected = new Map<string, number>();
  const predicted = new Map<string, number>();
  const correct = new Map<string, number>();
  const misses: string[] = [];
  const topicMisses: string[] = [];
  const confusion = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  for (const [file, list] of labels) {
    const records = results.get(file) ?? [];
    for (const label of list) {
      rows++;
      let got = "(none)";
      let gotStatus = "";
      if (label.reason !== "(none)") {
        const r = records[label.idx - 1];
        if (r) {
          got = r.reason;
          gotStatus = r.status;
        }
      } else if (records.length > 0) {
        got = records[0]!.reason;
      }
      bump(expected, label.reason);
      bump(predicted, got);
      const ok = got === label.reason;
      const wantTopic =
        label.reason === "(none)"
          ? "(none)"
          : topicOf(label.reason as Reason, label.action as DsnAction, label.status);
      const gotTopic =
        got === "(none)"
          ? "(none)"
          : (records[label.reason === "(none)" ? 0 : label.idx - 1]?.topic ?? "(none)");
      if (gotTopic === wantTopic) topicOk++;
      else if (ok) topicMisses.push(`${file}#${label.idx}\t${label.reason}: ${wantTopic} → ${gotTopic}`);
      if (ok) {
        reasonOk++;
        bump(correct, got);
      }
      const sOk = label.reason === "(none)" ? records.length === 0 : gotStatus === label.status;
      if (sOk) statusOk++;
      if (!ok) {
        bump(confusion, `${label.reason} → ${got}`);
        const r = records[label.idx - 1];
        misses.push(
          `${file}#${label.idx}\t${label.reason} → ${got}\t${label.status || "-"} → ${gotStatus || "-"}\t${r ? `${r.lhost}: ${r.evidence} | ${r.diagnosis.slice(0, 110)}` : `${records.length} records`}`,
        );
      }
    }
  }

  const out: string[] = [];
  out.push(`# ${dir}${fragments ? " (fragments: body text only)" : ""}`);
  out.push("");
  out.push("reason            expected  precision  recall");
  const reasons = [...new Set([...expected.keys(), ...predicted.keys()])].sort();
  for (const r of reasons) {
    const c = correct.get(r) ?? 0;
    out.push(
      `${r.padEnd(18)}${String(expected.get(r) ?? 0).padStart(8)}   ${pct(c, predicted.get(r) ?? 0)}   ${pct(c, expected.get(r) ?? 0)}`,
    );
  }
  out.push("");
  out.push("confusion (expected → got, count):");
  for (const [pair, n] of [...confusion.entries()].sort((a, b) => b[1] - a[1]))
    out.push(`  ${String(n).padStart(3)}  ${pair}`);
  out.push("");
  out.push(`misses (${misses.length}):`);
  for (const m of misses) out.push(`  ${m}`);
  out.push("");
  if (topicMisses.length > 0) {
    out.push(`reason right, topic not (${topicMisses.length}):`);
    for (const m of topicMisses) out.push(`  ${m}`);
    out.push("");
  }
  out.push(`reason agreement: ${reasonOk}/${rows} = ${pct(reasonOk, rows).trim()}`);
  out.push(`status agreement: ${statusOk}/${rows} = ${pct(statusOk, rows).trim()}`);
  out.push(`topic agreement: ${topicOk}/${rows} = ${pct(topicOk, rows).trim()}`);
  const classified = inputs.size + ocrText.size;
  out.push(
    `throughput: ${classified} mails in ${seconds.toFixed(2)} s = ${(classified / seconds).toFixed(0)} mails/s`,
  );
  if (images.size > 0)
    out.push(
      `OCR: ${images.size} images in ${ocrSeconds.toFixed(1)} s = ${(images.size / ocrSeconds).toFixed(2)} images/s (two at a time)`,
    );
  process.stdout.write(`${out.join("\n")}\n`);
}

await main();
