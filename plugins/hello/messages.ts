// Hello's UI text (core/i18n): English complete, Spanish typed complete against it, and the manifest's
// words (menu, page titles, permissions) in Spanish for the sidebar and the Plugins page.
import type { PluginCatalogues, Translation } from "@/core/i18n/catalogue";

const en = {
  greetings: {
    title: "Greetings",
    description: "The Hello plugin: a tour of every plugin contribution point.",
    emptyTitle: "No greetings yet",
    emptyText: "Greetings appear here when patients are added or someone says hello.",
    posted: "Posted {at}",
    announced: " · announced {at}",
    notAnnounced: " · not announced yet",
  },
  form: { message: "Message", submit: "Say hello", posted: "Posted." },
  widget: {
    title: "Hello",
    label: "Hello widget",
    today: "{count, plural, one {greeting} other {greetings}} in the last 24 hours",
    latest: "Latest: “{message}”",
    all: "All greetings",
  },
};

const es = {
  greetings: {
    title: "Saludos",
    description: "El complemento Hello: un recorrido por cada punto de extensión de un complemento.",
    emptyTitle: "Aún no hay saludos",
    emptyText: "Los saludos aparecen aquí cuando se añaden pacientes o alguien saluda.",
    posted: "Publicado el {at}",
    announced: " · anunciado el {at}",
    notAnnounced: " · aún no anunciado",
  },
  form: { message: "Mensaje", submit: "Saludar", posted: "Publicado." },
  widget: {
    title: "Hello",
    label: "Widget de Hello",
    today: "{count, plural, one {saludo} other {saludos}} en las últimas 24 horas",
    latest: "Último: «{message}»",
    all: "Todos los saludos",
  },
} satisfies Translation<typeof en>;

export type HelloMessages = typeof en;

export const messages: PluginCatalogues<HelloMessages> = {
  en,
  es,
  labels: {
    es: {
      Hello: "Hello",
      "Greets new patients and shows how a plugin plugs into Ritiko.": "Saluda a los pacientes nuevos y muestra cómo se integra un complemento en Ritiko.",
      Greetings: "Saludos",
      Greeting: "Saludo",
      "View greetings": "Ver saludos",
      "Post greetings": "Publicar saludos",
      "Hello viewer": "Lector de Hello",
      "Hello manager": "Gestor de Hello",
    },
  },
};
