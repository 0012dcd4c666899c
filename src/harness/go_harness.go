// Runs inside the solution's Go binary: reads one job from stdin, runs every case in order and reports over the
// protocol in src/core/runner/protocol.ts. It is compiled with the solution (copied as solution.go) and a small
// generated file (drills_glue.go) that names the solution's function, or its Constructor and methods.
//
// Every top-level name here starts with `drills` so that it cannot clash with the solution's own names in package
// main. Values are converted by the Go types of the solution's parameters (reflect): LeetCode's Go signatures
// decide, the declared types in problem.yaml only have to agree with them.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

type drillsMethodSpec struct {
	Name    string   `json:"name"`
	Params  []string `json:"params"`
	Returns string   `json:"returns"`
}

type drillsSpec struct {
	Kind       string                      `json:"kind"`
	Name       string                      `json:"name"`
	Params     []string                    `json:"params"`
	Returns    string                      `json:"returns"`
	CtorParams []string                    `json:"ctorParams"`
	Methods    map[string]drillsMethodSpec `json:"methods"`
}

type drillsRepeat struct {
	Times    int             `json:"times"`
	Ops      []string        `json:"ops"`
	Args     [][]interface{} `json:"args"`
	Expected []interface{}   `json:"expected"`
}

type drillsCase struct {
	Index    int             `json:"index"`
	Input    *int            `json:"input"`
	Args     []interface{}   `json:"args"`
	Ops      []string        `json:"ops"`
	OpArgs   [][]interface{} `json:"opArgs"`
	Expected []interface{}   `json:"expected"`
	Repeat   *drillsRepeat   `json:"repeat"`
}

type drillsJob struct {
	Nonce          string       `json:"nonce"`
	SolutionPath   string       `json:"solutionPath"`
	Spec           drillsSpec   `json:"spec"`
	Inputs         []drillsCase `json:"inputs"`
	Cases          []drillsCase `json:"cases"`
	OutputCapBytes int          `json:"outputCapBytes"`
	MemoryMb       float64      `json:"memoryMb"`
	// Measuring growth (complexity): each timed call starts on a collected heap (see drillsSettle).
	Measuring bool `json:"measuring"`
}

// drillsError is a case's error in the protocol's shape (HarnessError).
type drillsError struct {
	Kind           string                 `json:"kind"`
	Message        string                 `json:"message"`
	Classes        []string               `json:"classes,omitempty"`
	NotImplemented bool                   `json:"notImplemented,omitempty"`
	Stack          string                 `json:"stack,omitempty"`
	Location       map[string]interface{} `json:"location,omitempty"`
	// The message before an op's description was put in front of it.
	raw string
}

func (e *drillsError) Error() string { return e.Message }

// drillsNotJSON is a returned value JSON cannot hold.
type drillsNotJSON struct{ what, raw string }

func (e drillsNotJSON) Error() string { return e.what }

var (
	drillsOut *os.File
	// Held so that the collector never finalizes (closes) fd 2: the runtime writes its fatal errors there.
	drillsStderr       *os.File
	drillsMarker       []byte
	drillsPending      []byte
	drillsSolutionFile string // the solution's copy in the build folder, as its frames name it
	drillsUserFile     string // the user's file, as reports name it
	drillsMaxStack     int
	drillsTreeType     = reflect.TypeOf((*TreeNode)(nil))
	drillsListType     = reflect.TypeOf((*ListNode)(nil))
	// Compiled when a case first panics, not at every start (regexp.MustCompile at init was most of main's init).
	drillsNotImpl   = drillsLazyRegexp(`(?i)\bnot implemented\b`)
	drillsFrameFile = drillsLazyRegexp(`^\t(.*):(\d+)(?: \+0x[0-9a-f]+)?$`)
)

// drillsLazyRegexp compiles `pattern` on its first use, once, whichever goroutine uses it first.
func drillsLazyRegexp(pattern string) func() *regexp.Regexp {
	var once sync.Once
	var re *regexp.Regexp
	return func() *regexp.Regexp {
		once.Do(func() { re = regexp.MustCompile(pattern) })
		return re
	}
}

func drillsSend(msg map[string]interface{}) {
	data, err := json.Marshal(msg)
	if err != nil {
		data, _ = json.Marshal(map[string]interface{}{"t": "result", "index": msg["index"], "ms": msg["ms"], "output": "", "truncated": false,
			"error": map[string]interface{}{"kind": "not-json", "message": "returned a value the harness could not write: " + err.Error()}})
	}
	drillsPending = append(append(append(drillsPending, drillsMarker...), data...), '\n')
}

// drillsFlush writes the messages sent so far: a case's result goes out with the next case's start, in one write.
func drillsFlush() {
	_, _ = drillsOut.Write(drillsPending)
	drillsPending = drillsPending[:0]
}

// ---- Output capture: the solution's os.Stdout and os.Stderr write into a file in memory, read per case. ----
//
// A file rather than a pipe: a write never blocks, so no goroutine has to drain it while a case runs, and a case
// that printed nothing costs one lseek. RLIMIT_FSIZE keeps a flood at the cap: past it, writes fail with EFBIG (Go
// ignores SIGXFSZ). The limit holds for every file the process writes, which solutions do not.

type drillsCapture struct {
	file *os.File
	cap  int
	buf  []byte
}

// memfd_create's number where the syscall package does not name it.
var drillsMemfdCall = map[string]uintptr{"amd64": 319, "arm64": 279, "386": 356, "arm": 385, "riscv64": 279, "ppc64le": 360, "s390x": 350}

// drillsNewCapture makes the file before the job comes (a process started ahead of its run makes it while it waits);
// drillsCapture.limit caps it once the job says how much a case may print.
func drillsNewCapture() *drillsCapture {
	var f *os.File
	if nr, ok := drillsMemfdCall[runtime.GOARCH]; ok && runtime.GOOS == "linux" {
		name := []byte("drills-output\x00")
		fd, _, errno := syscall.Syscall(nr, uintptr(unsafe.Pointer(&name[0])), 1 /* MFD_CLOEXEC */, 0)
		if errno == 0 {
			f = os.NewFile(fd, "drills-output")
		}
	}
	if f == nil {
		tmp, err := os.CreateTemp("", "drills-output-")
		if err != nil {
			return nil
		}
		_ = os.Remove(tmp.Name())
		f = tmp
	}
	return &drillsCapture{file: f, buf: make([]byte, 0, 4096)}
}

func (c *drillsCapture) limit(capBytes int) {
	c.cap = capBytes
	limit := uint64(capBytes) + 1
	_ = syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit})
}

