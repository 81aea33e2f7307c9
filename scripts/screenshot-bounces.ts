/**
 * npm run screenshots:bounces -- OUT [--corpus DIR [--fragments [--shift K] [--seed S]]] [--limit N] [--all-variants] [--preview]
 *
 * Renders returned mails as phone screenshots (scripts/phone-screenshot.ts) into OUT, with OUT/labels.tsv
 * naming each image and its expected reason, so that `npm run --silent eval -- OUT` scores the whole
 * screenshot route (OCR, cleaning, classifier):
 * - always: the bounce texts below, written for this project (example addresses only);
 * - with --corpus DIR (evaluation only; nothing of it is committed): the body text of every labelled mail
 *   in DIR as a phone user would see it, read at run time, at most N of them (spread over the folder).
 * Each text gets one variant in turn (light/dark × PNG/JPEG q70 × 2×/3× pixels), or all eight with
 * --all-variants; --preview adds LINE's preview size (a quarter of the pixels) for each.
 * --fragments: only the corpus mails, each as the part around its error a user screenshots, in two
 * halves by family (OUT/dev, OUT/held-out; see renderFragments); --seed S cuts and dresses each mail
 * otherwise (a new set of the same mails); --shift K gives each mail the variant K
 * places further (a second set of the same fragments in other variants, to compare variants pairwise).
 * A text whose first code or phrase is far down is shown scrolled to it, the app's header off screen,
 * as a user scrolls before taking the screenshot.
 * Japanese must be drawn with fonts-noto-cjk: without it the script stops before drawing anything (it
 * would be boxes), and each set it draws names the fonts in its fonts.txt, which eval:screenshots requires.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import type { Browser } from "playwright-core";
import { isSignalLine } from "../knowledge/bounce/signals.ts";
import { pasteOf } from "../knowledge/cli/paste.ts";
import { fragmentOf, lookOf, splitFamilies } from "./bounce-fragments.ts";
import { launchChromium } from "./chromium.ts";
import { familyOf } from "./family-readers.ts";
import {
  fontsLine,
  type ImageFormat,
  japaneseFonts,
  MissingJapaneseFont,
  type PhoneShot,
  renderPhoneShot,
  requireJapaneseFonts,
  type Theme,
} from "./phone-screenshot.ts";

interface Text {
  name: string;
  body: string;
  subject?: string;
  /** labels.tsv rows for it: reason, status[, reply code, action] (one per recipient). */
  labels: string[][];
}

/** Bounces as ISP users get them, in this project's own words and addresses. */
export const OWN_BOUNCES: Text[] = [
  {
    name: "postfix-user-unknown",
    subject: "Undelivered Mail Returned to Sender",
    body: `This is the mail system at host mail.example.ne.jp.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<hanako.sato@example.jp>: host mx1.example.jp[192.0.2.25] said: 550 5.1.1
    <hanako.sato@example.jp>: Recipient address rejected: User unknown in
    virtual mailbox table (in reply to RCPT TO command)`,
    labels: [["userunknown", "5.1.1"]],
  },
  {
    name: "sendmail-host-unknown",
    subject: "Returned mail: see transcript for details",
    body: `The original message was received at Mon, 3 Nov 2025 10:15:02 +0900
from [192.0.2.40]

   ----- The following addresses had permanent fatal errors -----
<kenta@no-such-domain.example>
    (reason: 550 Host unknown)

   ----- Transcript of session follows -----
550 5.1.2 <kenta@no-such-domain.example>... Host unknown (Name server: no-such-domain.example.: host not found)`,
    labels: [["hostunknown", ""]],
  },
  {
    name: "exim-mailbox-full",
    subject: "Mail delivery failed: returning message to sender",
    body: `This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  yuki-tanaka-1985@example.org
    SMTP error from remote mail server after RCPT TO:<yuki-tanaka-1985@example.org>:
    552 5.2.2 The email account that you tried to reach is over quota`,
    labels: [["mailboxfull", "5.2.2"]],
  },
  {
    name: "gmail-ja-address-not-found",
    subject: "Delivery Status Notification (Failure)",
    body: `アドレス不明

taro.yamada.example@gmail.com にメールを配信できませんでした。このアドレスが見つからないか、メールを受信できないアドレスです。

応答:

550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.`,
    labels: [["userunknown", "5.1.1"]],
  },
  {
    name: "postfix-relay-denied",
    subject: "Undelivered Mail Returned to Sender",
    body: `This is the mail system at host smtp.example.ne.jp.

<friend.abc@example.com>: host mail.example.com[198.51.100.3] said: 554 5.7.1
    <friend.abc@example.com>: Relay access denied (in reply to RCPT TO command)`,
    labels: [["norelaying", "5.7.1"]],
  },
  {
    name: "office365-blocked",
    subject: "配信不能: 見積もりの件",
    body: `配信不能: 見積もりの件

メッセージを配信できませんでした

受信者の電子メール システムで問題が発生したため、メッセージを配信できませんでした。

suzuki@corp.example.com
Remote Server returned '550 5.7.1 Service unavailable, Client host [192.0.2.77] blocked using Spamhaus'`,
    labels: [["blocked", "5.7.1"]],
  },
  {
    name: "qmail-too-big",
    subject: "failure notice",
    body: `Hi. This is the qmail-send program at mail.example.com.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<photo.share-2025@example.net>:
192.0.2.9 does not like recipient.
Remote host said: 552 5.3.4 Message size exceeds fixed maximum message size
Giving up on 192.0.2.9.`,
    labels: [["mesgtoobig", "5.3.4"]],
  },
  {
    name: "expired-delay",
    subject: "Warning: could not send message for past 4 hours",
    body: `**********************************************
**      THIS IS A WARNING MESSAGE ONLY      **
**  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **
**********************************************

The original message was received at Mon, 3 Nov 2025 06:02:11 +0900

   ----- Transcript of session follows -----
<ichiro@slow.example.jp>... Deferred: Connection timed out with mx.slow.example.jp.
Warning: message still undelivered after 4 hours
Will keep trying until message is 5 days old`,
    labels: [["expired", "", "", "delayed"]], // a warning only: still being retried
  },
];

