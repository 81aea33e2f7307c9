import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { builtinModules } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RUNTIME_ENV, RUNTIME_NODE_FLAGS } from "../scripts/build.ts";

/**
 * No Docker engine runs here, so the image is checked statically: the Dockerfile is parsed into stages
 * and instructions, and what can be run without Docker is run (the HEALTHCHECK command, the import
 * check that production dependencies suffice).
 */

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  image: string;
  name: string;
  steps: Instruction[];
}

/** Dockerfile → stages; continuation lines joined, comments dropped, ARG defaults substituted in FROM. */
function parseDockerfile(text: string): Stage[] {
  const joined = text.replace(/\\\r?\n/g, " ");
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [, op = "", rest = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { op: op.toUpperCase(), args: rest.replace(/\s+/g, " ") };
    if (instruction.op === "ARG" && stages.length === 0) {
      const [name = "", value = ""] = instruction.args.split("=");
      args[name] = value;
    } else if (instruction.op === "FROM") {
      const [image = "", , name = ""] = instruction.args
        .replace(/\$\{(\w+)\}/g, (_, n) => args[n] ?? "")
        .split(" ");
      stages.push({ image, name, steps: [] });
    } else {
      stages.at(-1)?.steps.push(instruction);
    }
  }
  return stages;
}

const stages = parseDockerfile(readFileSync(join(root, "Dockerfile"), "utf8"));
const runtime = stages.at(-1)!;
const find = (stage: Stage, op: string) => stage.steps.filter((s) => s.op === op);

/** The stages whose files end up in the runtime image (COPY --from=…). */
function copiedFrom(stage: Stage): Stage[] {
  return find(stage, "COPY")
    .map((c) => /--from=(\S+)/.exec(c.args)?.[1])
    .map((name) => stages.find((s) => s.name === name))
    .filter((s): s is Stage => s !== undefined);
}

describe("Dockerfile", () => {
  it("is multi-stage and runs on Node 20 slim (Debian bookworm)", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.image).toMatch(/^node:20(\.\d+)*-bookworm-slim$/);
  });

  it("type-checks in a stage with the dev dependencies, and the runtime copies from it (so BuildKit runs it)", () => {
    const checked = copiedFrom(runtime).find((s) =>
      find(s, "RUN").some((r) => r.args.includes("npm run typecheck")),
    );
    expect(checked?.name).toBeTruthy();
    expect(find(checked!, "RUN").some((r) => /npm ci(?!.*--omit=dev)/.test(r.args))).toBe(true);
    // the checked sources reach the runtime, its node_modules (with dev dependencies) do not
    expect(find(checked!, "RUN").some((r) => r.args.includes("rm -rf node_modules"))).toBe(true);
  });

  it("takes node_modules only from a stage that ran npm ci --omit=dev", () => {
    const modules = find(runtime, "COPY").filter((c) => c.args.includes("node_modules"));
    expect(modules).toHaveLength(1);
    const from = stages.find((s) => s.name === /--from=(\S+)/.exec(modules[0]!.args)?.[1]);
    expect(find(from!, "RUN").some((r) => r.args.includes("npm ci --omit=dev"))).toBe(true);
    expect(find(runtime, "RUN").filter((r) => /npm (ci|install)(?!.*--omit=dev)/.test(r.args))).toEqual([]);
  });

  it("runs as a non-root user from USER on to CMD", () => {
    const ops = runtime.steps.map((s) => s.op);
    const users = find(runtime, "USER").map((u) => u.args.split(":")[0]);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)$/);
    expect(ops.lastIndexOf("USER")).toBeLessThan(ops.lastIndexOf("CMD"));
  });

  it("exposes port 3000 and runs the compiled entry point of npm start with the production V8 flags", () => {
    expect(find(runtime, "EXPOSE").map((e) => e.args)).toEqual(["3000"]);
    const cmd = JSON.parse(find(runtime, "CMD").at(-1)!.args) as string[];
    const entry = /^(?:\S+=\S* )*node (?:\S+ )*--import tsx (\S+)\.ts$/.exec(pkg.scripts.start!)?.[1];
    expect(cmd).toEqual(["node", ...RUNTIME_NODE_FLAGS, `dist/${entry}.js`]);
    // dist/ is made by npm run build in a stage the runtime copies from
    const built = copiedFrom(runtime).find((s) =>
      find(s, "RUN").some((r) => r.args.includes("npm run build")),
    );
    expect(built).toBeDefined();
    expect(pkg.scripts.build).toBe("node --import tsx scripts/build.ts");
  });

  it("npm start runs the TypeScript with the same V8 flags and environment, so its heap and malloc are production's", () => {
    // Neither can be set from inside the process (the heap is sized, and glibc's malloc reads MALLOC_ARENA_MAX,
    // before any code runs), so package.json names them; scripts/build.ts RUNTIME_NODE_FLAGS and RUNTIME_ENV stay
    // their one source.
    const env = Object.entries(RUNTIME_ENV).map(([name, value]) => `${name}=${value} `);
    expect(pkg.scripts.start).toBe(
      `${env.join("")}node ${RUNTIME_NODE_FLAGS.join(" ")} --import tsx bot/main.ts`,
    );
  });

  it("npm start's command line, as npm's shell runs it, gives the process that environment and those flags", () => {
    // The start script with a probe in place of bot/main.ts: what the started process sees.
    const dir = mkdtempSync(join(tmpdir(), "start-"));
    const probe = join(dir, "probe.mjs");
    writeFileSync(
      probe,
      "process.stdout.write(JSON.stringify({ env: process.env, flags: process.execArgv }));\n",
    );
    try {
      const command = pkg.scripts.start!.replace("bot/main.ts", probe);
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !(name in RUNTIME_ENV)));
      const seen = JSON.parse(execFileSync("sh", ["-c", command], { cwd: root, env, encoding: "utf8" })) as {
        env: Record<string, string>;
        flags: string[];
      };
      for (const [name, value] of Object.entries(RUNTIME_ENV)) expect(seen.env[name]).toBe(value);
      expect(seen.flags).toEqual(expect.arrayContaining([...RUNTIME_NODE_FLAGS]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sets the production environment of scripts/build.ts (RUNTIME_ENV), as the benchmark runs the app", () => {
    const env = find(runtime, "ENV").flatMap((e) => e.args.split(" "));
    for (const [name, value] of Object.entries(RUNTIME_ENV)) expect(env).toContain(`${name}=${value}`);
  });

  it("keeps local secrets, modules and git history out of the build context", () => {
    const ignored = readFileSync(join(root, ".dockerignore"), "utf8").split("\n");
    for (const entry of ["node_modules", ".git", ".env"]) expect(ignored).toContain(entry);
  });
});

