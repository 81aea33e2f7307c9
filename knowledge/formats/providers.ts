import type { Draft } from "../bounce/draft.ts";
import { domainOf } from "../bounce/text.ts";
import { heldOutTable } from "../holdout.ts";
import type { Facts } from "../reasons/check.ts";
import type { Decision } from "../types.ts";
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

/** Host-name suffix → index in PROVIDERS of the first provider that lists it (held-out ones left out). */
let BY_SUFFIX = new Map<string, number>();
/** Each provider's marks (held-out ones left out), in PROVIDERS order. */
let MARKS: { mark: string; provider: Provider }[] = [];
heldOutTable(({ names }) => {
  BY_SUFFIX = new Map();
  MARKS = [];
  PROVIDERS.forEach((p, i) => {
    if (names.has(p.name)) return;
    for (const h of p.hosts) if (!BY_SUFFIX.has(h)) BY_SUFFIX.set(h, i);
    for (const mark of p.marks ?? []) MARKS.push({ mark, provider: p });
  });
});

/**
 * The first provider (in PROVIDERS order) one of whose host suffixes the name ends with:
 * "aspmx.l.google.com" is looked up as itself, "l.google.com", "google.com" and "com".
 */
function providerFor(name: string): Provider | undefined {
  let best = -1;
  for (let at = 0; name && at !== -1; at = name.indexOf(".", at + 1)) {
    const i = BY_SUFFIX.get(at === 0 ? name : name.slice(at + 1));
    if (i !== undefined && (best === -1 || i < best)) best = i;
  }
  return best === -1 ? undefined : PROVIDERS[best];
}

/** The provider a recipient's domain, or else the server that answered, belongs to. */
export function providerOf(draft: Draft): Provider | undefined {
  return (
    providerFor(domainOf(draft.recipient)) ??
    providerFor(draft.remoteHost.toLowerCase()) ??
    providerFor(draft.reportingMta.toLowerCase())
  );
}

/** The provider whose own mark the server's words (lower-cased) carry: its help page, its code. */
function providerNamedIn(text: string): Provider | undefined {
  for (let i = 0; i < MARKS.length; i++) if (text.includes(MARKS[i]!.mark)) return MARKS[i]!.provider;
  return undefined;
}

export function providerReason(draft: Draft, facts: Facts): Decision | undefined {
  return (providerOf(draft) ?? providerNamedIn(facts.text))?.reasonOf(draft, facts);
}

/**
 * The words of the providers' host names, their top-level domain left out ("docomo", "mimecast",
 * "secureserver"): OCR's misreadings of them ("docorno") are mended (knowledge/ocr/words.ts).
 */
export const PROVIDER_HOST_WORDS: readonly string[] = [
  ...new Set(
    PROVIDERS.flatMap((p) =>
      p.hosts.flatMap((h) =>
        h
          .split(".")
          .slice(0, -1)
          .flatMap((l) => l.split("-")),
      ),
    ),
  ),
].filter((w) => w.length >= 3);
