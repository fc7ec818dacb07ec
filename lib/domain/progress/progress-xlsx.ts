import type { ProgressBoardRow } from "@/lib/domain/onboarding/progress-board";
import { formatDutchDate } from "@/lib/dates";
import type { TableColumn, TableSheet } from "@/lib/excel/write-table";
import messages from "@/messages/nl-BE.json";

/** Past step 6 the onboarding is complete. */
const COMPLETE = 7;

// The labels users see online, in the language of the download. A complete onboarding reads as on
// the entities' overview ("Aangesloten"), not as a seventh step of six; like the board, it has no step state.
const isComplete = (r: ProgressBoardRow) => r.currentStep >= COMPLETE;
const stepLabel = (step: number) => messages.steps[String(Math.min(Math.max(step, 1), 6)) as keyof typeof messages.steps];
const stateLabel = (state: ProgressBoardRow["currentState"]) => messages.stepState[state];

/** A calendar date (YYYY-MM-DD) as an Excel date cell: exceljs writes a Date by its UTC day. */
const excelDate = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
const DATE_FORMAT = "dd/mm/yyyy";

/** Before step 1 the board shows "—" for the blue and green lines: the cell stays empty, not 0. */
const lines = (r: ProgressBoardRow, count: number) => (r.step1RunDate === null ? null : count);

const COLUMNS: TableColumn<ProgressBoardRow>[] = [
  { header: "Entiteit", width: 42, value: (r) => r.name },
  { header: "Code", width: 10, value: (r) => r.code },
  { header: "Beleidsdomein", width: 14, value: (r) => r.policyAreaCode },
  { header: "Stap", width: 12, value: (r) => (isComplete(r) ? messages.schedule.completed : r.currentStep) },
  { header: "Omschrijving stap", width: 38, value: (r) => (isComplete(r) ? null : stepLabel(r.currentStep)) },
  { header: "Status", width: 20, value: (r) => (isComplete(r) ? null : stateLabel(r.currentState)) },
  { header: "Stap 1 uitgevoerd op", width: 18, numFmt: DATE_FORMAT, value: (r) => excelDate(r.step1RunDate) },
  { header: "Blauwe lijnen", width: 13, value: (r) => lines(r, r.blueLines) },
  { header: "Groene lijnen", width: 13, value: (r) => lines(r, r.greenLines) },
  { header: "Open validatiefouten", width: 18, value: (r) => r.openErrors },
  { header: "Gepland slot", width: 13, value: (r) => (r.plannedSlotMonth ? r.plannedSlotMonth.slice(0, 7).split("-").reverse().join("/") : null) },
  { header: "Op schema?", width: 20, value: (r) => messages.schedule[r.scheduleStatus] },
  { header: "Deadline", width: 12, numFmt: DATE_FORMAT, value: (r) => excelDate(r.deadline) },
  { header: "Dagen tot deadline", width: 17, value: (r) => r.daysToDeadline },
];

/** The progress board as a workbook sheet: the rows of the page, for the same user. */
export function progressBoardSheet(input: { rows: ProgressBoardRow[]; today: string; deadline: string | null }): TableSheet<ProgressBoardRow> {
  return {
    sheetName: "Stand van zaken",
    title: `Stand van zaken van de aansluitingen – ${formatDutchDate(input.today)}${input.deadline ? ` – deadline ${formatDutchDate(input.deadline)}` : ""}`,
    columns: COLUMNS,
    frozenColumns: 1,
    rows: input.rows,
  };
}
