import { DOCS, type Rule } from '../types.js';

/** FileParameterMustBeInFormData: `type: file` parameters are formData parameters. */
export const fileParameterInFormData: Rule = {
  id: 'file-parameter-in-form-data',
  severity: 'error',
  description: '`type: file` parameters have `in: formData` (FileParameterMustBeInFormData)',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    parameter(p) {
      if (p.value.type === 'file' && p.in !== 'formData') report({ message: `file parameter "${p.name}" must be "in": "formData", not "${p.in}"`, path: [...p.path, 'in'] });
    },
  }),
};
