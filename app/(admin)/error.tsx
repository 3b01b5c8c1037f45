"use client";
// Unexpected server errors on an admin page: the shell stays usable and the user can retry.
import { Button } from "@/components/ui/button";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto grid max-w-lg gap-3 rounded-xl border border-danger/30 bg-danger/5 p-6">
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="text-sm text-muted-foreground">
        Something went wrong on our side. Nothing you entered was lost or half-saved. Try again, and if it keeps happening,
        give your administrator this reference: <code className="font-mono">{error.digest ?? "unknown"}</code>.
      </p>
      <div>
        <Button onClick={() => reset()}>Try again</Button>
      </div>
    </div>
  );
}
