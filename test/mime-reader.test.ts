import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lfBytes } from "../knowledge/bounce/input.ts";
import { forMailparser, MAILPARSER_MAX_DELIMITERS, parseMail } from "../knowledge/bounce/mail.ts";
import { decodeHeader, MAX_PARTS, readMime } from "../knowledge/bounce/mime.ts";
import { classify } from "../knowledge/classify.ts";

const dir = join(import.meta.dirname, "fixtures", "bounces");
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

describe("the fast MIME reader and mailparser read the same bounce", () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith(".eml")))("%s", async (file) => {
    const raw = lfBytes(new Uint8Array(readFileSync(join(dir, file))));
    const fast = await parseMail(raw, "auto");
    const reference = await parseMail(raw, "mailparser");
    expect(squash(fast.body)).toBe(squash(reference.body));
    expect(squash(fast.dsn)).toBe(squash(reference.dsn));
    expect(fast.subject).toBe(reference.subject);
    expect(Boolean(fast.original)).toBe(Boolean(reference.original));
  });
});

describe("the fast MIME reader hands broken or unusual mail to mailparser", () => {
  const latin1 = (s: string) => Buffer.from(s, "utf8").toString("latin1");

  it("only when a nested multipart's boundary never appears", () => {
    const nested =
      'Content-Type: multipart/mixed; boundary="a"\n\n--a\nContent-Type: multipart/alternative; boundary="b"\n\nno parts\n--a--\n';
    expect(readMime(latin1(nested))).toBeUndefined();
  });

  it("reads the raw body as text when the top boundary never appears, as the mailparser path does", async () => {
    const raw = 'Content-Type: multipart/report; boundary="x"\n\n550 5.1.1 <a@example.jp>... User unknown\n';
    const slow = await parseMail(new TextEncoder().encode(raw), "mailparser");
    expect(readMime(latin1(raw))?.body.trim()).toBe(slow.body.trim());
    expect(slow.body).toContain("User unknown");
  });

  it("when a part uses a transfer encoding it does not know", () => {
    const mail =
      'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Transfer-Encoding: x-uuencode\n\nbegin 644 a\n--b--\n';
    expect(readMime(latin1(mail))).toBeUndefined();
  });

  it("but reads an HTML-only notice itself, tags stripped and entities decoded", () => {
    const html =
      "Content-Type: text/html\n\n<html><head><style>p{}</style></head><p>550 5.1.1 &lt;a@example.jp&gt;<br>User&nbsp;unknown</p>\n";
    expect(readMime(latin1(html))?.body.trim()).toBe("550 5.1.1 <a@example.jp>\nUser unknown");
  });

  it("decodes ISO-2022-JP and UTF-8 encoded words in headers", () => {
    expect(decodeHeader("=?ISO-2022-JP?B?GyRCJSglaSE8JWEhPCVrGyhC?=")).toBe("エラーメール");
    expect(decodeHeader("=?UTF-8?B?6YWN5L+h5LiN6IO9?= test")).toBe("配信不能 test");
    // An accented letter from an encoded word is not decoded a second time as if it were raw UTF-8.
    expect(decodeHeader("=?utf-8?Q?Non_remis_:_r=C3=A9union?=")).toBe("Non remis : réunion");
  });
});

describe("a mail of thousands of parts is read only so far (issue #12: 10,000 parts cost 564 ms)", () => {
  const mail = (parts: number, part: (i: number) => string) =>
    `From: MAILER-DAEMON@example.jp\nSubject: Returned mail\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n${Array.from({ length: parts }, (_, i) => `--b\n${part(i)}`).join("")}--b--\n`;
  const textPart = (i: number) =>
    `Content-Type: text/plain\n\n${i === 0 ? "550 5.1.1 <taro@example.jp>... User unknown" : `part ${i}`}\n`;

  it(`the fast reader reads the first ${MAX_PARTS} parts and skips the rest`, () => {
    const read = readMime(mail(10_000, textPart));
    expect(read?.body).toContain("User unknown");
    // The multipart itself is the first part read.
    expect(read?.body).toMatch(new RegExp(`\\bpart ${MAX_PARTS - 2}\\b`));
    expect(read?.body).not.toMatch(new RegExp(`\\bpart ${MAX_PARTS - 1}\\b`));
  });

  it(`mailparser gets the mail up to its ${MAILPARSER_MAX_DELIMITERS + 1}th line starting with "--"`, async () => {
    const attachment = (i: number) =>
      `Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="f${i}.bin"\n\nx\n`;
    const whole = Buffer.from(
      mail(10_000, (i) => (i === 0 ? textPart(0) : attachment(i))),
      "latin1",
    );
    const cut = forMailparser(whole);
    expect(cut.toString("latin1").split("\n--").length - 1).toBe(MAILPARSER_MAX_DELIMITERS);
    expect(cut.toString("latin1").endsWith("\n")).toBe(true);
    const ordinary = Buffer.from(mail(3, textPart), "latin1");
    expect(forMailparser(ordinary)).toBe(ordinary);
    // The fast reader finds nothing readable in attachments only (and hands it on): the notice still is.
    const parsed = await parseMail(new Uint8Array(whole), "auto");
    expect(parsed.body).toContain("User unknown");
    const { records } = await classify(whole.toString("latin1"));
    expect(records.map((r) => r.reason)).toEqual(["userunknown"]);
  });
});