// take returns what was written since the last take, at most the cap (never half a character), and empties it.
func (c *drillsCapture) take() (string, bool) {
	size, err := c.file.Seek(0, io.SeekCurrent)
	if err != nil || size == 0 {
		return "", false
	}
	n := int(size)
	truncated := n > c.cap
	if truncated {
		n = c.cap
	}
	if cap(c.buf) < n {
		c.buf = make([]byte, n)
	}
	got, _ := c.file.ReadAt(c.buf[:n], 0)
	out := c.buf[:got]
	if truncated {
		for k := 0; k < 3 && len(out) > 0 && !utf8.Valid(out[len(out)-min3(len(out), 4):]); k++ {
			out = out[:len(out)-1]
		}
	}
	_ = c.file.Truncate(0)
	_, _ = c.file.Seek(0, io.SeekStart)
	return strings.ToValidUTF8(string(out), "\uFFFD"), truncated
}

func min3(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// ---- JSON → Go, by the parameter's Go type ----

func drillsToGo(v interface{}, t reflect.Type, where string) (reflect.Value, error) {
	bad := func() (reflect.Value, error) {
		shown, _ := json.Marshal(v)
		s := string(shown)
		if len(s) > 80 {
			s = s[:80] + "…"
		}
		return reflect.Value{}, fmt.Errorf("%s: cannot pass %s as a Go %s", where, s, t)
	}
	switch t {
	case drillsTreeType:
		return drillsBuildTree(v, where)
	case drillsListType:
		return drillsBuildList(v, where)
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			return bad()
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil {
			f, ferr := strconv.ParseFloat(string(n), 64)
			if ferr != nil || f != math.Trunc(f) || math.Abs(f) > 1<<62 {
				return bad()
			}
			i = int64(f)
		}
		out := reflect.New(t).Elem()
		if out.OverflowInt(i) {
			return bad()
		}
		out.SetInt(i)
		return out, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := v.(json.Number)
		if !ok {
			return bad()
		}
		u, err := strconv.ParseUint(string(n), 10, 64)
		out := reflect.New(t).Elem()
		if err != nil || out.OverflowUint(u) {
			return bad()
		}
		out.SetUint(u)
		return out, nil
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			return bad()
		}
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil {
			return bad()
		}
		out := reflect.New(t).Elem()
		out.SetFloat(f)
		return out, nil
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return bad()
		}
		return reflect.ValueOf(b).Convert(t), nil
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		return reflect.ValueOf(s).Convert(t), nil
	case reflect.Slice:
		if v == nil {
			return reflect.Zero(t), nil
		}
		items, ok := v.([]interface{})
		if !ok {
			if s, isString := v.(string); isString && t.Elem().Kind() == reflect.Uint8 {
				return reflect.ValueOf([]byte(s)).Convert(t), nil
			}
			return bad()
		}
		out := reflect.MakeSlice(t, len(items), len(items))
		for i, item := range items {
			e, err := drillsToGo(item, t.Elem(), where)
			if err != nil {
				return reflect.Value{}, err
			}
			out.Index(i).Set(e)
		}
		return out, nil
	case reflect.Array:
		items, ok := v.([]interface{})
		if !ok || len(items) != t.Len() {
			return bad()
		}
		out := reflect.New(t).Elem()
		for i, item := range items {
			e, err := drillsToGo(item, t.Elem(), where)
			if err != nil {
				return reflect.Value{}, err
			}
			out.Index(i).Set(e)
		}
		return out, nil
	case reflect.Map:
		if v == nil {
			return reflect.Zero(t), nil
		}
		obj, ok := v.(map[string]interface{})
		if !ok {
			return bad()
		}
		out := reflect.MakeMapWithSize(t, len(obj))
		for k, item := range obj {
			key, err := drillsToGo(k, t.Key(), where)
			if err != nil && t.Key().Kind() != reflect.String {
				// map[int]T: the JSON key's digits.
				key, err = drillsToGo(json.Number(k), t.Key(), where)
			}
			if err != nil {
				return reflect.Value{}, err
			}
			e, err := drillsToGo(item, t.Elem(), where)
			if err != nil {
				return reflect.Value{}, err
			}
			out.SetMapIndex(key, e)
		}
		return out, nil
	case reflect.Ptr:
		if v == nil {
			return reflect.Zero(t), nil
		}
		e, err := drillsToGo(v, t.Elem(), where)
		if err != nil {
			return reflect.Value{}, err
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(e)
		return p, nil
	case reflect.Interface:
		if t.NumMethod() > 0 {
			return bad()
		}
		natural := drillsNatural(v)
		if natural == nil {
			return reflect.Zero(t), nil
		}
		return reflect.ValueOf(natural), nil
	}
	return bad()
}

// drillsNatural is a JSON value as Go's natural types for `any`: int where a number is an integer that fits, else
// float64; []interface{}; map[string]interface{}.
func drillsNatural(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 0); err == nil {
			return int(i)
		}
		f, _ := strconv.ParseFloat(string(x), 64)
		return f
	case []interface{}:
		out := make([]interface{}, len(x))
		for i, item := range x {
			out[i] = drillsNatural(item)
		}
		return out
	case map[string]interface{}:
		out := make(map[string]interface{}, len(x))
		for k, item := range x {
			out[k] = drillsNatural(item)
		}
		return out
	}
	return v
}

func drillsNodeValue(v interface{}, where string) (int, error) {
	t := reflect.TypeOf(0)
	val, err := drillsToGo(v, t, where)
	if err != nil {
		return 0, err
	}
	return int(val.Int()), nil
}

// drillsBuildTree builds a tree from LeetCode's level-order array with nulls, without recursion.
func drillsBuildTree(v interface{}, where string) (reflect.Value, error) {
	items, _ := v.([]interface{})
	if len(items) == 0 || items[0] == nil {
		return reflect.Zero(drillsTreeType), nil
	}
	first, err := drillsNodeValue(items[0], where)
	if err != nil {
		return reflect.Value{}, err
	}
	root := &TreeNode{Val: first}
	queue := []*TreeNode{root}
	i := 1
	for q := 0; q < len(queue) && i < len(items); q++ {
		node := queue[q]
		for side := 0; side < 2 && i < len(items); side++ {
			item := items[i]
			i++
			if item == nil {
				continue
			}
			val, err := drillsNodeValue(item, where)
			if err != nil {
				return reflect.Value{}, err
			}
			child := &TreeNode{Val: val}
			if side == 0 {
				node.Left = child
			} else {
				node.Right = child
			}
			queue = append(queue, child)
		}
	}
	return reflect.ValueOf(root), nil
}

func drillsBuildList(v interface{}, where string) (reflect.Value, error) {
	items, _ := v.([]interface{})
	var head *ListNode
	for i := len(items) - 1; i >= 0; i-- {
		val, err := drillsNodeValue(items[i], where)
		if err != nil {
			return reflect.Value{}, err
		}
		head = &ListNode{Val: val, Next: head}
	}
	return reflect.ValueOf(head), nil
}

// ---- Go → JSON, by what the value is ----

const drillsMaxDepth = 10000

