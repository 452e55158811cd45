// Writes the SDL contract: `npm run schema`. The tests fail when the committed file differs.
import fs from 'node:fs';
import path from 'node:path';
import { getSchema, printContract } from '../graphql/schema';

export const CONTRACT_PATH = path.resolve(__dirname, '../../../schema/schema.graphql');

void getSchema().then((schema) => {
  fs.writeFileSync(CONTRACT_PATH, printContract(schema));
  process.stdout.write(`wrote ${path.relative(process.cwd(), CONTRACT_PATH)}\n`);
});
