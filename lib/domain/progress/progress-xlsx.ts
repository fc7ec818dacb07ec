import type { ProgressBoardRow } from "@/lib/domain/onboarding/progress-board";
import { formatDutchDate } from "@/lib/dates";
import type { TableColumn, TableSheet } from "@/lib/excel/write-table";
import messages from "@/messages/nl-BE.json";

// The labels users see online, in the language of the download.
const stepLabel = (step: number) => messages.steps[String(Math.min(Math.max(step, 1), 7)) as keyof typeof messages.steps];
const stateLabel = (state: ProgressBoardRow["currentState"]) => messages.stepState[state];

const COLUMNS: TableColumn<ProgressBoardRow>[] = [
  { header: "Entiteit", width: 42, value: (r) => r.name },
  { header: "Code", width: 10, value: (r) => r.code },
  { header: "Beleidsdomein", width: 14, value: (r) => r.policyAreaCode },
  { header: "Stap", width: 7, value: (r) => r.currentStep },
  { header: "Omschrijving stap", width: 38, value: (r) => stepLabel(r.currentStep) },
  { header: "Status", width: 20, value: (r) => stateLabel(r.currentState) },
  { header: "Stap 1 uitgevoerd op", width: 18, value: (r) => (r.step1RunDate ? formatDutchDate(r.step1RunDate) : null) },
  { header: "Blauwe lijnen", width: 13, value: (r) => r.blueLines },
  { header: "Groene lijnen", width: 13, value: (r) => r.greenLines },
  { header: "Open validatiefouten", width: 18, value: (r) => r.openErrors },
  { header: "Gepland slot", width: 13, value: (r) => (r.plannedSlotMonth ? r.plannedSlotMonth.slice(0, 7).split("-").reverse().join("/") : null) },
  { header: "Op schema?", width: 20, value: (r) => messages.schedule[r.scheduleStatus] },
  { header: "Deadline", width: 12, value: (r) => (r.deadline ? formatDutchDate(r.deadline) : null) },
  { header: "Dagen tot deadline", width: 17, value: (r) => r.daysToDeadline },
];

/** The progress board as a workbook sheet: the rows of the page, for the same user. */
export function progressBoardSheet(input: { rows: ProgressBoardRow[]; today: string; deadline: string | null }): TableSheet<ProgressBoardRow> {
  return {
    sheetName: "Stand van zaken",
    title: `Stand van zaken van de aansluitingen – ${formatDutchDate(input.today)}${input.deadline ? ` – deadline ${formatDutchDate(input.deadline)}` : ""}`,
    columns: COLUMNS,
    rows: input.rows,
  };
}
