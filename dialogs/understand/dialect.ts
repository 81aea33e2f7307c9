/**
 * Kansai speech typed as spoken (「送れへん」「どないしたらええの」「添付でかいとあかんの？」「いつ届くんやろ」):
 * read in the standard forms the questions' examples are written in (送れない, どうしたらいいの, だめなの,
 * 届くんでしょ), so that the n-grams of a question's ending and verbs match. Only endings and a few words
 * whose dialect form is no standard word are rewritten: へん after a verb stem (not 変な, 返信, 返事,
 * 大変), ええ after たら/ば/ても (not 「ええと」), やろ and やん before a sentence's end. Words of feeling
 * (「なんでやねん」) are left as they are: ui.yaml lists them. Casual forms of any region are read too: the
 * blunt 〜んだが (〜んだけど) and laughter typed as w's.
 *
 * Every pattern is a fixed word or one character class around a fixed word (linear; test/redos.test.ts).
 */

/**
 * A replacement that depends on the data: the match, where it is, the whole text, and the verbs whose stem is one
 * kanji (ui.yaml `typedWords.oneKanjiVerbs`).
 */
type Replacer = (match: string, at: number, whole: string, verbs: readonly string[]) => string;

const RULES: readonly (readonly [RegExp, string | Replacer])[] = [
  // Whole words first.
  [/かまへん/g, "かまわない"],
  [/(?:でけへん|できへん|できひん)/g, "できない"],
  [/(?:せえへん|せーへん|しいひん|しーひん)/g, "しない"],
  [/(?:こーへん|こおへん|けーへん|けえへん)/g, "こない"],
  [/(?:おらへん|いてへん)/g, "いない"],
  // 「埒があかん」 is "this is getting nowhere" (frustration, ui.yaml feelings), no "no good": its standard form.
  [/(埒|らち|ラチ)が?(?:あかん|アカン|明かん)/g, "$1があかない"],
  [/(?:あかん|アカン)(?=の|ん|か)/g, "だめな"],
  [/(?:あかん|アカン)/g, "だめ"],
  // どないして before a verb asks how it is done (「どないして送ったらええの」: どうやって), as どがんして below; not
  // 「どないしてん」「どないしてる」「どないした」 (what happened, how are you).
  [/(?:どない|ドナイ)して(?![んるた])/g, "どうやって"],
  [/(?:どない|ドナイ)/g, "どう"],
  [/(?:ほんま|ホンマ)/g, "本当"],
  [/しゃあない/g, "しかたない"],
  // After a clause (「いっぱいなんか、ほな向こうに連絡したらええんやな」) じゃあ leads into what follows,
  // with no comma of its own: a piece 「じゃあ」 alone there would read as goodbye.
  [/(?<=、)(?:ほんなら|ほな)、?/g, "じゃあ"],
  [/(?:ほんなら|ほな)、?/g, "じゃあ、"],
  // Not the も of 「わいもば」 (Y!mobile typed in kana).
  [/わい(?=が|は|の|も(?!ば))/g, "私"],
  // A condition spoken in りゃ, of any region (「待ってりゃいい」「どうすりゃいいべ」「やりゃええ」): 〜れば, before the ええ
  // of Kansai below; not こりゃ, そりゃ, ありゃ (this, that).
  [/(?<=[てですやれ])りゃ[あぁー]?(?=いい|よか|ええ|[、\s])/g, "れば"],
  // Western Japan's 〜とる (〜ている): 届いとる, なっとる, 来とる; in the past 〜とった (待っとったら).
  [/([いっ])とる/g, "$1てる"],
  [/([いっ])とった/g, "$1てた"],
  // Its negative (「送っとらん」「届いとらんかった」: 送ってない), and Kyushu's のに typed とに after it (「送っとらんとに」).
  [/([いっ])とらんかった/g, "$1てなかった"],
  [/([いっ])とらん/g, "$1てない"],
  [/ないとに/g, "ないのに"],
  [/んどる/g, "んでる"],
  // ちゃう after a noun (「障害ちゃうん？」「エラーちゃう？」) is じゃない; after a verb (消しちゃう) it is standard. So
  // after a verb whose stem is one kanji alone (「お客さん来ちゃう…」「先に見ちゃう」「出ちゃう」, not after another kanji:
  // 到着, 提出 are nouns): round 42, a consequence feared (「…来ちゃう…」) was read as 「来じゃないの」 and lost its worry.
  [
    /(?<=[\p{Script=Han}\p{Script=Katakana}ーのん])ちゃう(?:ん|の)?/gu,
    (match, at, whole, verbs) => (afterOneKanjiVerb(whole, at, verbs) ? match : "じゃないの"),
  ],
  // A verb's negative: 送れへん, 届かへん, わからへん, 読めへん, 知らへん, してへん. Not 「なんかへん」 (変),
  // 返信, 返事, 変更, 変換, 変な, 変に, 大変 (い before へん).
  [
    /(?<!なん)([かさたまらわれけてめせねべ])へん(?!しん|じ|こう|かん|きゃく|とう|な|に|だ|で|です)/g,
    "$1ない",
  ],
  // いい in its Kansai form after a condition or a て form: 「どうしたらええの」「ほっといてええ？」.
  [/(たら|ば|ても|でも|ほうが|方が|いて|って|で)ええ/g, "$1いい"],
  // Awa's (Tokushima's) ending じょ after ん or の (「どしたらええんじょ」「届かんのじょ」: …の, …のよ): dropped, so
  // that the question in ん below reads it. Not 「だいじょ」 (大丈夫 cut short).
  [/(?<=[んの])じょ(?=[？?。、!！\s]|$)/g, ""],
  // Endings: 「なんやろ」「届くんやろか」 (でしょう), 「送れないやん」 (じゃん), 「なんやねん」 (なんだ),
  // 「困ってんねん」 (てるんだ).
  [/やろ(?=か|う|[？?。、!！]|$)/g, "でしょ"],
  [/やん(?=か|[？?。、!！w笑]|$)/g, "じゃん"],
  [/(?<!なんで)やねん/g, "なんだ"],
  [/なん(?=[？?]|$)/g, "なの"],
  // A question ending in ん (「いいん？」「届いとるん？」「増やせるん？」「ええんか」) is の.
  [/([るたいな])ん(?=か(?:[？?。、!！]|$)|[？?]|$)/g, "$1の"],
  [/んねん(?=[？?。、!！]|$)/g, "るんだ"],
  [/ないねん(?=[？?。、!！]|$)/g, "ないんだ"],
  // Western negatives in ん (「しらんえらーめーる」「届かんかった」「届かんけど」「えらーがとまらん」) of the verbs people
  // type about mail: ない. Not before の, だ, で, じ (「できんの？」 is できるの); not 「わからん」, a word of feeling (ui.yaml).
  // The quote after it in one kana, 「見つからんて書いとる」「届かんて言われた」 (〜ないって): as the retelling reads it.
  [
    /(とどか|届か|おくれ|送れ|しら|知ら|でき|出来|つかえ|使え|とまら|止まら|へら|減ら|見つから|みつから)んて(?=書|かい|言|いわ|出|で|来|き)/g,
    "$1ないって",
  ],
  [
    /(とどか|届か|おくれ|送れ|しら|知ら|でき|出来|つかえ|使え|とまら|止まら|へら|減ら|見つから|みつから)んかった/g,
    "$1なかった",
  ],
  [
    /(とどか|届か|おくれ|送れ|しら|知ら|でき|出来|つかえ|使え|とまら|止まら|へら|減ら|見つから|みつから)ん(?![のだでじか])/g,
    "$1ない",
  ],
  // Eastern and northern speech: 「めーるがけえってきた」 (かえって), 「だけんど」 (だけど), 「届かねえ」「わかんねー」 (ない).
  [/けえって/g, "かえって"],
  [/だけんど/g, "だけど"],
  [/([がたまらわれけてめせべん]|届か|とどか)ね[えぇー](?![えぇー])/g, "$1ない"],
  // And of 来る (「メールこねぇ」「来ねえんだども」: こない); not そこ, どこ, ここ before it.
  [/(?<![そこどあ])(こ|来)ね[えぇー](?![えぇー])/g, "$1ない"],
  // The north's なんも (「なんもメールこねぇ」「なんも届かん」: なにも), nothing at all.
  [/なんも/g, "なにも"],
  // Tohoku's (Sendai's) ending っちゃ after a negative in ね (「わがんねっちゃ」: わからない), its ん doubled for stress
  // (「わっかんね」) too.
  [/っかん(?=ね|な)/g, "かん"],
  [/(?<=ん)ねっちゃ(?=[？?。、!！〜ー]|$)/g, "ない"],
  // Western Japan's 〜よる of what goes on (「まだきよる」 Hiroshima, Kyushu: 来ている) of the verbs of mail coming
  // and going, and Kyushu's 〜っちゃけど (「来るっちゃけど」: んだけど).
  [/(?:とどき|届き)よる(?!か)/g, "届いてる"],
  [/(?:もどり|戻り)よる(?!か)/g, "戻ってる"],
  [/(き|来)よる(?!か)/g, "$1てる"],
  // Its past, of what went on before (「先月までは届きよった」 Kyushu: 届いていた): it used to.
  [/(?:とどき|届き)よった/g, "届いてた"],
  [/(おくれ|送れ)よった/g, "$1てた"],
  [/っちゃけど/g, "んだけど"],
  // Kyushu's 「ばっかい」 (ばっかり) and 「くっと？」 asked (来るの？: 「なしてくっと？」).
  [/ばっかい/g, "ばっかり"],
  [/くっと(?=[？?]|$)/g, "くるの"],
  // Chugoku's 〜じゃけど (「送りたいんじゃけど」 Hiroshima, Okayama): だけど, a want told before "what do I do";
  // 「ほいじゃけど」 opening a message is でも ("but then").
  [/ほいじゃけど/g, "でも"],
  [/じゃけど/g, "だけど"],
  // Hiroshima's and Yamaguchi's question in かいね (「なんで戻ってくるんかいね」): のかな, かな at a sentence's end.
  [/んかいね(?=[？?。、!！]|$)/g, "のかな"],
  [/かいね(?=[？?。、!！]|$)/g, "かな"],
  // Kyushu's, Chugoku's and San'in's how (「どがんしたらよかと」 Saga, Nagasaki; 「どげして送ったらええだ」 Tottori,
  // Izumo; 「どぎゃん」 Kumamoto): どう, and with して (how it is done, not why) どうやって. Not 土下座 (どげざ).
  [/(?:どがん|どぎゃん|どげん|どげ)して/g, "どうやって"],
  [/(?:どがん|どぎゃん|どげん)/g, "どう"],
  [/どげ(?=す|な|に|ー|え)/g, "どう"],
  // Kyushu's いい (「送ってよかと？」「よかね」): before と, ね, よ, ばい, たい or the end; not よかった.
  [/よか(?=と|ね|よ|ばい|たい|[？?。、!！]|$)/g, "いい"],
  // Chugoku's おおきい (「おおけえ」「おおけー」 Okayama, Tottori) before what follows an adjective.
  [/おおけ[えー](?=と|な|の|か|[？?。、!！]|$)/g, "おおきい"],
  // Kyushu's question in と (「どこにあると？」「届くと？」): の (not ん: 「ちゃんと？」).
  [/([うくすつぬむるぐぶいた])と(?=[？?]|$)/g, "$1の"],
  // Eastern Japan's guess or question in べ and っぺ (Tohoku, Hokkaido, Kanto: 「届くんだべか」「いいべ？」
  // 「ダメなんだっぺか」「間違ってるんだんべ」): でしょう. Only after だ, だん or a verb's or adjective's end, before か,
  // さ or the sentence's end: not 調べ, 比べ, 食べ, すべて, and 「ごじゃっぺな」 is a word of its own.
  [/(?:だん|だ)?っぺ(?=か|[？?。、!！]|$)/g, "でしょう"],
  [/(?:だん|だ)べ(?=か|さ|[？?。、!！]|$)/g, "でしょう"],
  [/(?<=[うくぐつむるい])べ(?=か|[？?。、!！]|$)/g, "でしょう"],
  // Chubu's question in ずら, だら, だに, だい and けぇ (Nagano, Shizuoka, Yamanashi, Mikawa: 「届かないずら？」「届くだら？」
  // 「送り直せばいいだに？」「何入れりゃいいだい」「待ってりゃ届くけぇ？」) after a verb's or adjective's end: the plain
  // question in の, as the examples ask it (でしょう, its literal sense, reads as "surely…?" and drew the texts to
  // whose-side and resend, whose examples ask so). A why in ずら (「なんでずら」) is the why. After a noun ずら is
  // でしょう still (not ずらす; not 〜たら, 〜んだら, 〜だらけ, 問題だい, 次第).
  [/(?<=[うくすつぬむるいた])(?:ずら|だ[らに])(?=[？?。、!！]|$)/g, "の"],
  [/(?<=[るい])だい(?=[？?。、!！]|$)/g, "の"],
  [/(?<=[うくすつぬむるい])け[ぇえ](?=[？?])/g, "の"],
  [/(?<=なんで)ずら(?=[？?。、!！]|$)/g, ""],
  [/ずら(?=か|[？?。、!！]|$)/g, "でしょう"],
  // Tokyo shitamachi's 「〜ってぇのは」 (っていうのは) and 「どういう了見だ」 (what is meant by this: どういうこと), and
  // its question in だい after こと (「どういうことだい」: ことなの).
  [/ってぇの/g, "っていうの"],
  [/どういう了見/g, "どういうこと"],
  [/(?<=こと)だい(?=[？?。!！]|$)/g, "なの"],
  // Shizuoka's and Mikawa's because, だもんで and 〜もんで (「ようわからんもんで」 わからないので); not 〜もんです.
  [/だもんで/g, "だから"],
  [/もんで(?!す|しょ)/g, "ので"],
  // A request's くりょ (Shizuoka, Yamanashi: 「かわってくりょ」) and けろ (Tohoku: 「おしえてけろ」): くれ, as blunt as they are
  // (ください made a blunt 「わがんねぇ、…教えでけろ」 read as upset).
  // Tohoku's けれ too (「つないでけれ」), not the けれど of "but".
  [/(?<=[てで])(?:くりょ[うー]?|けろ|けれ(?!ど))/g, "くれ"],
  // Tohoku's but and want: 「〜んだども」 (んだけど), 「はなしてぇんだ」 (話したいんだ).
  [/だども/g, "だけど"],
  [/て[ぇえ]んだ/g, "たいんだ"],
  // Fukui's だよね asked (「いっぱいってことやざ？」「ほうやざ」): only at a sentence's end (not やざと, やざい).
  [/やざ(?=[？?。!！]|$)/g, "だよね"],
  // Tohoku's and Hokkaido's why (「なして届かないの」): なんで. Kanto's 〜ちまった (〜ちゃった; not 始まった).
  // Not 「意味をなしている」; but 「なしていっつも」 (why always) is the why.
  [/なして(?!る|い(?!つも|っつも))/g, "なんで"],
  [/ちまった/g, "ちゃった"],
  // Tohoku's 「わがんね」「わがらねえ」 (わからない, its k voiced): three kana, too short for voicing.ts to restore.
  [/わが(?=ん|らな|らね)/g, "わか"],
  // Tsugaru's and Akita's 「わがね」 (no good, it won't do: 「なんぼやってもわがね」), without the ら of わからない; not
  // 「わがねこ」 (my cat).
  [/わがね[ぇえー]?(?=ん)/g, "だめな"],
  [/わがね(?!こ)[ぇえー]?/g, "だめ"],
  // Hokkaido's and Tohoku's spontaneous potential of 送る (「なんぼやってもおくらさらない」「送らさね」: it won't go
  // however I try): 送れない.
  [/(おく|送)らさらな/g, "$1れな"],
  [/(おく|送)らさら?(?:ね[ぇえー]?|ん)/g, "$1れない"],
  // Tohoku's question in だが and だか after a noun (「人だが？」「機械だか？」: なの？), only asked (a question mark):
  // not なんだか, だれだか, いつだか (ん, れ, つ before it), nor the blunt 〜んだが of "but" (above); and its you,
  // 「おめ」「おめえ」 before a pause or a particle (not おめでとう).
  [/(?<![んれこつちのよそなた])だ[がか](?=[？?])/g, "なの"],
  [/おめ[ぇえー]?(?=[、,\s]|さん|は|が)/g, "あなた"],
  // Northern Kanto's (Ibaraki, Tochigi) question in け after a plain sentence (「いっぱいってことけ？」「届くんけ？」):
  // 〜ってこと？, 〜の？ at a sentence's end; not 〜だっけ (っ before it).
  // Asked still where no question mark follows (「間違うとるっちゅうことけ」 is no fact told).
  [/ことけ[ー〜]?(?=[？?])/g, "こと"],
  [/ことけ[ー〜]?(?=[。!！]|$)/g, "こと？"],
  [/(?<=[うくすつぬむるぐぶいたなだ])んけ[ー〜]?(?=[？?])/g, "の"],
  [/(?<=[うくすつぬむるぐぶいたなだ])んけ[ー〜]?(?=[。!！]|$)/g, "の？"],
  // Hokkaido's and Tohoku's なんぼ before a try (「なんぼやっても」「なんぼ送り直しても」: no matter how many times): 何回,
  // as the examples of tries that keep failing say it; not the なんぼ of how much (「なんぼまで送れる」).
  [/なんぼ(?=やって|やりなお|おく|おぐ|送|だして|出して|ため|試|かけなお)/g, "何回"],
  // Chugoku's, Shikoku's and Kyushu's guess or question in じゃろ (「どう伝えたらええんじゃろか」): だろう, a wonder (not
  // でしょ: 「いいんでしょ」 reads as a sneer). And 言う typed as said (「なんてゆうたらええ」「ゆってた」): 言った, 言って.
  [/じゃろう?(?=か|[？?。、!！]|$)/g, "だろう"],
  [/ゆ[うっ]た(?=ら|[？?。、!！]|$)/g, "言った"],
  [/ゆ[うっ]て(?![んる])/g, "言って"],
  // Iyo's and Izumo's thanks, 「だんだん」, closing a sentence (「ようわかったけん、だんだん」「だんだんね、」): ありがとう; not
  // "gradually" (「だんだん遅くなる」「だんだんと」「だんだん、おそくなる」), which leads into what follows.
  [/だんだん(?=(?:な|ね|ねえ|さん|です)(?:[、。!！\s]|$)|[。!！]|$)/g, "ありがとう"],
  // Kansai's thanks 「おおきに」 and its 「おおきんな」 (Wakayama, Tosa), and the north's evening greeting 「おばんです」
  // (Tohoku, Hokkaido: 「おばんでした」「おばんかた」): ありがとう, こんばんは, as the examples write them.
  [/(?:おおきに|おおきん)な?/g, "ありがとう"],
  [/おばん(?:です|でした|でがす|かた|でございます)/g, "こんばんは"],
  // Tosa's いい (「何したらえいが」): after a condition, as ええ above.
  [/(たら|ば|ても)えい(?=が|の|か|[？?。、!！]|$)/g, "$1いい"],
  // A condition's ば with its dakuten dropped (flick input: 「まてはとどく？」「あどれすなおせはとどく？」): は after a
  // verb's conditional stem (せ, れ, け, め; て only of 待つ, 打つ, 持つ, 立つ), before what the condition leads to
  // (届く, いい, いける, 送れる, 大丈夫, 直る). Not これは, それは, あれは, どれは, だれは, だけは (こ, そ, あ, ど, だ before
  // it), nor a te form's は (「送ってはいけない」「してはだめ」: only ま, う, も, た before て).
  [/(?<![こそあどだ])([せれけめ])は(?=とど|届|いい|いけ|おく|送|だいじょ|大丈夫|なお|直)/g, "$1ば"],
  [/(?<=[まうもた])ては(?=とど|届|いい|いけ|おく|送|だいじょ|大丈夫|なお|直)/g, "てば"],
  // Spoken ておく after する closing a plan (「ここまでにしときます」「今日はやめにしとく」 of any region): しておく, as the
  // examples write it. Not its other forms (「返信しといたほうがいい？」 asks advice, read as typed).
  [/(?<!少)しと(?=く|き)/g, "してお"],
  // Kyushu's ending ばい after a plain sentence (「届かんばい」「来よるばい」: 届かない, as told without it); not the
  // ばい of 「ばいばい」.
  [/(?<![ばバ][いイ])(?<=[いるたんだ])ばい(?=[？?。、!！〜ー\s]|$)/g, ""],
  // Morioka's polite なはん closing a sentence (「またなはん」「したらなはん」): ね.
  [/なはん(?=[？?。、!！〜ー\s]|$)/g, "ね"],
  // Hokkaido's and Tohoku's したら and したっけ opening a message (「したらまたな」「したっけね」「そしたらまたね」: じゃあ),
  // a goodbye's or a next question's "then"; not 「したら戻ってきた」 (when I did, it came back).
  [/^(?:そ)?したら(?=また|ね|な|[、,。!！〜ー\s]|$)/g, "じゃあ"],
  [/^したっけ(?=ね|な|また|[、,。!！〜ー\s]|$)/g, "じゃあ"],
  // Blunt speech, not Kansai: 「来たんだが何これ」 (んだけど).
  // Opening a text, Tohoku's 「なんだが」 is なんだか with its k voiced (「なんだがわがんねぇ」: somehow I don't get it).
  [/^なんだが/g, "なんだか"],
  [/んだが/g, "んだけど"],
  // Spoken short forms anywhere: 「入ってんの」 (入ってるの), 「してんだ」 (してるんだ). Not the carrier's name
  // (「らくてんのけいたい」 is Rakuten's, no 「らくてるの」).
  [/(?<!らく)([てで])ん(?=の)/g, "$1る"],
  [/([てで])んだ/g, "$1るんだ"],
];

