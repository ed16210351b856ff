// Operations as data: check.py hands every client the steps files (../steps/*.json, already
// checked against the spec) and the spec itself; each adapter gives one generic `Caller` that
// sends any operation with its generator's own client. What a call needs beyond the step
// (method, path, tag, parameter order, body media types) is read here from the spec the
// generators read, never restated. The Python twin is ../steps.py: same placeholders, saving
// and comparing.

declare const process: { env: Record<string, string | undefined> };
declare function require(id: 'node:fs'): { readFileSync(path: string, encoding: 'utf8'): string };

export interface Parameter {
  name: string;
  in: string; // path, query, header, cookie
  required: boolean;
  default?: unknown;
}

export interface Operation {
  id: string;
  method: string; // upper case
  path: string; // as written in the spec: /project/{projectId}/assets
  tag: string;
  parameters: Parameter[]; // path-item ones first, then the operation's, in spec order
  body?: { required?: boolean; media: string[] }; // `required` as written (absent: undefined)
}

// One call, values substituted: `form` and `files` make it multipart.
export interface Call {
  op: Operation;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
  form?: Record<string, unknown>;
  files?: Record<string, File>;
}

export interface Answer {
  ok: boolean; // a 2xx
  status?: number; // unknown on success for clients that return only the body
  data: unknown;
}

export type Caller = (call: Call) => Promise<Answer>;

interface Step {
  op: string;
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  form?: Record<string, unknown>;
  files?: Record<string, { filename: string; type: string; text: string }>;
  save?: Record<string, string>;
  expect?: Record<string, unknown>;
}

interface StepsFile {
  name: string;
  steps: Step[];
}

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function readJson(variable: string): unknown {
  const path = process.env[variable];
  if (!path) throw new Error(`${variable} is not set`);
  return JSON.parse(require('node:fs').readFileSync(path, 'utf8'));
}

function resolve(spec: Json, node: Json): Json {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  let found: unknown = spec;
  for (const part of ref.replace(/^#\//, '').split('/')) found = (found as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return resolve(spec, found as Json);
}

// Every operation of the spec by operationId.
export function operations(spec: Json): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries(spec['paths'] as Json)) {
    const item = rawItem as Json;
    for (const method of METHODS) {
      const raw = item[method] as Json | undefined;
      if (!raw) continue;
      const parameters = [...((item['parameters'] ?? []) as Json[]), ...((raw['parameters'] ?? []) as Json[])].map((p) => {
        const param = resolve(spec, p);
        const schema = param['schema'] ? resolve(spec, param['schema'] as Json) : {};
        return { name: String(param['name']), in: String(param['in']), required: param['required'] === true, default: schema['default'] };
      });
      const rawBody = raw['requestBody'] ? resolve(spec, raw['requestBody'] as Json) : undefined;
      const body = rawBody && {
        required: typeof rawBody['required'] === 'boolean' ? rawBody['required'] : undefined,
        media: Object.keys((rawBody['content'] ?? {}) as Json),
      };
      const tags = (raw['tags'] ?? []) as string[];
      const id = String(raw['operationId']);
      found.set(id, { id, method: method.toUpperCase(), path, tag: tags[0] ?? '', parameters, ...(body ? { body } : {}) });
    }
  }
  return found;
}

// `{name}` in every string; a string that is only `{name}` becomes the value itself.
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function named(name: string, names: Map<string, unknown>): unknown {
  if (!names.has(name)) throw new Error(`unknown placeholder {${name}} (known: ${[...names.keys()].sort().join(', ')})`);
  return names.get(name);
}

export function substitute(value: unknown, names: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(value);
    if (whole?.[1]) return named(whole[1], names);
    return value.replace(PLACEHOLDER, (_, name: string) => {
      const found = named(name, names);
      return typeof found === 'string' ? found : JSON.stringify(found);
    });
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, names));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, names)]));
  }
  return value;
}

const MISSING = Symbol('missing');

