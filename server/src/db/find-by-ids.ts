import { In, type ObjectLiteral, type Repository } from 'typeorm';
import { isUuid } from '../common/ids';

/**
 * For DataLoader batch functions: one query for many ids, answered in key order (null where none).
 * Ids that are not UUIDs can name no row, so they never reach the database.
 */
export async function findByIdsInKeyOrder<T extends ObjectLiteral & { id: string }>(
  repository: Repository<T>,
  ids: readonly string[],
): Promise<Array<T | null>> {
  const valid = [...new Set(ids.filter(isUuid))];
  const rows = valid.length ? await repository.findBy({ id: In(valid) } as never) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}
