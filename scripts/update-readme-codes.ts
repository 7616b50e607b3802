/**
 * Writes the table of message codes into README.md, between <!-- codes:start --> and <!-- codes:end -->, from the
 * catalogue (src/messages). Run after adding or changing a message: npm run docs:codes. A test fails while the
 * README is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { codesMarkdown } from "../src/messages/codes.js";

const readme = readFileSync("README.md", "utf8");
const start = "<!-- codes:start -->";
const end = "<!-- codes:end -->";
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
writeFileSync("README.md", `${readme.slice(0, from + start.length)}\n${codesMarkdown()}\n${readme.slice(to)}`);
