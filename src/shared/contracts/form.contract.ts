/** Forms as they cross between server and browser. Types only. */

/** A form-js schema as deployed with its process; the browser hands it to form-js untouched. */
export interface FormSchema {
  type: string;
  components: object[];
  [property: string]: unknown;
}

/** The values of a form: a task's variables, a draft, a submission. */
export type FormData = Record<string, unknown>;
