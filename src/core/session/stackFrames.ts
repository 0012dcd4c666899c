import type { Language } from '../languages/registry';
import { stackFramesOf } from '../languages/registry';
import type { StackFrame } from '../languages/types';

export type { StackFrame };

/**
 * The frames of a stack trace as the runner reports it, innermost first, as an editor's call stack lists them, read
 * by `language`'s parser; without a language, by the first language whose format it is. Lines that are not frames
 * (the message, source lines) are skipped.
 */
export function stackFrames(stack: string, language?: Language): StackFrame[] {
  return stackFramesOf(stack, language);
}
