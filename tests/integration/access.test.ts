import { accessOf } from '../../server/src/graphql/access';
import { getSchema } from '../../server/src/graphql/schema';
import { Role } from '../../server/src/modules/staff/role';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, surveyInput } from '../helpers/polls';
import { mediaFixtures } from '../helpers/media';

/** Uploaded files (rows only: attaching reads no bytes) for the attach mutations, and a district to attach to. */
const files = { imageId: '', pdfId: '', districtId: '' };

/** attach<Target>Image and detach<Target>Image, allowed to `allowed`, on the object `target` names. */
function imageCalls(name: string, allowed: Role[], target: (ctx: { goalId: string }) => string) {
  return {
    [`attach${name}Image`]: {
      allowed,
      query: `mutation ($input: AttachImageInput!) { attach${name}Image(input: $input) { image { id } } }`,
      variables: (ctx: { goalId: string }) => ({ input: { targetId: target(ctx), fileId: files.imageId, altFa: 'تصویر' } }),
    },
    [`detach${name}Image`]: {
      allowed,
      query: `mutation ($input: DetachImageInput!) { detach${name}Image(input: $input) { detached } }`,
      variables: (ctx: { goalId: string }) => ({ input: { targetId: target(ctx) } }),
    },
  };
}

/**
 * The access matrix: every mutation, called by every kind of caller. A mutation added to the
 * schema without a line here fails the first test, so nobody forgets to check who may call it.
 */
const SAMPLE_CALLS: Record<
  string,
  { allowed: Role[]; query: string; variables?: (ctx: { goalId: string; pollId: string; listId?: string }) => Record<string, unknown> }
