/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** More identifiers for an eligibility list. */
export type AddEligibilityEntriesInput = {
  /** Identifiers, one per line, at most 5,000 a call; any bad line refuses the whole call. */
  entries: string;
  /** The list. */
  listId: string;
};

/** A new indicator of a goal (at most 10 a goal). */
export type AddGoalIndicatorInput = {
  /** Whether the value should be at least or at most the target. */
  direction: GoalIndicatorDirection;
  /** The goal to measure. */
  goalId: string;
  /** English label, at most 200 characters. */
  labelEn?: string | null | undefined;
  /** Persian label, at most 200 characters. */
  labelFa: string;
  /** What to read from the poll's results; it must suit the question's kind. */
  metric: GoalIndicatorMetric;
  /** OPTION_SHARE only (and then this or optionIds is required): an option of that question, the one counted. */
  optionId?: string | null | undefined;
  /** OPTION_SHARE: the options of that question whose shares the indicator adds up, at least one and none twice (more than one only on a SINGLE_CHOICE question: on a MULTIPLE_CHOICE one a respondent may pick several, so the shares overlap). `optionId` alone means `[optionId]`; given both, `optionId` must be the first of these. */
  optionIds?: Array<string> | null | undefined;
  /** The poll to read. */
  pollId: string;
  /** A question of that poll: SINGLE_CHOICE or MULTIPLE_CHOICE for OPTION_SHARE, RATING for RATING_MEAN, NPS for NPS_SCORE. */
  questionId: string;
  /** The value to reach, on the metric's scale: OPTION_SHARE a fraction from 0 to 1 (0.65 for 65 %), RATING_MEAN 1 to 5, NPS_SCORE −100 to 100. */
  target: number;
};

/** The answer to one question. Give exactly the field its kind needs. */
export type AnswerInput = {
  /** RATING (1–5) and NPS (0–10). */
  number?: number | null | undefined;
  /** SINGLE_CHOICE (one id) and MULTIPLE_CHOICE: the options picked. */
  optionIds?: Array<string> | null | undefined;
  /** The question answered. */
  questionId: string;
  /** FREE_TEXT. */
  text?: string | null | undefined;
};

/** What a partner API key may do. */
export type ApiScope =
  /** The analysts' read-only opinion and traffic data (fields that say "API keys with ANALYTICS_READ"). */
  | 'ANALYTICS_READ'
  /** Every public query and subscription (goals, polls, results the public may see, events, news, site counters). */
  | 'PUBLIC_READ'
  /** Public mutations made on behalf of citizens: submitPollResponse and trackPageview. */
  | 'SUBMIT_RESPONSES';

/** An uploaded image (POST /uploads) to attach, with its text alternative. */
export type AttachImageInput = {
  /** The same in English (optional). */
  altEn?: string | null | undefined;
  /** What the image shows, in Persian, for people who cannot see it (required, up to 300 characters). */
  altFa: string;
  /** The uploaded image. */
  fileId: string;
  /** The id of what it is attached to: the press release (news item), event, goal or district. */
  targetId: string;
};

/** An uploaded PDF to attach to a press release. */
export type AttachPressReleasePdfInput = {
  /** The uploaded PDF. */
  fileId: string;
  /** The press release. */
  pressReleaseId: string;
};

/** Which audit log entries to list; all given conditions must hold. */
export type AuditLogFilter = {
  /** Only this action, exactly (e.g. `updateStaffUser`). */
  action?: string | null | undefined;
  /** Only actions by this staff user. */
  actorId?: string | null | undefined;
  /** Only this object (its id); combine with entityType for an object's whole history. */
  entityId?: string | null | undefined;
  /** Only objects of this kind, exactly (e.g. `StaffUser`). */
  entityType?: string | null | undefined;
  /** Only entries at or after this instant. */
  from?: string | null | undefined;
  /** Only entries before this instant; must be after `from`. */
  to?: string | null | undefined;
};

/** The event to cancel. */
export type CancelEventInput = {
  /** The event. */
  id: string;
};

/** A new password chosen by its owner. */
export type ChangePasswordInput = {
  /** The current password: required when signed in; may be left out at the PASSWORD_CHANGE_REQUIRED step of signing in. */
  currentPassword?: string | null | undefined;
  /** The new password (12 to 200 characters), not the current one; in production never the demo password. */
  newPassword: string;
};

/** The poll to close now. */
export type ClosePollInput = {
  /** The poll to close. */
  id: string;
};

/** The follow-up to mark done. */
export type CompleteMediaFollowUpInput = {
  /** The log entry whose follow-up is done. */
  interactionId: string;
};

/** A code of the new second factor, proving the authenticator app has it. */
export type ConfirmSecondFactorEnrolmentInput = {
  /** The 6-digit code the authenticator app shows now. */
  code: string;
};

/** The form a piece of coverage took. */
export type CoverageKind =
  /** A written article or news item. */
  | 'ARTICLE'
  /** A radio or television item or programme. */
  | 'BROADCAST'
  /** A post on a social network or messenger channel. */
  | 'SOCIAL_POST';

/** How a piece of coverage speaks of the municipality, as judged by the media office. */
export type CoverageTone =
  /** Unfavourable or critical. */
  | 'NEGATIVE'
  /** Neither favourable nor unfavourable. */
  | 'NEUTRAL'
  /** Favourable. */
  | 'POSITIVE';

/** A new partner API key. */
export type CreateApiKeyInput = {
  /** Who the key is for, 1 to 120 characters (e.g. "City mobile app"). */
  name: string;
  /** Requests per minute the key may make (1 to 100000), across all server instances; then RATE_LIMITED. */
  requestsPerMinute: number;
  /** What the key may do; at least one. */
  scopes: Array<ApiScope>;
};

/** A new district. */
export type CreateDistrictInput = {
  /** The outline as GeoJSON (an object, or its text): a Polygon, a MultiPolygon or a Feature of one, [longitude, latitude] in WGS84, rings closed; at most 1 MB and 20,000 points. A bad one is refused with reason BOUNDARY_* and the polygon, ring and point at fault. */
  boundary?: unknown;
  /** The official number, 1 to 10000; unique. */
  code: number;
  /** English name, at most 200 characters. */
  nameEn?: string | null | undefined;
  /** Persian name, at most 200 characters. */
  nameFa: string;
  /** Residents, used to weight poll results. */
  population: number;
  /** Where the figure comes from, e.g. "Census 1395"; at most 200 characters. */
  populationSource?: string | null | undefined;
  /** The year the figure describes, e.g. 1395 or 2016. */
  populationYear?: number | null | undefined;
};

/** A new eligibility list and its first identifiers. */
export type CreateEligibilityListInput = {
  /** Identifiers, one per line (a CSV's first column works; blank lines are skipped), at most 5,000 a call. Any bad line refuses the whole upload, listed by line in `extensions.rows`. */
  entries: string;
  /** Which identifiers it holds. */
  kind: EligibilityKind;
  /** A name staff recognise. */
  name: string;
};

/** A new event. It starts as a DRAFT: publish it with `publishEvent`. */
export type CreateEventInput = {
  /** English description, at most 10000 characters. */
  descriptionEn?: string | null | undefined;
  /** Persian description, at most 10000 characters. */
  descriptionFa?: string | null | undefined;
  /** The district it takes place in; citywide when null. */
  districtId?: string | null | undefined;
  /** When it ends; not before `startsAt`. */
  endsAt: string;
  /** A goal of the PR office the event serves. */
  goalId?: string | null | undefined;
  /** What sort of event it is. */
  kind: EventKind;
  /** A poll to link, for example one asking about the event. */
  pollId?: string | null | undefined;
  /** When it starts. */
  startsAt: string;
  /** English title, at most 300 characters. */
  titleEn?: string | null | undefined;
  /** Persian title, at most 300 characters. */
  titleFa: string;
  /** Where, in English, at most 300 characters. */
  venueEn?: string | null | undefined;
  /** Where, in Persian, at most 300 characters. */
  venueFa?: string | null | undefined;
};

/** A new goal. */
export type CreateGoalInput = {
  /** The area of work. */
  category: GoalCategory;
  /** English description, at most 10000 characters. */
  descriptionEn?: string | null | undefined;
  /** Persian description, at most 10000 characters. */
  descriptionFa?: string | null | undefined;
  /** Display order, 1 to 10000; after the last goal when omitted. */
  position?: number | null | undefined;
  /** Initial status; DRAFT when omitted. */
  status?: GoalStatus | null | undefined;
  /** English title, at most 500 characters. */
  titleEn?: string | null | undefined;
  /** Persian title, at most 500 characters. */
  titleFa: string;
};

/** A new media contact. */
export type CreateMediaContactInput = {
  /** Up to 10 subjects they cover, each at most 60 characters. */
  beats?: Array<string> | null | undefined;
  /** E-mail address; stored lower-case. */
  email?: string | null | undefined;
  /** The language they work in, as a BCP 47 code; fa when omitted. */
  language?: string | null | undefined;
  /** Full name, at most 200 characters. */
  name: string;
  /** Notes, at most 5000 characters of plain text. */
  notes?: string | null | undefined;
  /** The outlet they work for; none for freelancers. */
  outletId?: string | null | undefined;
  /** Up to 5 telephone numbers. Persian and Arabic digits, spaces, hyphens and brackets are accepted and normalised; 00 becomes +. */
  phones?: Array<string> | null | undefined;
  /** Role at the outlet, at most 200 characters. */
  role?: string | null | undefined;
};

/** A new outlet. */
export type CreateMediaOutletInput = {
  /** What kind of outlet it is. */
  kind: MediaOutletKind;
  /** English name, at most 200 characters. */
  nameEn?: string | null | undefined;
  /** Persian name, at most 200 characters; unique (ignoring ي/ی, ZWNJ and diacritics). */
  nameFa: string;
  /** Notes, at most 5000 characters of plain text. */
  notes?: string | null | undefined;
  /** Website or account address, http or https. */
  url?: string | null | undefined;
};

/** A new recurring occasion. */
export type CreateOccasionInput = {
  /** The calendar its date is fixed in. */
  calendar: OccasionCalendar;
  /** The day: up to 31 in Solar Hijri months 1–6, up to 30 otherwise. A day a year lacks falls on the month's last day. */
  day: number;
  /** English description, at most 10000 characters. */
  descriptionEn?: string | null | undefined;
  /** Persian description, at most 10000 characters. */
  descriptionFa?: string | null | undefined;
  /** Whether it is an official public holiday. */
  holiday?: boolean;
  /** NATIONAL_OCCASION or RELIGIOUS_OCCASION. */
  kind: EventKind;
  /** The month, 1–12. */
  month: number;
  /** English title, at most 300 characters. */
  titleEn?: string | null | undefined;
  /** Persian title, at most 300 characters. */
  titleFa: string;
};

/** A new poll or survey. It starts as a draft. */
export type CreatePollInput = {
  /** Ask respondents which district they live in. */
  asksDistrict?: boolean;
  /** What a respondent must prove before answering. */
  assurance?: PollAssurance;
  /** When it closes by itself; never when null. */
  closesAt?: string | null | undefined;
  /** English introduction. */
  descriptionEn?: string | null | undefined;
  /** Persian introduction. */
  descriptionFa?: string | null | undefined;
  /** Limit the poll to these districts (then respondents must say their district); empty for the whole city. */
  districtIds?: Array<string>;
  /** RESIDENT_LIST polls: the eligibility list (`eligibilityLists`) whose identifiers may answer. Required there, refused elsewhere. */
  eligibilityListId?: string | null | undefined;
  /** Disclosure control: answers a question (and a district's row) needs before its results are shown, 5 to 1000; 10 when omitted. */
  minResponses?: number | null | undefined;
  /** When it opens once published; at publishing when null. */
  opensAt?: string | null | undefined;
  /** 1 to 50 questions, in order. */
  questions: Array<PollQuestionInput>;
  /** Who may read the results. */
  resultsVisibility?: ResultsVisibility;
  /** English title. */
  titleEn?: string | null | undefined;
  /** Persian title, at most 300 characters. */
  titleFa: string;
};

/** A new press release; it starts as a draft. */
export type CreatePressReleaseInput = {
  /** English body, plain text, at most 50000 characters. */
  bodyEn?: string | null | undefined;
  /** Persian body, plain text (paragraphs separated by blank lines), at most 50000 characters. */
  bodyFa: string;
  /** The district it concerns; the whole city when omitted. */
  districtId?: string | null | undefined;
  /** The address of the news item, at most 80 characters of a-z, 0-9 and single hyphens. When omitted: from the English title, or news-<part of the id>. */
  slug?: string | null | undefined;
  /** English summary, at most 1000 characters. */
  summaryEn?: string | null | undefined;
  /** Persian summary (lead), at most 1000 characters. */
  summaryFa?: string | null | undefined;
  /** English title, at most 300 characters; the slug is made from it when none is given. */
  titleEn?: string | null | undefined;
  /** Persian title, at most 300 characters. */
  titleFa: string;
};

