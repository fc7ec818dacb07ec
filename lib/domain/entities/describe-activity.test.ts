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

  it("leaves out events it has no words for", () => {
    expect(describeActivity({ action: "user.link-oidc-subject", objectType: "user", after: null })).toBeNull();
  });
});
