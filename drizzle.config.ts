import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; the same migration set is applied to PGlite and PostgreSQL at run time.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