func drillsToJSON(v reflect.Value, where string, depth int) (interface{}, error) {
	at := ""
	if where != "" {
		at = " at " + where
	}
	if depth > drillsMaxDepth {
		return nil, drillsNotJSON{what: fmt.Sprintf("a value nested deeper than %d levels (does it contain itself?)%s", drillsMaxDepth, at)}
	}
	if !v.IsValid() {
		return nil, nil
	}
	switch v.Type() {
	case drillsTreeType:
		return drillsTreeToJSON(v.Interface().(*TreeNode), at)
	case drillsListType:
		return drillsListToJSON(v.Interface().(*ListNode), at)
	}
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(v.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return json.Number(strconv.FormatUint(v.Uint(), 10)), nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, drillsNotJSON{what: fmt.Sprintf("%v%s", f, at)}
		}
		bits := 64
		if v.Kind() == reflect.Float32 {
			bits = 32
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, bits)), nil
	case reflect.String:
		return v.String(), nil
	case reflect.Slice, reflect.Array:
		// A nil slice is LeetCode's empty list.
		out := make([]interface{}, v.Len())
		for i := range out {
			item, err := drillsToJSON(v.Index(i), where+"["+strconv.Itoa(i)+"]", depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = item
		}
		return out, nil
	case reflect.Map:
		out := make(map[string]interface{}, v.Len())
		iter := v.MapRange()
		for iter.Next() {
			k := iter.Key()
			for k.Kind() == reflect.Interface && !k.IsNil() {
				k = k.Elem()
			}
			var key string
			switch k.Kind() {
			case reflect.String:
				key = k.String()
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				key = strconv.FormatInt(k.Int(), 10)
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				key = strconv.FormatUint(k.Uint(), 10)
			case reflect.Bool:
				key = strconv.FormatBool(k.Bool())
			default:
				return nil, drillsNotJSON{what: fmt.Sprintf("a map with a %s key%s", k.Type(), at)}
			}
			item, err := drillsToJSON(iter.Value(), where+"["+strconv.Quote(key)+"]", depth+1)
			if err != nil {
				return nil, err
			}
			out[key] = item
		}
		return out, nil
	case reflect.Ptr, reflect.Interface:
		if v.IsNil() {
			return nil, nil
		}
		return drillsToJSON(v.Elem(), where, depth+1)
	}
	switch v.Kind() {
	case reflect.Func:
		return nil, drillsNotJSON{what: "a function" + at}
	case reflect.Chan:
		return nil, drillsNotJSON{what: "a channel" + at}
	}
	// The solution's own types by their own names (`a Set`, not `a main.Set`).
	return nil, drillsNotJSON{what: fmt.Sprintf("a %s%s", strings.TrimPrefix(v.Type().String(), "main."), at)}
}

func drillsTreeToJSON(root *TreeNode, at string) (interface{}, error) {
	out := []interface{}{}
	if root == nil {
		return out, nil
	}
	seen := map[*TreeNode]bool{}
	queue := []*TreeNode{root}
	for q := 0; q < len(queue); q++ {
		node := queue[q]
		if node == nil {
			out = append(out, nil)
			continue
		}
		if seen[node] {
			return nil, drillsNotJSON{what: "a tree with a cycle" + at}
		}
		seen[node] = true
		out = append(out, json.Number(strconv.Itoa(node.Val)))
		queue = append(queue, node.Left, node.Right)
	}
	for len(out) > 0 && out[len(out)-1] == nil {
		out = out[:len(out)-1]
	}
	return out, nil
}

func drillsListToJSON(head *ListNode, at string) (interface{}, error) {
	out := []interface{}{}
	seen := map[*ListNode]bool{}
	for node := head; node != nil; node = node.Next {
		if seen[node] {
			return nil, drillsNotJSON{what: "a linked list with a cycle" + at}
		}
		seen[node] = true
		out = append(out, json.Number(strconv.Itoa(node.Val)))
	}
	return out, nil
}

// drillsReturned converts what a call returned (nothing, or its first result) to JSON.
func drillsReturned(results []reflect.Value, where string) (interface{}, error) {
	if len(results) == 0 {
		return nil, nil
	}
	return drillsToJSON(results[0], where, 0)
}

// ---- Panics: the message, the solution's frames, where it was raised ----

func drillsPanicText(r interface{}) (text string) {
	defer func() {
		// A String or Error method that panics itself.
		if recover() != nil {
			text = fmt.Sprintf("(%T) panicked while printing", r)
		}
	}()
	switch x := r.(type) {
	case error:
		return x.Error()
	case fmt.Stringer:
		return x.String()
	case string:
		return x
	}
	return fmt.Sprintf("%v", r)
}

// drillsPanicClasses names the panic value's type, as a `raises` case may name it: the type as Go prints it
// (`*main.ErrBadInput`, `runtime.boundsError`), without its package (`ErrBadInput`), then the interfaces it
// implements (`runtime.Error`, `error`), then `panic`.
func drillsPanicClasses(r interface{}) []string {
	var classes []string
	add := func(name string) {
		for _, c := range classes {
			if c == name {
				return
			}
		}
		classes = append(classes, name)
	}
	if r != nil {
		full := fmt.Sprintf("%T", r)
		bare := strings.TrimLeft(full, "*")
		if dot := strings.LastIndex(bare, "."); dot >= 0 {
			bare = bare[dot+1:]
		}
		add(bare)
		add(full)
		if _, ok := r.(runtime.Error); ok {
			add("runtime.Error")
		}
		if _, ok := r.(error); ok {
			add("error")
		}
	}
	add("panic")
	return classes
}

// drillsUserFrames keeps the solution's frames of a goroutine's stack (debug.Stack()), innermost first, with the
// user's file for the copy's path and without argument words and offsets.
func drillsUserFrames(stack string) (frames []string, line int) {
	lines := strings.Split(stack, "\n")
	for i := 1; i+1 < len(lines); i++ {
		m := drillsFrameFile().FindStringSubmatch(lines[i+1])
		if m == nil || m[1] != drillsSolutionFile {
			continue
		}
		fn := lines[i]
		if open := strings.LastIndex(fn, "("); open > 0 && strings.HasSuffix(fn, ")") {
			fn = fn[:open] + "(...)"
		}
		fn = strings.TrimPrefix(fn, "main.")
		n, _ := strconv.Atoi(m[2])
		if line == 0 {
			line = n
		}
		frames = append(frames, fn+"\n\t"+drillsUserFile+":"+m[2])
		i++
	}
	return frames, line
}

func drillsPanicError(r interface{}, stack string) *drillsError {
	text := drillsPanicText(r)
	if e, ok := r.(*drillsError); ok {
		return e
	}
	message := "panic: " + text
	if re, ok := r.(runtime.Error); ok && strings.Contains(re.Error(), "stack") {
		message += fmt.Sprintf(" (the stack is limited to %d MB)", drillsMaxStack>>20)
	}
	frames, line := drillsUserFrames(stack)
	e := &drillsError{Kind: "error", Message: message, Classes: drillsPanicClasses(r), NotImplemented: drillsNotImpl().MatchString(text)}
	if len(frames) > 0 {
		e.Stack = message + "\n\ngoroutine [running]:\n" + strings.Join(frames, "\n")
		e.Location = map[string]interface{}{"file": drillsUserFile, "line": line}
	}
	return e
}

