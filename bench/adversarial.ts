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
