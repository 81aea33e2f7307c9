/**
 * The knowledge module's types as agreed in the team brief (knowledge/knowledge.ts). Kept here until that
 * module lands on main; then this file re-exports from it. Dialogs use only what is listed here.
 */
import type { TopicId } from "../knowledge/types.ts";

export type Lang = "ja" | "en";
export interface Localized {
  ja: string;
  en: string;
}
export interface LocalizedList {
  ja: string[];
  en: string[];
}
export interface Link {
  id: string;
  label: Localized;
  url: string;
}
export interface FollowUp {
  id: string;
  label: Localized;
  answer: Localized;
  steps?: LocalizedList;
  links?: string[];
  carriers?: boolean;
}
export interface Topic {
  id: TopicId;
  title: Localized;
  menuLabel: Localized;
  summary: Localized;
  steps: LocalizedList;
  resend: "after-fix" | "later" | "no-need" | "not-yours";
  examples: string[];
  followUps: FollowUp[];
  links: string[];
}
export interface Carrier {
  id: string;
  name: Localized;
  domains: string[];
  allowSteps: LocalizedList;
}
export interface Knowledge {
  topics: ReadonlyMap<TopicId, Topic>;
  links: ReadonlyMap<string, Link>;
  carriers: readonly Carrier[];
  symptoms: readonly { topic: TopicId; phrases: string[] }[];
}
