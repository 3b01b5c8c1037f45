// next/cache's revalidatePath, for server actions that may also run outside a request (a test calling
// the action with withSession, a script): there is no page cache to refresh then, and Next throws
// "static generation store missing". Inside a request it is exactly Next's call.
import { revalidatePath as nextRevalidatePath } from "next/cache";

export function revalidatePath(path: string, type?: "layout" | "page"): void {
  try {
    if (type === undefined) nextRevalidatePath(path);
    else nextRevalidatePath(path, type);
  } catch (err) {
    if (err instanceof Error && /static generation store missing/.test(err.message)) return;
    throw err;
  }
}
