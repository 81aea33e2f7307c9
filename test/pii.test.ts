import { describe, expect, it } from "vitest";
import {
  containsPii,
  findPii,
  isMyNumber,
  maskAddress,
  maskPii,
  myNumberCheckDigit,
  type PiiKind,
  shouldWarn,
} from "../knowledge/pii.ts";
import { allCanaryForms, CANARY_FORMS, CANARY_FRAGMENTS } from "./support/canaries.ts";

const kinds = (text: string) => findPii(text).map((f) => f.kind);
const leaksIn = (text: string) => CANARY_FRAGMENTS.filter((f) => text.includes(f));

describe("personal data detection", () => {
  it("finds a mail address and keeps only its first letter and domain", () => {
    expect(maskPii("宛先 taro.yamada@docomo.ne.jp に届きません")).toBe("宛先 t***@docomo.ne.jp に届きません");
  });

  it("leaves a classify --json line with only its masked recipient as it is, and still masks what its file name holds", () => {
    const line = (file: string) =>
      `{"file":"${file}","records":[{"reason":"userunknown","topic":"user-unknown","status":"5.1.1","action":"failed","replyCode":"550","recipient":"t***@example.jp"}]}`;
    expect(maskPii(line("lhost-postfix-01.eml"))).toBe(line("lhost-postfix-01.eml"));
    expect(maskPii(line("from 090-1234-5678.eml"))).toBe(line("from ***-****-****.eml"));
    expect(maskPii(line("hanako@example.net.eml"))).toBe(line("h***@example.net.eml"));
    expect(maskPii(line("pin=4831.eml"))).not.toContain("4831");
    expect(maskPii(line("1-2-3 Jingumae, Shibuya-ku"))).toBe(line("***"));
  });

  it("finds Japanese phone numbers in the usual spellings", () => {
    for (const phone of [
      "090-1234-5678",
      "09012345678",
      "03-1234-5678",
      "+81 90 1234 5678",
      "０９０ー１２３４ー５６７８",
    ]) {
      expect(kinds(`電話 ${phone} まで`), phone).toEqual(["phone"]);
    }
  });

  it("masks every digit of phone numbers in a row, even where a card-like run spans two of them", () => {
    expect(maskPii("090-1234-5678 090-1234-5678 090-1234-5678")).toBe(
      "***-****-**** ***-****-**** ***-****-****",
    );
  });

  it("finds postal codes written with 〒, after 郵便番号, or with a hyphen", () => {
    expect(kinds("〒1234567")).toEqual(["postal"]);
    expect(kinds("郵便番号 1500001")).toEqual(["postal"]);
    expect(maskPii("〒123-4567 に送ってください")).toBe("〒***-**** に送ってください");
  });

  it("finds card numbers only when the Luhn check passes", () => {
    expect(kinds("card 4111 1111 1111 1111")).toEqual(["card"]);
    expect(kinds("card 4111 1111 1111 1112")).not.toContain("card");
  });

  it("computes the My Number check digit from the official test vectors", () => {
    expect(myNumberCheckDigit("12345678901")).toBe(8);
    expect(myNumberCheckDigit("98765432109")).toBe(3);
    expect(myNumberCheckDigit("00000000000")).toBe(0);
    expect(isMyNumber("123456789018")).toBe(true);
    expect(isMyNumber("123456789012")).toBe(false);
  });

  it("masks every 12-digit run as a possible My Number", () => {
    expect(maskPii("番号 1234 5678 9018")).toBe("番号 **** **** ****");
  });

  it("masks the value after password words but not the word itself", () => {
    expect(maskPii("パスワードは hunter22 です")).toBe("パスワードは ******** です");
    expect(maskPii("password: s3cr3t!")).toBe("password: ********");
    expect(containsPii("パスワードを忘れました")).toBe(false);
  });

  it("masks an address without an @ as fully hidden, and never keeps a character glued to it", () => {
    expect(maskAddress("")).toBe("");
    expect(maskAddress("postmaster")).toBe("***");
    expect(maskAddress("私taro@example.jp")).toBe("****@example.jp");
    expect(maskAddress("k***@example.com"), "masking twice changes nothing").toBe("k***@example.com");
  });
});

