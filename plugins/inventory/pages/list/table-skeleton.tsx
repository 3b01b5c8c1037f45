// The loading state of the inventory table while its first page is read.
import { Skeleton } from "@/components/ui/skeleton";

export function TableSkeleton() {
  return (
    <div role="status" aria-live="polite" className="grid gap-3 rounded-xl border border-border bg-surface p-4 shadow-xs">
      <span className="sr-only">Loading items…</span>
      <div className="flex gap-3">
        <Skeleton className="h-9 w-72" />
        <Skeleton className="ml-auto h-9 w-36" />
        <Skeleton className="h-9 w-36" />
      </div>
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
