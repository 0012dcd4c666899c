import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.io.FileInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Runs inside the solution's JVM: reads one job (protocol.ts, HarnessJob) from stdin, loads the compiled solution
 * from the class path, runs every case in order and reports over the protocol (MARKER + JSON + "\n" on stdout).
 *
 * Arguments are converted from JSON to the parameter types the solution's method declares (found by reflection),
 * so no code is generated per problem. Every helper is nested in this one class: the solution may name its own
 * classes freely (Json, Node, Pair…). Only the JDK is used.
 */
public final class DrillsHarness {
  private DrillsHarness() {}

  /**
   * The starters' "not implemented" exception, matched in any exception's message. Compiled at its first use, not in
   * every run's start-up, where the JVM would interpret the compiling.
   */
  private static final class NotImplemented {
    static final Pattern WORDS = Pattern.compile("\\bnot implemented\\b", Pattern.CASE_INSENSITIVE);
  }

  /** A returned value nested deeper than this is refused here, as the parent would refuse it. */
  private static final int MAX_DEPTH = 1001;
  /** Frames shown at most for one exception (a stack overflow has a thousand identical ones). */
  private static final int MAX_FRAMES = 40;

  private static OutputStream protocolOut;
  private static String markerText;
  private static String solutionPath;
  private static Capture capture;
  /** The case running now, or -1: a System.exit during it hands its captured output to the parent. */
  private static volatile int runningCase = -1;
  private static String solutionClasses;
  private static String compiledFileName;
  private static ClassLoader solutionLoader;

  public static void main(String[] argv) throws Exception {
    protocolOut = new FileOutputStream(FileDescriptor.out);
    long stackBytes = Long.parseLong(argv[0]) * 1024 * 1024;
    sayReady();
    Throwable[] failure = new Throwable[1];
    // The solution's recursion gets a stack of its own size (the main thread's is fixed by the launcher).
    // No lambdas or method references in the harness: the first one costs the JVM ~50 ms of start-up.
    Runnable body = new Runnable() {
      @Override
      public void run() {
        try {
          DrillsHarness.run();
        } catch (Throwable e) {
          failure[0] = e;
        }
      }
    };
    Thread worker = new Thread(null, body, "main", stackBytes);
    worker.start();
    worker.join();
    if (failure[0] != null) {
      System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
      System.err.print("drills harness: ");
      failure[0].printStackTrace();
      Runtime.getRuntime().halt(70);
    }
    protocolOut.flush();
    // Threads the solution left running must not keep the process (and the run) alive. A halt: the JVM's orderly
    // exit (shutdown hooks, stopping its own threads) took milliseconds the run waited for. Except while the harness's
    // class-data archive is being made, which the JVM writes in its orderly exit.
    if (System.getProperty(ARCHIVING_PROPERTY) == null) Runtime.getRuntime().halt(0);
    System.exit(0);
  }

  /**
   * Loads the solution's classes from their folder. A URLClassLoader does the same through URLs, code sources and
   * protection domains, whose first use the JVM interprets: about 10 ms of every run's start-up.
   *
   * A class the folder holds is its own, before the parent is asked: the parent (the harness's jar) would open and
   * search the jar for every solution class, ~3 ms of each run, and would give a solution class named like one of the
   * harness's (`DrillsCompiler`) the harness's class. Anything else (the JDK) comes from the parent.
   */
  private static final class SolutionLoader extends ClassLoader {
    private final File dir;

