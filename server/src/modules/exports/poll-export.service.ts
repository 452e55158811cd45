import { type DataSource } from 'typeorm';
import { notFound } from '../../common/errors';
import { type AuditService } from '../staff/audit.service';
import { type Viewer } from '../staff/staff.policy';
import { type Locale, pick } from '../../common/locale';
import { type DistrictService } from '../districts/district.service';
import { type District } from '../districts/district.entity';
import { type PollDefinition } from '../polls/poll-definition';
import { type PollService, type StoredAnswerRow } from '../polls/poll.service';
import { type Cell } from './csv';

/** Responses read per statement: a bounded slice of memory, whatever the poll's size. */
export const EXPORT_BATCH_SIZE = 2000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Joins the options of a MULTIPLE_CHOICE answer in one cell. */
export const OPTION_SEPARATOR = ' | ';

/** 2025-11-29T10:00:00Z: responses keep the hour only, so the milliseconds say nothing. */
export const isoHour = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/**
 * Raw responses of a poll for staff export. It reads poll_response and poll_answer itself, in
 * keyset pages ordered by (submitted_at, id) on the poll's (poll_id, submitted_at) index (the
 * plain `submitted_at >=` lets the index start at the page; the row comparison alone would not): no page repeats or skips a
 * response, a page costs the same at the start or the end of a large poll, and no connection or
 * snapshot is held while the client downloads. Responses that arrive during an export may or may
 * not be in it.
 */
export class PollExportService {
  constructor(
    private readonly polls: PollService,
    private readonly districts: DistrictService,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly batchSize = EXPORT_BATCH_SIZE,
  ) {}

  private running = 0;
  /** Exports producing rows now: one ends when its last row is read or its client hangs up (then it queries no more). */
  get openExports(): number {
    return this.running;
  }

  /**
   * NOT_FOUND when there is no such poll; otherwise the rows, produced as they are read. Every
   * answer leaves the server here, without disclosure control, so each export is written to the
   * audit log (who, which poll, when) before its first row.
   */
  async responseRows(
    viewer: Viewer,
    pollId: string,
    locale: Locale,
    requestId: string,
  ): Promise<{ pollId: string; rows: AsyncGenerator<Cell[]> }> {
    const definition = await this.polls.definition(pollId);
    if (!definition) throw notFound('Poll');
    await this.db.transaction((m) =>
      this.audit.record(m, {
        actorId: viewer.userId,
        action: 'exportPollResponses',
        entityType: 'Poll',
        entityId: definition.poll.id,
        after: { locale },
        requestId,
      }),
    );
    const districts = new Map((await this.districts.list()).map((d) => [d.id, d]));
    return { pollId: definition.poll.id, rows: this.counted(this.rows(definition, districts, locale)) };
  }

  private async *counted(rows: AsyncGenerator<Cell[]>): AsyncGenerator<Cell[]> {
    this.running++;
    try {
      yield* rows;
    } finally {
      this.running--;
    }
  }

  private async *rows(definition: PollDefinition, districts: Map<string, District>, locale: Locale): AsyncGenerator<Cell[]> {
    const { questions } = definition;
    const options = new Map(
      questions.flatMap((q) =>
        q.options.map((o) => [o.id, { position: o.position, label: pick({ fa: o.labelFa, en: o.labelEn }, locale) ?? o.labelFa }] as const),
      ),
    );
    const column = new Map(questions.map((q, i) => [q.id, i]));

    yield [
      'response_id',
      'submitted_hour',
      'district_code',
      'district_name',
      ...questions.map((q) => `Q${q.position}. ${pick({ fa: q.promptFa, en: q.promptEn }, locale) ?? q.promptFa}`),
    ];

    let after: [Date | string, string] = ['-infinity', NIL_UUID];
    for (;;) {
      const { responses, answers } = await this.polls.responsePage(definition.poll.id, after, this.batchSize);
      if (!responses.length) return;
      const byResponse = new Map<string, StoredAnswerRow[]>();
      for (const a of answers) {
        const list = byResponse.get(a.response_id);
        if (list) list.push(a);
        else byResponse.set(a.response_id, [a]);
      }

      for (const response of responses) {
        const cells: Cell[] = new Array(questions.length).fill(null);
        const picked = new Map<number, Array<{ position: number; label: string }>>();
        for (const a of byResponse.get(response.id) ?? []) {
          const i = column.get(a.question_id);
          if (i === undefined) continue;
          if (a.option_id) {
            const option = options.get(a.option_id);
            if (option) picked.set(i, [...(picked.get(i) ?? []), option]);
          } else {
            cells[i] = a.number ?? a.text;
          }
        }
        for (const [i, chosen] of picked) {
          cells[i] = chosen
            .sort((x, y) => x.position - y.position)
            .map((o) => o.label)
            .join(OPTION_SEPARATOR);
        }
        const district = response.district_id ? districts.get(response.district_id) : undefined;
        yield [
          response.id,
          isoHour(response.submitted_at),
          district?.code ?? null,
          district ? (pick({ fa: district.nameFa, en: district.nameEn }, locale) ?? district.nameFa) : null,
          ...cells,
        ];
      }
      if (responses.length < this.batchSize) return;
      const last = responses[responses.length - 1];
      after = [last.submitted_at, last.id];
    }
  }
}
