import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileForm,
  validateSubmission,
  type FormComponent,
  type FormErrorCode,
  type FormJsSchema,
} from '../../src/app/forms/index.js';
import { projectForms } from '../app/forms/fixture-forms.js';
import { launchBrowser, openPage } from './support/browser.js';
import { HARNESS_ORIGIN, openFormHarness, removeHarness } from './forms-support/form-harness.js';
import {
  buildFormJsReference,
  type Reference,
  type ReferenceVerdict,
} from './forms-support/form-js-reference.js';

/**
 * Differential test (issue 17, part 8): the server's validation against form-js's own `validate()` in Chromium, on
 * schemas covering every validatable component and rule × generated submissions. Where the server is deliberately
 * stricter (src/app/forms/README.md) the case says which code the server must give instead; everywhere else the
 * errors per field must be the same.
 */

const MISSING = Symbol('missing');
interface Strict {
  readonly value: unknown;
  /** The server refuses this value with this code, deliberately (form-js sanitises or accepts it). */
  readonly strict: FormErrorCode;
}
type Candidate = unknown;
const bad = (value: unknown, strict: FormErrorCode): Strict => ({ value, strict });
const isStrict = (candidate: Candidate): candidate is Strict =>
  typeof candidate === 'object' && candidate !== null && 'strict' in candidate && 'value' in candidate;

interface Family {
  readonly name: string;
  readonly components: FormComponent[];
  /** Candidate values per key path ("g.t"); every combination is a submission (MISSING leaves the key out). */
  readonly fields?: Record<string, Candidate[]>;
  /** Whole submissions, with the strict codes expected per path. */
  readonly submissions?: { data: Record<string, unknown>; strict?: Record<string, FormErrorCode> }[];
  readonly contexts?: Record<string, unknown>[];
}

interface Case {
  readonly family: string;
  readonly schema: FormJsSchema;
  readonly data: Record<string, unknown>;
  readonly context: Record<string, unknown>;
  readonly strict: Record<string, FormErrorCode>;
}

let ids = 0;
/** form-js needs ids; keys are ids too, so its errors (by id) are easy to read. */
function withIds(components: FormComponent[]): FormComponent[] {
  return components.map((component) => ({
    ...component,
    id: component.id ?? `${component.key ?? component.path ?? component.type}_${++ids}`,
    ...(component.components ? { components: withIds(component.components) } : {}),
  }));
}

const options = (...values: unknown[]) => values.map((value) => ({ label: String(value), value }));
const AB = options('a', 'b');

