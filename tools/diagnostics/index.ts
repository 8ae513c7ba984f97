export * from './diagnostic.js';
export * from './pointer.js';
export * from './locate.js';
export * from './reporters/index.js';
export * from './ruleset.js';
