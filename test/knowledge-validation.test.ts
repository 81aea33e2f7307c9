import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { DataFileError } from "../knowledge/data-file.ts";
import { loadKnowledge } from "../knowledge/knowledge.ts";
import { sentenceCount } from "../knowledge/knowledge-schema.ts";
import { TOPIC_IDS } from "../knowledge/types.ts";
import { graphemeLength } from "../platform/line-limits.ts";

/**
 * Each row breaks one thing in a copy of the shipped data and expects the error a support person would
 * see: the file, the field (as a path like "followUps.0.label.ja") and what is wrong.
 */

const SHIPPED = fileURLToPath(new URL("../knowledge/data/", import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: test mutations reach into arbitrary YAML
type Yaml = any;

function copyOfShippedData(): string {
  const dir = mkdtempSync(join(tmpdir(), "knowledge-"));
  cpSync(SHIPPED, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (data: Yaml) => void): void {
  const path = join(dir, file);
  const data = parse(readFileSync(path, "utf8"));
  change(data);
  writeFileSync(path, stringify(data));
}

function loadError(dir: string): DataFileError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error("loadKnowledge accepted broken data");
}

interface Row {
  broken: string;
  file: string;
  change: (data: Yaml) => void;
  field: string | RegExp;
  says: string;
}

const topicRows: Row[] = [
  {
    broken: "an empty English title",
    file: "topics/user-unknown.yaml",
    change: (t) => {
      t.title.en = "  ";
    },
    field: "title.en",
    says: "must not be empty",
  },
  {
    broken: "a missing Japanese summary",
    file: "topics/user-unknown.yaml",
    change: (t) => {
      delete t.summary.ja;
    },
    field: "summary.ja",
    says: "is missing",
  },
  {
    broken: "a 21-character quick-reply label",
    file: "topics/user-unknown.yaml",
    change: (t) => {
      t.followUps[0].label.ja = "あ".repeat(21);
    },
    field: "followUps.0.label.ja",
    says: "is 21 characters long; quick-reply labels allow at most 20",
  },
  {
    broken: "a menu label over 20 characters",
    file: "topics/delayed.yaml",
    change: (t) => {
      t.menuLabel.en = "The server is still trying";
    },
    field: "menuLabel.en",
    says: "quick-reply labels allow at most 20",
  },
  {
    broken: "a 41-character title",
    file: "topics/delayed.yaml",
    change: (t) => {
      t.title.en = "x".repeat(41);
    },
    field: "title.en",
    says: "titles allow at most 40",
  },
  {
    broken: "six steps",
    file: "topics/backscatter.yaml",
    change: (t) => {
      t.steps.ja.push("もうひとつ");
    },
    field: "steps.ja",
    says: "at most 5 steps",
  },
  {
    broken: "a single step",
    file: "topics/delayed.yaml",
    change: (t) => {
      t.steps.ja = ["待ってください。"];
      t.steps.en = ["Wait."];
    },
    field: "steps.ja",
    says: "at least 2 steps",
  },
  {
    broken: "fewer English steps than Japanese ones",
    file: "topics/delayed.yaml",
    change: (t) => {
      t.steps.en.pop();
    },
    field: "steps.en",
    says: "both languages need the same number",
  },
  {
    broken: "a four-sentence summary",
    file: "topics/mailbox-full.yaml",
    change: (t) => {
      t.summary.ja = "いっぱいです。空きがありません。届きません。ご注意ください。";
    },
    field: "summary.ja",
    says: "has 4 sentences",
  },
  {
    broken: "two emoji in one text",
    file: "topics/mailbox-full.yaml",
    change: (t) => {
      t.followUps[0].answer.en = "No worries 🙂 it's theirs 📫";
    },
    field: "followUps.0.answer.en",
    says: "more than 1 emoji",
  },
  {
    broken: "a link id that links.yaml does not define",
    file: "topics/backscatter.yaml",
    change: (t) => {
      t.links[1] = "virus-page";
    },
    field: "links.1",
    says: '"virus-page" is not a link id in links.yaml',
  },
  {
    broken: "an unknown link id in a follow-up",
    file: "topics/backscatter.yaml",
    change: (t) => {
      t.followUps[1].links = ["anti-virus"];
    },
    field: "followUps.1.links.0",
    says: '"anti-virus" is not a link id',
  },
  {
    broken: "two follow-ups with the same id",
    file: "topics/user-unknown.yaml",
    change: (t) => {
      t.followUps[1].id = t.followUps[0].id;
    },
    field: "followUps.1.id",
    says: "is used twice",
  },
  {
    broken: "a follow-up id with capitals",
    file: "topics/user-unknown.yaml",
    change: (t) => {
      t.followUps[0].id = "UsedToWork";
    },
    field: "followUps.0.id",
    says: "a-z, 0-9",
  },
  {
    broken: "five follow-ups",
    file: "topics/backscatter.yaml",
    change: (t) => {
      t.followUps.push({ ...t.followUps[0], id: "extra" });
    },
    field: "followUps",
    says: "at most 4 follow-ups",
  },
  {
    broken: "an unknown resend verdict",
    file: "topics/delayed.yaml",
    change: (t) => {
      t.resend = "never";
    },
    field: "resend",
    says: "after-fix, later, new-address, no-need, not-yours",
  },
  {
    broken: "carriers written as text instead of true/false",
    file: "topics/user-unknown.yaml",
    change: (t) => {
      t.followUps[1].carriers = "yes";
    },
    field: "followUps.1.carriers",
    says: "true or false",
  },
  {
    broken: "a misspelt field name",
    file: "topics/delayed.yaml",
    change: (t) => {
      t.followUps[0].lable = t.followUps[0].label;
    },
    field: "followUps.0.lable",
    says: "is not a known field (check the spelling)",
  },
  {
    broken: "a required field under a misspelt name",
    file: "topics/delayed.yaml",
    change: (t) => {
      t.stpes = t.steps;
      delete t.steps;
    },
    field: "steps",
    says: "is missing",
  },
  {
    broken: "a third language",
    file: "topics/delayed.yaml",
    change: (t) => {
      t.title.fr = "Encore en cours";
    },
    field: "title.fr",
    says: "is not a known field",
  },
  {
    broken: "texts that contradict each other (nothing to fix, yet fix it before resending)",
    file: "topics/user-unknown.yaml",
    change: (t) => {
      t.summary.ja += "あなたの側で直すところはありません。";
      t.summary.en += " There's nothing to fix on your side.";
    },
    field: "steps.3",
    says: "contradicts another text of this topic: summary.ja says 「あなたの側で直すところはありません」 (the user has nothing to fix), but steps.3.ja says 「直してから送り直」",
  },
  {
    broken: "a text that says the opposite of who must act",
    file: "topics/mailbox-full.yaml",
    change: (t) => {
      t.fixedBy = "you";
    },
    field: "summary.ja",
    says: "the user has nothing to fix. That does not fit this topic's fixedBy: you",
  },
  {
    broken: "a resend verdict the texts deny",
    file: "topics/delayed.yaml",
    change: (t) => {
      t.resend = "later";
    },
    field: "summary.ja",
    says: "「送り直す必要はありません」, that is: sending again is not needed. That does not fit this topic's resend: later",
  },
  {
    broken: "no one named who must act",
    file: "topics/expired.yaml",
    change: (t) => {
      delete t.fixedBy;
    },
    field: "fixedBy",
    says: "is missing",
  },
  {
    broken: "an unknown fixedBy",
    file: "topics/expired.yaml",
    change: (t) => {
      t.fixedBy = "them";
    },
    field: "fixedBy",
    says: "must be one of you, recipient, isp, time, nobody, unknown",
  },
  {
    broken: "an id that disagrees with the file name",
    file: "topics/expired.yaml",
    change: (t) => {
      t.id = "delayed";
    },
    field: "id",
    says: 'is "delayed" but the file name says "expired"',
  },
];

const otherRows: Row[] = [
  {
    broken: "an http link",
    file: "links.yaml",
    change: (l) => {
      l["virus-info"].url = "http://www.so-net.ne.jp/";
    },
    field: "virus-info.url",
    says: "must be a full https:// address",
  },
  {
    broken: "a link without a url",
    file: "links.yaml",
    change: (l) => {
      delete l["returned-mail-page"].url;
    },
    field: "returned-mail-page.url",
    says: "is missing",
  },
  {
    broken: "a required link removed",
    file: "links.yaml",
    change: (l) => {
      delete l["qa-community"];
    },
    field: "qa-community",
    says: "is missing: the assistant needs this link",
  },
  {
    broken: "a link id with capitals",
    file: "links.yaml",
    change: (l) => {
      l.Virus_Info = l["virus-info"];
    },
    field: "Virus_Info",
    says: "is not a valid id",
  },
  {
    broken: "a carrier domain written as an address",
    file: "carriers.yaml",
    change: (c) => {
      c.docomo.domains[0] = "@docomo.ne.jp";
    },
    field: "docomo.domains.0",
    says: "lower-case domain",
  },
  {
    broken: "one domain under two carriers",
    file: "carriers.yaml",
    change: (c) => {
      c.uq.domains.push("ezweb.ne.jp");
    },
    field: "uq.domains.1",
    says: '"ezweb.ne.jp" is already listed under au',
  },
  {
    broken: "a carrier name too long for the carrier picker",
    file: "carriers.yaml",
    change: (c) => {
      c.rakuten.name.en = "Rakuten Mobile (Rakumail)";
    },
    field: "rakuten.name.en",
    says: "at most 20",
  },
  {
    broken: "a claim that fits no topic declaration",
    file: "claims.yaml",
    change: (c) => {
      c["nothing-to-fix"].fits = {};
    },
    field: "nothing-to-fix.fits",
    says: "needs fixedBy or resend",
  },
  {
    broken: "a claim that fits a made-up fixedBy",
    file: "claims.yaml",
    change: (c) => {
      c["fix-first"].fits.fixedBy = ["user"];
    },
    field: "fix-first.fits.fixedBy.0",
    says: "must be one of you, recipient",
  },
  {
    broken: "a claim with no English phrase",
    file: "claims.yaml",
    change: (c) => {
      c["just-wait"].en = [];
    },
    field: "just-wait.en",
    says: "needs at least one phrase",
  },
  {
    broken: "a code meaning that is a sentence, not a few words",
    file: "codes.yaml",
    change: (c) => {
      c.status["5.2.3"].ja =
        "送ったメールが、相手のサーバーが受け取れる大きさの上限を超えていたので、受け取ってもらえませんでした";
    },
    field: "status.5.2.3.ja",
    says: "code meanings allow at most 40",
  },
  {
    broken: "a status code written wrongly",
    file: "codes.yaml",
    change: (c) => {
      c.status["5.2.x"] = { ja: "なにか", en: "something" };
    },
    field: "status.5.2.x",
    says: "is not a code like 5.1.1",
  },
  {
    broken: "a code format without its {meaning}",
    file: "codes.yaml",
    change: (c) => {
      c.shown.en = "{code}";
    },
    field: "shown",
    says: "must contain {code} and {meaning}",
  },
  {
    broken: "symptoms for a topic that does not exist",
    file: "symptoms.yaml",
    change: (s) => {
      s["bounce-storm"] = ["大量に届く何か"];
    },
    field: "bounce-storm",
    says: "is not a topic id",
  },
  {
    broken: "an empty phrase",
    file: "symptoms.yaml",
    change: (s) => {
      s.backscatter[2] = "";
    },
    field: "backscatter.2",
    says: "must not be empty",
  },
  {
    broken: "a phrase that is only punctuation",
    file: "symptoms.yaml",
    change: (s) => {
      s["user-unknown"].push("@");
    },
    field: /^user-unknown\.\d+$/,
    says: "too short to match safely",
  },
  {
    broken: "a server's words as a symptom of another topic",
    file: "symptoms.yaml",
    change: (s) => {
      s.delayed.push("User unknown");
    },
    field: /^delayed\.\d+$/,
    says: 'also matches the bounce line "User unknown" of topic user-unknown',
  },
  {
    broken: "the same phrase under two topics, written differently",
    file: "symptoms.yaml",
    change: (s) => {
      s["host-unknown"].push("ア テ 先 不 明");
    },
    // host-unknown comes first in the file, so the later user-unknown phrase is the one reported
    field: "user-unknown.1",
    says: '"あて先不明" matches the same words as "ア テ 先 不 明" (host-unknown)',
  },
];

describe("loadKnowledge refuses broken data and names the file and the field", () => {
  it.each([...topicRows, ...otherRows])("$broken → $file: $field", ({ file, change, field, says }) => {
    const dir = copyOfShippedData();
    try {
      edit(dir, file, change);
      const error = loadError(dir);
      expect(error.file).toBe(join(dir, file));
      if (field instanceof RegExp) expect(error.field).toMatch(field);
      else expect(error.field).toBe(field);
      expect(error.message).toContain(error.file);
      expect(error.message).toContain(says);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the missing file when a topic has none", () => {
    const dir = copyOfShippedData();
    rmSync(join(dir, "topics/expired.yaml"));
    const error = loadError(dir);
    expect(error.file).toBe(join(dir, "topics/expired.yaml"));
    expect(error.message).toContain("is missing: every topic id needs its own file");
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a topic file whose name is not a topic id", () => {
    const dir = copyOfShippedData();
    cpSync(join(dir, "topics/expired.yaml"), join(dir, "topics/gave-up.yaml"));
    const error = loadError(dir);
    expect(error.file).toBe(join(dir, "topics/gave-up.yaml"));
    expect(error.message).toContain("only <topic-id>.yaml files belong here");
    rmSync(dir, { recursive: true, force: true });
  });

  it("reports a file that is not valid YAML", () => {
    const dir = copyOfShippedData();
    writeFileSync(join(dir, "carriers.yaml"), "docomo: [unclosed\n");
    const error = loadError(dir);
    expect(error.file).toBe(join(dir, "carriers.yaml"));
    expect(error.message).toContain("cannot be read as YAML");
    rmSync(dir, { recursive: true, force: true });
  });

  it("counts labels in graphemes, as LINE does: 20 voiced kana typed as two code points each still fit", () => {
    const dir = copyOfShippedData();
    const decomposed = "か\u3099".repeat(20); // 「が」 as か + combining mark: 40 code units, 20 graphemes
    edit(dir, "topics/delayed.yaml", (t) => {
      t.followUps[0].label.ja = decomposed;
    });
    expect(loadKnowledge(dir).topics.get("delayed")!.followUps[0]!.label.ja).toBe(decomposed);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("how texts are measured", () => {
  it.each([
    ["宛先不明です。", 1],
    ["届きません。送り直してください。", 2],
    ["Gmail and Yahoo! reject it. Check the sender.", 2],
    ["No full stop at the end", 1],
    ["本当？ 大丈夫です！", 2],
  ])("「%s」 has %i sentence(s)", (text, n) => {
    expect(sentenceCount(text)).toBe(n);
  });

  it.each([
    ["アドレス", 4],
    ["か\u3099", 1],
    ["👍🏻", 1],
    ["🇯🇵", 1],
  ])("「%s」 is %i character(s) long for LINE", (text, n) => {
    expect(graphemeLength(text)).toBe(n);
  });
});

describe("npm run check:knowledge", () => {
  const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
  const script = fileURLToPath(new URL("../scripts/check-knowledge.ts", import.meta.url));

  it("says OK for the shipped data, whatever the working directory", () => {
    const out = execFileSync(tsx, [script], { cwd: tmpdir(), encoding: "utf8" });
    expect(out).toMatch(
      new RegExp(
        `^OK: ${TOPIC_IDS.length} topics, \\d+ links, 6 carriers, \\d+ symptom phrases, \\d+ mention phrases`,
      ),
    );
  });

  /** Runs the check on a copy of the shipped data with one file edited; what it printed when it failed. */
  function checkBroken(file: string, change: (data: Yaml) => void): { status: number; stderr: string } {
    const dir = copyOfShippedData();
    edit(dir, file, change);
    try {
      execFileSync(tsx, [script, dir], { cwd: dir, encoding: "utf8", stdio: "pipe" });
      return { status: 0, stderr: "" };
    } catch (error) {
      return error as { status: number; stderr: string };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it.each([
    [
      "topics/user-unknown.yaml",
      (t: Yaml) => {
        t.followUps[0].label.en = "It used to work with this address";
      },
      'field "followUps.0.label.en": is 33 characters long',
    ],
    // The returned-mail page's Yahoo "mailbox is disabled" answer once said both of these
    [
      "topics/account-suspended.yaml",
      (t: Yaml) => {
        t.resend = "after-fix";
      },
      'field "resend": contradicts another text of this topic: summary.ja says 「あなたの側で直すところはありません」 (the user has nothing to fix), but the resend line (ui.yaml diagnosis.resend.after-fix) says 「原因を直してから」',
    ],
    // ui.yaml too: the mentions and keywords support staff edit
    [
      "ui.yaml",
      (t: Yaml) => {
        t.mentions["not-sent"] = [];
      },
      'field "mentions.not-sent"',
    ],
    // the key answer an upset user's situation gets must be a question that exists
    [
      "ui.yaml",
      (t: Yaml) => {
        t.feelings.keyAnswer["message-too-big"] = "send-it-by-pigeon";
      },
      'field "feelings.keyAnswer.message-too-big": names no question of questions/: "send-it-by-pigeon"',
    ],
    // an upset user's acknowledgement: lines that take turns (at least two), each one short line
    [
      "ui.yaml",
      (t: Yaml) => {
        t.feelings.urgent = [t.feelings.urgent[0]];
      },
      'field "feelings.urgent": needs at least two lines',
    ],
    [
      "ui.yaml",
      (t: Yaml) => {
        t.feelings.worried[1].ja = "ご心配ですよね。\nまずは落ち着いて、次のことを順に確かめていきましょう。";
      },
      'field "feelings.worried.1.ja": must be one line of at most 45 characters',
    ],
    // typed words are found exactly as written in the folded message: one in capitals would never match
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.people.push("Human");
      },
      'field "typedWords.people.14": must be written as typed text is compared',
    ],
    [
      "ui.yaml",
      (t: Yaml) => {
        // The words moved out of the code (scans.ts asksIfSafeToOpen) are checked as every typed word is.
        t.typedWords.opening.push("Ｏｐｅｎ");
      },
      'field "typedWords.opening.22": must be written as typed text is compared',
    ],
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.hurriedGuesses = [];
      },
      'field "typedWords.hurriedGuesses": needs at least one word',
    ],
    // Round 43: the word lists moved out of anger.ts, worry.ts and dialect.ts: no word twice, one kanji each.
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.consequences.push("かも");
      },
      'field "typedWords.consequences.13": lists "かも" twice',
    ],
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.oneKanjiVerbs.push("来る");
      },
      'field "typedWords.oneKanjiVerbs": one kanji each',
    ],
    // Round 44: the words of wish-to-ask.ts and read-question.ts moved to data: no word twice, none empty or unfolded.
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.wishesToAsk.push("聞きたい");
      },
      'field "typedWords.wishesToAsk.24": lists "聞きたい" twice',
    ],
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.pastSubjects = [];
      },
      'field "typedWords.pastSubjects": needs at least one word',
    ],
    // Round 45 (family45c): the words of finding out (overrides.ts rule "how to check asked") are data.
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.wayWords.push("どこ");
      },
      'field "typedWords.wayWords.8": lists "どこ" twice',
    ],
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.howToFindOut.push("How To Check");
      },
      'field "typedWords.howToFindOut.54": must be written as typed text is compared',
    ],
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.findingOut = [];
      },
      'field "typedWords.findingOut": needs at least one word',
    ],
    [
      "ui.yaml",
      (t: Yaml) => {
        t.typedWords.leavesToAsk.push("Ask Me");
      },
      'field "typedWords.leavesToAsk.17": must be written as typed text is compared',
    ],
    // Round 44: denied.ts's words of a feeling said to be absent moved to data (a denial keeps its space: "not ").
    [
      "ui.yaml",
      (t: Yaml) => {
        t.feelings.words.denied.denialsEn.push("Not ");
      },
      'field "feelings.words.denied.denialsEn.5": must be written as typed text is compared',
    ],
    [
      "ui.yaml",
      (t: Yaml) => {
        t.feelings.words.denied.words.push("心配");
      },
      'field "feelings.words.denied.words.19": lists "心配" twice',
    ],
  ])("prints the file (%s) and the field and fails for broken data", (file, change, says) => {
    const failure = checkBroken(file, change);
    expect(failure.status).toBe(1);
    expect(failure.stderr).toContain(`ERROR in ${file}`);
    expect(failure.stderr).toContain(says);
  });
});
