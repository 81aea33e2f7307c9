import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { classify } from "../knowledge/classify.ts";
import { allCanaryForms, CANARIES, CANARY_FRAGMENTS } from "./support/canaries.ts";

/**
 * `npm run --silent classify -- --json PATH` as users and scripts run it (scripts/run-compiled.mjs: the
 * compiled build when current, else the sources through tsx): mails and screenshots in one folder, one
 * JSON line per file in name order, a screenshot named by its own file name. The records carry the
 * masked recipient (issue #11), and neither output prints personal data (issue #12: the readable output
 * used to print 21 forms of it).
 */

const ROOT = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "classify-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's output for a path, or for `stdin` with the path "-". */
async function classifyCli(args: string[], stdin?: string): Promise<string> {
  const run = promisify(execFile)(
    process.execPath,
    [join(ROOT, "scripts", "run-compiled.mjs"), "knowledge/cli/classify", ...args],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  if (stdin !== undefined) run.child.stdin!.end(stdin);
  return (await run).stdout;
}

async function classifyJson(path: string, stdin?: string) {
  const stdout = await classifyCli(["--json", path], stdin);
  return stdout
    .trim()
    .split("\n")
    .map(
      (l) =>
        JSON.parse(l) as {
          file: string;
          records: { reason: string; topic: string; status: string; recipient: string }[];
        },
    );
}

describe("classify(…, { verdictOnly }) for the CLI's JSON lines", () => {
  it("gives the same verdict and masked recipient, without the texts it would have had to mask", async () => {
    const mail = readFileSync(join(ROOT, "test/fixtures/bounces/postfix-user-unknown.eml"));
    const full = (await classify(mail)).records;
    const lean = (await classify(mail, { verdictOnly: true })).records;
    expect(full[0]!.diagnosis).not.toBe("");
    expect(lean).toEqual(full.map((r) => ({ ...r, diagnosis: "", evidence: "" })));
  });
});

describe("classify CLI", () => {
  it("reads a folder of mails and screenshots (PNG, JPEG by content) in name order", {
    timeout: 180_000,
  }, async () => {
    copyFileSync(join(ROOT, "test/fixtures/bounces/postfix-user-unknown.eml"), join(dir, "a-mail.eml"));
    copyFileSync(
      join(ROOT, "test/fixtures/screenshots/exim-mailbox-full.dark.2x.png"),
      join(dir, "b-shot.png"),
    );
    // A JPEG whose name does not say so: the bytes decide.
    copyFileSync(
      join(ROOT, "test/fixtures/screenshots/postfix-user-unknown.light.3x.jpg"),
      join(dir, "c-shot.dat"),
    );
    copyFileSync(join(ROOT, "test/fixtures/screenshots/no-text.jpg"), join(dir, "d-photo.jpeg"));
    const lines = await classifyJson(dir);
    expect(lines.map((l) => l.file)).toEqual(["a-mail.eml", "b-shot.png", "c-shot.dat", "d-photo.jpeg"]);
    expect(lines[0]!.records[0]).toMatchObject({ reason: "userunknown", topic: "user-unknown" });
    expect(lines[1]!.records[0]).toMatchObject({
      reason: "mailboxfull",
      topic: "mailbox-full",
      status: "5.2.2",
    });
    expect(lines[2]!.records[0]).toMatchObject({ reason: "userunknown", status: "5.1.1" });
    expect(lines[3]!.records).toEqual([]);
    expect(Object.keys(lines[0]!.records[0]!).sort()).toEqual([
      "action",
      "reason",
      "recipient",
      "replyCode",
      "status",
      "topic",
    ]);
  });

  it("reads one screenshot given as the path", { timeout: 120_000 }, async () => {
    const lines = await classifyJson(
      join(ROOT, "test/fixtures/screenshots/postfix-user-unknown.light.3x.jpg"),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        file: "postfix-user-unknown.light.3x.jpg",
        records: [expect.objectContaining({ reason: "userunknown" })],
      }),
    ]);
  });

  it("--json: the two-recipient paste gives two records with their masked recipients, every old field kept", async () => {
    const paste = [
      "<mika@example.jp>: host mx.example.jp[192.0.2.3] said: 552 5.2.2 Mailbox full",
      "<aki@example.com>: host mx.example.com[192.0.2.4] said: 550 5.1.1 User unknown",
    ].join("\n");
    const [line] = await classifyJson("-", paste);
    expect(line!.records).toEqual([
      {
        reason: "mailboxfull",
        topic: "mailbox-full",
        status: "5.2.2",
        action: "failed",
        replyCode: "552",
        recipient: "m***@example.jp",
      },
      {
        reason: "userunknown",
        topic: "user-unknown",
        status: "5.1.1",
        action: "failed",
        replyCode: "550",
        recipient: "a***@example.com",
      },
    ]);
  });

  it("--json: a verdict resting on a policy code alone is printed as any other, its guess mark left out", async () => {
    const paste = "<mio@example.net>: host mx1.example.net[198.51.100.7] said: 550 5.7.1";
    expect((await classify(paste)).records[0]?.guessFromPolicyCode).toBe(true);
    const [line] = await classifyJson("-", paste);
    expect(line!.records).toEqual([
      {
        reason: "securityerror",
        topic: "auth-failed",
        status: "5.7.1",
        action: "failed",
        replyCode: "550",
        recipient: "m***@example.net",
      },
    ]);
  });

  it("--json: the To: of the notice is not the recipient", async () => {
    const paste =
      "To: taro.yamada@xa2.so-net.ne.jp\nSubject: Returned mail: see transcript for details\n550 5.1.1 <ken@example.com>... User unknown";
    const [line] = await classifyJson("-", paste);
    expect(line!.records.map((r) => r.recipient)).toEqual(["k***@example.com"]);
  });

  it("neither output prints the personal data planted in and around the bounce", async () => {
    const bounce = [
      `From: ${CANARIES.email}`,
      allCanaryForms(),
      `550 5.1.1 <${CANARIES.carrierEmail}>... User unknown: ${allCanaryForms().replace(/\n/g, " ")}`,
      `<${CANARIES.email}>: host mx.example.jp said: 552 5.2.2 Mailbox full ${CANARIES.phone} ${CANARIES.card}`,
    ].join("\n");
    for (const args of [["-"], ["--json", "-"]]) {
      const out = await classifyCli(args, bounce);
      expect(out, "something was read").toMatch(/5\.2\.2/);
      expect(
        CANARY_FRAGMENTS.filter((f) => out.includes(f)),
        args.join(" "),
      ).toEqual([]);
    }
  });
});
