import { describe, expect, it } from "vitest";
import { applyRomajiCase } from "../../src/romaji/letter-case.js";
import { isRomajiCase, isRomajiSystem } from "../../src/romaji/systems.js";

describe("applyRomajiCase", () => {
  it.each([
    ["matsuno", "title", "Matsuno"],
    ["MATSUNO", "title", "Matsuno"],
    ["matsuno", "upper", "MATSUNO"],
    ["ōno", "title", "Ōno"],
    ["satō", "upper", "SATŌ"],
    ["satô", "upper", "SATÔ"],
    ["shin'ya", "title", "Shin'ya"],
    ["", "title", ""],
  ] as const)("%s as %s → %s", (input, letterCase, expected) => {
    expect(applyRomajiCase(input, letterCase)).toBe(expected);
  });
});

describe("system and case guards", () => {
  it.each([
    ["passport", true], ["hepburn", true], ["kunrei", true], ["kana", true], ["nihon", false], [1, false],
  ])("isRomajiSystem(%j) → %s", (value, expected) => {
    expect(isRomajiSystem(value)).toBe(expected);
  });
  it.each([["title", true], ["upper", true], ["lower", false], [null, false]])("isRomajiCase(%j) → %s", (value, expected) => {
    expect(isRomajiCase(value)).toBe(expected);
  });
});
