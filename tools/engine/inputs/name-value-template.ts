import { compileTemplate } from '../../expressions/index.js';

type Template = (context: never) => unknown;

/**
 * The `inputs` of a variable action, `{"name": ..., "value": ...}`, compiled into a function that
 * builds that object directly: what the generic object template gives (same keys, same order, each
 * part evaluated the same way), without its per-key loop, once per iteration of a long loop.
 * Only for two strings with an expression among them; anything else (a constant object, which the
 * generic template returns as is, or nested values) keeps the generic template.
 */
export function compileInputs(inputs: unknown): Template {
  const parts = inputs as { name?: unknown; value?: unknown };
  const keys = inputs !== null && typeof inputs === 'object' ? Object.keys(inputs) : [];
  const name = parts.name;
  const value = parts.value;
  const twoStrings = keys.length === 2 && typeof name === 'string' && typeof value === 'string';
  if (!twoStrings || !(name.includes('@') || value.includes('@'))) return compileTemplate(inputs) as Template;
  const nameOf = compileTemplate(name) as (context: never) => unknown;
  const valueOf = compileTemplate(value) as (context: never) => unknown;
  if (keys[0] === 'name') return (context) => ({ name: nameOf(context), value: valueOf(context) });
  return (context) => ({ value: valueOf(context), name: nameOf(context) });
}