const families: Family[] = [
  // Text fields: every rule form-js's Validator has.
  {
    name: 'textfield required',
    components: [{ type: 'textfield', key: 'v', validate: { required: true } }],
    fields: { v: [MISSING, null, '', '  ', 'a', bad(5, 'FORM_TYPE'), bad(['a'], 'FORM_TYPE')] },
  },
  {
    name: 'textfield lengths',
    components: [{ type: 'textfield', key: 'v', validate: { minLength: 3, maxLength: 5 } }],
    fields: { v: [MISSING, '', 'ab', ' ab ', 'abc', 'abcdef', 'ạạạ', '😀', '😀😀', '😀😀😀', '  abcde  '] },
  },
  {
    name: 'textfield FEEL lengths',
    components: [{ type: 'textfield', key: 'v', validate: { minLength: '=toiThieu', maxLength: '=2 + 2' } }],
    fields: { v: [MISSING, 'a', 'abc', 'abcde', '😀😀😀'] },
    contexts: [{ toiThieu: 2 }, {}],
  },
  {
    name: 'textfield pattern',
    components: [{ type: 'textfield', key: 'v', validate: { pattern: '^[A-Z]{2}\\d+$' } }],
    fields: { v: [MISSING, '', 'AB12', 'ab12', 'AB', 'ABC1'] },
  },
  {
    name: 'textfield pattern, own message, no u flag',
    components: [
      { type: 'textfield', key: 'v', validate: { pattern: '^.$', patternErrorMessage: 'Sai mẫu' } },
    ],
    fields: { v: ['a', 'ab', '😀', 'ạ'] },
  },
  {
    name: 'textfield email',
    components: [{ type: 'textfield', key: 'v', validate: { validationType: 'email' } }],
    fields: { v: [MISSING, '', 'a@b.vn', 'van phong@x.vn', 'x@', 'a.b@c-d.gov.vn'] },
  },
  {
    name: 'textfield phone',
    components: [{ type: 'textfield', key: 'v', validate: { validationType: 'phone', required: true } }],
    fields: { v: [MISSING, '', '+84912345678', '0912345678', '0084912345678', '+1', '+8491234'] },
  },
  {
    name: 'textarea required and lengths',
    components: [{ type: 'textarea', key: 'v', validate: { required: true, minLength: 2, maxLength: 4 } }],
    fields: { v: [MISSING, '', 'a', 'ab\ncd', 'abcd', 'abcde', '😀😀', '😀😀😀', bad(12, 'FORM_TYPE')] },
  },
  {
    name: 'textfield defaultValue',
    components: [
      { type: 'textfield', key: 'v', defaultValue: 'abcdef', validate: { required: true, maxLength: 3 } },
    ],
    fields: { v: [MISSING, '', 'ab', null] },
  },
  // Numbers.
  {
    name: 'number required',
    components: [{ type: 'number', key: 'v', validate: { required: true } }],
    fields: { v: [MISSING, null, '', 0, 5, -2.5, bad('5', 'FORM_TYPE'), bad('abc', 'FORM_TYPE')] },
  },
  {
    name: 'number min max',
    components: [{ type: 'number', key: 'v', validate: { min: 1, max: 10 } }],
    fields: { v: [MISSING, 0, 1, 10, 10.5, 11, -5, null] },
  },
  {
    name: 'number FEEL min max',
    components: [{ type: 'number', key: 'v', validate: { min: '=gioiHan', max: '=gioiHan * 2' } }],
    fields: { v: [4, 5, 10, 11] },
    contexts: [{ gioiHan: 5 }, {}],
  },
  {
    name: 'number integer',
    components: [{ type: 'number', key: 'v', decimalDigits: 0, validate: { min: 0 } }],
    fields: { v: [2, 2.5, -3, -0.5, 1e3] },
  },
  {
    name: 'number decimals and increment',
    components: [{ type: 'number', key: 'v', decimalDigits: 2, increment: 0.25 }],
    fields: { v: [1, 1.25, 1.2, 1.234, 0.1, -0.75, 2.5] },
  },
  {
    name: 'number serialised to string',
    components: [
      {
        type: 'number',
        key: 'v',
        serializeToString: true,
        validate: { min: 2, required: true },
        decimalDigits: 1,
      },
    ],
    fields: {
      v: [
        MISSING,
        '',
        '1',
        '3',
        '3.5',
        '3.55',
        '3.50',
        '4.',
        '.5',
        '5e1',
        bad('x', 'FORM_TYPE'),
        bad(3, 'FORM_TYPE'),
      ],
    },
  },
  // Dates.
  {
    name: 'date required',
    components: [{ type: 'datetime', key: 'v', subtype: 'date', validate: { required: true } }],
    fields: {
      v: [MISSING, null, '2026-06-15', bad('15/06/2026', 'FORM_DATE'), bad('2026-02-30', 'FORM_DATE')],
    },
  },
  {
    name: 'time and date-time',
    components: [
      { type: 'datetime', key: 't', subtype: 'time', validate: { required: true } },
      { type: 'datetime', key: 'dt', subtype: 'datetime' },
    ],
    fields: {
      t: [MISSING, '14:30', bad('25:00', 'FORM_DATE')],
      dt: [MISSING, '2026-06-15T08:00', bad('2026-06-15', 'FORM_DATE')],
    },
  },
  {
    name: 'date not before today',
    components: [{ type: 'datetime', key: 'v', subtype: 'date', disallowPassedDates: true }],
    fields: { v: [MISSING, '2099-01-01', bad('2020-01-01', 'FORM_DATE_PASSED')] },
  },
  {
    name: 'file picker required',
    components: [{ type: 'filepicker', key: 'f', validate: { required: true } }],
    // A reference ("files::…") is not compared: form-js drops one whose files its page does not hold.
    fields: { f: [MISSING, null, '', bad(5, 'FORM_TYPE')] },
  },
  // Choices.
  {
    name: 'select and radio, static options',
    components: [
      { type: 'select', key: 's', values: AB, validate: { required: true } },
      { type: 'radio', key: 'r', values: options(true, false), validate: { required: true } },
    ],
    fields: {
      s: [MISSING, null, '', 'a', bad('c', 'FORM_NOT_ALLOWED_VALUE')],
      r: [MISSING, true, false, bad('x', 'FORM_NOT_ALLOWED_VALUE')],
    },
  },
  {
    name: 'select from valuesKey, radio from valuesExpression',
    components: [
      { type: 'select', key: 's', valuesKey: 'luaChon', validate: { required: true } },
      { type: 'radio', key: 'r', valuesExpression: '=["p", "q"]', validate: { required: true } },
    ],
    fields: {
      s: [MISSING, 'x', bad('y', 'FORM_NOT_ALLOWED_VALUE')],
      r: [MISSING, 'p', bad('z', 'FORM_NOT_ALLOWED_VALUE')],
    },
    contexts: [{ luaChon: options('x') }],
  },
  {
    name: 'checklist and taglist',
    components: [
      { type: 'checklist', key: 'c', values: AB, validate: { required: true } },
      { type: 'taglist', key: 't', values: AB },
    ],
    fields: {
      c: [MISSING, [], ['a'], ['a', 'b'], bad(['z'], 'FORM_NOT_ALLOWED_VALUE'), bad('a', 'FORM_TYPE')],
      t: [MISSING, [], ['b'], bad(['a', 'a'], 'FORM_DUPLICATE_VALUE')],
    },
  },
  {
    name: 'checklist without options, taglist from valuesKey',
    components: [
      { type: 'checklist', key: 'c' },
      { type: 'taglist', key: 't', valuesKey: 'the', validate: { required: true } },
    ],
    fields: {
      c: [MISSING, [], bad(['x'], 'FORM_NOT_ALLOWED_VALUE')],
      t: [MISSING, [], ['k'], bad(['m'], 'FORM_NOT_ALLOWED_VALUE')],
    },
    contexts: [{ the: options('k') }],
  },
  {
    name: 'checkbox required',
    components: [{ type: 'checkbox', key: 'v', validate: { required: true } }],
    fields: { v: [MISSING, null, true, false, bad('yes', 'FORM_TYPE')] },
  },
  {
    name: 'checkbox defaultValue',
    components: [{ type: 'checkbox', key: 'v', defaultValue: true, validate: { required: true } }],
    fields: { v: [MISSING, false, true] },
  },
  // Field states.
  {
    name: 'read-only, static and FEEL',
    components: [
      { type: 'textfield', key: 'ma', readonly: true, validate: { required: true } },
      { type: 'number', key: 'so', readonly: '=khoa', validate: { required: true, min: 3 } },
    ],
    fields: { ma: [MISSING, 'CS-1'], so: [MISSING, 1, 5] },
    contexts: [{}, { ma: 'CS-1', khoa: true }, { khoa: false }, { khoa: true, so: 1 }],
  },
  {
    name: 'disabled',
    components: [{ type: 'textfield', key: 'd', disabled: true, validate: { required: true } }],
    fields: { d: [MISSING, '', 'x'] },
  },
  // Conditions.
  {
    name: 'hidden by a checkbox missing from the submission',
    components: [
      { type: 'checkbox', key: 'c' },
      { type: 'textfield', key: 't', validate: { required: true }, conditional: { hide: '=c' } },
    ],
    fields: { c: [MISSING, true, false, null], t: [MISSING, '', 'x'] },
  },
  {
    name: 'hidden by a select, mode absent or null',
    components: [
      { type: 'select', key: 'mode', values: options('simple', 'full') },
      {
        type: 'textfield',
        key: 'x',
        validate: { required: true },
        conditional: { hide: '=mode = "simple"' },
      },
    ],
    fields: { mode: [MISSING, null, 'simple', 'full'], x: [MISSING, 'x'] },
  },
  {
    name: 'hidden by a variable only, absent or null',
    components: [
      {
        type: 'textfield',
        key: 'x',
        validate: { required: true },
        conditional: { hide: '=mode = "simple"' },
      },
    ],
    fields: { x: [MISSING, 'x'] },
    contexts: [{}, { mode: null }, { mode: 'simple' }, {}],
  },
  {
    name: 'condition on a hidden field, at the top and in a group',
    components: [
      { type: 'checkbox', key: 'an' },
      { type: 'textfield', key: 't', conditional: { hide: '=an' } },
      {
        type: 'group',
        path: 'g',
        components: [{ type: 'select', key: 's', values: AB, conditional: { hide: '=an' } }],
      },
      { type: 'textfield', key: 'y', validate: { required: true }, conditional: { hide: '=t = null' } },
      { type: 'textfield', key: 'z', validate: { required: true }, conditional: { hide: '=g.s = null' } },
    ],
    fields: { an: [MISSING, true], t: [MISSING, '', 'x'], 'g.s': [MISSING, null, 'a'], y: ['y'], z: ['z'] },
  },
  {
    name: 'hidden by a radio with a defaultValue',
    components: [
      { type: 'radio', key: 'r', values: AB, defaultValue: 'a' },
      { type: 'number', key: 'n', validate: { required: true, min: 2 }, conditional: { hide: '=r = "a"' } },
    ],
    fields: { r: [MISSING, 'a', 'b', null], n: [MISSING, 1, 5] },
  },
  {
    name: 'condition reading a wrong-typed value',
    components: [
      { type: 'checklist', key: 'chon', values: AB },
      {
        type: 'textfield',
        key: 'x',
        validate: { required: true },
        conditional: { hide: '=count(union(chon, ["z"])) > 1' },
      },
    ],
    fields: {
      chon: [MISSING, [], ['a'], bad(5, 'FORM_TYPE'), bad({ a: 1 }, 'FORM_TYPE')],
      x: [MISSING, 'x'],
    },
  },
  {
    name: 'group with a path, and a hidden group',
    components: [
      {
        type: 'group',
        path: 'g',
        components: [
          { type: 'textfield', key: 't', validate: { required: true } },
          { type: 'number', key: 'n', validate: { min: 1 } },
        ],
      },
      { type: 'checkbox', key: 'an' },
      {
        type: 'group',
        conditional: { hide: '=an' },
        components: [{ type: 'textfield', key: 'h', validate: { required: true } }],
      },
    ],
    fields: { 'g.t': [MISSING, '', 'x'], 'g.n': [MISSING, 0, 2], an: [MISSING, true], h: [MISSING, 'y'] },
  },
  // Dynamic lists.
  ...[undefined, 0, 2].map((defaultRepetitions): Family => ({
    name: `dynamic list, defaultRepetitions ${String(defaultRepetitions)}`,
    components: [
      {
        type: 'dynamiclist',
        path: 'ds',
        isRepeating: true,
        ...(defaultRepetitions === undefined ? {} : { defaultRepetitions }),
        components: [
          { type: 'textfield', key: 'ten', validate: { required: true } },
          { type: 'number', key: 'so', validate: { min: 1 }, defaultValue: 3 },
        ],
      },
    ],
    submissions: [
      { data: {} },
      { data: { ds: null } },
      { data: { ds: [] } },
      { data: { ds: [{}] } },
      { data: { ds: [{ ten: 'a', so: 0 }] } },
      { data: { ds: [{ ten: 'a' }, { so: 2 }, { ten: '😀', so: null }] } },
      { data: { ds: 'x' }, strict: { ds: 'FORM_TYPE' } },
      { data: { ds: [{ ten: 'a' }, { ten: 'b' }, { ten: 'c' }, { ten: 'd' }, { ten: 'e' }, { so: 0 }] } },
    ],
  })),
  {
    name: 'condition on an expression field',
    components: [
      { type: 'number', key: 'a' },
      { type: 'expression', key: 'gapDoi', expression: '=a * 2', computeOn: 'change' },
      { type: 'textfield', key: 'x', validate: { required: true }, conditional: { hide: '=gapDoi > 10' } },
    ],
    fields: { a: [MISSING, 1, 6], x: [MISSING, 'x'] },
  },
  {
    name: 'options from a FEEL expression over another field',
    components: [
      { type: 'textfield', key: 'tien' },
      { type: 'select', key: 'chon', valuesExpression: '=[tien, "co-dinh"]', validate: { required: true } },
    ],
    // form-js empties a value its options no longer offer (then says required); the server refuses it.
    submissions: [
      { data: {} },
      { data: { tien: 'k' } },
      { data: { chon: 'co-dinh' } },
      { data: { tien: 'k', chon: 'k' } },
      { data: { chon: 'k' }, strict: { chon: 'FORM_NOT_ALLOWED_VALUE' } },
      { data: { tien: 'k', chon: 'z' }, strict: { chon: 'FORM_NOT_ALLOWED_VALUE' } },
    ],
  },
  {
    name: 'hidden dynamic list',
    components: [
      { type: 'checkbox', key: 'coDs' },
      {
        type: 'dynamiclist',
        path: 'ds',
        isRepeating: true,
        conditional: { hide: '=coDs != true' },
        components: [{ type: 'textfield', key: 'ten', validate: { required: true } }],
      },
    ],
    submissions: [
      { data: {} },
      { data: { coDs: true } },
      { data: { coDs: true, ds: [{ ten: 'a' }, {}] } },
      { data: { coDs: false, ds: [] } },
    ],
  },
  {
    name: 'nested lists, a group in an item, parent and i',
    components: [
      { type: 'textfield', key: 'ma' },
      {
        type: 'dynamiclist',
        path: 'ngoai',
        isRepeating: true,
        components: [
          { type: 'textfield', key: 'ten', validate: { required: true } },
          {
            type: 'group',
            path: 'chiTiet',
            components: [
              { type: 'number', key: 'so', validate: { min: 1 }, conditional: { hide: '=i[1] > 1' } },
            ],
          },
          {
            type: 'dynamiclist',
            path: 'trong',
            isRepeating: true,
            defaultRepetitions: 0,
            components: [
              {
                type: 'textfield',
                key: 'ghiChu',
                validate: { required: true },
                conditional: { hide: '=parent.ten = "bo qua"' },
              },
            ],
          },
        ],
      },
    ],
    submissions: [
      { data: {} },
      {
        data: {
          ngoai: [
            { ten: 'a', chiTiet: { so: 0 } },
            { ten: 'b', chiTiet: { so: 0 } },
          ],
        },
      },
      {
        data: {
          ngoai: [
            { ten: 'a', trong: [{}, { ghiChu: 'x' }] },
            { ten: 'bo qua', trong: [{}] },
          ],
        },
      },
      { data: { ngoai: [{ trong: null }] } },
    ],
  },
  {
    name: 'dynamic list with conditions on this',
    components: [
      {
        type: 'dynamiclist',
        path: 'ds',
        isRepeating: true,
        components: [
          { type: 'select', key: 'loai', values: options('x', 'y') },
          {
            type: 'textfield',
            key: 'chiTiet',
            validate: { required: true, maxLength: 3 },
            conditional: { hide: '=this.loai != "x"' },
          },
        ],
      },
    ],
    submissions: [
      { data: {} },
      { data: { ds: [{ loai: 'x' }, { loai: 'y' }, {}] } },
      {
        data: {
          ds: [
            { loai: 'x', chiTiet: 'abcd' },
            { loai: 'x', chiTiet: 'ab' },
          ],
        },
      },
      { data: { ds: [{ loai: 'y', chiTiet: 'ab' }] } },
    ],
  },
];

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    current[key] ??= {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1] as string] = value;
}