// drillsCatch runs one case: a panic comes back as an error. runtime.Goexit also ends up here, in the deferred
// function, with nothing to recover: the case is reported, and the worker's own deferred function goes on with
// the next case on a new goroutine.
func drillsCatch(f func() (interface{}, *drillsRepeatOutcome, error), goexit *bool) (value interface{}, repeat *drillsRepeatOutcome, err error) {
	normal := false
	defer func() {
		if !normal {
			if r := recover(); r != nil {
				err = drillsPanicError(r, string(debug.Stack()))
			} else {
				*goexit = true
			}
		}
	}()
	value, repeat, err = f()
	normal = true
	return
}

// ---- Calls ----

func drillsArgs(fn reflect.Type, skip int, raw []interface{}, what string) ([]reflect.Value, error) {
	want := fn.NumIn() - skip
	// Missing trailing arguments are their type's zero value (as a JavaScript parameter is undefined); more
	// arguments than parameters is an error.
	for len(raw) < want && !fn.IsVariadic() {
		raw = append(raw[:len(raw):len(raw)], nil)
	}
	if fn.IsVariadic() || want != len(raw) {
		return nil, &drillsError{Kind: "error", Message: fmt.Sprintf("%s takes %d parameters, but the test passes %d", what, want, len(raw))}
	}
	args := make([]reflect.Value, len(raw))
	for i, a := range raw {
		if a == nil {
			args[i] = reflect.Zero(fn.In(skip + i))
			continue
		}
		v, err := drillsToGo(a, fn.In(skip+i), "")
		if err != nil {
			// Described only when it is reported: repeat blocks convert arguments millions of times.
			_, err = drillsToGo(a, fn.In(skip+i), fmt.Sprintf("argument %d of %s", i+1, what))
			return nil, &drillsError{Kind: "error", Message: err.Error()}
		}
		args[i] = v
	}
	return args, nil
}

type drillsRepeatOutcome struct {
	Ok       bool          `json:"ok"`
	Times    int           `json:"times"`
	Op       *int          `json:"op,omitempty"`
	I        *int          `json:"i,omitempty"`
	Name     string        `json:"name,omitempty"`
	Args     []interface{} `json:"args,omitempty"`
	Expected interface{}   `json:"expected,omitempty"`
	Actual   interface{}   `json:"actual,omitempty"`
}

func drillsMarshalRepeat(r *drillsRepeatOutcome) map[string]interface{} {
	if r.Ok {
		return map[string]interface{}{"ok": true, "times": r.Times}
	}
	args := r.Args
	if args == nil {
		args = []interface{}{}
	}
	return map[string]interface{}{"ok": false, "times": r.Times, "op": *r.Op, "i": *r.I, "name": r.Name, "args": args, "expected": r.Expected, "actual": r.Actual}
}

type drillsClass struct {
	ctor    reflect.Value
	methods map[string]reflect.Value
}

func drillsOpFailed(k int, op string, detail string, err error) error {
	var de *drillsError
	if errors.As(err, &de) {
		copied := *de
		if copied.raw == "" {
			copied.raw = de.Message
		}
		copied.Message = fmt.Sprintf("op #%d (%s%s) raised %s", k, op, detail, copied.raw)
		return &copied
	}
	var nj drillsNotJSON
	if errors.As(err, &nj) {
		raw := nj.raw
		if raw == "" {
			raw = nj.what
		}
		return drillsNotJSON{what: fmt.Sprintf("%s from op #%d (%s%s)", raw, k, op, detail), raw: raw}
	}
	return err
}

func drillsRunOps(c *drillsCase, spec *drillsSpec, cls *drillsClass) (interface{}, *drillsRepeatOutcome, error) {
	outputs := make([]interface{}, 0, len(c.Ops))
	var instance reflect.Value
	for k, op := range c.Ops {
		var raw []interface{}
		if k < len(c.OpArgs) {
			raw = c.OpArgs[k]
		}
		if k == 0 {
			args, err := drillsArgs(cls.ctor.Type(), 0, raw, "Constructor")
			if err != nil {
				return nil, nil, drillsOpFailed(k, op, "", err)
			}
			made := drillsCallCatching(cls.ctor, args, func(e *drillsError) error { return drillsOpFailed(k, op, "", e) })
			if made.err != nil {
				return nil, nil, made.err
			}
			instance = drillsInstance(made.values)
			outputs = append(outputs, nil)
			continue
		}
		value, err := drillsCallMethod(cls, spec, instance, op, raw, k, "")
		if err != nil {
			return nil, nil, err
		}
		outputs = append(outputs, value)
	}
	if c.Repeat == nil {
		return outputs, nil, nil
	}
	// The block runs only when the listed ops are right: the parent reports the first wrong one.
	for k := 1; k < len(outputs); k++ {
		if k >= len(c.Expected) || !drillsJSONEqual(outputs[k], c.Expected[k]) {
			return outputs, nil, nil
		}
	}
	repeat, err := drillsRunRepeat(c.Repeat, spec, cls, instance, len(c.Ops))
	return outputs, repeat, err
}

// drillsInstance is the constructed value as a pointer, so that methods with either receiver apply.
func drillsInstance(results []reflect.Value) reflect.Value {
	if len(results) == 0 {
		return reflect.Value{}
	}
	v := results[0]
	if v.Kind() == reflect.Ptr {
		return v
	}
	p := reflect.New(v.Type())
	p.Elem().Set(v)
	return p
}

func drillsCallMethod(cls *drillsClass, spec *drillsSpec, instance reflect.Value, op string, raw []interface{}, k int, detail string) (interface{}, error) {
	method, ok := cls.methods[op]
	name := spec.Methods[op].Name
	if name == "" {
		name = op
	}
	if !ok {
		goName := drillsGoName(name)
		return nil, drillsOpFailed(k, op, detail, &drillsError{Kind: "error", Message: fmt.Sprintf("%s has no method %s (LeetCode's Go shape: func (this *%s) %s(...))", spec.Name, goName, spec.Name, goName)})
	}
	args, err := drillsArgs(method.Type(), 1, raw, drillsGoName(name))
	if err != nil {
		return nil, drillsOpFailed(k, op, detail, err)
	}
	if !instance.IsValid() || !instance.Type().AssignableTo(method.Type().In(0)) {
		return nil, drillsOpFailed(k, op, detail, &drillsError{Kind: "error", Message: fmt.Sprintf("Constructor returns %v, but %s is a method of %v", instance.Type(), drillsGoName(name), method.Type().In(0))})
	}
	results := drillsCallCatching(method, append([]reflect.Value{instance}, args...), func(e *drillsError) error { return drillsOpFailed(k, op, detail, e) })
	if results.err != nil {
		return nil, results.err
	}
	if spec.Methods[op].Returns == "void" {
		return nil, nil
	}
	value, err := drillsReturned(results.values, "")
	if err != nil {
		return nil, drillsOpFailed(k, op, detail, err)
	}
	return value, nil
}

