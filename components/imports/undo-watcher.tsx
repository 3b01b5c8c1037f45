"use client";
// While an undo that was asked for has not been answered by its job: polls the import's progress
// (cheap JSON) every second and re-renders the server page ONCE when the job has answered — the
// import became "undone", or its error now holds the refusal naming the records that changed.
// Polling a small endpoint instead of refreshing the page on a timer: a page render slower than the
// interval would otherwise be cancelled by the next refresh, again and again.
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useState } from "react";
import type { ImportProgressData } from "./types";

export function UndoWatcher({ importId, status, error }: { importId: string; status: string; error: string | null }) {
  const router = useRouter();
  const [answered, setAnswered] = useState(false);
  const poll = useEffectEvent(async () => {
    try {
      const res = await fetch(`/api/v1/imports/${importId}/progress`, { cache: "no-store" });
      if (!res.ok) return;
      const next = (await res.json()) as ImportProgressData;
      if (next.status !== status || next.error !== error) {
        setAnswered(true);
        router.refresh();
      }
    } catch {
      // Retried on the next tick.
    }
  });
  useEffect(() => {
    if (answered) return;
    const timer = setInterval(() => void poll(), 1_000);
    return () => clearInterval(timer);
  }, [answered]);
  return null;
}
