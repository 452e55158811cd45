import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GoalCategory, GoalStatus } from './goal.enums';
import { BilingualTextColumns } from '../../common/bilingual-texts';
import { GeneratedTextColumn } from '../../db/generated-text-column';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/** As in the foundation migration: changing it needs a new migration (TypeORM diffs it). */
export const GOAL_SEARCH_EXPRESSION = `nabz_normalize(coalesce(title_fa, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(description_fa, '') || ' ' || coalesce(description_en, ''))`;

/** A goal or program of the PR office, in Persian and English. */
@ObjectType('Goal', { description: 'A goal or program of the PR office. Text fields follow the request language.' })
@Entity('goal')
// The site search's trigram indexes on search_text, and on it without spaces (migrations SiteSearch,
// SearchTextColumns, SearchJoinedWords): TypeORM cannot declare a GIN operator class, so it is told to
// leave the indexes alone.
@Index('ix_goal_search_trgm', { synchronize: false })
@Index('ix_goal_search_joined_trgm', { synchronize: false })
@Check('ck_goal_position', '"position" > 0')
@Index('ix_goal_status_position', ['status', 'position'])
@Index('ix_goal_position_id', ['position', 'id'])
export class Goal extends BilingualTextColumns(500) {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => GoalCategory, { description: 'The area of work this goal belongs to.' })
  @Column({ type: 'enum', enum: GoalCategory, enumName: 'goal_category' })
  category: GoalCategory;

  /** Display order, 1-based; ties are broken by id so paging is stable. */
  @Field(() => Int, { description: 'Display order, 1-based.' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => GoalStatus, { description: 'Where the goal stands.' })
  @Column({ type: 'enum', enum: GoalStatus, enumName: 'goal_status', default: GoalStatus.DRAFT })
  status: GoalStatus;

  /** Normalised text of all four fields for Persian-aware search (see common/persian-text.ts). */
  @GeneratedTextColumn('search_text', GOAL_SEARCH_EXPRESSION)
  searchText?: string;

  @CreatedAtColumn('When the goal was created.')
  createdAt: Date;

  @UpdatedAtColumn('When the goal was last changed.')
  updatedAt: Date;
}
