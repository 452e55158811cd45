import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// PGlite's contrib modules declare ES-module types only; their CommonJS build is what this
// (CommonJS) server loads beside PGlite's own.
const { pg_trgm } = createRequire(__filename)('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };

/** PostgreSQL extensions the schema uses, as PGlite ships them: a server has them in contrib. */
export const EMBEDDED_EXTENSIONS = { pg_trgm };

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * The default database when no DATABASE_URL is given: PGlite (PostgreSQL compiled to WASM),
 * served over the PostgreSQL wire protocol on a loopback port so `pg` and TypeORM talk to it like
 * any server. It serves one connection at a time, so the pool using it must have size 1.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  fs.mkdirSync(dataDir, { recursive: true });
  // The extensions the migrations create (site search's trigram indexes), built into PGlite.
  const db = await PGlite.create(dataDir, { extensions: EMBEDDED_EXTENSIONS });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
