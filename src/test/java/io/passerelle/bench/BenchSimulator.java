package io.passerelle.bench;

import io.passerelle.sandbox.avantage.AvantageDataset;
import io.passerelle.sandbox.avantage.AvantageEntity;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.AvantageSimulatorProperties;
import io.passerelle.sandbox.avantage.DatasetSizes;
import io.passerelle.sandbox.avantage.TimesheetLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Avantage simulator holding N synthetic employees (AES-256-GCM, as a customer's server), either in
 * the benchmark's JVM or, for runs whose heap must hold only Passerelle (1M records in 256 MiB), in a JVM
 * of its own driven over its standard input ({@link #main}).
 * It also holds the timesheet lines the export scenario posts.
 */
interface BenchSimulator extends AutoCloseable {

    String url();

    /** Gives {@code n} employees a real change and a later modifiedAt. */
    void touchEmployees(int n);

    /** The timesheet lines the simulator holds (one per line id), for the export scenario's check. */
    Posted posted();

    @Override
    void close();

    /** How many lines are held, and the sum of their ids' hash codes (equal sets give equal sums). */
    record Posted(long count, long checksum) {

        static Posted of(List<TimesheetLine> lines) {
            long checksum = 0;
            for (TimesheetLine line : lines) {
                checksum += line.lineId().hashCode();
            }
            return new Posted(lines.size(), checksum);
        }
    }

    static AvantageDataset dataset(int records) {
        AvantageDataset dataset = new AvantageDataset(20240101L, new DatasetSizes(0, 1, 0, 0));
        dataset.generateSynthetic(AvantageEntity.EMPLOYEE, records);
        // for the export scenario: lines spread over 10 projects' activities (the employees flow ignores them)
        dataset.generateSynthetic(AvantageEntity.PROJECT, 9);
        dataset.generateSynthetic(AvantageEntity.ACTIVITY, 50);
        return dataset;
    }

    static BenchSimulator inline(int records) {
        AvantageSimulator simulator = new AvantageSimulator(AvantageSimulatorProperties.defaults(), dataset(records)).start();
        return new BenchSimulator() {
            @Override
            public String url() {
                return simulator.url();
            }

            @Override
            public void touchEmployees(int n) {
                simulator.touchEmployees(n);
            }

            @Override
            public Posted posted() {
                return Posted.of(simulator.postedLines());
            }

            @Override
            public void close() {
                simulator.close();
            }
        };
    }

    /** Starts {@link #main} in a JVM of its own, with this JVM's class path, and waits for its port. */
    static BenchSimulator forked(int records, Path logDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                BenchSimulator.class.getName(), Integer.toString(records)))
                .redirectError(logDir.resolve("simulator.log").toFile());
        try {
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("READY ")) {
                process.destroy();
                throw new IllegalStateException("the simulator JVM did not start: " + ready + " (see " + logDir + "/simulator.log)");
            }
            String url = ready.substring("READY ".length());
            return new BenchSimulator() {
                @Override
                public String url() {
                    return url;
                }

                @Override
                public void touchEmployees(int n) {
                    try {
                        in.write("TOUCH " + n + "\n");
                        in.flush();
                        String answer = out.readLine();
                        if (answer == null || !answer.startsWith("TOUCHED")) {
                            throw new IllegalStateException("simulator JVM answered " + answer);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public Posted posted() {
                    try {
                        in.write("POSTED\n");
                        in.flush();
                        String answer = out.readLine();
                        if (answer == null || !answer.startsWith("POSTED ")) {
                            throw new IllegalStateException("simulator JVM answered " + answer);
                        }
                        String[] parts = answer.split(" ");
                        return new Posted(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        in.close();
                        if (!process.waitFor(30, TimeUnit.SECONDS)) {
                            process.destroy();
                        }
                    } catch (IOException e) {
                        process.destroy();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        process.destroy();
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the simulator JVM", e);
        }
    }

    /** The forked simulator: prints {@code READY <url>}, then answers {@code TOUCH n} lines until its input ends. */
    static void main(String[] args) throws IOException {
        int records = Integer.parseInt(args[0]);
        PrintStream out = System.out;
        try (AvantageSimulator simulator = new AvantageSimulator(AvantageSimulatorProperties.defaults(), dataset(records)).start();
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println("READY " + simulator.url());
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("TOUCH ")) {
                    simulator.touchEmployees(Integer.parseInt(line.substring("TOUCH ".length()).trim()));
                    out.println("TOUCHED");
                    out.flush();
                } else if (line.equals("POSTED")) {
                    Posted posted = Posted.of(simulator.postedLines());
                    out.println("POSTED " + posted.count() + " " + posted.checksum());
                    out.flush();
                }
            }
        }
    }
}
