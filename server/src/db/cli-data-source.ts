// Used only by the TypeORM CLI to generate and run migrations:
//   npx typeorm migration:generate -d server/dist/db/cli-data-source.js server/src/db/migrations/Name
import { createDataSource } from './data-source';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for the TypeORM CLI.');
export default createDataSource({ url, poolSize: 1 });