describe("the HEALTHCHECK command", () => {
  const healthcheck = find(runtime, "HEALTHCHECK").at(-1)!;
  const command = JSON.parse(/CMD (\[.*\])$/.exec(healthcheck.args)![1]!) as string[];

  /** Runs the HEALTHCHECK command as Docker would, against a server on PORT; resolves to its exit code. */
  async function probe(status: number | "down"): Promise<number | null> {
    let server: Server | undefined = createServer((req, res) => {
      res.statusCode = req.url === "/healthz" ? (status as number) : 404;
      res.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    if (status === "down") {
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
    // Asynchronously (a sync spawn would block the server above), with the node running these tests.
    const child = spawn(process.execPath, command.slice(1), { env: { ...process.env, PORT: String(port) } });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    server?.close();
    return code;
  }

  it("asks /healthz with node (no curl in the slim image), with a timeout", () => {
    expect(healthcheck.args).toMatch(/--timeout=\d+s/);
    expect(command[0]).toBe("node");
    expect(command.join(" ")).toContain("/healthz");
  });

  it.each([
    [200, 0],
    [503, 1],
    ["down", 1],
  ] as const)("exits %s → %i", async (status, code) => {
    expect(await probe(status)).toBe(code);
  });
});

describe("production dependencies", () => {
  // What the running image imports must be in "dependencies": the image has no devDependencies.
  const runtimeDirs = ["platform", "bot", "dialogs", "knowledge", "simulator", "scripts"];
  // run by a developer or the tests, not in the image
  const devOnlyScripts = new Set([
    "scripts/richmenu-image.ts",
    "scripts/chromium.ts",
    "scripts/screenshot.ts",
    "scripts/local-server.ts",
    "scripts/phone-screenshot.ts",
    "scripts/screenshot-bounces.ts",
    "scripts/bundle-tools.ts", // npm run build, in the image's build stage (dev dependencies there)
  ]);

  function sources(dir: string): string[] {
    if (!existsSync(join(root, dir))) return [];
    return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.includes("node_modules"))
      .map((f) => `${dir}/${f}`)
      .filter((f) => !devOnlyScripts.has(f));
  }

  function packagesImportedBy(file: string): string[] {
    const text = readFileSync(join(root, file), "utf8");
    const specifiers = [
      ...text.matchAll(/^\s*import\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm),
      ...text.matchAll(/^\s*export\s+(?!type\s)[^"';]*?\sfrom\s+["']([^"']+)["']/gm),
      ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      // bot/line-sdk.ts finds the SDK's modules from its entry point at run time.
      ...text.matchAll(/\bimport\.meta\.resolve\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    return specifiers
      .filter((s) => !s.startsWith(".") && !s.startsWith("node:") && !builtinModules.includes(s))
      .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!));
  }

  it("cover every package the app's code imports", () => {
    const missing = runtimeDirs
      .flatMap(sources)
      .flatMap((file) => packagesImportedBy(file).map((p) => `${file} imports ${p}`))
      // Optional ones are the OCR route for machines without Debian's tesseract (the image has it).
      .filter((line) => {
        const name = line.split(" imports ")[1]!;
        return !(name in pkg.dependencies) && !(name in (pkg.optionalDependencies ?? {}));
      });
    expect(missing).toEqual([]);
  });

  it("the check itself sees imports (guard against a regex that matches nothing)", () => {
    expect(packagesImportedBy("bot/line-sdk.ts")).toContain("@line/bot-sdk");
    expect(packagesImportedBy("bot/app.ts")).toContain("express");
    expect(packagesImportedBy("dialogs/stores/index.ts")).toContain("ioredis");
  });
});
