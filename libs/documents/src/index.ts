/**
 * The documents context: the evidence a file holds. It owns uploads (limits, type by content), content-addressed
 * storage behind a port, the checklist per kind and category with each required document's status, the checks a
 * worker runs on every document (hash, content, malware, dates, duplicates) and who may download what. Other
 * contexts use only what this file exports.
 */
export * from './documents.errors';
export * from './content/content-type';
export * from './content/content-type-gate';
export * from './storage/document-storage';
export * from './storage/local-disk-document-storage';
export * from './malware/malware-scanner';
export * from './malware/clamd-malware-scanner';
export * from './checklist/document-kinds';
export * from './checklist/checklist-rules';
export * from './checks/finding';
