/** Limits every upload is checked against before and while it is read. */
export interface UploadLimits {
  /** Size of the uploaded file itself. */
  maxBytes: number;
  /** Sum of the declared sizes of all parts of an .xlsx once unpacked. */
  maxUncompressedBytes: number;
  /** Unpacked / packed size of one part; only checked for parts over 1 MB unpacked. */
  maxCompressionRatio: number;
  maxRows: number;
  maxColumns: number;
  maxDefinedNames: number;
}

const MB = 1024 * 1024;

function envBytes(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  maxBytes: envBytes("UPLOAD_MAX_BYTES", 20 * MB),
  maxUncompressedBytes: 200 * MB,
  maxCompressionRatio: 100,
  maxRows: 200_000,
  maxColumns: 200,
  maxDefinedNames: 1_000,
});

/** Parts of an .xlsx beyond this count are refused: real workbooks have tens, not thousands. */
export const MAX_ZIP_ENTRIES = 10_000;
