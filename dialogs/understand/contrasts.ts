/**
 * The contrasts that close a clause and turn what follows from it (「…けど」「…ですが」「…たが」), for every reader
 * that cuts there: a circumstance told before a question (circumstance.ts), a feeling set aside before patience or
 * calm (feelings/played-down.ts `patientTurnAt`, which feelings/passed.ts asks too). 「が」 only after です, ます,
 * だ, た: 「アドレスが、」 is a subject. Longer forms first. (feelings/aside.ts keeps its own: a bare 「が、」 and a
 * full stop close an aside, which no other reader wants.)
 */
export const CLAUSE_CONTRASTS: readonly string[] = [
  "けれども",
  "けれど",
  "けど",
  "でしたが",
  "ましたが",
  "ですが",
  "ますが",
  "だが",
  "たが",
];
