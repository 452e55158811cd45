import { type DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors';
import { type Viewer } from '../staff/staff.policy';
import { type Poll } from './poll.entity';
import { ResultsVisibility } from './poll.enums';
import { canReadResults } from './poll.policy';
import { type RespondentKeys } from './respondent';

/** Who may read a poll's results: its visibility, and for AFTER_RESPONSE whether the caller answered. */
export class ResultsAccess {
  constructor(
    private readonly db: DataSource,
    private readonly keys: RespondentKeys,
  ) {}

  /** Whether the holder of this respondent token has answered the poll (for AFTER_RESPONSE results). */
  async hasResponded(pollId: string, token: string | null | undefined): Promise<boolean> {
    if (!token || !this.keys.isValid(token)) return false;
    const rows = await this.db.query('SELECT 1 FROM poll_participation WHERE poll_id = $1 AND respondent_key = $2', [
      pollId,
      this.keys.participationKey(pollId, token),
    ]);
    return rows.length > 0;
  }

  /** FORBIDDEN unless the poll's results visibility lets this caller read them. */
  async assertMayReadResults(viewer: Viewer | null, poll: Poll, token: string | null | undefined): Promise<void> {
    const responded =
      !viewer && poll.resultsVisibility === ResultsVisibility.AFTER_RESPONSE ? await this.hasResponded(poll.id, token) : false;
    if (!canReadResults(viewer, poll.resultsVisibility, responded)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        poll.resultsVisibility === ResultsVisibility.AFTER_RESPONSE
          ? 'These results are shown after answering the poll.'
          : 'These results are for staff only.',
      );
    }
  }
}
