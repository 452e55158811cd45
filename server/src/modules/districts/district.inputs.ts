import { IsOptional, Max, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IdInput, TextInput } from '../../common/validation';
import { District } from './district.entity';

const NAME_MAX = 200;
const SOURCE_MAX = 200;
export const CODE_MAX = 10_000;
export const POPULATION_MAX = 100_000_000;
const BOUNDARY_DESCRIPTION =
  'The outline as GeoJSON (an object, or its text): a Polygon, a MultiPolygon or a Feature of one, [longitude, latitude] in WGS84, rings closed; at most 1 MB and 20,000 points. A bad one is refused with reason BOUNDARY_* and the polygon, ring and point at fault.';

@InputType({ description: 'A new district.' })
export class CreateDistrictInput {
  @Field(() => Int, { description: `The official number, 1 to ${CODE_MAX}; unique.` })
  @Min(1)
  @Max(CODE_MAX)
  code: number;

  @TextInput({ description: `Persian name, at most ${NAME_MAX} characters.`, max: NAME_MAX })
  nameFa: string;

  @TextInput({ description: `English name, at most ${NAME_MAX} characters.`, max: NAME_MAX, optional: true })
  nameEn?: string | null;

  @Field(() => Int, { description: 'Residents, used to weight poll results.' })
  @Min(0)
  @Max(POPULATION_MAX)
  population: number;

  @TextInput({
    description: `Where the figure comes from, e.g. "Census 1395"; at most ${SOURCE_MAX} characters.`,
    max: SOURCE_MAX,
    optional: true,
  })
  populationSource?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the figure describes, e.g. 1395 or 2016.' })
  @IsOptional()
  @Min(1000)
  @Max(3000)
  populationYear?: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: BOUNDARY_DESCRIPTION })
  @IsOptional()
  boundary?: unknown;
}

@InputType({ description: 'Changes to a district. Omitted fields keep their value; null clears an optional field.' })
export class UpdateDistrictInput {
  @IdInput({ description: 'The district to change.' })
  id: string;

  @Field(() => Int, { nullable: true, description: `A new official number, 1 to ${CODE_MAX}; unique; cannot be cleared.` })
  @IsOptional()
  @Min(1)
  @Max(CODE_MAX)
  code?: number | null;

  @TextInput({ description: 'Persian name; cannot be cleared.', max: NAME_MAX, optional: true })
  nameFa?: string | null;

  @TextInput({ description: 'English name.', max: NAME_MAX, optional: true })
  nameEn?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A new population figure; cannot be cleared. A change of figure, source or year starts a new version of the population.',
  })
  @IsOptional()
  @Min(0)
  @Max(POPULATION_MAX)
  population?: number | null;

  @TextInput({ description: 'Where the figure comes from.', max: SOURCE_MAX, optional: true })
  populationSource?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the figure describes.' })
  @IsOptional()
  @Min(1000)
  @Max(3000)
  populationYear?: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: `${BOUNDARY_DESCRIPTION} Null removes it.` })
  @IsOptional()
  boundary?: unknown;
}

@InputType({ description: 'The district to retire or bring back.' })
export class RetireDistrictInput {
  @IdInput({ description: 'The district.' })
  id: string;
}

@ObjectType({ description: 'The district as stored.' })
export class DistrictPayload {
  @Field(() => District, { description: 'The district as stored after the change.' })
  district: District;
}
