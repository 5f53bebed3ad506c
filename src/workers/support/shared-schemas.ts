import { Type, type TSchema } from '@sinclair/typebox';

/** The `period` variable every period worker produces (processes/README.md). */
export const PeriodSchema = Type.Object({
  code: Type.String({ minLength: 1 }),
  kind: Type.String({ minLength: 1 }),
  year: Type.Integer(),
  label: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
});

/** The `unit` variable: one element of `units`. */
export const UnitSchema = Type.Object({
  code: Type.String({ minLength: 1 }),
  kind: Type.String({ minLength: 1 }),
  name: Type.String({ minLength: 1 }),
  group: Type.String({ minLength: 1 }),
  headGroup: Type.String({ minLength: 1 }),
});

/** A start-form field that may be absent (timer start) or null (left blank). */
export const Maybe = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
