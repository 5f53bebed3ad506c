import { Type } from '@sinclair/typebox';

// A diagram of ours is ~60 KB; the body limit (BODY_LIMIT, 1 MB) bounds it, this bounds one string in it.
const CONTENT = Type.String({ minLength: 1, maxLength: 900_000 });
const NOTE = Type.String({ maxLength: 500 });

export const LintBody = Type.Object({ xml: CONTENT }, { additionalProperties: false });
export const DraftBody = Type.Object({ content: CONTENT }, { additionalProperties: false });
export const DeployBody = Type.Object({ xml: CONTENT, note: NOTE }, { additionalProperties: false });
export const RollbackBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), note: NOTE },
  { additionalProperties: false },
);
export const FormDeployBody = Type.Object({ content: CONTENT, note: NOTE }, { additionalProperties: false });
export const FormValidateBody = Type.Object({ content: CONTENT }, { additionalProperties: false });

export const DecisionCheckBody = Type.Object({ xml: CONTENT }, { additionalProperties: false });
export const DecisionDeployBody = DeployBody;

const ELEMENT_ID = Type.String({ minLength: 1, maxLength: 255 });
const VERSION = Type.Integer({ minimum: 1 });
/** A source and target version, and optionally the mapping (a diagram of ours has ~100 flow nodes). */
export const MigrationBody = Type.Object(
  {
    sourceVersion: VERSION,
    targetVersion: VERSION,
    mappingInstructions: Type.Optional(
      Type.Array(
        Type.Object(
          { sourceElementId: ELEMENT_ID, targetElementId: ELEMENT_ID },
          { additionalProperties: false },
        ),
        { maxItems: 2000 },
      ),
    ),
  },
  { additionalProperties: false },
);
