// Every test process starts like the app: with the generated plugin registry registered (core code,
// such as emitting events, needs one). No plugin is enabled for a fresh test organization, so core
// tests see no plugin behaviour; a test file may register its own fixture registry instead.
import "@/app/_plugins/runtime";
