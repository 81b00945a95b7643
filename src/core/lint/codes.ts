import { defineCodes } from '../diagnostics';

/** Diagnostics about a file as a whole and about the lint's own output, for every kind of file. */
export const lintCodes = defineCodes({
  'file/unreadable': { severity: 'error', rule: 'A file or folder entry the lint finds can be read as a regular file (the message says why not: a dangling or looping link, a folder named like a script, a FIFO or device, no permission).' },
  'file/not-utf8': { severity: 'error', rule: 'Script and SSML files are UTF-8 text: MetaStudio reads nothing else.' },
  'lint/more-problems': { severity: 'info', rule: 'At most 1,000 diagnostics of one code are listed per file; one diagnostic, at the first one left out, counts the rest.' },
});

export type LintCode = keyof typeof lintCodes;
