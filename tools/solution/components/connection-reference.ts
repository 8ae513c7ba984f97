import { el, textEl, type XmlElement } from '../../xml/index.js';
import type { ConnectionReferenceSource } from '../model.js';

/** `<connectionreference>` of customizations.xml; a custom connector's reference also names its id. */
export function connectionReferenceElement(reference: ConnectionReferenceSource, customConnectorGuid?: string): XmlElement {
  return el('connectionreference', { connectionreferencelogicalname: reference.logicalName }, [
    textEl('connectionreferencedisplayname', reference.displayName),
    textEl('connectorid', reference.connectorId),
    customConnectorGuid !== undefined && el('customconnectorid', {}, [textEl('connectorid', customConnectorGuid)]),
    textEl('iscustomizable', 1),
    textEl('statecode', 0),
    textEl('statuscode', 1),
  ]);
}