/**
 * Laughter typed as w's after Japanese (「来たんだがｗｗｗ何これｗｗ」), read as the 笑 it is. Looked
 * for on its own (English texts hold w's too: the rules above are not run for them).
 */
const LAUGHTER = /(?<=[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー])[wｗ]+(?![a-zａ-ｚ])/gu;

/** Rules tried only when the text holds one of these (most texts hold none: one indexOf each). */
const MARKERS = [
  "へん",
  "ひん",
  "あかん",
  "アカン",
  "明かん",
  "ええ",
  "どない",
  "ドナイ",
  "ほんま",
  "ホンマ",
  "やろ",
  "やん",
  "ねん",
  "ん?",
  "ん？",
  "んか",
  "しゃあない",
  "ほな",
  "ほんなら",
  "わい",
  "とる",
  "とった",
  "とらん",
  "ばっかい",
  "くっと",
  "んだが",
  "てん",
  "でん",
  "どる",
  "ちゃう",
  "届かん",
  "とどかん",
  "送れん",
  "おくれん",
  "しらん",
  "知らん",
  "できん",
  "出来ん",
  "使えん",
  "つかえん",
  "とまらん",
  "止まらん",
  "へらん",
  "減らん",
  "見つからん",
  "みつからん",
  "しと",
  "けえって",
  "けんど",
  "ねえ",
  "ねぇ",
  "ねー",
  "っかん",
  "ねっちゃ",
  "だい",
  "けぇ",
  "けえ",
  "ってぇの",
  "了見",
  "おおき",
  "おばん",
  "と?",
  "と？",
  "よる",
  "よった",
  "っちゃけど",
  "じゃけど",
  "かいね",
  "っぺ",
  "べ",
  "なして",
  "ちまった",
  "わが",
  "えい",
  "どがん",
  "どぎゃん",
  "どげ",
  "よか",
  "おおけ",
  "ずら",
  "やざ",
  "じょ",
  "だら",
  "だに",
  "もんで",
  "くりょ",
  "けろ",
  "てけれ",
  "でけれ",
  "らさら",
  "らさね",
  "だが?",
  "だが？",
  "だか?",
  "だか？",
  "おめ",
  "ことけ",
  "りゃ",
  "なんぼ",
  "んけ",
  "じゃろ",
  "ゆうた",
  "ゆった",
  "ゆうて",
  "ゆって",
  "だんだん",
  "だども",
  "てぇん",
  "なんも",
  "ばい",
  "なはん",
  "てえん",
  "せは",
  "れは",
  "けは",
  "めは",
  "ては",
];

