import { DOCS, type Rule } from '../types.js';

/**
 * The summary is the action's name in the designer: present, at most 80 characters, no trailing
 * period, and only letters, digits, spaces, parentheses and basic punctuation
 * (OperationSummaryTooLong, RestrictedCharactersInSummary).
 */
export const MAX_SUMMARY_LENGTH = 80;

export const operationSummary: Rule = {
  id: 'operation-summary',
  severity: 'warning',
  description: `Operation summary: present, at most ${MAX_SUMMARY_LENGTH} characters, no trailing period (OperationSummaryTooLong, RestrictedCharactersInSummary)`,
  docsUrl: `${DOCS.submission}#step-2-prepare-the-connector-artifacts`,
  create: ({ report }) => ({
    operation(op) {
      const summary = op.value.summary;
      if (typeof summary !== 'string' || summary.trim() === '') {
        report({ message: `operation "${op.operationId ?? op.pathKey}" has no summary: it is the action's name in the designer`, path: op.path });
        return;
      }
      const path = [...op.path, 'summary'];
      if (summary.length > MAX_SUMMARY_LENGTH) report({ message: `summary is ${summary.length} characters: at most ${MAX_SUMMARY_LENGTH}`, path });
      if (/\.\s*$/.test(summary)) report({ message: `summary "${summary}" ends with a period: a summary is a name, not a sentence`, path });
      const restricted = /[^\p{L}\p{N}\s()\-,'’&/:]/u.exec(summary);
      if (restricted) report({ message: `summary contains "${restricted[0]}": use letters, digits, spaces and parentheses`, path });
    },
  }),
};
