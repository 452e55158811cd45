import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type ApolloServerPlugin } from '@apollo/server';
import { Kind, print, visit, type DefinitionNode, type DocumentNode } from 'graphql';
import { AppError } from '../common/errors';
import { type Context } from './context';

/** The manifest of the web's operations, emitted by `npm run documents` and committed. */
export const MANIFEST_PATH = path.resolve(__dirname, '../../../schema/persisted-documents.json');

export interface DocumentManifest {
  /** What the entries are, for a reader of the file. */
  format: string;
  /** Canonical SHA-256 (hex) → canonical document text. */
  documents: Record<string, string>;
}

/**
 * The canonical text of a document: `__typename` selections removed (Apollo Client adds them
 * itself), every definition printed by graphql-js (so spacing, commas and comments do not count)
 * and the definitions sorted. Two documents with the same operations and fragments have the same
 * canonical text whoever wrote them.
 */
export function canonicalDocument(document: DocumentNode): string {
  const stripped = visit(document, {
    Field: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined),
  });
  return stripped.definitions
    .map((d: DefinitionNode) => print(d))
    .sort()
    .join('\n\n');
}

export const documentHash = (canonical: string) => createHash('sha256').update(canonical).digest('hex');

export function loadManifest(file = MANIFEST_PATH): DocumentManifest {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DocumentManifest;
}

/** How many verdicts (query text hash → trusted) are remembered; the web sends a few dozen texts. */
const VERDICTS_MAX = 5_000;

/** The website's operations, and a memo of which query texts are one of them. */
export class TrustedDocuments {
  private readonly trusted: Set<string>;
  private readonly verdicts = new Map<string, boolean>();

  constructor(manifest: DocumentManifest) {
    this.trusted = new Set(Object.keys(manifest.documents));
  }

  /** Whether a parsed document is one of the website's; `textHash` identifies its text for the memo. */
  allows(textHash: string, document: DocumentNode): boolean {
    let ok = this.verdicts.get(textHash);
    if (ok === undefined) {
      ok = this.trusted.has(documentHash(canonicalDocument(document)));
      if (this.verdicts.size >= VERDICTS_MAX) this.verdicts.clear();
      this.verdicts.set(textHash, ok);
    }
    return ok;
  }
}

export const untrustedDocument = () =>
  new AppError(
    'UNTRUSTED_DOCUMENT',
    "Without an API key this server runs only the website's own operations. Partner apps: ask for an API key and send it as X-Api-Key (over the WebSocket: connectionParams.apiKey).",
    { http: { status: 403 } },
  );

/**
 * Trusted documents: an anonymous caller (no API key, no staff session) may send only the
 * operations of the city's own website, listed in the committed manifest. Partner apps send any
 * query within the limits with an API key; staff may too. Refused: 403 UNTRUSTED_DOCUMENT.
 */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, queryHash }) {
          if (contextValue.apiKey || contextValue.viewer) return;
          if (!trusted.allows(queryHash, document)) throw untrustedDocument();
        },
      };
    },
  };
}

/** Every operation of a set of sources with the fragments it uses, as manifest entries. */
export function manifestFromSources(documents: DocumentNode[]): DocumentManifest {
  const fragments = new Map<string, DefinitionNode>();
  const operations: DefinitionNode[] = [];
  for (const doc of documents) {
    for (const def of doc.definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) {
        const existing = fragments.get(def.name.value);
        if (existing && print(existing) !== print(def))
          throw new Error(`Two different fragments are named ${def.name.value}: fragment names must be unique in the web.`);
        fragments.set(def.name.value, def);
      } else if (def.kind === Kind.OPERATION_DEFINITION) {
        operations.push(def);
      }
    }
  }
  const entries: Array<[string, string]> = [];
  for (const operation of operations) {
    const used = new Map<string, DefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const name = spread.name.value;
          if (used.has(name)) return;
          const fragment = fragments.get(name);
          if (!fragment) throw new Error(`Fragment ${name} is used but defined nowhere in the web.`);
          used.set(name, fragment);
          collect(fragment);
        },
      });
    collect(operation);
    const canonical = canonicalDocument({ kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] });
    entries.push([documentHash(canonical), canonical]);
  }
  entries.sort(([a], [b]) => a.localeCompare(b));
  return {
    format:
      'Trusted documents of the Nabz website: SHA-256 (hex) of the canonical document text (no __typename, printed by graphql-js, definitions sorted) → that text. Generated by `npm run documents`; do not edit.',
    documents: Object.fromEntries(entries),
  };
}
