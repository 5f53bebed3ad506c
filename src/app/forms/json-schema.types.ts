/** A JSON Schema document as ajv takes it; built by this module, never received from outside. */
export type JsonSchema = { [keyword: string]: unknown };