function casesOf(family: Family): Case[] {
  const schema: FormJsSchema = {
    type: 'default',
    id: `parity-${family.name}`,
    schemaVersion: 18,
    components: withIds(family.components),
  };
  const submissions: { data: Record<string, unknown>; strict: Record<string, FormErrorCode> }[] = [];
  for (const { data, strict } of family.submissions ?? []) submissions.push({ data, strict: strict ?? {} });
  if (family.fields) {
    let combos: { data: Record<string, unknown>; strict: Record<string, FormErrorCode> }[] = [
      { data: {}, strict: {} },
    ];
    for (const [path, candidates] of Object.entries(family.fields)) {
      combos = combos.flatMap((combo) =>
        candidates.map((candidate) => {
          const data = structuredClone(combo.data);
          const strict = { ...combo.strict };
          if (candidate !== MISSING) setPath(data, path, isStrict(candidate) ? candidate.value : candidate);
          if (isStrict(candidate)) strict[path] = candidate.strict;
          return { data, strict };
        }),
      );
    }
    submissions.push(...combos);
  }
  return (family.contexts ?? [{}]).flatMap((context) =>
    submissions.map(({ data, strict }) => ({ family: family.name, schema, data, context, strict })),
  );
}

/** form-js's English messages (no module of ours in the reference page) as the server's codes. */
function codeOfMessage(message: string, ownMessages: ReadonlySet<string>): string {
  if (ownMessages.has(message)) return 'FORM_PATTERN';
  if (message === 'Field is required.') return 'FORM_REQUIRED';
  if (message.includes('minimum length')) return 'FORM_MIN_LENGTH';
  if (message.includes('maximum length')) return 'FORM_MAX_LENGTH';
  if (message.includes('minimum value')) return 'FORM_MIN';
  if (message.includes('maximum value')) return 'FORM_MAX';
  if (message.startsWith('Field must match pattern')) return 'FORM_PATTERN';
  if (message.includes('valid email')) return 'FORM_EMAIL';
  if (message.includes('phone number')) return 'FORM_PHONE';
  if (message.includes('be an integer') || message.includes('decimal digit')) return 'FORM_DECIMALS';
  if (message.includes('nearest valid values')) return 'FORM_INCREMENT';
  if (message === 'Value is not a number.') return 'FORM_TYPE';
  return `UNMAPPED ${message}`;
}