const THEMES: Theme[] = ["light", "dark"];
const FORMATS: ImageFormat[] = ["png", "jpeg"];
const SCALES = [3, 2];

export interface Variant {
  theme: Theme;
  format: ImageFormat;
  scale: number;
}

export const VARIANTS: Variant[] = THEMES.flatMap((theme) =>
  FORMATS.flatMap((format) => SCALES.map((scale) => ({ theme, format, scale }))),
);

/** What a user has on screen: the top of the mail, or scrolled to its first code or phrase. */
export function onScreen(body: string): { body: string; scrolled: boolean } {
  const lines = body.split("\n");
  const first = lines.findIndex((l) => isSignalLine(l));
  if (first <= 12) return { body, scrolled: false };
  return { body: lines.slice(Math.max(0, first - 4)).join("\n"), scrolled: true };
}

function readLabels(dir: string): Map<string, string[][]> {
  const rows = new Map<string, string[][]>();
  for (const line of readFileSync(join(dir, "labels.tsv"), "utf8").split("\n").slice(1)) {
    const [file, , reason, status, reply, action] = line.split("\t");
    if (!file || !reason) continue;
    rows.set(file, [...(rows.get(file) ?? []), [reason, status ?? "", reply ?? "", action ?? ""]]);
  }
  return rows;
}

async function corpusTexts(dir: string, limit: number): Promise<Text[]> {
  const labels = readLabels(dir);
  const present = new Set(readdirSync(dir));
  const files = [...labels.keys()].filter((f) => present.has(f)).sort();
  const step = Math.max(1, files.length / limit);
  const picked: string[] = [];
  for (let i = 0; i < files.length && picked.length < limit; i += step) picked.push(files[Math.floor(i)]!);
  const texts: Text[] = [];
  for (const file of picked) {
    const raw = readFileSync(join(dir, file));
    const body = await pasteOf(new Uint8Array(raw));
    const subject = (await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true })).subject ?? "";
    texts.push({ name: file.replace(/\.eml$/, ""), body, subject, labels: labels.get(file)! });
  }
  return texts;
}

const LABELS_HEADER = "file\tidx\treason\tdeliverystatus\treplycode\taction";

/** The labels of a text's image: every recipient's row, or only the first for a fragment (it shows one). */
function labelRows(text: Text, file: string, firstOnly: boolean): string[] {
  const rows = firstOnly ? text.labels.slice(0, 1) : text.labels;
  return rows.map((row, k) => `${file}\t${k + 1}\t${row.join("\t")}`);
}

/**
 * --fragments: each corpus mail as the part around its error a user screenshots (bounce-fragments.ts),
 * the app's header on top, one variant each in turn; the families split in two halves
 * (family-readers.ts), OUT/dev to look at and tune on, OUT/held-out to score only. Each half also gets
 * the same fragments as text (OUT/<half>/text/*.txt): the pasted figure to compare with.
 */
