/**
 * TLC's command line, accepted as is by `tlaw check`, so that a script
 * written for `java tlc2.TLC` switches by changing the program name:
 *
 *   tlaw check -workers 2 -deadlock -config X.cfg Spec
 *
 * Before commander reads the arguments, TLC's single-dash options become
 * tlaw's: `-config F` → `--config F`, `-deadlock` (TLC: do not check for
 * deadlock) → `--no-deadlock`, `-workers N|auto` → `--workers N`,
 * `-simulate [num=N]` → `--simulate N`, `-depth N`, `-seed N`, `-coverage N`
 * (the embedded engine's `--coverage`), `-fpmem X` → `--fpmem X`, `-h`/`-help` → `--help`; a spec
 * named without `.tla`, as TLC allows, gets it. TLC's other options
 * (`-fp 3`, `-checkpoint 0`, `-dumpTrace json f`, `-gzip`, …) go to TLC
 * through `--tlc-args`, which only `--engine tlc` accepts.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** TLC options passed on to TLC, with how many values each takes. */
const TLC_ONLY: Record<string, number> = {
  '-fp': 1,
  '-fpbits': 1,
  '-maxSetSize': 1,
  '-checkpoint': 1,
  '-recover': 1,
  '-metadir': 1,
  '-dfid': 1,
  '-teSpecOutDir': 1,
  '-userFile': 1,
  '-lncheck': 1,
  '-postCondition': 1,
  '-dumpTrace': 2,
  '-dump': 1,
  '-gzip': 0,
  '-terse': 0,
  '-nowarning': 0,
  '-continue': 0,
  '-view': 0,
  '-difftrace': 0,
  '-cleanup': 0,
  '-noGenerateSpecTE': 0,
  '-generateSpecTE': 0,
  '-tool': 0,
  '-debug': 0,
};

/** Number of behaviours for TLC's `-simulate` without `num=`: as TLC, without end. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

function quote(word: string): string {
  return /[\s'"\\]/.test(word) ? `'${word.replace(/'/g, `'\\''`)}'` : word;
}

function engineIsTlc(args: readonly string[]): boolean {
  return args.some((a, i) => a === '--engine=tlc' || (a === '--engine' && args[i + 1] === 'tlc'));
}

/**
 * `argv` (node, script, command, …) with TLC's options of a `check` command
 * turned into tlaw's; any other command is returned unchanged.
 */
export function translateTlcOptions(argv: readonly string[]): string[] {
  const at = argv.findIndex((a, i) => i >= 2 && !a.startsWith('-'));
  if (at < 0 || argv[at] !== 'check') return [...argv];
  const head = argv.slice(0, at + 1);
  const rest = argv.slice(at + 1);
  const tlc = engineIsTlc(rest);
  const out: string[] = [];
  const passOn: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const next = rest[i + 1];
    switch (a) {
      case '--tlc-args':
      case '--java-opts':
        // Their values are TLC's and the JVM's own words: left alone.
        out.push(a, ...(next !== undefined ? [rest[++i]!] : []));
        continue;
      case '-config':
      case '-depth':
      case '-seed':
      case '-fpmem':
        out.push(`-${a}`);
        if (next !== undefined) out.push(rest[++i]!);
        continue;
      case '-workers': {
        if (next === undefined) {
          out.push('--workers');
          continue;
        }
        i++;
        // Both engines take a number of workers; `auto` becomes one per core, as TLC reads it.
        out.push('--workers', next === 'auto' ? String(availableParallelism()) : next);
        continue;
      }
      case '-deadlock':
        out.push('--no-deadlock');
        continue;
      case '-simulate': {
        // `-simulate`, `-simulate num=N`, `-simulate file=F,num=N`.
        const spec = next !== undefined && /^(num|file|stats)=/.test(next) ? rest[++i]! : '';
        const num = /(?:^|,)num=(\d+)/.exec(spec)?.[1];
        out.push('--simulate', num ?? String(UNBOUNDED));
        continue;
      }
      case '-coverage':
        if (tlc) passOn.push(a, ...(next !== undefined ? [rest[++i]!] : []));
        else {
          out.push('--coverage');
          if (next !== undefined && /^\d+$/.test(next)) i++;
        }
        continue;
      case '-h':
      case '-help':
        out.push('--help');
        continue;
    }
    const arity = TLC_ONLY[a];
    if (arity !== undefined) {
      passOn.push(a, ...rest.slice(i + 1, i + 1 + arity));
      i += arity;
      continue;
    }
    out.push(withTlaExtension(a));
  }
  if (passOn.length === 0) return [...head, ...out];
  // Merged with a --tlc-args the command line already has.
  const given = out.indexOf('--tlc-args');
  const words = passOn.map(quote).join(' ');
  if (given >= 0 && out[given + 1] !== undefined) {
    out[given + 1] = `${out[given + 1]} ${words}`;
    return [...head, ...out];
  }
  return [...head, ...out, '--tlc-args', words];
}

/** TLC takes a spec as `Spec` or `Spec.tla`: a bare name of an existing `Spec.tla` gets its extension. */
function withTlaExtension(arg: string): string {
  if (arg.startsWith('-') || arg.endsWith('.tla') || existsSync(arg)) return arg;
  return existsSync(`${arg}.tla`) ? `${arg}.tla` : arg;
}
