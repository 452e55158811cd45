import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { notFound } from '../../common/errors';
import { CurrentActor, Public, StaffOnly } from '../../graphql/access';
import { type Context } from '../../graphql/context';
import { Locale, LocalizedText, pick } from '../../common/locale';
import { Role } from '../staff/role';
import { type Actor } from '../staff/staff.policy';
import { District, DistrictPopulation } from './district.entity';
import { CreateDistrictInput, DistrictPayload, RetireDistrictInput, UpdateDistrictInput } from './district.inputs';

@Resolver(() => District)
export class DistrictResolver {
  @Public()
  @Query(() => [District], { description: "The city's district municipalities in use, ordered by number." })
  districts(
    @Ctx() ctx: Context,
    @Arg('includeRetired', () => Boolean, {
      nullable: true,
      description: 'Retired districts too (staff only: ignored without a staff session).',
    })
    includeRetired?: boolean | null,
  ): Promise<District[]> {
    return includeRetired && ctx.viewer ? ctx.services.districts.list() : ctx.services.districts.listActive();
  }

  @Public()
  @Query(() => District, {
    nullable: true,
    description: 'One district, retired or not. Null, with a NOT_FOUND error, when there is none with this id.',
  })
  async district(@Arg('id', () => ID, { description: "The district's id." }) id: string, @Ctx() ctx: Context): Promise<District> {
    const district = await ctx.loaders.districtById.load(id);
    if (!district) throw notFound('District');
    return district;
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => DistrictPayload, { description: 'Creates a district, with its first population figure. Admins only; audited.' })
  async createDistrict(
    @Arg('input', () => CreateDistrictInput, { description: 'The district to create.' }) input: CreateDistrictInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DistrictPayload> {
    return { district: await ctx.services.districts.create(actor, input) };
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => DistrictPayload, {
    description: 'Renames a district or changes its number, population or boundary. Admins only; audited.',
  })
  async updateDistrict(
    @Arg('input', () => UpdateDistrictInput, { description: 'The district and the changes to make.' }) input: UpdateDistrictInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DistrictPayload> {
    return { district: await ctx.services.districts.update(actor, input) };
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => DistrictPayload, {
    description:
      'Retires a district: it leaves the public list and new polls, and stays for what refers to it (districts are never deleted). Admins only; audited.',
  })
  async retireDistrict(
    @Arg('input', () => RetireDistrictInput, { description: 'The district to retire.' }) input: RetireDistrictInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DistrictPayload> {
    return { district: await ctx.services.districts.setRetired(actor, input.id, true) };
  }

  @StaffOnly(Role.ADMIN)
  @Mutation(() => DistrictPayload, { description: 'Brings a retired district back into use. Admins only; audited.' })
  async restoreDistrict(
    @Arg('input', () => RetireDistrictInput, { description: 'The district to bring back.' }) input: RetireDistrictInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<DistrictPayload> {
    return { district: await ctx.services.districts.setRetired(actor, input.id, false) };
  }

  @FieldResolver(() => String, { description: "The district's name in the requested language." })
  name(
    @Root() district: District,
    @Ctx() ctx: Context,
    @Arg('locale', () => Locale, { nullable: true, description: 'Overrides the request language.' }) locale?: Locale,
  ): string {
    return pick({ fa: district.nameFa, en: district.nameEn }, locale ?? ctx.locale) ?? district.nameFa;
  }

  @FieldResolver(() => LocalizedText, { description: 'The name in both languages.' })
  nameTranslations(@Root() district: District): LocalizedText {
    return { fa: district.nameFa, en: district.nameEn };
  }

  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The outline as a GeoJSON geometry (Polygon or MultiPolygon, [longitude, latitude] in WGS84); null when none was given.',
  })
  boundary(@Root() district: District): object | null {
    return district.boundary;
  }

  @FieldResolver(() => [DistrictPopulation], { description: 'Every population figure the district has had, newest first.' })
  populationHistory(@Root() district: District, @Ctx() ctx: Context): Promise<DistrictPopulation[]> {
    return ctx.services.districts.populationHistory(district.id);
  }
}