/** Rules tried too when the text opens with one of these (a startsWith each: 「したら」 inside a text is common). */
const OPENERS = ["したら", "そしたら", "したっけ"];

/**
 * Whether what stands right before `at` is a verb whose stem is one kanji (`verbs`), alone: at the text's start or
 * after a letter that is no kanji (「来ちゃう」「先に見ちゃう」; not the 着 of 到着, a noun).
 */
function afterOneKanjiVerb(whole: string, at: number, verbs: readonly string[]): boolean {
  if (at < 1 || !verbs.includes(whole[at - 1]!)) return false;
  return at === 1 || !KANJI_LETTER.test(whole[at - 2]!);
}
const KANJI_LETTER = /\p{Script=Han}/u;

/** The text with its regional endings (and a condition's dropped dakuten) in standard forms, or undefined when it has none. */
export function standardSpelling(text: string, oneKanjiVerbs: readonly string[]): string | undefined {
  let out = text;
  if (MARKERS.some((m) => text.includes(m)) || text.endsWith("と") || OPENERS.some((o) => text.startsWith(o)))
    for (const [pattern, to] of RULES)
      out =
        typeof to === "string"
          ? out.replace(pattern, to)
          : out.replace(pattern, (match: string, at: number, whole: string) =>
              to(match, at, whole, oneKanjiVerbs),
            );
  // Read as the 笑 it stands for (not dropped): a laugh at oneself tells the feeling beside it is none
  // (feelings/played-down.ts `withoutLaughedOff`: 「なんだよー、全角だっただけかｗ」).
  if (out.includes("w") || out.includes("ｗ")) out = out.replace(LAUGHTER, "笑");
  return out === text ? undefined : out;
}
