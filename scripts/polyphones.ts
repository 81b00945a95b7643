/**
 * Writes src/core/ssml/polyphoneTable.ts: every polyphone pinyin-pro knows, so that the lint pass looks
 * characters up without loading pinyin-pro (docs/decisions/polyphones.md). Run it after upgrading
 * pinyin-pro; a unit test (test/unit/ssml/polyphones.test.ts) says when the table is out of date.
 *
 * Usage: npx tsx scripts/polyphones.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { polyphoneTableText } from '../src/core/ssml/pinyinReadings';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('pinyin-pro/package.json') as { version: string };
const table = polyphoneTableText();
writeFileSync(join(__dirname, '../src/core/ssml/polyphoneTable.ts'), `/** Written by scripts/polyphones.ts from pinyin-pro ${version}: do not edit. */
export const polyphoneTableSource = 'pinyin-pro ${version}';

/** Every polyphone, \`行xing2,hang2,hang4,heng2\`, separated by spaces (see polyphoneTableText). */
export const polyphoneTable = '${table}';
`);
console.log(`${table.split(' ').length} polyphones from pinyin-pro ${version}`);
