import { OUTPUT_FORMATS } from '../diagnostics/output';
import { closest } from './checks';
import { COMMAND_OPTIONS, commandWord, GLOBAL_OPTIONS } from './command-line';

/** The words of a yargs "Unknown argument(s)" message, each with a suggestion when one is close. */
export function suggestFor(msg: string, argv: string[]): string | undefined {
  const m = /^Unknown arguments?: (.*)$/.exec(msg);
  if (!m) return undefined;
  const command = commandWord(argv);
  const known = command && command in COMMAND_OPTIONS;
  const hints: string[] = [];
  for (const word of m[1].split(', ')) {
    const dashed = argv.find((a) => a.replace(/^-+/, '').replace(/=.*$/, '') === word && a.startsWith('-'));
    if (!known && !dashed) {
      const c = closest(word, Object.keys(COMMAND_OPTIONS));
      hints.push(c ? `'${word}' is not a command; did you mean '${c}'?` : `'${word}' is not a command`);
      continue;
    }
    if (!dashed) {
      hints.push(`'${word}': ${command} takes no such argument`);
      continue;
    }
    const opts = [...(known ? COMMAND_OPTIONS[command] : []), ...GLOBAL_OPTIONS];
    if ((OUTPUT_FORMATS as readonly string[]).includes(word)) {
      hints.push(`unknown option '${dashed}'; did you mean '--format ${word}'?`);
      continue;
    }
    const c = closest(
      word,
      opts.filter((o) => o.length > 1),
    );
    hints.push(
      c ? `unknown option '${dashed.replace(/=.*$/, '')}'; did you mean '--${c}'?` : `unknown option '${dashed.replace(/=.*$/, '')}'`,
    );
  }
  return hints.join('; ');
}