/** A new staff user. */
export type CreateStaffUserInput = {
  /** Name shown to colleagues, at most 120 characters; the e-mail address's local part when omitted. */
  displayName?: string | null | undefined;
  /** Sign-in e-mail address; stored lower-case, and unique whatever its case. */
  email: string;
  /** The initial password, 12 to 200 characters; stored only as an argon2id hash. Give it to the user by a safe channel. */
  password: string;
  /** What the user may do. */
  role: Role;
};

/** The draft to delete. */
export type DeleteEventInput = {
  /** The event. */
  id: string;
};

/** The goal to delete. */
export type DeleteGoalInput = {
  /** The goal to delete. */
  id: string;
};

/** The contact to delete. */
export type DeleteMediaContactInput = {
  /** The contact to delete, with their log entries, their place on distribution lists and their invitations. */
  id: string;
};

/** The occasion to delete, with its overrides. */
export type DeleteOccasionInput = {
  /** The occasion. */
  id: string;
};

/** The draft to delete. */
export type DeletePressReleaseInput = {
  /** A DRAFT release; a release that was ever published can only be withdrawn. */
  id: string;
};

/** What to remove the image from. */
export type DetachImageInput = {
  /** The id of the press release (news item), event, goal or district. */
  targetId: string;
};

/** The press release to remove the PDF from. */
export type DetachPressReleasePdfInput = {
  /** The press release. */
  pressReleaseId: string;
};

/** The kind of identifier an eligibility list holds. */
export type EligibilityKind =
  /** Member numbers of an organisation: 3 to 32 letters, digits or dashes. */
  | 'MEMBER_NUMBER'
  /** Iranian national codes (کد ملی): ten digits with a check digit. */
  | 'NATIONAL_CODE';

/** A published press release to e-mail, to whom, and when. */
export type EmailPressReleaseInput = {
  /** The contacts, at most 2000; the release's distribution list when omitted. Contacts without an e-mail address are reported, not queued; BAD_USER_INPUT when none has one. */
  contactIds?: Array<string> | null | undefined;
  /** An embargo the e-mail states ("not for publication before …", in Persian, city time). It does not delay sending: use sendAt for that. */
  embargoUntil?: string | null | undefined;
  /** A PUBLISHED release (CONFLICT otherwise; NOT_FOUND when there is none). */
  releaseId: string;
  /** When to send: now when omitted or past; at most a year ahead. */
  sendAt?: string | null | undefined;
};

/** What sort of event it is. */
export type EventKind =
  /** A notice about a crisis or special conditions; one may be pinned to the top of the public site. */
  | 'CRISIS_NOTICE'
  /** A cultural event. */
  | 'CULTURAL_EVENT'
  /** A public appearance of the mayor. */
  | 'MAYOR_APPEARANCE'
  /** A national occasion (for example Nowruz or 22 Bahman). */
  | 'NATIONAL_OCCASION'
  /** Anything else. */
  | 'OTHER'
  /** A press conference. */
  | 'PRESS_CONFERENCE'
  /** A religious occasion (for example Tasua and Ashura or Eid al-Fitr). */
  | 'RELIGIOUS_OCCASION';

/** Where an event stands. The public sees PUBLISHED and CANCELLED events; drafts are staff-only. */
export type EventStatus =
  /** Was published, then called off: still listed, marked cancelled, so people who saved it learn of it. */
  | 'CANCELLED'
  /** Being prepared; staff only. To anyone else it does not exist. */
  | 'DRAFT'
  /** On the public calendar. */
  | 'PUBLISHED';

/** The contact whose personal data to export. */
export type ExportMediaContactDataInput = {
  /** The contact. */
  id: string;
};

/** The area of the PR office's work a goal belongs to. */
export type GoalCategory =
  /** Informing citizens about the municipality. */
  | 'AWARENESS'
  /** Links with citizens and their participation. */
  | 'CITIZEN_PARTICIPATION'
  /** Crisis communication and special conditions. */
  | 'CRISIS_MANAGEMENT'
  /** Building culture and spreading cultural topics. */
  | 'CULTURE'
  /** Events, public appearances and national and religious occasions. */
  | 'EVENTS_AND_OCCASIONS'
  /** Communication among employees and managers. */
  | 'INTERNAL_COMMUNICATION'
  /** Advice, planning and decision support for managers. */
  | 'MANAGEMENT_SUPPORT'
  /** The spokesperson and relations with the media. */
  | 'MEDIA_RELATIONS'
  /** Measuring satisfaction and public opinion. */
  | 'PUBLIC_OPINION'
  /** Reputation, credibility and transparency. */
  | 'REPUTATION';

/** Which goals to list. */
export type GoalFilter = {
  /** Only goals of this category. */
  category?: GoalCategory | null | undefined;
  /** Words to find in the title or description, in either language. Arabic ي/ك match Persian ی/ک; ZWNJ and diacritics are ignored. */
  search?: string | null | undefined;
  /** Only goals in these statuses. Without a staff session only ACTIVE and COMPLETED goals are ever returned. */
  statuses?: Array<GoalStatus> | null | undefined;
};

/** Which side of the target is good. */
export type GoalIndicatorDirection =
  /** On target when the value is at least the target. */
  | 'AT_LEAST'
  /** On target when the value is at most the target. */
  | 'AT_MOST';

/** What an indicator reads from a poll's results. */
export type GoalIndicatorMetric =
  /** The Net Promoter Score of an NPS question: % promoters − % detractors, from −100 to 100. */
  | 'NPS_SCORE'
  /** The share of the responses that answered a SINGLE_CHOICE or MULTIPLE_CHOICE question that picked the indicator's option, as a fraction from 0 to 1 (0.65 means 65 %). On a SINGLE_CHOICE question it may count several options: their shares added up. */
  | 'OPTION_SHARE'
  /** The mean answer to a RATING question, from 1 to 5. */
  | 'RATING_MEAN';

/** Where a goal stands. The public sees ACTIVE and COMPLETED goals only. */
export type GoalStatus =
  /** Published and being pursued. */
  | 'ACTIVE'
  /** Withdrawn from the public site; staff only. */
  | 'ARCHIVED'
  /** Published and reached. */
  | 'COMPLETED'
  /** Being written; staff only. */
  | 'DRAFT';

/** Contacts to invite to an event. */
export type InviteMediaContactsInput = {
  /** 1 to 500 contacts. A contact already invited keeps their invitation as it is. */
  contactIds: Array<string>;
  /** The event (a calendar event, not an occurrence of a recurring occasion). */
  eventId: string;
  /** A note on the new invitations, at most 1000 characters of plain text. */
  note?: string | null | undefined;
  /** Also e-mail each invitation (given ones included) with RSVP links that record the reply; contacts without an address are listed in contactsWithoutEmail. Default false. */
  sendEmail?: boolean | null | undefined;
};

/** A verified identity and a blinded message to sign: one token per person per poll. */
export type IssuePollTokenInput = {
  /** The blinded message (RFC 9474 `blind` output, 256 bytes), base64url. Made with the poll's `tokenKey`. */
  blindedMessage: string;
  /** VERIFIED_PHONE: the 6-digit code (Persian, Arabic or Latin digits). */
  code?: string | null | undefined;
  /** VERIFIED_PHONE: the mobile number the code was texted to. */
  phone?: string | null | undefined;
  /** The poll to answer. */
  pollId: string;
  /** RESIDENT_LIST: the identifier on the poll's eligibility list (a national code, or a member number). */
  residentId?: string | null | undefined;
};

/** The staff user whose sign-in locks to lift. */
export type LiftSignInLockInput = {
  /** The staff user. */
  id: string;
};

/** A language of the public text. Persian is the default. */
export type Locale =
  /** English. */
  | 'EN'
  /** Persian (فارسی). */
  | 'FA';

/** A new entry of the spokesperson's log. */
export type LogMediaInteractionInput = {
  /** The contact. */
  contactId: string;
  /** The day to follow up by, a LocalDate (YYYY-MM-DD); none when omitted. */
  followUpOn?: string | null | undefined;
  /** What happened. */
  kind: MediaInteractionKind;
  /** Details, at most 10000 characters of plain text. */
  notes?: string | null | undefined;
  /** When it happened; now when omitted. */
  occurredAt?: string | null | undefined;
  /** The staff member who dealt with the contact; the caller when omitted. */
  staffId?: string | null | undefined;
  /** What it was about, at most 300 characters. */
  topic: string;
};

/** Where one e-mail to one recipient stands. */
export type MailDeliveryStatus =
  /** Given up: the mail server refused the address, or every try failed. */
  | 'FAILED'
  /** Waiting on the job queue (for its sending time, or for the mail server to be configured). */
  | 'QUEUED'
  /** A try failed (see lastError); the queue tries again later, waiting longer each time. */
  | 'RETRYING'
  /** The mail server accepted it. */
  | 'SENT'
  /** Not sent: the contact had unsubscribed. */
  | 'SKIPPED_UNSUBSCRIBED';

/** What an e-mail carried. */
export type MailKind =
  /** An invitation to an event, with RSVP links. */
  | 'EVENT_INVITATION'
  /** A press release. */
  | 'PRESS_RELEASE';

/** Which media contacts to list. */
export type MediaContactFilter = {
  /** Only contacts with this beat (whole beat, matched the Persian-aware way). Arabic ي/ك match Persian ی/ک; ZWNJ, diacritics and Persian digits are read alike. */
  beat?: string | null | undefined;
  /** Only contacts working in this language (BCP 47 code). */
  language?: string | null | undefined;
  /** Only contacts at this outlet. */
  outletId?: string | null | undefined;
  /** Words to find; each must appear in the contact's name, role or beats, or in their outlet's name. Arabic ي/ك match Persian ی/ک; ZWNJ, diacritics and Persian digits are read alike. */
  search?: string | null | undefined;
};

/** Which coverage to list. */
export type MediaCoverageFilter = {
  /** Only coverage that appeared on or after this day (LocalDate, YYYY-MM-DD). */
  from?: string | null | undefined;
  /** Only coverage of these kinds. */
  kinds?: Array<CoverageKind> | null | undefined;
  /** Only coverage by this outlet. */
  outletId?: string | null | undefined;
  /** Only coverage of this press release. */
  pressReleaseId?: string | null | undefined;
  /** Only coverage that appeared on or before this day (LocalDate, YYYY-MM-DD). */
  to?: string | null | undefined;
  /** Only coverage of these tones. */
  tones?: Array<CoverageTone> | null | undefined;
};

/** Which coverage to count in the tone summary. */
export type MediaCoverageSummaryFilter = {
  /** Only coverage that appeared on or after this day (LocalDate, YYYY-MM-DD). */
  from?: string | null | undefined;
  /** Only coverage of these kinds. */
  kinds?: Array<CoverageKind> | null | undefined;
  /** Only coverage by this outlet. */
  outletId?: string | null | undefined;
  /** Only coverage that appeared on or before this day (LocalDate, YYYY-MM-DD). */
  to?: string | null | undefined;
};

/** What happened between the office and a media contact. */
export type MediaInteractionKind =
  /** A telephone call. */
  | 'CALL'
  /** The contact asked the office a question. */
  | 'INQUIRY_RECEIVED'
  /** An interview was given to the contact. */
  | 'INTERVIEW'
  /** A meeting in person. */
  | 'MEETING'
  /** A statement or answer was sent to the contact. */
  | 'STATEMENT_SENT';

/** What an invited contact answered. */
export type MediaInvitationReply =
  /** Will come. */
  | 'ACCEPTED'
  /** No reply yet. */
  | 'AWAITING'
  /** Will not come. */
  | 'DECLINED'
  /** Might come. */
  | 'TENTATIVE';

/** Which outlets to list. */
export type MediaOutletFilter = {
  /** Only outlets of these kinds. */
  kinds?: Array<MediaOutletKind> | null | undefined;
  /** Words to find in the outlet's name, in either language. Arabic ي/ك match Persian ی/ک; ZWNJ, diacritics and Persian digits are read alike. */
  search?: string | null | undefined;
};

