"use client";
// Re-renders the server page every `ms` while `active`: the progress of a background export lives in
// the database, so a reload (or another device) shows the same bar; this only keeps it moving.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoRefresh({ active, ms = 1_000 }: { active: boolean; ms?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), ms);
    return () => clearInterval(timer);
  }, [active, ms, router]);
  return null;
}
