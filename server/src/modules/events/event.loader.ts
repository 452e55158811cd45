import DataLoader from 'dataloader';
import { type Services } from '../../services';
import { type Event } from './event.entity';
import { type Occasion, type OccasionOverride } from './occasion.entity';

/** Request-scoped loaders of the events module (the lists' districts, polls and goals use the shared ones). */
export function createEventLoaders(services: Services) {
  return {
    eventById: new DataLoader<string, Event | null>((ids) => services.events.findByIds(ids)),
    occasionById: new DataLoader<string, Occasion | null>((ids) => services.occasions.findByIds(ids)),
    occasionOverridesByOccasionId: new DataLoader<string, OccasionOverride[]>((ids) => services.occasions.overridesByOccasionIds(ids)),
  };
}
