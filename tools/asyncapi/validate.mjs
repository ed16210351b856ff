// Validate an AsyncAPI document with the AsyncAPI parser (pinned in package-lock.json):
// schema and semantic errors, and warnings too, fail. Usage: node validate.mjs FILE
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { Parser } = require("@asyncapi/parser");

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await parser.parse(readFileSync(file, "utf8"), {
  source: file,
});
const severity = ["error", "warning", "info", "hint"];
const problems = diagnostics.filter((d) => d.severity <= 1);
for (const d of diagnostics) {
  const where = d.path.join(".") || "(document)";
  console.log(`${severity[d.severity]} ${d.code} at ${where}: ${d.message}`);
}
if (!document || problems.length > 0) {
  console.log(`${file}: ${problems.length} error(s)/warning(s)`);
  process.exit(1);
}
console.log(
  `${file}: valid AsyncAPI ${document.version()}, ` +
    `${document.channels().length} channels, ${document.operations().length} operations, ` +
    `${document.allMessages().length} messages`,
);
