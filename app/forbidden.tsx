import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-danger-text">403</p>
      <h1 className="text-2xl font-semibold tracking-tight">You do not have access to this page</h1>
      <p className="text-muted-foreground">Your role in this organization does not allow it. Ask an owner or admin if you need access.</p>
      <Link href="/" className={buttonVariants({ variant: "outline" })}>
        Back to the dashboard
      </Link>
    </main>
  );
}
