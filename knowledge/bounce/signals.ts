import { CHECKS } from "../reasons/order.ts";
import { forMatching } from "./text.ts";

/**
 * Does a line carry bounce information: an SMTP reply, an enhanced status code, or a phrase one of the
 * reasons knows? Used where a notice has no recipient list (and for pasted fragments).
 */
const CODE = /(?:^|[\s:(<["'#])(?:[245]\d\d[ -]|[245]\.\d{1,3}\.\d{1,3})/;

export function hasSmtpCode(line: string): boolean {
  return CODE.test(line);
}

const ALL_CHECKS = Object.values(CHECKS).filter((c) => c.reason !== "vacation");

/** Lines that cannot be a server's explanation: encoded data and long unbroken tokens. */
function isNoise(line: string): boolean {
  return line.length > 600 || (line.length > 40 && !/\s/.test(line.trim()));
}

export function knownPhrase(line: string): string | undefined {
  if (isNoise(line)) return undefined;
  const text = forMatching(line);
  if (text.length < 4) return undefined;
  for (const check of ALL_CHECKS) {
    const p = check.match(text);
    if (p) return p;
  }
  return undefined;
}

export function isSignalLine(line: string): boolean {
  return hasSmtpCode(line) || knownPhrase(line) !== undefined;
}
