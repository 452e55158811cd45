import { type EntityManager } from 'typeorm';
import { type Logger } from '../logger';
import { seedDemoSiteCounters } from '../modules/analytics/demo-site-counters';
import { type DistrictBoundary, type Position } from '../modules/districts/boundary';
import { District } from '../modules/districts/district.entity';
import { Goal } from '../modules/goals/goal.entity';
import { GoalStatus } from '../modules/goals/goal.enums';
import { Role } from '../modules/staff/role';
import { hashPassword } from '../modules/staff/password';
import { StaffUser } from '../modules/staff/staff.entity';
import { CUSTOMER_GOALS } from './customer-goals';
import { seedDemoEvents } from './demo-events';
import { seedDemoPolls } from './demo-polls';
import { seedDemoMedia } from './demo-media';

/**
 * Illustrative demo outlines: a 4 × 2 grid of quadrilaterals around a plausible city centre (near
 * 35.7° N, 51.4° E), inner corners nudged by a fixed pattern so they look drawn, not ruled. Cells
 * share their corners, so the districts tile without overlapping. Deterministic.
 */
function demoBoundary(code: number): DistrictBoundary {
  const [col, row] = [(code - 1) % 4, Math.floor((code - 1) / 4)];
  const corner = (i: number, j: number): Position => {
    const inner = i > 0 && i < 4 && j > 0 && j < 2;
    const nudge = inner ? (((i * 7 + j * 3) % 5) - 2) * 0.004 : 0;
    return [Math.round((51.28 + i * 0.06 + nudge) * 1e5) / 1e5, Math.round((35.75 - j * 0.05 - nudge / 2) * 1e5) / 1e5];
  };
  // Counter-clockwise (RFC 7946): south-west, south-east, north-east, north-west, and closed.
  const ring = [corner(col, row + 1), corner(col + 1, row + 1), corner(col + 1, row), corner(col, row), corner(col, row + 1)];
  return { type: 'Polygon', coordinates: [ring] };
}

/** Demo districts: names as the city writes them; populations, their source and the outlines are illustrative. */
export const DEMO_DISTRICTS = [
  { code: 1, nameFa: 'منطقه یک', nameEn: 'District 1', population: 312_000 },
  { code: 2, nameFa: 'منطقه دو', nameEn: 'District 2', population: 286_500 },
  { code: 3, nameFa: 'منطقه سه', nameEn: 'District 3', population: 241_800 },
  { code: 4, nameFa: 'منطقه چهار', nameEn: 'District 4', population: 398_200 },
  { code: 5, nameFa: 'منطقه پنج', nameEn: 'District 5', population: 175_400 },
  { code: 6, nameFa: 'منطقه شش', nameEn: 'District 6', population: 204_900 },
  { code: 7, nameFa: 'منطقه هفت', nameEn: 'District 7', population: 158_300 },
  { code: 8, nameFa: 'منطقه هشت (بافت تاریخی)', nameEn: 'District 8 (historic centre)', population: 96_700 },
].map((d) => ({ ...d, populationSource: 'سرشماری ۱۳۹۵ (نمونه)', populationYear: 1395, boundary: demoBoundary(d.code) }));

/** One account per role, for trying the platform out. Never loaded when DEMO_DATA=false. */
export const DEMO_PASSWORD = 'nabz-demo-1405';
export const DEMO_ACCOUNTS = [
  { email: 'admin@nabz.example', displayName: 'مدیر سامانه', role: Role.ADMIN },
  { email: 'editor@nabz.example', displayName: 'ویراستار روابط عمومی', role: Role.EDITOR },
  { email: 'analyst@nabz.example', displayName: 'تحلیلگر افکارسنجی', role: Role.ANALYST },
  { email: 'media@nabz.example', displayName: 'کارشناس رسانه', role: Role.MEDIA_OFFICER },
];

/**
 * Loads the demo data into an empty database, in one transaction: districts, goals, one account
 * per role, and two open polls with generated responses (demo-polls.ts). A database that already
 * has goals, districts or staff is left alone: demo data never overwrites real data.
 */
export async function seedDemoData(manager: EntityManager, log?: Logger): Promise<boolean> {
  return manager.transaction(async (m) => {
    // One connection runs one statement at a time: count sequentially.
    for (const entity of [Goal, District, StaffUser]) {
      if ((await m.count(entity)) > 0) return false;
    }
    // Hashed only when there is something to load: a restart on loaded data costs no argon2 run.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await m
      .createQueryBuilder()
      .insert()
      .into(District)
      .values(DEMO_DISTRICTS.map((d) => ({ ...d, boundary: d.boundary as never })))
      .execute();
    // Each district's first population figure, as the admin API would record it.
    await m.query(
      `INSERT INTO district_population (district_id, population, source, year, valid_from)
       SELECT id, population, population_source, population_year, population_as_of FROM district`,
    );
    await m
      .createQueryBuilder()
      .insert()
      .into(Goal)
      .values(CUSTOMER_GOALS.map((g, i) => ({ ...g, position: i + 1, status: GoalStatus.ACTIVE })))
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(StaffUser)
      .values(DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash })))
      .execute();
    const polls = await seedDemoPolls(m);
    // Before media relations: its demo invitations go to a demo event.
    const events = await seedDemoEvents(m);
    // The customer's current site counters (311,691 visits, record day 490): the new site continues them.
    await seedDemoSiteCounters(m);
    // Media relations last: its invitations go to a demo event when one exists by now.
    const media = await seedDemoMedia(m);
    log?.info(
      {
        goals: CUSTOMER_GOALS.length,
        districts: DEMO_DISTRICTS.length,
        accounts: DEMO_ACCOUNTS.length,
        polls: polls.polls,
        pollResponses: polls.responses,
        events,
        media,
      },
      'demo data loaded',
    );
    return true;
  });
}
