import { languagesWith } from './helpers';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Language, Problem, TestCase } from '../../../src/core/pack/types';
import type { CaseResult } from '../../../src/core/runner/types';
import { makeProblem, runCode, tempDir } from './helpers';

/** A stream deduplicator: `isDuplicate(id)` says whether `id` is among the previous `window` ids. */
function dedupeProblem(cases: TestCase[], limits = { timeMs: 10_000, memoryMb: 256 }): Problem {
  return makeProblem({
    function: undefined,
    limits,
    class: {
      name: 'StreamDeduper',
      methods: [
        { name: 'StreamDeduper', params: [{ name: 'window', type: 'int' }], returns: 'void' },
        { name: 'isDuplicate', params: [{ name: 'id', type: 'int' }], returns: 'bool', names: { python: 'is_duplicate' } },
        { name: 'size', params: [], returns: 'int' },
        { name: 'echo', params: [{ name: 'value', type: 'any' }], returns: 'any' },
      ],
    },
    cases,
  });
}

const windowed: Partial<Record<Language, string>> = {
  python: `from collections import deque
from copy import deepcopy


class StreamDeduper:
    def __init__(self, window):
        self.window = window
        self.order = deque()
        self.counts = {}

    def is_duplicate(self, id):
        seen = id in self.counts
        self.order.append(id)
        self.counts[id] = self.counts.get(id, 0) + 1
        if len(self.order) > self.window:
            old = self.order.popleft()
            left = self.counts[old] - 1
            if left:
                self.counts[old] = left
            else:
                del self.counts[old]
        return seen

    def size(self):
        return len(self.counts)

    def echo(self, value):
        copy = deepcopy(value)
        value["c"].append(0)  # changes its argument: the next iteration must not see it
        return copy
`,
  javascript: `class StreamDeduper {
  constructor(window) {
    this.window = window;
    this.ring = new Array(window);
    this.next = 0;
    this.filled = 0;
    this.counts = new Map();
  }
  isDuplicate(id) {
    const seen = this.counts.has(id);
    if (this.filled === this.window) {
      const old = this.ring[this.next];
      const left = this.counts.get(old) - 1;
      if (left) this.counts.set(old, left);
      else this.counts.delete(old);
    } else this.filled++;
    this.ring[this.next] = id;
    this.next = (this.next + 1) % this.window;
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    return seen;
  }
  size() { return this.counts.size; }
  echo(value) { const copy = JSON.parse(JSON.stringify(value)); value.c.push(0); return copy; }
}
`,
  typescript: `export class StreamDeduper {
  private readonly ring: number[];
  private next = 0;
  private filled = 0;
  private readonly counts = new Map<number, number>();
  constructor(private readonly window: number) {
    this.ring = new Array<number>(window);
  }
  isDuplicate(id: number): boolean {
    const seen = this.counts.has(id);
    if (this.filled === this.window) {
      const old = this.ring[this.next];
      const left = (this.counts.get(old) ?? 1) - 1;
      if (left) this.counts.set(old, left);
      else this.counts.delete(old);
    } else this.filled++;
    this.ring[this.next] = id;
    this.next = (this.next + 1) % this.window;
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    return seen;
  }
  size(): number { return this.counts.size; }
  echo(value: { c: number[] }): unknown { const copy: unknown = JSON.parse(JSON.stringify(value)); value.c.push(0); return copy; }
}
`,
  go: `package main

type StreamDeduper struct {
	window int
	ring   []int
	next   int
	counts map[int]int
}

func Constructor(window int) StreamDeduper {
	return StreamDeduper{window: window, counts: map[int]int{}}
}

func (this *StreamDeduper) IsDuplicate(id int) bool {
	_, seen := this.counts[id]
	if len(this.ring) == this.window {
		old := this.ring[this.next]
		if left := this.counts[old] - 1; left > 0 {
			this.counts[old] = left
		} else {
			delete(this.counts, old)
		}
		this.ring[this.next] = id
	} else {
		this.ring = append(this.ring, id)
	}
	this.next = (this.next + 1) % this.window
	this.counts[id]++
	return seen
}

func (this *StreamDeduper) Size() int { return len(this.counts) }

// Echo changes its argument: the next iteration must not see it.
func (this *StreamDeduper) Echo(value map[string]interface{}) interface{} {
	c, _ := value["c"].([]interface{})
	copied := map[string]interface{}{}
	for k, v := range value {
		copied[k] = v
	}
	copied["c"] = append([]interface{}(nil), c...)
	value["c"] = append(c, 0)
	return copied
}
`,
  java: `import java.util.*;

class StreamDeduper {
    private final int window;
    private final int[] ring;
    private int next;
    private int filled;
    private final Map<Integer, Integer> counts = new HashMap<>();

    public StreamDeduper(int window) {
        this.window = window;
        this.ring = new int[window];
    }

    public boolean isDuplicate(int id) {
        boolean seen = counts.containsKey(id);
        if (filled == window) {
            int old = ring[next];
            int left = counts.get(old) - 1;
            if (left > 0) counts.put(old, left);
            else counts.remove(old);
        } else filled++;
        ring[next] = id;
        next = (next + 1) % window;
        counts.merge(id, 1, Integer::sum);
        return seen;
    }

    public int size() { return counts.size(); }

    // echo changes its argument: the next iteration must not see it.
    @SuppressWarnings("unchecked")
    public Object echo(Map<String, Object> value) {
        List<Object> c = (List<Object>) value.get("c");
        Map<String, Object> copy = new HashMap<>(value);
        copy.put("c", new ArrayList<>(c));
        c.add(0);
        return copy;
    }
}
`,
  // echo takes a map of lists: `expressions`' argument mixes lists, maps and strings, which no one C++ type holds.
  cpp: `class StreamDeduper {
    int window;
    vector<int> ring;
    size_t next = 0;
    unordered_map<int, int> counts;
public:
    StreamDeduper(int window) : window(window) {}
    bool isDuplicate(int id) {
        bool seen = counts.count(id) > 0;
        if ((int)ring.size() == window) {
            int old = ring[next];
            if (--counts[old] == 0) counts.erase(old);
            ring[next] = id;
        } else {
            ring.push_back(id);
        }
        next = (next + 1) % window;
        counts[id]++;
        return seen;
    }
    int size() { return counts.size(); }
    unordered_map<string, vector<long long>> echo(unordered_map<string, vector<long long>>& value) {
        auto copy = value;
        value["c"].push_back(0);
        return copy;
    }
};
`,
};

