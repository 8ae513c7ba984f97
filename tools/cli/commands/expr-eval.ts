import { PpkitError, UsageError } from '../../core/errors.js';
import { readJsonFile, readTextFile } from '../../core/read-input.js';
import { runCaseLines } from '../../expressions/cases.js';
import { compileExpression, compileTemplate } from '../../expressions/compile.js';
import { createMemoryContext, validateContextData, type MemoryContextData } from '../../expressions/memory-context.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';

interface ExprEvalOptions {
  context?: string;
  file?: string;
  template?: boolean;
}

function loadContext(file: string | undefined): MemoryContextData {
  if (file === undefined) return {};
  return validateContextData(readJsonFile(file), { file });
}

/** `ppkit expr eval`: evaluates a WDL expression (or a file of cases) the way a flow run would. */
export const exprEvalCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'expr', 'evaluate Workflow Definition Language expressions (Power Automate / Logic Apps)', `ppkit expr eval "formatDateTime(utcNow(), 'yyyy-MM-dd')"`);
    withExamples(
      group
        .command('eval')
        .description('evaluate an expression (without the leading @) and print its value as JSON')
        .argument('[expression]', "the expression, e.g. concat('a', parameters('name')); with --template (or a leading @), a workflow string value such as \"Hi @{parameters('name')}\"")
        .option('--context <ctx.json>', 'JSON with now, parameters, variables, actions, trigger, items, iterationIndexes, workflow')
        .option('--template', 'read the argument as a workflow JSON string value (@expr, @{...} interpolation, @@ escape)')
        .option('--file <cases.jsonl>', 'JSON Lines of {"expr": ...} or {"template": ...} with an optional "ctx"; prints one {"value"} or {"error"} line per case'),
      `ppkit expr eval "div(7, 2)"`,
      `ppkit expr eval "body('Get_items')?['value']" --context ctx.json`,
      `ppkit expr eval --template "Hello @{parameters('name')}" --context ctx.json`,
      'ppkit expr eval --file cases.jsonl',
    ).action(
      context.action((expression: string | undefined, options: ExprEvalOptions) => {
        const defaults = loadContext(options.context);
        if (options.file !== undefined) {
          if (expression !== undefined) throw new UsageError('give either an expression or --file, not both');
          const results = runCaseLines(readTextFile(options.file), defaults, options.file);
          context.io.stdout(results.map((result) => `${printCaseResult(result)}\n`).join(''));
          return 0;
        }
        if (expression === undefined) throw new UsageError("missing the expression: ppkit expr eval \"concat('a', 'b')\" (or --file cases.jsonl)");
        const ctx = createMemoryContext(defaults);
        // "@concat(...)" pasted from a flow's code view is read as the string value it is.
        const asTemplate = options.template === true || expression.startsWith('@');
        const evaluate = asTemplate ? compileTemplate(expression) : compileExpression(expression);
        const value = evaluate(ctx);
        let json: string;
        try {
          json = JSON.stringify(value === undefined ? null : value, null, 2);
        } catch {
          throw new PpkitError('the value is nested too deeply to print as JSON');
        }
        context.io.stdout(`${json}\n`);
        return 0;
      }),
    );
  },
};


/** One output line; a value too deep to print becomes that case's error, not the end of the run. */
function printCaseResult(result: object): string {
  try {
    return JSON.stringify(result);
  } catch {
    return JSON.stringify({ error: 'the value is nested too deeply to print as JSON' });
  }
}
