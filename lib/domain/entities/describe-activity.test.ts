import { describe, expect, it } from "vitest";
import { describeActivity } from "./describe-activity";

describe("describeActivity", () => {
  it("describes a refused upload with its file and error count", () => {
    expect(
      describeActivity({
        action: "personnel.import.preview",
        objectType: "import_run",
        after: { state: "rejected", kind: "personnel-list", fileName: "lijst.xlsx", summary: { errors: 3 } },
      }),
    ).toEqual({ key: "uploadRejected", values: { list: "personnelList", fileName: "lijst.xlsx", errors: 3 } });
  });

  it("describes a committed personnel list with its counts, and an unchanged one as such", () => {
    const committed = describeActivity({ action: "personnel.import.commit", objectType: "import_run", after: { state: "committed", added: 2, changed: 1, gone: 4 } });
    expect(committed).toEqual({ key: "personnelCommitted", values: { added: 2, changed: 1, gone: 4 } });
    const unchanged = describeActivity({ action: "personnel.import.commit", objectType: "import_run", after: { state: "unchanged" } });
    expect(unchanged?.key).toBe("importUnchanged");
  });

  it("names the list of a reference import and of a form change", () => {
    const upload = describeActivity({ action: "reference.import.preview", objectType: "import_run", after: { state: "previewed", kind: "reference:cost-centres", fileName: "kp.xlsx" } });
    expect(upload?.values.list).toBe("costCentres");
    const commit = describeActivity({ action: "reference.import.commit", objectType: "import_run", after: { kind: "reference:org-units", state: "unchanged" } });
    expect(commit).toEqual({ key: "importUnchanged", values: { list: "orgUnits" } });
    const deactivated = describeActivity({ action: "reference.deactivate", objectType: "cost-centres", after: { code: "KP1", active: false } });
    expect(deactivated).toEqual({ key: "reference_deactivate", values: { list: "costCentres", code: "KP1" } });
  });

  it("offers the files an event received or produced: the upload, its marked copy, the control report", () => {
    const upload = describeActivity({
      action: "onboarding.step5.upload.preview",
      objectType: "import_run",
      after: { state: "rejected", kind: "control-report", fileName: "c.xlsx", fileId: "f1", markedFileId: "f2", summary: { errors: 3 } },
    });
    expect(upload).toEqual({
      key: "uploadRejected",
      values: { list: "controlReport", fileName: "c.xlsx", errors: 3 },
      files: [
        { label: "fileOriginal", fileId: "f1" },
        { label: "fileMarked", fileId: "f2" },
      ],
    });
    const step4 = describeActivity({ action: "onboarding.step4.run", objectType: "onboarding_step_run", after: { created: 12, controlReportFileId: "f3" } });
    expect(step4?.files).toEqual([{ label: "fileControlReport", fileId: "f3" }]);
    const reopened = describeActivity({ action: "onboarding.reopen", objectType: "onboarding", after: { reopenedStep: 3, reason: "fout in sjabloon" } });
    expect(reopened).toEqual({ key: "reopened", values: { step: 3, reason: "fout in sjabloon" } });
  });

  it("leaves out events it has no words for", () => {
    expect(describeActivity({ action: "user.link-oidc-subject", objectType: "user", after: null })).toBeNull();
  });
});