/** What kind of outlet a medium is. */
export type MediaOutletKind =
  /** A daily or weekly newspaper or magazine (روزنامه، نشریه). */
  | 'NEWSPAPER'
  /** A news agency (خبرگزاری). */
  | 'NEWS_AGENCY'
  /** A radio or television channel or programme (صدا و سیما). */
  | 'RADIO_TELEVISION'
  /** A channel or account on a social network or messenger. */
  | 'SOCIAL_ACCOUNT'
  /** A news website (پایگاه خبری). */
  | 'WEBSITE';

/** Which news items to list. */
export type NewsFilter = {
  /** Only news about this district. */
  districtId?: string | null | undefined;
  /** Words to find in the title or summary, in either language. Arabic ي/ك match Persian ی/ک; ZWNJ and diacritics are ignored. */
  search?: string | null | undefined;
};

/** The calendar a recurring occasion's date is fixed in. */
export type OccasionCalendar =
  /** The lunar Hijri calendar as observed in Iran: for example 10 Muharram, Ashura. Predicted; the official date follows moon sighting and may be fixed per year with an override. */
  | 'LUNAR_HIJRI'
  /** The Solar Hijri (Persian) calendar, Iran's civil calendar: for example 1 Farvardin, Nowruz. Exact. */
  | 'SOLAR_HIJRI';

/** The crisis notice to pin. */
export type PinCrisisNoticeInput = {
  /** The event. */
  id: string;
};

/** What a respondent must prove before answering. See docs/privacy.md for what each level stores. */
export type PollAssurance =
  /** Anyone may answer once per respondent token; a proof-of-work challenge (`altchaChallenge`) marks answers as challenged. Answers without it are accepted, marked unchallenged and held to a tighter per-address limit. */
  | 'OPEN'
  /** One answer per identifier on the poll's eligibility list (national code or member number): entering it buys one blindly signed poll token (`issuePollToken`). */
  | 'RESIDENT_LIST'
  /** One answer per Iranian mobile number: a one-time SMS code (`requestVerificationCode`) buys one blindly signed poll token (`issuePollToken`), spent by `submitPollResponse`. */
  | 'VERIFIED_PHONE';

/** An answer option of a choice question. */
export type PollOptionInput = {
  /** An existing option to keep (when editing); omit for a new option. */
  id?: string | null | undefined;
  /** English label. */
  labelEn?: string | null | undefined;
  /** Persian label, at most 300 characters. */
  labelFa: string;
};

/** A question of a poll. */
export type PollQuestionInput = {
  /** An existing question to keep (when editing); omit for a new question. */
  id?: string | null | undefined;
  /** How the question is answered. */
  kind: QuestionKind;
  /** MULTIPLE_CHOICE only: the most options one may pick. */
  maxChoices?: number | null | undefined;
  /** FREE_TEXT only: the longest answer, 1 to 5000 characters (default 1000). */
  maxLength?: number | null | undefined;
  /** Choice questions: 2 to 30 options, in order. Others: none. */
  options?: Array<PollOptionInput>;
  /** English question text. */
  promptEn?: string | null | undefined;
  /** Persian question text, at most 500 characters. */
  promptFa: string;
  /** Whether every response must answer it. */
  required?: boolean;
};

/** Where a poll stands. A published poll opens and closes by itself at its scheduled times. */
export type PollStatus =
  /** No longer taking answers. */
  | 'CLOSED'
  /** Being written; staff only. */
  | 'DRAFT'
  /** Taking answers. */
  | 'OPEN'
  /** Published, opening at `opensAt`. */
  | 'SCHEDULED';

/** A poll token: the message and its unblinded signature (RFC 9474), both base64url. See `issuePollToken`. */
export type PollTokenInput = {
  /** The prepared message the token signs (the 32-byte random prefix and the message, as `prepare` returns it), base64url. */
  message: string;
  /** The finalized (unblinded) signature over `message`, base64url (256 bytes). */
  signature: string;
};

/** Which press releases to list. */
export type PressReleaseFilter = {
  /** Only news about this district. */
  districtId?: string | null | undefined;
  /** Words to find in the title or summary, in either language. Arabic ي/ك match Persian ی/ک; ZWNJ and diacritics are ignored. */
  search?: string | null | undefined;
  /** Only releases in these statuses. */
  statuses?: Array<PressReleaseStatus> | null | undefined;
};

/** Where a press release stands. Only PUBLISHED releases are public news. */
export type PressReleaseStatus =
  /** Being written; staff only. */
  | 'DRAFT'
  /** Public: listed in `news` and readable by `newsItem(slug)`. */
  | 'PUBLISHED'
  /** Was published, taken off the public site; kept with its slug and distribution, and may be published again. */
  | 'WITHDRAWN';

/** The event to publish. */
export type PublishEventInput = {
  /** The event. */
  id: string;
};

/** The poll to publish. */
export type PublishPollInput = {
  /** The poll to publish. */
  id: string;
};

/** The release to publish, and optionally the contacts it is being sent to. */
export type PublishPressReleaseInput = {
  /** Contacts it is sent to now (recorded on its distribution list), at most 500. */
  contactIds?: Array<string>;
  /** A DRAFT or WITHDRAWN release. */
  id: string;
};

/** What to hold out of the results: a cluster, or a time window. */
export type QuarantinePollAnswersInput = {
  /** A cluster id from `pollAbuseSignals`. */
  clusterId?: string | null | undefined;
  /** Window start; widened to the whole hour. */
  from?: string | null | undefined;
  /** The poll. */
  pollId: string;
  /** Why, for the audit log. */
  reason: string;
  /** Window end; widened to the whole hour. */
  to?: string | null | undefined;
};

/** How a question is answered. */
export type QuestionKind =
  /** Text of at most `maxLength` characters (`text`). */
  | 'FREE_TEXT'
  /** One or more options, at most `maxChoices`. */
  | 'MULTIPLE_CHOICE'
  /** Net Promoter Score: a whole number from 0 to 10 (`number`). */
  | 'NPS'
  /** A whole number from 1 to 5 (`number`). */
  | 'RATING'
  /** Exactly one option (`optionIds` with one id). */
  | 'SINGLE_CHOICE';

/** A piece of coverage to record. */
export type RecordMediaCoverageInput = {
  /** Article, broadcast or social post. */
  kind: CoverageKind;
  /** The outlet that ran it. */
  outletId: string;
  /** The press release it reports on. */
  pressReleaseId?: string | null | undefined;
  /** The day it appeared, a LocalDate (YYYY-MM-DD) in the city's time zone. */
  publishedOn: string;
  /** What it says, at most 5000 characters of plain text. */
  summary?: string | null | undefined;
  /** Headline or programme title, at most 500 characters. */
  title: string;
  /** How it speaks of the municipality. */
  tone: CoverageTone;
  /** Link to it, http or https. */
  url?: string | null | undefined;
};

/** Contacts a published release was sent to. */
export type RecordPressReleaseDistributionInput = {
  /** 1 to 500 contacts. A contact already on the list keeps the first sending time. */
  contactIds: Array<string>;
  /** A PUBLISHED release. */
  releaseId: string;
  /** When it was sent; now when omitted. Not in the future. */
  sentAt?: string | null | undefined;
};

/** The quarantine to release. */
export type ReleasePollQuarantineInput = {
  /** The quarantine. */
  id: string;
};

/** The indicator to remove. */
export type RemoveGoalIndicatorInput = {
  /** The indicator to remove. */
  id: string;
};

/** The invitation to remove (one made by mistake). */
export type RemoveMediaInvitationInput = {
  /** The invitation. */
  id: string;
};

/** The override to remove: the occasion falls on the rule's day again that year. */
export type RemoveOccasionOverrideInput = {
  /** The occasion. */
  occasionId: string;
  /** The year in the occasion's own calendar. */
  year: number;
};

/** A mobile number to text a one-time code to, for a VERIFIED_PHONE poll. */
export type RequestVerificationCodeInput = {
  /** An Iranian mobile number: 09…, +989… or 00989…, in Persian, Arabic or Latin digits. */
  phone: string;
  /** The poll to answer. */
  pollId: string;
};

/** A new password for a staff user. */
export type ResetStaffPasswordInput = {
  /** The staff user. */
  id: string;
  /** The new password, 12 to 200 characters. All of the user's sessions end (yours too, when it is your own). */
  password: string;
};

/** The staff member whose second factor to reset (a lost phone). */
export type ResetStaffSecondFactorInput = {
  /** The staff user; not yourself. */
  id: string;
};

/** What a stored response proved when it was given. */
export type ResponseAssurance =
  /** An OPEN poll's answer with a solved proof-of-work challenge. */
  | 'CHALLENGED'
  /** Verified by a one-time code sent to a mobile number. */
  | 'PHONE'
  /** Verified against the poll's eligibility list. */
  | 'RESIDENT'
  /** An OPEN poll's answer without a solved proof-of-work challenge (for example a form sent without JavaScript). */
  | 'UNCHALLENGED';

/** Who may read a poll's results. */
export type ResultsVisibility =
  /** Staff, and a respondent once they have answered. OPEN polls only (a verified poll keeps nothing that says who answered). */
  | 'AFTER_RESPONSE'
  /** Anyone, at any time. */
  | 'PUBLIC'
  /** Staff only. */
  | 'STAFF_ONLY';

/** The district to retire or bring back. */
export type RetireDistrictInput = {
  /** The district. */
  id: string;
};

/** The key to revoke. */
export type RevokeApiKeyInput = {
  /** The key's id. */
  id: string;
};

/** What a staff member may do. */
export type Role =
  /** Everything, including staff users and API keys. */
  | 'ADMIN'
  /** Reads opinion data and site analytics. */
  | 'ANALYST'
  /** Edits public content: goals, events, polls. */
  | 'EDITOR'
  /** Manages media contacts, interactions and press releases. */
  | 'MEDIA_OFFICER';

/** The width class of the screen a page was viewed on. */
export type ScreenClass =
  /** 1200 CSS pixels or wider. */
  | 'DESKTOP'
  /** Narrower than 768 CSS pixels: phones. */
  | 'MOBILE'
  /** From 768 to 1199 CSS pixels: tablets and small laptops. */
  | 'TABLET';

/** A code of the second factor, proving its owner asks. */
export type SecondFactorCodeInput = {
  /** A 6-digit code of the authenticator app, or a recovery code. Each works once. */
  code: string;
};

/** The official day of an occasion in one year. Replaces the year's override if there is one. */
export type SetOccasionOverrideInput = {
  /** The official day, as a LocalDate (YYYY-MM-DD); within a week of the day the rule gives. */
  date: string;
  /** Why, for the editors (for example the announcement it follows), at most 500 characters. */
  note?: string | null | undefined;
  /** The occasion. */
  occasionId: string;
  /** The year in the occasion's own calendar (for example 1447 for 10 Muharram 1447), 1300–1600. */
  year: number;
};

/** A one-time password link's token and the new password. */
export type SetPasswordWithTokenInput = {
  /** The new password (12 to 200 characters). */
  password: string;
  /** The `token` parameter of the one-time link (from `npm run admin:create` or an administrator). */
  token: string;
};

/** Credentials of a staff member. */
export type SignInInput = {
  /** The deviceToken an earlier successful sign-in to this account returned on this device. With it, the device keeps getting through with the right password while failed attempts from other clients make those clients wait. */
  deviceToken?: string | null | undefined;
  /** The account's e-mail address (case does not matter). */
  email: string;
  /** The account's password. */
  password: string;
};

/** Where a sign-in stands: done, or the one step still ahead. Until it is done the session can do only that step. */
export type SignInState =
  /** The password was chosen by an administrator: choose a new one with changePassword. */
  | 'PASSWORD_CHANGE_REQUIRED'
  /** This account must use a second factor and has none: startSecondFactorEnrolment, then confirmSecondFactorEnrolment. */
  | 'SECOND_FACTOR_ENROLMENT_REQUIRED'
  /** Send a code of the authenticator app, or a recovery code, with verifySecondFactor. */
  | 'SECOND_FACTOR_REQUIRED'
  /** Signed in: the session may do what the role may. */
  | 'SIGNED_IN';

/** Which staff users to list. */
export type StaffUserFilter = {
  /** Only active (true) or only deactivated (false) users. */
  active?: boolean | null | undefined;
  /** Only users with this role. */
  role?: Role | null | undefined;
  /** Words to find in the display name or e-mail address. Arabic ي/ك match Persian ی/ک; case, ZWNJ and diacritics are ignored. */
  search?: string | null | undefined;
};

/** Run a survey again: a new draft poll with the same questions, in the same series, as the next wave. */
export type StartPollWaveInput = {
  /** When the new wave closes. */
  closesAt?: string | null | undefined;
  /** When the new wave opens once published. */
  opensAt?: string | null | undefined;
  /** Any wave of the survey to run again. */
  pollId: string;
};

