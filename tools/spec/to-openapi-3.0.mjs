// The OpenAPI 3.0.3 bundle for 3.0-only tools, generated from the 3.1 bundle (never kept by
// hand). @apiture/openapi-down-convert does the conversion (type lists -> nullable, schema
// `examples` -> `example`, `license.identifier`, ...); this script then removes the three 3.1
// forms it leaves behind, so that the result validates as 3.0:
//   * `info.summary`: folded into `info.description`;
//   * `contentMediaType`/`contentSchema` (listAssets' `filters`): dropped; the parameter stays
//     a string, its description names the `AssetFilters` schema;
//   * `oneOf`/`anyOf` with a `{type: 'null'}` member: `nullable: true` on the other member(s);
//   * `if`/`then` (DataConfigItem: a media column needs a `storage`): dropped; the `type`
//     property's description says it.
// Usage: node to-openapi-3.0.mjs IN.json OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { Converter } from '@apiture/openapi-down-convert';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: to-openapi-3.0.mjs IN.json OUT.json');
  process.exit(2);
}

const isNull = (schema) => schema && schema.type === 'null' && Object.keys(schema).length === 1;

function fixSchemas(node) {
  if (Array.isArray(node)) {
    node.forEach(fixSchemas);
    return;
  }
  if (!node || typeof node !== 'object') return;
  delete node.contentMediaType;
  delete node.contentSchema;
  if (node.if && node.then && typeof node.then === 'object') {
    delete node.if;
    delete node.then;
  }
  for (const key of ['oneOf', 'anyOf']) {
    const members = node[key];
    if (!Array.isArray(members) || !members.some(isNull)) continue;
    const rest = members.filter((m) => !isNull(m));
    delete node[key];
    node.nullable = true;
    // One member left: allOf keeps a $ref usable beside `nullable` (a bare $ref ignores it).
    if (rest.length === 1) node.allOf = rest;
    else node[key] = rest;
  }
  Object.values(node).forEach(fixSchemas);
}

const spec31 = JSON.parse(readFileSync(input, 'utf8'));
const spec30 = new Converter(spec31, { verbose: false }).convert();
spec30.openapi = '3.0.3';
if (spec30.info.summary) {
  spec30.info.description = `${spec30.info.summary}\n\n${spec30.info.description ?? ''}`.trim() + '\n';
  delete spec30.info.summary;
}
fixSchemas(spec30.paths);
fixSchemas(spec30.components);
writeFileSync(output, `${JSON.stringify(spec30, null, 2)}\n`);
