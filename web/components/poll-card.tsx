import { gql } from '@apollo/client';
import { formatDate, formatNumber, isoDay } from '@/lib/format';
import { getDictionary } from '@/lib/i18n/dictionaries';
import type { Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/routing';
import { LocalizedText } from '@/components/localized-text';
import { fallbackProps } from '@/lib/i18n/fallback';
import type { PollCardFieldsFragment } from '@/lib/api/graphql.generated';

// Operations that show poll cards spread this fragment; they must declare `$locale: Locale!`.
export const POLL_CARD_FIELDS = gql`
  fragment PollCardFields on Poll {
    id
    title(locale: $locale)
    description(locale: $locale)
    status
    opensAt
    closesAt
    closedAt
    resultsVisibility
    questions {
      id
    }
  }
`;

export type PollCardFields = PollCardFieldsFragment;

interface PollCardProps {
  poll: PollCardFields;
  locale: Locale;
  headingLevel: 'h2' | 'h3';
}

export function PollCard({ poll, locale, headingLevel: Heading }: PollCardProps) {
  const t = getDictionary(locale);
  const href = localePath(locale, `/polls/${poll.id}`);
  return (
    <article className="poll-card">
      <p className="poll-card__meta">
        <span className={`status status--poll-${poll.status.toLowerCase()}`}>{t.pollStatus[poll.status]}</span>
        <span>{t.polls.questionCount(formatNumber(poll.questions.length, locale))}</span>
      </p>
      <Heading className="poll-card__title">
        {/* The title is the link: the card has one focus stop and a meaningful link name. */}
        <a href={href}>
          <LocalizedText text={poll.title} locale={locale} />
        </a>
      </Heading>
      {poll.description && (
        <p className="poll-card__description" {...fallbackProps(poll.description, locale)}>
          {poll.description}
        </p>
      )}
      <PollDates poll={poll} locale={locale} />
    </article>
  );
}

/** "Open until …" / "Closed on …" / "Opens on …", in the locale's calendar. */
export function PollDates({
  poll,
  locale,
}: {
  poll: Pick<PollCardFields, 'status' | 'opensAt' | 'closesAt' | 'closedAt'>;
  locale: Locale;
}) {
  const t = getDictionary(locale).polls;
  const when = (date: string) => <time dateTime={isoDay(date)}>{formatDate(date, locale)}</time>;
  if (poll.status === 'OPEN') {
    return (
      <p className="poll-card__dates">
        {poll.closesAt ? (
          <>
            {t.openUntil} {when(poll.closesAt)}
          </>
        ) : (
          t.openNoEnd
        )}
      </p>
    );
  }
  if (poll.status === 'SCHEDULED' && poll.opensAt) {
    return (
      <p className="poll-card__dates">
        {t.opensOn} {when(poll.opensAt)}
      </p>
    );
  }
  // When it actually closed (the API says closesAt for a poll that closed by itself).
  if (poll.status === 'CLOSED' && poll.closedAt) {
    return (
      <p className="poll-card__dates">
        {t.closedOn} {when(poll.closedAt)}
      </p>
    );
  }
  return null;
}
