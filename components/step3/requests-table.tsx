"use client";

import { Alert, Badge, Button, Modal, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { TemplateRequestRow } from "@/lib/domain/step3/template-requests";
import { LoadedRequestForm } from "./request-form";

/** The accepted rows of the template, each correctable online while the template may change. */
export function RequestsTable({ entityId, rows, canCorrect }: { entityId: string; rows: TemplateRequestRow[]; canCorrect: boolean }) {
  const t = useTranslations("step3");
  const format = useFormatter();
  const router = useRouter();
  const [editing, setEditing] = useState<TemplateRequestRow | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const done = (wasSaved: boolean) => {
    if (wasSaved && editing) {
      setSaved(editing.rowNumber);
      router.refresh();
    }
    setEditing(null);
  };
  return (
    <>
      {saved !== null && (
        <Alert color="green" role="status" mb="sm">
          {t("saved", { row: saved })}
        </Alert>
      )}
      <TableScrollContainer minWidth={1000}>
        <Table striped withTableBorder aria-label={t("requestsTitle")}>
          <TableThead>
            <TableTr>
              <TableTh scope="col">{t("col_row")}</TableTh>
              <TableTh scope="col">{t("col_for")}</TableTh>
              <TableTh scope="col">{t("col_decision")}</TableTh>
              <TableTh scope="col">{t("col_function")}</TableTh>
              <TableTh scope="col">{t("col_grade")}</TableTh>
              <TableTh scope="col">{t("col_unit")}</TableTh>
              <TableTh scope="col">{t("col_costCentre")}</TableTh>
              <TableTh scope="col">{t("col_dutyLocation")}</TableTh>
              <TableTh scope="col" ta="right">
                {t("col_fte")}
              </TableTh>
              <TableTh scope="col">{t("col_validFrom")}</TableTh>
              <TableTh scope="col">{t("col_position")}</TableTh>
              {canCorrect && <TableTh scope="col">{t("col_actions")}</TableTh>}
            </TableTr>
          </TableThead>
          <TableTbody>
            {rows.map((row) => (
              <TableTr key={row.id}>
                <TableTd>{row.rowNumber}</TableTd>
                <TableTd>{row.vlimpers ? `${row.name} (${row.vlimpers}/${row.relationNumber})` : <Text c="dimmed" size="sm">{t("freeRow")}</Text>}</TableTd>
                <TableTd>
                  <Badge variant="light" color={row.decision === "requested" ? "blue" : "gray"}>
                    {t(`decision_${row.decision}`)}
                  </Badge>
                  {row.notNeededReason && <Text size="xs">{row.notNeededReason}</Text>}
                </TableTd>
                <TableTd>{row.functionCode ? `${row.functionCode} – ${row.functionTitle ?? ""}` : ""}</TableTd>
                <TableTd>{row.gradeCode}</TableTd>
                <TableTd>{row.unitCode}</TableTd>
                <TableTd>{row.costCentreCode}</TableTd>
                <TableTd>{row.dutyLocationCode}</TableTd>
                <TableTd ta="right">{row.fte === null ? "" : format.number(row.fte, { maximumFractionDigits: 3 })}</TableTd>
                <TableTd>{row.validFrom ? format.dateTime(new Date(`${row.validFrom}T12:00:00Z`), { dateStyle: "short" }) : row.decision === "requested" ? t("validFromStep4") : ""}</TableTd>
                <TableTd>{row.positionNumber ?? ""}</TableTd>
                {canCorrect && (
                  <TableTd>
                    {/* A row whose position step 4 made is changed on that position, in the personnel plan. */}
                    {row.positionNumber === null && (
                      <Button size="compact-sm" variant="light" onClick={() => setEditing(row)} aria-label={t("correctRow", { row: row.rowNumber })}>
                        {t("correct")}
                      </Button>
                    )}
                  </TableTd>
                )}
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t("correctRow", { row: editing.rowNumber }) : ""} size="lg">
        {editing && <LoadedRequestForm entityId={entityId} row={editing} onDone={done} />}
      </Modal>
    </>
  );
}
