import { el, textEl, type XmlElement } from '../../xml/index.js';
import { LANGUAGE_CODE } from '../component-types.js';
import type { ColumnSource, TableSource } from '../model.js';

const labelSet = (container: string, item: string, text: string) => el(container, {}, [el(item, { description: text, languagecode: LANGUAGE_CODE })]);

/** Flags every attribute of an export carries, in export order, with the values Dataverse gives custom columns. */
function commonAttributeFlags(custom: boolean, updatable: boolean): XmlElement[] {
  return [
    textEl('ImeMode', 'auto'),
    textEl('ValidForUpdateApi', updatable ? 1 : 0),
    textEl('ValidForReadApi', 1),
    textEl('ValidForCreateApi', 1),
    textEl('IsCustomField', custom ? 1 : 0),
    textEl('IsAuditEnabled', custom ? 1 : 0),
    textEl('IsSecured', 0),
    textEl('IntroducedVersion', '1.0'),
    textEl('IsCustomizable', 1),
    textEl('IsRenameable', 1),
    textEl('CanModifySearchSettings', 1),
    textEl('CanModifyRequirementLevelSettings', custom ? 1 : 0),
    textEl('CanModifyAdditionalSettings', 1),
    textEl('SourceType', 0),
    textEl('IsGlobalFilterEnabled', 0),
    textEl('IsSortableEnabled', 0),
    textEl('CanModifyGlobalFilterSettings', 1),
    textEl('CanModifyIsSortableSettings', 1),
    textEl('IsDataSourceSecret', 0),
    textEl('AutoNumberFormat', ''),
    textEl('IsSearchable', 0),
    textEl('IsFilterable', custom ? 0 : 1),
    textEl('IsRetrievable', custom ? 0 : 1),
    textEl('IsLocalizable', 0),
  ];
}

/** Type-specific parts of an attribute: Dataverse type name and its format elements. */
function typeParts(column: ColumnSource): { type: string; parts: XmlElement[] } {
  switch (column.type) {
    case 'String': {
      const max = column.maxLength ?? 100;
      return { type: 'nvarchar', parts: [textEl('Format', 'text'), textEl('MaxLength', max), textEl('Length', max * 2)] };
    }
    case 'Memo': {
      const max = column.maxLength ?? 2000;
      return { type: 'ntext', parts: [textEl('Format', 'text'), textEl('MaxLength', max), textEl('Length', max * 2)] };
    }
    case 'DateTime':
      return { type: 'datetime', parts: [textEl('Format', 'datetime'), textEl('CanChangeDateTimeBehavior', 1), textEl('Behavior', 1)] };
    case 'Integer':
      return { type: 'int', parts: [textEl('Format', 'none'), textEl('MinValue', -2147483648), textEl('MaxValue', 2147483647)] };
  }
}

function columnElement(table: TableSource, column: ColumnSource): XmlElement {
  const primaryName = column.logicalName === table.primaryName;
  const { type, parts } = typeParts(column);
  return el('attribute', { PhysicalName: column.schemaName }, [
    textEl('Type', type),
    textEl('Name', column.logicalName),
    textEl('LogicalName', column.logicalName),
    textEl('RequiredLevel', column.required || primaryName ? 'required' : 'none'),
    textEl('DisplayMask', primaryName ? 'PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm' : 'ValidForAdvancedFind|ValidForForm|ValidForGrid'),
    ...commonAttributeFlags(true, true),
    ...parts,
    labelSet('displaynames', 'displayname', column.displayName),
    labelSet('Descriptions', 'Description', column.description ?? ''),
  ]);
}

function primaryKeyElement(table: TableSource): XmlElement {
  const schema = `${table.schemaName}Id`;
  return el('attribute', { PhysicalName: schema }, [
    textEl('Type', 'primarykey'),
    textEl('Name', table.primaryKey),
    textEl('LogicalName', table.primaryKey),
    textEl('RequiredLevel', 'systemrequired'),
    textEl('DisplayMask', 'ValidForAdvancedFind|RequiredForGrid'),
    ...commonAttributeFlags(false, false),
    labelSet('displaynames', 'displayname', table.displayName),
    labelSet('Descriptions', 'Description', 'Unique identifier for entity instances'),
  ]);
}

