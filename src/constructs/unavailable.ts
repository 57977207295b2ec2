import { UnavailableUse } from '../model/declarations';
import { construct } from './construct';

/**
 * Calls of what natmods cannot link. natmodgen's runtime library (runtime/) now
 * defines every function it used to replace with a generated equivalent, so this
 * construct records nothing; calls nothing provides are reported by
 * src/resolve/api-check.ts from the inventory (which reads runtime/ too).
 */
export function extractUnavailable(): UnavailableUse[] {
  return [];
}

export const unavailable = construct({
  name: 'unavailable',
  queries: ['call'],
  templates: [],
  kind: 'unavailable',
  extract: extractUnavailable,
  plan: () => ({ edits: [] }),
});
