import { firstBounceLine } from "../../knowledge/ocr/clean.ts";
import { maskPii, shouldWarn } from "../../knowledge/pii.ts";
import { diagnosisOf, primaryRecord } from "../diagnosis.ts";
import type { DialogEvent } from "../events.ts";
import { cut } from "../text.ts";
import { policyCodeOnly } from "./policy-code.ts";
import { MAX_SHOWN_LINE_CHARS } from "./thresholds.ts";
import type { InterpreterDeps } from "./types.ts";

/**
 * A screenshot's text: a bounce the classifier reads is answered as its paste would be; part of one (a
 * code or an address, no reason; a policy code alone, policy-code.ts) is shown back, masked, with a
 * request for the rest; nothing is a kind "could not read it". Never a guess. The chat's language is the user's, not the screenshot's.
 */
export async function fromScreenshot(
  deps: Pick<InterpreterDeps, "classify" | "carrierOf">,
  text: string,
): Promise<DialogEvent[]> {
  if (text.trim() === "") return [{ type: "SCREENSHOT_UNREADABLE" }];
  const classification = await deps.classify(text, "fragment");
  const record = primaryRecord(classification.records);
  const before: DialogEvent[] = shouldWarn(text, "bounce") ? [{ type: "PERSONAL_DATA" }] : [];
  const codeOnly = record && policyCodeOnly(classification.records, record, text, "screenshot");
  if (codeOnly) return [...before, codeOnly];
  if (record)
    return [
      ...before,
      { type: "PASTE", diagnosis: diagnosisOf(record, deps.carrierOf, classification.records) },
    ];
  const line = firstBounceLine(text);
  if (!line) return [...before, { type: "SCREENSHOT_UNREADABLE" }];
  return [
    ...before,
    { type: "PARTLY_READ", line: cut(maskPii(line), MAX_SHOWN_LINE_CHARS), from: "screenshot" },
  ];
}
