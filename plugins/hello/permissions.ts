export const HELLO_PERMISSIONS = {
  view: "hello.view_greetings",
  manage: "hello.manage_greetings",
} as const;
