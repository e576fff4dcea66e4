import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commonRequest, conflictsWith, MuxPatternError, parseMuxPattern } from '../../src/targets/go/add/route-conflicts.js';
import { PATTERN_PAIRS, PATTERN_VALIDITY } from '../helpers/mux-pattern-cases.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * What a real http.ServeMux says about every pattern of the table: whether registering the second
 * of a pair after the first panics (both orders), whether a pattern registers at all, and which
 * pattern serves the request we name as matching both. One `go run` for the whole table.
 */
const PROGRAM = `package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
)

type input struct {
	Pairs    [][2]string
	Patterns []string
	Requests []struct{ Pattern, Method, Host, Path string }
}

type output struct {
	Conflicts [][2]bool
	Valid     []bool
	Served    []string
}

func register(mux *http.ServeMux, pattern string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	mux.Handle(pattern, http.NotFoundHandler())
	return nil
}

// panics reports whether registering second after first panics; first alone must register.
func panics(first, second string) bool {
	mux := http.NewServeMux()
	if err := register(mux, first); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	return register(mux, second) != nil
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var in input
	if err := json.Unmarshal(data, &in); err != nil {
		panic(err)
	}
	var out output
	for _, p := range in.Pairs {
		out.Conflicts = append(out.Conflicts, [2]bool{panics(p[0], p[1]), panics(p[1], p[0])})
	}
	for _, p := range in.Patterns {
		out.Valid = append(out.Valid, register(http.NewServeMux(), p) == nil)
	}
	for _, r := range in.Requests {
		mux := http.NewServeMux()
		if err := register(mux, r.Pattern); err != nil {
			panic(err)
		}
		req := httptest.NewRequest(r.Method, "http://"+r.Host+r.Path, nil)
		_, served := mux.Handler(req)
		out.Served = append(out.Served, served)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
`;

interface GoVerdict {
  Conflicts: [boolean, boolean][];
  Valid: boolean[];
  Served: string[];
}

interface RequestCheck {
  Pattern: string;
  Method: string;
  Host: string;
  Path: string;
}

function ourValidity(pattern: string): boolean {
  try {
    parseMuxPattern(pattern);
    return true;
  } catch (error) {
    if (error instanceof MuxPatternError) return false;
    throw error;
  }
}

/** For each conflicting pair, the request we name, to be sent to a mux holding each pattern alone. */
function requestChecks(): RequestCheck[] {
  return PATTERN_PAIRS.filter((pair) => pair.conflict).flatMap(({ p1, p2 }) => {
    const request = commonRequest(parseMuxPattern(p1), parseMuxPattern(p2));
    const space = request.indexOf(' ');
    const target = request.slice(space + 1);
    const slash = target.indexOf('/');
    const host = target.slice(0, slash) || 'service.test';
    return [p1, p2].map((pattern) => ({ Pattern: pattern, Method: request.slice(0, space), Host: host, Path: target.slice(slash) }));
  });
}

describe('route conflicts agree with net/http', () => {
  let dir: string;
  let verdict: GoVerdict;
  const requests = requestChecks();

  beforeAll(async () => {
    dir = makeTempDir('mux-patterns-');
    fs.writeFileSync(path.join(dir, 'go.mod'), 'module muxpatterns\n\ngo 1.22\n');
    fs.writeFileSync(path.join(dir, 'main.go'), PROGRAM);
    const cases = { Pairs: PATTERN_PAIRS.map((pair) => [pair.p1, pair.p2]), Patterns: PATTERN_VALIDITY.map(([pattern]) => pattern), Requests: requests };
    fs.writeFileSync(path.join(dir, 'cases.json'), JSON.stringify(cases));
    const run = await execa('go', ['run', '.', 'cases.json'], { cwd: dir, reject: false, all: true, env: { GOTOOLCHAIN: 'local', GOFLAGS: '' } });
    expect(run.exitCode, run.all).toBe(0);
    verdict = JSON.parse(run.stdout) as GoVerdict;
  });

  afterAll(() => {
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('panics on exactly the pairs we call conflicting, in either order', () => {
    expect(verdict.Conflicts).toHaveLength(PATTERN_PAIRS.length);
    const disagreements = PATTERN_PAIRS.flatMap((pair, i) => {
      const [forward, backward] = verdict.Conflicts[i] ?? [undefined, undefined];
      const ours = conflictsWith(parseMuxPattern(pair.p1), parseMuxPattern(pair.p2));
      return forward === ours && backward === ours && ours === pair.conflict ? [] : [{ ...pair, go: [forward, backward], ours }];
    });
    expect(disagreements).toEqual([]);
  });

  it('refuses exactly the patterns our parser refuses', () => {
    expect(verdict.Valid).toHaveLength(PATTERN_VALIDITY.length);
    const disagreements = PATTERN_VALIDITY.flatMap(([pattern, valid], i) => {
      const go = verdict.Valid[i];
      return go === valid && ourValidity(pattern) === go ? [] : [{ pattern, table: valid, go, ours: ourValidity(pattern) }];
    });
    expect(disagreements).toEqual([]);
  });

  it('serves the request we name for a conflict by either pattern alone', () => {
    expect(requests.length).toBeGreaterThan(20);
    const unmatched = requests.filter((request, i) => verdict.Served[i] !== request.Pattern);
    expect(unmatched).toEqual([]);
  });
});
