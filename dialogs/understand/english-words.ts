/**
 * Everyday English words of four letters or more, each a word of its own: typo tolerance (one edit: scope.ts
 * knowsEnglish, respell.ts) never turns one of them into another word. "weather" is one letter from "whether",
 * "side" from "size", "post" from "host", "main" from "mail": typed, they are what they say ("what's the
 * weather like" is small talk, not a question of ours). A word the data itself holds is known as it is.
 *
 * Our own list, not a dictionary package: the ones on the registry hold 100 words (too few: none of the above)
 * or 275,000 (rare words such as "adress" variants and names, which would stop real typos from being read,
 * and megabytes loaded at start-up). What matters is the words people type in a chat beside ours: small talk
 * (weather, food, sport, travel, family, work, feelings) and everyday verbs, nouns and adjectives.
 */
export const COMMON_ENGLISH: ReadonlySet<string> = new Set(
  `
  weather rain rainy raining snow snowy snowing sunny cloudy windy storm typhoon hurricane forecast temperature
  cold warm cool heat hottest coldest humid tomorrow tonight weekend yesterday morning evening afternoon
  today week month year summer winter spring autumn season holiday holidays birthday christmas
  food lunch dinner breakfast meal snack pizza burger sushi ramen noodles rice bread cake coffee beer wine
  drink drinks water milk juice fruit apple banana meat fish chicken vegetables recipe cook cooking kitchen
  restaurant cafe menu favourite favorite taste tasty delicious hungry thirsty
  sport sports football soccer baseball basketball tennis golf game games match team player score
  movie movies film films music song songs band singer concert book books novel read reading story
  anime manga show shows series drama comic comics video videos photo photos picture pictures camera
  travel trip train trains plane flight airport hotel ticket tickets station beach mountain river lake
  city town country japan tokyo osaka kyoto world map road street park car cars bike bicycle drive driving
  family mother father mom mum dad sister brother daughter son wife husband friend friends baby child
  children kids grandma grandpa parents people person human pet pets dog dogs cat cats bird horse
  house home room bed sleep sleepy tired bored happy sad angry funny joke jokes laugh smile love like likes
  hate hope wish dream life live lives alive dead die health sick doctor hospital medicine pain head
  school class teacher student homework exam test study job work office boss company meeting money price
  cost cheap expensive shop shopping store buy sell sale gift present clothes shoes shirt dress hat bag
  phone call text chat talk speak tell told ask asked answer question questions help
  name age old young new big small long short tall fast slow hot high low good bad best worst nice great
  cool fine okay right wrong true false real fake easy hard simple difficult same different other
  come came go going went gone make made take took give gave find found keep kept leave left let
  look looks looking see saw seen watch watching listen hear heard feel felt think thought know knew
  want wanted need needed try tried use used play played sing dance swim walk run ran sit stand wait
  open close closed start stop begin end finish win lose lost won beat move stay turn bring carry hold
  side post most main male mall sale tale tail sail fail file fill fell full fall ball call tall wall
  mile mild mind kind find wind wine line lion time tile tire tired fire hire wire wise rise rose nose
  hose cost past fast last mast vast east west north south
  `
    .split(/\s+/)
    .filter((w) => w.length >= 4),
);

/**
 * English words of four letters or more that name no subject ("what", "this", "will", "like"): a text shares
 * them with a question by grammar only, so they do not count as a shared word against a thing nothing of ours
 * knows (scope.ts: "what's the weather like this weekend" shares only "weekend" with the chat's hours).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `
  what whats when where which while whom whose with within without will would could should shall might must
  this that thats these those there theres their theirs they them then than have having been were does doing
  done from into onto upon about like just some more most much many very also only even here your yours ours
  going gonna wanna gotta each every other another such same both either neither over under after before
  because though although still again ever never always maybe perhaps really actually please thanks
  `
    .split(/\s+/)
    .filter((w) => w.length >= 4),
);
