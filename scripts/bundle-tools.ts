/**
 * node --import tsx scripts/bundle-tools.ts OUTDIR   (run by scripts/build.ts after tsc)
 *
 * Command-line tools that start often and run briefly (scripts/run-compiled.mjs) become one file each,
 * in place of tsc's output for them: loading a hundred modules one by one cost about 60 ms of CPU before
 * the first mail, in the main thread and again in each worker thread; one file takes a few ms.
 * A process of its own because esbuild's plugins need its asynchronous API and build() is synchronous.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const ROOT = join(import.meta.dirname, "..");

/** classify-core is the classify command's own bundle, loaded by it (and run by its worker threads) after it starts. */
export const BUNDLED_TOOLS = ["knowledge/cli/classify", "knowledge/cli/classify-core", "knowledge/cli/eval"];

/**
 * Bundles a tool's static imports into OUTDIR/<tool>.js. What it imports dynamically (OCR, mailparser)
 * is loaded on demand and stays a module of its own (tsc's output, or the package), so it still finds
 * its neighbours (the OCR child process's script) where tsc put them.
 */
async function bundleTool(tool: string, outDir: string): Promise<void> {
  const result = await build({
    entryPoints: [join(ROOT, `${tool}.ts`)],
    outfile: join(outDir, `${tool}.js`),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    allowOverwrite: true,
    metafile: true,
    logLevel: "warning",
    plugins: [
      {
        name: "dynamic-imports-stay-modules",
        setup(b) {
          b.onResolve({ filter: /^\./ }, (args) =>
            args.kind === "dynamic-import"
              ? { path: args.path.replace(/\.ts$/, ".js"), external: true }
              : undefined,
          );
        },
      },
    ],
  });
  // A bundled module that finds files next to itself (import.meta.url) would look beside the bundle.
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input === `${tool}.ts` || input.startsWith("node_modules/")) continue;
    if (readFileSync(join(ROOT, input), "utf8").includes("import.meta"))
      throw new Error(`${input} uses import.meta: it cannot be bundled into ${tool}.js`);
  }
}

if (process.argv[1] === import.meta.filename) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error("usage: scripts/bundle-tools.ts OUTDIR");
  for (const tool of BUNDLED_TOOLS) await bundleTool(tool, outDir);
}
