/**
 * Failpoints: named places in a job where a fault test can stop the process (APB_FAILPOINT=<name>:
 * the worker announces it on stdout and waits there until it is killed) or slow it down
 * (APB_FAILPOINT=<name>:sleep=<ms>). Each fires once per process, so the retry in the same
 * process goes through. Off unless the variable is set, and never in production.
 */
const fired = new Set<string>();

export async function failpoint(name: string): Promise<void> {
  const setting = process.env.APB_FAILPOINT;
  if (!setting || process.env.APP_ENV === "production") return;
  const [wanted, action] = setting.split(":");
  if (wanted !== name || fired.has(name)) return;
  fired.add(name);
  console.log(`[failpoint] ${name} reached`);
  const sleep = /^sleep=(\d+)$/.exec(action ?? "");
  await new Promise<void>((resolve) => {
    if (sleep) setTimeout(resolve, Number(sleep[1]));
    // Otherwise: wait here for good; the test kills the process.
  });
}