/** One respondent's answers to a poll. */
export type SubmitPollResponseInput = {
  /** One answer per answered question. */
  answers: Array<AnswerInput>;
  /** OPEN polls: a solved proof-of-work challenge (the ALTCHA widget's payload: base64 JSON `{ challenge, solution }`; get a challenge from `altchaChallenge`). With it the answer is stored as CHALLENGED; without it as UNCHALLENGED, under a tighter per-address limit. One challenge buys one answer (CHALLENGE_REUSED). */
  challenge?: string | null | undefined;
  /** The district the respondent lives in, when the poll asks for it (`asksDistrict`) or is limited to some districts. */
  districtId?: string | null | undefined;
  /** The poll answered. */
  pollId: string;
  /** VERIFIED_PHONE and RESIDENT_LIST polls: the poll token obtained with `issuePollToken` (required there, refused elsewhere). */
  pollToken?: PollTokenInput | null | undefined;
  /** The anonymous respondent token the server issued earlier (returned by a previous submitPollResponse). Partner apps keep it per user; the web uses a cookie instead. Omit it the first time: a new one is issued. */
  respondentToken?: string | null | undefined;
};

/** The crisis notice to unpin. */
export type UnpinCrisisNoticeInput = {
  /** The event. */
  id: string;
};

/** Changes to a district. Omitted fields keep their value; null clears an optional field. */
export type UpdateDistrictInput = {
  /** The outline as GeoJSON (an object, or its text): a Polygon, a MultiPolygon or a Feature of one, [longitude, latitude] in WGS84, rings closed; at most 1 MB and 20,000 points. A bad one is refused with reason BOUNDARY_* and the polygon, ring and point at fault. Null removes it. */
  boundary?: unknown;
  /** A new official number, 1 to 10000; unique; cannot be cleared. */
  code?: number | null | undefined;
  /** The district to change. */
  id: string;
  /** English name. */
  nameEn?: string | null | undefined;
  /** Persian name; cannot be cleared. */
  nameFa?: string | null | undefined;
  /** A new population figure; cannot be cleared. A change of figure, source or year starts a new version of the population. */
  population?: number | null | undefined;
  /** Where the figure comes from. */
  populationSource?: string | null | undefined;
  /** The year the figure describes. */
  populationYear?: number | null | undefined;
};

/** Changes to an event. Omitted fields keep their value; null clears an optional field. Use publishEvent, cancelEvent and pinCrisisNotice for the status. */
export type UpdateEventInput = {
  /** English description. */
  descriptionEn?: string | null | undefined;
  /** Persian description. */
  descriptionFa?: string | null | undefined;
  /** The district; null makes it citywide. */
  districtId?: string | null | undefined;
  /** When it ends; cannot be cleared, not before `startsAt`. */
  endsAt?: string | null | undefined;
  /** The linked goal; null unlinks it. */
  goalId?: string | null | undefined;
  /** The event to change. */
  id: string;
  /** What sort of event it is; cannot be cleared. A pinned notice stays a CRISIS_NOTICE until unpinned. */
  kind?: EventKind | null | undefined;
  /** The linked poll; null unlinks it. */
  pollId?: string | null | undefined;
  /** When it starts; cannot be cleared. */
  startsAt?: string | null | undefined;
  /** English title. */
  titleEn?: string | null | undefined;
  /** Persian title; cannot be cleared. */
  titleFa?: string | null | undefined;
  /** Where, in English. */
  venueEn?: string | null | undefined;
  /** Where, in Persian. */
  venueFa?: string | null | undefined;
};

/** Changes to an indicator. Omitted fields keep their value; null clears labelEn (and optionId or optionIds, when the metric changes away from OPTION_SHARE). The result is checked as a whole, like a new indicator. */
export type UpdateGoalIndicatorInput = {
  /** Which side of the target is good; cannot be cleared. */
  direction?: GoalIndicatorDirection | null | undefined;
  /** The indicator to change. */
  id: string;
  /** English label. */
  labelEn?: string | null | undefined;
  /** Persian label; cannot be cleared. */
  labelFa?: string | null | undefined;
  /** What to read; cannot be cleared. */
  metric?: GoalIndicatorMetric | null | undefined;
  /** OPTION_SHARE: an option of the question, then the only one counted. */
  optionId?: string | null | undefined;
  /** OPTION_SHARE: the options of that question whose shares the indicator adds up, at least one and none twice (more than one only on a SINGLE_CHOICE question: on a MULTIPLE_CHOICE one a respondent may pick several, so the shares overlap). `optionId` alone means `[optionId]`; given both, `optionId` must be the first of these. Replaces the options counted. */
  optionIds?: Array<string> | null | undefined;
  /** The poll to read; cannot be cleared. */
  pollId?: string | null | undefined;
  /** A question of the poll; cannot be cleared. */
  questionId?: string | null | undefined;
  /** The value to reach, on the metric's scale: OPTION_SHARE a fraction from 0 to 1 (0.65 for 65 %), RATING_MEAN 1 to 5, NPS_SCORE −100 to 100. Cannot be cleared. */
  target?: number | null | undefined;
};

/** Changes to a goal. Omitted fields keep their value; null clears an optional field. */
export type UpdateGoalInput = {
  /** The area of work; cannot be cleared. */
  category?: GoalCategory | null | undefined;
  /** English description. */
  descriptionEn?: string | null | undefined;
  /** Persian description. */
  descriptionFa?: string | null | undefined;
  /** The goal to change. */
  id: string;
  /** Display order, 1 to 10000; cannot be cleared. */
  position?: number | null | undefined;
  /** New status; cannot be cleared. */
  status?: GoalStatus | null | undefined;
  /** English title. */
  titleEn?: string | null | undefined;
  /** Persian title; cannot be cleared. */
  titleFa?: string | null | undefined;
};

/** Changes to a media contact. Omitted fields keep their value; null clears an optional field (and empties a list). */
export type UpdateMediaContactInput = {
  /** The beats (replaces the list), up to 10. */
  beats?: Array<string> | null | undefined;
  /** E-mail address; stored lower-case. */
  email?: string | null | undefined;
  /** The contact to change. */
  id: string;
  /** The language they work in; cannot be cleared. */
  language?: string | null | undefined;
  /** Full name; cannot be cleared. */
  name?: string | null | undefined;
  /** Notes, plain text. */
  notes?: string | null | undefined;
  /** The outlet they work for. */
  outletId?: string | null | undefined;
  /** The telephone numbers (replaces the list), up to 5. */
  phones?: Array<string> | null | undefined;
  /** Role at the outlet. */
  role?: string | null | undefined;
};

/** A reply or attendance to record. Omitted fields keep their value. */
export type UpdateMediaInvitationInput = {
  /** Whether they came; null for not known. */
  attended?: boolean | null | undefined;
  /** The invitation. */
  id: string;
  /** A note, plain text; null clears it. */
  note?: string | null | undefined;
  /** Their reply; AWAITING takes a reply back. Cannot be cleared. */
  reply?: MediaInvitationReply | null | undefined;
};

/** Changes to an occasion. Omitted fields keep their value; null clears an optional field. Changing the calendar, month or day removes the occasion's overrides (they named days of the old rule). */
export type UpdateOccasionInput = {
  /** The calendar; cannot be cleared. */
  calendar?: OccasionCalendar | null | undefined;
  /** The day; cannot be cleared. */
  day?: number | null | undefined;
  /** English description. */
  descriptionEn?: string | null | undefined;
  /** Persian description. */
  descriptionFa?: string | null | undefined;
  /** Whether it is an official public holiday; cannot be cleared. */
  holiday?: boolean | null | undefined;
  /** The occasion to change. */
  id: string;
  /** NATIONAL_OCCASION or RELIGIOUS_OCCASION; cannot be cleared. */
  kind?: EventKind | null | undefined;
  /** The month, 1–12; cannot be cleared. */
  month?: number | null | undefined;
  /** English title. */
  titleEn?: string | null | undefined;
  /** Persian title; cannot be cleared. */
  titleFa?: string | null | undefined;
};

/** Changes to a poll. Omitted fields keep their value. Once a poll has responses, its questions and options can be reworded and added to, but not removed or changed in kind. */
export type UpdatePollInput = {
  /** Ask respondents which district they live in. */
  asksDistrict?: boolean | null | undefined;
  /** What a respondent must prove before answering; fixed once the poll has responses (POLL_HAS_RESPONSES). */
  assurance?: PollAssurance | null | undefined;
  /** When it closes by itself. */
  closesAt?: string | null | undefined;
  /** English introduction. */
  descriptionEn?: string | null | undefined;
  /** Persian introduction. */
  descriptionFa?: string | null | undefined;
  /** Limit the poll to these districts; empty for the whole city. */
  districtIds?: Array<string> | null | undefined;
  /** RESIDENT_LIST polls: the eligibility list; fixed once the poll has responses. */
  eligibilityListId?: string | null | undefined;
  /** The poll to change. */
  id: string;
  /** Disclosure control: answers a question (and a district's row) needs before its results are shown, 5 to 1000. */
  minResponses?: number | null | undefined;
  /** When it opens. */
  opensAt?: string | null | undefined;
  /** The full new list of questions, in order. Keep an existing question or option by passing its id. */
  questions?: Array<PollQuestionInput> | null | undefined;
  /** Who may read the results. */
  resultsVisibility?: ResultsVisibility | null | undefined;
  /** English title. */
  titleEn?: string | null | undefined;
  /** Persian title; cannot be cleared. */
  titleFa?: string | null | undefined;
};

/** Changes to a press release (a published one too: corrections show at once). Omitted fields keep their value; null clears an optional field. */
export type UpdatePressReleaseInput = {
  /** English body. */
  bodyEn?: string | null | undefined;
  /** Persian body; cannot be cleared. */
  bodyFa?: string | null | undefined;
  /** The district it concerns; null for the whole city. */
  districtId?: string | null | undefined;
  /** The release to change. */
  id: string;
  /** A new slug: only before the release is first published (CONFLICT afterwards); cannot be cleared. */
  slug?: string | null | undefined;
  /** English summary. */
  summaryEn?: string | null | undefined;
  /** Persian summary. */
  summaryFa?: string | null | undefined;
  /** English title. */
  titleEn?: string | null | undefined;
  /** Persian title; cannot be cleared. */
  titleFa?: string | null | undefined;
};

/** Changes to a staff user. Omitted fields keep their value; none can be cleared. */
export type UpdateStaffUserInput = {
  /** False deactivates the user: all their sessions end at once and they cannot sign in. True lets them sign in again. You cannot deactivate yourself or the last active admin. */
  active?: boolean | null | undefined;
  /** New display name, at most 120 characters. */
  displayName?: string | null | undefined;
  /** The staff user to change. */
  id: string;
  /** New role. A change ends all of the user's sessions. You cannot take ADMIN from yourself or from the last active admin. */
  role?: Role | null | undefined;
};

/** The second-factor step of signing in. */
export type VerifySecondFactorInput = {
  /** A 6-digit code of the authenticator app, or one of the recovery codes (spaces and dashes do not matter). Each works once. */
  code: string;
  /** The deviceToken of an earlier sign-in on this device, as for signIn. */
  deviceToken?: string | null | undefined;
};

/** The release to take off the public site. */
export type WithdrawPressReleaseInput = {
  /** A PUBLISHED release. */
  id: string;
};

export type CalendarDistrictsQueryVariables = Exact<{
  locale: Locale;
}>;


export type CalendarDistrictsQuery = { districts: Array<{ id: string, code: number, name: string }> };

export type DistrictPageQueryVariables = Exact<{
  locale: Locale;
}>;


export type DistrictPageQuery = { districts: Array<{ id: string, code: number, name: string, population: number, populationSource: string | null, populationYear: number | null, boundary: Record<string, unknown> | null, image: { url: string, width: number, height: number, alt: string, sources: Array<{ url: string, width: number, height: number }> } | null }> };

export type DistrictPageActivityQueryVariables = Exact<{
  district: string;
  today: string;
  until: string;
  since: string;
  yesterday: string;
  locale: Locale;
}>;