async function renderFragments(
  out: string,
  texts: Text[],
  browser: Browser,
  shift: number,
  seed: string,
): Promise<number> {
  const halves = splitFamilies(texts.map((t) => familyOf(`${t.name}.eml`)));
  const tsv = new Map<string, string[]>();
  const textTsv = new Map<string, string[]>();
  const counter = new Map<string, number>();
  for (const text of texts) {
    const half = halves.get(familyOf(`${text.name}.eml`)) ?? "dev";
    const n = counter.get(half) ?? 0;
    counter.set(half, n + 1);
    const v = VARIANTS[(n + shift) % VARIANTS.length]!;
    // --seed S: other cuts and looks of the same mails (a set nobody tuned on); none: the sets of earlier rounds.
    const key = seed ? `${seed}:${text.name}` : text.name;
    const fragment = fragmentOf(text.body, key);
    const dir = join(out, half);
    mkdirSync(join(dir, "text"), { recursive: true });
    const file = `${text.name}.${v.theme}.${v.scale}x.${v.format === "png" ? "png" : "jpg"}`;
    const shot: PhoneShot = { body: fragment.text, subject: text.subject, ...v, look: lookOf(key) };
    writeFileSync(join(dir, file), await renderPhoneShot(browser, shot));
    writeFileSync(join(dir, "text", `${text.name}.txt`), `${fragment.text}\n`);
    tsv.set(half, [...(tsv.get(half) ?? []), ...labelRows(text, file, true)]);
    textTsv.set(half, [...(textTsv.get(half) ?? []), ...labelRows(text, `${text.name}.txt`, true)]);
  }
  const header = LABELS_HEADER;
  const fonts = `${fontsLine(await japaneseFonts(browser))}\n`;
  for (const [half, rows] of tsv) {
    writeFileSync(join(out, half, "labels.tsv"), `${[header, ...rows].join("\n")}\n`);
    writeFileSync(join(out, half, "fonts.txt"), fonts);
  }
  for (const [half, rows] of textTsv)
    writeFileSync(join(out, half, "text", "labels.tsv"), `${[header, ...rows].join("\n")}\n`);
  return texts.length;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const out = args.find(
    (a, i) =>
      !a.startsWith("--") && !["--corpus", "--limit", "--shift", "--seed"].includes(args[i - 1] ?? ""),
  );
  if (!out) {
    process.stderr.write(
      "usage: npm run screenshots:bounces -- OUT [--corpus DIR [--fragments [--shift K] [--seed S]]] [--limit N] [--all-variants] [--preview]\n",
    );
    process.exit(2);
  }
  const browser = await launchChromium();
  try {
    await requireJapaneseFonts(browser);
  } catch (error) {
    await browser.close();
    if (!(error instanceof MissingJapaneseFont)) throw error;
    process.stderr.write(`screenshots:bounces: nothing drawn. ${error.message}\n`);
    process.exit(1);
  }
  const corpus = value("--corpus");
  const fromCorpus = corpus ? await corpusTexts(corpus, Number(value("--limit") ?? 1e9)) : [];
  mkdirSync(out, { recursive: true });
  if (args.includes("--fragments")) {
    try {
      const n = await renderFragments(
        out,
        fromCorpus,
        browser,
        Number(value("--shift") ?? 0),
        value("--seed") ?? "",
      );
      process.stdout.write(`${n} fragment screenshots in ${out}/dev and ${out}/held-out\n`);
    } finally {
      await browser.close();
    }
    return;
  }
  const texts = [...OWN_BOUNCES, ...fromCorpus];
  const tsv = [LABELS_HEADER];
  let n = 0;
  try {
    for (const [i, text] of texts.entries()) {
      const variants = args.includes("--all-variants") ? VARIANTS : [VARIANTS[i % VARIANTS.length]!];
      const scales = (v: Variant) => (args.includes("--preview") ? [v.scale, 0.75] : [v.scale]);
      for (const v of variants) {
        for (const scale of scales(v)) {
          const size = scale === 0.75 ? "preview" : `${scale}x`;
          const file = `${text.name}.${v.theme}.${size}.${v.format === "png" ? "png" : "jpg"}`;
          const shot: PhoneShot = {
            ...onScreen(text.body),
            subject: text.subject,
            theme: v.theme,
            format: v.format,
            scale,
          };
          writeFileSync(join(out, file), await renderPhoneShot(browser, shot));
          tsv.push(...labelRows(text, file, false));
          n++;
        }
      }
    }
  } finally {
    await browser.close();
  }
  writeFileSync(join(out, "labels.tsv"), `${tsv.join("\n")}\n`);
  writeFileSync(join(out, "fonts.txt"), `${fontsLine(await japaneseFonts(browser))}\n`);
  process.stdout.write(`${n} screenshots of ${texts.length} texts in ${out}\n`);
}

if (process.argv[1] === import.meta.filename) await main();
