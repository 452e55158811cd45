'use server';

import { isUuid, staffMutation, type MutationResult } from '@/lib/staff/api';
import type {
  EligibilityKind,
  StaffAddEligibilityEntriesMutation,
  StaffAddEligibilityEntriesMutationVariables,
  StaffCreateEligibilityListMutation,
  StaffCreateEligibilityListMutationVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

// Eligibility lists, created and filled from the upload page in chunks of at most 5,000 lines
// (the API's limit per call). Each call is all or nothing: bad lines come back by line number.

const CREATE_LIST: Operation<StaffCreateEligibilityListMutation, StaffCreateEligibilityListMutationVariables> = /* GraphQL */ `
  mutation StaffCreateEligibilityList($input: CreateEligibilityListInput!) {
    createEligibilityList(input: $input) {
      added
      list {
        id
        name
        entryCount
      }
    }
  }
`;

const ADD_ENTRIES: Operation<StaffAddEligibilityEntriesMutation, StaffAddEligibilityEntriesMutationVariables> = /* GraphQL */ `
  mutation StaffAddEligibilityEntries($input: AddEligibilityEntriesInput!) {
    addEligibilityEntries(input: $input) {
      added
      list {
        id
        name
        entryCount
      }
    }
  }
`;

// 5,000 lines (the API's limit) of at most 80 characters.
const MAX_CHUNK_CHARS = 5_000 * 80;

export interface BadRow {
  line: number;
  message: string;
}
export type ChunkResult = { ok: true; listId: string; added: number; entryCount: number } | { ok: false; rows: BadRow[]; message: string };

const KINDS: EligibilityKind[] = ['NATIONAL_CODE', 'MEMBER_NUMBER'];

type Payload = { added: number; list: { id: string; entryCount: number } };

function outcome(result: MutationResult<Record<string, Payload>>, key: string): ChunkResult {
  if (result.ok) {
    const payload = result.data[key];
    return { ok: true, listId: payload.list.id, added: payload.added, entryCount: payload.list.entryCount };
  }
  const rows = Array.isArray(result.error.extensions?.rows) ? (result.error.extensions.rows as BadRow[]) : [];
  return { ok: false, rows, message: result.error.message };
}

/** The first chunk: makes the list with its first identifiers. */
export async function createListChunk(name: string, kind: string, entries: string): Promise<ChunkResult> {
  const known = KINDS.find((k) => k === kind);
  if (entries.length > MAX_CHUNK_CHARS || !known) return { ok: false, rows: [], message: 'bad request' };
  return outcome(await staffMutation(CREATE_LIST, { input: { name, kind: known, entries } }), 'createEligibilityList');
}

/** A later chunk: adds identifiers to the list. */
export async function addListChunk(listId: string, entries: string): Promise<ChunkResult> {
  if (!isUuid(listId) || entries.length > MAX_CHUNK_CHARS) return { ok: false, rows: [], message: 'bad request' };
  return outcome(await staffMutation(ADD_ENTRIES, { input: { listId, entries } }), 'addEligibilityEntries');
}
