import type { ReferenceKindKey } from "@/lib/domain/reference/reference-kinds";

/** A record as the browser gets it. */
export interface ReferenceRow {
  id: string;
  code: string;
  active: boolean;
  values: Record<string, string | null>;
  updatedAt: string;
}

/** What a list or form of one kind needs to know, as plain data for client components. */
export interface ReferenceListProps {
  kind: ReferenceKindKey;
  entityId: string | null;
  /** The fields besides code and active, in display order, with how they are edited. */
  fields: { key: string; type: string; required: boolean; example: string }[];
  rows: ReferenceRow[];
  canWrite: boolean;
  /** Choices for "family" (function profiles) and "parent" (units): code and label. */
  options: Record<string, { value: string; label: string }[]>;
}