/** Remembers every id forever: right answers while ids stay distinct, but memory grows with the stream. */
const keepsEverything: Partial<Record<Language, string>> = {
  python: `class StreamDeduper:
    def __init__(self, window):
        self.seen = set()

    def is_duplicate(self, id):
        if id in self.seen:
            return True
        self.seen.add(id)
        return False
`,
  javascript: `class StreamDeduper {
  constructor(window) { this.seen = new Set(); }
  isDuplicate(id) {
    if (this.seen.has(id)) return true;
    this.seen.add(id);
    return false;
  }
}
`,
  typescript: `export class StreamDeduper {
  private readonly seen = new Set<number>();
  constructor(_window: number) {}
  isDuplicate(id: number): boolean {
    if (this.seen.has(id)) return true;
    this.seen.add(id);
    return false;
  }
}
`,
  go: `package main

type StreamDeduper struct{ seen map[int]bool }

func Constructor(window int) StreamDeduper { return StreamDeduper{seen: map[int]bool{}} }

func (this *StreamDeduper) IsDuplicate(id int) bool {
	if this.seen[id] {
		return true
	}
	this.seen[id] = true
	return false
}
`,
  java: `import java.util.*;

class StreamDeduper {
    private final Set<Integer> seen = new HashSet<>();

    public StreamDeduper(int window) { }

    public boolean isDuplicate(int id) {
        return !seen.add(id);
    }
}
`,
  cpp: `class StreamDeduper {
    unordered_set<int> seen;
public:
    StreamDeduper(int window) {}
    bool isDuplicate(int id) {
        return !seen.insert(id).second;
    }
};
`,
};

/** Stores ids in a fixed buffer of 10,000 and fails on the next one (line 6 in each language). */
const fixedBuffer: Partial<Record<Language, string>> = {
  python: `class StreamDeduper:
    def __init__(self, window):
        self.buf = [None] * 10000
        self.n = 0
    def is_duplicate(self, id):
        self.buf[self.n] = id
        self.n += 1
        return False
`,
  javascript: `class StreamDeduper {
  constructor(window) { this.buf = new Int32Array(10000); this.n = 0; }
  isDuplicate(id) {
    if (this.n === this.buf.length) {
      // a full buffer
      throw new RangeError('buffer full');
    }
    this.buf[this.n++] = id;
    return false;
  }
}
`,
  typescript: `export class StreamDeduper {
  private buf = new Int32Array(10000); private n = 0;
  constructor(_window: number) {}
  isDuplicate(id: number): boolean {
    if (this.n === this.buf.length) {
      throw new RangeError('buffer full');
    }
    this.buf[this.n++] = id;
    return false;
  }
}
`,
  go: `package main

type StreamDeduper struct{ buf [10000]int32; n int }
func Constructor(window int) StreamDeduper { return StreamDeduper{} }
func (this *StreamDeduper) IsDuplicate(id int) bool {
	this.buf[this.n] = int32(id)
	this.n++
	return false
}
`,
  java: `class StreamDeduper {
    private final int[] buf = new int[10000];
    private int n;
    public StreamDeduper(int window) { }
    public boolean isDuplicate(int id) {
        buf[n++] = id;
        return false;
    }
}
`,
  cpp: `class StreamDeduper {
    vector<int> buf = vector<int>(10000); size_t n = 0;
public:
    StreamDeduper(int window) {}
    bool isDuplicate(int id) {
        if (n == buf.size()) throw out_of_range("buffer full");
        buf[n++] = id;
        return false;
    }
};
`,
};