export type DistrictPageActivityQuery = { upcoming: { edges: Array<{ node: { id: string, kind: EventKind, title: string, date: string, startsAt: string, endsAt: string, allDay: boolean, status: EventStatus, pinned: boolean, venue: string | null, lunarHijriDate: { text: string } | null, occasion: { id: string, holiday: boolean } | null, district: { id: string, code: number, name: string } | null } }> }, recent: { edges: Array<{ node: { id: string, kind: EventKind, title: string, date: string, startsAt: string, endsAt: string, allDay: boolean, status: EventStatus, pinned: boolean, venue: string | null, lunarHijriDate: { text: string } | null, occasion: { id: string, holiday: boolean } | null, district: { id: string, code: number, name: string } | null } }> }, polls: { edges: Array<{ node: { id: string, title: string, description: string | null, status: PollStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, resultsVisibility: ResultsVisibility, questions: Array<{ id: string }> } }> } };

export type DistrictsPageQueryVariables = Exact<{
  locale: Locale;
}>;


export type DistrictsPageQuery = { districts: Array<{ id: string, code: number, name: string, population: number, populationSource: string | null, populationYear: number | null, boundary: Record<string, unknown> | null }> };

export type EventPageQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type EventPageQuery = { event: { id: string, kind: EventKind, title: string, description: string | null, date: string, startsAt: string, endsAt: string, allDay: boolean, status: EventStatus, pinned: boolean, updatedAt: string, venue: string | null, image: { url: string, width: number, height: number, alt: string, sources: Array<{ url: string, width: number, height: number }> } | null, solarHijriDate: { text: string }, lunarHijriDate: { text: string } | null, occasion: { id: string, holiday: boolean } | null, district: { id: string, code: number, name: string } | null, poll: { id: string, title: string } | null, goal: { id: string, title: string } | null } | null };

export type GoalPageQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type GoalPageQuery = { goal: { id: string, title: string, description: string | null, category: GoalCategory, position: number, status: GoalStatus, updatedAt: string, image: { url: string, width: number, height: number, alt: string, sources: Array<{ url: string, width: number, height: number }> } | null, indicators: Array<{ id: string, label: string, metric: GoalIndicatorMetric, direction: GoalIndicatorDirection, target: number, resultsVisible: boolean, currentValue: number | null, onTarget: boolean | null, responseCount: number | null, responsesNeeded: number | null, withheld: boolean | null, poll: { id: string, title: string, status: PollStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null } | null }> } | null };

export type GoalsPageQueryVariables = Exact<{
  locale: Locale;
  first: number;
  after?: string | null | undefined;
  filter?: GoalFilter | null | undefined;
}>;


export type GoalsPageQuery = { goals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, description: string | null, category: GoalCategory, position: number, status: GoalStatus, updatedAt: string } }> } };

export type HomePageQueryVariables = Exact<{
  locale: Locale;
  goalCount: number;
  eventCount: number;
  newsCount: number;
  from: string;
  to: string;
}>;


export type HomePageQuery = { pinnedNotice: { description: string | null, id: string, kind: EventKind, title: string, date: string, startsAt: string, endsAt: string, allDay: boolean, status: EventStatus, pinned: boolean, venue: string | null, lunarHijriDate: { text: string } | null, occasion: { id: string, holiday: boolean } | null, district: { id: string, code: number, name: string } | null } | null, polls: { edges: Array<{ node: { id: string, title: string, description: string | null, status: PollStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, resultsVisibility: ResultsVisibility, questions: Array<{ id: string }> } }> }, events: { edges: Array<{ node: { id: string, kind: EventKind, title: string, date: string, startsAt: string, endsAt: string, allDay: boolean, status: EventStatus, pinned: boolean, venue: string | null, lunarHijriDate: { text: string } | null, occasion: { id: string, holiday: boolean } | null, district: { id: string, code: number, name: string } | null } }> }, news: { edges: Array<{ node: { id: string, slug: string, title: string, summary: string | null, publishedAt: string, district: { id: string, name: string } | null } }> }, goals: { totalCount: number, edges: Array<{ node: { id: string, title: string, description: string | null, category: GoalCategory, position: number, status: GoalStatus, updatedAt: string } }> }, districts: Array<{ id: string, code: number, name: string, population: number }> };

export type NewsItemPageQueryVariables = Exact<{
  slug: string;
  locale: Locale;
}>;


export type NewsItemPageQuery = { newsItem: { id: string, slug: string, title: string, summary: string | null, body: string, publishedAt: string, updatedAt: string, district: { id: string, name: string } | null, image: { url: string, width: number, height: number, alt: string, sources: Array<{ url: string, width: number, height: number }> } | null, document: { url: string, fileName: string, byteSize: number } | null } | null };

export type NewsPageQueryVariables = Exact<{
  locale: Locale;
  first: number;
  after?: string | null | undefined;
  filter?: NewsFilter | null | undefined;
}>;


export type NewsPageQuery = { news: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, slug: string, title: string, summary: string | null, publishedAt: string, district: { id: string, name: string } | null } }> } };

export type PollRulesQueryVariables = Exact<{
  id: string;
}>;


export type PollRulesQuery = { poll: { id: string, status: PollStatus, assurance: PollAssurance, asksDistrict: boolean, districts: Array<{ id: string }>, questions: Array<{ id: string, kind: QuestionKind, required: boolean, maxChoices: number | null, maxLength: number | null, options: Array<{ id: string }> }> } | null, districts: Array<{ id: string }> };

export type SubmitPollResponseMutationVariables = Exact<{
  input: SubmitPollResponseInput;
}>;


export type SubmitPollResponseMutation = { submitPollResponse: { pollId: string, respondentToken: string } };

export type AltchaChallengeQueryVariables = Exact<{ [key: string]: never; }>;


export type AltchaChallengeQuery = { altchaChallenge: { json: string, expiresAt: string } };

export type PollSummaryFieldsFragment = { id: string, title: string, description: string | null, status: PollStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, resultsVisibility: ResultsVisibility, asksDistrict: boolean };

export type PollPageQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type PollPageQuery = { poll: { assurance: PollAssurance, id: string, title: string, description: string | null, status: PollStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, resultsVisibility: ResultsVisibility, asksDistrict: boolean, tokenKey: { publicKey: string } | null, districts: Array<{ id: string, code: number, name: string }>, questions: Array<{ id: string, kind: QuestionKind, prompt: string, required: boolean, maxChoices: number | null, maxLength: number | null, options: Array<{ id: string, label: string }> }> } | null, districts: Array<{ id: string, code: number, name: string }> };

export type PollSummaryQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type PollSummaryQuery = { poll: { id: string, title: string, description: string | null, status: PollStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, resultsVisibility: ResultsVisibility, asksDistrict: boolean } | null };

export type PollResultsQueryVariables = Exact<{
  pollId: string;
  locale: Locale;
}>;


export type PollResultsQuery = { pollResults: { responseCount: number, verifiedCount: number, waitingCount: number, questions: Array<{ answeredCount: number, withheld: boolean, responsesNeeded: number, question: { id: string, kind: QuestionKind, prompt: string }, options: Array<{ count: number, share: number, suppressed: boolean, option: { id: string, label: string } }>, rating: { mean: number | null, suppressed: boolean, distribution: Array<{ value: number, count: number, share: number, suppressed: boolean }> } | null, nps: { score: number | null, promoters: number, passives: number, detractors: number, suppressed: boolean, distribution: Array<{ value: number, count: number, share: number, suppressed: boolean }> } | null }>, assuranceCounts: Array<{ assurance: ResponseAssurance, count: number }> } | null };

export type PollResultsUpdatedSubscriptionVariables = Exact<{
  pollId: string;
  locale: Locale;
}>;


export type PollResultsUpdatedSubscription = { pollResultsUpdated: { responseCount: number, verifiedCount: number, waitingCount: number, questions: Array<{ answeredCount: number, withheld: boolean, responsesNeeded: number, question: { id: string, kind: QuestionKind, prompt: string }, options: Array<{ count: number, share: number, suppressed: boolean, option: { id: string, label: string } }>, rating: { mean: number | null, suppressed: boolean, distribution: Array<{ value: number, count: number, share: number, suppressed: boolean }> } | null, nps: { score: number | null, promoters: number, passives: number, detractors: number, suppressed: boolean, distribution: Array<{ value: number, count: number, share: number, suppressed: boolean }> } | null }>, assuranceCounts: Array<{ assurance: ResponseAssurance, count: number }> } };

export type PollResultsByDistrictQueryVariables = Exact<{
  pollId: string;
  questionId: string;
  locale: Locale;
}>;


export type PollResultsByDistrictQuery = { pollResults: { byDistrict: { rows: Array<{ answeredCount: number | null, suppressed: boolean, mean: number | null, npsScore: number | null, district: { id: string, code: number, name: string, boundary: Record<string, unknown> | null } | null, cells: Array<{ share: number | null, suppressed: boolean, option: { id: string } }> }> } | null } | null };

export type RequestVerificationCodeMutationVariables = Exact<{
  input: RequestVerificationCodeInput;
}>;


export type RequestVerificationCodeMutation = { requestVerificationCode: { pollId: string, maskedPhone: string, expiresAt: string } };

export type IssuePollTokenMutationVariables = Exact<{
  input: IssuePollTokenInput;
}>;


export type IssuePollTokenMutation = { issuePollToken: { pollId: string, blindSignature: string } };

export type PollsPageQueryVariables = Exact<{
  locale: Locale;
  first: number;
  after?: string | null | undefined;
}>;


export type PollsPageQuery = { polls: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, description: string | null, status: PollStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, resultsVisibility: ResultsVisibility, questions: Array<{ id: string }> } }> } };

export type SearchGroupFieldsFragment = { totalCount: number, totalCountCapped: boolean, hits: Array<{ id: string, title: string, snippet: string | null, path: string, date: string | null, event: { startsAt: string, endsAt: string, allDay: boolean, status: EventStatus } | null }> };

export type SiteSearchQueryVariables = Exact<{
  query: string;
  locale: Locale;
  first: number;
}>;


export type SiteSearchQuery = { search: { totalCount: number, totalCountCapped: boolean, goals: { totalCount: number, totalCountCapped: boolean, hits: Array<{ id: string, title: string, snippet: string | null, path: string, date: string | null, event: { startsAt: string, endsAt: string, allDay: boolean, status: EventStatus } | null }> }, news: { totalCount: number, totalCountCapped: boolean, hits: Array<{ id: string, title: string, snippet: string | null, path: string, date: string | null, event: { startsAt: string, endsAt: string, allDay: boolean, status: EventStatus } | null }> }, events: { totalCount: number, totalCountCapped: boolean, hits: Array<{ id: string, title: string, snippet: string | null, path: string, date: string | null, event: { startsAt: string, endsAt: string, allDay: boolean, status: EventStatus } | null }> }, polls: { totalCount: number, totalCountCapped: boolean, hits: Array<{ id: string, title: string, snippet: string | null, path: string, date: string | null, event: { startsAt: string, endsAt: string, allDay: boolean, status: EventStatus } | null }> }, occasions: { totalCount: number, totalCountCapped: boolean, hits: Array<{ id: string, title: string, snippet: string | null, path: string, date: string | null, event: { startsAt: string, endsAt: string, allDay: boolean, status: EventStatus } | null }> } } };

export type StaffAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffAccountQuery = { me: { id: string, email: string, displayName: string, role: Role, secondFactorEnabled: boolean | null, secondFactorRequired: boolean | null, recoveryCodesLeft: number | null } | null };

export type StaffCreateStaffUserMutationVariables = Exact<{
  input: CreateStaffUserInput;
}>;


export type StaffCreateStaffUserMutation = { createStaffUser: { staffUser: { id: string } } };

export type StaffUpdateStaffUserMutationVariables = Exact<{
  input: UpdateStaffUserInput;
}>;


export type StaffUpdateStaffUserMutation = { updateStaffUser: { endedSessionCount: number, staffUser: { id: string } } };

export type StaffResetStaffPasswordMutationVariables = Exact<{
  input: ResetStaffPasswordInput;
}>;


export type StaffResetStaffPasswordMutation = { resetStaffPassword: { endedSessionCount: number } };

export type StaffLiftSignInLockMutationVariables = Exact<{
  input: LiftSignInLockInput;
}>;


export type StaffLiftSignInLockMutation = { liftSignInLock: { liftedCount: number } };

export type StaffResetStaffSecondFactorMutationVariables = Exact<{
  input: ResetStaffSecondFactorInput;
}>;


export type StaffResetStaffSecondFactorMutation = { resetStaffSecondFactor: { hadSecondFactor: boolean, endedSessionCount: number } };

export type StaffCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type StaffCreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string } } };

export type StaffRevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type StaffRevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, revokedAt: string | null } } };

export type StaffApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, scopes: Array<ApiScope>, requestsPerMinute: number, requestCount: number, lastUsedAt: string | null, createdAt: string, revokedAt: string | null }> };

