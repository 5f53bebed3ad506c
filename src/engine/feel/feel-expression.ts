/**
 * A pre-compiled expression as it appears in a Zeebe attribute: `=…` is FEEL, anything else a static value.
 * The model holds these so the runtime never inspects attribute text again.
 */

/** Outcome of an evaluation; a failure becomes an incident carrying the expression and the message. */
export type FeelResult<T = unknown> =
  | {
      ok: true;
      value: T;
      /** feelin's evaluation warnings (e.g. a variable not found); they explain an unexpected null. */
      warnings?: string[];
    }
  | { ok: false; message: string };

export interface FeelEvaluationContext {
  /** Variables visible in the scope (already merged from the scope chain, innermost wins). */
  variables: Readonly<Record<string, unknown>>;
  /** Epoch ms read by now() and today(); the engine passes its movable clock's time. */
  now: number;
  /** IANA zone for now()/today() and zone-less dates; default the process's zone (UTC unless configured). */
  timeZone?: string;
}

export interface Expression {
  /** The attribute text exactly as written, including a leading `=` for FEEL. */
  readonly source: string;
  /** true for `=…` (FEEL), false for a static value. */
  readonly isFeel: boolean;
  /** The static value, when not FEEL (string, or number for numeric attributes). */
  readonly staticValue: string | number | null;
  /**
   * Evaluates to a JSON-compatible value: FEEL dates, times and durations become ISO 8601 strings, so results can
   * be stored as variables the way Zeebe serialises them.
   */
  evaluate(context: FeelEvaluationContext): FeelResult;
}
