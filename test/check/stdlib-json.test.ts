import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluatorIn } from '../fixtures/stdlib/evaluate.js';

const dir = mkdtempSync(join(tmpdir(), 'tlaw-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODULES = ['Integers', 'Sequences', 'TLC', 'Json'];

describe('Json: values as JSON text', () => {
  const cases: [string, string][] = [
    ['ToJson([b |-> <<1, "x">>, a |-> TRUE])', '{"a":true,"b":[1,"x"]}'],
    ['ToJson({3, 1})', '[1,3]'],
    ['ToJson(<<>>)', '[]'],
    ['ToJson((2 :> "two" @@ 5 :> "five"))', '{"2":"two","5":"five"}'],
    ['ToJson("say \\"hi\\"")', '"say \\"hi\\""'],
    ['ToJsonArray(<<[k |-> 1], {}>>)', '[{"k":1},[]]'],
    ['ToJsonObject(<<"a", "b">>)', '{"0":"a","1":"b"}'],
    ['ToJsonObject([x |-> -1])', '{"x":-1}'],
  ];
  const evaluate = evaluatorIn(
    dir,
    MODULES,
    cases.map(([e]) => e),
  );
  it.each(cases)('%s', (expr, json) => {
    // printValue quotes the string: compare the JSON text inside.
    expect(JSON.parse(evaluate(expr))).toBe(json);
  });
});

describe('Json: files, relative to the spec', () => {
  it('JsonSerialize writes an array that JsonDeserialize reads back', () => {
    const evaluate = evaluatorIn(dir, MODULES, [
      'JsonSerialize("out/trace.json", <<[x |-> 1], [x |-> 2, y |-> <<TRUE>>]>>)',
      'JsonDeserialize("out/trace.json")',
    ]);
    expect(evaluate('JsonSerialize("out/trace.json", <<[x |-> 1], [x |-> 2, y |-> <<TRUE>>]>>)')).toBe(
      'TRUE',
    );
    expect(readFileSync(join(dir, 'out', 'trace.json'), 'utf8')).toBe('[\n{"x":1},\n{"x":2,"y":[true]}\n]\n');
    expect(evaluate('JsonDeserialize("out/trace.json")')).toBe('<<[x |-> 1], [x |-> 2, y |-> <<TRUE>>]>>');
  });

  it('ndJsonSerialize writes one value per line; ndJsonDeserialize skips blank lines', () => {
    const evaluate = evaluatorIn(dir, MODULES, [
      'ndJsonSerialize("values.ndjson", <<1, "two", {3}>>)',
      'ndJsonDeserialize("values.ndjson")',
      'ndJsonDeserialize("spaced.ndjson")',
    ]);
    expect(evaluate('ndJsonSerialize("values.ndjson", <<1, "two", {3}>>)')).toBe('TRUE');
    expect(readFileSync(join(dir, 'values.ndjson'), 'utf8')).toBe('1\n"two"\n[3]\n');
    expect(evaluate('ndJsonDeserialize("values.ndjson")')).toBe('<<1, "two", <<3>>>>');
    writeFileSync(join(dir, 'spaced.ndjson'), '{"b": 2, "a": 1}\n\n  [false]  \n');
    expect(evaluate('ndJsonDeserialize("spaced.ndjson")')).toBe('<<[a |-> 1, b |-> 2], <<FALSE>>>>');
  });

  it('reports a missing file, a fraction and a null as evaluation errors', () => {
    mkdirSync(join(dir, 'bad'), { recursive: true });
    writeFileSync(join(dir, 'bad', 'fraction.json'), '[1.5]');
    writeFileSync(join(dir, 'bad', 'null.json'), '{"a": null}');
    const evaluate = evaluatorIn(dir, MODULES, [
      'JsonDeserialize("bad/none.json")',
      'JsonDeserialize("bad/fraction.json")',
      'JsonDeserialize("bad/null.json")',
    ]);
    expect(() => evaluate('JsonDeserialize("bad/none.json")')).toThrow(/Cannot read .*none\.json/);
    expect(() => evaluate('JsonDeserialize("bad/fraction.json")')).toThrow(/1\.5 .* is not an integer/);
    expect(() => evaluate('JsonDeserialize("bad/null.json")')).toThrow(/JSON null/);
  });
});
