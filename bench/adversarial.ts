/**
 * Inputs built to hit the slow paths of a parser: long unbroken lines, huge runs of characters that
 * start a pattern (addresses, codes, headers), deep MIME nesting. Each is about 1 MB or less.
 */
const MB = 1024 * 1024;

function nestedMultipart(depth: number): string {
  let body = "550 5.1.1 <a@example.jp>... User unknown\n";
  for (let i = depth; i > 0; i--) {
    body = `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n${body}\n--b${i}--\n`;
  }
  return `From: MAILER-DAEMON@example.jp\nSubject: Returned mail\n${body}`;
}

/** One multipart of `count` parts, each `part(i)` (a boundary line is added before each). */
function manyParts(count: number, part: (i: number) => string): string {
  let body = "";
  for (let i = 0; i < count; i++) body += `--b\n${part(i)}`;
  return `From: MAILER-DAEMON@example.jp\nSubject: Returned mail\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n${body}--b--\n`;
}

export const ADVERSARIAL: readonly [name: string, input: string][] = [
  ["1 MB line of address characters", `${"a".repeat(MB / 2)}@${"b.".repeat(MB / 4)}`],
  ["1 MB of '<@'", "<@".repeat(MB / 2)],
  ["1 MB of '550 5.1.1 '", "550 5.1.1 ".repeat(MB / 10)],
  ["1 MB of '5.' and digits", "5.5.5.5.5.5.".repeat(MB / 12)],
  ["1 MB of header-like lines", "X-Header: value\n".repeat(MB / 16)],
  [
    "1 MB of DSN fields",
    "Final-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 5.1.1\n".repeat(MB / 64),
  ],
  ["1 MB single-line mail body", `From: a@example.jp\nTo: b@example.jp\nSubject: x\n\n${"x".repeat(MB)}`],
  ["1 MB of a bounce phrase without spaces", "userunknown".repeat(MB / 11)],
  ["1 MB of 'user unknown ' (phrase everywhere)", "user unknown ".repeat(MB / 13)],
  ["1 MB of blank lines", "\n".repeat(MB)],
  ["1 MB of bare CR", "\r".repeat(MB)],
  ["1 MB of separator-like lines", "---- \t ----\n".repeat(MB / 11)],
  ["1 MB of spaces", " ".repeat(MB)],
  ["1 MB of Japanese text", "宛先不明のメールが届きました。".repeat(MB / 45)],
  ["200 nested multiparts", nestedMultipart(200)],
  // Thousands of tiny parts: the fast reader reads 200; what it cannot read mailparser gets cut short.
  ["10,000 empty MIME parts", manyParts(10_000, () => "\nx\n")],
  [
    "10,000 text parts",
    manyParts(10_000, (i) => `Content-Type: text/plain\n\n550 5.1.1 <a${i}@example.jp>\n`),
  ],
  // mailparser's splitter gives up (throws, quickly) past 1,000 parts: just under that is its worst.
  [
    "990 attachments (mailparser)",
    manyParts(
      990,
      (i) =>
        `Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="f${i}"\nContent-Transfer-Encoding: base64\n\nQUJD\n`,
    ),
  ],
  ["1 MB of recipient blocks", "<a@example.jp>:\nRemote host said: 550 5.1.1 unknown\n\n".repeat(MB / 52)],
  ["1 MB base64-like line", "QUJD".repeat(MB / 4)],
  [
    "1 MB HTML notice of unclosed tags",
    `Content-Type: text/html\n\n${"<script><style><p>&amp;".repeat(MB / 24)}`,
  ],
  ["1 MB of 'host x said:'", "host mx.example.jp[192.0.2.1] said: ".repeat(MB / 36)],
  // The family readers: IMail "label: address" lines, Domino sections, Zoho fields, Sendmail transcripts.
  ["1 MB of IMail-like lines", `Unknown user: ${"a".repeat(60)}@${"b".repeat(60)}\n`.repeat(MB / 136)],
  [
    "1 MB of Domino sections",
    "was not delivered to:\n  a@example.jp\nbecause:\n  not listed in Domino Directory\n".repeat(MB / 80),
  ],
  ["1 MB of Zoho error fields", "a@example.jp Error, ERROR_CODE :421, ERROR_CODE :".repeat(MB / 50)],
  [
    "1 MB of Sendmail transcript",
    `   ----- Transcript of session follows -----\n${"<<< 550 x\n554 <a@example.jp>... Remote protocol error\n".repeat(MB / 56)}`,
  ],
  // Later readers: InterScan transcripts, Smail banners, PowerMTA report fields, Japanese bounce wording.
  [
    "1 MB of InterScan transcript lines",
    `From: "InterScan MSS" <postmaster@example.jp>\nSubject: x\n\n${"Sent <<< RCPT TO:<a@example.jp>\nReceived >>> 550 5.1.1 x\n".repeat(MB / 64)}`,
  ],
  [
    "1 MB of Smail banners",
    "|------------------------- Failed addresses follow: ---------------------|\n".repeat(MB / 76),
  ],
  [
    "1 MB of PowerMTA report fields",
    `Final-Recipient: rfc822; a@example.jp\nStatus: 5.0.0 (undefined status)\nX-PowerMTA-BounceCategory: bad-mailbox\n\n`.repeat(
      MB / 100,
    ),
  ],
  [
    "1 MB of Japanese bounce wording",
    "配送できませんでした配信不能届けることが出来ませんでした".repeat(MB / 80),
  ],
];

