// Where the tests' PostgreSQL server is and whether it answers: run.mjs asks to choose how many
// workers, globalSetup to choose between it and the embedded PGlite. CommonJS, so that both the
// plain-ESM launcher and the TypeScript setup can load it.
const { Client } = require('pg');

/** TEST_DATABASE_URL, by default the local server's `test` database. */
function testServerUrl() {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

/** Whether a PostgreSQL server answers at `url` within two seconds. */
async function serverAnswers(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

module.exports = { testServerUrl, serverAnswers };
