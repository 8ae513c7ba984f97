/**
 * The one XML module of ppkit: parsing with xml2js into an ordered tree (DTDs and entities refused
 * before parsing) and writing that tree as Power Platform's tools write it.
 */
export * from './tree.js';
export * from './parse.js';
export * from './serialize.js';
