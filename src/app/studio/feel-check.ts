import { parseExpression, parseUnaryTests } from 'feelin';

type Parse = typeof parseExpression;

function broken(parse: Parse, text: string): boolean {
  try {
    let found = false;
    parse(text, {}, undefined).iterate({
      enter: (node) => {
        if (node.type.isError) found = true;
      },
    });
    return found;
  } catch {
    return true;
  }
}

/** True when a FEEL expression does not parse (the parser marks the place with an error node). */
export const feelBroken = (expression: string): boolean => broken(parseExpression, expression);

/** True when FEEL unary tests (a decision table's input entry: `< 18`, `"a","b"`, `-`) do not parse. */
export const unaryTestsBroken = (tests: string): boolean => broken(parseUnaryTests, tests);
