/**
 * The expression engine's function table is the one source of function names and arities: the
 * linter reports what the engine would refuse to compile, with no list of its own.
 */
export { lookupFunction } from '../../../expressions/functions/index.js';
