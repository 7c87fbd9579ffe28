// Code blocks of the project's Markdown pages, run as programs against the suite's dev node, so
// that what a reader copies keeps working.

import { readFileSync } from 'node:fs';

/** The URL the pages tell readers to connect to; programs get the suite's node instead. */
const DOCUMENTED_URL = 'ws://127.0.0.1:9944';
const AsyncFunction = (async () => {}).constructor;

/** The code blocks of `language` of the Markdown page at `page`, in order, from the heading `from` on. */
export function codeBlocks(page, language, from = '') {
  const text = readFileSync(page, 'utf8');
  const start = text.indexOf(from);
  if (start < 0) throw new Error(`${page} has no "${from}"`);
  return [...text.slice(start).matchAll(new RegExp(`\`\`\`${language}\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1]);
}

/** The `js` code blocks of the Markdown page at `page`, in order, from the heading `from` on. */
export function jsBlocks(page, from = '') {
  return codeBlocks(page, 'js', from);
}

/**
 * The blocks as one async function that returns the variables named in `results`. Static
 * imports, which the pages write as `import { a, b } from '...';`, become dynamic ones:
 * packages resolve to this suite's, relative paths from `base` (the directory the page tells
 * readers to run in), and a specifier that `modules` names gets that object instead. The
 * documented URL becomes `url`.
 */
export function program(blocks, { url, results, base, modules = {} }) {
  const body = blocks
    .join('\n')
    .replace(/^\s*import \{([^}]*)\} from '([^']+)';$/gm, (_, names, from) => {
      const bindings = names.replaceAll(' as ', ': ');
      if (Object.hasOwn(modules, from)) return `const {${bindings}} = __modules[${JSON.stringify(from)}];`;
      const resolved = from.startsWith('.') ? new URL(from, base).href : import.meta.resolve(from);
      return `const {${bindings}} = await import('${resolved}');`;
    })
    .replaceAll(DOCUMENTED_URL, url);
  const unsupported = body.match(/^\s*import\b.*$/m);
  if (unsupported) throw new Error(`snippets import only as \`import { ... } from '...';\`: ${unsupported[0].trim()}`);
  const run = new AsyncFunction('__modules', `${body}\nreturn { ${results.join(', ')} };`);
  return () => run(modules);
}
