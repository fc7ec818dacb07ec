"use client";

import { Alert, Button, Modal, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { ControlRowView } from "@/lib/domain/step5/control-queries";
import { AssignDialog } from "./assign-dialog";

/** The positions of step 4 with who goes into them; each can be chosen online while step 5 is open. */
export function ControlRowsTable({ entityId, rows, canAssign }: { entityId: string; rows: ControlRowView[]; canAssign: boolean }) {
  const t = useTranslations("step5");
  const format = useFormatter();
  const router = useRouter();
  const [editing, setEditing] = useState<ControlRowView | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  return (
    <>
      {saved !== null && (
        <Alert color="green" role="status" mb="sm">
          {t("saved", { number: saved })}
        </Alert>
      )}
      <TableScrollContainer minWidth={900}>
        <Table striped withTableBorder aria-label={t("rowsTitle")}>
          <TableThead>
            <TableTr>
              <TableTh scope="col">{t("col_position")}</TableTh>
              <TableTh scope="col">{t("col_function")}</TableTh>
              <TableTh scope="col">{t("col_grade")}</TableTh>
              <TableTh scope="col">{t("col_unit")}</TableTh>
              <TableTh scope="col" ta="right">
                {t("fte")}
              </TableTh>
              <TableTh scope="col">{t("col_requestedFor")}</TableTh>
              <TableTh scope="col">{t("col_assigned")}</TableTh>
              {canAssign && <TableTh scope="col">{t("col_actions")}</TableTh>}
            </TableTr>
          </TableThead>
          <TableTbody>
            {rows.map((row) => (
              <TableTr key={row.requestId}>
                <TableTd>{row.positionNumber}</TableTd>
                <TableTd>{`${row.functionCode} – ${row.functionTitle}`}</TableTd>
                <TableTd>{row.gradeCode}</TableTd>
                <TableTd>{row.unitCode}</TableTd>
                <TableTd ta="right">{format.number(row.fte, { maximumFractionDigits: 3 })}</TableTd>
                <TableTd>{row.requestedFor ?? ""}</TableTd>
                <TableTd>
                  {row.assigned ? `${row.assigned.name} (${row.assigned.vlimpers}/${row.assigned.relationNumber})` : <Text size="sm" c="dimmed">{t("vacant")}</Text>}
                </TableTd>
                {canAssign && (
                  <TableTd>
                    <Button size="compact-sm" variant="light" onClick={() => setEditing(row)} aria-label={t("assignPosition", { number: row.positionNumber })}>
                      {t("assign")}
                    </Button>
                  </TableTd>
                )}
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t("assignPosition", { number: editing.positionNumber }) : ""} size="lg">
        {editing && (
          <AssignDialog
            entityId={entityId}
            row={editing}
            onDone={(wasSaved) => {
              if (wasSaved) {
                setSaved(editing.positionNumber);
                router.refresh();
              }
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}
