package dev.dovetail.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A hub in its own JVM, started with this test's class path, so that a test can really {@code kill -9} it. */
final class ChildHub {

  private final Process process;
  final int port;

  private ChildHub(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ChildHub start(Path dataDir, int port, Path log) throws IOException {
    return start(dataDir, port, log, Map.of());
  }

  /** With more environment variables ({@code DOVETAIL_MONGO_URI}, {@code DOVETAIL_LOG_FORMAT}, ...). */
  static ChildHub start(Path dataDir, int port, Path log, Map<String, String> moreEnv) throws IOException {
    return start(dataDir, port, log, null, moreEnv, List.of());
  }

  /** With JVM options (for example a heap cap and a GC log). */
  static ChildHub start(Path dataDir, int port, Path log, List<String> jvmOptions) throws IOException {
    return start(dataDir, port, log, null, Map.of(), jvmOptions);
  }

  /** With standard output (the console banner) apart from the log ({@code console} null: both into {@code log}). */
  static ChildHub start(Path dataDir, int port, Path log, Path console, Map<String, String> moreEnv)
      throws IOException {
    return start(dataDir, port, log, console, moreEnv, List.of());
  }

  private static ChildHub start(Path dataDir, int port, Path log, Path console, Map<String, String> moreEnv,
      List<String> jvmOptions) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.dovetail.app.Main"));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (console == null) {
      builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    } else {
      builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
    }
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("DOVETAIL_"));
    env.put("DOVETAIL_HTTP_HOST", "127.0.0.1");
    env.put("DOVETAIL_HTTP_PORT", Integer.toString(port));
    env.put("DOVETAIL_DATA_DIR", dataDir.toString());
    env.put("DOVETAIL_DEMO_PASSWORD", HubExtension.DEMO_PASSWORD);
    env.put("DOVETAIL_BCRYPT_COST", "4");
    env.putAll(moreEnv);
    return new ChildHub(builder.start(), port);
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as {@code docker stop} or an orchestrator sends it: the hub's shutdown hook runs. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to end, at most {@code seconds}; its exit code, or -1 if it is still running. */
  int awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  static String describe(Path log) {
    try {
      return java.nio.file.Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
