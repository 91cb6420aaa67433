// Parses a script as ECMAScript 3, the language of After Effects' ExtendScript engine:
//   node tools/js/es3-check.js path/to/script.jsx
// Prints {"ok":true,"statements":N} or {"ok":false,"message":"…","line":L,"column":C} (exit 0 either
// way, so the caller reads the verdict from the JSON; exit 2 on a usage error).
'use strict';
const fs = require('fs');
const acorn = require('acorn');

const file = process.argv[2];
if (!file) {
  console.error('usage: node es3-check.js SCRIPT');
  process.exit(2);
}
const source = fs.readFileSync(file, 'utf8');
try {
  const ast = acorn.parse(source, { ecmaVersion: 3, sourceType: 'script', allowReserved: false, locations: true });
  console.log(JSON.stringify({ ok: true, statements: ast.body.length }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, message: e.message, line: e.loc ? e.loc.line : null,
    column: e.loc ? e.loc.column : null }));
}
