import { registerEnumType } from 'type-graphql';

export enum MediaOutletKind {
  NEWS_AGENCY = 'NEWS_AGENCY',
  NEWSPAPER = 'NEWSPAPER',
  RADIO_TELEVISION = 'RADIO_TELEVISION',
  WEBSITE = 'WEBSITE',
  SOCIAL_ACCOUNT = 'SOCIAL_ACCOUNT',
}
registerEnumType(MediaOutletKind, {
  name: 'MediaOutletKind',
  description: 'What kind of outlet a medium is.',
  valuesConfig: {
    NEWS_AGENCY: { description: 'A news agency (خبرگزاری).' },
    NEWSPAPER: { description: 'A daily or weekly newspaper or magazine (روزنامه، نشریه).' },
    RADIO_TELEVISION: { description: 'A radio or television channel or programme (صدا و سیما).' },
    WEBSITE: { description: 'A news website (پایگاه خبری).' },
    SOCIAL_ACCOUNT: { description: 'A channel or account on a social network or messenger.' },
  },
});

export enum MediaInteractionKind {
  INQUIRY_RECEIVED = 'INQUIRY_RECEIVED',
  INTERVIEW = 'INTERVIEW',
  STATEMENT_SENT = 'STATEMENT_SENT',
  CALL = 'CALL',
  MEETING = 'MEETING',
}
registerEnumType(MediaInteractionKind, {
  name: 'MediaInteractionKind',
  description: 'What happened between the office and a media contact.',
  valuesConfig: {
    INQUIRY_RECEIVED: { description: 'The contact asked the office a question.' },
    INTERVIEW: { description: 'An interview was given to the contact.' },
    STATEMENT_SENT: { description: 'A statement or answer was sent to the contact.' },
    CALL: { description: 'A telephone call.' },
    MEETING: { description: 'A meeting in person.' },
  },
});

export enum PressReleaseStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PressReleaseStatus, {
  name: 'PressReleaseStatus',
  description: 'Where a press release stands. Only PUBLISHED releases are public news.',
  valuesConfig: {
    DRAFT: { description: 'Being written; staff only.' },
    PUBLISHED: { description: 'Public: listed in `news` and readable by `newsItem(slug)`.' },
    WITHDRAWN: {
      description: 'Was published, taken off the public site; kept with its slug and distribution, and may be published again.',
    },
  },
});

export enum CoverageKind {
  ARTICLE = 'ARTICLE',
  BROADCAST = 'BROADCAST',
  SOCIAL_POST = 'SOCIAL_POST',
}
registerEnumType(CoverageKind, {
  name: 'CoverageKind',
  description: 'The form a piece of coverage took.',
  valuesConfig: {
    ARTICLE: { description: 'A written article or news item.' },
    BROADCAST: { description: 'A radio or television item or programme.' },
    SOCIAL_POST: { description: 'A post on a social network or messenger channel.' },
  },
});

export enum CoverageTone {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}
registerEnumType(CoverageTone, {
  name: 'CoverageTone',
  description: 'How a piece of coverage speaks of the municipality, as judged by the media office.',
  valuesConfig: {
    POSITIVE: { description: 'Favourable.' },
    NEUTRAL: { description: 'Neither favourable nor unfavourable.' },
    NEGATIVE: { description: 'Unfavourable or critical.' },
  },
});

export enum MediaInvitationReply {
  AWAITING = 'AWAITING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  TENTATIVE = 'TENTATIVE',
}
registerEnumType(MediaInvitationReply, {
  name: 'MediaInvitationReply',
  description: 'What an invited contact answered.',
  valuesConfig: {
    AWAITING: { description: 'No reply yet.' },
    ACCEPTED: { description: 'Will come.' },
    DECLINED: { description: 'Will not come.' },
    TENTATIVE: { description: 'Might come.' },
  },
});
