// The column choices made while a file uploads, applied by the import page (components/imports/
// early-choices.ts): over the server's mapping, one column per field, only when the server read the
// same columns, and never trusting the URL parameter (bad JSON, unknown fields, columns out of range).
import { describe, expect, it } from "vitest";
import { applyEarlyChoices, earlyQuery } from "@/components/imports/early-choices";

const headers = ["MRN", "First name", "Surname", "DOB", "Kin"];
const server = { "0": "medicalRecordNumber", "1": "firstName", "2": "lastName", "3": "dateOfBirth" };
const fields = new Set(["medicalRecordNumber", "firstName", "lastName", "dateOfBirth", "notes"]);
const param = (choices: Record<string, string>, h = headers) => decodeURIComponent(earlyQuery(h, choices).slice("?early=".length));

describe("early column choices", () => {
  it("are applied over the server's mapping; a field chosen for a column leaves the other one", () => {
    expect(applyEarlyChoices(param({ "4": "notes" }), headers, server, fields)).toEqual({
      mapping: { ...server, "4": "notes" },
      note: "applied",
    });
    expect(applyEarlyChoices(param({ "4": "lastName", "2": "" }), headers, server, fields)?.mapping).toEqual({ "0": "medicalRecordNumber", "1": "firstName", "3": "dateOfBirth", "4": "lastName" });
  });

  it("are not applied when the server read other columns, and say so", () => {
    const res = applyEarlyChoices(param({ "4": "notes" }, ["MRN", "First name"]), headers, server, fields);
    expect(res).toEqual({ mapping: server, note: "differs" });
  });

  it("ignore what they cannot trust: no choices, bad JSON, another shape, unknown fields, columns out of range", () => {
    expect(earlyQuery(headers, {})).toBe("");
    expect(applyEarlyChoices(undefined, headers, server, fields)).toBeNull();
    expect(applyEarlyChoices("{not json", headers, server, fields)).toBeNull();
    expect(applyEarlyChoices(JSON.stringify({ headers, choices: { x: "notes" } }), headers, server, fields)).toBeNull();
    expect(applyEarlyChoices(param({ "4": "passwordHash", "9": "notes" }), headers, server, fields)?.mapping).toEqual(server);
  });
});