type drillsCallResult struct {
	values []reflect.Value
	err    error
}

// drillsCallCatching calls a method, turning its panic into the op's error (the message names the op) while the
// goroutine's stack still holds the panicking frames.
func drillsCallCatching(f reflect.Value, args []reflect.Value, wrap func(*drillsError) error) (res drillsCallResult) {
	normal := false
	defer func() {
		if !normal {
			if r := recover(); r != nil {
				res = drillsCallResult{err: wrap(drillsPanicError(r, string(debug.Stack())))}
			}
		}
	}()
	res.values = f.Call(args)
	normal = true
	return
}

func drillsRunRepeat(block *drillsRepeat, spec *drillsSpec, cls *drillsClass, instance reflect.Value, listed int) (*drillsRepeatOutcome, error) {
	length := len(block.Ops)
	for i := 0; i < block.Times; i++ {
		for j, op := range block.Ops {
			k := listed + i*length + j
			var rawArgs []interface{}
			if j < len(block.Args) {
				rawArgs, _ = drillsExpand(block.Args[j], i).([]interface{})
			}
			actual, err := drillsCallMethod(cls, spec, instance, op, rawArgs, k, "")
			if err != nil {
				// The op's description, with i and the arguments, only for the error that is reported.
				detail := fmt.Sprintf(", repeat i = %d, args %s", i, drillsPreview(rawArgs))
				return nil, drillsOpFailed(k, op, detail, err)
			}
			var expected interface{}
			if j < len(block.Expected) {
				expected = drillsExpand(block.Expected[j], i)
			}
			if !drillsJSONEqual(actual, expected) {
				op0, i0 := k, i
				if rawArgs == nil {
					rawArgs = []interface{}{}
				}
				return &drillsRepeatOutcome{Ok: false, Times: block.Times, Op: &op0, I: &i0, Name: op, Args: rawArgs, Expected: expected, Actual: actual}, nil
			}
		}
	}
	return &drillsRepeatOutcome{Ok: true, Times: block.Times}, nil
}

func drillsPreview(v interface{}) string {
	data, _ := json.Marshal(v)
	s := string(data)
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// drillsExpand builds a repeat block's value for iteration i: {$i: [a, b]} is a*i + b, {$i: [a, b, m]} is
// (a*i + b) mod m in 0..m-1, at any depth. Fresh slices and maps each time: the solution may change them.
func drillsExpand(v interface{}, i int) interface{} {
	switch x := v.(type) {
	case []interface{}:
		out := make([]interface{}, len(x))
		for k, item := range x {
			out[k] = drillsExpand(item, i)
		}
		return out
	case map[string]interface{}:
		if terms, ok := x["$i"].([]interface{}); ok && len(terms) >= 2 {
			a := drillsInt(terms[0])
			b := drillsInt(terms[1])
			n := a*int64(i) + b
			if len(terms) > 2 {
				m := drillsInt(terms[2])
				if m != 0 {
					n = ((n % m) + m) % m
				}
			}
			return json.Number(strconv.FormatInt(n, 10))
		}
		out := make(map[string]interface{}, len(x))
		for k, item := range x {
			out[k] = drillsExpand(item, i)
		}
		return out
	}
	return v
}

func drillsInt(v interface{}) int64 {
	n, _ := v.(json.Number)
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil {
		f, _ := strconv.ParseFloat(string(n), 64)
		return int64(f)
	}
	return i
}

// drillsJSONEqual is the parent's exact comparison (jsonEqual in compare.ts): numbers by value, never a bool for
// a number.
func drillsJSONEqual(a, b interface{}) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		xi, errX := strconv.ParseInt(string(x), 10, 64)
		yi, errY := strconv.ParseInt(string(y), 10, 64)
		if errX == nil && errY == nil {
			return xi == yi
		}
		xf, errX := strconv.ParseFloat(string(x), 64)
		yf, errY := strconv.ParseFloat(string(y), 64)
		return errX == nil && errY == nil && xf == yf
	case []interface{}:
		y, ok := b.([]interface{})
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !drillsJSONEqual(x[k], y[k]) {
				return false
			}
		}
		return true
	case map[string]interface{}:
		y, ok := b.(map[string]interface{})
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, found := y[k]
			if !found || !drillsJSONEqual(v, w) {
				return false
			}
		}
		return true
	}
	return false
}

// drillsGoName is a method's Go name: exported, as LeetCode writes them (`push` is `Push`).
func drillsGoName(name string) string {
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[size:]
}

// ---- Limits ----

// drillsLimitMemory caps the heap the collector aims for (GOMEMLIMIT) and the address space at what the process
// maps now plus the problem's limit (the runner also watches the resident memory of the whole process tree). The
// stack of one goroutine may take a quarter of the limit: deeper recursion is a stack overflow, which Go cannot recover.
func drillsLimitMemory(memoryMb float64) {
	if memoryMb <= 0 {
		drillsMaxStack = debug.SetMaxStack(1 << 30)
		debug.SetMaxStack(drillsMaxStack)
		return
	}
	limit := int64(memoryMb * (1 << 20))
	debug.SetMemoryLimit(limit)
	stack := limit / 4
	if stack < 16<<20 {
		stack = 16 << 20
	}
	drillsMaxStack = int(stack)
	debug.SetMaxStack(drillsMaxStack)
	// Read with plain system calls: os.ReadFile would start the runtime's network poller (an epoll set, a pipe)
	// for a file that is never polled.
	fd, err := syscall.Open("/proc/self/statm", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	var statm [64]byte
	n, err := syscall.Read(fd, statm[:])
	_ = syscall.Close(fd)
	if err != nil || n <= 0 {
		return
	}
	fields := strings.Fields(string(statm[:n]))
	if len(fields) == 0 {
		return
	}
	pages, err := strconv.ParseInt(fields[0], 10, 64)
	if err != nil {
		return
	}
	as := uint64(pages*int64(os.Getpagesize()) + limit)
	var current syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &current) == nil && current.Max != ^uint64(0) && current.Max < as {
		as = current.Max
	}
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: as, Max: as})
}

// ---- The job ----
//
// Read by a small parser of its own rather than encoding/json, whose decoding by reflection into the job's types took
// ~1.5 µs a case, ahead of the first one. Values come out as encoding/json's UseNumber gives them (json.Number,
// string, bool, nil, []interface{}, map[string]interface{}), which the conversions above expect.

type drillsParser struct {
	text  []byte
	at    int
	depth int
}

func (p *drillsParser) fail(what string) error {
	return fmt.Errorf("%s at byte %d", what, p.at)
}