/** Each form of the issues, the kind it must be found as, and how it reads masked. */
const FORMS: [keyof typeof CANARY_FORMS, PiiKind, string][] = [
  ["phoneDots", "phone", "***.****.****"],
  ["phoneSlashes", "phone", "***/****/****"],
  ["phoneSpacedDashes", "phone", "*** - **** - ****"],
  ["phoneInternational", "phone", "+** (*)** **** ****"],
  ["phoneKanji", "phone", "***－****－****"],
  ["cardDots", "card", "****.****.****.****"],
  ["cardSlashes", "card", "****/****/****/****"],
  ["emailSpaced", "email", "r***@example.jp"],
  ["emailNoDot", "email", "c***@localhost"],
  ["emailJapaneseDomain", "email", "c***@例え.jp"],
  ["passEquals", "secret", "pass=********"],
  ["passcode", "secret", "passcode: ********"],
  ["passwordDash", "secret", "Password - ********"],
  ["pinJa", "secret", "暗証番号：********"],
  ["passwordQuoted", "secret", "パスワードは「********」です"],
  ["addressJa", "address", "***"],
  ["addressJaRoom", "address", "***に住んでいます"],
  ["addressLabel", "address", "住所は***です"],
  ["addressRomanised", "address", "***"],
  ["addressKanji", "address", "***"],
  ["addressKanjiDashes", "address", "***"],
  ["birthDate", "birthdate", "生年月日は****年*月*日"],
  ["birthday", "birthdate", "誕生日は ****/**/** です"],
  ["birthDateEn", "birthdate", "DOB: ****-**-**"],
  ["nameLabel", "name", "名前は***です"],
  ["nameIntroduced", "name", "***と申します"],
  ["nameAfterI", "name", "私は***です"],
  ["nameEn", "name", "My name is ***"],
];

