import { describe, expect, it } from "vitest";
import { quantile, summarize } from "./harness";

describe("bench harness", () => {
  it("summarises samples as median, min and max", () => {
    expect(summarize("x", "s", [3, 1, 2])).toEqual({ name: "x", unit: "s", median: 2, min: 1, max: 3, runs: 3 });
    expect(summarize("x", "s", [4, 1, 2, 3]).median).toBe(2.5);
  });

  it("takes the nearest-rank quantile", () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(quantile(values, 0.95)).toBe(190);
    expect(quantile([5], 0.95)).toBe(5);
  });
});
