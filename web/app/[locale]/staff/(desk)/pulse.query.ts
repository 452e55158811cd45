import { graphqlLocale, type Locale } from '@/lib/i18n/locales';
import { staffQuery } from '@/lib/staff/api';
import { addDays, cityDay } from '@/lib/staff/dates';
import { canUse, type Role } from '@/lib/staff/roles';
import type {
  StaffPulseMediaQuery,
  StaffPulseMediaQueryVariables,
  StaffPulsePollsQuery,
  StaffPulsePollsQueryVariables,
  StaffPulseVisitsQuery,
  StaffPulseVisitsQueryVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

export type VisitsPulse = StaffPulseVisitsQuery['siteStats'];

export type PollPulse = StaffPulsePollsQuery['pollActivity'][number];

export interface MediaPulse {
  followUpsDue: number;
  draftReleases: number;
  coverage: StaffPulseMediaQuery['mediaCoverageToneSummary']['total'];
}

export interface Pulse {
  visits: VisitsPulse;
  polls: PollPulse[] | null;
  media: MediaPulse | null;
}

const VISITS: Operation<StaffPulseVisitsQuery, StaffPulseVisitsQueryVariables> = /* GraphQL */ `
  query StaffPulseVisits {
    siteStats {
      today
      yesterday
      maxDaily
      maxDailyDate
    }
  }
`;

const POLLS: Operation<StaffPulsePollsQuery, StaffPulsePollsQueryVariables> = /* GraphQL */ `
  query StaffPulsePolls($locale: Locale!) {
    pollActivity(days: 7) {
      poll {
        id
        title(locale: $locale)
      }
      today
      yesterday
      dailyMean
      total
      days {
        day
        responses
      }
      recentBursts
      openClusters
      quarantined
    }
  }
`;

const MEDIA: Operation<StaffPulseMediaQuery, StaffPulseMediaQueryVariables> = /* GraphQL */ `
  query StaffPulseMedia($dueBefore: String!, $from: String!, $to: String!) {
    mediaFollowUps(first: 1, dueBefore: $dueBefore) {
      totalCount
    }
    pressReleases(first: 1, filter: { statuses: [DRAFT] }) {
      totalCount
    }
    mediaCoverageToneSummary(filter: { from: $from, to: $to }) {
      total {
        positive
        neutral
        negative
        total
      }
    }
  }
`;

/**
 * The figures of the day a role may see, each section one request, all at once: the home loads
 * as fast as its slowest part.
 */
export async function loadPulse(role: Role, locale: Locale): Promise<Pulse> {
  const today = cityDay();
  const [visits, polls, media] = await Promise.all([
    staffQuery(VISITS),
    canUse(role, 'insights') ? staffQuery(POLLS, { locale: graphqlLocale[locale] }) : null,
    canUse(role, 'media')
      ? staffQuery(MEDIA, {
          dueBefore: addDays(today, 1),
          from: addDays(today, -6),
          to: today,
        })
      : null,
  ]);
  return {
    visits: visits.siteStats,
    polls: polls?.pollActivity ?? null,
    media: media
      ? {
          followUpsDue: media.mediaFollowUps.totalCount,
          draftReleases: media.pressReleases.totalCount,
          coverage: media.mediaCoverageToneSummary.total,
        }
      : null,
  };
}