describe("every spelling from issues #11 and #12", () => {
  it.each(FORMS)("%s is found as %s and masked", (form, kind, masked) => {
    const text = CANARY_FORMS[form];
    expect(kinds(text)).toEqual([kind]);
    expect(maskPii(text)).toBe(masked);
  });

  it("a postal code before the address: both hidden", () => {
    expect(maskPii(CANARY_FORMS.postalCode)).toBe("〒***-**** ***");
  });

  it("all forms together, and in full-width, leave nothing behind", () => {
    const together = allCanaryForms();
    expect(leaksIn(maskPii(together))).toEqual([]);
    expect(leaksIn(maskPii(together.replace(/\n/g, "。")))).toEqual([]);
    const fullWidth = together.replace(/[0-9@.\-/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const masked = maskPii(fullWidth);
    for (const digits of ["２２０６", "２２０７", "２２０８", "２２１０", "ｒｏｋｕｒｏ", "ｒｉｎｇｏ５５"])
      expect(masked).not.toContain(digits);
  });

  it("names and dates only when introduced as such", () => {
    for (const text of [
      "私は会社員です",
      "私は初心者です",
      "私は困っています",
      "ドメイン名前解決に失敗しました",
      "2024年4月1日に送りました",
      "東京都に住んでいます",
      "東京都内で3-5年使っています",
      "Shibuya-ku is nice",
      "My name is on the list", // a word of the stop list ends the name at once
    ])
      expect(findPii(text), text).toEqual([]);
  });

  it("kanji numerals: a house number or a phone number in kanji is masked, kanji words with numerals are not", () => {
    expect(maskPii("住所は東京都港区六本木一丁目二番三号です")).toBe("住所は***です");
    expect(maskPii("携帯は〇八〇-九八七六-五四三二まで")).toBe("携帯は***-****-****まで");
    for (const text of [
      "世田谷区で一番大きい公園の近くです", // 一番: a word, not a house number
      "三重県の四日市市に行きました",
      "東京都千代田区一番町", // a place name without a house number
      "港区三田に住んでます",
      "九州の会社に一二三回送りました",
    ])
      expect(findPii(text), text).toEqual([]);
  });
});

describe("a name after its label is masked up to where the name ends", () => {
  it("the rest of the sentence stays readable", () => {
    expect(maskPii("名前は山田太郎ですがメールが届きません")).toBe("名前は***ですがメールが届きません");
    expect(maskPii("名前は山田花子でメールが戻ってきます")).toBe("名前は***でメールが戻ってきます");
    expect(maskPii("名前はヤマダタロウでメールアドレスは別です")).toBe("名前は***でメールアドレスは別です");
    expect(maskPii("氏名は鈴木様宛のメールです")).toBe("氏名は***様宛のメールです");
    expect(maskPii("お名前は 山田 太郎 です")).toBe("お名前は *** です");
    expect(maskPii("なまえはやまだですが届きません")).toBe("なまえは***ですが届きません");
    expect(maskPii("name: 山田太郎ですが届きません")).toBe("name: ***ですが届きません");
  });

  it("hiragana inside a name stays masked with it: a given name after a surname, の in a surname", () => {
    expect(maskPii("名前は山田はなこです")).toBe("名前は***です");
    expect(maskPii("名前は木の下です")).toBe("名前は***です");
    // Hiragana, a particle, then kanji: 「もと子」 cannot be told from 「もと」 + 「で」, so it stays masked too.
    expect(maskPii("名前は山田のぞみで登録しています")).not.toContain("のぞみ");
    expect(maskPii("名前は山田もと子です")).toBe("名前は***です");
  });

  it("no canary name leaks when the sentence goes on after it", () => {
    for (const name of ["山田太郎", "鈴木花子", "佐藤一郎"])
      for (const after of [
        "ですがメールが戻ってきます",
        "でメールが戻ってきます",
        "がメールを送りました",
        "様宛です",
      ]) {
        const masked = maskPii(`お名前は${name}${after}`);
        expect(leaksIn(masked), masked).toEqual([]);
        expect(masked).toBe(`お名前は***${after}`);
      }
  });
});

describe("what a bounce needs stays readable", () => {
  const BOUNCE_LINES = [
    "550 5.1.1 <ken@example.com>... User unknown",
    "552-5.2.2 The email account that you tried to reach is over quota.",
    "Reporting-MTA: dns; mx01.example.jp",
    "Arrival-Date: Mon, 15 Jan 2024 09:30:00 +0900",
    "Received: from mx.example.jp (mx.example.jp [192.0.2.10]) by mail.example.net (Postfix) with ESMTP id 4TQ0Z51234Z",
    "Date: 2024/01/15 09:30:00",
    "Queue-ID: 0A1B2C3D4E; size=20971520",
    "Message-ID: <20240115093000.12345@mail.example.jp>",
    "535-5.7.8 Username and Password not accepted. Learn more at https://support.example.com/mail/?p=BadCredentials",
    "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.jp; dkim=pass",
    "This message was created automatically by mail delivery software (Exim 4.96) on 2024-01-15 09:30:12",
    "Remote host said: 554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org",
    "The password-protected archive could not be scanned",
    "host mx.tokyo.example.jp[198.51.100.7] said: 450 4.7.1 try again later",
  ];
  it.each(BOUNCE_LINES)("nothing but addresses found in %s", (line) => {
    expect(kinds(line).filter((k) => k !== "email")).toEqual([]);
  });

  it("a carrier address made of a phone number is a mail address: masked, no warning inside a bounce", () => {
    const paste = "<09012345678@docomo.ne.jp>: host mfsmax.docomo.ne.jp said: 550 Unknown user";
    expect(kinds(paste)).toEqual(["email"]);
    expect(maskPii(paste)).not.toContain("09012345678");
    expect(shouldWarn(paste, "bounce")).toBe(false);
    expect(shouldWarn(paste, "chat")).toBe(true);
  });

  it("warns about the user's own data around a bounce", () => {
    for (const form of ["phoneDots", "addressJaRoom", "birthDate", "nameIntroduced", "passEquals"] as const)
      expect(
        shouldWarn(`${CANARY_FORMS[form]}\n550 5.1.1 <ken@example.com>... User unknown`, "bounce"),
        form,
      ).toBe(true);
  });
});

describe("hostile runs", () => {
  // Runs of what the scans key on: each would cost seconds if one of them re-scanned from every anchor.
  // How long they take is measured by npm run bench:classify (bench/adversarial.ts MASKER_ADVERSARIAL,
  // the same texts); the regular expressions the scans use are proven linear by test/redos.test.ts.
  const fill = (unit: string) => unit.repeat(Math.ceil(5000 / unit.length)).slice(0, 5000);
  it.each([
    "a.",
    " @ ",
    "東京都",
    "区1-",
    "私は",
    "パスワード",
    "090.",
    "1-",
    "生まれ",
    "Tokyo-to ",
    "1-2 Aa, ",
    "誕生日1/",
  ])("5,000 characters of %j hold no personal data: left as they are", (unit) => {
    expect(maskPii(fill(unit))).toBe(fill(unit));
  });

  it.each([
    ["a@", "email"],
    ["名前は", "name"],
    ["と申します", "name"],
    ["pass=", "secret"],
  ] as const)("5,000 characters of %j: found as %s, nothing else", (unit, kind) => {
    const findings = findPii(fill(unit));
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set([kind]));
  });

  it("reads a long run that looks almost like an address: no address before a lone @, each a@a once", () => {
    const dotted = `${"a.".repeat(300_000)}@`;
    expect(maskPii(dotted)).toBe(dotted);
    const findings = findPii("a@".repeat(200_000));
    expect(findings).toHaveLength(100_000);
    expect(findings.every((f) => f.kind === "email" && f.end - f.start === 3)).toBe(true);
  });
});
