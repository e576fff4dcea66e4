import { DEFAULTS, LANGS, type Lang } from '../choices/catalog.js';
import type { Target } from '../target-contract/target.js';

/**
 * Every target by its `--lang`. Each loads through import() when a command needs it, so a Go
 * command never loads the TypeScript target (nor ts-morph), and `--help` loads neither.
 */
const TARGETS: Record<Lang, () => Promise<Target>> = {
  go: async () => (await import('./go/target.js')).goTarget,
  ts: async () => (await import('./ts/target.js')).tsTarget,
};

export function loadTarget(lang: Lang): Promise<Target> {
  return TARGETS[lang]();
}

/**
 * The target of a service by svc.json's `choices.lang`. A manifest without one (or with one this
 * version does not know) is taken as the default language; the action then reports what is wrong.
 */
export function loadServiceTarget(lang: unknown): Promise<Target> {
  return loadTarget((LANGS as readonly unknown[]).includes(lang) ? (lang as Lang) : DEFAULTS.lang);
}
