import { AppError } from "@/lib/errors/app-error";

export type UploadRejectionReason =
  | "too_large"
  | "empty"
  | "unsupported_type"
  | "xls"
  | "xlsm"
  | "xlsb"
  | "ods"
  | "strict_ooxml"
  | "encrypted"
  | "corrupt"
  | "zip_bomb"
  | "too_many_rows"
  | "too_many_columns"
  | "too_many_names"
  | "sheet_not_found";

/**
 * An upload we refuse, with a Dutch message for the user (what is wrong, how to fix it) and a
 * machine `reason` for code and logs. Code "invalid_input", so it is shown as is.
 */
export class UploadRejectedError extends AppError {
  constructor(
    readonly reason: UploadRejectionReason,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super("invalid_input", message, { reason, ...details });
    this.name = "UploadRejectedError";
  }
}

const SAVE_AS_XLSX = 'Open het in Excel, kies Bestand > Opslaan als > "Excel-werkmap (*.xlsx)" en laad dat bestand op.';

const where = (sheetName: string | undefined) => (sheetName === undefined ? "Het bestand" : `Het werkblad "${sheetName}"`);
const count = (n: number) => n.toLocaleString("nl-BE");
const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString("nl-BE", { maximumFractionDigits: 1 });

/** The messages in one place, so their tone stays the same. */
export const reject = {
  tooLarge: (bytes: number, max: number) =>
    new UploadRejectedError(
      "too_large",
      `Het bestand is ${megabytes(bytes)} MB groot; het maximum is ${megabytes(max)} MB. ` +
        "Verwijder overbodige werkbladen, afbeeldingen of opmaak, of verdeel de lijst over meerdere bestanden.",
      { bytes, max },
    ),
  /** Without a sheet name (or with ""): the file itself is empty. */
  empty: (sheetName?: string) =>
    new UploadRejectedError(
      "empty",
      sheetName
        ? `Het werkblad "${sheetName}" bevat geen gegevens. Controleer of je het juiste bestand en werkblad gekozen hebt.`
        : "Het bestand is leeg. Kies het bestand met de gegevens en probeer opnieuw.",
      sheetName ? { sheetName } : {},
    ),
  unsupported: (what?: "pdf" | "html") =>
    new UploadRejectedError(
      "unsupported_type",
      what === "pdf"
        ? "Dit is een PDF-bestand, geen Excel-werkmap of CSV-bestand. Lever de lijst aan als Excel-werkmap (.xlsx) of als CSV-bestand."
        : what === "html"
          ? `Dit bestand is een webpagina (HTML) of XML-bestand, ook al heeft het misschien de naam van een Excel-bestand. ${SAVE_AS_XLSX}`
          : "Dit bestand is geen Excel-werkmap (.xlsx) en geen CSV-bestand. Lever de lijst aan als .xlsx of .csv.",
      what ? { what } : {},
    ),
  xls: () => new UploadRejectedError("xls", `Dit is een oud Excel-bestand (.xls, Excel 97-2003). ${SAVE_AS_XLSX}`),
  xlsm: () =>
    new UploadRejectedError(
      "xlsm",
      `Dit is een Excel-werkmap met macro's (.xlsm). Bestanden met macro's aanvaarden we niet. ${SAVE_AS_XLSX}`,
    ),
  xlsb: () => new UploadRejectedError("xlsb", `Dit is een binaire Excel-werkmap (.xlsb). ${SAVE_AS_XLSX}`),
  ods: () =>
    new UploadRejectedError(
      "ods",
      'Dit is een OpenDocument-rekenblad (.ods). Kies Bestand > Opslaan als > "Excel 2007-365 (.xlsx)" of "Excel-werkmap (*.xlsx)" en laad dat bestand op.',
    ),
  strict: () =>
    new UploadRejectedError(
      "strict_ooxml",
      'Dit bestand is opgeslagen als "Strict Open XML-werkmap", die we niet kunnen lezen. ' +
        'Kies in Excel Bestand > Opslaan als > "Excel-werkmap (*.xlsx)" (niet de Strict-variant) en laad dat bestand op.',
    ),
  encrypted: () =>
    new UploadRejectedError(
      "encrypted",
      "Dit bestand is met een wachtwoord beveiligd en kan daarom niet gelezen worden. Open het in Excel, " +
        "kies Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord, maak het wachtwoord leeg, sla op en laad het opnieuw op.",
    ),
  corrupt: (detail?: string) =>
    new UploadRejectedError(
      "corrupt",
      "Het bestand is beschadigd of onvolledig en kan niet gelezen worden. " +
        'Open het in Excel, sla het opnieuw op als "Excel-werkmap (*.xlsx)" en probeer nog eens.',
      detail ? { detail } : {},
    ),
  csvMalformed: (line: number | undefined) =>
    new UploadRejectedError(
      "corrupt",
      `Het CSV-bestand kan niet gelezen worden${line ? ` (rond regel ${count(line)})` : ""}: ` +
        'waarschijnlijk opent daar een aanhalingsteken (") dat nergens gesloten wordt. ' +
        "Verbeter of verwijder dat aanhalingsteken, of sla het bestand opnieuw op vanuit Excel.",
      line ? { line } : {},
    ),
  zipBomb: (uncompressed: number, max: number) =>
    new UploadRejectedError(
      "zip_bomb",
      `Het bestand is uitgepakt ${megabytes(uncompressed)} MB groot of groter; ` +
        `het maximum is ${megabytes(max)} MB. Zet alleen het werkblad met de gegevens in een nieuwe werkmap, sla die op als .xlsx en probeer opnieuw.`,
      { uncompressed, max },
    ),
  compressionRatio: (ratio: number, max: number) =>
    new UploadRejectedError(
      "zip_bomb",
      `Een onderdeel van het bestand is ${count(ratio)} keer samengeperst (maximum ${count(max)}); ` +
        "zo sterk gebeurt dat alleen bij beschadigde of kwaadwillig gemaakte bestanden. " +
        "Zet alleen het werkblad met de gegevens in een nieuwe werkmap, sla die op als .xlsx en probeer opnieuw.",
      { ratio, max },
    ),
  tooManyParts: (entries: number) =>
    new UploadRejectedError(
      "zip_bomb",
      `Het bestand bestaat uit ${count(entries)} onderdelen; zo veel heeft een gewone werkmap niet. ` +
        "Zet alleen het werkblad met de gegevens in een nieuwe werkmap, sla die op als .xlsx en probeer opnieuw.",
      { entries },
    ),
  tooManyRows: (sheetName: string | undefined, rows: number, max: number) =>
    new UploadRejectedError(
      "too_many_rows",
      `${where(sheetName)} telt ${count(rows)} rijen of meer; het maximum is ${count(max)}. ` +
        "Is je lijst korter, dan staan er onder de gegevens lege maar opgemaakte rijen: selecteer die rijen, " +
        "verwijder ze (rechtermuisknop > Verwijderen) en sla opnieuw op. Anders verdeel je de lijst over meerdere bestanden.",
      { sheetName, rows, max },
    ),
  tooManyColumns: (sheetName: string | undefined, columns: number, max: number) =>
    new UploadRejectedError(
      "too_many_columns",
      `${where(sheetName)} telt ${count(columns)} kolommen of meer; het maximum is ${count(max)}. ` +
        "Staan er rechts van de gegevens lege maar opgemaakte kolommen, selecteer die dan, " +
        "verwijder ze (rechtermuisknop > Verwijderen) en sla opnieuw op.",
      { sheetName, columns, max },
    ),
  tooManyNames: (names: number, max: number) =>
    new UploadRejectedError(
      "too_many_names",
      `De werkmap bevat ${count(names)} of meer gedefinieerde namen; het maximum is ${count(max)}. ` +
        "Verwijder overbodige namen via Formules > Namen beheren, of kopieer de gegevens naar een nieuwe werkmap.",
      { names, max },
    ),
  sheetNotFound: (wanted: string, available: string[]) =>
    new UploadRejectedError(
      "sheet_not_found",
      `Het werkblad "${wanted}" ontbreekt in het bestand. ` +
        (available.length
          ? `Aanwezige werkbladen: ${available.map((name) => `"${name}"`).join(", ")}. Geef het werkblad de naam "${wanted}" of gebruik het sjabloon.`
          : "Het bestand bevat geen werkbladen."),
      { wanted, available },
    ),
};