> = {
  createGoal: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } } }',
    variables: () => ({ input: { titleFa: 'هدف تازه', category: 'CULTURE' } }),
  },
  updateGoal: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: UpdateGoalInput!) { updateGoal(input: $input) { goal { id } } }',
    variables: ({ goalId }) => ({ input: { id: goalId, titleFa: 'تغییر' } }),
  },
  deleteGoal: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: DeleteGoalInput!) { deleteGoal(input: $input) { deletedGoalId } }',
    variables: ({ goalId }) => ({ input: { id: goalId } }),
  },
  createDistrict: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { district { id } } }',
    variables: () => ({ input: { code: 900 + ++districtCounter, nameFa: 'منطقه تازه', population: 1000 } }),
  },
  updateDistrict: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: UpdateDistrictInput!) { updateDistrict(input: $input) { district { id } } }',
    variables: () => ({ input: { id: districtId, nameEn: 'Renamed district' } }),
  },
  retireDistrict: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: RetireDistrictInput!) { retireDistrict(input: $input) { district { id } } }',
    variables: () => ({ input: { id: districtId } }),
  },
  restoreDistrict: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: RetireDistrictInput!) { restoreDistrict(input: $input) { district { id } } }',
    variables: () => ({ input: { id: districtId } }),
  },
  createPoll: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: CreatePollInput!) { createPoll(input: $input) { poll { id } } }',
    variables: () => ({ input: surveyInput() }),
  },
  updatePoll: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
    variables: ({ pollId }) => ({ input: { id: pollId, titleEn: 'Renamed' } }),
  },
  publishPoll: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: PublishPollInput!) { publishPoll(input: $input) { poll { id } } }',
    variables: ({ pollId }) => ({ input: { id: pollId } }),
  },
  closePoll: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: ClosePollInput!) { closePoll(input: $input) { poll { id } } }',
    variables: ({ pollId }) => ({ input: { id: pollId } }),
  },
  createEligibilityList: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: CreateEligibilityListInput!) { createEligibilityList(input: $input) { list { id } } }',
    variables: () => ({ input: { name: 'فهرست', kind: 'MEMBER_NUMBER', entries: 'M-1001\nM-1002' } }),
  },
  quarantinePollAnswers: {
    allowed: [Role.ANALYST, Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: QuarantinePollAnswersInput!) { quarantinePollAnswers(input: $input) { quarantine { id } } }',
    variables: ({ pollId }) => ({ input: { pollId, from: '2026-01-01T00:00:00Z', to: '2026-01-01T01:00:00Z', reason: 'بررسی' } }),
  },
  releasePollQuarantine: {
    allowed: [Role.ANALYST, Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: ReleasePollQuarantineInput!) { releasePollQuarantine(input: $input) { quarantine { id } } }',
    variables: ({ listId }) => ({ input: { id: listId ?? '00000000-0000-4000-8000-000000000000' } }),
  },
  addEligibilityEntries: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: AddEligibilityEntriesInput!) { addEligibilityEntries(input: $input) { added } }',
    variables: ({ listId }) => ({ input: { listId: listId ?? '00000000-0000-4000-8000-000000000000', entries: 'M-2001' } }),
  },
  startPollWave: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: StartPollWaveInput!) { startPollWave(input: $input) { poll { id } } }',
    variables: ({ pollId }) => ({ input: { pollId } }),
  },
  addGoalIndicator: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: AddGoalIndicatorInput!) { addGoalIndicator(input: $input) { indicator { id } } }',
    variables: ({ goalId, pollId }) => ({
      input: {
        goalId,
        labelFa: 'میانگین نمره',
        metric: 'RATING_MEAN',
        pollId,
        questionId: indicatorQuestionId,
        target: 4,
        direction: 'AT_LEAST',
      },
    }),
  },
  updateGoalIndicator: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: UpdateGoalIndicatorInput!) { updateGoalIndicator(input: $input) { indicator { id } } }',
    variables: () => ({ input: { id: indicatorId, target: 3.5 } }),
  },
  removeGoalIndicator: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: RemoveGoalIndicatorInput!) { removeGoalIndicator(input: $input) { removedIndicatorId } }',
    variables: () => ({ input: { id: indicatorId } }),
  },
  createApiKey: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }',
    variables: () => ({ input: { name: 'Partner', scopes: ['PUBLIC_READ'], requestsPerMinute: 60 } }),
  },
  revokeApiKey: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } } }',
    variables: () => ({ input: { id: apiKeyId } }),
  },
  createStaffUser: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id } } }',
    // A new address each time: e-mail addresses are unique.
    variables: () => ({ input: { email: `sample${++staffCounter}@nabz.example`, role: 'EDITOR', password: 'a-long-enough-passphrase' } }),
  },
  updateStaffUser: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { staffUser { id } } }',
    variables: () => ({ input: { id: staffUserId, displayName: 'نام تازه' } }),
  },
  resetStaffPassword: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: ResetStaffPasswordInput!) { resetStaffPassword(input: $input) { staffUser { id } } }',
    variables: () => ({ input: { id: staffUserId, password: 'another-long-passphrase' } }),
  },
  resetStaffSecondFactor: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: ResetStaffSecondFactorInput!) { resetStaffSecondFactor(input: $input) { hadSecondFactor } }',
    variables: () => ({ input: { id: staffUserId } }),
  },
  liftSignInLock: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: LiftSignInLockInput!) { liftSignInLock(input: $input) { liftedCount } }',
    variables: () => ({ input: { id: staffUserId } }),
  },
  importSiteCounters: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: ImportSiteCountersInput!) { importSiteCounters(input: $input) { siteStats { total } } }',
    variables: () => ({ input: { total: 311691, maxDaily: 490 } }),
  },
  createEvent: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }',
    variables: () => ({
      input: { kind: 'CULTURAL_EVENT', titleFa: 'رویداد تازه', startsAt: '2026-05-01T10:00:00Z', endsAt: '2026-05-01T12:00:00Z' },
    }),
  },
  updateEvent: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { event { id } } }',
    variables: () => ({ input: { id: events.draftId, titleFa: 'تغییر' } }),
  },
  publishEvent: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: PublishEventInput!) { publishEvent(input: $input) { event { id } } }',
    variables: () => ({ input: { id: events.draftId } }),
  },
  cancelEvent: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: CancelEventInput!) { cancelEvent(input: $input) { event { id } } }',
    variables: () => ({ input: { id: events.publishedId } }),
  },
  deleteEvent: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: DeleteEventInput!) { deleteEvent(input: $input) { deletedEventId } }',
    variables: () => ({ input: { id: events.disposableDraftId } }),
  },
  pinCrisisNotice: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: PinCrisisNoticeInput!) { pinCrisisNotice(input: $input) { event { id } } }',
    variables: () => ({ input: { id: events.noticeId } }),
  },
  unpinCrisisNotice: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: UnpinCrisisNoticeInput!) { unpinCrisisNotice(input: $input) { event { id } } }',
    variables: () => ({ input: { id: events.noticeId } }),
  },
  createOccasion: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: CreateOccasionInput!) { createOccasion(input: $input) { occasion { id } } }',
    // A new title each time: the same title on the same day is a CONFLICT.
    variables: () => ({
      input: { kind: 'NATIONAL_OCCASION', titleFa: `مناسبت ${++events.occasionCounter}`, calendar: 'SOLAR_HIJRI', month: 8, day: 1 },
    }),
  },
  updateOccasion: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: UpdateOccasionInput!) { updateOccasion(input: $input) { occasion { id } } }',
    variables: () => ({ input: { id: events.occasionId, holiday: true } }),
  },
  deleteOccasion: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: DeleteOccasionInput!) { deleteOccasion(input: $input) { deletedOccasionId } }',
    variables: () => ({ input: { id: events.disposableOccasionId } }),
  },
  setOccasionOverride: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: SetOccasionOverrideInput!) { setOccasionOverride(input: $input) { override { year } } }',
    variables: () => ({ input: { occasionId: events.occasionId, year: 1405, date: '2026-12-21' } }),
  },
  removeOccasionOverride: {
    allowed: [Role.EDITOR, Role.ADMIN],
    query: 'mutation ($input: RemoveOccasionOverrideInput!) { removeOccasionOverride(input: $input) { removed } }',
    variables: () => ({ input: { occasionId: events.occasionId, year: 1404 } }),
  },
  createMediaOutlet: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: CreateMediaOutletInput!) { createMediaOutlet(input: $input) { outlet { id } } }',
    // A new name each time: outlet names are unique.
    variables: () => ({ input: { nameFa: `رسانه ${++mediaCounter}`, kind: 'WEBSITE' } }),
  },
  updateMediaOutlet: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: UpdateMediaOutletInput!) { updateMediaOutlet(input: $input) { outlet { id } } }',
    variables: () => ({ input: { id: media.outlet, notes: 'یادداشت' } }),
  },
  deleteMediaOutlet: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: DeleteMediaOutletInput!) { deleteMediaOutlet(input: $input) { deletedOutletId } }',
    variables: () => ({ input: { id: media.spareOutlet } }),
  },
  createMediaContact: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: CreateMediaContactInput!) { createMediaContact(input: $input) { contact { id } } }',
    variables: () => ({ input: { name: 'خبرنگار تازه', phones: ['09120000000'], email: 'new@example.com' } }),
  },
  updateMediaContact: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: UpdateMediaContactInput!) { updateMediaContact(input: $input) { contact { id } } }',
    variables: () => ({ input: { id: media.contact, role: 'دبیر' } }),
  },
  deleteMediaContact: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: DeleteMediaContactInput!) { deleteMediaContact(input: $input) { deletedContactId } }',
    variables: () => ({ input: { id: media.contact } }),
  },
  exportMediaContactData: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: ExportMediaContactDataInput!) { exportMediaContactData(input: $input) { exportedAt } }',
    variables: () => ({ input: { id: media.contact } }),
  },
  logMediaInteraction: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: LogMediaInteractionInput!) { logMediaInteraction(input: $input) { interaction { id } } }',
    variables: () => ({ input: { contactId: media.contact, kind: 'CALL', topic: 'تماس' } }),
  },
  updateMediaInteraction: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: UpdateMediaInteractionInput!) { updateMediaInteraction(input: $input) { interaction { id } } }',
    variables: () => ({ input: { id: media.interaction, topic: 'موضوع تازه' } }),
  },
  completeMediaFollowUp: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: CompleteMediaFollowUpInput!) { completeMediaFollowUp(input: $input) { interaction { id } } }',
    variables: () => ({ input: { interactionId: media.interaction } }),
  },
  createPressRelease: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: CreatePressReleaseInput!) { createPressRelease(input: $input) { pressRelease { id } } }',
    variables: () => ({ input: { titleFa: 'اطلاعیه', bodyFa: 'متن' } }),
  },
  updatePressRelease: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: UpdatePressReleaseInput!) { updatePressRelease(input: $input) { pressRelease { id } } }',
    variables: () => ({ input: { id: media.draft, titleEn: 'Notice' } }),
  },
  publishPressRelease: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { pressRelease { id } } }',
    variables: () => ({ input: { id: media.draft, contactIds: [media.contact] } }),
  },
  withdrawPressRelease: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: WithdrawPressReleaseInput!) { withdrawPressRelease(input: $input) { pressRelease { id } } }',
    variables: () => ({ input: { id: media.published } }),
  },
  deletePressRelease: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: DeletePressReleaseInput!) { deletePressRelease(input: $input) { deletedPressReleaseId } }',
    variables: () => ({ input: { id: media.draft } }),
  },
  recordPressReleaseDistribution: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query:
      'mutation ($input: RecordPressReleaseDistributionInput!) { recordPressReleaseDistribution(input: $input) { addedRecipientCount } }',
    variables: () => ({ input: { releaseId: media.published, contactIds: [media.contact] } }),
  },
  emailPressRelease: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: EmailPressReleaseInput!) { emailPressRelease(input: $input) { queuedCount } }',
    variables: () => ({ input: { releaseId: media.published, contactIds: [media.mailContact] } }),
  },
  recordMediaCoverage: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: RecordMediaCoverageInput!) { recordMediaCoverage(input: $input) { coverage { id } } }',
    variables: () => ({ input: { outletId: media.outlet, title: 'گزارش', publishedOn: '2025-06-01', kind: 'ARTICLE', tone: 'POSITIVE' } }),
  },
  updateMediaCoverage: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: UpdateMediaCoverageInput!) { updateMediaCoverage(input: $input) { coverage { id } } }',
    variables: () => ({ input: { id: media.coverage, tone: 'NEGATIVE' } }),
  },
  deleteMediaCoverage: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: DeleteMediaCoverageInput!) { deleteMediaCoverage(input: $input) { deletedCoverageId } }',
    variables: () => ({ input: { id: media.coverage } }),
  },
  inviteMediaContacts: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: InviteMediaContactsInput!) { inviteMediaContacts(input: $input) { addedCount } }',
    variables: () => ({ input: { eventId: media.event, contactIds: [media.spareContact] } }),
  },
  updateMediaInvitation: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: UpdateMediaInvitationInput!) { updateMediaInvitation(input: $input) { invitation { id } } }',
    variables: () => ({ input: { id: media.invitation, reply: 'ACCEPTED' } }),
  },
  removeMediaInvitation: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: RemoveMediaInvitationInput!) { removeMediaInvitation(input: $input) { removedInvitationId } }',
    variables: () => ({ input: { id: media.invitation } }),
  },
  createWebhook: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }',
    // A name that never resolves, for an event this test never causes: nothing is sent.
    variables: () => ({ input: { url: 'https://hooks.partner.example/nabz', events: ['PRESS_RELEASE_PUBLISHED'] } }),
  },
  updateWebhook: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { id } } }',
    variables: () => ({ input: { id: webhooks.id, description: 'تغییر' } }),
  },
  deleteWebhook: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { deletedWebhookId } }',
    variables: () => ({ input: { id: webhooks.disposableId } }),
  },
  ...imageCalls('News', [Role.MEDIA_OFFICER, Role.ADMIN], () => media.published),
  ...imageCalls('Event', [Role.EDITOR, Role.ADMIN], () => events.publishedId),
  ...imageCalls('Goal', [Role.EDITOR, Role.ADMIN], ({ goalId }) => goalId),
  ...imageCalls('District', [Role.ADMIN], () => files.districtId),
  attachPressReleasePdf: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: AttachPressReleasePdfInput!) { attachPressReleasePdf(input: $input) { document { id } } }',
    variables: () => ({ input: { pressReleaseId: media.published, fileId: files.pdfId } }),
  },
  detachPressReleasePdf: {
    allowed: [Role.MEDIA_OFFICER, Role.ADMIN],
    query: 'mutation ($input: DetachPressReleasePdfInput!) { detachPressReleasePdf(input: $input) { detached } }',
    variables: () => ({ input: { pressReleaseId: media.published } }),
  },
  redeliverWebhookDelivery: {
    allowed: [Role.ADMIN],
    query: 'mutation ($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { delivery { id } } }',
    variables: () => ({ input: { id: webhooks.deliveryId } }),
  },
};
/** Mutations open to everyone by design. */
const PUBLIC_MUTATIONS = [
  'signIn',
  'signOut',
  'submitPollResponse',
  'trackPageview',
  'requestVerificationCode',
  'issuePollToken',
  'setPasswordWithToken',
  // The steps of signing in after the password and the account's own security: a restricted
  // session (no viewer yet) must reach them, so each checks inside that it acts on the caller's
  // own account (staff-security.test.ts).
  'verifySecondFactor',
  'changePassword',
  'startSecondFactorEnrolment',
  'confirmSecondFactorEnrolment',
  'disableSecondFactor',
  'regenerateRecoveryCodes',
];

