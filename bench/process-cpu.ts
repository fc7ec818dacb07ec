import { readFileSync, readdirSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessTicks {
  pid: number;
  parent: number;
  command: string;
  ticks: number;
}

/** Every process's user + system CPU so far, from /proc (Linux); empty elsewhere. */
function allProcesses(): ProcessTicks[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const processes: ProcessTicks[] = [];
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // The command sits in parentheses and may itself hold spaces or parentheses.
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.push({ pid: Number(pid), parent: Number(fields[1]), command, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return processes;
}

/** CPU milliseconds so far of the app server (its process and descendants) and of every PostgreSQL process. */
export function cpuMilliseconds(serverPid: number): { server: number; database: number } {
  const processes = allProcesses();
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const underServer = (p: ProcessTicks) => {
    for (let at: ProcessTicks | undefined = p; at; at = byPid.get(at.parent)) if (at.pid === serverPid) return true;
    return false;
  };
  let server = 0;
  let database = 0;
  for (const p of processes) {
    if (p.command.startsWith("postgres")) database += p.ticks;
    else if (underServer(p)) server += p.ticks;
  }
  return { server: (server * 1000) / TICKS_PER_SECOND, database: (database * 1000) / TICKS_PER_SECOND };
}
