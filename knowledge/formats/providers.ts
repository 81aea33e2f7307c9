import type { Decision } from "../bounce/decide.ts";
import type { Draft } from "../bounce/draft.ts";
import { domainOf } from "../bounce/text.ts";
import { holdout } from "../holdout.ts";
import type { Facts } from "../reasons/check.ts";
import { apple } from "./apple.ts";
import { cloudflare } from "./cloudflare.ts";
import { cox } from "./cox.ts";
import { facebook } from "./facebook.ts";
import type { Provider } from "./format.ts";
import { franceptt } from "./franceptt.ts";
import { godaddy } from "./godaddy.ts";
import { google } from "./google.ts";
import { iua } from "./iua.ts";
import { docomo, kddi, softbank } from "./japanese-carriers.ts";
import { messagelabs } from "./messagelabs.ts";
import { microsoft } from "./microsoft.ts";
import { mimecast } from "./mimecast.ts";
import { spectrum } from "./spectrum.ts";
import { tencent } from "./tencent.ts";
import { aol, yahooInc } from "./yahoo.ts";
import { zoho } from "./zoho.ts";

/** Receiving providers with their own codes, tried before the general reason checks. */
const PROVIDERS: readonly Provider[] = [
  docomo,
  kddi,
  softbank,
  tencent,
  franceptt,
  cox,
  spectrum,
  godaddy,
  mimecast,
  microsoft,
  google,
  yahooInc,
  aol,
  messagelabs,
  zoho,
  apple,
  facebook,
  iua,
  cloudflare,
];

function belongs(host: string, suffixes: readonly string[]): boolean {
  return host !== "" && suffixes.some((s) => host === s || host.endsWith(`.${s}`));
}

/** The provider a recipient's domain, or else the server that answered, belongs to. */
export function providerOf(draft: Draft): Provider | undefined {
  const domain = domainOf(draft.recipient);
  const host = draft.remoteHost.toLowerCase();
  const reporter = draft.reportingMta.toLowerCase();
  const providers = holdout.names.size > 0 ? PROVIDERS.filter((p) => !holdout.names.has(p.name)) : PROVIDERS;
  return (
    providers.find((p) => belongs(domain, p.hosts)) ??
    providers.find((p) => belongs(host, p.hosts)) ??
    providers.find((p) => belongs(reporter, p.hosts))
  );
}

export function providerReason(draft: Draft, facts: Facts): Decision | undefined {
  return providerOf(draft)?.reasonOf(draft, facts);
}
