package io.passerelle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged jar started as a deployment starts it: its own working folder, its environment, its arguments and a
 * fixed port, its output in a log file. Started again after {@link #stop()} or {@link #kill()} it keeps its port and
 * appends to the same log, so that a test can restart "the same instance" and two instances side by side are two
 * of these. {@link #stop()} is what an orchestrator does first (SIGTERM, then a bounded wait), {@link #kill()} is a
 * lost machine (SIGKILL).
 */
final class PackagedInstance implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path jar;
    private final Path home;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final List<String> jvmOptions;
    private final int port;
    private final Path log;
    private Process process;

    /**
     * @param home        the working folder: data/ and a config/ beside the jar resolve against it; the log goes there
     * @param environment added to the test JVM's own (null values remove a variable)
     * @param jvmOptions  e.g. -Xmx512m
     * @param arguments   Spring arguments (--name=value); --server.port is added
     */
    PackagedInstance(Path home, Map<String, String> environment, List<String> jvmOptions, List<String> arguments) {
        this.jar = jar();
        this.home = home;
        this.environment = new LinkedHashMap<>(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.port = freePort();
        this.log = home.resolve("passerelle.log");
    }

    /** The jar that failsafe hands over ({@code passerelle.jar}), or the default path of the build. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("passerelle.jar", "target/passerelle-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar: run the test with mvn verify").exists();
        return jar;
    }

    static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar; returns at once (see {@link #awaitReady(Duration)}). */
    synchronized PackagedInstance start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running: pid " + process.pid());
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
        return this;
    }

    /** Waits for /actuator/health/readiness to answer 200; fails at once, naming the log, if the process exits. */
    PackagedInstance awaitReady(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("Passerelle exited (%s): see %s", exitCode(), log).isTrue();
            return readiness() == 200;
        });
        return this;
    }

    /** Waits for the process to end on its own (a refused start-up); its exit code. */
    int awaitExit(Duration atMost) throws InterruptedException {
        assertThat(process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS))
                .as("Passerelle still running after %s: see %s", atMost, log).isTrue();
        return process.exitValue();
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after {@link #STOP_GRACE}. The exit code, or -1 if it was killed. */
    synchronized int stop() {
        return stop(STOP_GRACE);
    }

    synchronized int stop(Duration grace) {
        if (process == null) {
            return -1;
        }
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** SIGKILL, as when the machine is lost: no shutdown hook runs. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** What was added to the test JVM's environment (a copy). */
    Map<String, String> environment() {
        return new LinkedHashMap<>(environment);
    }

    Path home() {
        return home;
    }

    Path log() {
        return log;
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String exitCode() {
        return process.isAlive() ? "running" : "exit code " + process.exitValue();
    }

    /** The readiness probe's status code: 503 until the bootstrap (and any start-up sync) is done, 0 if no answer. */
    int readiness() {
        try {
            return get("/actuator/health/readiness", null).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** GET with a bearer token (null: anonymous). */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    /** POST, PUT or DELETE with a JSON body (null: none) and a bearer token (null: anonymous). */
    HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofMinutes(2))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