func (p *drillsParser) space() {
	for p.at < len(p.text) {
		switch p.text[p.at] {
		case ' ', '\t', '\n', '\r':
			p.at++
		default:
			return
		}
	}
}

func (p *drillsParser) value() (interface{}, error) {
	p.space()
	if p.at >= len(p.text) {
		return nil, p.fail("unexpected end of the job")
	}
	switch c := p.text[p.at]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str()
	case c == 't':
		return true, p.word("true")
	case c == 'f':
		return false, p.word("false")
	case c == 'n':
		return nil, p.word("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		return nil, p.fail(fmt.Sprintf("unexpected %q", c))
	}
}

func (p *drillsParser) word(w string) error {
	if !bytes.HasPrefix(p.text[p.at:], []byte(w)) {
		return p.fail("invalid literal")
	}
	p.at += len(w)
	return nil
}

func (p *drillsParser) digits() int {
	from := p.at
	for p.at < len(p.text) && p.text[p.at] >= '0' && p.text[p.at] <= '9' {
		p.at++
	}
	return p.at - from
}

// number checks JSON's grammar for a number and keeps its text, as UseNumber does.
func (p *drillsParser) number() (interface{}, error) {
	from := p.at
	if p.text[p.at] == '-' {
		p.at++
	}
	if p.at < len(p.text) && p.text[p.at] == '0' {
		p.at++
	} else if p.digits() == 0 {
		return nil, p.fail("invalid number")
	}
	if p.at < len(p.text) && p.text[p.at] == '.' {
		p.at++
		if p.digits() == 0 {
			return nil, p.fail("invalid number")
		}
	}
	if p.at < len(p.text) && (p.text[p.at] == 'e' || p.text[p.at] == 'E') {
		p.at++
		if p.at < len(p.text) && (p.text[p.at] == '+' || p.text[p.at] == '-') {
			p.at++
		}
		if p.digits() == 0 {
			return nil, p.fail("invalid number")
		}
	}
	return json.Number(p.text[from:p.at]), nil
}

func (p *drillsParser) hex4() (rune, bool) {
	if p.at+4 > len(p.text) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(p.text[p.at:p.at+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.at += 4
	return rune(n), true
}

// str reads a string as encoding/json does: escapes, surrogate pairs joined, a lone surrogate or a byte that is not
// UTF-8 read as U+FFFD.
func (p *drillsParser) str() (string, error) {
	p.at++
	from := p.at
	// The common case: no escape and nothing but ASCII, taken as it is.
	for p.at < len(p.text) {
		c := p.text[p.at]
		if c == '"' {
			p.at++
			return string(p.text[from : p.at-1]), nil
		}
		if c == '\\' || c < 0x20 || c >= 0x80 {
			break
		}
		p.at++
	}
	var b strings.Builder
	b.Write(p.text[from:p.at])
	for p.at < len(p.text) {
		c := p.text[p.at]
		switch {
		case c == '"':
			p.at++
			return b.String(), nil
		case c < 0x20:
			return "", p.fail("control character in a string")
		case c == '\\':
			p.at++
			if p.at >= len(p.text) {
				return "", p.fail("unexpected end of the job")
			}
			e := p.text[p.at]
			p.at++
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.fail("invalid \\u escape")
				}
				if r >= 0xD800 && r < 0xDC00 && p.at+1 < len(p.text) && p.text[p.at] == '\\' && p.text[p.at+1] == 'u' {
					back := p.at
					p.at += 2
					if low, ok := p.hex4(); ok && low >= 0xDC00 && low < 0xE000 {
						b.WriteRune((r-0xD800)<<10 | (low - 0xDC00) + 0x10000)
						continue
					}
					p.at = back
				}
				if r >= 0xD800 && r < 0xE000 {
					r = utf8.RuneError
				}
				b.WriteRune(r)
			default:
				return "", p.fail("invalid escape")
			}
		case c < 0x80:
			b.WriteByte(c)
			p.at++
		default:
			r, size := utf8.DecodeRune(p.text[p.at:])
			b.WriteRune(r)
			p.at += size
		}
	}
	return "", p.fail("unterminated string")
}

// items reads the members of an array or object up to `close`, each by `each`: the nesting limit, an empty one and
// the separators are handled here for both.
func (p *drillsParser) items(close byte, each func() error) error {
	if p.depth++; p.depth > drillsMaxDepth {
		return p.fail("nested too deep")
	}
	defer func() { p.depth-- }()
	p.at++
	p.space()
	if p.at < len(p.text) && p.text[p.at] == close {
		p.at++
		return nil
	}
	for {
		if err := each(); err != nil {
			return err
		}
		p.space()
		if p.at >= len(p.text) {
			return p.fail("unexpected end of the job")
		}
		switch p.text[p.at] {
		case ',':
			p.at++
		case close:
			p.at++
			return nil
		default:
			return p.fail("expected , or " + string(close))
		}
	}
}

func (p *drillsParser) array() (interface{}, error) {
	items := []interface{}{}
	err := p.items(']', func() error {
		v, err := p.value()
		items = append(items, v)
		return err
	})
	if err != nil {
		return nil, err
	}
	return items, nil
}

func (p *drillsParser) object() (interface{}, error) {
	obj := map[string]interface{}{}
	err := p.items('}', func() error {
		p.space()
		if p.at >= len(p.text) || p.text[p.at] != '"' {
			return p.fail("expected a key")
		}
		k, err := p.str()
		if err != nil {
			return err
		}
		p.space()
		if p.at >= len(p.text) || p.text[p.at] != ':' {
			return p.fail("expected :")
		}
		p.at++
		v, err := p.value()
		obj[k] = v
		return err
	})
	if err != nil {
		return nil, err
	}
	return obj, nil
}

// drillsParseJSON reads one JSON value, and nothing after it but white space.
func drillsParseJSON(text []byte) (interface{}, error) {
	p := &drillsParser{text: text}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	if p.space(); p.at != len(text) {
		return nil, p.fail("text after the job")
	}
	return v, nil
}

// drillsJobReader takes the job's fields out of the parsed value; the first field of the wrong type is the error.
type drillsJobReader struct{ err error }

func (r *drillsJobReader) bad(field string, v interface{}) {
	if r.err == nil {
		r.err = fmt.Errorf("%s is not what the job expects (%T)", field, v)
	}
}

func (r *drillsJobReader) object(v interface{}, field string) map[string]interface{} {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]interface{})
	if !ok {
		r.bad(field, v)
	}
	return m
}

func (r *drillsJobReader) list(v interface{}, field string) []interface{} {
	if v == nil {
		return nil
	}
	l, ok := v.([]interface{})
	if !ok {
		r.bad(field, v)
	}
	return l
}

func (r *drillsJobReader) str(v interface{}, field string) string {
	if v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.bad(field, v)
	}
	return s
}

func (r *drillsJobReader) strs(v interface{}, field string) []string {
	items := r.list(v, field)
	if items == nil {
		return nil
	}
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = r.str(item, field)
	}
	return out
}

