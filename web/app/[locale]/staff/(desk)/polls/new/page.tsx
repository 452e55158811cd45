import { localePath } from '@/lib/i18n/routing';
import { staffFormat } from '@/lib/staff/format';
import { participationText } from '@/lib/staff/participation-text';
import { pollsText } from '@/lib/staff/polls-text';
import { requireSection } from '@/lib/staff/session';
import { localeParam } from '../../../../locale-param';
import { blankQuestion } from '../builder-model';
import { builderText, loadDistricts, loadEligibilityLists, numbers } from '../builder-data';
import { savePoll } from '../builder-actions';
import { PollBuilder } from '../poll-builder';
import { StaffHeader } from '@/components/staff/header';
import { staffPageMetadata } from '@/lib/staff/open-page';

export const generateMetadata = staffPageMetadata((locale) => pollsText[locale].builder.newTitle, 'pollBuilder');

export default async function NewPollPage({ params }: PageProps<'/[locale]/staff/polls/new'>) {
  const locale = await localeParam(params);
  await requireSection('pollBuilder');
  const t = pollsText[locale];
  const [districts, lists] = await Promise.all([loadDistricts(locale), loadEligibilityLists()]);
  const pt = participationText[locale];
  return (
    <>
      <StaffHeader title={t.builder.newTitle} crumb={{ href: localePath(locale, '/staff/polls'), label: t.listTitle }} />
      <PollBuilder
        action={savePoll.bind(null, null)}
        initial={{
          id: null,
          titleFa: '',
          titleEn: '',
          descriptionFa: '',
          descriptionEn: '',
          resultsVisibility: 'PUBLIC',
          asksDistrict: false,
          districtIds: [],
          assurance: 'OPEN',
          eligibilityListId: '',
          opensDay: '',
          opensTime: '',
          closesDay: '',
          closesTime: '',
          questions: [blankQuestion()],
        }}
        districts={districts}
        locale={locale}
        text={builderText(locale, t.builder.save)}
        numbers={numbers(locale)}
        lists={lists.map((l) => ({ id: l.id, name: l.name, entryCount: pt.entries(staffFormat(locale).number(l.entryCount)) }))}
        listsHref={localePath(locale, '/staff/polls/lists')}
      />
    </>
  );
}
