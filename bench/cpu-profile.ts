import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** A V8 .cpuprofile (node --cpu-prof). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled milliseconds in the window, idle excluded. */
  busyMs: number;
  self: { category: string; ms: number }[];
  inclusive: { category: string; ms: number }[];
  topFunctions: { name: string; category: string; ms: number }[];
}

/**
 * What the bundled code was before bundling, to a package or a folder of this app: the server
 * chunks under .next and Next's compiled runtime (React's renderers inside it) ship source maps.
 */
const CATEGORIES: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/react-dom-server[\w.-]*\.js/, "react-dom/server (HTML render, Fizz)"],
  [/react-server-dom-[\w-]+-server[\w.-]*\.js/, "react-server-dom/server (RSC render, flight serialisation)"],
  [/react-server-dom-[\w-]+-client[\w.-]*\.js/, "react-server-dom/client (flight decoding for the HTML render)"],
  [/(?:node_modules|compiled)\/(?:react|react-dom|scheduler)\//, "react (other)"],
  [/@mantine\/\w+\/(?:esm|src)\/(?:core\/)?(?:components\/)?([\w-]+)/, (m) => `@mantine: ${m[1]}`],
  [/(?:next-intl|use-intl|intl-messageformat|@formatjs)/, "next-intl / use-intl (messages, formatting)"],
  [/(?:next-auth|@auth\/core|\/jose\/|oauth4webapi|@panva)/, "auth (next-auth, jose)"],
  [/(?:\/pg\/|pg-protocol|pg-pool|pg-types|postgres-|drizzle-orm)/, "database client (pg, drizzle)"],
  [/node_modules\/zod\//, "zod"],
  [/node_modules\/@tanstack\//, "@tanstack"],
  [/(?:node_modules\/next\/|webpack:\/\/next\/)/, "next (server, app render, router)"],
  [/node_modules\/([^/]+)/, (m) => `other package: ${m[1]}`],
  [/\/work\/[\w-]+\/(app|components|lib|db)\//, (m) => `app code: ${m[1]}/`],
  [/^node:(?:internal\/)?(\w+)/, (m) => `node: ${m[1]}`],
];

function categorise(source: string): string {
  for (const [pattern, name] of CATEGORIES) {
    const match = source.match(pattern);
    if (match) return typeof name === "string" ? name : name(match);
  }
  return source === "" ? "(native, GC, program)" : `other: ${source.slice(0, 60)}`;
}

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(path: string): SourceMap | null {
  if (!maps.has(path)) {
    let map: SourceMap | null = null;
    try {
      if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(path, map);
  }
  return maps.get(path)!;
}

/** The original source file of a frame (through the source map when there is one), else its URL. */
function originalSource(frame: CpuProfile["nodes"][number]["callFrame"]): { source: string; line: number } {
  if (!frame.url.startsWith("file://")) return { source: frame.url, line: frame.lineNumber + 1 };
  const path = fileURLToPath(frame.url);
  const entry = sourceMapOf(path)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  let source = path;
  if (entry?.originalSource) {
    const original = decodeURIComponent(entry.originalSource.replace(/^file:\/\//, ""));
    // Turbopack names sources "[project]/…"; other maps are relative to the bundle.
    source = original.startsWith("[project]/") ? `/work/project/${original.slice(10)}` : /^\w+:\/\//.test(original) ? original : resolve(dirname(path), original);
  }
  return { source: source.replace(/^.*?\/node_modules\//, "node_modules/"), line: (entry?.originalLine ?? frame.lineNumber) + 1 };
}

/** Self and inclusive time by category, and the functions with the most self time, of the samples between `from` and `to` (µs, monotonic clock). */
export function summariseProfile(file: string, from: number, to: number): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const where = new Map<number, { category: string; label: string }>();
  const whereOf = (id: number) => {
    if (!where.has(id)) {
      const frame = byId.get(id)!.callFrame;
      const { source, line } = originalSource(frame);
      const category = frame.url === "" ? `(${frame.functionName || "native"})`.replace("((", "(").replace("))", ")") : categorise(source);
      where.set(id, { category, label: `${frame.functionName || "(anonymous)"} ${source}:${line}` });
    }
    return where.get(id)!;
  };

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, { category: string; ms: number }>();
  let busy = 0;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i]!;
    if (time < from || time > to) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = profile.samples[i]!;
    const { category, label } = whereOf(leaf);
    if (category === "(idle)") continue;
    busy += ms;
    self.set(category, (self.get(category) ?? 0) + ms);
    const fn = functions.get(label) ?? { category, ms: 0 };
    fn.ms += ms;
    functions.set(label, fn);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) seen.add(whereOf(id).category);
    // "@mantine: Box" and "@mantine: Table" also count, once, as "@mantine (all)"; so for app code and node.
    for (const c of [...seen]) if (c.includes(": ")) seen.add(`${c.split(": ")[0]} (all)`);
    for (const c of seen) inclusive.set(c, (inclusive.get(c) ?? 0) + ms);
  }
  // Everything runs under the event loop: those frames say nothing of where the time goes.
  for (const loop of ["(root)", "(runMicrotasks)", "node: process", "node: async_hooks", "node: timers", "node (all)"]) inclusive.delete(loop);
  const sorted = (m: Map<string, number>) => [...m].map(([category, ms]) => ({ category, ms })).sort((a, b) => b.ms - a.ms);
  return {
    busyMs: busy,
    self: sorted(self),
    inclusive: sorted(inclusive),
    topFunctions: [...functions].map(([name, f]) => ({ name, ...f })).sort((a, b) => b.ms - a.ms).slice(0, 25),
  };
}