const ctor = (window: number): Pick<TestCase, 'ops' | 'opArgs' | 'expected'> => ({ ops: ['StreamDeduper'], opArgs: [[window]], expected: [null] });

/** 200,000 ops: each id twice in a row, so the first call says new and the second duplicate. */
const twoHundredThousand: TestCase = {
  name: 'each id twice',
  tags: ['large'],
  ops: ['StreamDeduper', 'isDuplicate'],
  opArgs: [[10], [-1]],
  expected: [null, false],
  repeat: { times: 100_000, ops: ['isDuplicate', 'isDuplicate'], args: [[{ $i: [1, 1000] }], [{ $i: [1, 1000] }]], expected: [false, true] },
};

/** Ids cycle with period 1000 (`$i` mod 1000) through a window of 5: a repeat 1000 steps later is new. */
const cycling: TestCase = {
  name: 'ids come back after the window',
  tags: [],
  ...ctor(5),
  repeat: { times: 1500, ops: ['isDuplicate', 'isDuplicate'], args: [[{ $i: [1, 0, 1000] }], [{ $i: [1, 0, 1000] }]], expected: [false, true] },
};

/**
 * Expressions deep inside arguments and as expected values; `echo` appends to `c`, which must come
 * fresh on every iteration. `echo` hands its argument back, so each
 * expected expression is written in another form that gives the same numbers: (3i - 10) mod 7 is
 * (3i + 4) mod 7 only when mod is in 0..m-1, and 2i + 1 is (2i + 1) mod 1000 while i < 300.
 */
const expressions: TestCase = {
  name: 'nested expressions',
  tags: [],
  ...ctor(1000),
  repeat: {
    times: 300,
    ops: ['isDuplicate', 'size', 'echo'],
    args: [[{ $i: [2, 1] }], [], [{ k: [{ $i: [2, 1] }, 'x'], m: { n: { $i: [3, -10, 7] } }, c: [1, 2] }]],
    expected: [false, { $i: [1, 1] }, { k: [{ $i: [2, 1, 1000] }, 'x'], m: { n: { $i: [3, 4, 7] } }, c: [1, 2] }],
  },
};

/** `expressions` in values one C++ type holds: a map of lists. */
const typedExpressions: TestCase = {
  name: 'nested expressions in a map of lists',
  tags: [],
  ...ctor(1000),
  repeat: {
    times: 300,
    ops: ['isDuplicate', 'size', 'echo'],
    args: [[{ $i: [2, 1] }], [], [{ k: [{ $i: [2, 1] }, { $i: [3, -10, 7] }], c: [1, 2] }]],
    expected: [false, { $i: [1, 1] }, { k: [{ $i: [2, 1, 1000] }, { $i: [3, 4, 7] }], c: [1, 2] }],
  },
};

const bufferCase: TestCase = {
  name: 'more ids than a fixed buffer holds',
  tags: [],
  ...ctor(10),
  repeat: { times: 20_000, ops: ['isDuplicate'], args: [[{ $i: [1, 0] }]], expected: [false] },
};

/** Distinct ids only: right answers from both solutions, so only memory tells them apart. */
function distinctIds(times: number): TestCase {
  return { name: `${times} distinct ids`, tags: ['large'], ...ctor(1000), repeat: { times, ops: ['isDuplicate'], args: [[{ $i: [1, 1_000_000] }]], expected: [false] } };
}

/**
 * Sized so that keeping every id needs several times the limit (an id in a set costs 40-60 bytes in
 * CPython, 16-30 in V8), while the windowed reference stays within a few MB of its baseline.
 */
