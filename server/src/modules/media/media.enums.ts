import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';

export const MediaOutletKind = graphqlEnum('MediaOutletKind', 'What kind of outlet a medium is.', {
  NEWS_AGENCY: 'A news agency (خبرگزاری).',
  NEWSPAPER: 'A daily or weekly newspaper or magazine (روزنامه، نشریه).',
  RADIO_TELEVISION: 'A radio or television channel or programme (صدا و سیما).',
  WEBSITE: 'A news website (پایگاه خبری).',
  SOCIAL_ACCOUNT: 'A channel or account on a social network or messenger.',
});
export type MediaOutletKind = EnumValue<typeof MediaOutletKind>;

export const MediaInteractionKind = graphqlEnum('MediaInteractionKind', 'What happened between the office and a media contact.', {
  INQUIRY_RECEIVED: 'The contact asked the office a question.',
  INTERVIEW: 'An interview was given to the contact.',
  STATEMENT_SENT: 'A statement or answer was sent to the contact.',
  CALL: 'A telephone call.',
  MEETING: 'A meeting in person.',
});
export type MediaInteractionKind = EnumValue<typeof MediaInteractionKind>;

export const PressReleaseStatus = graphqlEnum(
  'PressReleaseStatus',
  'Where a press release stands. Only PUBLISHED releases are public news.',
  {
    DRAFT: 'Being written; staff only.',
    PUBLISHED: 'Public: listed in `news` and readable by `newsItem(slug)`.',
    WITHDRAWN: 'Was published, taken off the public site; kept with its slug and distribution, and may be published again.',
  },
);
export type PressReleaseStatus = EnumValue<typeof PressReleaseStatus>;

export const CoverageKind = graphqlEnum('CoverageKind', 'The form a piece of coverage took.', {
  ARTICLE: 'A written article or news item.',
  BROADCAST: 'A radio or television item or programme.',
  SOCIAL_POST: 'A post on a social network or messenger channel.',
});
export type CoverageKind = EnumValue<typeof CoverageKind>;

export const CoverageTone = graphqlEnum(
  'CoverageTone',
  'How a piece of coverage speaks of the municipality, as judged by the media office.',
  {
    POSITIVE: 'Favourable.',
    NEUTRAL: 'Neither favourable nor unfavourable.',
    NEGATIVE: 'Unfavourable or critical.',
  },
);
export type CoverageTone = EnumValue<typeof CoverageTone>;

export const MediaInvitationReply = graphqlEnum('MediaInvitationReply', 'What an invited contact answered.', {
  AWAITING: 'No reply yet.',
  ACCEPTED: 'Will come.',
  DECLINED: 'Will not come.',
  TENTATIVE: 'Might come.',
});
export type MediaInvitationReply = EnumValue<typeof MediaInvitationReply>;
