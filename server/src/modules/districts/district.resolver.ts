import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../common/errors';
import { Public } from '../../graphql/access';
import { type Context } from '../../graphql/context';
import { Locale, LocalizedText, pick } from '../../common/locale';
import { District } from './district.entity';

@Resolver(() => District)
export class DistrictResolver {
  @Public()
  @Query(() => [District], { description: "The city's district municipalities, ordered by number." })
  districts(@Ctx() ctx: Context): Promise<District[]> {
    return ctx.services.districts.list();
  }

  @Public()
  @Query(() => District, { nullable: true, description: 'One district. Null, with a NOT_FOUND error, when there is none with this id.' })
  async district(@Arg('id', () => ID, { description: "The district's id." }) id: string, @Ctx() ctx: Context): Promise<District> {
    const district = await ctx.loaders.districtById.load(id);
    if (!district) throw notFound('District');
    return district;
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
}
