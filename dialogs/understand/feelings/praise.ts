/**
 * Praise of what was told or of the chat (「すっごくわかりやすかった！」「親切すぎる」「返事が早い！」), not denied
 * (「わかりやすくない！！」「便利でもない」): read by passed.ts (alarm said as praise, 「やばい、めっちゃ分かりやすい！」)
 * and exclaimed.ts (exclamation marks beside praise), one list and one scan for both (round 32). Every
 * occurrence is looked at: 「分かりやすくないけど、便利！」 praises. A plain scan per word of praise (linear).
 */
export function praisesWhatWasTold(folded: string): boolean {
  return PRAISE.some((p) => {
    for (let at = folded.indexOf(p); at >= 0; at = folded.indexOf(p, at + 1))
      if (!PRAISE_DENIED.some((d) => folded.startsWith(d, at + p.length))) return true;
    return false;
  });
}
// Round 34: the reply's speed in either kanji (「返事が速すぎる！」).
const PRAISE = [
  "分かりやす",
  "わかりやす",
  "丁寧",
  "親切",
  "便利",
  "天才",
  "優秀",
  "返事が早",
  "返信が早",
  "返事が速",
  "返信が速",
  // Round 36: said without 「が」 and in the clipped 「はやっ」 (「返信はやっ！」「返事早すぎ」).
  "返事早",
  "返信早",
  "返事速",
  "返信速",
  "返事はや",
  "返信はや",
];
/** What follows a word of praise to deny it (「分かりやすくない」「親切じゃない」「便利でもない」). */
const PRAISE_DENIED = ["くな", "くありません", "くも", "ぎて分から", "じゃな", "ではな", "でもな"];
