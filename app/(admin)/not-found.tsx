import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export default function AdminNotFound() {
  return (
    <div className="mx-auto grid max-w-md justify-items-center gap-3 py-16 text-center">
      <p className="text-sm font-semibold text-primary">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="text-muted-foreground">This record does not exist, or it is not part of your organization.</p>
      <Link href="/" className={buttonVariants({ variant: "outline" })}>
        Back to the dashboard
      </Link>
    </div>
  );
}
