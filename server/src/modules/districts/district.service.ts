import { In, type DataSource } from 'typeorm';
import { isUuid } from '../../common/ids';
import { District } from './district.entity';

export class DistrictService {
  constructor(private readonly db: DataSource) {}

  /** The city has a few dozen districts at most: a plain ordered list. */
  list(): Promise<District[]> {
    return this.db.getRepository(District).find({ order: { code: 'ASC' } });
  }

  /** For DataLoader: one query for many ids, answered in key order. */
  async findByIds(ids: readonly string[]): Promise<Array<District | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.db.getRepository(District).findBy({ id: In(valid) }) : [];
    const byId = new Map(rows.map((d) => [d.id, d]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
