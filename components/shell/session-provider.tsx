"use client";

import type { ReactNode } from "react";
import type { Session } from "next-auth";
import { SessionProvider as NextAuthSessionProvider } from "next-auth/react";

export type SessionProviderProps = {
  /**
   * The server session (from getServerSession). Passing it makes `useSession()`
   * ready on first render, so e.g. the organization switcher can `update()` at once.
   */
  session?: Session | null;
  children: ReactNode;
};

export function SessionProvider({ session, children }: SessionProviderProps) {
  return <NextAuthSessionProvider session={session}>{children}</NextAuthSessionProvider>;
}
