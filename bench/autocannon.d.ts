// The few parts of autocannon's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  interface Options {
    url: string;
    connections?: number;
    amount?: number;
    /** Seconds to run (instead of an amount). */
    duration?: number;
    /** Requests to cycle through, each connection in turn. */
    requests?: { path?: string; method?: string }[];
    headers?: Record<string, string>;
  }
  interface Result {
    errors: number;
    non2xx: number;
    requests: { total: number };
  }
  interface Instance extends PromiseLike<Result> {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
