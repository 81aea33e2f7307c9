/**
 * Personal-data canaries: planted in user messages by the tests (personal data, conversations, faults,
 * two instances), and looked for in every log line of the whole suite (test/setup/log-canary.ts), in
 * the session store, in replies, in /metrics and in the CLI's output. None may ever appear unmasked.
 */
export const CANARIES = {
  email: "canary.taro.yamada@example.jp",
  carrierEmail: "canary.hanako@docomo.ne.jp",
  phone: "090-8765-4321",
  card: "4242 4242 4242 4242",
  myNumber: "528103947167",
  passwordJa: "Xq7canaryPw!",
  passwordEn: "Zz9canarySecret",
} as const;

/**
 * Every spelling the masker must cover (issues #11 and #12), each as a user would write it. The key
 * names the form; `fragments` below holds what would betray each one.
 */
export const CANARY_FORMS = {
  phoneDots: "090.1111.2206",
  phoneSlashes: "090/1111/2207",
  phoneSpacedDashes: "090 - 1111 - 2208",
  phoneInternational: "+81 (0)90 1111 2210",
  phoneKanji: "〇九〇－一一一一－二二一一",
  cardDots: "4111.1111.1111.1111",
  cardSlashes: "5555/5555/5555/4444",
  emailSpaced: "rokuro.canary @ example.jp",
  emailNoDot: "canary.user@localhost",
  emailJapaneseDomain: "canary.jiro@例え.jp",
  passEquals: "pass=hunter22secret",
  passcode: "passcode: Pc7canary",
  passwordDash: "Password - Pd5canary",
  pinJa: "暗証番号：Pin3canary",
  passwordQuoted: "パスワードは「ringo55」です",
  addressJa: "東京都渋谷区神宮前9-8-7 カナリア荘101",
  addressJaRoom: "東京都世田谷区桜新町1-2-3 サクラハイツ202号室に住んでいます",
  addressLabel: "住所は大阪府大阪市北区梅田3-1-1です",
  postalCode: "〒150-0021 東京都渋谷区恵比寿西6-5-4",
  addressRomanised: "6-5-4 Ebisunishi, Shibuya-ku, Tokyo 150-0021",
  addressKanji: "東京都港区麻布台二丁目四番五号",
  addressKanjiDashes: "京都府京都市左京区吉田本町三-七-九",
  birthDate: "生年月日は1975年4月1日",
  birthday: "誕生日は 1983/11/29 です",
  birthDateEn: "DOB: 1968-02-14",
  nameLabel: "名前は山田太郎です",
  nameIntroduced: "鈴木花子と申します",
  nameAfterI: "私は佐藤一郎です",
  nameEn: "My name is Rokuro Canaryson",
} as const;

/** Pieces that would betray a canary even if reformatted. */
export const CANARY_FRAGMENTS = [
  ...Object.values(CANARIES),
  "canary.taro",
  "canary.hanako",
  "8765-4321",
  "87654321",
  "4242 4242",
  "4242424242424242",
  "528103947167",
  "Xq7canaryPw",
  "Zz9canarySecret",
  // CANARY_FORMS
  "1111.2206",
  "1111/2207",
  "1111 - 2208",
  "1111 2210",
  "一一一一－二二一一",
  "麻布台二丁目",
  "吉田本町三",
  "4111.1111",
  "5555/5555",
  "rokuro.canary",
  "canary.user",
  "canary.jiro",
  "hunter22secret",
  "Pc7canary",
  "Pd5canary",
  "Pin3canary",
  "ringo55",
  "神宮前9-8-7",
  "カナリア荘",
  "桜新町",
  "サクラハイツ",
  "梅田3-1-1",
  "150-0021",
  "恵比寿西",
  "Ebisunishi",
  "1975年4月1日",
  "1983/11/29",
  "1968-02-14",
  "山田太郎",
  "鈴木花子",
  "佐藤一郎",
  "Canaryson",
];

/** A user message around a bounce with canaries in it, the way people paste: their own words first. */
export function canaryPaste(bounce: string): string {
  return `${CANARIES.email} から送ったら戻ってきました。電話は ${CANARIES.phone} です\n${bounce}`;
}

/** Every form of CANARY_FORMS in one message, one per line, as someone oversharing would write. */
export function allCanaryForms(): string {
  return Object.values(CANARY_FORMS).join("\n");
}
