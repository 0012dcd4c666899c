"""Runs inside the solution's Python process: reads one job from stdin, loads the solution, runs
every case in order and reports over the protocol in src/core/runner/protocol.ts.

Start-up time is paid on every run, so only sys, os and json are imported up front; traceback,
resource and typing are imported when needed.
"""
import json
import os
import sys

HARNESS_FILE = os.path.abspath(__file__)
# The module path the harness imports from: the runner's argv left the solution's folder out of it. The solution's
# folder goes first later, for the solution's imports; the harness's own late imports go through harness_import.
HARNESS_PATH = list(sys.path)
RECURSION_LIMIT = 10000


class TreeNode:
    """LeetCode's binary tree node, injected into the solution's namespace."""

    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        return "TreeNode(%r)" % (self.val,)


class ListNode:
    """LeetCode's singly linked list node, injected like TreeNode."""

    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return "ListNode(%r)" % (self.val,)


class Capture:
    """A stand-in for sys.stdout/sys.stderr that keeps at most `cap` characters."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, cap):
        self.cap = cap
        self.parts = []
        self.size = 0
        self.truncated = False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if not self.truncated:
            room = self.cap - self.size
            if len(s) > room:
                self.parts.append(s[:room])
                self.size = self.cap
                self.truncated = True
            else:
                self.parts.append(s)
                self.size += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def take(self):
        out = ("".join(self.parts), self.truncated)
        self.parts = []
        self.size = 0
        self.truncated = False
        return out


class NotJson(Exception):
    pass


def build_tree(values, node_cls):
    if not isinstance(values, list) or not values or values[0] is None:
        return None
    root = node_cls(values[0])
    queue = [root]
    i = 1
    q = 0
    while q < len(queue) and i < len(values):
        node = queue[q]
        q += 1
        for side in ("left", "right"):
            if i >= len(values):
                break
            v = values[i]
            i += 1
            if v is not None:
                child = node_cls(v)
                setattr(node, side, child)
                queue.append(child)
    return root


def build_list(values, node_cls):
    head = None
    for v in reversed(values if isinstance(values, list) else []):
        node = node_cls(v)
        node.next = head
        head = node
    return head


def to_language(value, typ, ns):
    t = typ.replace(" ", "")
    if t == "TreeNode":
        return build_tree(value, ns.get("TreeNode", TreeNode))
    if t == "ListNode":
        return build_list(value, ns.get("ListNode", ListNode))
    if t in ("TreeNode[]", "ListNode[]") and isinstance(value, list):
        return [to_language(v, t[:-2], ns) for v in value]
    return value


def to_json(value, where, seen):
    """Any value as JSON, by what it is. Built-in values are read through their base class (a subclass cannot
    lie about its content), and an object is never taken for a tree or a list: only a declared type says so."""
    at = " at " + where if where else ""
    if value is None or value is True or value is False:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        value = float.__float__(value)
        if value != value or value in (float("inf"), float("-inf")):
            raise NotJson("%r%s" % (value, at))
        return value
    key = id(value)
    if key in seen:
        raise NotJson("a structure that contains itself" + at)
    seen.add(key)
    try:
        if isinstance(value, (list, tuple)):
            return [to_json(v, "%s[%d]" % (where, i), seen) for i, v in enumerate(sequence_items(value))]
        if isinstance(value, dict):
            return {json_key(k, at): to_json(v, "%s[%r]" % (where, k), seen) for k, v in dict.items(value)}
        if isinstance(value, (set, frozenset)):
            raise NotJson("a %s%s" % (type(value).__name__, at))
        if hasattr(value, "__iter__") and type(value).__name__ in ("deque", "range", "generator", "map", "filter", "zip"):
            raise NotJson("a %s (convert it with list(...))%s" % (type(value).__name__, at))
        raise NotJson("a %s%s" % (type(value).__name__, at))
    finally:
        seen.discard(key)


def sequence_items(value):
    return list.__iter__(value) if isinstance(value, list) else tuple.__iter__(value)


def json_key(k, at):
    if isinstance(k, str):
        return str.__str__(k)
    if k is None or isinstance(k, (int, float)):
        return json.dumps(to_json(k, "", set()))
    raise NotJson("a dict with a %s key%s" % (type(k).__name__, at))


def to_json_as(value, typ, where, seen):
    """A returned value as JSON, converted by its declared type (`typ` has no spaces)."""
    if typ in ("TreeNode", "ListNode"):
        # LeetCode shows an empty tree or list as [], as tests give them.
        if value is None:
            return []
        if isinstance(value, (bool, int, float, str, list, tuple, dict, set, frozenset)):
            return to_json(value, where, seen)
        return tree_to_list(value, where, seen) if typ == "TreeNode" else list_to_array(value, where, seen)
    if typ.endswith("[]"):
        inner = typ[:-2]
        if inner == "any" or not isinstance(value, (list, tuple)):
            return to_json(value, where, seen)
        return typed_items(value, where, seen, lambda: [to_json_as(v, inner, "%s[%d]" % (where, i), seen) for i, v in enumerate(sequence_items(value))])
    if typ.startswith("map<string,") and typ.endswith(">"):
        inner = typ[len("map<string,"):-1]
        if inner == "any" or not isinstance(value, dict):
            return to_json(value, where, seen)
        at = " at " + where if where else ""
        return typed_items(value, where, seen, lambda: {json_key(k, at): to_json_as(v, inner, "%s[%r]" % (where, k), seen) for k, v in dict.items(value)})
    return to_json(value, where, seen)


def typed_items(value, where, seen, convert):
    key = id(value)
    if key in seen:
        raise NotJson("a structure that contains itself" + (" at " + where if where else ""))
    seen.add(key)
    try:
        return convert()
    finally:
        seen.discard(key)


MISSING = object()


def node_field(node, name, kind, where):
    value = getattr(node, name, MISSING)
    if value is MISSING:
        raise NotJson("a %s where a %s node was expected%s" % (type(node).__name__, kind, " at " + where if where else ""))
    return value


def tree_to_list(root, where, seen):
    out = []
    queue = [root]
    visited = set()
    q = 0
    while q < len(queue):
        node = queue[q]
        q += 1
        if node is None:
            out.append(None)
            continue
        if id(node) in visited:
            raise NotJson("a tree with a cycle" + (" at " + where if where else ""))
        visited.add(id(node))
        out.append(to_json(node_field(node, "val", "tree", where), where + ".val", seen))
        queue.append(getattr(node, "left", None))
        queue.append(getattr(node, "right", None))
    while out and out[-1] is None:
        out.pop()
    return out


def list_to_array(head, where, seen):
    out = []
    visited = set()
    node = head
    while node is not None:
        if id(node) in visited:
            raise NotJson("a linked list with a cycle" + (" at " + where if where else ""))
        visited.add(id(node))
        out.append(to_json(node_field(node, "val", "list", where), where + ".val", seen))
        node = getattr(node, "next", None)
    return out


def returned_json(value, returns):
    typ = returns.replace(" ", "")
    # A method that returns nothing: what it returns is null, as on LeetCode.
    if typ == "void":
        return None
    return to_json_as(value, typ, "", set())


def harness_import(name):
    """Imports a module for the harness from its own path: never a file of that name beside the solution."""
    saved = sys.path[:]
    sys.path[:] = HARNESS_PATH
    try:
        return __import__(name)
    finally:
        sys.path[:] = saved


def describe(exc, solution_path):
    """The solution's own traceback (harness frames removed) and where it was raised."""
    traceback = harness_import("traceback")

    if isinstance(exc, SyntaxError) and exc.filename == solution_path:
        message = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        loc = {"file": solution_path, "line": exc.lineno or 1}
        if exc.offset:
            loc["column"] = exc.offset
        return {"kind": "error", "message": "%s: %s" % (type(exc).__name__, exc.msg), "stack": message, "location": loc}
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if os.path.abspath(f.filename) != HARNESS_FILE]
    classes = [c.__name__ for c in type(exc).__mro__ if c is not object]
    text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    message = text.splitlines()[-1] if text else type(exc).__name__
    if isinstance(exc, RecursionError):
        message += " (the recursion went deeper than %d calls: too deep, or it never ends)" % RECURSION_LIMIT
    stack = "Traceback (most recent call last):\n" + "".join(traceback.StackSummary.from_list(frames).format()) + text
    error = {"kind": "error", "message": message, "stack": stack, "classes": classes}
    if isinstance(exc, NotImplementedError):
        error["notImplemented"] = True
    for f in reversed(frames):
        if f.filename == solution_path:
            loc = {"file": solution_path, "line": f.lineno}
            col = getattr(f, "colno", None)
            if col is not None:
                loc["column"] = col + 1
            error["location"] = loc
            break
    return error


