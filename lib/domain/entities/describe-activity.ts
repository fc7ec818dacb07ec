/**
 * How an audit event of an entity reads on its timeline: a message key (in messages/*.json,
 * namespace "activity") and the values it needs. Events without a description are not shown.
 */
export interface ActivityDescription {
  key: string;
  values: Record<string, string | number>;
  /** Files received or produced by the event, to download from the timeline (label key in "activity"). */
  files?: { label: "fileOriginal" | "fileMarked" | "fileControlReport"; fileId: string }[];
}

const KIND_KEYS: Record<string, string> = {
  "personnel-list": "personnelList",
  "reference:org-units": "orgUnits",
  "reference:cost-centres": "costCentres",
  "position-template": "positionTemplate",
  "control-report": "controlReport",
};

export function describeActivity(event: { action: string; objectType: string; after: unknown }): ActivityDescription | null {
  const description = describe(event);
  if (!description) return null;
  const after = (event.after ?? {}) as Record<string, unknown>;
  const file = (key: string) => (typeof after[key] === "string" ? (after[key] as string) : null);
  const files: NonNullable<ActivityDescription["files"]> = [];
  if (file("fileId")) files.push({ label: "fileOriginal", fileId: file("fileId")! });
  if (file("markedFileId")) files.push({ label: "fileMarked", fileId: file("markedFileId")! });
  if (file("controlReportFileId")) files.push({ label: "fileControlReport", fileId: file("controlReportFileId")! });
  return files.length ? { ...description, files } : description;
}

function describe(event: { action: string; objectType: string; after: unknown }): ActivityDescription | null {
  const after = (event.after ?? {}) as Record<string, unknown>;
  const count = (key: string) => (typeof after[key] === "number" ? (after[key] as number) : 0);
  const summary = (after.summary ?? null) as Record<string, number> | null;
  switch (event.action) {
    case "personnel.import.preview":
    case "reference.import.preview":
    case "onboarding.step3.upload.preview":
    case "onboarding.step5.upload.preview": {
      const list = KIND_KEYS[String(after.kind ?? "personnel-list")] ?? "personnelList";
      return {
        key: after.state === "rejected" ? "uploadRejected" : "uploadPreviewed",
        values: { list, fileName: String(after.fileName ?? ""), errors: summary?.errors ?? 0 },
      };
    }
    case "personnel.import.commit":
      return after.state === "unchanged"
        ? { key: "importUnchanged", values: { list: "personnelList" } }
        : { key: "personnelCommitted", values: { added: count("added"), changed: count("changed"), gone: count("gone") } };
    case "reference.import.commit":
      return after.state === "unchanged"
        ? { key: "importUnchanged", values: { list: KIND_KEYS[String(after.kind)] ?? "orgUnits" } }
        : { key: "referenceCommitted", values: { added: count("added"), changed: count("changed") } };
    case "reference.create":
    case "reference.update":
    case "reference.activate":
    case "reference.deactivate":
      return {
        key: event.action.replace("reference.", "reference_"),
        values: { list: KIND_KEYS[`reference:${event.objectType}`] ?? "orgUnits", code: String(after.code ?? "") },
      };
    case "onboarding.step1.start":
      return { key: "step1Start", values: { runDate: String(after.runDate ?? "") } };
    case "onboarding.step1.run":
      return { key: "step1Run", values: { runDate: String(after.runDate ?? ""), created: count("created") } };
    case "position.correct":
      return { key: "positionCorrected", values: { number: count("number") } };
    case "onboarding.step2.complete":
      return { key: "step2Complete", values: {} };
    case "onboarding.step3.upload.commit": {
      const requested = typeof after.requested === "number" ? after.requested : 0;
      return { key: "templateAccepted", values: { requested, notNeeded: count("notNeeded") } };
    }
    case "onboarding.step3.correct":
      return { key: "templateRowCorrected", values: { row: count("rowNumber") } };
    case "onboarding.step3.submit":
      return { key: "templateSubmitted", values: { requested: count("requested"), notNeeded: count("notNeeded") } };
    case "onboarding.step4.start":
      return { key: "step4Start", values: {} };
    case "onboarding.step4.run":
      return { key: "step4Run", values: { created: count("created") } };
    case "onboarding.step5.upload.commit":
      return { key: "controlAccepted", values: { assigned: count("assigned"), vacant: count("vacant") } };
    case "onboarding.step5.assign":
      return { key: "positionAssigned", values: { number: count("positionNumber") } };
    case "onboarding.step5.takeOver":
      return { key: "requestedTakenOver", values: { takenOver: count("takenOver"), skipped: count("skipped") } };
    case "onboarding.step5.submit":
      return { key: "controlSubmitted", values: { link: count("link"), vacant: count("vacant") } };
    case "onboarding.step6.start":
      return { key: "step6Start", values: {} };
    case "onboarding.step6.run":
      return { key: "step6Run", values: { linked: count("linked") } };
    case "onboarding.reopen":
      return { key: "reopened", values: { step: count("reopenedStep"), reason: String(after.reason ?? "") } };
    case "job.enqueue":
      return { key: "jobQueued", values: { type: String(after.type ?? "") } };
    default:
      return null;
  }
}
