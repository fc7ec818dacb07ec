import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/**
 * Runs a bench script in a node process of its own (with tsx, and gc exposed) with one JSON
 * argument, and parses the last line it prints as JSON.
 */
export function runJsonChild<Output>(script: string, input: unknown): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", script, JSON.stringify(input)], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      if (code !== 0) return reject(new Error(`${path.basename(script)} exited with ${code}: ${stdout}`));
      try {
        resolve(JSON.parse(last) as Output);
      } catch {
        reject(new Error(`${path.basename(script)} printed no result: ${stdout}`));
      }
    });
  });
}
