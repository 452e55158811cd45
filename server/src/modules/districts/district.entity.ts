import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { type DistrictBoundary } from './boundary';

/** One of the city's district municipalities (شهرداری منطقه): a dimension of everything else. */
@ObjectType('District', { description: "One of the city's district municipalities. Text fields follow the request language." })
@Entity('district')
@Check('ck_district_population', '"population" >= 0')
@Check('ck_district_code', '"code" > 0')
export class District {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The district's official number (منطقه ۱, ۲ …). */
  @Field(() => Int, { description: "The district's official number." })
  @Index('uq_district_code', { unique: true })
  @Column({ type: 'int' })
  code: number;

  @Column({ name: 'name_fa', type: 'varchar', length: 200 })
  nameFa: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  /** Residents, for weighting poll results by district. */
  @Field(() => Int, { description: 'Residents, used to weight poll results by district.' })
  @Column({ type: 'int' })
  population: number;

  /** Where the population figure comes from (e.g. "Census 1395"); its history is in district_population. */
  @Field(() => String, { nullable: true, description: 'Where the population figure comes from, e.g. "Census 1395".' })
  @Column({ name: 'population_source', type: 'varchar', length: 200, nullable: true })
  populationSource: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the population figure describes (as its source gives it, e.g. 1395).' })
  @Column({ name: 'population_year', type: 'int', nullable: true })
  populationYear: number | null;

  /** When the current population figure took effect (the valid_from of its district_population row). */
  @Field(() => Date, { description: 'When the current population figure was entered: the version that weighting uses.' })
  @Column({ name: 'population_as_of', type: 'timestamptz', default: () => 'now()' })
  populationAsOf: Date;

  /** GeoJSON (Polygon or MultiPolygon, WGS84), validated by `parseBoundary`; null when none was given. */
  @Column({ type: 'jsonb', nullable: true })
  boundary: DistrictBoundary | null;

  /** Set when the district was retired: hidden from public lists and new polls, kept for what refers to it. */
  @Field(() => Date, { nullable: true, description: 'When the district was retired; null while it is in use.' })
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}

/** Every population figure a district has had, so a weighted analysis can be reproduced after a census update. */
@ObjectType('DistrictPopulation', { description: 'A population figure a district had from a date on.' })
@Entity('district_population')
@Index('ix_district_population_district', ['districtId', 'validFrom'])
@Check('ck_district_population_population', '"population" >= 0')
export class DistrictPopulation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_district_population_district' })
  district?: District;

  @Field(() => Int, { description: 'Residents.' })
  @Column({ type: 'int' })
  population: number;

  @Field(() => String, { nullable: true, description: 'Where the figure comes from.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the figure describes.' })
  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Field(() => Date, { description: 'From when the figure was in use.' })
  @Column({ name: 'valid_from', type: 'timestamptz', default: () => 'now()' })
  validFrom: Date;
}
