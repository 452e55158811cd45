import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/staff/action-form';
import { DayField } from '@/components/staff/day-field';
import { graphqlLocale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { staffQuery, uuidOr404 } from '@/lib/staff/api';
import { cityDay, cityTime, dayFieldValue } from '@/lib/staff/dates';
import { staffFormat } from '@/lib/staff/format';
import { formLabels, staffText } from '@/lib/staff/i18n';
import { param } from '@/lib/staff/page';
import { participationText } from '@/lib/staff/participation-text';
import { pollsText } from '@/lib/staff/polls-text';
import { signalsText } from '@/lib/staff/signals-text';
import { requireSection } from '@/lib/staff/session';
import { localeParam } from '../../../../../locale-param';
import { quarantineCluster, quarantineWindow, releaseQuarantine } from './actions';
import type { StaffPollAbuseSignalsQuery, StaffPollAbuseSignalsQueryVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
import { StaffTable } from '@/components/staff/list';
import { staffRecordMetadata } from '@/lib/staff/open-page';
import { POLL_TITLE } from '@/lib/staff/record-titles';
import { Field } from '@/components/staff/fields';
import { StaffSection } from '@/components/staff/section';
import { SubmitRow } from '@/components/staff/buttons';

// A poll's abuse signals (issue 13 item 5): answers by what they proved, bursts against the poll's
// typical minute, clusters from one network and browser family, and the quarantines that hold
// suspect answers out of every result. Analysts, editors and admins (the API's POLL_ANALYSTS).

const SIGNALS: Operation<StaffPollAbuseSignalsQuery, StaffPollAbuseSignalsQueryVariables> = /* GraphQL */ `
  query StaffPollAbuseSignals($pollId: ID!, $locale: Locale!) {
    poll(id: $pollId) {
      id
      title(locale: $locale)
    }
    pollAbuseSignals(pollId: $pollId) {
      assuranceCounts {
        assurance
        count
      }
      quarantinedCount
      baselinePerMinute
      bursts {
        minute
        answers
        baseline
      }
      clusters {
        id
        windowStart
        answers
        quarantined
      }
      quarantines {
        id
        clusterId
        windowFrom
        windowTo
        reason
        responses
        createdAt
        releasedAt
      }
    }
  }
`;

const ASSURANCES = ['CHALLENGED', 'UNCHALLENGED', 'PHONE', 'RESIDENT'] as const;
/** A cluster is answers within ten minutes of its start. */
const CLUSTER_MINUTES = 10;

type Params = PageProps<'/[locale]/staff/polls/[id]/signals'>;

export const generateMetadata = staffRecordMetadata((locale) => signalsText[locale].link, 'insights', POLL_TITLE);

export default async function SignalsPage({ params, searchParams }: Params) {
  const locale = await localeParam(params);
  await requireSection('insights');
  const pollId = uuidOr404((await params).id);
  const query = await searchParams;
  const t = signalsText[locale];
  const st = staffText[locale];
  const pt = participationText[locale];
  const f = staffFormat(locale);
  const { poll, pollAbuseSignals: signals } = await staffQuery(SIGNALS, { pollId, locale: graphqlLocale[locale] });
  if (!poll) notFound();

  const count = (kind: (typeof ASSURANCES)[number]) => signals.assuranceCounts.find((c) => c.assurance === kind)?.count ?? 0;
  const clusterWindow = (start: string) => f.span(start, new Date(Date.parse(start) + CLUSTER_MINUTES * 60_000).toISOString());
  const labels = formLabels(locale);
  const fieldLabels = t.fields;
  const done = param(query, 'done');
  const held = Number(param(query, 'n') ?? '');
  const doneMessage =
    done === 'released' ? t.done.released : done === 'quarantined' && Number.isInteger(held) ? t.done.quarantined(f.number(held)) : null;
  // The window form starts at the past hour and ends at the next, in the city.
  const now = new Date();
  const hour = (offset: number) => `${cityTime(new Date(now.getTime() + offset * 3_600_000)).slice(0, 2)}:00`;
  const today = dayFieldValue(cityDay(now), locale);

  return (
    <>
      <header className="staff-header">
        <div>
          <p className="breadcrumb">
            <a href={localePath(locale, '/staff/polls')}>{pollsText[locale].listTitle}</a>
            {' / '}
            <a href={localePath(locale, `/staff/polls/${pollId}/insights`)}>{pollsText[locale].insights}</a>
          </p>
          <h1>{t.title(poll.title)}</h1>
        </div>
      </header>
      <p className="staff-muted staff-small">{t.intro}</p>

      {doneMessage && (
        <div className="staff-alert staff-alert--ok" role="status" data-signals-done>
          <p>{doneMessage}</p>
        </div>
      )}

      <StaffSection headingId="signals-counts-title" title={t.countsTitle}>
        <dl className="staff-counters" data-signals-counts>
          {ASSURANCES.map((kind) => (
            <div className="staff-counter" key={kind} data-assurance={kind}>
              <dt>{pt.counts[kind]}</dt>
              <dd>{f.number(count(kind))}</dd>
            </div>
          ))}
          <div className="staff-counter" data-assurance="quarantined">
            <dt>{t.quarantined}</dt>
            <dd data-quarantined-count>{f.number(signals.quarantinedCount)}</dd>
          </div>
        </dl>
      </StaffSection>

      <StaffSection id="bursts" headingId="bursts-title" title={t.burstsTitle}>
        <p className="staff-muted staff-small">{t.burstsIntro}</p>
        <p data-baseline>{t.baseline(f.decimal(signals.baselinePerMinute, Number.isInteger(signals.baselinePerMinute) ? 0 : 1))}</p>
        {signals.bursts.length === 0 ? (
          <p className="staff-muted">{t.noBursts}</p>
        ) : (
          <StaffTable
            data="bursts"
            labelledBy="bursts-title"
            columns={[t.minute, { label: t.answers, numeric: true }, { label: t.typical, numeric: true }]}
          >
            {signals.bursts.map((b) => (
              <tr key={b.minute}>
                <th scope="row">{f.dateTime(b.minute)}</th>
                <td className="staff-num" data-label={t.answers}>
                  {f.number(b.answers)}
                </td>
                <td className="staff-num" data-label={t.typical}>
                  {f.decimal(b.baseline, Number.isInteger(b.baseline) ? 0 : 1)}
                </td>
              </tr>
            ))}
          </StaffTable>
        )}
      </StaffSection>

      <StaffSection id="clusters" headingId="clusters-title" title={t.clustersTitle}>
        <p className="staff-muted staff-small">{t.clustersIntro}</p>
        {signals.clusters.length === 0 ? (
          <p className="staff-muted">{t.noClusters}</p>
        ) : (
          <StaffTable
            data="clusters"
            labelledBy="clusters-title"
            columns={[t.window, { label: t.answers, numeric: true }, t.state, { label: st.common.actions, actions: true }]}
          >
            {signals.clusters.map((c, i) => (
              <tr key={c.id} data-cluster={c.answers}>
                <th scope="row">{clusterWindow(c.windowStart)}</th>
                <td className="staff-num" data-label={t.answers}>
                  {f.number(c.answers)}
                </td>
                <td data-label={t.state}>
                  <span className={c.quarantined ? 'staff-badge staff-badge--bad' : 'staff-badge'}>
                    {c.quarantined ? t.held : t.notHeld}
                  </span>
                </td>
                <td>
                  {!c.quarantined && (
                    // A reason first: the quarantine is audited with it (closed until asked for, so the table stays short).
                    <details>
                      <summary className="staff-button staff-button--small">{t.quarantine}</summary>
                      <ActionForm
                        action={quarantineCluster.bind(null, pollId, c.id)}
                        className="staff-form"
                        labels={labels}
                        fieldLabels={fieldLabels}
                        aria-label={t.quarantineCluster(clusterWindow(c.windowStart))}
                      >
                        <div className="staff-field">
                          <label htmlFor={`cluster-reason-${i}`}>{t.reason}</label>
                          <input
                            id={`cluster-reason-${i}`}
                            name="reason"
                            required
                            maxLength={500}
                            dir="auto"
                            aria-describedby="cluster-reason-hint"
                          />
                        </div>
                        <SubmitRow variant="danger" small>
                          {t.quarantineAnswers(f.number(c.answers))}
                        </SubmitRow>
                      </ActionForm>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </StaffTable>
        )}
        {/* Only beside the reasons it is about: under "No cluster seen" it described no field. */}
        {signals.clusters.length > 0 && (
          <p id="cluster-reason-hint" className="staff-field__hint">
            {t.reasonHint}
          </p>
        )}
      </StaffSection>

      <StaffSection id="window" headingId="window-title" title={t.windowTitle}>
        <p className="staff-muted staff-small" id="window-hint">
          {t.windowIntro}
        </p>
        <ActionForm
          action={quarantineWindow.bind(null, pollId)}
          className="staff-form"
          labels={labels}
          fieldLabels={fieldLabels}
          aria-label={t.windowTitle}
        >
          {(['from', 'to'] as const).map((end) => (
            <fieldset className="staff-fieldset" key={end}>
              <legend>{t[end]}</legend>
              <div className="staff-fields">
                <div className="staff-field">
                  <label htmlFor={`window-${end}-day`}>{t.day}</label>
                  <DayField
                    id={`window-${end}-day`}
                    name={`${end}Day`}
                    locale={locale}
                    label={`${t[end]} — ${t.day}`}
                    defaultValue={today}
                    required
                    aria-describedby="window-hint"
                  />
                </div>
                <div className="staff-field">
                  <label htmlFor={`window-${end}-time`}>{t.time}</label>
                  <input
                    id={`window-${end}-time`}
                    name={`${end}Time`}
                    type="time"
                    step={3600}
                    required
                    defaultValue={hour(end === 'from' ? -1 : 1)}
                    dir="ltr"
                  />
                </div>
              </div>
            </fieldset>
          ))}
          <Field id="window-reason" label={t.reason}>
            <input id="window-reason" name="reason" required maxLength={500} dir="auto" aria-describedby="window-reason-hint" />
            <span className="staff-field__hint" id="window-reason-hint">
              {t.reasonHint}
            </span>
          </Field>
          <SubmitRow variant="danger">{t.quarantineWindow}</SubmitRow>
        </ActionForm>
      </StaffSection>

      <StaffSection id="quarantines" headingId="quarantines-title" title={t.quarantinesTitle}>
        {signals.quarantines.length === 0 ? (
          <p className="staff-muted">{t.noQuarantines}</p>
        ) : (
          <StaffTable
            data="quarantines"
            labelledBy="quarantines-title"
            columns={[t.what, t.reason, { label: t.responses, numeric: true }, t.created, t.state]}
          >
            {signals.quarantines.map((q) => {
              const cluster = signals.clusters.find((c) => c.id === q.clusterId);
              const what = q.clusterId
                ? cluster
                  ? t.cluster(clusterWindow(cluster.windowStart))
                  : t.clusterGone
                : t.timeWindow(q.windowFrom && q.windowTo ? f.span(q.windowFrom, q.windowTo) : '');
              return (
                <tr key={q.id} data-quarantine={q.releasedAt ? 'released' : 'active'}>
                  <th scope="row">{what}</th>
                  <td data-label={t.reason}>
                    <bdi>{q.reason}</bdi>
                  </td>
                  <td className="staff-num" data-label={t.responses}>
                    {f.number(q.responses)}
                  </td>
                  <td className="staff-small" data-label={t.created}>
                    {f.dateTime(q.createdAt)}
                  </td>
                  <td data-label={t.state}>
                    {q.releasedAt ? (
                      <span className="staff-small">{t.released(f.dateTime(q.releasedAt))}</span>
                    ) : (
                      <ActionForm action={releaseQuarantine.bind(null, pollId, q.id)} labels={labels} aria-label={t.releaseOne(what)}>
                        <span className="staff-badge staff-badge--bad">{t.active}</span>{' '}
                        <button
                          type="submit"
                          className="staff-button staff-button--quiet staff-button--small"
                          aria-label={t.releaseOne(what)}
                        >
                          {t.release}
                        </button>
                      </ActionForm>
                    )}
                  </td>
                </tr>
              );
            })}
          </StaffTable>
        )}
      </StaffSection>
    </>
  );
}
