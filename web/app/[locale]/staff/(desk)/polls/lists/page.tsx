import { localePath } from '@/lib/i18n/routing';
import { staffFormat } from '@/lib/staff/format';
import { participationText } from '@/lib/staff/participation-text';
import { pollsText } from '@/lib/staff/polls-text';
import { requireSection } from '@/lib/staff/session';
import { localeParam } from '../../../../locale-param';
import { loadEligibilityLists } from '../builder-data';
import { ListUpload } from './list-upload';
import { StaffTable } from '@/components/staff/list';
import { StaffHeader } from '@/components/staff/header';
import { staffPageMetadata } from '@/lib/staff/open-page';

export const generateMetadata = staffPageMetadata((locale) => participationText[locale].listsTitle, 'pollBuilder');

/** Eligibility lists for RESIDENT_LIST polls: the existing ones, and a new one from a file. */
export default async function EligibilityListsPage({ params }: PageProps<'/[locale]/staff/polls/lists'>) {
  const locale = await localeParam(params);
  await requireSection('pollBuilder');
  const t = participationText[locale];
  const f = staffFormat(locale);
  const lists = await loadEligibilityLists();
  return (
    <>
      <StaffHeader
        title={t.listsTitle}
        intro={t.listsIntro}
        crumb={{ href: localePath(locale, '/staff/polls'), label: pollsText[locale].listTitle }}
      />
      {lists.length === 0 ? (
        <p>{t.noLists}</p>
      ) : (
        <StaffTable className="staff-table" columns={[t.listName, t.kind, t.count, t.updated]}>
          {lists.map((list) => (
            <tr key={list.id} data-list-id={list.id}>
              <td>{list.name}</td>
              <td>{t.kinds[list.kind]}</td>
              <td>{f.number(list.entryCount)}</td>
              <td>{f.dateTime(list.updatedAt)}</td>
            </tr>
          ))}
        </StaffTable>
      )}
      <ListUpload locale={locale} />
    </>
  );
}
