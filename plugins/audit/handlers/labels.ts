// Human labels of audited records, stored on the entry (readable after the record is deleted). A
// patient gets one label per masking of its name and record number: the appending statement picks
// the one that shows no masked field (chain/append.ts).
import type { MaskedLabels } from "../chain/types";

type Rec = Record<string, unknown> | null;
const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export function patientLabels(r: Rec): MaskedLabels {
  const name = r ? `${str(r.firstName)} ${str(r.lastName)}`.trim() : "";
  const mrn = r ? str(r.medicalRecordNumber) : "";
  return { plain: `${name} (${mrn})`, noMrn: name, noName: `Patient ${mrn}`, none: "Patient" };
}

export function appointmentLabel(r: Rec): string | null {
  if (!r) return null;
  const at = str(r.startsAt).replace("T", " ").slice(0, 16);
  return `Appointment ${at} UTC with ${str(r.provider)}`;
}

export function itemLabel(r: Rec): string | null {
  if (!r) return null;
  return `${str(r.name)} (${str(r.sku)})`;
}