def limit_memory(memory_mb):
    """Caps the address space at what the process uses now plus the problem's limit, the hard limit too: the
    solution cannot raise it again (the runner also watches the resident memory of the whole process tree)."""
    if not memory_mb:
        return
    try:
        resource = harness_import("resource")

        with open("/proc/self/statm") as f:
            baseline = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = baseline + memory_mb * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no rlimits (macOS, Windows): run without a memory cap


def signal_ready():
    """Says on DRILLS_READY_FD (one byte, then closed) that the interpreter is up and waits for its job: a process
    kept warm is taken by a run from here on. The variable goes before the solution loads."""
    fd = os.environ.pop("DRILLS_READY_FD", None)
    try:
        fd = int(fd)
    except (TypeError, ValueError):
        return
    if fd <= 2:
        return
    try:
        os.write(fd, b"1")
    except OSError:
        pass  # started without the descriptor (by hand): nobody waits for the byte
    try:
        os.close(fd)
    except OSError:
        pass


def main():
    signal_ready()
    job = json.loads(sys.stdin.buffer.read())
    marker = ("\x01drills:%s:" % job["nonce"]).encode()
    solution_path = job["solutionPath"]
    spec = job["spec"]
    real_stdout = sys.stdout

    def send(msg):
        data = marker + json.dumps(msg, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"
        while data:
            data = data[os.write(1, data):]

    try:
        with open(job["codePath"], "rb") as f:
            source = f.read()
    except OSError as e:
        send({"t": "load-error", "kind": "load-failed", "message": "Cannot read %s: %s" % (job["codePath"], e)})
        return
    ns = {"__name__": "solution", "__file__": solution_path, "__builtins__": __builtins__, "TreeNode": TreeNode, "ListNode": ListNode}
    # LeetCode's Python environment has the typing names in scope; annotations need them at load.
    if any(name in source for name in (b"List", b"Optional", b"Dict", b"Tuple", b"Set", b"Deque")):
        import typing

        for name in ("List", "Optional", "Dict", "Tuple", "Set", "Deque", "Any", "Union"):
            ns[name] = getattr(typing, name)
    sys.path.insert(0, os.path.dirname(solution_path))
    sys.setrecursionlimit(RECURSION_LIMIT)
    capture = Capture(job["outputCapBytes"])
    sys.stdout = sys.stderr = capture
    before = set(ns)
    try:
        exec(compile(source, solution_path, "exec"), ns)
    except BaseException as e:  # noqa: B902 - anything the solution raises at load is reported
        sys.stdout, sys.stderr = real_stdout, sys.__stderr__
        err = describe(e, solution_path)
        msg = {"t": "load-error", "kind": "load-failed", "message": "The solution failed to load: " + err["message"], "stack": err.get("stack")}
        if "location" in err:
            msg["location"] = err["location"]
        send(msg)
        return

    wanted = spec["name"]
    entry = ns.get(wanted)
    if spec["kind"] == "function" and not callable(entry):
        solution_cls = ns.get("Solution")
        if isinstance(solution_cls, type) and callable(getattr(solution_cls, wanted, None)):
            entry = lambda *args: getattr(solution_cls(), wanted)(*args)  # noqa: E731
    if not callable(entry) or (spec["kind"] == "class" and not isinstance(entry, type)):
        sys.stdout, sys.stderr = real_stdout, sys.__stderr__
        defined = [k for k in ns if k not in before and not k.startswith("__")]
        what = ("function named %s (top-level, or a method of class Solution)" % wanted) if spec["kind"] == "function" else ("class named %s" % wanted)
        has = ("it defines " + ", ".join(sorted(set(defined)))) if defined else "it defines nothing at the top level"
        send({"t": "load-error", "kind": "not-found", "message": "The solution has no %s; %s." % (what, has)})
        return

    limit_memory(job.get("memoryMb"))
    send({"t": "loaded"})
    from time import perf_counter, process_time

    for case in job["cases"]:
        index = case["index"]
        if case.get("input") is not None:
            # A shared input (the job's "inputs"), copied: the solution may change what it is given.
            case = dict(case, **copy_json(job["inputs"][case["input"]]))
        capture.take()
        send({"t": "start", "index": index})
        started = perf_counter()
        cpu_started = process_time()
        value = None
        repeat = None
        error = None
        fatal = False
        try:
            if spec["kind"] == "function":
                params = spec["params"]
                args = [to_language(a, params[k] if k < len(params) else "any", ns) for k, a in enumerate(case.get("args") or [])]
                # The call is timed, not the making of its arguments (a tree from its level-order list).
                started = perf_counter()
                cpu_started = process_time()
                value = returned_json(entry(*args), spec["returns"])
            else:
                value, repeat = run_ops(case, spec, entry, ns)
        except NotJson as e:
            error = {"kind": "not-json", "message": "returned a value that is not JSON (%s)" % e}
        except MemoryError:
            error = {"kind": "memory", "message": "ran out of memory (MemoryError)"}
            fatal = True
        except SystemExit as e:
            error = {"kind": "exit", "message": "the solution exited the process (sys.exit(%r))" % (e.code,)}
        except OpError as e:
            error = e.error
        except BaseException as e:  # noqa: B902
            error = describe(e, solution_path)
        ms = (perf_counter() - started) * 1000
        cpu_ms = (process_time() - cpu_started) * 1000
        output, truncated = capture.take()
        msg = {"t": "result", "index": index, "ms": ms, "cpuMs": cpu_ms, "output": output, "truncated": truncated}
        if error is None:
            msg["value"] = value
            if repeat is not None:
                msg["repeat"] = repeat
        else:
            msg["error"] = error
        send(msg)
        if fatal:
            # Memory may be fragmented or held by the solution: the rest run in a fresh process.
            os._exit(0)
    send({"t": "done"})


def copy_json(value):
    """A deep copy of a value read from JSON (a round trip through the C encoder beats copy.deepcopy)."""
    return json.loads(json.dumps(value))


class OpError(Exception):
    def __init__(self, error):
        Exception.__init__(self, error["message"])
        self.error = error


def run_ops(case, spec, cls, ns):
    ops = case.get("ops") or []
    op_args = case.get("opArgs") or []
    outputs = []
    instance = None
    for k, op in enumerate(ops):
        raw = op_args[k] if k < len(op_args) else []
        try:
            if k == 0:
                params = spec["ctorParams"]
                instance = cls(*[to_language(a, params[j] if j < len(params) else "any", ns) for j, a in enumerate(raw)])
                outputs.append(None)
                continue
            method = spec["methods"].get(op) or {"name": op, "params": [], "returns": "any"}
            fn = getattr(instance, method["name"], None)
            if not callable(fn):
                raise AttributeError("%s has no method %s" % (spec["name"], method["name"]))
            params = method["params"]
            result = fn(*[to_language(a, params[j] if j < len(params) else "any", ns) for j, a in enumerate(raw)])
            outputs.append(returned_json(result, method["returns"]))
        except NotJson as e:
            raise NotJson("%s from op #%d (%s)" % (e, k, op))
        except (MemoryError, SystemExit):
            raise
        except Exception as e:
            error = describe(e, ns["__file__"])
            error["message"] = "op #%d (%s) raised %s" % (k, op, error["message"])
            raise OpError(error)
    block = case.get("repeat")
    expected = case.get("expected") or []
    # The block runs only when the listed ops are right: the parent reports the first wrong one.
    if block is None or not all(k == 0 or (k < len(expected) and json_equal(out, expected[k])) for k, out in enumerate(outputs)):
        return outputs, None
    return outputs, run_repeat(block, spec, instance, ns, len(ops))


NODE_TYPES = ("TreeNode", "ListNode", "TreeNode[]", "ListNode[]")
SCALARS = (bool, int, str, type(None))


def json_equal(a, b):
    """The parent's exact comparison (jsonEqual in compare.ts): numbers by value, but never a bool for a number."""
    ta, tb = type(a), type(b)
    if ta is bool or tb is bool:
        return ta is tb and a == b
    if ta in (int, float) and tb in (int, float):
        return a == b
    if ta is list and tb is list:
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    if ta is dict and tb is dict:
        return len(a) == len(b) and all(k in b and json_equal(v, b[k]) for k, v in a.items())
    return ta is tb and a == b


def template_source(value, consts):
    """Python source of an expression that builds `value` afresh from `i`, with $i expressions expanded."""
    if isinstance(value, list):
        return "[%s]" % ",".join(template_source(v, consts) for v in value)
    if isinstance(value, dict):
        terms = value.get("$i")
        if isinstance(terms, list):
            linear = "(%d*i+%d)" % (int(terms[0]), int(terms[1]))
            # Python's % with m > 0 is already in 0..m-1, as the format says.
            return "(%s%%%d)" % (linear, int(terms[2])) if len(terms) > 2 else linear
        return "{%s}" % ",".join("%s:%s" % (template_source(k, consts), template_source(v, consts)) for k, v in value.items())
    if value is None or type(value) in (bool, int):
        return repr(value)
    consts.append(value)
    return "K[%d]" % (len(consts) - 1)


def compile_template(value):
    """A function of i building the value (fresh lists and dicts each time: the solution may mutate them)."""
    consts = []
    return eval("lambda i: " + template_source(value, consts), {"K": consts})  # noqa: S307 - source built from JSON above


def compile_call(args, params, ns):
    """A function (method, i) calling the method with the block's arguments for iteration i."""
    consts = []
    if not any(p.replace(" ", "") in NODE_TYPES for p in params):
        # The common case: the arguments are written straight into the call, no list to unpack.
        return eval("lambda f, i: f(%s)" % ",".join(template_source(a, consts) for a in args), {"K": consts})  # noqa: S307
    make_args = compile_template(args)
    return lambda f, i: f(*[to_language(a, params[p] if p < len(params) else "any", ns) for p, a in enumerate(make_args(i))])


def has_index(value):
    if isinstance(value, list):
        return any(has_index(v) for v in value)
    if isinstance(value, dict):
        return isinstance(value.get("$i"), list) or any(has_index(v) for v in value.values())
    return False


def preview(value, limit=200):
    text = json.dumps(value, sort_keys=True, separators=(",", ":"))
    return text if len(text) <= limit else text[:limit] + "\u2026"


def run_repeat(block, spec, instance, ns, listed):
    """Runs the block `times` times in a loop (never a list), comparing as it goes; stops at the first difference."""
    times = block["times"]
    steps = []
    for j, op in enumerate(block["ops"]):
        method = spec["methods"].get(op) or {"name": op, "params": [], "returns": "any"}
        fn = getattr(instance, method["name"], None)
        if not callable(fn):
            error = describe(AttributeError("%s has no method %s" % (spec["name"], method["name"])), ns["__file__"])
            error["message"] = "op #%d (%s, repeat i = 0) raised %s" % (listed + j, op, error["message"])
            raise OpError(error)
        expected = block["expected"][j]
        # Expected values never reach the solution: a constant one is shared by every iteration.
        make_expected = compile_template(expected) if has_index(expected) else None
        steps.append((j, op, fn, compile_call(block["args"][j], method["params"], ns), make_expected, expected, method["returns"].replace(" ", "")))
    length = len(steps)
    for i in range(times):
        for j, op, fn, call, make_expected, expected, returns in steps:
            try:
                result = call(fn, i)
            except (MemoryError, SystemExit):
                raise
            except Exception as e:
                error = describe(e, ns["__file__"])
                args = preview(compile_template(block["args"][j])(i))
                error["message"] = "op #%d (%s, repeat i = %d, args %s) raised %s" % (listed + i * length + j, op, i, args, error["message"])
                raise OpError(error)
            kind = type(result)
            if returns == "void":
                actual = None
            elif kind is bool or kind is int or kind is str:
                actual = result
            else:
                try:
                    actual = returned_json(result, returns)
                except NotJson as e:
                    raise NotJson("%s from op #%d (%s, repeat i = %d)" % (e, listed + i * length + j, op, i))
            if make_expected is not None:
                expected = make_expected(i)
            if actual is expected or (type(actual) is type(expected) and type(actual) in SCALARS and actual == expected) or json_equal(actual, expected):
                continue
            args = compile_template(block["args"][j])(i)
            return {"ok": False, "times": times, "op": listed + i * length + j, "i": i, "name": op, "args": args, "expected": expected, "actual": actual}
    return {"ok": True, "times": times}