/** Refusals that are the server's own and depend on the value sent, not on a rule form-js has. */
const REFUSALS: ReadonlySet<string> = new Set(['FORM_DISABLED_FIELD', 'FORM_READONLY_FIELD']);

/** Key paths of the form's input fields that have a value in the data ("ds.1.ten"), dynamic list items included. */
function filledFieldPaths(
  components: readonly FormComponent[],
  data: unknown,
  prefix: string[] = [],
): string[] {
  const at = (keys: string[]): unknown =>
    keys.reduce<unknown>(
      (current, key) =>
        typeof current === 'object' && current !== null
          ? (current as Record<string, unknown>)[key]
          : undefined,
      data,
    );
  return components.flatMap((component): string[] => {
    const own = [...prefix, ...(component.path ?? '').split('.').filter(Boolean)];
    if (component.type === 'dynamiclist') {
      const items = at(own);
      return Array.isArray(items)
        ? items.flatMap((item, index) =>
            filledFieldPaths(component.components ?? [], item, []).map((path) =>
              [...own, index, path].join('.'),
            ),
          )
        : [];
    }
    if (component.components) return filledFieldPaths(component.components, data, own);
    if (!component.key || component.type === 'expression') return [];
    const path = [...prefix, ...component.key.split('.')];
    const value = at(path);
    const empty =
      value === undefined ||
      value === null ||
      value === '' ||
      value === false ||
      (Array.isArray(value) && value.length === 0);
    return empty ? [] : [path.join('.')];
  });
}

