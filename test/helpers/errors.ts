import { expect } from "vitest";
import { formatMessage, NafudaError, type Message } from "../../src/messages/message.js";
import type { Lang } from "../../src/messages/lang.js";

/**
 * The NafudaError that `run` throws (or rejects with); fails the test when it throws nothing or something else.
 * Tests then check its stable code and its wording in either language: error.code, error.message (Japanese by
 * default), error.format("en").
 */
export async function thrownBy(run: () => unknown): Promise<NafudaError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a NafudaError").toBeInstanceOf(NafudaError);
  return caught as NafudaError;
}

/** Messages as a person reads them (Japanese unless `lang` says otherwise). */
export function texts(messages: readonly Message[], lang: Lang = "ja"): string[] {
  return messages.map((message) => formatMessage(message, lang));
}
