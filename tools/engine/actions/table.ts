import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { mapItems } from './repeat-items.js';
import { arrayInput, isObject, textOf } from './values.js';

/**
 * Table (Create CSV table / Create HTML table): `format` CSV or HTML; columns automatic (the keys of
 * the first item) or custom (`columns: [{header, value}]`, value evaluated per item).
 */
export const table: ActionType = {
  type: 'Table',
  validate(definition, report) {
    const format = (definition.inputs as { format?: unknown } | undefined)?.format;
    if (typeof format !== 'string' || !/^(csv|html)$/i.test(format)) report('"inputs.format" must be CSV or HTML', ['inputs', 'format']);
  },
  run(execution) {
    const definition = execution.action.definition.inputs;
    if (!isObject(definition)) throw new ActionFailure('InvalidTemplate', `The inputs of action '${execution.name}' must be an object.`);
    const from = arrayInput(execution.evaluate('inputs.from', definition.from), execution.name, 'from');
    const format = String(definition.format).toUpperCase();
    let headers: string[];
    let rows: unknown[][];
    if (Array.isArray(definition.columns) && definition.columns.length > 0) {
      const columns = definition.columns as Array<{ header?: unknown; value?: unknown }>;
      headers = columns.map((c, i) => textOf(execution.evaluate(`inputs.columns[${i}].header`, c.header)));
      const values = columns.map((c, i) => mapItems(execution, from, `inputs.columns[${i}].value`, c.value));
      rows = from.map((_, r) => values.map((column) => column[r]));
    } else {
      headers = [];
      for (const item of from) if (isObject(item)) for (const key of Object.keys(item)) if (!headers.includes(key)) headers.push(key);
      rows = from.map((item) => headers.map((h) => (isObject(item) ? item[h] : undefined)));
    }
    const body = format === 'HTML' ? html(headers, rows) : csv(headers, rows);
    return { inputs: { from, format: definition.format, columns: definition.columns }, outputs: { body } };
  },
};

function csvCell(value: unknown): string {
  const text = textOf(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(headers: string[], rows: unknown[][]): string {
  return [headers.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function html(headers: string[], rows: unknown[][]): string {
  const head = `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(textOf(cell))}</td>`).join('')}</tr>`).join('')}</tbody>`;
  return `<table>${head}${body}</table>`;
}
