// Per-field before/after of one entry. Masked values show as ••• and secrets as "changed".
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { FieldChange } from "../chain/types";
import { showValue } from "./labels";

export function ChangesTable({ changes, caption = "Changed fields" }: { changes: FieldChange[]; caption?: string }) {
  if (changes.length === 0) return <p className="text-sm text-muted-foreground">No field changes recorded for this entry.</p>;
  return (
    <Table aria-label={caption}>
      <THead>
        <TR>
          <TH>Field</TH>
          <TH>Before</TH>
          <TH>After</TH>
        </TR>
      </THead>
      <TBody>
        {changes.map((c) => (
          <TR key={c.field}>
            <TD className="font-medium">{c.field}</TD>
            {c.redacted === "secret" ? (
              <TD colSpan={2} className="text-muted-foreground">changed (secret: the value is never recorded)</TD>
            ) : (
              <>
                <TD className="break-all whitespace-pre-wrap">{showValue(c.before)}</TD>
                <TD className="break-all whitespace-pre-wrap">
                  {showValue(c.after)}
                  {c.redacted === "masked" ? <span className="ml-2 text-xs text-muted-foreground">(masked)</span> : null}
                </TD>
              </>
            )}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
