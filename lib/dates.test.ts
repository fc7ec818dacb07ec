import { describe, expect, it } from "vitest";
import { todayInBrussels, validIsoDate } from "./dates";

describe("validIsoDate", () => {
  it.each(["2026-02-28", "2024-02-29", "1990-01-01", "2100-12-31"])("accepts %s", (text) => expect(validIsoDate(text)).toBe(text));
  it.each(["2026-02-31", "2025-02-29", "0000-01-01", "1989-12-31", "2101-01-01", "2026-1-1", "26-01-01", "", null, undefined])("refuses %j", (text) =>
    expect(validIsoDate(text)).toBeNull(),
  );
});

describe("todayInBrussels", () => {
  it("is already tomorrow in Brussels late in the evening UTC", () => {
    expect(todayInBrussels(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  });
});