const MEMORY: Partial<Record<Language, { memoryMb: number; times: number }>> = {
  python: { memoryMb: 24, times: 1_000_000 },
  javascript: { memoryMb: 16, times: 1_500_000 },
  typescript: { memoryMb: 16, times: 1_500_000 },
  // A Go map entry costs about 40 bytes; the runtime itself keeps a few MB.
  go: { memoryMb: 24, times: 2_000_000 },
  // -Xmx is the limit; a boxed Integer in a HashSet costs about 50 bytes.
  java: { memoryMb: 24, times: 1_000_000 },
  // An unordered_set<int> node with its bucket costs about 40 bytes.
  cpp: { memoryMb: 24, times: 2_000_000 },
};

function describeResult(r: CaseResult): string {
  return `${r.verdict}: ${r.message ?? ''} ${JSON.stringify(r.actual)?.slice(0, 300)}`;
}

for (const language of languagesWith(windowed, keepsEverything, fixedBuffer, MEMORY)) {
  describe(`runner: repeat blocks (${language})`, function () {
    this.timeout(60_000);
    const dir = tempDir();
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('passes a block of 200,000 ops with the listed outputs and a small summary as actual', async () => {
      const run = await runCode(dir, language, windowed[language]!, dedupeProblem([twoHundredThousand, cycling, language === 'cpp' ? typedExpressions : expressions]));
      assert.equal(run.error, undefined, run.error?.message);
      for (const r of run.cases) assert.equal(r.verdict, 'passed', `${r.name}: ${describeResult(r)}`);
      const [big] = run.cases;
      assert.deepEqual(big.actual, [null, false, { repeat: { times: 100_000, ok: true } }]);
      assert.deepEqual(big.expected, [null, false, { repeat: { times: 100_000, ok: true } }]);
    });

    it('reports the first mismatch with its op index, op name, i, args, expected and actual', async () => {
      // Keeping every id is wrong once an id comes back after leaving the window: at i = 1000.
      const run = await runCode(dir, language, keepsEverything[language]!, dedupeProblem([cycling]));
      const [r] = run.cases;
      assert.equal(r.verdict, 'failed', describeResult(r));
      assert.equal(r.message, 'Op #2001 (isDuplicate, repeat i = 1000, args [0]): expected false, got true.');
      assert.deepEqual(r.actual, [null, { repeat: { times: 1500, ok: false, op: 2001, i: 1000, name: 'isDuplicate', args: [0], expected: false, actual: true } }]);
    });

    it('reports a wrong listed op before running the block', async () => {
      const wrongFirst: TestCase = { ...twoHundredThousand, opArgs: [[10], [-1]], expected: [null, true], repeat: { ...twoHundredThousand.repeat!, times: 100_000_000 } };
      const run = await runCode(dir, language, windowed[language]!, dedupeProblem([wrongFirst], { timeMs: 3000, memoryMb: 256 }));
      const [r] = run.cases;
      assert.equal(r.verdict, 'failed', describeResult(r));
      assert.match(r.message ?? '', /^Op #1 \(isDuplicate\): expected true, got false/);
    });

    it('reports an exception inside the block as an error naming the op index and i', async () => {
      const run = await runCode(dir, language, fixedBuffer[language]!, dedupeProblem([bufferCase]));
      const [r] = run.cases;
      assert.equal(r.verdict, 'error', describeResult(r));
      const raised = { python: 'raised IndexError: list assignment index out of range', go: 'raised panic: runtime error: index out of range [10000] with length 10000', java: 'raised ArrayIndexOutOfBoundsException: Index 10000 out of bounds for length 10000', cpp: 'raised std::out_of_range: buffer full' }[language as string] ?? 'threw RangeError: buffer full';
      assert.equal(r.message, `op #10001 (isDuplicate, repeat i = 10000, args [10000]) ${raised}`);
      // Every language points at the line that threw (C++ through the throw's recorded frames).
      assert.equal(r.location?.line, 6);
    });

    it('a solution that keeps every id runs out of memory under a tight limit, where the windowed one passes', async () => {
      const { memoryMb, times } = MEMORY[language]!;
      const problem = dedupeProblem([distinctIds(times)], { timeMs: 15_000, memoryMb });
      const [all, window] = await Promise.all([runCode(dir, language, keepsEverything[language]!, problem), runCode(dir, language, windowed[language]!, problem)]);
      assert.equal(all.cases[0].verdict, 'memory', describeResult(all.cases[0]));
      assert.match(all.cases[0].message ?? '', new RegExp(`Ran out of memory \\(limit ${memoryMb} MB\\)`));
      assert.equal(window.cases[0].verdict, 'passed', describeResult(window.cases[0]));
    });
  });
}