const ACCOUNTS: Record<Role, 'admin' | 'editor' | 'analyst' | 'media'> = {
  [Role.ADMIN]: 'admin',
  [Role.EDITOR]: 'editor',
  [Role.ANALYST]: 'analyst',
  [Role.MEDIA_OFFICER]: 'media',
};

let t: TestApp;
let tokens: Record<Role, string>;
/** The district the district mutations change (retired, then brought back), and a counter for new numbers. */
let districtId: string;
let districtCounter = 0;
let goalId: string;
let pollId: string;
/** The RATING question of the shared poll, and an indicator reading it (put back after a case removes it). */
let indicatorQuestionId: string;
let indicatorId: string;
/** A partner key for revokeApiKey to revoke. */
let apiKeyId: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  tokens = Object.fromEntries(
    await Promise.all(Object.entries(ACCOUNTS).map(async ([role, account]) => [role, await t.signIn(account)])),
  ) as Record<Role, string>;
  [{ id: goalId }] = await t.app.db.query('SELECT id FROM goal ORDER BY position LIMIT 1');
  [{ id: districtId }] = await t.app.db.query('SELECT id FROM district ORDER BY code DESC LIMIT 1');
  pollId = (await createPoll(t, tokens[Role.EDITOR], surveyInput(), false)).id;
  [{ id: apiKeyId }] = await t.app.db.query(
    `INSERT INTO api_key (name, prefix, key_hash, scopes, requests_per_minute) VALUES ('Partner', 'nabz_x', '\\x00', '{PUBLIC_READ}', 60) RETURNING id`,
  );
});
afterAll(() => t.close());
beforeAll(async () => {
  const [{ id: uploader }] = await t.app.db.query(`SELECT id FROM staff_user WHERE email = 'media@nabz.example'`);
  const file = (kind: string, type: string, key: string) =>
    t.app.db.query(
      `INSERT INTO stored_file (kind, content_type, storage_key, byte_size, file_name, uploaded_by) VALUES ($1, $2, $3, 10, 'f', $4) RETURNING id`,
      [kind, type, key, uploader],
    );
  [{ id: files.imageId }] = await file('IMAGE', 'image/webp', `images/${'a'.repeat(64)}.webp`);
  [{ id: files.pdfId }] = await file('PDF', 'application/pdf', `documents/${'b'.repeat(64)}.pdf`);
  [{ id: files.districtId }] = await t.app.db.query('SELECT id FROM district ORDER BY code LIMIT 1');
});
/** A staff user for the staff administration mutations to change, and a counter for new addresses. */
let staffUserId: string;
let staffCounter = 0;
beforeAll(async () => {
  [{ id: staffUserId }] = await t.app.db.query(
    `INSERT INTO staff_user (email, display_name, role, password_hash) VALUES ('sample.staff@nabz.example', 'نمونه', 'EDITOR', 'x') RETURNING id`,
  );
});
/** Events and occasions the event mutations act on; the disposable ones are put back after a case deletes them. */
const events = {
  draftId: '',
  publishedId: '',
  noticeId: '',
  disposableDraftId: '',
  occasionId: '',
  disposableOccasionId: '',
  occasionCounter: 0,
};
beforeAll(async () => {
  [{ id: events.draftId }] = await t.app.db.query(
    `INSERT INTO event (kind, title_fa, starts_at, ends_at) VALUES ('OTHER', 'پیش‌نویس', now(), now()) RETURNING id`,
  );
  [{ id: events.publishedId }] = await t.app.db.query(
    `INSERT INTO event (kind, title_fa, starts_at, ends_at, status, published_at) VALUES ('OTHER', 'منتشرشده', now(), now(), 'PUBLISHED', now()) RETURNING id`,
  );
  [{ id: events.noticeId }] = await t.app.db.query(`SELECT id FROM event WHERE pinned`);
  // Yalda Night (30 Azar): 1405's is 2026-12-21.
  [{ id: events.occasionId }] = await t.app.db.query(`SELECT id FROM occasion WHERE calendar = 'SOLAR_HIJRI' AND month = 9 AND day = 30`);
});
beforeEach(async () => {
  const [draft] = await t.app.db.query('SELECT id FROM event WHERE id = $1', [
    events.disposableDraftId || '00000000-0000-0000-0000-000000000000',
  ]);
  if (!draft)
    [{ id: events.disposableDraftId }] = await t.app.db.query(
      `INSERT INTO event (kind, title_fa, starts_at, ends_at) VALUES ('OTHER', 'دورانداختنی', now(), now()) RETURNING id`,
    );
  const [occasion] = await t.app.db.query('SELECT id FROM occasion WHERE id = $1', [
    events.disposableOccasionId || '00000000-0000-0000-0000-000000000000',
  ]);
  if (!occasion)
    [{ id: events.disposableOccasionId }] = await t.app.db.query(
      `INSERT INTO occasion (kind, title_fa, calendar, month, day) VALUES ('NATIONAL_OCCASION', $1, 'SOLAR_HIJRI', 8, 2) RETURNING id`,
      [`دورانداختنی ${Date.now()}`],
    );
});
/** Media objects the media mutations act on: a fresh set before every case, since many consume theirs. */
const media: Record<string, string> = {};
let mediaCounter = 0;
beforeEach(async () => {
  Object.assign(media, await mediaFixtures(t));
  [{ id: media.spareOutlet }] = await t.app.db.query(`INSERT INTO media_outlet (name_fa, kind) VALUES ($1, 'WEBSITE') RETURNING id`, [
    `بی‌مخاطب ${++mediaCounter}`,
  ]);
  [{ id: media.spareContact }] = await t.app.db.query(`INSERT INTO media_contact (name) VALUES ('مدعو') RETURNING id`);
  [{ id: media.mailContact }] = await t.app.db.query(`INSERT INTO media_contact (name, email) VALUES ('نشانی‌دار', $1) RETURNING id`, [
    `access${++mediaCounter}@paper.example`,
  ]);
});
/**
 * Webhooks the webhook mutations act on, put back after a case deletes one, and a FAILED delivery
 * to redeliver (fresh each case). Their address is a documentation one that delivery refuses to
 * connect to, so nothing is ever sent.
 */
