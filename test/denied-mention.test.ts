import { describe, expect, it } from "vitest";
import { knowledgeServices } from "../bot/wiring.ts";
import { deniesReturnedMail } from "../dialogs/interpret/denied-mention.ts";
import { loadUi } from "../dialogs/ui.ts";
import { readingTable } from "../dialogs/understand/normalize.ts";
import { phraseMatcher } from "../dialogs/understand/phrases.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";

// The shipped mention phrases (ui.yaml mentions.returned), as the interpreter reads them.
const table = readingTable(knowledgeServices(loadKnowledge()).questions.readings);
const returned = phraseMatcher([["returned", loadUi().mentions.returned]] as const, table);
const denies = (text: string) => deniesReturnedMail(text, returned.strip, table);

describe("a returned mail named only to say none came", () => {
  it.each([
    "エラーメールは来てない",
    "エラーメールは一通も来ていません",
    "エラーメールは戻ってきてないです",
    "エラーメールとか来てないし、届いてると思うんだけど",
    "相手に届いてないけどエラーメールは来てない",
    "リターンメールなし",
    "no bounce came back",
    "I haven't received any returned mail",
    "the bounce never came",
  ])("%s: denied", (text) => expect(denies(text)).toBe(true));

  it.each([
    // A negation of another clause or of a later verb.
    "送ってないのにエラーメールが来る",
    "エラーメールが返ってきて送れない",
    "I don't know why my mail bounced",
    // A wish, a doubt: no denial.
    "エラーメールが来ないようにしたい",
    "エラーメールが来てないか確認したい",
    "エラーメールがまだ止まらない",
    "エラーメールがきました",
    "not sure, the mail came back",
    // No returned mail named at all.
    "メールが届かない",
  ])("%s: not denied", (text) => expect(denies(text)).toBe(false));
});
