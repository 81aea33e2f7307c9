/** The knowledge module's types, as dialogs and the renderer use them (one import path for both). */
export type {
  Carrier,
  FollowUp,
  Knowledge,
  Lang,
  Link,
  Localized,
  LocalizedList,
  Topic,
} from "../knowledge/knowledge.ts";