/** The differences between form-js's verdict and the server's for one case; none when they agree. */
function differences(test: Case, verdict: ReferenceVerdict): string[] {
  if ('failed' in verdict) return [`form-js failed: ${verdict.failed}`];
  const shown = new Set(verdict.fields.map((field) => field.path));
  // The form's own pattern messages (patternErrorMessage), which form-js shows instead of its own.
  const ownMessages = new Set(
    [...JSON.stringify(test.schema).matchAll(/"patternErrorMessage":("(?:[^"\\]|\\.)*")/g)].map(
      (match) => JSON.parse(match[1] as string) as string,
    ),
  );
  const reference = new Map<string, Set<string>>();
  for (const field of verdict.fields)
    if (field.messages.length > 0)
      reference.set(
        field.path,
        new Set(field.messages.map((message) => codeOfMessage(message, ownMessages))),
      );

  let result: ReturnType<typeof validateSubmission>;
  try {
    result = validateSubmission(compileForm(test.schema), test.data, test.context);
  } catch (error) {
    return [`server threw: ${String(error)}`];
  }
  const server = new Map<string, Set<string>>();
  const skip = new Set<string>(Object.keys(test.strict));
  const found: string[] = [];
  for (const error of result.ok ? [] : result.errors) {
    // A checklist's refused item ("c.0") belongs to its field.
    const field =
      !shown.has(error.field) && shown.has(error.field.replace(/\.\d+$/, ''))
        ? error.field.replace(/\.\d+$/, '')
        : error.field;
    if (error.code === 'FORM_HIDDEN_FIELD') {
      if (shown.has(field)) found.push(`${field}: server hides a field form-js shows`);
      continue;
    }
    if (test.strict[field] === error.code) {
      found.push(`strict ${field}`);
      continue;
    }
    // Rules between fields are the forms' own declarations (custom properties), which form-js does not read: the
    // server alone enforces them (tests/app/forms/cross-field-rules.test.ts).
    if (error.code === 'FORM_RULE') continue;
    if (REFUSALS.has(error.code)) {
      skip.add(field);
      continue;
    }
    if (!server.has(field)) server.set(field, new Set());
    server.get(field)?.add(error.code);
  }
  const problems = found.filter((entry) => !entry.startsWith('strict '));
  // A value sent for a field form-js does not show must be refused as hidden (or for what it is).
  // (A hidden list is refused as a whole, at its own path.)
  const refusedHere = new Set((result.ok ? [] : result.errors).map((error) => error.field));
  for (const path of filledFieldPaths(test.schema.components, test.data))
    if (
      !shown.has(path) &&
      !skip.has(path) &&
      ![...refusedHere].some((refused) => path === refused || path.startsWith(`${refused}.`))
    )
      problems.push(`${path}: server takes a value for a field form-js does not show`);
  for (const [path, code] of Object.entries(test.strict))
    if (!found.includes(`strict ${path}`)) problems.push(`${path}: server should refuse with ${code}`);
  for (const path of new Set([...reference.keys(), ...server.keys()])) {
    // What is under a refused value (the items form-js makes of a list sent as a string) is not compared.
    if ([...skip].some((skipped) => path === skipped || path.startsWith(`${skipped}.`))) continue;
    const ours = [...(server.get(path) ?? [])].sort().join(',');
    const theirs = [...(reference.get(path) ?? [])].sort().join(',');
    if (ours !== theirs) problems.push(`${path}: server [${ours}], form-js [${theirs}]`);
  }
  return problems;
}

