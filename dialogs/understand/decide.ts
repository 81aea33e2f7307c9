import { THRESHOLDS } from "./thresholds.ts";
import type { Candidate, Understanding } from "./understand.ts";

/**
 * What the question index makes of its ranking: one question answered, a few offered (「もしかして…」), or
 * nothing; the rules after it are overrides.ts.
 */

/**
 * The decision without the questions a text lacks the needed words of (`lacks`). Where the best one lacked
 * them, the next is read as if it had not been there, but only as sure as the best was: confident only where
 * the best was and the next is clear on its own (at least `confident`); below that, nothing (「なぜか一部の
 * 人にだけ届かない」 is no mobile address, and no weak guess at another question either).
 */
export function withoutLacking(
  ranked: Candidate[],
  lacking: (c: Candidate) => boolean,
  decideOn: (ranked: Candidate[]) => Understanding,
): Understanding {
  const kept = ranked.filter((c) => !lacking(c));
  if (kept.length === ranked.length) return decideOn(ranked);
  if (ranked[0] === kept[0]) return decideOn(kept);
  const top = kept[0];
  if (!top || top.score < THRESHOLDS.confident) return { kind: "none", candidates: kept.slice(0, 3) };
  const decided = decideOn(kept);
  if (decided.kind !== "confident" || decideOn(ranked).kind === "confident") return decided;
  return { kind: "unsure", candidates: decided.candidates };
}

/**
 * `fitting`: with a diagnosis on screen, the questions that fit it (「もしかして…」 prefers them); `own`: those
 * with an answer of their own for it.
 */
export function decide(
  ranked: Candidate[],
  fitting?: ReadonlySet<string>,
  own?: ReadonlySet<string>,
): Understanding {
  const [top, next] = ranked;
  if (
    top &&
    top.score < THRESHOLDS.candidate &&
    top.score >= THRESHOLDS.fittingFloor &&
    own?.has(top.id) === true &&
    (!next || next.score < top.score * THRESHOLDS.ratio)
  )
    return { kind: "confident", id: top.id, candidates: [top] };
  if (!top || top.score < THRESHOLDS.candidate) return { kind: "none", candidates: ranked.slice(0, 3) };
  let close = ranked.filter(
    (c) => c.score >= THRESHOLDS.candidate && c.score >= top.score * THRESHOLDS.spread,
  );
  if (fitting && close.some((c) => fitting.has(c.id))) close = close.filter((c) => fitting.has(c.id));
  const candidates = close.slice(0, THRESHOLDS.maxCandidates);
  const ratio = top.score >= THRESHOLDS.sure ? THRESHOLDS.sureRatio : THRESHOLDS.ratio;
  // With a diagnosis on screen, the best question that fits it is answered even when another comes close:
  // both are about the advice the user is reading, and a list to pick from answers neither (tuning set
  // 92.5 → 93.5 %, its newest block 91.9 → 93.3 %). Without one, a near tie is still asked about.
  const ahead = !next || next.score < top.score * ratio || fitting?.has(top.id) === true;
  if (top.score >= THRESHOLDS.confident && ahead) return { kind: "confident", id: top.id, candidates };
  // A lone candidate is not a choice to offer: it is the answer, if only just.
  if (candidates.length === 1) return { kind: "confident", id: candidates[0]!.id, candidates };
  return { kind: "unsure", candidates };
}
