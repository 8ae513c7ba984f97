import { DOCS, isObject, type Rule } from '../types.js';

/** Security requirements name defined securityDefinitions; only oauth2 requirements list scopes. */
export const securityRequirements: Rule = {
  id: 'security-requirements',
  severity: 'error',
  description: '`security` requirements name securityDefinitions that exist; non-oauth2 requirements have [] scopes',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => {
    const definitions = isObject(index.root.securityDefinitions) ? index.root.securityDefinitions : {};
    const check = (security: unknown, base: (string | number)[]) => {
      if (!Array.isArray(security)) return;
      security.forEach((requirement, i) => {
        if (!isObject(requirement)) return;
        for (const [name, scopes] of Object.entries(requirement)) {
          const definition = definitions[name];
          if (!isObject(definition)) report({ message: `security requirement "${name}" is not defined in securityDefinitions`, path: [...base, i, name] });
          else if (definition.type !== 'oauth2' && Array.isArray(scopes) && scopes.length > 0) report({ message: `security requirement "${name}" is ${String(definition.type)}: its scopes must be []`, path: [...base, i, name] });
        }
      });
    };
    return {
      document: () => check(index.root.security, ['security']),
      operation: (op) => check(op.value.security, [...op.path, 'security']),
    };
  },
};
