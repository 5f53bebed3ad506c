import { Type } from '@sinclair/typebox';

/** The form's values as the browser's form-js gives them; the task's form decides what is accepted. */
export const FormDataBody = Type.Object(
  { data: Type.Record(Type.String({ maxLength: 200 }), Type.Unknown()) },
  { additionalProperties: false },
);