/**
 * Texts built for the masker's scans (knowledge/pii.ts), run on a whole text at once: runs that look
 * almost like a mail address, where a scan that went back over the run from each "@" or "." would take
 * seconds (test/pii.test.ts checks what is found in them; npm run bench:classify times them).
 */
export const MASKER_ADVERSARIAL: readonly [name: string, input: string][] = [
  ["600 KB of 'a.' before one '@'", `${"a.".repeat(300_000)}@`],
  ["400 KB of 'a@'", "a@".repeat(200_000)],
  // One LINE message of what each scan keys on (test/pii.test.ts "hostile runs" checks what is found).
  ...[
    "a.",
    "a@",
    " @ ",
    "東京都",
    "区1-",
    "名前は",
    "と申します",
    "私は",
    "パスワード",
    "pass=",
    "090.",
    "1-",
    "生まれ",
    "Tokyo-to ",
    "1-2 Aa, ",
    "誕生日1/",
  ].map((unit): [string, string] => [`5,000 characters of ${JSON.stringify(unit)}`, fill5000(unit)]),
];

/**
 * Texts for the steps that read a pasted or screenshot text before the classifier does: joining a
 * narrow screen's lines again (unwrap) and cleaning what OCR saw (cleanOcrText). Each is timed by
 * npm run bench:classify; test/classify-wrapped.test.ts and test/ocr-text.test.ts check what they give.
 */
export const TEXT_ADVERSARIAL: readonly [step: "unwrap" | "cleanOcrText", name: string, input: string][] = [
  ["unwrap", "1,700 lines of 'a-'", "a-\n".repeat(1700)],
  ["unwrap", "80 lines of 60 letters", `${"x".repeat(60)}\n`.repeat(80)],
  ["unwrap", "1,700 lines of '@.'", "@.\n".repeat(1700)],
  ["cleanOcrText", "5,000 long-vowel marks", "ー".repeat(5000)],
  ["cleanOcrText", "' 宛' repeated", " 宛".repeat(2500)],
  ["cleanOcrText", "1,000 clock lines", "9:41\n".repeat(1000)],
  ["cleanOcrText", "'| a ' repeated", "| a ".repeat(1250)],
  ["cleanOcrText", "'<a@b ' repeated", "<a@b ".repeat(1000)],
  ["cleanOcrText", "'a.b. ' repeated", "a.b. ".repeat(1000)],
  ["cleanOcrText", "4,990 blanks before a date", `${" ".repeat(4990)}3月3日`],
  ["cleanOcrText", "'RCPT T0:' repeated", "RCPT T0:".repeat(600)],
];

function fill5000(unit: string): string {
  return unit.repeat(Math.ceil(5000 / unit.length)).slice(0, 5000);
}