export type StaffAuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type StaffAuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, action: string, entityType: string, entityId: string | null, requestId: string | null, before: Record<string, unknown> | null, after: Record<string, unknown> | null, actor: { id: string, displayName: string } | null } }> }, staffUsers: { edges: Array<{ node: { id: string, displayName: string } }> } };

export type StaffDistrictAdminQueryVariables = Exact<{
  id: string;
}>;


export type StaffDistrictAdminQuery = { district: { id: string, code: number, population: number, populationSource: string | null, populationYear: number | null, boundary: Record<string, unknown> | null, retiredAt: string | null, nameTranslations: { fa: string, en: string | null }, populationHistory: Array<{ population: number, source: string | null, year: number | null, validFrom: string }> } | null };

export type StaffCreateDistrictMutationVariables = Exact<{
  input: CreateDistrictInput;
}>;


export type StaffCreateDistrictMutation = { createDistrict: { district: { id: string } } };

export type StaffUpdateDistrictMutationVariables = Exact<{
  input: UpdateDistrictInput;
}>;


export type StaffUpdateDistrictMutation = { updateDistrict: { district: { id: string } } };

export type StaffRetireDistrictMutationVariables = Exact<{
  input: RetireDistrictInput;
}>;


export type StaffRetireDistrictMutation = { retireDistrict: { district: { id: string } } };

export type StaffRestoreDistrictMutationVariables = Exact<{
  input: RetireDistrictInput;
}>;


export type StaffRestoreDistrictMutation = { restoreDistrict: { district: { id: string } } };

export type StaffDistrictAdminListQueryVariables = Exact<{
  locale: Locale;
}>;


export type StaffDistrictAdminListQuery = { districts: Array<{ id: string, code: number, name: string, population: number, populationSource: string | null, populationYear: number | null, boundary: Record<string, unknown> | null, retiredAt: string | null }> };

export type StaffUsersQueryVariables = Exact<{
  filter?: StaffUserFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type StaffUsersQuery = { staffUsers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, email: string, displayName: string, role: Role, active: boolean, createdAt: string, secondFactorEnabled: boolean | null, signInLock: { lockedClients: number, lockedUntil: string | null, accountLockedUntil: string | null } | null } }> } };

export type StaffSiteTrafficQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type StaffSiteTrafficQuery = { siteStats: { date: string, today: number, yesterday: number, total: number, maxDaily: number, maxDailyDate: string | null, pageViewsToday: number }, siteTraffic: { from: string, to: string, visits: number, pageViews: number, activeVisitors: number, days: Array<{ date: string, visitors: number, pageViews: number }>, topPages: Array<{ value: string | null, title: string | null, visits: number, pageViews: number }>, topReferrers: Array<{ value: string | null, visits: number, pageViews: number }>, devices: Array<{ screen: ScreenClass | null, visits: number, pageViews: number }> } };

export type StaffEventQueryVariables = Exact<{
  id: string;
}>;


export type StaffEventQuery = { event: { id: string, kind: EventKind, status: EventStatus, pinned: boolean, startsAt: string, endsAt: string, occasion: { id: string } | null, titleTranslations: { fa: string, en: string | null }, descriptionTranslations: { fa: string, en: string | null }, venueTranslations: { fa: string, en: string | null } | null, district: { id: string } | null, poll: { id: string } | null, goal: { id: string } | null, image: { url: string, altTranslations: { fa: string, en: string | null } } | null } | null };

export type StaffCreateEventMutationVariables = Exact<{
  input: CreateEventInput;
}>;


export type StaffCreateEventMutation = { createEvent: { event: { id: string } } };

export type StaffUpdateEventMutationVariables = Exact<{
  input: UpdateEventInput;
}>;


export type StaffUpdateEventMutation = { updateEvent: { event: { id: string } } };

export type StaffPublishEventMutationVariables = Exact<{
  input: PublishEventInput;
}>;


export type StaffPublishEventMutation = { publishEvent: { event: { id: string, status: EventStatus } } };

export type StaffCancelEventMutationVariables = Exact<{
  input: CancelEventInput;
}>;


export type StaffCancelEventMutation = { cancelEvent: { event: { id: string, status: EventStatus } } };

export type StaffDeleteEventMutationVariables = Exact<{
  input: DeleteEventInput;
}>;


export type StaffDeleteEventMutation = { deleteEvent: { deletedEventId: string } };

export type StaffPinCrisisNoticeMutationVariables = Exact<{
  input: PinCrisisNoticeInput;
}>;


export type StaffPinCrisisNoticeMutation = { pinCrisisNotice: { event: { id: string, pinned: boolean } } };

export type StaffUnpinCrisisNoticeMutationVariables = Exact<{
  input: UnpinCrisisNoticeInput;
}>;


export type StaffUnpinCrisisNoticeMutation = { unpinCrisisNotice: { event: { id: string, pinned: boolean } } };

export type StaffCreateOccasionMutationVariables = Exact<{
  input: CreateOccasionInput;
}>;


export type StaffCreateOccasionMutation = { createOccasion: { occasion: { id: string } } };

export type StaffUpdateOccasionMutationVariables = Exact<{
  input: UpdateOccasionInput;
}>;


export type StaffUpdateOccasionMutation = { updateOccasion: { occasion: { id: string } } };

export type StaffDeleteOccasionMutationVariables = Exact<{
  input: DeleteOccasionInput;
}>;


export type StaffDeleteOccasionMutation = { deleteOccasion: { deletedOccasionId: string } };

export type StaffSetOccasionOverrideMutationVariables = Exact<{
  input: SetOccasionOverrideInput;
}>;


export type StaffSetOccasionOverrideMutation = { setOccasionOverride: { override: { year: number, date: string } } };

export type StaffRemoveOccasionOverrideMutationVariables = Exact<{
  input: RemoveOccasionOverrideInput;
}>;


export type StaffRemoveOccasionOverrideMutation = { removeOccasionOverride: { removed: boolean } };

export type StaffEventChoicesQueryVariables = Exact<{
  locale: Locale;
}>;


export type StaffEventChoicesQuery = { districts: Array<{ id: string, name: string }>, polls: { edges: Array<{ node: { id: string, title: string } }> }, goals: { edges: Array<{ node: { id: string, title: string } }> } };

export type StaffOccasionQueryVariables = Exact<{
  id: string;
  fromYear: number;
  toYear: number;
  locale: Locale;
}>;


export type StaffOccasionQuery = { occasion: { id: string, kind: EventKind, calendar: OccasionCalendar, month: number, day: number, holiday: boolean, ruleText: string, titleTranslations: { fa: string, en: string | null }, descriptionTranslations: { fa: string, en: string | null }, dates: Array<{ year: number, date: string, ruleDate: string, overridden: boolean, note: string | null }> } | null };

export type StaffOccasionsQueryVariables = Exact<{
  locale: Locale;
}>;


export type StaffOccasionsQuery = { occasions: Array<{ id: string, kind: EventKind, calendar: OccasionCalendar, holiday: boolean, title: string, ruleText: string, overrides: Array<{ year: number }> }> };

export type StaffEventsQueryVariables = Exact<{
  from: string;
  to: string;
  after?: string | null | undefined;
  statuses?: Array<EventStatus> | EventStatus | null | undefined;
  locale: Locale;
}>;


export type StaffEventsQuery = { events: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: EventKind, status: EventStatus, pinned: boolean, title: string, startsAt: string, endsAt: string, allDay: boolean, occasion: { id: string } | null, district: { name: string } | null } }> } };

export type StaffGoalQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type StaffGoalQuery = { goal: { id: string, category: GoalCategory, status: GoalStatus, position: number, image: { url: string, altTranslations: { fa: string, en: string | null } } | null, titleTranslations: { fa: string, en: string | null }, descriptionTranslations: { fa: string, en: string | null }, indicators: Array<{ id: string, label: string, metric: GoalIndicatorMetric, questionId: string, optionIds: Array<string>, target: number, direction: GoalIndicatorDirection, currentValue: number | null, responseCount: number | null, onTarget: boolean | null, labelTranslations: { fa: string, en: string | null }, poll: { id: string, title: string, questions: Array<{ id: string, kind: QuestionKind, prompt: string, options: Array<{ id: string, label: string }> }> } | null }> } | null, polls: { edges: Array<{ node: { id: string, title: string, status: PollStatus } }> } };

export type StaffIndicatorSourcesQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type StaffIndicatorSourcesQuery = { poll: { id: string, title: string, questions: Array<{ id: string, kind: QuestionKind, position: number, prompt: string, options: Array<{ id: string, label: string }> }> } | null };

export type StaffCreateGoalMutationVariables = Exact<{
  input: CreateGoalInput;
}>;


export type StaffCreateGoalMutation = { createGoal: { goal: { id: string } } };

export type StaffUpdateGoalMutationVariables = Exact<{
  input: UpdateGoalInput;
}>;


export type StaffUpdateGoalMutation = { updateGoal: { goal: { id: string } } };

export type StaffDeleteGoalMutationVariables = Exact<{
  input: DeleteGoalInput;
}>;


export type StaffDeleteGoalMutation = { deleteGoal: { deletedGoalId: string } };

export type StaffAddGoalIndicatorMutationVariables = Exact<{
  input: AddGoalIndicatorInput;
}>;


export type StaffAddGoalIndicatorMutation = { addGoalIndicator: { indicator: { id: string } } };

export type StaffUpdateGoalIndicatorMutationVariables = Exact<{
  input: UpdateGoalIndicatorInput;
}>;


export type StaffUpdateGoalIndicatorMutation = { updateGoalIndicator: { indicator: { id: string } } };

export type StaffRemoveGoalIndicatorMutationVariables = Exact<{
  input: RemoveGoalIndicatorInput;
}>;


export type StaffRemoveGoalIndicatorMutation = { removeGoalIndicator: { removedIndicatorId: string } };

export type StaffGoalsQueryVariables = Exact<{
  filter?: GoalFilter | null | undefined;
  after?: string | null | undefined;
  locale: Locale;
}>;


export type StaffGoalsQuery = { goals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, category: GoalCategory, status: GoalStatus, position: number, indicators: Array<{ id: string, onTarget: boolean | null }> } }> } };

export type StaffAttachNewsImageMutationVariables = Exact<{
  input: AttachImageInput;
}>;


export type StaffAttachNewsImageMutation = { attachNewsImage: { image: { id: string } } };

export type StaffAttachEventImageMutationVariables = Exact<{
  input: AttachImageInput;
}>;


export type StaffAttachEventImageMutation = { attachEventImage: { image: { id: string } } };

export type StaffAttachGoalImageMutationVariables = Exact<{
  input: AttachImageInput;
}>;


export type StaffAttachGoalImageMutation = { attachGoalImage: { image: { id: string } } };

export type StaffDetachNewsImageMutationVariables = Exact<{
  input: DetachImageInput;
}>;


export type StaffDetachNewsImageMutation = { detachNewsImage: { detached: boolean } };

export type StaffDetachEventImageMutationVariables = Exact<{
  input: DetachImageInput;
}>;


export type StaffDetachEventImageMutation = { detachEventImage: { detached: boolean } };

export type StaffDetachGoalImageMutationVariables = Exact<{
  input: DetachImageInput;
}>;


export type StaffDetachGoalImageMutation = { detachGoalImage: { detached: boolean } };

export type StaffAttachPressReleasePdfMutationVariables = Exact<{
  input: AttachPressReleasePdfInput;
}>;


export type StaffAttachPressReleasePdfMutation = { attachPressReleasePdf: { document: { id: string } } };

export type StaffDetachPressReleasePdfMutationVariables = Exact<{
  input: DetachPressReleasePdfInput;
}>;


export type StaffDetachPressReleasePdfMutation = { detachPressReleasePdf: { detached: boolean } };

export type StaffCreateMediaContactMutationVariables = Exact<{
  input: CreateMediaContactInput;
}>;


export type StaffCreateMediaContactMutation = { createMediaContact: { contact: { id: string } } };

export type StaffUpdateMediaContactMutationVariables = Exact<{
  input: UpdateMediaContactInput;
}>;


export type StaffUpdateMediaContactMutation = { updateMediaContact: { contact: { id: string } } };

export type StaffDeleteMediaContactMutationVariables = Exact<{
  input: DeleteMediaContactInput;
}>;


export type StaffDeleteMediaContactMutation = { deleteMediaContact: { deletedContactId: string } };

export type StaffLogMediaInteractionMutationVariables = Exact<{
  input: LogMediaInteractionInput;
}>;


