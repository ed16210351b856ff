// Removes, in place, the response links whose `requestBody` is an object from bundled JSON
// specs (dist/). OpenAPI allows any value there, and schemathesis follows these links from
// openapi.yaml, but swagger-parser (openapi-generator 7.26.0 and the tools built on it) accepts
// only a runtime-expression string and reports each as an error ("requestBody is not of type
// `string`"), refusing to generate. The source spec keeps them; the published bundles do not
// (docs/FOR-OTHER-LANGUAGES.md). Links that only pass parameters stay.
// Usage: node drop-body-links.mjs FILE.json...
import { readFileSync, writeFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: drop-body-links.mjs FILE.json...');
  process.exit(2);
}

function dropBodyLinks(spec) {
  const dropped = [];
  for (const item of Object.values(spec.paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        const links = response.links;
        if (!links) continue;
        for (const [name, link] of Object.entries(links)) {
          if (link.requestBody !== undefined && typeof link.requestBody !== 'string') {
            delete links[name];
            dropped.push(`${operation.operationId} ${status} ${name}`);
          }
        }
        if (Object.keys(links).length === 0) delete response.links;
      }
    }
  }
  return dropped;
}

for (const file of files) {
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  const dropped = dropBodyLinks(spec);
  writeFileSync(file, `${JSON.stringify(spec, null, 2)}\n`);
  console.log(`${file}: dropped ${dropped.length} link(s) with an object requestBody`);
}
