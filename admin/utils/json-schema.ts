/**
 * The part of JSON Schema (draft-7) the writers' options use, as `GET /alwrity/writers` serves
 * it (zod's `toJSONSchema`, io = input). Forms are built from it, so a new option on the server
 * shows up in the admin without a release of its own.
 */

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  description?: string;
  enum?: readonly (string | number)[];
  default?: JsonValue;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** `strapi-locale`: one of the app's locale codes. */
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
}

/** What a property is edited with; the form has one input per kind. */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'locale'
  | 'enum'
  | 'enumList'
  | 'stringList'
  | 'number'
  | 'boolean'
  | 'object';

import { LOCALE_FORMAT } from '../../writers/options';

/** Past this many characters a single-line input is the wrong tool (source notes, pasted text). */
const LONG_TEXT_MIN = 1000;

export const fieldKindOf = (schema: JsonSchema): FieldKind | undefined => {
  switch (schema.type) {
    case 'string':
      if (schema.enum) return 'enum';
      if (schema.format === LOCALE_FORMAT) return 'locale';
      return (schema.maxLength ?? 0) > LONG_TEXT_MIN ? 'longText' : 'text';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    case 'array':
      if (schema.items?.enum) return 'enumList';
      return schema.items?.type === 'string' ? 'stringList' : undefined;
    default:
      return undefined;
  }
};

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The form's starting values: what `prefill` holds (a duplicated generation's input), else each
 * property's default. Optional objects without a default stay out until something is typed in.
 */
export const initialValues = (schema: JsonSchema, prefill?: unknown): JsonObject => {
  const given = isJsonObject(prefill) ? prefill : {};
  const values: JsonObject = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const value = given[name] ?? property.default;
    if (fieldKindOf(property) === 'object') {
      values[name] = initialValues(property, value);
    } else if (value !== undefined) {
      values[name] = value;
    }
  }
  return values;
};

const isEmpty = (value: JsonValue | undefined) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (isJsonObject(value) && Object.keys(value).length === 0);

/**
 * The values as the server wants them: text trimmed, empty optional fields left out (the server
 * rejects an empty string where it expects a keyword), and an object nobody filled in dropped.
 */
export const cleanValues = (schema: JsonSchema, values: JsonObject): JsonObject => {
  const cleaned: JsonObject = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    let value = values[name];
    if (typeof value === 'string') value = value.trim();
    if (fieldKindOf(property) === 'object' && isJsonObject(value))
      value = cleanValues(property, value);
    const required = schema.required?.includes(name) ?? false;
    if (isEmpty(value) && !(required && Array.isArray(value))) continue;
    if (value !== undefined) cleaned[name] = value;
  }
  return cleaned;
};

export type ValidationProblem =
  | { rule: 'required' }
  | {
      rule: 'minLength' | 'maxLength' | 'minItems' | 'maxItems' | 'minimum' | 'maximum';
      limit: number;
    }
  | { rule: 'pattern' };

/**
 * Problems in already cleaned values, keyed by dotted path, so the form can say what is wrong
 * before a round trip. The server checks again and stays the authority.
 */
export const validateValues = (
  schema: JsonSchema,
  values: JsonObject,
  prefix = '',
): Record<string, ValidationProblem> => {
  const problems: Record<string, ValidationProblem> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    const value = values[name];
    if (value === undefined) {
      if (schema.required?.includes(name)) problems[path] = { rule: 'required' };
      continue;
    }
    const problem = problemOf(property, value);
    if (problem) problems[path] = problem;
    if (isJsonObject(value)) Object.assign(problems, validateValues(property, value, `${path}.`));
  }
  return problems;
};

const problemOf = (schema: JsonSchema, value: JsonValue): ValidationProblem | undefined => {
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength)
      return { rule: 'minLength', limit: schema.minLength };
    if (schema.maxLength !== undefined && length > schema.maxLength)
      return { rule: 'maxLength', limit: schema.maxLength };
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) return { rule: 'pattern' };
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      return { rule: 'minimum', limit: schema.minimum };
    if (schema.maximum !== undefined && value > schema.maximum)
      return { rule: 'maximum', limit: schema.maximum };
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      return { rule: 'minItems', limit: schema.minItems };
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      return { rule: 'maxItems', limit: schema.maxItems };
  }
  return undefined;
};
