import { describe, expect, it } from 'vitest';
import type { CheckJob } from '../../src/cli/check-jobs.js';
import { formatAnnotations, formatJobSummary } from '../../src/cli/ci-github.js';
import { formatJunit, xmlEscape } from '../../src/cli/ci-junit.js';
import type { ModelOutcome } from '../../src/cli/ci-outcome.js';

const job: CheckJob = {
  name: 'a<b>&"c"',
  spec: 'specs/Spec.tla',
  config: 'specs/Spec.cfg',
  expect: { result: 'ok' },
};

const failed: ModelOutcome = {
  job,
  status: 'fail',
  reason: 'expected ok, got invariant-violation (Inv): 100% wrong, really',
  result: {
    result: 'invariant-violation',
    violated: 'Inv',
    distinctStates: 3,
    durationMs: 1500,
    exitCode: 12,
    message: 'Invariant Inv is violated.',
    diagnostics: [],
  },
  durationMs: 1500,
  exitCode: 12,
  location: { file: 'specs/Spec.tla', line: 7, col: 1 },
};

const skipped: ModelOutcome = {
  job: { ...job, name: 'sim' },
  status: 'skip',
  reason: 'checked by simulation, which only the embedded engine runs',
  result: null,
  durationMs: 0,
  exitCode: 0,
};

describe('tlaw ci reports that other tools parse', () => {
  it('JUnit: escapes names and messages, drops characters XML cannot hold, counts failures and skips', () => {
    expect(xmlEscape(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const xml = formatJunit('specs/models.json', [failed, skipped]);
    expect(xml).toMatch(
      /<testsuites name="tlaw ci" tests="2" failures="1" errors="0" skipped="1" time="1.500">/,
    );
    expect(xml).toContain('<testcase name="a&lt;b&gt;&amp;&quot;c&quot;" classname="Spec"');
    expect(xml).toContain(
      '<failure message="expected ok, got invariant-violation (Inv): 100% wrong, really"',
    );
    expect(xml).toContain('result: invariant-violation (Inv) (exit code 12)');
    expect(xml).toContain('<skipped message="checked by simulation');
    // Well formed: every element that opens closes.
    for (const tag of ['testsuites', 'testsuite', 'testcase', 'failure']) {
      const opened = xml.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
      const closed =
        (xml.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0) +
        (xml.match(new RegExp(`<${tag} [^>]*/>`, 'g'))?.length ?? 0);
      expect(closed).toBe(opened);
    }
  });

  it("GitHub: one ::error per failure with GitHub's escaping of %, newlines, ':' and ','", () => {
    const lines = formatAnnotations([
      { ...failed, savedTrace: 'traces/x.itf.json', job: { ...job, name: 'm:1,2' } },
      skipped,
    ]);
    expect(lines).toEqual([
      '::error file=specs/Spec.tla,line=7,col=1,title=tlaw ci%3A m%3A1%2C2::' +
        'm:1,2: expected ok, got invariant-violation (Inv): 100%25 wrong, really%0ACounterexample saved to traces/x.itf.json',
    ]);
  });

  it('job summary: a row per model with | escaped, then the failures', () => {
    const md = formatJobSummary(
      [failed, { ...skipped, job: { ...job, name: 'x|y' } }],
      'tlaw ci specs/models.json',
    );
    expect(md).toMatch(/^## tlaw ci specs\/models\.json: 0 of 1 models as expected\n/);
    expect(md).toContain('| ❌ | a&lt;b&gt;&amp;"c" | ok | invariant-violation (Inv) | 3 | 1.50s |');
    expect(md).toContain('| ⏭️ | x\\|y | ok | skipped |  | 0.00s |');
    expect(md).toMatch(/### Failures\n\n- \*\*a&lt;b&gt;&amp;"c"\*\*: expected ok/);
  });
});