const webhooks = { id: '', disposableId: '', deliveryId: '' };
beforeEach(async () => {
  const add = () =>
    t.app.db.query(
      `INSERT INTO webhook (url, events, signing_secret) VALUES ('https://192.0.2.1/nabz', '{PRESS_RELEASE_PUBLISHED}', 'whsec_access') RETURNING id`,
    );
  const exists = async (id: string) =>
    (await t.app.db.query('SELECT 1 FROM webhook WHERE id = $1', [id || '00000000-0000-0000-0000-000000000000'])).length > 0;
  if (!(await exists(webhooks.id))) [{ id: webhooks.id }] = await add();
  if (!(await exists(webhooks.disposableId))) [{ id: webhooks.disposableId }] = await add();
  [{ id: webhooks.deliveryId }] = await t.app.db.query(
    `INSERT INTO webhook_delivery (webhook_id, event_type, payload, status, attempts, max_attempts) VALUES ($1, 'PRESS_RELEASE_PUBLISHED', '{}', 'FAILED', 8, 8) RETURNING id`,
    [webhooks.id],
  );
});
beforeEach(async () => {
  [{ id: indicatorQuestionId }] = await t.app.db.query(`SELECT id FROM poll_question WHERE poll_id = $1 AND kind = 'RATING'`, [pollId]);
  const [kept] = await t.app.db.query('SELECT id FROM goal_indicator WHERE id = $1', [
    indicatorId ?? '00000000-0000-0000-0000-000000000000',
  ]);
  if (kept) return;
  [{ id: indicatorId }] = await t.app.db.query(
    `INSERT INTO goal_indicator (goal_id, label_fa, metric, poll_id, question_id, target, direction) VALUES ($1, 'شاخص', 'RATING_MEAN', $2, $3, 4, 'AT_LEAST') RETURNING id`,
    [goalId, pollId, indicatorQuestionId],
  );
});

