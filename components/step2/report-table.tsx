"use client";

import { Alert, Modal, Table, UnstyledButton } from "@mantine/core";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ReportSort } from "@/lib/domain/step2/report-filters";
import type { ReportLine } from "@/lib/domain/step2/report-queries";
import { LoadedCorrectionForm } from "./correction-dialog";
import { PositionHistory } from "./position-history";
import { CompactButton } from "@/components/ui/compact-button";
import { PlainBadge, PlainCell, PlainRow } from "@/components/ui/plain-table";
import classes from "./report-table.module.css";

/** One column per fact a reviewer compares; who and where are two lines of one cell, so the table fits a 1440-px screen. */
const COLUMNS: { key: string; sort?: ReportSort; also?: ReportSort; align?: "right" }[] = [
  { key: "colour", sort: "colour" },
  { key: "name", sort: "name", also: "vlimpers" },
  { key: "position", sort: "position" },
  { key: "function", sort: "function" },
  { key: "grade", sort: "grade" },
  { key: "unit", sort: "unit" },
  { key: "fte", sort: "fte", align: "right" },
  { key: "reason" },
];

/**
 * The lines of the step-2 report (one page, sorted and filtered on the server). Blue lines carry
 * their colour as a badge and a left border, not by colour alone; each can be corrected and its
 * history opened.
 */
export function ReportTable({
  entityId,
  lines,
  canCorrect,
  sort,
  dir,
}: {
  entityId: string;
  lines: ReportLine[];
  canCorrect: boolean;
  sort: ReportSort;
  dir: "asc" | "desc";
}) {
  const t = useTranslations("step2");
  const tReasons = useTranslations("step1");
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [dialog, setDialog] = useState<{ mode: "correct" | "history"; line: ReportLine } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const sortHref = (column: ReportSort) => {
    const next = new URLSearchParams(searchParams.toString());
    next.set("sort", column);
    next.set("dir", sort === column && dir === "asc" ? "desc" : "asc");
    next.delete("page");
    return `${pathname}?${next.toString()}`;
  };

  const sortLink = (column: ReportSort, label: string) => (
    <UnstyledButton component={Link} href={sortHref(column)} fw={700} aria-label={t("sortBy", { column: label })}>
      {label} {column === sort ? (dir === "asc" ? "▲" : "▼") : "↕"}
    </UnstyledButton>
  );

  return (
    <>
      {notice && (
        <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)} mb="sm">
          {notice}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={960}>
        <Table withTableBorder highlightOnHover aria-label={t("title")}>
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((column) => (
                <Table.Th
                  key={column.key}
                  scope="col"
                  ta={column.align}
                  aria-sort={column.sort && column.sort === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {column.sort ? (
                    <>
                      {sortLink(column.sort, t(`col_${column.key}`))}
                      {column.also && <div className={classes.subtitle}>{sortLink(column.also, t(`col_${column.also}`))}</div>}
                    </>
                  ) : (
                    t(`col_${column.key}`)
                  )}
                </Table.Th>
              ))}
              {canCorrect && <Table.Th scope="col">{t("col_actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <PlainRow key={line.relationId} className={classes.line} data-colour={line.colour}>
                <PlainCell>
                  <PlainBadge color={line.colour}>{t(line.colour)}</PlainBadge>
                </PlainCell>
                <PlainCell>
                  {line.name}
                  <div className={classes.subtitle}>{t("relationOf", { vlimpers: line.vlimpers, relation: line.relationNumber })}</div>
                </PlainCell>
                <PlainCell>{line.positionNumber ?? "—"}</PlainCell>
                <PlainCell>
                  {line.functionCode ? (
                    <>
                      {line.functionCode}
                      <div className={classes.subtitle}>{line.functionTitle}</div>
                    </>
                  ) : (
                    "—"
                  )}
                </PlainCell>
                <PlainCell>{line.gradeCode ?? "—"}</PlainCell>
                <PlainCell>
                  {line.unitCode ?? "—"}
                  {line.costCentreCode && <div className={classes.subtitle}>{t("costCentreOf", { code: line.costCentreCode })}</div>}
                </PlainCell>
                <PlainCell align="right">{line.fte.toLocaleString("nl-BE")}</PlainCell>
                <PlainCell className={classes.reason}>{line.reason ? tReasons(`reason_${line.reason}`) : ""}</PlainCell>
                {canCorrect && (
                  <PlainCell>
                    {line.positionId && (
                      <div className={classes.actions}>
                        <CompactButton onClick={() => setDialog({ mode: "correct", line })} aria-label={`${t("correct")} ${line.positionNumber}`}>
                          {t("correct")}
                        </CompactButton>
                        <CompactButton variant="link" onClick={() => setDialog({ mode: "history", line })} aria-label={`${t("history")} ${line.positionNumber}`}>
                          {t("history")}
                        </CompactButton>
                      </div>
                    )}
                  </PlainCell>
                )}
              </PlainRow>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="lg"
        title={
          dialog?.mode === "correct"
            ? t("correctTitle", { number: dialog.line.positionNumber ?? "" })
            : dialog
              ? t("historyTitle", { number: dialog.line.positionNumber ?? "" })
              : ""
        }
      >
        {dialog?.mode === "correct" && (
          <LoadedCorrectionForm
            entityId={entityId}
            line={dialog.line}
            onDone={(message) => {
              setDialog(null);
              if (message) setNotice(message);
            }}
          />
        )}
        {dialog?.mode === "history" && dialog.line.positionId && <PositionHistory entityId={entityId} positionId={dialog.line.positionId} />}
      </Modal>
    </>
  );
}