/** A submission for a real form: every field filled the same way (`variant` picks which option, text and number). */
function filledLike(components: readonly FormComponent[], variant: number): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const texts = ['x', 'Nội dung đủ dài cho các trường văn bản của biểu mẫu này, hơn năm mươi ký tự.', ''];
  const numbers = [0, 5, 1.5];
  const fill = (list: readonly FormComponent[], prefix: string[]): void => {
    for (const component of list) {
      const path = [...prefix, ...(component.path ?? '').split('.').filter(Boolean)];
      if (component.type === 'dynamiclist') {
        const items = Array.from({ length: variant + 1 }, () =>
          filledLike(component.components ?? [], variant),
        );
        setPath(data, path.join('.'), items);
        continue;
      }
      if (component.components) {
        fill(component.components, path);
        continue;
      }
      if (!component.key || component.disabled || component.readonly || component.type === 'expression')
        continue;
      const values = (component.values ?? []).map((option) => option.value);
      const pick = values[variant % Math.max(values.length, 1)];
      const value =
        component.type === 'textfield' || component.type === 'textarea'
          ? texts[variant % texts.length]
          : component.type === 'number'
            ? numbers[variant % numbers.length]
            : component.type === 'datetime'
              ? component.subtype === 'time'
                ? '14:30'
                : component.subtype === 'datetime'
                  ? '2099-06-15T08:00'
                  : '2099-06-15'
              : component.type === 'checkbox'
                ? variant % 2 === 0
                : component.type === 'checklist' || component.type === 'taglist'
                  ? pick === undefined
                    ? []
                    : [pick]
                  : pick;
      if (value !== undefined) setPath(data, [...prefix, ...component.key.split('.')].join('.'), value);
    }
  };
  fill(components, []);
  return data;
}

