import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { readUploadedFile } from "./read-upload";

function uploadRequest(fileName: string, content: Buffer | string, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", new File([typeof content === "string" ? content : new Uint8Array(content)], fileName));
  return new Request("http://localhost/api/x", { method: "POST", body: form, headers });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readUploadedFile", () => {
  it("returns the one file of the form", async () => {
    const file = await readUploadedFile(uploadRequest("lijst.xlsx", "inhoud"), 1024);
    expect(file).toMatchObject({ fileName: "lijst.xlsx" });
    expect(file.content.toString()).toBe("inhoud");
  });

  it("answers 413 for a body over the limit, by its declared length or as it streams in", async () => {
    const big = Buffer.alloc(200 * 1024, 65);
    const declared = await refusal(readUploadedFile(uploadRequest("lijst.xlsx", big), 1024));
    expect(declared.details?.status).toBe(413);
    const streamed = new Request("http://localhost/api/x", {
      method: "POST",
      body: new ReadableStream({ start(c) { for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(64 * 1024)); c.close(); } }),
      // @ts-expect-error Node's fetch needs it for a streamed body
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect((await refusal(readUploadedFile(streamed, 1024))).details?.status).toBe(413);
  });

  it("refuses path-like, control-character and endless file names", async () => {
    for (const name of ["../../etc/passwd.xlsx", "C:\\Users\\jan\\lijst.xlsx", "lijst\u0000.xlsx", "a\nb.xlsx", `${"x".repeat(300)}.xlsx`, ".."]) {
      const error = await refusal(readUploadedFile(uploadRequest(name, "x"), 1024));
      expect(error.message, JSON.stringify(name)).toMatch(/bestandsnaam is ongeldig/);
    }
  });

  it("refuses a form without a file", async () => {
    const form = new FormData();
    form.append("iets", "anders");
    expect((await refusal(readUploadedFile(new Request("http://localhost/x", { method: "POST", body: form }), 1024))).message).toMatch(/Kies een bestand/);
  });
});
