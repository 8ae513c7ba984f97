import { DOCS, type Rule } from '../types.js';

/**
 * Custom code (script.csx) is a C# class named `Script` that derives from `ScriptBase` and
 * overrides `ExecuteAsync`; the platform compiles and calls exactly that.
 */
export const scriptStructure: Rule = {
  id: 'script-structure',
  severity: 'error',
  description: 'script.csx declares class Script : ScriptBase with an ExecuteAsync override',
  docsUrl: DOCS.script,
  create: ({ index, report }) => ({
    document() {
      const text = index.scriptText;
      if (text === undefined) return;
      // Comments and strings could mention the names: strip them before looking.
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').replace(/@?"(?:[^"\\]|\\.)*"/g, '""');
      if (!/\bclass\s+Script\s*:\s*ScriptBase\b/.test(code)) report({ message: 'script.csx must declare "public class Script : ScriptBase"', path: [], file: 'script' });
      if (!/\boverride\s+async\s+Task\s*<\s*HttpResponseMessage\s*>\s*ExecuteAsync\s*\(/.test(code) && !/\boverride\s+Task\s*<\s*HttpResponseMessage\s*>\s*ExecuteAsync\s*\(/.test(code)) {
        report({ message: 'script.csx must override "Task<HttpResponseMessage> ExecuteAsync()"', path: [], file: 'script' });
      }
    },
  }),
};