func (r *drillsJobReader) boolean(v interface{}, field string) bool {
	if v == nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		r.bad(field, v)
	}
	return b
}

func (r *drillsJobReader) integer(v interface{}, field string) int {
	if v == nil {
		return 0
	}
	n, ok := v.(json.Number)
	i, err := strconv.Atoi(string(n))
	if !ok || err != nil {
		r.bad(field, v)
	}
	return i
}

func (r *drillsJobReader) float(v interface{}, field string) float64 {
	if v == nil {
		return 0
	}
	n, ok := v.(json.Number)
	f, err := n.Float64()
	if !ok || err != nil {
		r.bad(field, v)
	}
	return f
}

func (r *drillsJobReader) lists(v interface{}, field string) [][]interface{} {
	items := r.list(v, field)
	if items == nil {
		return nil
	}
	out := make([][]interface{}, len(items))
	for i, item := range items {
		out[i] = r.list(item, field)
	}
	return out
}

func (r *drillsJobReader) cases(v interface{}, field string) []drillsCase {
	items := r.list(v, field)
	if items == nil {
		return nil
	}
	out := make([]drillsCase, len(items))
	for i, item := range items {
		m := r.object(item, field)
		c := &out[i]
		c.Index = r.integer(m["index"], "index")
		if m["input"] != nil {
			k := r.integer(m["input"], "input")
			c.Input = &k
		}
		c.Args = r.list(m["args"], "args")
		c.Ops = r.strs(m["ops"], "ops")
		c.OpArgs = r.lists(m["opArgs"], "opArgs")
		c.Expected = r.list(m["expected"], "expected")
		if rep := r.object(m["repeat"], "repeat"); rep != nil {
			c.Repeat = &drillsRepeat{Times: r.integer(rep["times"], "repeat.times"), Ops: r.strs(rep["ops"], "repeat.ops"), Args: r.lists(rep["args"], "repeat.args"), Expected: r.list(rep["expected"], "repeat.expected")}
		}
	}
	return out
}

func drillsDecodeJob(text []byte) (drillsJob, error) {
	var job drillsJob
	v, err := drillsParseJSON(text)
	if err != nil {
		return job, err
	}
	r := &drillsJobReader{}
	m := r.object(v, "the job")
	if m == nil && r.err == nil {
		return job, errors.New("the job is null")
	}
	job.Nonce = r.str(m["nonce"], "nonce")
	job.SolutionPath = r.str(m["solutionPath"], "solutionPath")
	spec := r.object(m["spec"], "spec")
	job.Spec = drillsSpec{Kind: r.str(spec["kind"], "spec.kind"), Name: r.str(spec["name"], "spec.name"), Params: r.strs(spec["params"], "spec.params"), Returns: r.str(spec["returns"], "spec.returns"), CtorParams: r.strs(spec["ctorParams"], "spec.ctorParams")}
	if methods := r.object(spec["methods"], "spec.methods"); methods != nil {
		job.Spec.Methods = map[string]drillsMethodSpec{}
		for op, raw := range methods {
			ms := r.object(raw, "spec.methods")
			job.Spec.Methods[op] = drillsMethodSpec{Name: r.str(ms["name"], "method name"), Params: r.strs(ms["params"], "method params"), Returns: r.str(ms["returns"], "method returns")}
		}
	}
	job.Inputs = r.cases(m["inputs"], "inputs")
	job.Cases = r.cases(m["cases"], "cases")
	job.OutputCapBytes = r.integer(m["outputCapBytes"], "outputCapBytes")
	job.MemoryMb = r.float(m["memoryMb"], "memoryMb")
	job.Measuring = r.boolean(m["measuring"], "measuring")
	return job, r.err
}

// ---- main ----

func main() {
	drillsOut = os.Stdout
	drillsStderr = os.Stderr
	capture := drillsNewCapture()
	// Up and waiting for the job (a process started ahead of its run waits here): the runner's READY_LINE.
	_, _ = os.Stderr.WriteString("\x01drills:ready\n")
	// The job in large reads (io.ReadAll starts at 512 bytes and grows the buffer read by read).
	var in bytes.Buffer
	in.Grow(64 << 10)
	_, err := in.ReadFrom(os.Stdin)
	input := in.Bytes()
	if err != nil {
		fmt.Fprintln(os.Stderr, "drills: cannot read the job:", err)
		os.Exit(70)
	}
	job, err := drillsDecodeJob(input)
	if err != nil {
		fmt.Fprintln(os.Stderr, "drills: the job is not valid:", err)
		os.Exit(70)
	}
	input = nil
	drillsMarker = []byte("\x01drills:" + job.Nonce + ":")
	drillsUserFile = job.SolutionPath
	if _, self, _, ok := runtime.Caller(0); ok {
		drillsSolutionFile = filepath.Join(filepath.Dir(self), "solution.go")
	}
	spec := &job.Spec

	var entry reflect.Value
	var cls *drillsClass
	if spec.Kind == "function" {
		entry = reflect.ValueOf(drillsEntry)
		if entry.Kind() != reflect.Func {
			drillsSend(map[string]interface{}{"t": "load-error", "kind": "not-found", "message": fmt.Sprintf("%s is not a function (LeetCode's Go signature: func %s(...) ...).", spec.Name, spec.Name)})
			drillsFlush()
			return
		}
	} else {
		cls = &drillsClass{ctor: reflect.ValueOf(drillsConstructor), methods: map[string]reflect.Value{}}
		if cls.ctor.Kind() == reflect.Func && cls.ctor.Type().NumOut() == 1 {
			// Methods with a value or a pointer receiver are all in the pointer's method set.
			ptr := cls.ctor.Type().Out(0)
			if ptr.Kind() != reflect.Ptr {
				ptr = reflect.PtrTo(ptr)
			}
			for op, m := range spec.Methods {
				if method, ok := ptr.MethodByName(drillsGoName(m.Name)); ok {
					cls.methods[op] = method.Func
				}
			}
		}
		if cls.ctor.Kind() != reflect.Func || cls.ctor.Type().NumOut() != 1 {
			drillsSend(map[string]interface{}{"t": "load-error", "kind": "not-found", "message": fmt.Sprintf("Constructor must be a function returning a %s (LeetCode's Go signature: func Constructor(...) %s).", spec.Name, spec.Name)})
			drillsFlush()
			return
		}
	}

	if capture != nil {
		capture.limit(job.OutputCapBytes)
		os.Stdout = capture.file
		os.Stderr = capture.file
	}
	// From here fd 2 is the messages' pipe: what the runtime writes there as the process dies (a fatal error, a panic
	// on a goroutine the solution started) follows the message that started the case, in one stream. On a pipe of its
	// own it could reach the runner before that message, and be given to the case before.
	_ = syscall.Dup3(1, 2, 0)
	drillsLimitMemory(job.MemoryMb)
	if job.Measuring {
		// Collected before each timed call (drillsSettle) and otherwise only near the memory limit: with the usual
		// goal, twice the live heap, a call that allocates about as much as the job's inputs weigh still paid for a
		// cycle at the larger sizes only.
		debug.SetGCPercent(-1)
	}
	drillsSend(map[string]interface{}{"t": "loaded"})

	// The cases run on one goroutine of their own, so that runtime.Goexit in a case ends that goroutine only.
	finished := make(chan struct{})
	var work func(from int)
	work = func(from int) {
		ci := from
		goexit := false
		defer func() {
			if !goexit {
				close(finished)
				return
			}
			drillsReport(&job.Cases[ci], capture, time.Now(), -1, nil, nil, &drillsError{Kind: "exit", Message: "the solution called runtime.Goexit instead of returning"})
			go work(ci + 1)
		}()
		for ; ci < len(job.Cases); ci++ {
			c := &job.Cases[ci]
			drillsSharedInput(c, job.Inputs)
			// Written as it is, not marshalled from a map (see drillsSendResult).
			drillsPending = append(drillsPending, drillsMarker...)
			drillsPending = append(drillsPending, `{"t":"start","index":`...)
			drillsPending = strconv.AppendInt(drillsPending, int64(c.Index), 10)
			drillsPending = append(drillsPending, "}\n"...)
			drillsFlush()
			started := time.Now()
			// A function's clock starts again once its arguments are made: only the ops of a class are timed from here.
			cpuStarted := int64(-1)
			if cls != nil {
				drillsSettle(job.Measuring)
				cpuStarted = drillsCPUTime()
			}
			value, repeat, err := drillsCatch(func() (interface{}, *drillsRepeatOutcome, error) {
				if cls != nil {
					return drillsRunOps(c, spec, cls)
				}
				args, err := drillsArgs(entry.Type(), 0, c.Args, spec.Name)
				if err != nil {
					return nil, nil, err
				}
				// The call is timed, not the making of its arguments (a tree from its level-order list).
				drillsSettle(job.Measuring)
				started = time.Now()
				cpuStarted = drillsCPUTime()
				results := entry.Call(args)
				if spec.Returns == "void" {
					return nil, nil, nil
				}
				v, err := drillsReturned(results, "")
				return v, nil, err
			}, &goexit)
			if goexit {
				return
			}
			drillsReport(c, capture, started, cpuStarted, value, repeat, err)
		}
	}
	go work(0)
	<-finished
	drillsSend(map[string]interface{}{"t": "done"})
	drillsFlush()
}

