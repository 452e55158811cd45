import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

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
}
