/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';

/**
 * Vendor actions as HTML forms, built from the input JSON schema each simulator lists at
 * `GET /__admin/actions`, and the way back: form fields to the action's JSON input. The
 * simulator's zod schema stays the only judge of the input; the form only guesses types so that
 * `true`, `3` and `2026-03, 2026-04` reach it as a boolean, a number and a list.
 */

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
}

export interface ActionInfo {
  name: string;
  description: string;
  input: JsonSchema;
}

/** `open-accounting` → `Open accounting`. */
export const humanize = (name: string): string => {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The JSON types a property accepts, `anyOf` flattened (`string | null` → ['string', 'null']). */
function typesOf(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (schema.enum) own.push(...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v))));
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(typesOf);
  return [...new Set([...own, ...nested])];
}

function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum;
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const values = branches.flatMap((b) => b.enum ?? (b.const !== undefined ? [b.const] : []));
  return values.length ? values : undefined;
}

/** Turns submitted form fields into the action's input; every guess the schema cannot settle is left as text for zod to refuse. */
export function formToInput(schema: JsonSchema, form: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(form)) {
    if (key.startsWith('_')) continue;
    const value = raw.trim();
    if (value === '') continue;
    const prop = schema.properties?.[key];
    const types = typesOf(prop);
    if (types.includes('null') && value === 'null') out[key] = null;
    else if (types.includes('boolean') && (value === 'true' || value === 'false')) out[key] = value === 'true';
    else if (
      (types.includes('number') || types.includes('integer')) &&
      !types.includes('string') &&
      /^-?\d+(\.\d+)?$/.test(value)
    )
      out[key] = Number(value);
    else if (types.includes('array')) {
      const itemTypes = typesOf(prop?.items);
      const numeric = (itemTypes.includes('number') || itemTypes.includes('integer')) && !itemTypes.includes('string');
      out[key] = value
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((item) => (numeric && /^-?\d+(\.\d+)?$/.test(item) ? Number(item) : item));
    } else if (types.includes('object') && !types.includes('string')) {
      try {
        out[key] = JSON.parse(value);
      } catch {
        out[key] = value;
      }
    } else out[key] = value;
  }
  return out;
}

const Field: FC<{
  name: string;
  schema: JsonSchema;
  required: boolean;
  value?: string | undefined;
  choices?: readonly string[] | undefined;
  listId?: string;
}> = ({ name, schema, required, value, choices, listId }) => {
  const types = typesOf(schema);
  const values = enumOf(schema);
  const hint = types.includes('array') ? ' (comma-separated)' : '';
  const label = `${name}${required ? '' : ' (optional)'}${hint}`;
  if (types.includes('boolean') || values) {
    const options = types.includes('boolean') ? ['true', 'false'] : values!.map(String);
    return (
      <label>
        {label}
        <select name={name}>
          {required && schema.default === undefined ? null : (
            <option value="">{schema.default !== undefined ? `(default ${String(schema.default)})` : '—'}</option>
          )}
          {options.map((o) => (
            <option value={o} selected={o === value}>
              {o}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const isNumber = (types.includes('number') || types.includes('integer')) && !types.includes('string');
  // A text input even for numbers: a wrong value must reach the simulator and be refused in words.
  return (
    <label>
      {label}
      <input
        type="text"
        name={name}
        value={value ?? ''}
        list={choices?.length ? listId : undefined}
        inputmode={isNumber ? 'numeric' : undefined}
        placeholder={
          schema.format === 'date'
            ? 'YYYY-MM-DD'
            : schema.pattern && schema.pattern.length < 40
              ? schema.pattern
              : schema.default !== undefined
                ? `default ${JSON.stringify(schema.default)}`
                : undefined
        }
      />
      {/* A datalist, not a select: the ids of the state are offered, and an unknown one can still be typed to see the vendor refuse it. No script needed. */}
      {choices?.length ? (
        <datalist id={listId}>
          {choices.map((c) => (
            <option value={c} />
          ))}
        </datalist>
      ) : null}
    </label>
  );
};

export interface ActionFormProps {
  action: ActionInfo;
  /** Where the form posts (the dashboard route that runs the action). */
  post: string;
  /** Where to come back to after it ran. */
  back: string;
  /** Fields already known from the page (the firm and file): hidden. */
  fixed?: Record<string, string>;
  /** Ids the state holds for a field (tenants, files), offered in a datalist instead of typed by hand. */
  choices?: Record<string, readonly string[]>;
}

/** One vendor action: a button, with an input for each field the page does not already know. */
export const ActionForm: FC<ActionFormProps> = ({ action, post, back, fixed = {}, choices = {} }) => {
  const properties = action.input.properties ?? {};
  const required = new Set(action.input.required ?? []);
  const hidden = Object.entries(fixed).filter(([k]) => k in properties);
  const visible = Object.entries(properties).filter(([k]) => !(k in fixed));
  return (
    <form method="post" action={post} class="action" data-action={action.name}>
      <strong>{humanize(action.name)}</strong>
      <p>{action.description}</p>
      {hidden.map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      {visible.map(([k, schema]) => (
        <Field
          name={k}
          schema={schema}
          required={required.has(k) && schema.default === undefined}
          choices={choices[k]}
          listId={`${action.name}-${k}-choices`}
        />
      ))}
      <input type="hidden" name="_back" value={back} />
      <button type="submit">{humanize(action.name)}</button>
    </form>
  );
};
