/**
 * Workflow Definition Language expressions (Logic Apps / Power Automate): parser, templates,
 * compiler/evaluator and the function table. The flow engine and the flow linter build on this API.
 */
export type { ExpressionNode, LiteralNode, CallNode, MemberNode, IndexNode, LiteralValue } from './ast.js';
export { walkExpression, printExpression } from './ast.js';
export { parseExpression, MAX_EXPRESSION_DEPTH } from './parser.js';
export type { TemplatePart, TemplateTextPart, TemplateExpressionPart } from './template.js';
export { parseTemplate, hasTemplateSyntax } from './template.js';
export type { CompiledExpression } from './compile.js';
export { compileExpression, compileTemplate, evaluateExpression, evaluateTemplate, checkArity } from './compile.js';
export type { EvaluationContext, ActionRecord, RunStatus } from './context.js';
export { createMemoryContext, validateContextData, type MemoryContextData } from './memory-context.js';
export { ExpressionSyntaxError, WorkflowExpressionError } from './errors.js';
export { functionTable, lookupFunction } from './functions/index.js';
export type { FunctionDescriptor, EagerFunction, LazyFunction, ArgType, ValueKind, CallSite, LazyArgument } from './functions/descriptor.js';
export { argTypeAt, accepts, kindOf } from './functions/descriptor.js';
export { toText, deepEquals, typeName } from './values.js';
