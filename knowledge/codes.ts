import type { z } from "zod";
import { loadDataFile } from "./data-file.ts";
import { codesSchema } from "./knowledge-schema.ts";

/**
 * The codes of a bounce with a few words of what they mean (knowledge/data/codes.yaml): a bare
 * "5.2.3 (552)" tells a user nothing, so a code is shown with its meaning, or not at all.
 */

export type CodeMeanings = z.infer<typeof codesSchema>;

export function loadCodes(file: string): CodeMeanings {
  return loadDataFile(file, codesSchema);
}

/**
 * What the codes mean: the exact status if listed, else its group ("5.7": a policy refusal), else the
 * reply code; undefined when none is listed.
 */
export function meaningOf(
  codes: CodeMeanings,
  status: string,
  replyCode: string,
): { ja: string; en: string } | undefined {
  const group = status.split(".").slice(0, 2).join(".");
  // Object.hasOwn: the codes come from a user's paste, and "constructor" is in every object.
  const own = <V>(table: Readonly<Record<string, V>>, key: string) =>
    key && Object.hasOwn(table, key) ? table[key] : undefined;
  return own(codes.status, status) ?? own(codes.group, group) ?? own(codes.reply, replyCode);
}

/** 「552 5.2.3：メールが大きすぎる」, or "" when nothing explains the codes (then they are not shown). */
export function describeCodes(
  codes: CodeMeanings,
  status: string,
  replyCode: string,
  lang: "ja" | "en",
): string {
  const meaning = meaningOf(codes, status, replyCode);
  if (!meaning) return "";
  const code = [replyCode, status].filter(Boolean).join(" ");
  return codes.shown[lang].replace("{code}", code).replace("{meaning}", meaning[lang]);
}

/**
 * A code that names only a class of cause, read with nothing that says which (codes.yaml `classes`,
 * status-table.ts classOnlyCode): what it means and the class's next step, with the codes as written
 * ("550 5.1.0"); undefined when the class has no answer.
 */
export function classAnswer(
  codes: CodeMeanings,
  codeClass: string,
  status: string,
  replyCode: string,
  lang: "ja" | "en",
): string | undefined {
  if (!codeClass || !Object.hasOwn(codes.classes, codeClass)) return undefined;
  const code = [replyCode, status].filter(Boolean).join(" ");
  return codes.classes[codeClass]![lang].replace("{code}", code);
}