// answer.data.assets[0]._id for `data.assets.0._id`.
export function dig(answer: unknown, dotted: string): unknown {
  let node: unknown = answer;
  for (const part of dotted.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(part) && Number(part) < node.length) node = node[Number(part)];
    else if (node && typeof node === 'object' && !Array.isArray(node) && part in node) node = (node as Json)[part];
    else return MISSING;
  }
  return node;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal((a as Json)[k], (b as Json)[k]));
  }
  return false;
}

function show(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 500);
}

async function playFile(generator: string, file: StepsFile, ops: Map<string, Operation>, project: string, call: Caller) {
  const names = new Map<string, unknown>([
    ['project', project],
    ['generator', generator],
    ['run', Math.random().toString(36).slice(2, 12)],
  ]);
  for (const [index, step] of file.steps.entries()) {
    const where = `steps ${file.name}[${index}] (${step.op})`; // main() puts the client's name first
    try {
      const op = ops.get(step.op);
      if (!op) throw new Error(`the spec has no operation ${step.op}`);
      const files = Object.entries((substitute(step.files ?? {}, names) ?? {}) as NonNullable<Step['files']>).map(
        ([field, f]) => [field, new File([f.text], f.filename, { type: f.type })] as const,
      );
      const multipart = step.form !== undefined || step.files !== undefined;
      const answer = await call({
        op,
        path: substitute(step.path ?? {}, names) as Json,
        query: substitute(step.query ?? {}, names) as Json,
        ...(multipart
          ? { form: substitute(step.form ?? {}, names) as Json, files: Object.fromEntries(files) }
          : step.body !== undefined
            ? { body: substitute(step.body, names) }
            : {}),
      });
      if (!answer.ok) throw new Error(`HTTP ${answer.status ?? '?'} ${show(answer.data)}`);
      for (const [name, dotted] of Object.entries(step.save ?? {})) {
        const value = dig(answer.data, dotted);
        if (value === MISSING) throw new Error(`save ${name}: no ${dotted} in ${show(answer.data)}`);
        names.set(name, value);
      }
      for (const [dotted, wanted] of Object.entries(step.expect ?? {})) {
        const expected = substitute(wanted, names);
        const actual = dig(answer.data, dotted);
        if (actual === MISSING || !equal(actual, expected)) {
          throw new Error(`expected ${dotted} = ${show(expected)}, got ${actual === MISSING ? 'nothing' : show(actual)}`);
        }
      }
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : show(error);
      throw new Error(`${where}: ${message.split('\n').join(' ')}`);
    }
  }
}

// Every steps file, in the order check.py gives (name order); returns the number of steps.
export async function playSteps(generator: string, project: string, call: Caller): Promise<number> {
  const ops = operations(readJson('ANGO_SPEC') as Json);
  const files = readJson('ANGO_STEPS') as StepsFile[];
  for (const file of files) await playFile(generator, file, ops, project, call);
  return files.reduce((n, f) => n + f.steps.length, 0);
}

// The form fields and files of a multipart call as one object (fields as the step gives them).
export function formObject(call: Call): Record<string, unknown> {
  return { ...(call.form ?? {}), ...(call.files ?? {}) };
}

// FormData for clients that take one: strings as they are, other values as JSON text.
export function formData(call: Call): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(call.form ?? {})) form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  for (const [key, file] of Object.entries(call.files ?? {})) form.append(key, file);
  return form;
}

// A generated function or service by the name it was made from: exactly, else ignoring case
// and punctuation, since generators camelCase names their own way (`listLLMs` -> `listLlMs`).
export function byName<T>(found: Record<string, T> | undefined, name: string): T | undefined {
  if (!found) return undefined;
  if (name in found) return found[name];
  const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const key = Object.keys(found).find((k) => plain(k) === plain(name));
  return key === undefined ? undefined : found[key];
}

export function isMultipart(call: Call): boolean {
  return call.form !== undefined || call.files !== undefined;
}
