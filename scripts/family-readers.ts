import { forMatching } from "../knowledge/bounce/text.ts";
import { phraseMatcher } from "../knowledge/reasons/check.ts";
import { CHECKS } from "../knowledge/reasons/order.ts";
import type { BounceRecord } from "../knowledge/types.ts";

/**
 * The dev corpus's families (file-name prefixes: lhost-postfix, rhost-google, arf, ...) and the readers
 * (Format.name / Provider.name) written for each: what the leave-one-family-out evaluations
 * (`npm run eval:families`, `npm run eval:screenshots`) switch off to score a family as if unseen.
 */

/** "dos__lhost-postfix-17.eml" → "lhost-postfix". */
export function familyOf(file: string): string {
  return file.replace(/^(?:mac|dos|tmp)__/, "").replace(/(?:-\d+)?\.eml$/, "");
}

/** Readers (Format.name / Provider.name) that were written for a family's layout or codes. */
export const FAMILY_READERS: Readonly<Record<string, readonly string[]>> = {
  arf: ["Feedback-Loop"],
  rfc3834: ["RFC3834"],
  "lhost-postfix": ["Postfix"],
  "lhost-sendmail": ["Sendmail"],
  "lhost-v5sendmail": ["Sendmail"],
  "lhost-exim": ["Exim"],
  "lhost-qmail": ["qmail"],
  "lhost-yahoo": ["qmail"],
  "lhost-courier": ["Courier"],
  "lhost-domino": ["Domino"],
  "lhost-notes": ["Notes"],
  "lhost-imailserver": ["IMailServer"],
  "lhost-fml": ["FML"],
  "lhost-zoho": ["Zoho"],
  "rhost-zoho": ["Zoho"],
  "lhost-opensmtpd": ["OpenSMTPD"],
  "lhost-mfilter": ["mFILTER"],
  "lhost-messagelabs": ["MessageLabs"],
  "rhost-messagelabs": ["MessageLabs"],
  "lhost-ezweb": ["EZweb", "KDDI"],
  "lhost-kddi": ["EZweb", "KDDI"],
  "rhost-kddi": ["KDDI"],
  "rhost-nttdocomo": ["NTTDOCOMO"],
  "lhost-gmail": ["Gmail", "Google"],
  "rhost-google": ["Google"],
  "rhost-gsuite": ["Google"],
  "lhost-googlegroups": ["GoogleGroups"],
  "lhost-exchange2003": ["Exchange"],
  "lhost-exchange2007": ["Exchange"],
  "lhost-office365": ["Exchange", "Microsoft"],
  "lhost-outlook": ["Exchange", "Microsoft"],
  "rhost-microsoft": ["Microsoft"],
  "rhost-outlook": ["Microsoft"],
  "lhost-facebook": ["Facebook"],
  "rhost-facebook": ["Facebook"],
  "rhost-tencent": ["Tencent"],
  "rhost-tencentqq": ["Tencent"],
  "rhost-franceptt": ["FrancePTT"],
  "rhost-cox": ["Cox"],
  "rhost-spectrum": ["Spectrum"],
  "rhost-godaddy": ["GoDaddy"],
  "lhost-mimecast": ["Mimecast"],
  "rhost-mimecast": ["Mimecast"],
  "rhost-yahooinc": ["YahooInc"],
  "lhost-aol": ["Aol"],
  "rhost-aol": ["Aol"],
  "rhost-apple": ["Apple"],
  "lhost-powermta": ["PowerMTA"],
  "lhost-trendmicro": ["TrendMicro"],
  "lhost-interscanmss": ["TrendMicro"],
  "lhost-verizon": ["Verizon"],
};

/**
 * Which families' records each reason phrase matches (in the records' diagnoses), by file. A phrase
 * only one family's records match is that family's own: `--strict` holds it out for that family
 * (`npm run eval:families`, `npm run eval:fragment-seeds`).
 */
export function matchingFamilies(
  records: ReadonlyMap<string, readonly BounceRecord[]>,
): Map<string, Set<string>> {
  const matchers = Object.values(CHECKS).flatMap((c) =>
    c.phrases.map((p) => [p, phraseMatcher([p])] as const),
  );
  const out = new Map<string, Set<string>>();
  for (const [file, list] of records) {
    for (const r of list) {
      const text = forMatching(r.diagnosis);
      for (const [p, match] of matchers) {
        if (!match(text)) continue;
        const set = out.get(p) ?? new Set<string>();
        set.add(familyOf(file));
        out.set(p, set);
      }
    }
  }
  return out;
}
