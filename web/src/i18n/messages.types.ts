import type { vi } from './messages.vi.js';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] };

/** Every locale provides every key of the Vietnamese table, with the same parameters. */
export type Messages = Widen<typeof vi>;
export type MessageKey = keyof Messages;
/** Keys whose message is plain text (no parameters). */
export type TextKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
