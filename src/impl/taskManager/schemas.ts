/**
 * JSON schemas of every request the API accepts. Fastify validates each
 * request against them before any handler runs; anything else gets 400.
 */
import { PRIORITIES, REQUESTABLE } from './domain.js';

const id = { type: 'integer', minimum: 1 } as const;
const title = { type: 'string', minLength: 1, maxLength: 200 } as const;
const description = { type: 'string', maxLength: 5000 } as const;
const priority = { type: 'string', enum: [...PRIORITIES] } as const;
const status = { type: 'string', enum: [...REQUESTABLE] } as const;
const userName = { type: 'string', minLength: 1, maxLength: 64 } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id },
  additionalProperties: false,
} as const;

export const loginBody = {
  type: 'object',
  required: ['user', 'password'],
  properties: { user: userName, password: { type: 'string', minLength: 1, maxLength: 200 } },
  additionalProperties: false,
} as const;

export const createBody = {
  type: 'object',
  required: ['title'],
  properties: { title, description, priority },
  additionalProperties: false,
} as const;

export const patchBody = {
  type: 'object',
  minProperties: 1,
  properties: { title, description, priority, status, assignee: userName },
  additionalProperties: false,
} as const;

export const dependencyBody = {
  type: 'object',
  required: ['dependsOn'],
  properties: { dependsOn: id },
  additionalProperties: false,
} as const;

export const bulkStatusBody = {
  type: 'object',
  required: ['ids', 'status'],
  properties: { ids: { type: 'array', items: id, minItems: 1, maxItems: 100 }, status },
  additionalProperties: false,
} as const;
