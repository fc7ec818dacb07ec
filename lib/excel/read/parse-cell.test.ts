import { describe, expect, it } from "vitest";
import type { NormalizedCell } from "./normalize-cell";
import { parseDateCell, parseDecimalCell, parseDigitsCell } from "./normalize-cell";

const text = (value: string): NormalizedCell => ({ kind: "text", text: value });
const num = (value: number): NormalizedCell => ({ kind: "number", value, text: String(value) });
const d1900 = { date1904: false };
const d1904 = { date1904: true };

describe("parseDateCell", () => {
  it("reads 1900-system serial numbers, including around Excel's phantom 29 February 1900", () => {
    expect(parseDateCell(num(45306), d1900)).toEqual({ ok: true, iso: "2024-01-15" });
    expect(parseDateCell(num(45306.75), d1900)).toEqual({ ok: true, iso: "2024-01-15" });
    expect(parseDateCell(num(1), d1900)).toEqual({ ok: true, iso: "1900-01-01" });
    expect(parseDateCell(num(59), d1900)).toEqual({ ok: true, iso: "1900-02-28" });
    expect(parseDateCell(num(60), d1900)).toEqual({ ok: false });
    expect(parseDateCell(num(61), d1900)).toEqual({ ok: true, iso: "1900-03-01" });
    expect(parseDateCell(num(0), d1900)).toEqual({ ok: false });
    expect(parseDateCell(num(-5), d1900)).toEqual({ ok: false });
  });

  it("reads 1904-system serial numbers (1462 days less)", () => {
    expect(parseDateCell(num(45306 - 1462), d1904)).toEqual({ ok: true, iso: "2024-01-15" });
    expect(parseDateCell(num(0), d1904)).toEqual({ ok: true, iso: "1904-01-01" });
  });

  it("reads ISO and Belgian day-first text", () => {
    for (const value of ["2024-01-15", "15/01/2024", "15/1/2024", "15-01-2024", "15.01.2024", " 15/01/2024\u00a0", "15/01/2024 00:00", "2024-01-15T10:00:00"]) {
      expect(parseDateCell(text(value), d1900), value).toEqual({ ok: true, iso: "2024-01-15" });
    }
    expect(parseDateCell(text("5/3/2024"), d1900)).toEqual({ ok: true, iso: "2024-03-05" });
    expect(parseDateCell(text("29/02/2024"), d1900)).toEqual({ ok: true, iso: "2024-02-29" });
  });

  it("refuses impossible, ambiguous and non-date text", () => {
    for (const value of ["31/02/2024", "29/02/2023", "15/13/2024", "15/01/24", "15/01-2024", "45306", "morgen", "2024-1-32", ""]) {
      expect(parseDateCell(text(value), d1900), value).toEqual({ ok: false });
    }
    expect(parseDateCell({ kind: "boolean", value: true, text: "WAAR" }, d1900)).toEqual({ ok: false });
    expect(parseDateCell({ kind: "empty" }, d1900)).toEqual({ ok: false });
  });

  it("takes a date cell's day as is", () => {
    expect(parseDateCell({ kind: "date", iso: "2023-12-31", text: "2023-12-31" }, d1904)).toEqual({ ok: true, iso: "2023-12-31" });
  });
});

describe("parseDecimalCell", () => {
  it("reads numbers and text with a decimal comma or point", () => {
    const cases: [string, number][] = [
      ["0,8", 0.8], ["0.8", 0.8], [" 1 ", 1], ["-1,5", -1.5], [",5", 0.5], ["1.234,5", 1234.5],
      ["1,234.5", 1234.5], ["1\u00a0234,5", 1234.5], ["1.234.567", 1234567], ["1,5E3", 1500], ["1.234", 1.234],
    ];
    for (const [input, value] of cases) expect(parseDecimalCell(text(input)), input).toEqual({ ok: true, value });
    expect(parseDecimalCell(num(0.35))).toEqual({ ok: true, value: 0.35 });
  });

  it("refuses what is not one number", () => {
    for (const input of ["", "abc", "1,2,3", "0,8 FTE", "1..2", "12.34.5", "--1"]) {
      expect(parseDecimalCell(text(input)), input).toEqual({ ok: false });
    }
    expect(parseDecimalCell({ kind: "date", iso: "2024-01-01", text: "2024-01-01" })).toEqual({ ok: false });
  });
});

describe("parseDigitsCell", () => {
  it("restores leading zeros of numbers and keeps those of text", () => {
    expect(parseDigitsCell(num(12345), 6)).toEqual({ ok: true, digits: "012345" });
    expect(parseDigitsCell(text("012345"), 6)).toEqual({ ok: true, digits: "012345" });
    expect(parseDigitsCell(text("12345"), 6)).toEqual({ ok: true, digits: "012345" });
    expect(parseDigitsCell(text(" 012345\u00a0"), 6)).toEqual({ ok: true, digits: "012345" });
  });

  it("reads '12345.0', '12345,0' and '1.2345E4' as 12345", () => {
    for (const input of ["12345.0", "12345,0", "1.2345E4", "1,2345E+4"]) {
      expect(parseDigitsCell(text(input), 6), input).toEqual({ ok: true, digits: "012345" });
    }
    expect(parseDigitsCell(num(12345.0000000001), 6)).toEqual({ ok: true, digits: "012345" });
  });

  it("refuses fractions, negatives, letters and too many digits", () => {
    for (const input of ["12345.5", "-12345", "A12345", "1234567", "", "1.2345E2"]) {
      expect(parseDigitsCell(text(input), 6), input).toEqual({ ok: false });
    }
    expect(parseDigitsCell(num(1234567), 6)).toEqual({ ok: false });
    expect(parseDigitsCell(num(123.4), 6)).toEqual({ ok: false });
    expect(parseDigitsCell(text("0012345"), 6)).toEqual({ ok: true, digits: "012345" });
  });
});