// drillsSettle collects the heap before a timed call while measuring growth (when the collector otherwise waits for
// the memory limit). A cycle that starts during the call marks everything live, the job's inputs and the arguments
// just made included: whether the call's allocations crossed the next goal decided whether it paid for one, so the
// fastest call at a larger size always did and at a smaller one often not, and an O(n) solution over 128,000 strings
// read as O(n²). Verdict runs are left as they are.
func drillsSettle(measuring bool) {
	if measuring {
		runtime.GC()
	}
}

// drillsCPUTime is the CPU time of the whole process so far in nanoseconds (every goroutine's thread, the
// collector's included: its work is the solution's allocations), or -1 where the system does not say.
func drillsCPUTime() int64 {
	var ts syscall.Timespec
	const clockProcessCPUTime = 2 // CLOCK_PROCESS_CPUTIME_ID
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockProcessCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return -1
	}
	return ts.Nano()
}

// drillsReport sends a case's result with what it printed: its wall time and, from cpuStarted (-1: unknown), the
// CPU time it took, which a busy machine does not stretch.
func drillsReport(c *drillsCase, capture *drillsCapture, started time.Time, cpuStarted int64, value interface{}, repeat *drillsRepeatOutcome, err error) {
	ms := float64(time.Since(started).Nanoseconds()) / 1e6
	cpuEnded := drillsCPUTime()
	output, truncated := "", false
	if capture != nil {
		output, truncated = capture.take()
	}
	if err == nil && repeat == nil && drillsSendResult(c.Index, ms, cpuStarted, cpuEnded, output, truncated, value) {
		return
	}
	msg := map[string]interface{}{"t": "result", "index": c.Index, "ms": ms, "output": output, "truncated": truncated}
	if cpuStarted >= 0 && cpuEnded >= cpuStarted {
		msg["cpuMs"] = float64(cpuEnded-cpuStarted) / 1e6
	}
	if err != nil {
		var de *drillsError
		var nj drillsNotJSON
		if errors.As(err, &de) {
			msg["error"] = de
		} else if errors.As(err, &nj) {
			msg["error"] = &drillsError{Kind: "not-json", Message: "returned a value that is not JSON (" + nj.what + ")"}
		} else {
			msg["error"] = &drillsError{Kind: "error", Message: err.Error()}
		}
	} else {
		msg["value"] = value
		if repeat != nil {
			msg["repeat"] = drillsMarshalRepeat(repeat)
		}
	}
	drillsSend(msg)
}

// drillsSendResult queues a returned value's result message written field by field (encoding/json marshals a map by
// reflection and sorts its keys: a third of what a trivial case cost); false when the value cannot be written, which
// the caller then reports.
func drillsSendResult(index int, ms float64, cpuStarted, cpuEnded int64, output string, truncated bool, value interface{}) bool {
	data, err := json.Marshal(value)
	if err != nil {
		return false
	}
	b := append(drillsPending, drillsMarker...)
	b = append(b, `{"t":"result","index":`...)
	b = strconv.AppendInt(b, int64(index), 10)
	b = append(b, `,"ms":`...)
	b = strconv.AppendFloat(b, ms, 'g', -1, 64)
	if cpuStarted >= 0 && cpuEnded >= cpuStarted {
		b = append(b, `,"cpuMs":`...)
		b = strconv.AppendFloat(b, float64(cpuEnded-cpuStarted)/1e6, 'g', -1, 64)
	}
	b = append(b, `,"output":`...)
	if output == "" {
		b = append(b, `""`...)
	} else {
		text, _ := json.Marshal(output)
		b = append(b, text...)
	}
	b = append(b, `,"truncated":`...)
	b = strconv.AppendBool(b, truncated)
	b = append(b, `,"value":`...)
	b = append(b, data...)
	drillsPending = append(b, "}\n"...)
	return true
}

// drillsSharedInput puts a case's shared input (the job's "inputs") in place, read in place: arguments are
// converted from it into new values (drillsToGo), so no call changes what the next one is given.
func drillsSharedInput(c *drillsCase, inputs []drillsCase) {
	if c.Input == nil {
		return
	}
	k := *c.Input
	if k < 0 || k >= len(inputs) {
		panic(fmt.Sprintf("case %d refers to input %d, which the job does not have", c.Index, k))
	}
	c.Args, c.Ops, c.OpArgs = inputs[k].Args, inputs[k].Ops, inputs[k].OpArgs
}
