"use client";
// The member's translations of server and validation messages (core/i18n/texts), for the messages a
// form's schema gives in the browser before anything reaches the server. The admin layout provides them
// for a member who reads a language other than English; without a provider a message shows as written.
import { createContext, useContext, type ReactNode } from "react";
import { translateText, type Texts } from "@/core/i18n/texts/translate";

const TextsContext = createContext<Texts | null>(null);

export function TextsProvider({ texts, children }: { texts: Texts | null; children: ReactNode }) {
  return <TextsContext.Provider value={texts}>{children}</TextsContext.Provider>;
}

/** A message in the member's language (server answers arrive translated already and pass through). */
export function FieldErrorText({ children }: { children: string }) {
  return <>{translateText(useContext(TextsContext), children)}</>;
}

/** The same for a list of messages rendered in the browser (an import's rejected rows). */
export function useServerText(): (message: string) => string {
  const texts = useContext(TextsContext);
  return (message) => translateText(texts, message);
}
