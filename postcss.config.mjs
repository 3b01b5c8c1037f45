// Tailwind CSS 4 runs as a single PostCSS plugin; no autoprefixer needed.
const config = {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};

export default config;
