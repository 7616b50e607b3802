import { GENERAL_MESSAGES } from "./general.js";
import { ROSTER_MESSAGES } from "./roster.js";
import { READINGS_MESSAGES } from "./readings.js";
import { REVIEW_MESSAGES } from "./review.js";
import { CLI_MESSAGES } from "./cli.js";
import { POSTERS_MESSAGES } from "./posters.js";
import { SERVE_MESSAGES } from "./serve.js";
import { BADGES_MESSAGES } from "./badges.js";
import { FILES_MESSAGES } from "./files.js";
import { PRINT_MESSAGES } from "./print.js";

/**
 * The one catalogue of everything nafuda says to people, by stable code: the CLI, the review sheet, the JSON
 * contract (`code`, `reasonCodes`), the web page and the library's errors all take their words from here.
 * Each area keeps its entries in its own file; a code is never reused for another meaning.
 */
export const CATALOGUE = {
  ...GENERAL_MESSAGES,
  ...ROSTER_MESSAGES,
  ...READINGS_MESSAGES,
  ...REVIEW_MESSAGES,
  ...CLI_MESSAGES,
  ...POSTERS_MESSAGES,
  ...SERVE_MESSAGES,
  ...BADGES_MESSAGES,
  ...FILES_MESSAGES,
  ...PRINT_MESSAGES,
} as const;

export type Code = keyof typeof CATALOGUE;
