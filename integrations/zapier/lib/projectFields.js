'use strict';

// Audity's project fields as the bridge checks them (schemas/hooks/common.schema.json, projectFields).
const PROJECT_FIELDS = [
  { key: 'clientName', label: 'Client name', helpText: 'Up to 200 characters.' },
  { key: 'industry', label: 'Industry', helpText: 'Up to 100 characters, such as `Manufacturing`.' },
  { key: 'companySize', label: 'Company size', helpText: 'Up to 50 characters, such as `11-50`.' },
  { key: 'description', label: 'Description', type: 'text', helpText: 'Up to 5,000 characters.' },
  { key: 'currency', label: 'Currency', helpText: 'An ISO 4217 code such as `USD`.' },
];

/** The input fields, prefixed so that they do not clash with the step's other fields. */
const projectInputFields = (prefix, note) =>
  PROJECT_FIELDS.map((field) => ({
    key: `${prefix}${field.key}`,
    label: field.label,
    type: field.type || 'string',
    required: false,
    helpText: `${field.helpText} ${note}`,
  }));

/** inputData field name → hook body member. */
const projectKeys = (prefix) => Object.fromEntries(PROJECT_FIELDS.map((f) => [`${prefix}${f.key}`, f.key]));

module.exports = { projectInputFields, projectKeys };
