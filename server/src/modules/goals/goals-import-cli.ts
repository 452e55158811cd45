// `npm run goals:import [-- --file goals.json] [-- --draft]`: loads a city's goals, in order, after
// those it has. Without --file, the PR office's 31 goals from its current site (seed/customer-goals.ts),
// which production does not load as demo data. A file holds a JSON array of
// { titleFa, titleEn?, descriptionFa?, descriptionEn?, category } (docs/operations.md). Everything is
// checked before anything is written; a goal whose Persian title is already there is skipped, so
// running it twice adds nothing. Published (ACTIVE) unless --draft. Audited.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { validate } from 'class-validator';
import { loadConfig } from '../../config';
import { withCliDatabase } from '../../db/cli-database';
import { CUSTOMER_GOALS } from '../../seed/customer-goals';
import { AuditService } from '../staff/audit.service';
import { GoalCategory, GoalStatus } from './goal.enums';
import { CreateGoalInput } from './goal.inputs';
import { GoalService } from './goal.service';

const MAX_GOALS = 1000;

/** The entries as CreateGoalInput, or the reasons they are refused ("goal 3: titleFa …"). */
export async function checkGoalEntries(raw: unknown): Promise<{ entries: CreateGoalInput[]; problems: string[] }> {
  if (!Array.isArray(raw)) return { entries: [], problems: ['the file must hold a JSON array of goals'] };
  if (raw.length === 0 || raw.length > MAX_GOALS) return { entries: [], problems: [`between 1 and ${MAX_GOALS} goals, not ${raw.length}`] };
  const problems: string[] = [];
  const entries: CreateGoalInput[] = [];
  const categories = Object.values(GoalCategory) as string[];
  for (const [i, item] of raw.entries()) {
    const at = `goal ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${at}: not an object`);
      continue;
    }
    const known = ['titleFa', 'titleEn', 'descriptionFa', 'descriptionEn', 'category'];
    for (const key of Object.keys(item))
      if (!known.includes(key)) problems.push(`${at}: unknown field ${key} (known: ${known.join(', ')})`);
    const { category, titleFa } = item as { category?: unknown; titleFa?: unknown };
    if (typeof titleFa !== 'string') problems.push(`${at}: titleFa (the Persian title) is required`);
    if (typeof category !== 'string' || !categories.includes(category))
      problems.push(`${at}: category must be one of ${categories.join(', ')}`);
    const entry = Object.assign(new CreateGoalInput(), item);
    for (const error of await validate(entry, { skipMissingProperties: false })) {
      if (error.property === 'category' || (error.property === 'titleFa' && typeof titleFa !== 'string')) continue;
      problems.push(`${at}: ${error.property}: ${Object.values(error.constraints ?? {}).join('; ') || 'not accepted'}`);
    }
    entries.push(entry);
  }
  return { entries, problems };
}

async function run(): Promise<number> {
  const { values } = parseArgs({ options: { file: { type: 'string' }, draft: { type: 'boolean' } }, strict: true });
  const config = loadConfig();
  let raw: unknown = CUSTOMER_GOALS;
  if (values.file) {
    try {
      raw = JSON.parse(await readFile(values.file, 'utf8'));
    } catch (err) {
      process.stderr.write(`goals:import: cannot read ${values.file} as JSON: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }
  const { entries, problems } = await checkGoalEntries(raw);
  if (problems.length) {
    process.stderr.write(`goals:import stored nothing:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  return withCliDatabase('goals:import', config, async (db) => {
    const status = values.draft ? GoalStatus.DRAFT : GoalStatus.ACTIVE;
    const { added, skipped } = await new GoalService(db, new AuditService()).importGoals(entries, status);
    process.stdout.write(
      `Added ${added.length} goal(s) as ${status}` +
        (added.length ? `, positions ${added[0].position} to ${added[added.length - 1].position}` : '') +
        `; ${skipped} already there, left alone.\n`,
    );
    return 0;
  });
}

if (require.main === module)
  run().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`goals:import failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
