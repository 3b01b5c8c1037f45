// The colour theme a user chose in the user menu: "system" (follow the operating system, the default),
// "light" or "dark". Kept in a cookie (a preference of this browser, like the system setting it
// overrides), read by the root layout to render <html data-theme>, so the first paint is already in
// the chosen theme; app/globals.css turns data-theme into the root's color-scheme.
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "ritiko-theme";

export function parseTheme(value: string | undefined | null): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** In the browser: remember the choice for a year and apply it at once (no reload). */
export function chooseTheme(theme: Theme) {
  document.cookie = theme === "system" ? `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax` : `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** In the browser: the theme in effect now (the root's data-theme, else the system's). */
export function currentTheme(): Theme {
  return parseTheme(document.documentElement.dataset.theme);
}
