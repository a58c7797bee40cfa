package io.passerelle.sandbox.avantage;

import static io.passerelle.sandbox.avantage.AvantageSimulatorProtocolTest.req;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Prints how fast the simulator serves a large entity over the wire; not a test (figures come from a
 * benchmark that prints them, never from a timed assertion). Run from the IDE or with
 * {@code java -cp <test classpath> io.passerelle.sandbox.avantage.AvantageSimulatorBenchmark [records] [plain]}.
 */
public final class AvantageSimulatorBenchmark {

    private AvantageSimulatorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean plain = args.length > 1 && args[1].equals("plain");
        AvantageSimulatorProperties properties = plain
                ? AvantageSimulatorProperties.defaults().withEncryptionKey(null)
                : AvantageSimulatorProperties.defaults();
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        AvantageDataset dataset = new AvantageDataset(1, DatasetSizes.defaults());
        dataset.generateSynthetic(AvantageEntity.EMPLOYEE, records);
        long t1 = System.nanoTime();
        System.gc();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf("generated %,d employees in %d ms, heap used %d MiB%n",
                dataset.count(AvantageEntity.EMPLOYEE), (t1 - t0) / 1_000_000, usedMb);
        try (AvantageSimulator sim = new AvantageSimulator(properties, dataset).start();
             MainTcpTestClient client = MainTcpTestClient.greeted(sim)) {
            String token = client.login();
            long start = System.nanoTime();
            long items = 0;
            String after = null;
            do {
                JsonNode r = after == null
                        ? client.call(req("op", "LIST", "token", token, "entity", "EMPLOYEE", "limit", 5000))
                        : client.call(req("op", "LIST", "token", token, "entity", "EMPLOYEE", "limit", 5000,
                                "after", after));
                items += r.get("items").size();
                after = r.get("next").isNull() ? null : r.get("next").asText();
            } while (after != null);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("listed %,d employees (%s) in %.2f s: %,.0f items/s%n", items,
                    plain ? "ENC=NONE" : "ENC=AES256GCM", seconds, items / seconds);
        }
    }
}
