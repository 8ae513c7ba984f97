import type { Table } from '../../model/table.js';
import type { DataverseResponse, RouteContext } from '../exchange.js';

/**
 * `GET $metadata`: a CSDL document with one EntityType per table (key, properties with their Edm
 * types, single-valued navigation properties and the collection-valued ones of one-to-many
 * relationships) and the entity sets, under Microsoft.Dynamics.CRM.
 */
export function getMetadata(context: RouteContext): DataverseResponse {
  const types = context.store.tables.tables.map(entityTypeXml).join('\n');
  const sets = context.store.tables.tables
    .map((t) => `        <EntitySet Name="${t.entitySetName}" EntityType="Microsoft.Dynamics.CRM.${t.logicalName}" />`)
    .join('\n');
  const body = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
${types}
      <EntityContainer Name="System">
${sets}
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
  return { status: 200, headers: { 'Content-Type': 'application/xml', 'OData-Version': '4.0' }, body };
}

function entityTypeXml(table: Table): string {
  const properties = table.columns.map((c) => `        <Property Name="${c.jsonName}" Type="${c.kind.edmType}" />`);
  const navigation = table.columns
    .filter((c) => c.kind.name === 'lookup')
    .map((c) => `        <NavigationProperty Name="${c.schemaName}" Type="Microsoft.Dynamics.CRM.${c.target}" />`);
  // One-to-many relationships seen from the referenced table: collection-valued, partnered with the lookup.
  for (const relationship of table.relationships.values()) {
    navigation.push(`        <NavigationProperty Name="${relationship.name}" Type="Collection(Microsoft.Dynamics.CRM.${relationship.referencingTable})" Partner="${relationship.lookup.schemaName}" />`);
  }
  return `      <EntityType Name="${table.logicalName}">
        <Key><PropertyRef Name="${table.primaryId.logicalName}" /></Key>
${[...properties, ...navigation].join('\n')}
      </EntityType>`;
}
