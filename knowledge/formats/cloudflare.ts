import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/**
 * Cloudflare Email Routing (developers.cloudflare.com/email-routing/postmaster/).
 *   554 5.7.1 192.0.2.1 found on one or more DNSBLs
 *   451 4.3.0 Upstream error, please try again later
 */
const MESSAGES: readonly [string, Reason][] = [
  ["found on one or more dnsbls", "blocked"],
  ["upstream error", "systemerror"],
];

export const cloudflare: Provider = {
  name: "Cloudflare",
  hosts: ["mx.cloudflare.net", "cloudflare.net"],
  reasonOf(_draft, f): Decision | undefined {
    const hit = MESSAGES.find(([w]) => f.text.includes(w));
    return hit ? { reason: hit[1], basis: "provider", evidence: `Cloudflare: ${hit[0]}` } : undefined;
  },
};
