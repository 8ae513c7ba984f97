/**
 * Shapes of `ppkit connector diff`: each kind of change is one small check (changes/<id>.ts) that
 * compares a matched pair of operations (or the two documents) and reports what existing flows
 * would notice. Breaking changes are errors; changes users see but flows survive are warnings.
 */
import type { Severity } from '../../diagnostics/index.js';
import type { ConnectorIndex, OperationNode } from '../validate/document-index.js';
import type { JsonPath } from '../validate/types.js';

export interface OperationPair {
  /** operationId (or "METHOD /path" when an operation has none). */
  key: string;
  old: OperationNode;
  new: OperationNode;
}

export interface ChangeFinding {
  message: string;
  /** Where in the new document (or in the old one, `side: 'old'`, for things that are gone). */
  path: JsonPath;
  side?: 'old' | 'new';
  /** Defaults to the swagger; connection changes are in apiProperties.json. */
  file?: 'swagger' | 'apiProperties';
}

export interface DiffContext {
  old: ConnectorIndex;
  new: ConnectorIndex;
  report(finding: ChangeFinding): void;
}

export interface ChangeCheck {
  id: string;
  severity: Severity;
  description: string;
  docsUrl: string;
  /** Called once per document pair. */
  documents?(context: DiffContext, removed: OperationNode[], pairs: OperationPair[]): void;
  /** Called for each operation present in both versions. */
  operation?(context: DiffContext, pair: OperationPair): void;
}

/** Microsoft's answer to a breaking change: keep the old operation, deprecate it, add a revision. */
export const VERSIONING_DOCS = 'https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions#x-ms-api-annotation';
