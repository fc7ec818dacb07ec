#!/usr/bin/env node
/**
 * CI's dependency check: fails on known high or critical advisories in production dependencies
 * (`npm audit --omit=dev`), except those accepted in audit-exceptions.json with a reason.
 * When the registry does not answer the audit (an offline mirror), it says so and does not fail:
 * there is nothing to judge, and the log shows it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const exceptions = JSON.parse(readFileSync(new URL("../audit-exceptions.json", import.meta.url), "utf8"));
let output;
try {
  output = execFileSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
} catch (error) {
  output = error.stdout ?? "";
}
let report;
try {
  report = JSON.parse(output);
} catch {
  console.warn("[audit] npm audit gave no report; dependencies not checked");
  process.exit(0);
}
if (report.error || !report.vulnerabilities) {
  console.warn(`[audit] the registry did not answer the audit (${report.error?.code ?? report.error?.summary ?? "no data"}); dependencies not checked`);
  process.exit(0);
}
const blocking = Object.values(report.vulnerabilities).filter(
  (v) => (v.severity === "high" || v.severity === "critical") && !exceptions.accepted.some((e) => e.package === v.name),
);
for (const v of blocking) console.error(`[audit] ${v.severity}: ${v.name} ${v.range} (${[].concat(v.via).map((x) => x.title ?? x).join("; ")})`);
if (blocking.length > 0) process.exit(1);
console.log(`[audit] no unaccepted high or critical advisories in production dependencies (${exceptions.accepted.length} accepted)`);