export type StaffLogMediaInteractionMutation = { logMediaInteraction: { interaction: { id: string } } };

export type StaffCompleteMediaFollowUpMutationVariables = Exact<{
  input: CompleteMediaFollowUpInput;
}>;


export type StaffCompleteMediaFollowUpMutation = { completeMediaFollowUp: { interaction: { id: string, followUpDoneAt: string | null } } };

export type StaffCreateMediaOutletMutationVariables = Exact<{
  input: CreateMediaOutletInput;
}>;


export type StaffCreateMediaOutletMutation = { createMediaOutlet: { outlet: { id: string } } };

export type StaffCreatePressReleaseMutationVariables = Exact<{
  input: CreatePressReleaseInput;
}>;


export type StaffCreatePressReleaseMutation = { createPressRelease: { pressRelease: { id: string } } };

export type StaffUpdatePressReleaseMutationVariables = Exact<{
  input: UpdatePressReleaseInput;
}>;


export type StaffUpdatePressReleaseMutation = { updatePressRelease: { pressRelease: { id: string } } };

export type StaffPublishPressReleaseMutationVariables = Exact<{
  input: PublishPressReleaseInput;
}>;


export type StaffPublishPressReleaseMutation = { publishPressRelease: { addedRecipientCount: number, pressRelease: { id: string, status: PressReleaseStatus } } };

export type StaffWithdrawPressReleaseMutationVariables = Exact<{
  input: WithdrawPressReleaseInput;
}>;


export type StaffWithdrawPressReleaseMutation = { withdrawPressRelease: { pressRelease: { id: string, status: PressReleaseStatus } } };

export type StaffDeletePressReleaseMutationVariables = Exact<{
  input: DeletePressReleaseInput;
}>;


export type StaffDeletePressReleaseMutation = { deletePressRelease: { deletedPressReleaseId: string } };

export type StaffRecordPressReleaseDistributionMutationVariables = Exact<{
  input: RecordPressReleaseDistributionInput;
}>;


export type StaffRecordPressReleaseDistributionMutation = { recordPressReleaseDistribution: { addedRecipientCount: number } };

export type StaffEmailPressReleaseMutationVariables = Exact<{
  input: EmailPressReleaseInput;
}>;


export type StaffEmailPressReleaseMutation = { emailPressRelease: { queuedCount: number } };

export type StaffRecordMediaCoverageMutationVariables = Exact<{
  input: RecordMediaCoverageInput;
}>;


export type StaffRecordMediaCoverageMutation = { recordMediaCoverage: { coverage: { id: string } } };

export type StaffInviteMediaContactsMutationVariables = Exact<{
  input: InviteMediaContactsInput;
}>;


export type StaffInviteMediaContactsMutation = { inviteMediaContacts: { addedCount: number } };

export type StaffUpdateMediaInvitationMutationVariables = Exact<{
  input: UpdateMediaInvitationInput;
}>;


export type StaffUpdateMediaInvitationMutation = { updateMediaInvitation: { invitation: { id: string } } };

export type StaffRemoveMediaInvitationMutationVariables = Exact<{
  input: RemoveMediaInvitationInput;
}>;


export type StaffRemoveMediaInvitationMutation = { removeMediaInvitation: { removedInvitationId: string } };

export type StaffMediaContactQueryVariables = Exact<{
  id: string;
  after?: string | null | undefined;
  locale: Locale;
}>;


export type StaffMediaContactQuery = { mediaContact: { id: string, unsubscribedAt: string | null, name: string, role: string | null, email: string | null, phones: Array<string>, beats: Array<string>, language: string, notes: string | null, outletId: string | null, emailDeliveries: Array<{ id: string, kind: MailKind, status: MailDeliveryStatus, queuedAt: string, sentAt: string | null, pressRelease: { id: string, title: string } | null }>, releasesReceived: Array<{ sentAt: string, release: { id: string, title: string, status: PressReleaseStatus } | null }>, outlet: { nameFa: string, nameEn: string | null } | null } | null, mediaInteractions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: MediaInteractionKind, topic: string, notes: string | null, occurredAt: string, followUpOn: string | null, followUpDoneAt: string | null, followUpOverdue: boolean, staff: { displayName: string } | null } }> } };

export type StaffMediaCoverageQueryVariables = Exact<{
  filter?: MediaCoverageFilter | null | undefined;
  summary?: MediaCoverageSummaryFilter | null | undefined;
  after?: string | null | undefined;
  locale: Locale;
}>;


export type StaffMediaCoverageQuery = { mediaCoverage: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, url: string | null, publishedOn: string, kind: CoverageKind, tone: CoverageTone, outlet: { nameFa: string, nameEn: string | null } | null } }> }, mediaCoverageToneSummary: { total: { positive: number, neutral: number, negative: number, total: number }, byOutlet: Array<{ outletId: string, outlet: { nameFa: string, nameEn: string | null } | null, counts: { positive: number, neutral: number, negative: number, total: number } }>, byMonth: Array<{ month: string, label: string, counts: { positive: number, neutral: number, negative: number, total: number } }> }, pressReleases: { edges: Array<{ node: { id: string, title: string } }> } };

export type StaffMediaFollowUpsQueryVariables = Exact<{
  dueBefore?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type StaffMediaFollowUpsQuery = { mediaFollowUps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, topic: string, kind: MediaInteractionKind, followUpOn: string | null, followUpOverdue: boolean, contact: { id: string, name: string, phones: Array<string> } | null } }> } };

export type StaffInvitationEventsQueryVariables = Exact<{
  from: string;
  to: string;
  locale: Locale;
}>;


export type StaffInvitationEventsQuery = { events: { edges: Array<{ node: { id: string, title: string, startsAt: string, endsAt: string, status: EventStatus } }> } };

export type StaffMediaInvitationsQueryVariables = Exact<{
  eventId: string;
}>;


export type StaffMediaInvitationsQuery = { mediaInvitations: { totalCount: number, edges: Array<{ node: { id: string, reply: MediaInvitationReply, attended: boolean | null, invitedAt: string, note: string | null, contactId: string, contact: { name: string, phones: Array<string>, outlet: { nameFa: string, nameEn: string | null } | null } | null } }> } };

export type StaffMediaOutletOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffMediaOutletOptionsQuery = { mediaOutlets: { edges: Array<{ node: { id: string, nameFa: string, nameEn: string | null, kind: MediaOutletKind } }> } };

export type StaffMediaContactOptionsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type StaffMediaContactOptionsQuery = { mediaContacts: { totalCount: number, edges: Array<{ node: { id: string, name: string, outlet: { nameFa: string, nameEn: string | null } | null } }> } };

export type StaffMediaOutletsQueryVariables = Exact<{
  filter?: MediaOutletFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type StaffMediaOutletsQuery = { mediaOutlets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, nameFa: string, nameEn: string | null, kind: MediaOutletKind, url: string | null } }> } };

export type StaffMediaContactsQueryVariables = Exact<{
  filter?: MediaContactFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type StaffMediaContactsQuery = { mediaContacts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, role: string | null, email: string | null, phones: Array<string>, beats: Array<string>, language: string, outlet: { id: string, nameFa: string, nameEn: string | null } | null } }> } };

export type StaffPressReleaseQueryVariables = Exact<{
  id: string;
}>;


export type StaffPressReleaseQuery = { pressRelease: { id: string, status: PressReleaseStatus, slug: string, publishedAt: string | null, districtId: string | null, titleTranslations: { fa: string, en: string | null }, summaryTranslations: { fa: string, en: string | null }, bodyTranslations: { fa: string, en: string | null }, distribution: Array<{ contactId: string, sentAt: string, contact: { name: string } | null }>, emailDeliveries: Array<{ id: string, email: string, status: MailDeliveryStatus, attempts: number, lastError: string | null, sentAt: string | null, queuedAt: string }>, image: { url: string, altTranslations: { fa: string, en: string | null } } | null, document: { url: string, fileName: string } | null } | null };

export type StaffPressReleasesQueryVariables = Exact<{
  filter?: PressReleaseFilter | null | undefined;
  after?: string | null | undefined;
  locale: Locale;
}>;


export type StaffPressReleasesQuery = { pressReleases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, status: PressReleaseStatus, slug: string, publishedAt: string | null, updatedAt: string } }> } };

export type StaffPollAssuranceCountsQueryVariables = Exact<{
  pollId: string;
}>;


export type StaffPollAssuranceCountsQuery = { pollResults: { responseCount: number, verifiedCount: number, waitingCount: number, assuranceCounts: Array<{ assurance: ResponseAssurance, count: number }> } | null };

export type StaffInsightsSummaryQueryVariables = Exact<{
  pollId: string;
  locale: Locale;
}>;


export type StaffInsightsSummaryQuery = { poll: { id: string, title: string, status: PollStatus, wave: number, seriesId: string, asksDistrict: boolean, minResponses: number, questions: Array<{ id: string, kind: QuestionKind, position: number, prompt: string, options: Array<{ id: string, label: string }> }> } | null, pollInsights: { responseCount: number, minCellSize: number, questions: Array<{ answeredCount: number, withheld: boolean, responsesNeeded: number, question: { id: string }, options: Array<{ count: number, share: number, suppressed: boolean, option: { id: string }, confidenceInterval: { low: number, high: number } | null }>, rating: { mean: number | null, suppressed: boolean, confidenceInterval: { low: number, high: number } | null, distribution: Array<{ value: number, count: number, share: number, suppressed: boolean }> } | null, nps: { score: number | null, promoters: number, passives: number, detractors: number, suppressed: boolean, distribution: Array<{ value: number, count: number, share: number, suppressed: boolean }> } | null }> } | null };

export type StaffInsightsCrosstabQueryVariables = Exact<{
  pollId: string;
  questionId: string;
  byQuestionId?: string | null | undefined;
  locale: Locale;
}>;


export type StaffInsightsCrosstabQuery = { pollInsights: { crosstab: { rows: Array<{ answeredCount: number | null, suppressed: boolean, mean: number | null, npsScore: number | null, district: { id: string, code: number, name: string, boundary: Record<string, unknown> | null } | null, byOption: { id: string, label: string } | null, cells: Array<{ count: number | null, share: number | null, suppressed: boolean, option: { id: string }, confidenceInterval: { low: number, high: number } | null }>, values: Array<{ value: number, count: number | null, share: number | null, suppressed: boolean }> }> } } | null };

export type StaffInsightsTrendQueryVariables = Exact<{
  pollId: string;
  questionId: string;
}>;


export type StaffInsightsTrendQuery = { pollInsights: { trend: { days: Array<{ day: string, answeredCount: number | null, suppressed: boolean, mean: number | null, npsScore: number | null, options: Array<{ share: number | null, option: { id: string } }> }> } } | null };

export type StaffInsightsWeightedQueryVariables = Exact<{
  pollId: string;
}>;


export type StaffInsightsWeightedQuery = { pollInsights: { weightedResults: Array<{ answeredCount: number, weightedBase: number, effectiveSampleSize: number | null, populationCoverage: number, withoutDistrictCount: number, smallDistrictCount: number, partlyWithheldDistrictCount: number, question: { id: string }, options: Array<{ rawShare: number, weightedShare: number | null, option: { id: string }, rawConfidenceInterval: { low: number, high: number } | null, weightedConfidenceInterval: { low: number, high: number } | null }>, rating: { rawMean: number | null, weightedMean: number | null, weightedConfidenceInterval: { low: number, high: number } | null } | null, nps: { rawScore: number | null, weightedScore: number | null } | null }> } | null };

export type StaffInsightsWordsQueryVariables = Exact<{
  pollId: string;
  questionId: string;
}>;


export type StaffInsightsWordsQuery = { pollInsights: { wordFrequency: { answerCount: number, words: Array<{ word: string, count: number, answerCount: number }> } } | null };

export type StaffInsightsFreeTextQueryVariables = Exact<{
  pollId: string;
  questionId: string;
  after?: string | null | undefined;
  locale: Locale;
}>;


export type StaffInsightsFreeTextQuery = { pollInsights: { freeTextAnswers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, text: string, day: string, district: { name: string } | null } }> } } | null };

export type StaffInsightsWavesQueryVariables = Exact<{
  pollId: string;
}>;


export type StaffInsightsWavesQuery = { pollInsights: { waves: Array<{ question: { id: string }, waves: Array<{ poll: { id: string, wave: number }, result: { answeredCount: number, options: Array<{ share: number, option: { id: string } }>, rating: { mean: number | null } | null, nps: { score: number | null } | null } | null }>, change: { from: { wave: number }, to: { wave: number }, options: Array<{ fromShare: number, toShare: number, option: { id: string }, change: { difference: number, confidenceInterval: { low: number, high: number } | null } }>, mean: { difference: number, confidenceInterval: { low: number, high: number } | null } | null, npsScore: { difference: number, confidenceInterval: { low: number, high: number } | null } | null } | null }> } | null };

