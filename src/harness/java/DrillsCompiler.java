import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * javac kept running for the active drill: the JDK's own compiler (javax.tools, the same code and the same messages
 * as the javac command), called once per request in this one JVM, so a compile after an edit runs in a JVM whose
 * compiler classes are loaded and compiled already (about a tenth of a cold javac). It runs no code of the solution
 * (annotation processing is off in the arguments it is given).
 *
 * Protocol, on stdin and stdout: a request is a line with the number of arguments, then one argument per line; the
 * answer is a line "exit-code byte-count", then that many bytes of what javac printed (UTF-8). End of stdin ends it.
 */
public final class DrillsCompiler {
  private DrillsCompiler() {}

  public static void main(String[] argv) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (;;) {
      String count = in.readLine();
      if (count == null) return;
      int n = Integer.parseInt(count.trim());
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String arg = in.readLine();
        if (arg == null) return;
        args.add(arg);
      }
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int code;
      if (javac == null) {
        printed.writeBytes("This Java runtime has no compiler (javax.tools): it is not a JDK.\n".getBytes(StandardCharsets.UTF_8));
        code = 4;
      } else {
        try {
          code = javac.run(null, printed, printed, args.toArray(new String[0]));
        } catch (RuntimeException | Error e) {
          printed.writeBytes(("javac failed: " + e + "\n").getBytes(StandardCharsets.UTF_8));
          code = 4;
        }
      }
      byte[] bytes = printed.toByteArray();
      out.write((code + " " + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
      out.write(bytes);
      out.flush();
    }
  }
}
