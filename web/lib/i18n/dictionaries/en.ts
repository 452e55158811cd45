import type { Dictionary } from "./fa";

export const en: Dictionary = {
  siteName: "Nabz",
  siteTagline: "Public Relations Office of the Municipality",
  metaDescription:
    "The goals and programmes of the municipality's public-relations office and the city's districts, for informed and engaged citizens.",
  skipToContent: "Skip to main content",
  today: "Today",
  nav: {
    label: "Main",
    home: "Home",
    goals: "Goals and programmes",
  },
  languageSwitch: "فارسی",
  home: {
    heroEyebrow: "Public Relations Office",
    heroTitle: "The voice of the city, beside its citizens",
    heroBody:
      "Public relations is the bridge between people and city hall: it keeps residents informed about the city's programmes and services, listens to them and carries their voice to decision-makers, and opens the way for everyone to help build a better city.",
    heroAction: "Read our goals and programmes",
    goalsTitle: "Our goals at a glance",
    goalsIntro: "The first six of the office's goals, in order of priority.",
    allGoals: (count: string) => `See all ${count} goals`,
    districtsTitle: "City districts",
    districtsIntro: "The district municipalities and the population of each.",
    population: "Population",
    people: (count: string) => `${count} people`,
    totalPopulation: (count: string) => `Total population: ${count}`,
  },
  goals: {
    title: "Goals and programmes of the public-relations office",
    intro:
      "What the municipality's public-relations office works towards for an informed, engaged and trusting city, in order of priority.",
    searchLabel: "Search the goals",
    categoryLabel: "Category",
    allCategories: "All categories",
    submit: "Search",
    clear: "Show all goals",
    count: (count: string) => `${count} goals`,
    noMatch: "No goals match your search.",
    noMatchHint: "Try another word or remove the category.",
    updated: "Updated",
  },
  goalStatus: {
    DRAFT: "Draft",
    ACTIVE: "In progress",
    COMPLETED: "Completed",
    ARCHIVED: "Archived",
  },
  categories: {
    AWARENESS: "Public awareness",
    REPUTATION: "Reputation",
    CITIZEN_PARTICIPATION: "Citizen participation",
    PUBLIC_OPINION: "Public opinion",
    MEDIA_RELATIONS: "Media relations",
    INTERNAL_COMMUNICATION: "Internal communication",
    EVENTS_AND_OCCASIONS: "Events and occasions",
    CRISIS_MANAGEMENT: "Crisis communication",
    MANAGEMENT_SUPPORT: "Support for city management",
    CULTURE: "Civic culture",
  },
  notFound: {
    title: "Page not found",
    body: "Check the address, or continue from the home page.",
    home: "Back to the home page",
  },
  footer: {
    about:
      "Open information, listening to citizens, and wider participation in running the city.",
    rights: (year: string) => `© ${year} Municipality. All rights reserved.`,
  },
};