async function tableCounts(): Promise<Record<string, number>> {
  const rows: Array<{ name: string; n: number }> = await t.app.db.query(`
    SELECT 'goal' AS name, count(*)::int AS n FROM goal UNION ALL
    SELECT 'district', count(*)::int FROM district UNION ALL
    SELECT 'district_fingerprint', hashtext(string_agg(id::text || coalesce(name_en, '') || coalesce(retired_at::text, ''), ',' ORDER BY id)) FROM district UNION ALL
    SELECT 'district_population', count(*)::int FROM district_population UNION ALL
    SELECT 'staff_user', count(*)::int FROM staff_user UNION ALL
    SELECT 'staff_session', count(*)::int FROM staff_session UNION ALL
    SELECT 'audit_log', count(*)::int FROM audit_log UNION ALL
    SELECT 'poll', count(*)::int FROM poll UNION ALL
    SELECT 'goal_indicator', count(*)::int FROM goal_indicator UNION ALL
    SELECT 'event', count(*)::int FROM event UNION ALL
    SELECT 'event_fingerprint', hashtext(string_agg(id::text || title_fa || status::text || pinned::text, ',' ORDER BY id)) FROM event UNION ALL
    SELECT 'occasion_fingerprint', hashtext(string_agg(id::text || title_fa || holiday::text, ',' ORDER BY id)) FROM occasion UNION ALL
    SELECT 'occasion_override_fingerprint', hashtext(string_agg(occasion_id::text || year::text || date::text, ',' ORDER BY occasion_id, year)) FROM occasion_override UNION ALL
    SELECT 'api_key', count(*)::int FROM api_key UNION ALL
    SELECT 'media_outlet_fingerprint', hashtext(string_agg(id::text || name_fa || coalesce(notes, ''), ',' ORDER BY id)) FROM media_outlet UNION ALL
    SELECT 'media_contact_fingerprint', hashtext(string_agg(id::text || name || coalesce(role, ''), ',' ORDER BY id)) FROM media_contact UNION ALL
    SELECT 'media_interaction_fingerprint', hashtext(string_agg(id::text || topic || coalesce(follow_up_done_at::text, ''), ',' ORDER BY id)) FROM media_interaction UNION ALL
    SELECT 'press_release_fingerprint', hashtext(string_agg(id::text || status::text || coalesce(title_en, ''), ',' ORDER BY id)) FROM press_release UNION ALL
    SELECT 'press_release_distribution', count(*)::int FROM press_release_distribution UNION ALL
    SELECT 'mail_delivery', count(*)::int FROM mail_delivery UNION ALL
    SELECT 'file_attachment_fingerprint', hashtext(string_agg(slot || owner_id::text || file_id::text || coalesce(alt_fa, ''), ',' ORDER BY slot, owner_id)) FROM file_attachment UNION ALL
    SELECT 'media_coverage_fingerprint', hashtext(string_agg(id::text || tone::text, ',' ORDER BY id)) FROM media_coverage UNION ALL
    SELECT 'media_invitation_fingerprint', hashtext(string_agg(id::text || reply::text, ',' ORDER BY id)) FROM media_invitation UNION ALL
    SELECT 'api_key_revoked', count(revoked_at)::int FROM api_key UNION ALL
    SELECT 'webhook_fingerprint', hashtext(string_agg(id::text || coalesce(description, '') || coalesce(disabled_at::text, ''), ',' ORDER BY id)) FROM webhook UNION ALL
    SELECT 'webhook_delivery_fingerprint', hashtext(string_agg(id::text || status::text || attempts::text, ',' ORDER BY id)) FROM webhook_delivery UNION ALL
    SELECT 'goal_indicator_fingerprint', hashtext(string_agg(id::text || target::text, ',' ORDER BY id)) FROM goal_indicator UNION ALL
    SELECT 'poll_fingerprint', hashtext(string_agg(id::text || title_fa || coalesce(title_en, '') || state::text, ',' ORDER BY id)) FROM poll UNION ALL
    SELECT 'goal_fingerprint', hashtext(string_agg(id::text || title_fa || status::text, ',' ORDER BY id)) FROM goal`);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

describe('access declarations', () => {
  it('has a sample call for every mutation that is not public', async () => {
    const mutations = Object.keys(accessOf(await getSchema()))
      .filter((name) => name.startsWith('Mutation.'))
      .map((name) => name.slice('Mutation.'.length));
    expect(mutations.filter((m) => !PUBLIC_MUTATIONS.includes(m)).sort()).toEqual(Object.keys(SAMPLE_CALLS).sort());
  });

  it('declares for each mutation exactly the roles this matrix expects', async () => {
    const table = accessOf(await getSchema());
    for (const [mutation, call] of Object.entries(SAMPLE_CALLS)) {
      expect([mutation, table[`Mutation.${mutation}`]]).toEqual([mutation, { roles: call.allowed }]);
    }
  });

  it('declares access on every query, mutation and subscription (a diff here changes who can reach an endpoint)', async () => {
    const table = accessOf(await getSchema());
    expect(Object.values(table).every(Boolean)).toBe(true);
    expect(table).toMatchSnapshot();
  });
});

describe('the access matrix', () => {
  // Every caller that is not allowed: anonymous, and each role outside the mutation's list.
  const cases = Object.entries(SAMPLE_CALLS).flatMap(([mutation, call]) => [
    [mutation, 'anonymous' as const, 'UNAUTHENTICATED'] as const,
    ...Object.values(Role)
      .filter((role) => !call.allowed.includes(role))
      .map((role) => [mutation, role, 'FORBIDDEN'] as const),
  ]);

  it.each(cases)('refuses %s called by %s with %s, writing nothing', async (mutation, caller, code) => {
    const call = SAMPLE_CALLS[mutation];
    const token = caller === 'anonymous' ? undefined : tokens[caller];
    const before = await tableCounts();
    const res = await t.gql(call.query, call.variables?.({ goalId, pollId }), { token });
    expect(res.body.errors?.[0].extensions?.code).toBe(code);
    expect(res.body.data).toBeNull();
    expect(await tableCounts()).toEqual(before);
  });

  it.each(Object.entries(SAMPLE_CALLS).flatMap(([mutation, call]) => call.allowed.map((role) => [mutation, role] as const)))(
    'lets %s through for %s',
    async (mutation, role) => {
      const call = SAMPLE_CALLS[mutation];
      // Deleting the shared goal would break later cases: delete a goal of the role's own.
      const target =
        mutation === 'deleteGoal'
          ? (await t.gql(SAMPLE_CALLS.createGoal.query, SAMPLE_CALLS.createGoal.variables!({ goalId, pollId }), { token: tokens[role] }))
              .body.data!.createGoal.goal.id
          : goalId;
      // Publishing and closing change a poll's state for good: give each its own poll in the right state.
      const poll =
        mutation === 'publishPoll' || mutation === 'closePoll'
          ? (await createPoll(t, tokens[role], surveyInput(), mutation === 'closePoll')).id
          : pollId;
      // Adding to a list needs a list; releasing a quarantine needs a quarantine.
      const listId =
        mutation === 'addEligibilityEntries'
          ? (
              await t.gql(SAMPLE_CALLS.createEligibilityList.query, SAMPLE_CALLS.createEligibilityList.variables!({ goalId, pollId }), {
                token: tokens[role],
              })
            ).body.data!.createEligibilityList.list.id
          : mutation === 'releasePollQuarantine'
            ? (
                await t.gql(SAMPLE_CALLS.quarantinePollAnswers.query, SAMPLE_CALLS.quarantinePollAnswers.variables!({ goalId, pollId }), {
                  token: tokens[role],
                })
              ).body.data!.quarantinePollAnswers.quarantine.id
            : undefined;
      const res = await t.gql(call.query, call.variables?.({ goalId: target, pollId: poll, listId }), { token: tokens[role] });
      expect(res.body.errors).toBeUndefined();
    },
  );
});