/** Entity-level settings, in export order, with the values a new custom table gets. */
function entitySettings(table: TableSource): XmlElement[] {
  const flags: [string, string | number][] = [
    ['EntitySetName', table.entitySetName],
    ['IsDuplicateCheckSupported', 1],
    ['IsBusinessProcessEnabled', 0],
    ['IsRequiredOffline', 0],
    ['IsInteractionCentricEnabled', 0],
    ['IsCollaboration', 0],
    ['AutoRouteToOwnerQueue', 0],
    ['IsConnectionsEnabled', 0],
    ['EntityColor', ''],
    ['IsDocumentManagementEnabled', 0],
    ['AutoCreateAccessTeams', 0],
    ['IsOneNoteIntegrationEnabled', 0],
    ['IsKnowledgeManagementEnabled', 0],
    ['IsSLAEnabled', 0],
    ['IsDocumentRecommendationsEnabled', 0],
    ['IsBPFEntity', 0],
    ['OwnershipTypeMask', table.ownership],
    ['IsAuditEnabled', 0],
    ['IsRetrieveAuditEnabled', 0],
    ['IsRetrieveMultipleAuditEnabled', 0],
    ['IsActivity', 0],
    ['ActivityTypeMask', ''],
    ['IsActivityParty', 0],
    ['IsReplicated', 0],
    ['IsReplicationUserFiltered', 0],
    ['IsMailMergeEnabled', 1],
    ['IsVisibleInMobile', 0],
    ['IsVisibleInMobileClient', 0],
    ['IsReadOnlyInMobileClient', 0],
    ['IsOfflineInMobileClient', 0],
    ['DaysSinceRecordLastModified', 0],
    ['MobileOfflineFilters', ''],
    ['IsMapiGridEnabled', 1],
    ['IsReadingPaneEnabled', 1],
    ['IsQuickCreateEnabled', 0],
    ['SyncToExternalSearchIndex', 0],
    ['IntroducedVersion', '1.0'],
    ['IsCustomizable', 1],
    ['IsRenameable', 1],
    ['IsMappable', 1],
    ['CanModifyAuditSettings', 1],
    ['CanModifyMobileVisibility', 1],
    ['CanModifyMobileClientVisibility', 1],
    ['CanModifyMobileClientReadOnly', 1],
    ['CanModifyMobileClientOffline', 1],
    ['CanModifyConnectionSettings', 1],
    ['CanModifyDuplicateDetectionSettings', 1],
    ['CanModifyMailMergeSettings', 1],
    ['CanModifyQueueSettings', 1],
    ['CanCreateAttributes', 1],
    ['CanCreateForms', 1],
    ['CanCreateCharts', 1],
    ['CanCreateViews', 1],
    ['CanModifyAdditionalSettings', 1],
    ['CanEnableSyncToExternalSearchIndex', 1],
    ['EnforceStateTransitions', 0],
    ['CanChangeHierarchicalRelationship', 1],
    ['EntityHelpUrlEnabled', 0],
    ['EntityHelpUrl', ''],
    ['ChangeTrackingEnabled', 1],
    ['CanChangeTrackingBeEnabled', 1],
    ['IsEnabledForExternalChannels', 0],
    ['IsMSTeamsIntegrationEnabled', 0],
    ['IsSolutionAware', 0],
  ];
  return flags.map(([name, value]) => textEl(name, value));
}

/**
 * The `<Entity>` element of customizations.xml for a custom table: names, the primary key, the
 * declared columns (sorted by logical name, as exports list them) and the table settings.
 * Dataverse adds the system columns (owner, created on, status...) itself when it creates the table.
 */
export function entityElement(table: TableSource): XmlElement {
  const attributes = [primaryKeyElement(table), ...[...table.columns].sort((a, b) => a.logicalName.localeCompare(b.logicalName)).map((c) => columnElement(table, c))];
  attributes.sort((a, b) => (a.attributes[0]![1].toLowerCase() < b.attributes[0]![1].toLowerCase() ? -1 : 1));
  return el('Entity', {}, [
    textEl('Name', table.schemaName, { LocalizedName: table.displayName, OriginalName: table.displayName }),
    el('EntityInfo', {}, [
      el('entity', { Name: table.schemaName }, [
        labelSet('LocalizedNames', 'LocalizedName', table.displayName),
        labelSet('LocalizedCollectionNames', 'LocalizedCollectionName', table.pluralName),
        labelSet('Descriptions', 'Description', table.description ?? ''),
        el('attributes', {}, attributes),
        ...entitySettings(table),
      ]),
    ]),
    el('FormXml'),
    el('SavedQueries'),
    el('RibbonDiffXml'),
  ]);
}