    SolutionLoader(File dir, ClassLoader parent) {
      super(parent);
      this.dir = dir;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) c = classFile(name).isFile() ? findClass(name) : super.loadClass(name, false);
        if (resolve) resolveClass(c);
        return c;
      }
    }

    private File classFile(String name) {
      return new File(dir, name.replace('.', '/') + ".class");
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes;
      try (FileInputStream in = new FileInputStream(classFile(name))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  /**
   * Says on stderr that the JVM is up and waits for its job: a process started ahead of a run (a warm one) is then
   * known to be ready. Java cannot write to the socket Node passes as a fourth descriptor, as the interpreters'
   * harnesses do, nor take a variable out of the solution's environment, so it always says it here; the runner takes
   * this line out of what stderr shows.
   */
  private static void sayReady() {
    try {
      FileOutputStream err = new FileOutputStream(FileDescriptor.err);
      err.write(READY_LINE);
      err.flush();
    } catch (IOException e) {
      // Nobody listens: nothing to say.
    }
  }

  /** Set (java.ts) on the run that makes the harness's class-data archive. */
  private static final String ARCHIVING_PROPERTY = "drills.archiving";

  /** protocol.ts READY_LINE. */
  private static final byte[] READY_LINE = {1, 'd', 'r', 'i', 'l', 'l', 's', ':', 'r', 'e', 'a', 'd', 'y', '\n'};

  // ---------------------------------------------------------------------------------------------------------------
  // The run

  @SuppressWarnings("unchecked")
  private static void run() throws Exception {
    Map<String, Object> job = (Map<String, Object>) new Json(readAll(System.in)).parseDocument();
    markerText = "\u0001drills:" + job.get("nonce") + ":";
    solutionPath = (String) job.get("solutionPath");
    // The solution's build: its classes' folder, and the name javac recorded for the user's file (the copy it
    // compiled), which stack frames carry. The JVM may have started before that build was made.
    Map<String, Object> built = (Map<String, Object>) job.get("built");
    solutionClasses = (String) built.get("classes");
    compiledFileName = (String) built.get("compiledFile");
    solutionLoader = new SolutionLoader(new File(solutionClasses), DrillsHarness.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(solutionLoader);
    Map<String, Object> spec = (Map<String, Object>) job.get("spec");
    // The solution's classes are loaded by a loader of their own: the JVM's class path is the harness's alone, the
    // same in every run, so its class-data archive (built once with the harness) always applies.
    String classesDir = solutionClasses;
    capture = new Capture(((Number) job.get("outputCapBytes")).intValue());
    PrintStream captured = new PrintStream(capture, false, StandardCharsets.UTF_8);
    System.setOut(captured);
    System.setErr(captured);
    Runtime.getRuntime().addShutdownHook(new Thread() {
      @Override
      public void run() {
        onExit();
      }
    });

    Entry entry;
    try {
      entry = loadEntry(spec, classesDir);
    } catch (LoadError e) {
      String out = capture.take().text;
      if (!out.isEmpty()) writeRaw(out);
      send(e.message);
      return;
    }
    queue(obj("t", "loaded"));
    CpuClock clock = new CpuClock();

    for (Object c : (List<Object>) job.get("cases")) {
      Map<String, Object> theCase = withSharedInput((Map<String, Object>) c, (List<Object>) job.get("inputs"));
      int index = ((Number) theCase.get("index")).intValue();
      capture.take();
      pending.append(markerText).append("{\"t\":\"start\",\"index\":").append(index).append("}\n");
      flush();
      Map<String, Object> result = obj("t", "result", "index", (long) index);
      boolean fatal = false;
      runningCase = index;
      clock.start();
      try {
        if (entry.function) {
          result.put("value", entry.call(theCase, clock));
        } else {
          entry.runOps(theCase, result);
        }
      } catch (NotJson e) {
        result.put("error", obj("kind", "not-json", "message", "returned a value that is not JSON (" + e.getMessage() + ")"));
      } catch (OutOfMemoryError e) {
        result.put("error", obj("kind", "memory", "message", "ran out of memory (" + describeOom(e) + ")"));
        fatal = true;
      } catch (CaseError e) {
        result.put("error", e.error);
      } catch (Throwable e) {
        result.put("error", describe(e));
      }
      long ns = clock.elapsed();
      runningCase = -1;
      if (result.containsKey("error")) result.remove("value");
      result.put("ms", new Nanos(ns));
      Captured out = capture.take();
      result.put("output", out.text);
      result.put("truncated", out.truncated);
      try {
        queue(result);
      } catch (OutOfMemoryError e) {
        pending.setLength(0);
        result.remove("value");
        result.remove("repeat");
        result.put("error", obj("kind", "memory", "message", "ran out of memory while sending the returned value (" + describeOom(e) + ")"));
        queue(result);
        fatal = true;
      }
      // The heap may be held by the solution's statics: the rest run in a fresh JVM.
      if (fatal) {
        flush();
        Runtime.getRuntime().halt(0);
      }
    }
    send(obj("t", "done"));
  }

  /**
   * The CPU time of the thread running the cases, without the ~60 ms that loading the management classes costs at
   * start-up. On Linux from /proc/thread-self/schedstat: its first field, the time on the CPU, moves only at a
   * scheduler tick (every 4 ms here), so a case's time is its wall time less the second field, the time it waited
   * for a CPU (counted exactly, at each switch back in), whenever that agrees with the first field to within a
   * tick (the thread did not block meanwhile); else the first field. Elsewhere the thread MXBean, and wall time
   * where even that is missing.
   */
  private static final class CpuClock {
    /** Two clocks further apart than this over a case mean the thread blocked (I/O, a lock, a collector's pause). */
    private static final long TICK_SLACK_NS = 12_000_000L;
    private RandomAccessFile schedstat;
    private final byte[] buffer = new byte[128];
    private final long[] fields = new long[2];
    private ThreadMXBean bean;
    private long onCpu0;
    private long waited0;
    private long wall0;

    CpuClock() {
      try {
        schedstat = new RandomAccessFile("/proc/thread-self/schedstat", "r");
        if (!readSchedstat()) throw new IOException("unreadable");
      } catch (IOException e) {
        schedstat = null;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported()) bean = threads;
      }
    }

    /** Reads the time on the CPU and the time waiting for one, in nanoseconds, into `fields`. */
    private boolean readSchedstat() throws IOException {
      schedstat.seek(0);
      int n = schedstat.read(buffer);
      int k = 0;
      for (int f = 0; f < 2; f++) {
        long value = 0;
        int digits = 0;
        for (; k < n && buffer[k] >= '0' && buffer[k] <= '9'; k++, digits++) value = value * 10 + (buffer[k] - '0');
        if (digits == 0) return false;
        fields[f] = value;
        if (k < n && buffer[k] == ' ') k++;
      }
      return true;
    }

    void start() {
      if (schedstat != null) {
        try {
          if (readSchedstat()) {
            wall0 = System.nanoTime();
            onCpu0 = fields[0];
            waited0 = fields[1];
            return;
          }
        } catch (IOException e) {
          // Read below from the next clock.
        }
        schedstat = null;
      }
      wall0 = System.nanoTime();
      onCpu0 = bean != null ? bean.getCurrentThreadCpuTime() : wall0;
    }

    /** The CPU time since `start()`, in nanoseconds. */
    long elapsed() {
      long wall = System.nanoTime() - wall0;
      if (schedstat != null) {
        try {
          if (readSchedstat()) {
            long coarse = fields[0] - onCpu0;
            long exact = wall - (fields[1] - waited0);
            return Math.abs(exact - coarse) <= TICK_SLACK_NS ? Math.max(0, exact) : coarse;
          }
        } catch (IOException e) {
          // The clock went away mid-run: the case's wall time.
        }
        schedstat = null;
        return wall;
      }
      return bean != null ? bean.getCurrentThreadCpuTime() - onCpu0 : wall;
    }
  }

  /** A duration written in JSON as milliseconds with six decimals, without formatting a double (slow before JIT). */
  static final class Nanos {
    final long ns;

    Nanos(long ns) {
      this.ns = Math.max(0, ns);
    }

    void writeMillis(StringBuilder sb) {
      String fraction = Long.toString(ns % 1_000_000L);
      sb.append(ns / 1_000_000L).append('.');
      for (int k = fraction.length(); k < 6; k++) sb.append('0');
      sb.append(fraction);
    }
  }

  private static String describeOom(OutOfMemoryError e) {
    return e.getMessage() == null ? "OutOfMemoryError" : "OutOfMemoryError: " + e.getMessage();
  }

  /** System.exit during a case: what the case printed goes to the parent as raw output, which it gives that case. */
  private static void onExit() {
    if (runningCase < 0 || capture == null) return;
    String out = capture.take().text;
    if (!out.isEmpty()) writeRaw(out);
  }

  private static void writeRaw(String text) {
    try {
      synchronized (DrillsHarness.class) {
        protocolOut.write(text.getBytes(StandardCharsets.UTF_8));
        protocolOut.flush();
      }
    } catch (IOException ignored) {
      // The parent is gone.
    }
  }

  /** Messages not written yet: a case's result goes out with the next case's start, in one write. */
  private static final StringBuilder pending = new StringBuilder(256);

  private static void queue(Map<String, Object> message) {
    pending.append(markerText);
    Json.write(message, pending);
    pending.append('\n');
  }

  private static void flush() throws IOException {
    byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
    pending.setLength(0);
    synchronized (DrillsHarness.class) {
      protocolOut.write(bytes);
      protocolOut.flush();
    }
  }

  private static void send(Map<String, Object> message) throws IOException {
    queue(message);
    flush();
  }

  /**
   * The case with its shared input in place (the job's "inputs"), read in place: arguments are converted from it
   * into new values (toJava), so no call changes what the next one is given.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> withSharedInput(Map<String, Object> theCase, List<Object> inputs) {
    Object slot = theCase.get("input");
    if (slot == null) return theCase;
    int k = ((Number) slot).intValue();
    if (inputs == null || k < 0 || k >= inputs.size()) throw new IllegalStateException("case " + theCase.get("index") + " refers to input " + k + ", which the job does not have");
    Map<String, Object> merged = new LinkedHashMap<>(theCase);
    merged.putAll((Map<String, Object>) inputs.get(k));
    return merged;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Loading: the class and methods the problem names

  private static final class LoadError extends Exception {
    final Map<String, Object> message;

    LoadError(Map<String, Object> message) {
      super((String) message.get("message"), null, false, false);
      this.message = message;
    }
  }

  /** What the solution's folder of classes defines at the top level (for a "not found" message). */
  private static List<String> definedClasses(String classesDir) {
    List<String> names = new ArrayList<>();
    String[] files = new File(classesDir).list();
    if (files == null) return names;
    for (String f : files) {
      if (f.endsWith(".class") && !f.contains("$")) names.add(f.substring(0, f.length() - 6));
    }
    names.remove("TreeNode");
    names.remove("ListNode");
    names.sort(null);
    return names;
  }

  private static Entry loadEntry(Map<String, Object> spec, String classesDir) throws LoadError {
    boolean function = "function".equals(spec.get("kind"));
    String className = function ? "Solution" : (String) spec.get("name");
    Class<?> cls;
    try {
      cls = Class.forName(className, false, solutionLoader);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      List<String> defined = definedClasses(classesDir);
      String has = defined.isEmpty() ? "it defines no class" : "it defines " + String.join(", ", defined);
      String what = function ? "class Solution with a method " + spec.get("name") : "class named " + className;
      throw new LoadError(obj("t", "load-error", "kind", "not-found", "message", "The solution has no " + what + "; " + has + "."));
    }
    try {
      // Static initialisers run now, at load, as the interpreted languages run top-level code.
      Class.forName(className, true, cls.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new LoadError(obj("t", "load-error", "kind", "load-failed", "message", "The solution failed to load: " + e));
    } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      Map<String, Object> err = describe(cause);
      Map<String, Object> msg = obj("t", "load-error", "kind", "load-failed", "message", "The solution failed to load: " + err.get("message"), "stack", err.get("stack"));
      if (err.containsKey("location")) msg.put("location", err.get("location"));
      throw new LoadError(msg);
    }
    return function ? Entry.forFunction(cls, spec) : Entry.forClass(cls, spec);
  }

  /** A thrown error that is the case's result as it is (a mismatched signature, an op that raised). */
  private static final class CaseError extends RuntimeException {
    final Map<String, Object> error;

    CaseError(Map<String, Object> error) {
      super((String) error.get("message"), null, false, false);
      this.error = error;
    }
  }

  private static CaseError signatureError(String message) {
    return new CaseError(obj("kind", "error", "message", message, "classes", List.of("IllegalArgumentException")));
  }

  /** Methods of a class with one name: its own (any access) and inherited public ones. */
  private static List<Method> methodsNamed(Class<?> cls, String name) {
    List<Method> found = new ArrayList<>();
    for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && !m.isSynthetic() && !m.isBridge()) found.add(m);
      }
      if (!found.isEmpty()) break;
    }
    return found;
  }

  private static <T extends Executable> T pick(List<T> candidates, int arity) {
    for (T m : candidates) if (m.getParameterCount() == arity) return m;
    return candidates.size() == 1 ? candidates.get(0) : null;
  }

  private static String methodNames(Class<?> cls) {
    TreeSet<String> names = new TreeSet<>();
    for (Method m : cls.getDeclaredMethods()) if (!m.isSynthetic()) names.add(m.getName());
    return names.isEmpty() ? "no methods" : "methods " + String.join(", ", names);
  }

  private static final class Op {
    final Method method;
    final String[] declared;
    final String returns;
    final String name;

    Op(Method method, String[] declared, String returns, String name) {
      this.method = method;
      this.declared = declared;
      // Read once here, not on every call: the type as returned() compares it.
      this.returns = returns == null ? "any" : returns.replace(" ", "");
      this.name = name;
    }
  }

  /** The solution's entry point: a method of Solution, or a class with its constructor and methods. */
  private static final class Entry {
    boolean function;
    Class<?> cls;
    Constructor<?> ctor;
    String[] ctorDeclared;
    Op fn;
    Map<String, Object> methods;
    final Map<String, Op> ops = new HashMap<>();
    String className;

    @SuppressWarnings("unchecked")
    static Entry forFunction(Class<?> cls, Map<String, Object> spec) throws LoadError {
      Entry e = new Entry();
      e.function = true;
      e.cls = cls;
      e.className = cls.getSimpleName();
      String name = (String) spec.get("name");
      String[] params = strings((List<Object>) spec.get("params"));
      Method m = pick(methodsNamed(cls, name), params.length);
      if (m == null) {
        String why = methodsNamed(cls, name).isEmpty() ? "it has " + methodNames(cls) : "none takes " + params.length + " parameter" + (params.length == 1 ? "" : "s");
        throw new LoadError(obj("t", "load-error", "kind", "not-found", "message", "The solution's class Solution has no method " + name + " to call; " + why + "."));
      }
      m.setAccessible(true);
      if (!Modifier.isStatic(m.getModifiers())) e.ctor = noArgConstructor(cls);
      e.fn = new Op(m, params, (String) spec.get("returns"), name);
      return e;
    }

    @SuppressWarnings("unchecked")
    static Entry forClass(Class<?> cls, Map<String, Object> spec) throws LoadError {
      Entry e = new Entry();
      e.cls = cls;
      e.className = cls.getSimpleName();
      e.ctorDeclared = strings((List<Object>) spec.get("ctorParams"));
      List<Constructor<?>> ctors = new ArrayList<>(List.of(cls.getDeclaredConstructors()));
      e.ctor = pick(ctors, e.ctorDeclared.length);
      if (e.ctor == null) {
        throw new LoadError(obj("t", "load-error", "kind", "not-found", "message", "The solution's class " + e.className + " has no constructor taking " + e.ctorDeclared.length + " parameter" + (e.ctorDeclared.length == 1 ? "" : "s") + "."));
      }
      e.ctor.setAccessible(true);
      e.methods = (Map<String, Object>) spec.get("methods");
      return e;
    }

    static Constructor<?> noArgConstructor(Class<?> cls) throws LoadError {
      try {
        Constructor<?> c = cls.getDeclaredConstructor();
        c.setAccessible(true);
        return c;
      } catch (NoSuchMethodException ex) {
        throw new LoadError(obj("t", "load-error", "kind", "not-found", "message", "The solution's class " + cls.getSimpleName() + " needs a constructor without parameters: the judge creates one instance per case."));
      }
    }

    /** The op's method, looked up once per name; an unknown op is the case's error. */
    @SuppressWarnings("unchecked")
    Op op(String opName) {
      Op found = ops.get(opName);
      if (found != null) return found;
      Map<String, Object> m = (Map<String, Object>) methods.get(opName);
      String name = m != null ? (String) m.get("name") : opName;
      String[] params = m != null ? strings((List<Object>) m.get("params")) : new String[0];
      Method method = pick(methodsNamed(cls, name), params.length);
      if (method == null) {
        throw new CaseError(obj("kind", "error", "message", className + " has no method " + name + " taking " + params.length + " parameter" + (params.length == 1 ? "" : "s") + " (" + methodNames(cls) + ")", "classes", List.of("NoSuchMethodException")));
      }
      method.setAccessible(true);
      found = new Op(method, params, m != null ? (String) m.get("returns") : "any", opName);
      ops.put(opName, found);
      return found;
    }

    @SuppressWarnings("unchecked")
    Object call(Map<String, Object> theCase, CpuClock clock) throws Throwable {
      List<Object> args = (List<Object>) theCase.getOrDefault("args", List.of());
      Object[] javaArgs = convertArgs(fn.method, args, fn.name);
      // The call is timed, not the making of its arguments (a tree from its level-order list).
      clock.start();
      Object target = ctor == null ? null : invoke(ctor, new Object[0]);
      Object value = invoke(fn.method, target, javaArgs);
      return returned(value, fn.returns, fn.method.getReturnType());
    }

    @SuppressWarnings("unchecked")
    void runOps(Map<String, Object> theCase, Map<String, Object> result) throws Throwable {
      List<Object> opNames = (List<Object>) theCase.getOrDefault("ops", List.of());
      List<Object> opArgs = (List<Object>) theCase.getOrDefault("opArgs", List.of());
      List<Object> outputs = new ArrayList<>();
      Object instance = null;
      for (int k = 0; k < opNames.size(); k++) {
        String opName = (String) opNames.get(k);
        List<Object> raw = k < opArgs.size() && opArgs.get(k) != null ? (List<Object>) opArgs.get(k) : List.of();
        try {
          if (k == 0) {
            instance = invoke(ctor, convertArgs(ctor, raw, className));
            outputs.add(null);
            continue;
          }
          Op op = op(opName);
          Object value = invoke(op.method, instance, convertArgs(op.method, raw, op.name));
          outputs.add(returned(value, op.returns, op.method.getReturnType()));
        } catch (NotJson e) {
          throw new NotJson(e.getMessage() + " from op #" + k + " (" + opName + ")");
        } catch (OutOfMemoryError e) {
          throw e;
        } catch (CaseError e) {
          throw opError(e.error, "op #" + k + " (" + opName + ")");
        } catch (Throwable e) {
          throw opError(describe(e), "op #" + k + " (" + opName + ")");
        }
      }
      result.put("value", outputs);
      Map<String, Object> block = (Map<String, Object>) theCase.get("repeat");
      if (block == null) return;
      List<Object> expected = (List<Object>) theCase.getOrDefault("expected", List.of());
      // The block runs only when the listed ops are right: the parent reports the first wrong one.
      for (int k = 1; k < outputs.size(); k++) {
        if (k >= expected.size() || !jsonEqual(outputs.get(k), expected.get(k))) return;
      }
      result.put("repeat", runRepeat(block, instance, opNames.size()));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> runRepeat(Map<String, Object> block, Object instance, int listed) throws Throwable {
      long times = ((Number) block.get("times")).longValue();
      List<Object> blockOps = (List<Object>) block.get("ops");
      List<Object> blockArgs = (List<Object>) block.get("args");
      List<Object> blockExpected = (List<Object>) block.get("expected");
      int length = blockOps.size();
      Op[] resolved = new Op[length];
      boolean[] argsVary = new boolean[length];
      boolean[] expectedVaries = new boolean[length];
      for (int j = 0; j < length; j++) {
        String opName = (String) blockOps.get(j);
        try {
          resolved[j] = op(opName);
        } catch (CaseError e) {
          throw opError(e.error, "op #" + (listed + j) + " (" + opName + ", repeat i = 0)");
        }
        argsVary[j] = hasIndex(blockArgs.get(j));
        expectedVaries[j] = hasIndex(blockExpected.get(j));
      }
      for (long i = 0; i < times; i++) {
        for (int j = 0; j < length; j++) {
          Op op = resolved[j];
          Object rawArgs = argsVary[j] ? expand(blockArgs.get(j), i) : blockArgs.get(j);
          long opIndex = listed + i * length + j;
          Object actual;
          try {
            Object value = invoke(op.method, instance, convertArgs(op.method, (List<Object>) rawArgs, op.name));
            actual = returned(value, op.returns, op.method.getReturnType());
          } catch (NotJson e) {
            throw new NotJson(e.getMessage() + " from op #" + opIndex + " (" + op.name + ", repeat i = " + i + ")");
          } catch (OutOfMemoryError e) {
            throw e;
          } catch (CaseError e) {
            throw opError(e.error, "op #" + opIndex + " (" + op.name + ", repeat i = " + i + ", args " + preview(rawArgs) + ")");
          } catch (Throwable e) {
            throw opError(describe(e), "op #" + opIndex + " (" + op.name + ", repeat i = " + i + ", args " + preview(rawArgs) + ")");
          }
          Object expected = expectedVaries[j] ? expand(blockExpected.get(j), i) : blockExpected.get(j);
          if (!jsonEqual(actual, expected)) {
            return obj("ok", false, "times", times, "op", opIndex, "i", i, "name", op.name, "args", rawArgs, "expected", expected, "actual", actual);
          }
        }
      }
      return obj("ok", true, "times", times);
    }
  }

  private static CaseError opError(Map<String, Object> error, String where) {
    Map<String, Object> copy = new LinkedHashMap<>(error);
    copy.put("message", where + " raised " + error.get("message"));
    return new CaseError(copy);
  }

  private static String[] strings(List<Object> list) {
    String[] out = new String[list == null ? 0 : list.size()];
    for (int i = 0; i < out.length; i++) out[i] = ((String) list.get(i)).replace(" ", "");
    return out;
  }

  private static Object invoke(Executable target, Object instance, Object[] args) throws Throwable {
    try {
      return target instanceof Method ? ((Method) target).invoke(instance, args) : ((Constructor<?>) target).newInstance(args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object invoke(Constructor<?> ctor, Object[] args) throws Throwable {
    return invoke(ctor, null, args);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // JSON → the method's parameter types

  /** Each method's parameter types, read once (the reflection call copies them every time). */
  private static final Map<Executable, Type[]> PARAMETER_TYPES = new HashMap<>();

  private static Object[] convertArgs(Executable target, List<Object> args, String name) {
    Type[] types = PARAMETER_TYPES.get(target);
    if (types == null) {
      types = target.getGenericParameterTypes();
      PARAMETER_TYPES.put(target, types);
    }
    if (args.size() != types.length) {
      throw signatureError(name + " takes " + types.length + " parameter" + (types.length == 1 ? "" : "s") + " but the case passes " + args.size());
    }
    Object[] out = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      try {
        out[i] = toJava(args.get(i), types[i]);
      } catch (Mismatch e) {
        throw signatureError("argument " + (i + 1) + " of " + name + " is " + preview(args.get(i)) + ", which cannot be passed as " + typeName(types[i]) + (e.getMessage() != null ? " (" + e.getMessage() + ")" : ""));
      }
    }
    return out;
  }

  private static final class Mismatch extends RuntimeException {
    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  private static String typeName(Type t) {
    return t instanceof Class ? ((Class<?>) t).getSimpleName() : t.getTypeName().replaceAll("java\\.(lang|util)\\.", "");
  }

  private static Class<?> rawClass(Type t) {
    if (t instanceof Class) return (Class<?>) t;
    if (t instanceof ParameterizedType) return (Class<?>) ((ParameterizedType) t).getRawType();
    if (t instanceof GenericArrayType) return Array.newInstance(rawClass(((GenericArrayType) t).getGenericComponentType()), 0).getClass();
    if (t instanceof WildcardType) return rawClass(((WildcardType) t).getUpperBounds()[0]);
    return Object.class;
  }

  private static Type typeArg(Type t, int i) {
    if (t instanceof ParameterizedType) {
      Type a = ((ParameterizedType) t).getActualTypeArguments()[i];
      if (a instanceof WildcardType) return ((WildcardType) a).getUpperBounds()[0];
      if (a instanceof TypeVariable) return Object.class;
      return a;
    }
    return Object.class;
  }

  private static long integral(Object v, long min, long max) {
    if (v instanceof Long) {
      long n = (Long) v;
      if (n >= min && n <= max) return n;
      throw new Mismatch("out of range");
    }
    if (v instanceof BigInteger) throw new Mismatch("out of range");
    if (v instanceof Double && (Double) v == Math.rint((Double) v) && (Double) v >= min && (Double) v <= max) return (long) (double) (Double) v;
    throw new Mismatch(null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object toJava(Object v, Type type) {
    Class<?> c = rawClass(type);
    if (c == Object.class) return natural(v);
    if (v == null) {
      if (c.isPrimitive()) throw new Mismatch("null for a primitive");
      return null;
    }
    if (c == int.class || c == Integer.class) return (int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (c == long.class || c == Long.class) return integral(v, Long.MIN_VALUE, Long.MAX_VALUE);
    if (c == short.class || c == Short.class) return (short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE);
    if (c == byte.class || c == Byte.class) return (byte) integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      if (!(v instanceof Number)) throw new Mismatch(null);
      double d = ((Number) v).doubleValue();
      return c == float.class || c == Float.class ? (Object) (float) d : (Object) d;
    }
    if (c == boolean.class || c == Boolean.class) {
      if (!(v instanceof Boolean)) throw new Mismatch(null);
      return v;
    }
    if (c == char.class || c == Character.class) {
      if (v instanceof String && ((String) v).length() == 1) return ((String) v).charAt(0);
      throw new Mismatch("a char is a string of one character");
    }
    if (c == String.class) {
      if (!(v instanceof String)) throw new Mismatch(null);
      return v;
    }
    if (c == BigInteger.class) {
      if (v instanceof Long) return BigInteger.valueOf((Long) v);
      if (v instanceof BigInteger) return v;
      throw new Mismatch(null);
    }
    if (c.isArray()) {
      if (!(v instanceof List)) throw new Mismatch(null);
      List<Object> list = (List<Object>) v;
      Class<?> component = c.getComponentType();
      int n = list.size();
      if (component == int.class) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = (int) integral(list.get(i), Integer.MIN_VALUE, Integer.MAX_VALUE);
        return out;
      }
      if (component == long.class) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = integral(list.get(i), Long.MIN_VALUE, Long.MAX_VALUE);
        return out;
      }
      Type componentType = type instanceof GenericArrayType ? ((GenericArrayType) type).getGenericComponentType() : component;
      Object out = Array.newInstance(component, n);
      for (int i = 0; i < n; i++) Array.set(out, i, toJava(list.get(i), componentType));
      return out;
    }
    // After arrays: reading a class's simple name is slow before the JIT, and an array is never a node.
    if (isNode(c, "TreeNode")) return buildTree(v, c);
    if (isNode(c, "ListNode")) return buildList(v, c);
    if (Collection.class.isAssignableFrom(c) || c == Iterable.class) {
      if (!(v instanceof List)) throw new Mismatch(null);
      Collection<Object> out;
      if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
        if (Set.class.isAssignableFrom(c)) out = c.isAssignableFrom(TreeSet.class) && !c.isAssignableFrom(java.util.HashSet.class) ? new TreeSet<>() : new java.util.HashSet<>();
        else if (c.isAssignableFrom(ArrayList.class)) out = new ArrayList<>();
        else if (c.isAssignableFrom(LinkedList.class)) out = new LinkedList<>();
        else out = new ArrayDeque<>();
      } else {
        out = (Collection<Object>) instantiate(c);
      }
      Type element = typeArg(type, 0);
      for (Object item : (List<Object>) v) out.add(toJava(item, element));
      return out;
    }
    if (Map.class.isAssignableFrom(c)) {
      if (!(v instanceof Map)) throw new Mismatch(null);
      Map<Object, Object> out;
      if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) out = c.isAssignableFrom(HashMap.class) ? new HashMap<>() : new TreeMap<>();
      else out = (Map<Object, Object>) instantiate(c);
      Type keyType = typeArg(type, 0);
      Type valueType = typeArg(type, 1);
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) out.put(mapKey(e.getKey(), keyType), toJava(e.getValue(), valueType));
      return out;
    }
    throw new Mismatch(null);
  }

  private static Object mapKey(String key, Type keyType) {
    Class<?> k = rawClass(keyType);
    if (k == String.class || k == Object.class || k == CharSequence.class) return key;
    try {
      if (k == Integer.class) return Integer.valueOf(key);
      if (k == Long.class) return Long.valueOf(key);
    } catch (NumberFormatException e) {
      throw new Mismatch("the key \"" + key + "\" is not a number");
    }
    throw new Mismatch("map keys are strings");
  }

  private static Object instantiate(Class<?> c) {
    try {
      Constructor<?> ctor = c.getDeclaredConstructor();
      ctor.setAccessible(true);
      return ctor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new Mismatch("cannot create a " + c.getSimpleName());
    }
  }

  /** A value for a parameter typed Object: numbers as Integer when they fit, else Long (BigInteger beyond). */
  @SuppressWarnings("unchecked")
  private static Object natural(Object v) {
    if (v instanceof Long) {
      long n = (Long) v;
      return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? (Object) (int) n : v;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>(((List<Object>) v).size());
      for (Object item : (List<Object>) v) out.add(natural(item));
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new HashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) out.put(e.getKey(), natural(e.getValue()));
      return out;
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TreeNode and ListNode, whichever classes the solution was compiled with (found by their field names)

  private static final Map<Class<?>, Field[]> NODE_FIELDS = new HashMap<>();

  private static boolean isNode(Class<?> c, String name) {
    return c.getSimpleName().equals(name) && nodeFields(c) != null;
  }

  /** val, then left and right (tree) or next (list); null when the class lacks one. */
  private static Field[] nodeFields(Class<?> c) {
    if (NODE_FIELDS.containsKey(c)) return NODE_FIELDS.get(c);
    Field[] fields = null;
    try {
      Field val = c.getDeclaredField("val");
      if (c.getSimpleName().equals("TreeNode")) fields = new Field[] {val, c.getDeclaredField("left"), c.getDeclaredField("right")};
      else fields = new Field[] {val, c.getDeclaredField("next")};
      for (Field f : fields) f.setAccessible(true);
    } catch (NoSuchFieldException e) {
      fields = null;
    }
    NODE_FIELDS.put(c, fields);
    return fields;
  }

  private static Object newNode(Class<?> c, Object value) {
    Field[] f = nodeFields(c);
    Object node = instantiate(c);
    try {
      f[0].set(node, toJava(value, f[0].getGenericType()));
    } catch (IllegalAccessException e) {
      throw new Mismatch(e.getMessage());
    }
    return node;
  }

  /** A tree from LeetCode's level order with nulls, without recursion (a 100 000-level chain is fine). */
  @SuppressWarnings("unchecked")
  private static Object buildTree(Object v, Class<?> c) {
    if (!(v instanceof List)) throw new Mismatch("a tree is given as a level-order list");
    List<Object> values = (List<Object>) v;
    if (values.isEmpty() || values.get(0) == null) return null;
    Field[] f = nodeFields(c);
    Object root = newNode(c, values.get(0));
    ArrayDeque<Object> queue = new ArrayDeque<>();
    queue.add(root);
    int i = 1;
    try {
      while (!queue.isEmpty() && i < values.size()) {
        Object node = queue.poll();
        for (int side = 1; side <= 2 && i < values.size(); side++) {
          Object value = values.get(i++);
          if (value != null) {
            Object child = newNode(c, value);
            f[side].set(node, child);
            queue.add(child);
          }
        }
      }
    } catch (IllegalAccessException e) {
      throw new Mismatch(e.getMessage());
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Object buildList(Object v, Class<?> c) {
    if (!(v instanceof List)) throw new Mismatch("a linked list is given as a list");
    List<Object> values = (List<Object>) v;
    Field next = nodeFields(c)[1];
    Object head = null;
    try {
      for (int i = values.size() - 1; i >= 0; i--) {
        Object node = newNode(c, values.get(i));
        next.set(node, head);
        head = node;
      }
    } catch (IllegalAccessException e) {
      throw new Mismatch(e.getMessage());
    }
    return head;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Returned values → JSON

  static final class NotJson extends RuntimeException {
    NotJson(String message) {
      super(message, null, false, false);
    }
  }

  private static Object returned(Object value, String typ, Class<?> javaReturn) {
    if (typ.equals("void") || javaReturn == void.class) return null;
    return toJsonAs(value, typ, "", new IdentityHashMap<>(), 0);
  }

  private static String at(String where) {
    return where.isEmpty() ? "" : " at " + where;
  }

  /** A returned value converted by its declared type: only a declared TreeNode or ListNode is read as one. */
  @SuppressWarnings("unchecked")
  private static Object toJsonAs(Object value, String typ, String where, IdentityHashMap<Object, Boolean> seen, int depth) {
    if (typ.equals("TreeNode") || typ.equals("ListNode")) {
      // LeetCode shows an empty tree or list as [], as tests give them.
      if (value == null) return new ArrayList<>();
      Class<?> c = value.getClass();
      if (isNode(c, "TreeNode")) return treeToList(value, where, seen, depth);
      if (isNode(c, "ListNode")) return listToArray(value, where, seen, depth);
      return toJson(value, where, seen, depth);
    }
    if (typ.endsWith("[]") && !typ.equals("any[]")) {
      String inner = typ.substring(0, typ.length() - 2);
      if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
        Object[] items = (Object[]) value;
        enter(value, where, seen, depth);
        try {
          List<Object> out = new ArrayList<>(items.length);
          for (int i = 0; i < items.length; i++) out.add(toJsonAs(items[i], inner, where + "[" + i + "]", seen, depth + 1));
          return out;
        } finally {
          seen.remove(value);
        }
      }
      if (value instanceof List) {
        List<Object> items = (List<Object>) value;
        enter(value, where, seen, depth);
        try {
          List<Object> out = new ArrayList<>(items.size());
          int i = 0;
          for (Object item : items) out.add(toJsonAs(item, inner, where + "[" + i++ + "]", seen, depth + 1));
          return out;
        } finally {
          seen.remove(value);
        }
      }
      return toJson(value, where, seen, depth);
    }
    if (typ.startsWith("map<string,") && typ.endsWith(">") && !typ.equals("map<string,any>") && value instanceof Map) {
      String inner = typ.substring("map<string,".length(), typ.length() - 1);
      enter(value, where, seen, depth);
      try {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : ((Map<Object, Object>) value).entrySet()) {
          String key = jsonKey(e.getKey(), where);
          out.put(key, toJsonAs(e.getValue(), inner, where + "[" + Json.quote(key) + "]", seen, depth + 1));
        }
        return out;
      } finally {
        seen.remove(value);
      }
    }
    return toJson(value, where, seen, depth);
  }

  /** Marks a container as being converted: a value nested too deep or containing itself is not JSON. */
  private static void enter(Object value, String where, IdentityHashMap<Object, Boolean> seen, int depth) {
    if (depth > MAX_DEPTH) throw new NotJson("a value nested deeper than " + (MAX_DEPTH - 1) + " levels" + at(where));
    if (seen.containsKey(value)) throw new NotJson("a structure that contains itself" + at(where));
    seen.put(value, Boolean.TRUE);
  }

  private static String jsonKey(Object key, String where) {
    if (key instanceof String) return (String) key;
    if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte || key instanceof BigInteger || key instanceof Character) return String.valueOf(key);
    if (key instanceof Boolean) return key.toString();
    throw new NotJson("a map with a " + (key == null ? "null" : key.getClass().getSimpleName()) + " key" + at(where));
  }

  /** Any value as JSON, by what it is. */
  @SuppressWarnings("unchecked")
  private static Object toJson(Object value, String where, IdentityHashMap<Object, Boolean> seen, int depth) {
    if (value == null || value instanceof Boolean || value instanceof String || value instanceof Long || value instanceof BigInteger) return value;
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) return ((Number) value).longValue();
    if (value instanceof Character) return String.valueOf(value);
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) throw new NotJson(d + at(where));
      return d;
    }
    if (value instanceof BigDecimal) return ((BigDecimal) value).doubleValue();
    Class<?> c = value.getClass();
    if (c.isArray()) {
      int n = Array.getLength(value);
      enter(value, where, seen, depth);
      try {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(toJson(Array.get(value, i), where + "[" + i + "]", seen, depth + 1));
        return out;
      } finally {
        seen.remove(value);
      }
    }
    if (value instanceof List) {
      enter(value, where, seen, depth);
      try {
        List<Object> out = new ArrayList<>();
        int i = 0;
        for (Object item : (List<Object>) value) out.add(toJson(item, where + "[" + i++ + "]", seen, depth + 1));
        return out;
      } finally {
        seen.remove(value);
      }
    }
    if (value instanceof Map) {
      enter(value, where, seen, depth);
      try {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : ((Map<Object, Object>) value).entrySet()) {
          String key = jsonKey(e.getKey(), where);
          out.put(key, toJson(e.getValue(), where + "[" + Json.quote(key) + "]", seen, depth + 1));
        }
        return out;
      } finally {
        seen.remove(value);
      }
    }
    if (value instanceof Collection) throw new NotJson("a " + c.getSimpleName() + " (return a List)" + at(where));
    // A lambda or method reference, by what it is rather than by the JVM's generated class name.
    if (c.isSynthetic() || c.getName().contains("$$Lambda")) throw new NotJson("a function" + at(where));
    throw new NotJson("a " + (c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName()) + at(where));
  }

  private static Object treeToList(Object root, String where, IdentityHashMap<Object, Boolean> seen, int depth) {
    Field[] f = nodeFields(root.getClass());
    List<Object> out = new ArrayList<>();
    ArrayList<Object> queue = new ArrayList<>();
    IdentityHashMap<Object, Boolean> visited = new IdentityHashMap<>();
    queue.add(root);
    try {
      for (int q = 0; q < queue.size(); q++) {
        Object node = queue.get(q);
        queue.set(q, null);
        if (node == null) {
          out.add(null);
          continue;
        }
        if (visited.put(node, Boolean.TRUE) != null) throw new NotJson("a tree with a cycle" + at(where));
        out.add(toJson(f[0].get(node), where + ".val", seen, depth + 1));
        queue.add(f[1].get(node));
        queue.add(f[2].get(node));
      }
    } catch (IllegalAccessException e) {
      throw new NotJson(e.getMessage());
    }
    int end = out.size();
    while (end > 0 && out.get(end - 1) == null) end--;
    return new ArrayList<>(out.subList(0, end));
  }

  private static Object listToArray(Object head, String where, IdentityHashMap<Object, Boolean> seen, int depth) {
    Field[] f = nodeFields(head.getClass());
    List<Object> out = new ArrayList<>();
    IdentityHashMap<Object, Boolean> visited = new IdentityHashMap<>();
    try {
      for (Object node = head; node != null; node = f[1].get(node)) {
        if (visited.put(node, Boolean.TRUE) != null) throw new NotJson("a linked list with a cycle" + at(where));
        out.add(toJson(f[0].get(node), where + ".val", seen, depth + 1));
      }
    } catch (IllegalAccessException e) {
      throw new NotJson(e.getMessage());
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Repeat blocks

  @SuppressWarnings("unchecked")
  private static boolean hasIndex(Object v) {
    if (v instanceof List) {
      for (Object item : (List<Object>) v) if (hasIndex(item)) return true;
      return false;
    }
    if (v instanceof Map) {
      if (((Map<String, Object>) v).get("$i") instanceof List) return true;
      for (Object item : ((Map<String, Object>) v).values()) if (hasIndex(item)) return true;
    }
    return false;
  }

  /** The value for iteration i: `{$i: [a, b]}` is a*i + b, `{$i: [a, b, m]}` is (a*i + b) mod m in 0..m-1. */
  @SuppressWarnings("unchecked")
  private static Object expand(Object v, long i) {
    if (v instanceof List) {
      List<Object> in = (List<Object>) v;
      List<Object> out = new ArrayList<>(in.size());
      for (Object item : in) out.add(expand(item, i));
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> in = (Map<String, Object>) v;
      Object terms = in.get("$i");
      if (terms instanceof List) {
        List<Object> t = (List<Object>) terms;
        long linear = ((Number) t.get(0)).longValue() * i + ((Number) t.get(1)).longValue();
        if (t.size() > 2) linear = Math.floorMod(linear, ((Number) t.get(2)).longValue());
        return linear;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : in.entrySet()) out.put(e.getKey(), expand(e.getValue(), i));
      return out;
    }
    return v;
  }

  /** The parent's exact comparison: numbers by value, never a bool for a number. */
  @SuppressWarnings("unchecked")
  static boolean jsonEqual(Object a, Object b) {
    if (a == b) return true;
    if (a == null || b == null) return false;
    if (a instanceof Number && b instanceof Number) {
      if (a instanceof Long && b instanceof Long) return a.equals(b);
      return numeric(a).compareTo(numeric(b)) == 0;
    }
    if (a instanceof List && b instanceof List) {
      List<Object> x = (List<Object>) a;
      List<Object> y = (List<Object>) b;
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) if (!jsonEqual(x.get(i), y.get(i))) return false;
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<String, Object> x = (Map<String, Object>) a;
      Map<String, Object> y = (Map<String, Object>) b;
      if (x.size() != y.size()) return false;
      for (Map.Entry<String, Object> e : x.entrySet()) if (!y.containsKey(e.getKey()) || !jsonEqual(e.getValue(), y.get(e.getKey()))) return false;
      return true;
    }
    return a.equals(b);
  }

  private static BigDecimal numeric(Object n) {
    if (n instanceof BigInteger) return new BigDecimal((BigInteger) n);
    if (n instanceof Double) return new BigDecimal((Double) n);
    return BigDecimal.valueOf(((Number) n).longValue());
  }

  private static String preview(Object value) {
    StringBuilder sb = new StringBuilder();
    try {
      Json.write(value, sb);
    } catch (RuntimeException e) {
      return String.valueOf(value);
    }
    return sb.length() <= 200 ? sb.toString() : sb.substring(0, 200) + "\u2026";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Errors: the solution's own frames

  private static boolean harnessFrame(StackTraceElement f) {
    String c = f.getClassName();
    return c.startsWith("DrillsHarness") || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.") || (c.equals("java.lang.Thread") && f.getMethodName().equals("run"));
  }

  private static List<String> classNames(Throwable e) {
    List<String> names = new ArrayList<>();
    for (Class<?> c = e.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      names.add(c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName());
    }
    return names;
  }

  private static String headline(Throwable e) {
    String name = e.getClass().getName().startsWith("java.") ? e.getClass().getSimpleName() : e.getClass().getName();
    String message = e.getMessage();
    return message == null ? name : name + ": " + message;
  }

  /** An exception the solution raised: message, class and superclasses, its frames (harness frames removed), where. */
  static Map<String, Object> describe(Throwable e) {
    boolean overflow = e instanceof StackOverflowError;
    String message = headline(e);
    if (overflow) message = "StackOverflowError (the recursion went too deep: it never ends, or it needs more stack than the judge gives)";
    StringBuilder stack = new StringBuilder(headline(e));
    Map<String, Object> location = null;
    Throwable t = e;
    IdentityHashMap<Throwable, Boolean> shown = new IdentityHashMap<>();
    while (t != null && shown.put(t, Boolean.TRUE) == null) {
      if (t != e) stack.append("\nCaused by: ").append(headline(t));
      StackTraceElement[] frames = t.getStackTrace();
      int kept = 0;
      int skipped = 0;
      for (StackTraceElement f : frames) {
        if (harnessFrame(f)) continue;
        boolean user = compiledFileName.equals(f.getFileName()) && f.getLineNumber() > 0;
        if (location == null && user) location = obj("file", solutionPath, "line", (long) f.getLineNumber());
        if (kept < MAX_FRAMES) {
          // The user's frames name the user's file by its full path, as the other languages' traces do.
          if (user) stack.append("\n\tat ").append(f.getClassName()).append('.').append(f.getMethodName()).append('(').append(solutionPath).append(':').append(f.getLineNumber()).append(')');
          else stack.append("\n\tat ").append(f);
          kept++;
        } else {
          skipped++;
        }
      }
      if (skipped > 0) stack.append("\n\t... ").append(skipped).append(" more");
      t = t.getCause();
    }
    Map<String, Object> error = obj("kind", "error", "message", message, "stack", stack.toString(), "classes", classNames(e));
    String raw = e.getMessage();
    if (raw != null && NotImplemented.WORDS.matcher(raw).find()) error.put("notImplemented", true);
    if (location != null) error.put("location", location);
    return error;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Output capture

  private static final class Captured {
    final String text;
    final boolean truncated;

    Captured(String text, boolean truncated) {
      this.text = text;
      this.truncated = truncated;
    }
  }

  /** System.out and System.err during a case: at most `cap` bytes are kept. */
  private static final class Capture extends OutputStream {
    private final int cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean truncated;

    Capture(int cap) {
      this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
      if (bytes.size() < cap) bytes.write(b);
      else truncated = true;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      int room = cap - bytes.size();
      if (len > room) {
        bytes.write(b, off, Math.max(0, room));
        truncated = true;
      } else {
        bytes.write(b, off, len);
      }
    }

    synchronized Captured take() {
      System.out.flush();
      Captured out = new Captured(bytes.toString(StandardCharsets.UTF_8), truncated);
      bytes.reset();
      truncated = false;
      return out;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // JSON with exact integers: Long, BigInteger beyond 64 bits, Double for fractions

  static final class Json {
    // A char array, not a String: before the JIT compiles anything, each String.charAt is several interpreted calls.
    private final char[] s;
    private final int n;
    private int i;

    Json(byte[] bytes) {
      this.s = new String(bytes, StandardCharsets.UTF_8).toCharArray();
      this.n = s.length;
    }

    Object parseDocument() {
      Object v = parse();
      skip();
      if (i != n) throw error("trailing text");
      return v;
    }

    private RuntimeException error(String what) {
      return new IllegalStateException("bad JSON from the runner at " + i + ": " + what);
    }

    private void skip() {
      while (i < n) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') i++;
        else break;
      }
    }

    private Object parse() {
      skip();
      if (i >= n) throw error("unexpected end");
      char c = s[i];
      switch (c) {
        case '{': {
          i++;
          Map<String, Object> m = new LinkedHashMap<>();
          skip();
          if (s[i] == '}') {
            i++;
            return m;
          }
          for (;;) {
            skip();
            String key = string();
            skip();
            expect(':');
            m.put(key, parse());
            skip();
            if (s[i] == ',') {
              i++;
              continue;
            }
            expect('}');
            return m;
          }
        }
        case '[': {
          i++;
          List<Object> list = new ArrayList<>();
          skip();
          if (s[i] == ']') {
            i++;
            return list;
          }
          for (;;) {
            list.add(parse());
            skip();
            if (s[i] == ',') {
              i++;
              continue;
            }
            expect(']');
            return list;
          }
        }
        case '"':
          return string();
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          return null;
        default:
          return number();
      }
    }

    private void expect(char c) {
      if (i >= n || s[i] != c) throw error("expected " + c);
      i++;
    }

    private void literal(String word) {
      if (i + word.length() > n || !word.equals(new String(s, i, word.length()))) throw error("expected " + word);
      i += word.length();
    }

    private Object number() {
      int start = i;
      boolean fraction = false;
      while (i < n) {
        char c = s[i];
        if ((c >= '0' && c <= '9') || c == '-' || c == '+') i++;
        else if (c == '.' || c == 'e' || c == 'E') {
          fraction = true;
          i++;
        } else break;
      }
      String text = new String(s, start, i - start);
      if (text.isEmpty()) throw error("unexpected character");
      if (fraction) return Double.parseDouble(text);
      if (text.length() < 19) return Long.parseLong(text);
      BigInteger big = new BigInteger(text);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private String string() {
      expect('"');
      StringBuilder sb = null;
      int from = i;
      for (;;) {
        char c = s[i];
        if (c == '"') {
          String tail = new String(s, from, i - from);
          i++;
          return sb == null ? tail : sb.append(tail).toString();
        }
        if (c == '\\') {
          if (sb == null) sb = new StringBuilder();
          sb.append(s, from, i - from);
          char e = s[i + 1];
          i += 2;
          switch (e) {
            case 'n': sb.append('\n'); break;
            case 't': sb.append('\t'); break;
            case 'r': sb.append('\r'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'u':
              sb.append((char) Integer.parseInt(new String(s, i, 4), 16));
              i += 4;
              break;
            default: sb.append(e);
          }
          from = i;
        } else {
          i++;
        }
      }
    }

    static String quote(String text) {
      StringBuilder sb = new StringBuilder();
      writeString(text, sb);
      return sb.toString();
    }

    /** Object keys as written, quoted once: the harness's messages repeat the same few keys for every case. */
    private static final Map<String, String> QUOTED_KEYS = new HashMap<>();

    static void writeKey(String key, StringBuilder sb) {
      String quoted = QUOTED_KEYS.get(key);
      if (quoted == null) {
        quoted = quote(key);
        if (QUOTED_KEYS.size() < 1024) QUOTED_KEYS.put(key, quoted);
      }
      sb.append(quoted);
    }

    /** Non-ASCII characters are escaped: a lone surrogate a solution returns still travels as it is. */
    static void writeString(String text, StringBuilder sb) {
      sb.append('"');
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        switch (c) {
          case '"': sb.append("\\\""); break;
          case '\\': sb.append("\\\\"); break;
          case '\n': sb.append("\\n"); break;
          case '\r': sb.append("\\r"); break;
          case '\t': sb.append("\\t"); break;
          default:
            if (c < 0x20 || c > 0x7e) {
              sb.append("\\u");
              String hex = Integer.toHexString(c);
              for (int p = hex.length(); p < 4; p++) sb.append('0');
              sb.append(hex);
            } else {
              sb.append(c);
            }
        }
      }
      sb.append('"');
    }

    /** Writes parsed or converted JSON (Map, List, String, Long, BigInteger, Double, Boolean, null) without recursion limits of its own. */
    @SuppressWarnings("unchecked")
    static void write(Object v, StringBuilder sb) {
      if (v == null) sb.append("null");
      else if (v instanceof String) writeString((String) v, sb);
      else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof BigInteger) sb.append(v);
      else if (v instanceof Nanos) ((Nanos) v).writeMillis(sb);
      else if (v instanceof Double) {
        double d = (Double) v;
        if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d).append(".0");
        else sb.append(d);
      } else if (v instanceof List) {
        sb.append('[');
        boolean first = true;
        for (Object item : (List<Object>) v) {
          if (!first) sb.append(',');
          first = false;
          write(item, sb);
        }
        sb.append(']');
      } else if (v instanceof Map) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
          if (!first) sb.append(',');
          first = false;
          writeKey(e.getKey(), sb);
          sb.append(':');
          write(e.getValue(), sb);
        }
        sb.append('}');
      } else {
        writeString(String.valueOf(v), sb);
      }
    }
  }
}
