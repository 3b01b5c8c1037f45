"use client";
// "Verify chain": runs the server-side verification and says what it found — intact with the count,
// or the first broken entry (seq, time, what is wrong) with a link to it when it still exists.
import Link from "next/link";
import { useState, useTransition } from "react";
import { ShieldAlert, ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { VerifyResult } from "../chain/verify";
import { verifyChainAction } from "../pages/actions";

export function VerifyButton() {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string; data?: VerifyResult } | null>(null);
  return (
    <div className="grid justify-items-end gap-2">
      <Button
        variant="outline"
        pending={pending}
        onClick={() =>
          start(async () => {
            const res = await verifyChainAction();
            setResult(res.ok ? { ok: res.data.ok, text: res.message ?? "", data: res.data } : { ok: false, text: res.error });
          })
        }
      >
        <ShieldCheck aria-hidden="true" /> Verify chain
      </Button>
      {result ? (
        <p role="status" data-testid="verify-result" className={result.ok ? "text-sm text-primary" : "max-w-xl text-right text-sm text-danger-text"}>
          {result.ok ? <ShieldCheck aria-hidden="true" className="mr-1 inline size-4" /> : <ShieldAlert aria-hidden="true" className="mr-1 inline size-4" />}
          {result.text}
          {result.data && !result.data.ok && result.data.entryId ? (
            <>
              {" "}
              <Link className="underline" href={`/audit/entries/${result.data.entryId}`}>
                Open entry {result.data.seq}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
