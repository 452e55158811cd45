import { type DataSource } from 'typeorm';
import { isUuid } from '../../common/ids';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { District } from './district.entity';

const KNOWN_IDS_TTL_MS = 30_000;

export class DistrictService {
  private knownIds?: { expires: number; ids: Promise<Set<string>> };

  constructor(private readonly db: DataSource) {}

  /** Whether a district with this id exists; the id set is cached briefly (districts rarely change). */
  async exists(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    if (!this.knownIds || this.knownIds.expires < Date.now()) {
      const ids = this.list().then((rows) => new Set(rows.map((d) => d.id)));
      this.knownIds = { expires: Date.now() + KNOWN_IDS_TTL_MS, ids };
      ids.catch(() => (this.knownIds = undefined));
    }
    return (await this.knownIds.ids).has(id);
  }

  /** The city has a few dozen districts at most: a plain ordered list. */
  list(): Promise<District[]> {
    return this.db.getRepository(District).find({ order: { code: 'ASC' } });
  }

  /** For DataLoader: one query for many ids, answered in key order. */
  findByIds(ids: readonly string[]): Promise<Array<District | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(District), ids);
  }
}
