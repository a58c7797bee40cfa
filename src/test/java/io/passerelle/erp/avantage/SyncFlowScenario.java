package io.passerelle.erp.avantage;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.avantage.AvantageEntity;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.PurchaseOrder;
import io.passerelle.sync.RecordReader;
import io.passerelle.sync.SyncLauncher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The seed's first job, end to end over a real socket: every entity in, then nothing twice, then
 * exactly what changed: employees, a purchase order's line. Run on each database Passerelle supports (see the
 * subclasses).
 */
abstract class SyncFlowScenario {

    static final String CONNECTION = "sandbox-avantage";

    @Autowired
    SyncLauncher launcher;
    @Autowired
    AvantageSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RecordReader records;

    @Test
    void fullThenUnchangedThenExactlyTheChangedEmployees() {
        Map<String, RunView> first = byFlow(launcher.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL));

        assertThat(first.values()).allSatisfy(run -> assertThat(run.status()).as(run.flow() + ": " + run.message()).isEqualTo("SUCCEEDED"));
        assertCreatedAll(first.get("projects"), AvantageEntity.PROJECT, "project");
        assertCreatedAll(first.get("employees"), AvantageEntity.EMPLOYEE, "employee");
        assertCreatedAll(first.get("trades"), AvantageEntity.TRADE, "trade");
        assertCreatedAll(first.get("activities"), AvantageEntity.ACTIVITY, "activity");
        assertCreatedAll(first.get("earnings"), AvantageEntity.EARNING, "earning_type");
        assertCreatedAll(first.get("hourTypes"), AvantageEntity.HOUR_TYPE, "hour_type");
        // suppliers are the company's vendors, in the table Acumatica's are in: counted by this connection's links
        assertCreatedAll(first.get("suppliers"), AvantageEntity.SUPPLIER, "remote_ref where entity = 'VENDOR'");
        assertCreatedAll(first.get("purchaseOrders"), AvantageEntity.PURCHASE_ORDER, "purchase_order");
        assertThat(records.list(CONNECTION, "vendors", null, 1000, null).items())
                .hasSize(simulator.dataset().count(AvantageEntity.SUPPLIER));

        Map<String, RunView> second = byFlow(launcher.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL));
        assertThat(second.values()).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo("SUCCEEDED");
            assertThat(run.counts()).containsEntry("created", 0).containsEntry("updated", 0);
            assertThat(run.counts().get("unchanged")).isEqualTo(run.counts().get("read"));
        });

        simulator.touchEmployees(3);
        RunView employees = launcher.runAndWait(CONNECTION, "employees", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(employees.status()).isEqualTo("SUCCEEDED");
        assertThat(employees.counts()).containsEntry("updated", 3).containsEntry("created", 0);

        RunView full = launcher.runAndWait(CONNECTION, "employees", Trigger.API, SyncMode.FULL).get(0);
        assertThat(full.counts()).containsEntry("read", simulator.dataset().count(AvantageEntity.EMPLOYEE))
                .containsEntry("unchanged", simulator.dataset().count(AvantageEntity.EMPLOYEE));

        // a purchase order's second line gets 3 more units: an update of its order, and only of it
        PurchaseOrder order = simulator.dataset().purchaseOrders().stream().filter(o -> o.lines().size() >= 2)
                .findFirst().orElseThrow();
        PurchaseOrder changed = simulator.updatePurchaseOrder(order.number(),
                o -> o.withLine(2, line -> line.withQuantity(line.quantity().add(BigDecimal.valueOf(3)))));
        RunView orders = launcher.runAndWait(CONNECTION, "purchaseOrders", Trigger.API, SyncMode.INCREMENTAL).get(0);
        assertThat(orders.status()).as(orders.message()).isEqualTo("SUCCEEDED");
        // read again besides it: the order the cursor stands on (modifiedSince is inclusive), unchanged
        assertThat(orders.counts()).containsEntry("updated", 1).containsEntry("created", 0)
                .containsEntry("unchanged", orders.counts().get("read") - 1);
        Map<String, Object> stored = records.list(CONNECTION, "purchaseOrders", order.number(), 10, null).items().stream()
                .filter(item -> order.number().equals(item.get("number"))).findFirst().orElseThrow();
        com.fasterxml.jackson.databind.JsonNode line = ((com.fasterxml.jackson.databind.JsonNode) stored.get("lines")).get(1);
        assertThat(line.get("line").asInt()).isEqualTo(2);
        assertThat(line.get("quantity").decimalValue()).isEqualByComparingTo(changed.lines().get(1).quantity());
        assertThat(line.get("amount").decimalValue()).isEqualByComparingTo(changed.lines().get(1).amount());
        assertThat((BigDecimal) stored.get("total")).isEqualByComparingTo(changed.lines().stream()
                .map(PurchaseOrder.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(String.valueOf(stored.get("orderDate"))).isEqualTo(order.date().toString());
    }

    private void assertCreatedAll(RunView run, AvantageEntity entity, String table) {
        int held = simulator.dataset().count(entity);
        assertThat(held).isPositive();
        assertThat(run.counts()).as(run.flow()).containsEntry("read", held).containsEntry("created", held)
                .containsEntry("rejected", 0).containsEntry("failed", 0);
        assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isEqualTo(held);
    }

    private static Map<String, RunView> byFlow(List<RunView> runs) {
        return runs.stream().collect(Collectors.toMap(RunView::flow, Function.identity()));
    }
}
