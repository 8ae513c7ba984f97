/**
 * The file name a solution export gives a cloud flow: the display name without its
 * non-alphanumeric characters, a dash and the UPPERCASE workflow id
 * (`ChildAdminSyncLogs-751183FC-DB68-EA11-A811-000D3A31CF04.json`).
 */
export function workflowFileName(flowName: string, workflowId: string): string {
  return `${flowName.replace(/[^A-Za-z0-9]/g, '')}-${workflowId.toUpperCase()}.json`;
}

/** The workflow id in such a file name, lowercase, or undefined when the name has none. */
export function workflowIdFromFileName(fileName: string): string | undefined {
  const match = /-([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\.json$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : undefined;
}
