import { defineConfig } from 'drizzle-kit';

/** PostgreSQL migrations from the pg-core twins (src/db/pg): `npm run db:generate:pg`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/pg/*-tables.ts',
  out: './migrations/pg',
  casing: 'snake_case',
});
