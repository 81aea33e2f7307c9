import type { Decision, Reason } from "../types.ts";
import type { Provider } from "./format.ts";

/**
 * Spectrum / Charter (charter.net, spectrum.net): "AUP#I<nnnn>" or "AUP#O<nnnn>" codes
 * (spectrumbusiness.net "understanding email error codes").
 *   550 5.1.0 <x@example.com> sender rejected. Please see https://www.spectrum.net/... AUP#O-1010
 */
const RANGES: readonly [number, number, Reason][] = [
  [1000, 1000, "blocked"],
  [1010, 1010, "rejected"],
  [1020, 1080, "rejected"],
  [1090, 1090, "systemerror"],
  [1100, 1150, "requireptr"],
  [1160, 1190, "policyviolation"],
  [1200, 1250, "blocked"],
  [1260, 1260, "networkerror"],
  [1300, 1340, "toomanyconn"],
  [1350, 1490, "speeding"],
  [1500, 1520, "rejected"],
  [1530, 1530, "mesgtoobig"],
  [1540, 1550, "speeding"],
  [1560, 1560, "policyviolation"],
  [1580, 1580, "speeding"],
];

export const spectrum: Provider = {
  name: "Spectrum",
  hosts: ["charter.net", "spectrum.net", "rr.com"],
  marks: ["spectrum.net/"],
  reasonOf(_draft, f): Decision | undefined {
    const code = /aup#\D{0,3}(\d{4})/.exec(f.text)?.[1];
    if (!code) return undefined;
    const n = Number(code);
    const hit = RANGES.find(([lo, hi]) => n >= lo && n <= hi);
    return hit ? { reason: hit[2], basis: "provider", evidence: `Spectrum: AUP#${code}` } : undefined;
  },
};
