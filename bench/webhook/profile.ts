/**
 * node --import tsx bench/webhook/profile.ts FILE.cpuprofile EVENTS [--from F] [--show CATEGORY]
 *
 * Where a bot's CPU time went, per event, by part of the assistant: a profile written by
 * `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" npm run bench:webhook` (README "Capacity", Tools).
 * Each busy sample goes to the nearest frame, from the leaf up, in the app's own code or a dependency
 * (dist/ or node_modules/): a regular expression, JSON.parse or a hash computed by our code counts as
 * our code's, and Node's internals count as whoever called them. Samples whose stack holds neither
 * (socket callbacks, timers, undici's stream continuations) are "node internals". `--from 0.3` skips
 * the first 30 % of the profile's time (start-up and the warm-up rounds); EVENTS is the number of
 * events the bot handled in what is left. `--show classifier` lists that category's files.
 * The profiler's overhead inflates every figure (by about a third in the text rounds).
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Our own code and its dependencies, by part (the first match wins). */
const CATEGORIES: [RegExp, string][] = [
  [/knowledge\/pii/, "masking (knowledge/pii)"],
  [/knowledge\/(classify|bounce|formats|reasons|codes|status-table|topic-of-reason)/, "classifier"],
  [
    /knowledge\/(symptom-text|knowledge|questions)|dialogs\/(understand|interpret|text-kind|text\.|feelings|dialect|sides|asking|events)/,
    "interpreter",
  ],
  [/dialogs\/(machine|conversation|intents|postback|diagnosis|recipients)/, "conversation and machine"],
  [/dialogs\/stores|dialogs\/session/, "session store"],
  [/bot\/recent-results/, "recent results"],
  [/bot\/render|platform\/line-limits/, "rendering"],
  [/bot\/(logger|log-destination)|pino|sonic-boom/, "logging"],
  [/bot\/(metrics|turn-metrics)|prom-client/, "metrics"],
  [/bot\/(keyed-queue|inbox)/, "keyed queue, inbox"],
  [/bot\/signature/, "signature check"],
  [/bot\/app\./, "webhook route (body, parse, ack)"],
  [/bot\/(line-call|line-client)/, "LINE calls (retries, timeouts)"],
  [/bot\/(handle-event|handlers|incoming|rate-limit|line-ids)/, "event routing, rate limit"],
  [/@line\/bot-sdk/, "SDK and fetch"],
  [/express|router|body-parser/, "express"],
  [/zod/, "zod"],
];

const own = (url: string) => /\/(dist|node_modules)\//.test(url);
const short = (url: string) => url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, "$1/");

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args.splice(at, 2)[1];
  };
  const from = Number(option("--from") ?? 0);
  const show = option("--show");
  const [file, eventsArg] = args;
  if (!file || !eventsArg) throw new Error("usage: profile.ts FILE.cpuprofile EVENTS [--from F] [--show C]");
  const events = Number(eventsArg);
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const duration = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const byCategory = new Map<string, number>();
  const byFile = new Map<string, number>();
  let clock = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    clock += delta;
    const leaf = byId.get(id)!.callFrame;
    if (clock < from * duration || leaf.functionName === "(idle)") return;
    busy += delta;
    let url: string | undefined;
    for (let at: number | undefined = id; at !== undefined && url === undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (own(frame.url)) url = short(frame.url);
    }
    const category =
      leaf.functionName === "(garbage collector)" || leaf.functionName === "(program)"
        ? leaf.functionName
        : url === undefined
          ? "node internals (sockets, HTTP, timers)"
          : (CATEGORIES.find(([pattern]) => pattern.test(url))?.[1] ?? url);
    byCategory.set(category, (byCategory.get(category) ?? 0) + delta);
    if (show && category.startsWith(show) && url) byFile.set(url, (byFile.get(url) ?? 0) + delta);
  });

  const perEvent = (micros: number) => (micros / events).toFixed(1).padStart(7);
  console.log(`busy ${perEvent(busy)} µs per event (with the profiler's overhead)`);
  for (const [category, micros] of [...byCategory].sort((a, b) => b[1] - a[1]))
    console.log(`${perEvent(micros)}  ${category}`);
  for (const [url, micros] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`    ${perEvent(micros)}  ${url}`);
}

main();
