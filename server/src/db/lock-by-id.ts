import { type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { notFound } from '../common/errors';

/**
 * Reads the row with this id and locks it (SELECT … FOR UPDATE) until the transaction ends, so a
 * change made from it cannot interleave with another; NOT_FOUND naming `what` when there is none.
 */
export async function lockById<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  what: string,
): Promise<T> {
  const row = await manager.findOne(entity, { where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
  if (!row) throw notFound(what);
  return row;
}
