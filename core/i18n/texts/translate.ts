// Server messages in the member's language: what server actions answer (toasts, a form's summary, the
// message beside a field) and what the shared schemas say when the browser validates a form. The code
// keeps writing them in plain English — the REST API, the logs and the CLI answer in English, as the
// API docs promise — and they are translated where a member reads them, gettext-style, by their
// English text: orgAction translates its result on the server, <Field> translates a client-side
// schema's message in the browser. A message nobody translated stays English (never a key or a blank).
//
// Client-safe: pure functions over plain data, so the browser gets the same translation as the server.

/** One language's translations: whole messages by their English text, and patterns for messages with a value in them. */
export type Texts = {
  exact: Record<string, string>;
  /** [regular expression source, replacement with $1…]: tried in order after `exact`. Anchored by the caller. */
  patterns: Array<[string, string]>;
};

const compiled = new WeakMap<Texts, Array<[RegExp, string]>>();

function patternsOf(texts: Texts): Array<[RegExp, string]> {
  let list = compiled.get(texts);
  if (!list) compiled.set(texts, (list = texts.patterns.map(([source, to]) => [new RegExp(`^(?:${source})$`), to])));
  return list;
}

/** `message` in the language of `texts`, or `message` itself when there is no translation for it. */
export function translateText(texts: Texts | null | undefined, message: string): string {
  if (!texts) return message;
  const exact = texts.exact[message];
  if (exact !== undefined) return exact;
  for (const [re, to] of patternsOf(texts)) if (re.test(message)) return message.replace(re, to);
  return message;
}