/** The project's forms, empty and filled two ways. */
function projectCases(): Case[] {
  return projectForms().flatMap(({ file, schema }) =>
    [{}, filledLike(schema.components, 0), filledLike(schema.components, 1)].map((data) => ({
      family: file,
      schema,
      data,
      context: {},
      strict: {},
    })),
  );
}

/** What form-js held for each field it showed, for the report. */
const held = (verdict: ReferenceVerdict): Record<string, unknown> =>
  'failed' in verdict ? {} : Object.fromEntries(verdict.fields.map((field) => [field.path, field.value]));

let dist: string;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  dist = await buildFormJsReference();
  browser = await launchBrowser();
  ({ page, errors: pageErrors } = await openPage(browser, HARNESS_ORIGIN));
  await openFormHarness(page, dist);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dist) await removeHarness(dist);
});

describe('server validation against form-js 1.23 in Chromium', () => {
  it('gives the same errors per field as form-js validate() on every generated submission', async () => {
    pageErrors.length = 0;
    const cases = families.flatMap(casesOf);
    expect(cases.length).toBeGreaterThan(300);
    // form-js sees the task's variables with the submission on top, as the browser does.
    const verdicts = await page.evaluate(
      (list) => (globalThis as unknown as Reference).harness.validateAll(list),
      cases.map((test) => ({ schema: test.schema, data: { ...test.context, ...test.data } })),
    );
    const report = cases.flatMap((test, index) => {
      const found = differences(test, verdicts[index] as ReferenceVerdict);
      return found.length === 0
        ? []
        : [
            `${test.family} | ${JSON.stringify(test.data)} | ctx ${JSON.stringify(test.context)}: ${found.join('; ')}` +
              ` | form-js held ${JSON.stringify(held(verdicts[index] as ReferenceVerdict))}`,
          ];
    });
    expect(report).toEqual([]);
    // form-js must not have crashed on a case: an error in one form's effect stops the others' (one batch).
    expect(pageErrors).toEqual([]);
  });

  it("gives the same errors as form-js on the project's forms, empty and filled", async () => {
    pageErrors.length = 0;
    const cases = projectCases();
    expect(cases.length).toBe(47 * 3); // 37 forms + the four of dan-van-kheo + the six of don-thu-kien-nghi
    const verdicts = await page.evaluate(
      (list) => (globalThis as unknown as Reference).harness.validateAll(list),
      cases.map((test) => ({ schema: test.schema, data: test.data })),
    );
    const report = cases.flatMap((test, index) => {
      const found = differences(test, verdicts[index] as ReferenceVerdict);
      return found.length === 0
        ? []
        : [`${test.family} | ${JSON.stringify(test.data).slice(0, 200)}: ${found.join('; ')}`];
    });
    expect(report).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
