import { phraseMatcher, type ReasonCheck } from "./check.ts";
import { match as networkerrorMatch } from "./networkerror.ts";
import { match as notacceptMatch } from "./notaccept.ts";

/**
 * The domain part (after "@") does not exist or has no mail server.
 *   Status: 5.1.2 / Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error
 *   ISP page: "Host unknown"
 *   all relevant MX records point to non-existent hosts (Exim; a screenshot shows it without the notice)
 *   Your message wasn't delivered to x@example.jp because the domain example.jp couldn't be found. (Gmail,
 *     often screenshotted without its "** Address not found **" heading)
 */
export const PHRASES: readonly string[] = [
  "553 … does not exist",
  "all host address lookups failed permanently",
  "all relevant mx records point to non-existent hosts",
  "bad destination system address", // RFC 3463 X.1.2
  "because the domain …could not be found",
  "because the domain …couldn't be found",
  "couldn't find any host named",
  "dns error: domain name not found",
  "dns server returned answer with no data",
  "domain does not exist",
  "domain is not reachable",
  "domain must exist",
  "host or domain name not found",
  "host unknown",
  "host unreachable",
  "host …not found",
  "illegal host/domain name found",
  "mail domain mentioned in email address is unknown",
  "name or service not known",
  "no such domain",
  "recipient address rejected: unknown domain name",
  "recipient domain must exist",
  "remote domain doesnt exist",
  "sorry, i couldn't find any host ", // qmail: "Sorry, I couldn't find any host named example.jp. (#5.1.2)"
  "the account or domain may not exist",
  "unknown host",
  "unroutable address",
  "unrouteable address",
  "we weren't able to find the recipient domain",
  "ドメイン…が見つからな", // Gmail: 「ドメイン example.jp が見つからなかったため、…」
  "ドメインが存在しない",
  "ドメインが存在しません",
  "ドメインが見つかりません",
  "ドメインは存在しない",
  "ホストが見つかりません",
  "ホスト不明",
];

const phrase = phraseMatcher(PHRASES);

/** Gmail's sentence only says the lookup failed: the DNS answer it quotes may say more precisely how. */
const GMAIL_SENTENCE = new Set([
  "because the domain …could not be found",
  "because the domain …couldn't be found",
]);

/**
 * Gmail's Japanese sentence names the domain between its two parts (「ドメイン example.jp が見つからなかっ
 * たため、…」): within one clause, not the 「ドメイン」 of another sentence before an address's 「が見つから
 * ない」.
 */
function gmailJapanese(text: string): boolean {
  const end = "が見つからな";
  for (let at = text.indexOf(end); at !== -1; at = text.indexOf(end, at + end.length)) {
    const before = text.slice(Math.max(0, at - 84), at);
    const domain = before.lastIndexOf("ドメイン");
    if (domain !== -1 && !/[、。]/.test(before.slice(domain))) return true;
  }
  return false;
}

/** "Host not found, try again" is a DNS time-out, not a missing domain. */
export function match(text: string): string | undefined {
  const p = phrase(text);
  if (p && GMAIL_SENTENCE.has(p) && (networkerrorMatch(text) || notacceptMatch(text))) return undefined;
  if (p === "ドメイン…が見つからな" && !gmailJapanese(text)) return undefined;
  return p === "host …not found" && text.includes("try again") ? undefined : p;
}

export const hostunknown: ReasonCheck = {
  reason: "hostunknown",
  phrases: PHRASES,
  match,
  probe(f) {
    // A DNS lookup that failed for a network reason is not proof that the domain does not exist.
    if (f.statusReason === "hostunknown") return networkerrorMatch(f.text) === undefined;
    return match(f.text) !== undefined;
  },
};
