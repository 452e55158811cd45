// Writes schema/persisted-documents.json from the web's GraphQL operations: `npm run documents`.
// Every gql`...` and /* GraphQL */ `...` template in web/ is read; the tests fail when the
// committed manifest differs, so a new web operation cannot ship without it.
import fs from 'node:fs';
import path from 'node:path';
import { gqlPluckFromCodeStringSync } from '@graphql-tools/graphql-tag-pluck';
import { parse, type DocumentNode } from 'graphql';
import { MANIFEST_PATH, manifestFromSources, type DocumentManifest } from '../graphql/trusted-documents';

const WEB = path.resolve(__dirname, '../../../web');
const SKIP = new Set(['node_modules', '.next', 'public']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * A template literal that starts like a GraphQL operation but carries neither `gql` nor the
 * `/* GraphQL *\/` marker would be left out of the manifest, and the server would refuse it to
 * anonymous callers in production (UNTRUSTED_DOCUMENT): such a file stops the manifest instead.
 */
const UNMARKED_OPERATION = /(?<!gql|\/\* GraphQL \*\/ )`\s*(?:query|mutation|subscription|fragment)\b[^`]*\{/g;

export function webManifest(): DocumentManifest {
  const documents: DocumentNode[] = [];
  for (const file of sourceFiles(WEB).sort()) {
    const code = fs.readFileSync(file, 'utf8');
    const unmarked = code.match(UNMARKED_OPERATION);
    if (unmarked)
      throw new Error(
        `${path.relative(WEB, file)}: a GraphQL operation without gql or /* GraphQL */ (it would be missing from the trusted documents): ${unmarked[0].slice(0, 60)}…`,
      );
    for (const source of gqlPluckFromCodeStringSync(file, code, { skipIndent: true })) {
      try {
        documents.push(parse(source.body));
      } catch (err) {
        throw new Error(`${path.relative(WEB, file)}: ${(err as Error).message}`, { cause: err });
      }
    }
  }
  return manifestFromSources(documents);
}

export const manifestText = (manifest: DocumentManifest) => `${JSON.stringify(manifest, null, 2)}\n`;

if (require.main === module) {
  const manifest = webManifest();
  fs.writeFileSync(MANIFEST_PATH, manifestText(manifest));
  process.stdout.write(`wrote ${path.relative(process.cwd(), MANIFEST_PATH)} (${Object.keys(manifest.documents).length} operations)\n`);
}