export type StaffPollPreviewQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type StaffPollPreviewQuery = { poll: { id: string, title: string, description: string | null, asksDistrict: boolean, districts: Array<{ id: string, name: string }>, questions: Array<{ id: string, kind: QuestionKind, position: number, prompt: string, required: boolean, maxChoices: number | null, maxLength: number | null, options: Array<{ id: string, label: string }> }> } | null, districts: Array<{ id: string, name: string }> };

export type StaffQuarantinePollAnswersMutationVariables = Exact<{
  input: QuarantinePollAnswersInput;
}>;


export type StaffQuarantinePollAnswersMutation = { quarantinePollAnswers: { quarantine: { id: string, responses: number } } };

export type StaffReleasePollQuarantineMutationVariables = Exact<{
  input: ReleasePollQuarantineInput;
}>;


export type StaffReleasePollQuarantineMutation = { releasePollQuarantine: { quarantine: { id: string, releasedAt: string | null } } };

export type StaffPollAbuseSignalsQueryVariables = Exact<{
  pollId: string;
  locale: Locale;
}>;


export type StaffPollAbuseSignalsQuery = { poll: { id: string, title: string } | null, pollAbuseSignals: { quarantinedCount: number, baselinePerMinute: number, assuranceCounts: Array<{ assurance: ResponseAssurance, count: number }>, bursts: Array<{ minute: string, answers: number, baseline: number }>, clusters: Array<{ id: string, windowStart: string, answers: number, quarantined: boolean }>, quarantines: Array<{ id: string, clusterId: string | null, windowFrom: string | null, windowTo: string | null, reason: string, responses: number, createdAt: string, releasedAt: string | null }> } };

export type StaffCreatePollMutationVariables = Exact<{
  input: CreatePollInput;
}>;


export type StaffCreatePollMutation = { createPoll: { poll: { id: string } } };

export type StaffUpdatePollMutationVariables = Exact<{
  input: UpdatePollInput;
}>;


export type StaffUpdatePollMutation = { updatePoll: { poll: { id: string } } };

export type StaffPublishPollMutationVariables = Exact<{
  input: PublishPollInput;
}>;


export type StaffPublishPollMutation = { publishPoll: { poll: { id: string, status: PollStatus } } };

export type StaffClosePollMutationVariables = Exact<{
  input: ClosePollInput;
}>;


export type StaffClosePollMutation = { closePoll: { poll: { id: string, status: PollStatus } } };

export type StaffStartPollWaveMutationVariables = Exact<{
  input: StartPollWaveInput;
}>;


export type StaffStartPollWaveMutation = { startPollWave: { poll: { id: string } } };

export type StaffDistrictsQueryVariables = Exact<{
  locale: Locale;
}>;


export type StaffDistrictsQuery = { districts: Array<{ id: string, code: number, name: string }> };

export type StaffPollForEditQueryVariables = Exact<{
  id: string;
}>;


export type StaffPollForEditQuery = { poll: { id: string, status: PollStatus, wave: number, seriesId: string, description: string | null, resultsVisibility: ResultsVisibility, asksDistrict: boolean, assurance: PollAssurance, opensAt: string | null, closesAt: string | null, descriptionEn: string | null, titleTranslations: { fa: string, en: string | null }, eligibilityList: { id: string } | null, districts: Array<{ id: string }>, questions: Array<{ id: string, kind: QuestionKind, position: number, required: boolean, maxChoices: number | null, maxLength: number | null, promptTranslations: { fa: string, en: string | null }, options: Array<{ id: string, position: number, labelTranslations: { fa: string, en: string | null } }> }> } | null, pollInsights: { responseCount: number } | null };

export type StaffEligibilityListsQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffEligibilityListsQuery = { eligibilityLists: Array<{ id: string, name: string, kind: EligibilityKind, entryCount: number, createdAt: string, updatedAt: string }> };

export type StaffCreateEligibilityListMutationVariables = Exact<{
  input: CreateEligibilityListInput;
}>;


export type StaffCreateEligibilityListMutation = { createEligibilityList: { added: number, list: { id: string, name: string, entryCount: number } } };

export type StaffAddEligibilityEntriesMutationVariables = Exact<{
  input: AddEligibilityEntriesInput;
}>;


export type StaffAddEligibilityEntriesMutation = { addEligibilityEntries: { added: number, list: { id: string, name: string, entryCount: number } } };

export type StaffPollsQueryVariables = Exact<{
  statuses?: Array<PollStatus> | PollStatus | null | undefined;
  after?: string | null | undefined;
  locale: Locale;
}>;


export type StaffPollsQuery = { polls: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, status: PollStatus, wave: number, opensAt: string | null, closesAt: string | null, closedAt: string | null, questions: Array<{ id: string }> } }> } };

export type StaffPulseVisitsQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffPulseVisitsQuery = { siteStats: { today: number, yesterday: number, maxDaily: number, maxDailyDate: string | null } };

export type StaffPulsePollsQueryVariables = Exact<{
  locale: Locale;
}>;


export type StaffPulsePollsQuery = { pollActivity: Array<{ today: number, yesterday: number, dailyMean: number, total: number, recentBursts: number, openClusters: number, quarantined: number, poll: { id: string, title: string }, days: Array<{ day: string, responses: number }> }> };

export type StaffPulseMediaQueryVariables = Exact<{
  dueBefore: string;
  from: string;
  to: string;
}>;


export type StaffPulseMediaQuery = { mediaFollowUps: { totalCount: number }, pressReleases: { totalCount: number }, mediaCoverageToneSummary: { total: { positive: number, neutral: number, negative: number, total: number } } };

export type StaffExportMediaContactDataMutationVariables = Exact<{
  input: ExportMediaContactDataInput;
}>;


export type StaffExportMediaContactDataMutation = { exportMediaContactData: { document: string } };

export type StaffSecondFactorStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffSecondFactorStatusQuery = { me: { id: string, secondFactorEnabled: boolean | null } | null };

export type SitemapQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type SitemapQuery = { polls: { edges: Array<{ node: { id: string, updatedAt: string } }> }, news: { edges: Array<{ node: { slug: string, updatedAt: string } }> }, events: { edges: Array<{ node: { id: string, updatedAt: string } }> }, districts: Array<{ code: number }> };

export type DistrictListFieldsFragment = { id: string, code: number, name: string, population: number };

export type EventListFieldsFragment = { id: string, kind: EventKind, title: string, date: string, startsAt: string, endsAt: string, allDay: boolean, status: EventStatus, pinned: boolean, venue: string | null, lunarHijriDate: { text: string } | null, occasion: { id: string, holiday: boolean } | null, district: { id: string, code: number, name: string } | null };

export type GoalCardFieldsFragment = { id: string, title: string, description: string | null, category: GoalCategory, position: number, status: GoalStatus, updatedAt: string };

export type NewsCardFieldsFragment = { id: string, slug: string, title: string, summary: string | null, publishedAt: string, district: { id: string, name: string } | null };

export type PollCardFieldsFragment = { id: string, title: string, description: string | null, status: PollStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, resultsVisibility: ResultsVisibility, questions: Array<{ id: string }> };

export type PollAssuranceFieldsFragment = { responseCount: number, verifiedCount: number, waitingCount: number, assuranceCounts: Array<{ assurance: ResponseAssurance, count: number }> };

export type ValueResultFieldsFragment = { value: number, count: number, share: number, suppressed: boolean };

export type NpsResultFieldsFragment = { score: number | null, promoters: number, passives: number, detractors: number, suppressed: boolean, distribution: Array<{ value: number, count: number, share: number, suppressed: boolean }> };

export type PollResultsFieldsFragment = { responseCount: number, verifiedCount: number, waitingCount: number, questions: Array<{ answeredCount: number, withheld: boolean, responsesNeeded: number, question: { id: string, kind: QuestionKind, prompt: string }, options: Array<{ count: number, share: number, suppressed: boolean, option: { id: string, label: string } }>, rating: { mean: number | null, suppressed: boolean, distribution: Array<{ value: number, count: number, share: number, suppressed: boolean }> } | null, nps: { score: number | null, promoters: number, passives: number, detractors: number, suppressed: boolean, distribution: Array<{ value: number, count: number, share: number, suppressed: boolean }> } | null }>, assuranceCounts: Array<{ assurance: ResponseAssurance, count: number }> };

export type DistrictFigureFieldsFragment = { id: string, code: number, name: string, population: number, populationSource: string | null, populationYear: number | null, boundary: Record<string, unknown> | null };

export type ImageFieldsFragment = { url: string, width: number, height: number, alt: string, sources: Array<{ url: string, width: number, height: number }> };

export type CalendarEventsQueryVariables = Exact<{
  locale: Locale;
  from: string;
  to: string;
  first: number;
  after?: string | null | undefined;
  district?: string | null | undefined;
}>;


export type CalendarEventsQuery = { events: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: EventKind, title: string, date: string, startsAt: string, endsAt: string, allDay: boolean, status: EventStatus, pinned: boolean, venue: string | null, lunarHijriDate: { text: string } | null, occasion: { id: string, holiday: boolean } | null, district: { id: string, code: number, name: string } | null } }> } };

export type SiteStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type SiteStatsQuery = { siteStats: { today: number, yesterday: number, total: number, maxDaily: number, maxDailyDate: string | null } };

export type StaffSignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type StaffSignInMutation = { signIn: { deviceToken: string, token: string, expiresAt: string, state: SignInState } };

export type StaffSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type StaffSignOutMutation = { signOut: { signedOut: boolean } };

export type StaffSetPasswordWithTokenMutationVariables = Exact<{
  input: SetPasswordWithTokenInput;
}>;


export type StaffSetPasswordWithTokenMutation = { setPasswordWithToken: { email: string } };

export type StaffPollTitleQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type StaffPollTitleQuery = { poll: { title: string } | null };

export type StaffEventTitleQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type StaffEventTitleQuery = { event: { title: string } | null };

export type StaffOccasionTitleQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type StaffOccasionTitleQuery = { occasion: { title: string } | null };

export type StaffGoalTitleQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type StaffGoalTitleQuery = { goal: { title: string } | null };

export type StaffReleaseTitleQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type StaffReleaseTitleQuery = { pressRelease: { title: string } | null };

export type StaffDistrictTitleQueryVariables = Exact<{
  id: string;
  locale: Locale;
}>;


export type StaffDistrictTitleQuery = { district: { name: string } | null };

export type StaffContactTitleQueryVariables = Exact<{
  id: string;
}>;


export type StaffContactTitleQuery = { mediaContact: { name: string } | null };

export type StaffVerifySecondFactorMutationVariables = Exact<{
  input: VerifySecondFactorInput;
}>;


export type StaffVerifySecondFactorMutation = { verifySecondFactor: { token: string, expiresAt: string, state: SignInState } };

export type StaffChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type StaffChangePasswordMutation = { changePassword: { token: string, expiresAt: string, state: SignInState } };

export type StaffStartSecondFactorEnrolmentMutationVariables = Exact<{ [key: string]: never; }>;


export type StaffStartSecondFactorEnrolmentMutation = { startSecondFactorEnrolment: { secret: string, otpauthUri: string, accountName: string } };

export type StaffConfirmSecondFactorEnrolmentMutationVariables = Exact<{
  input: ConfirmSecondFactorEnrolmentInput;
}>;


export type StaffConfirmSecondFactorEnrolmentMutation = { confirmSecondFactorEnrolment: { recoveryCodes: Array<string>, signIn: { token: string, expiresAt: string, state: SignInState } | null } };

export type StaffDisableSecondFactorMutationVariables = Exact<{
  input: SecondFactorCodeInput;
}>;


export type StaffDisableSecondFactorMutation = { disableSecondFactor: { staffUser: { id: string } } };

export type StaffRegenerateRecoveryCodesMutationVariables = Exact<{
  input: SecondFactorCodeInput;
}>;


export type StaffRegenerateRecoveryCodesMutation = { regenerateRecoveryCodes: { recoveryCodes: Array<string> } };

export type StaffMeQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffMeQuery = { me: { id: string, displayName: string, email: string, role: Role } | null, signInProgress: { state: SignInState } | null };

export type SignInStepFieldsFragment = { token: string, expiresAt: string, state: SignInState };
