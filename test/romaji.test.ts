import { describe, expect, it } from "vitest";
import { kanaOf, romajiToKana } from "../dialogs/understand/romaji.ts";

const english = new Set(["no", "see", "you", "take", "care", "hi", "ok", "i", "a", "is", "to", "so"]);

describe("Japanese typed in Latin letters (romaji) is read as the kana it spells", () => {
  it("spells Hepburn and kunrei-shiki alike, with っ, ん and long vowels", () => {
    expect(kanaOf("arigatou")).toBe("ありがとう");
    expect(kanaOf("okuttemo")).toBe("おくっても");
    expect(kanaOf("shinpai")).toBe("しんぱい");
    expect(kanaOf("sinpai")).toBe("しんぱい");
    expect(kanaOf("konnichiwa")).toBe("こんにちわ");
    expect(kanaOf("kyou")).toBe("きょう");
    expect(kanaOf("me-ru")).toBe("めーる");
  });

  it("spells a long e after a consonant as ー, as a loanword's kana write it", () => {
    expect(kanaOf("meeru")).toBe("めーる");
    expect(kanaOf("peesuto")).toBe("ぺーすと");
    // A long e on its own is the word ええ.
    expect(kanaOf("ee")).toBe("ええ");
  });

  it("is no romaji when a letter spells no kana", () => {
    expect(kanaOf("thanks")).toBeUndefined();
    expect(kanaOf("mailbox")).toBeUndefined();
  });

  it("reads a loanword typed in English among romaji in katakana", () => {
    expect(romajiToKana("kono chat hozon sareru?", english)).toBe("このチャットほぞんされる?");
    expect(romajiToKana("mail ga modotte kita", english)).toBe("メールがもどってきた");
    expect(romajiToKana("eraa meeru ga kita", english)).toBe("エラーめーるがきた");
    expect(romajiToKana("bounce mail konakatta", english)).toBe("エラーメールこなかった");
    // A loanword counts neither for romaji nor against it; loanwords alone are English.
    expect(romajiToKana("mail okurenai", english)).toBe("メールおくれない");
    expect(romajiToKana("mail error", english)).toBeUndefined();
    // A returned mail's words read off it; a listed loanword that also spells kana (domain: どまいん) is the loanword.
    expect(romajiToKana("aite no mailbox ga ippai", english)).toBe("あいてのメールボックスがいっぱい");
    expect(romajiToKana("domain ga nai tte", english)).toBe("ドメインがないって");
    // The provider's name, hyphen and all (its "-net" spells no kana), as the examples write it.
    expect(romajiToKana("so-net no saabaa ochiteru?", english)).toBe("so-netのさあばあおちてる?");
    expect(romajiToKana("sonet no meeru ochiteru", english)).toBe("so-netのめーるおちてる");
  });

  it("keeps an acronym typed in capitals among small letters, as Japanese writes it among kana", () => {
    expect(romajiToKana("kore AI desu ka", english)).toBe("これAIですか");
    expect(romajiToKana("DNS tte nani", english)).toBe("DNSってなに");
    // Typed all in capitals, capitals mark nothing: 「GA」 is が.
    expect(romajiToKana("MEERU GA MODOTTE KITA", english)).toBe("めーるがもどってきた");
    // Capitals alone make no romaji: an acronym counts neither way.
    expect(romajiToKana("OK AI", english)).toBeUndefined();
  });

  it("reads the particle wa as は before more words, an OK in English spelling as OK", () => {
    expect(romajiToKana("sonna adoresu wa nai tte", english)).toBe("そんなあどれすはないって");
    expect(romajiToKana("sou da wa", english)).toBe("そうだわ");
    expect(romajiToKana("okk wakatta", english)).toBe("OKわかった");
    expect(romajiToKana("ok", english)).toBeUndefined();
  });

  it("reads a whole message, its punctuation kept", () => {
    expect(romajiToKana("mou ichido okuttemo ii?", english)).toBe("もういちどおくってもいい?");
    expect(romajiToKana("Wakaranai", english)).toBe("わからない");
  });

  it("leaves English alone: a word that spells no kana, or words that are English the data knows", () => {
    expect(romajiToKana("I don't get it", english)).toBeUndefined();
    expect(romajiToKana("see you", english)).toBeUndefined();
    expect(romajiToKana("take care", english)).toBeUndefined();
    expect(romajiToKana("no", english)).toBeUndefined();
    expect(romajiToKana("550 user unknown", english)).toBeUndefined();
  });

  it("keeps one short word with a slip as typed when two other words are Japanese; チャット typed with one t", () => {
    expect(romajiToKana("nanmega mde okureru no?", english)).toBe("なんめが mde おくれるの?");
    expect(romajiToKana("kono chato tte tada?", english)).toBe("このチャットってただ?");
    expect(romajiToKana("arigatou lol", english)).toBeUndefined();
    expect(romajiToKana("hello there", english)).toBeUndefined();
  });

  it("leaves Japanese script alone, and long texts", () => {
    expect(romajiToKana("ありがとう", english)).toBeUndefined();
    expect(romajiToKana("arigatou ".repeat(40), english)).toBeUndefined();
  });
});
