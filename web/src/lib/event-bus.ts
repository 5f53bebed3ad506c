import type { Locale } from '../i18n/messages.types.js';

/** Every event the app emits, with its payload: one map, so names and payloads are checked. */
export interface AppEvents {
  'locale.changed': { locale: Locale };
  'session.expired': Record<string, never>;
  'session.signedOut': Record<string, never>;
  'task.completed': { taskId: string };
  'notifications.changed': Record<string, never>;
}

export class EventBus<Events extends object> {
  private readonly handlers = new Map<keyof Events, Set<(payload: never) => void>>();

  on<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): () => void {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler as (payload: never) => void);
    this.handlers.set(event, set);
    return () => set.delete(handler as (payload: never) => void);
  }

  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (payload: Events[E]) => void)(payload);
  }
}

export const events = new EventBus<AppEvents>();
