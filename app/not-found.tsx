import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

// Also what a member sees for a record of another organization: it does not exist for them.
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-primary">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-muted-foreground">The page or record you asked for does not exist, or it is not part of your organization.</p>
      <Link href="/" className={buttonVariants({ variant: "outline" })}>
        Back to the dashboard
      </Link>
    </main>
  );
}
