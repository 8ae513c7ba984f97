import { PpkitError } from '../core/errors.js';

/**
 * Expression errors are data (a flow can catch and report them), and a flow with a loop may raise
 * thousands: they keep a short stack, since capturing a deep closure stack costs more than the work.
 */
const CHEAP_STACK_FRAMES = 4;

/** Where the service sends users for expression help; its messages end with this sentence. */
export const EXPRESSION_DOCS_URL = 'https://aka.ms/logicexpressions';

/**
 * An expression that cannot be parsed. `column` is 1-based in `expression`; `expected` says what
 * the parser wanted at that point.
 */
export class ExpressionSyntaxError extends PpkitError {
  readonly expression: string;
  readonly column: number;
  readonly expected: string;
  readonly offset: number;

  constructor(expression: string, offset: number, expected: string, found?: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = CHEAP_STACK_FRAMES;
    const shown = expression.length > 200 ? `${expression.slice(0, 200)}...` : expression;
    const what = found ?? describeFound(expression, offset);
    super(`The template language expression '${shown}' is not valid: expected ${expected} at column ${offset + 1}, found ${what}.`);
    Error.stackTraceLimit = limit;
    this.expression = expression;
    this.offset = offset;
    this.column = offset + 1;
    this.expected = expected;
  }
}

function describeFound(expression: string, offset: number): string {
  if (offset >= expression.length) return 'the end of the expression';
  const char = expression[offset]!;
  return `'${char}'`;
}

/**
 * An expression that failed at run time, worded like the service ("The template language function
 * 'int' was invoked with a parameter that is not valid. ..."). `functionName` is the function that
 * failed (absent for property-access errors).
 */
export class WorkflowExpressionError extends PpkitError {
  readonly functionName: string | undefined;
  /** The service's error code family: always `InvalidTemplate` for expression failures. */
  readonly code = 'InvalidTemplate';

  constructor(message: string, functionName?: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = CHEAP_STACK_FRAMES;
    super(message);
    Error.stackTraceLimit = limit;
    this.functionName = functionName;
  }
}

/** `The template language function 'f' ...` plus the usage sentence the service appends. */
export function functionError(functionName: string, detail: string): WorkflowExpressionError {
  return new WorkflowExpressionError(
    `The template language function '${functionName}' ${detail} Please see ${EXPRESSION_DOCS_URL}#${functionName.toLowerCase()} for usage details.`,
    functionName,
  );
}

/** The service's wording for an argument that cannot be used: "...was invoked with a parameter that is not valid. <why>" */
export function invalidParameter(functionName: string, why: string): WorkflowExpressionError {
  return functionError(functionName, `was invoked with a parameter that is not valid. ${why}`);
}
