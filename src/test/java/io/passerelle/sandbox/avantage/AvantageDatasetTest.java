package io.passerelle.sandbox.avantage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AvantageDatasetTest {

    private final AvantageDataset data = new AvantageDataset(7, DatasetSizes.defaults());

    @Test
    void sameSeedSameCompany() {
        AvantageDataset again = new AvantageDataset(7, DatasetSizes.defaults());
        assertThat(again.employees()).isEqualTo(data.employees());
        assertThat(again.activities()).isEqualTo(data.activities());
        assertThat(again.purchaseOrders()).isEqualTo(data.purchaseOrders());
        assertThat(new AvantageDataset(8, DatasetSizes.defaults()).employees()).isNotEqualTo(data.employees());
    }

    @Test
    void seededCompanyLooksLikeAQuebecContractor() {
        Map<AvantageEntity, Integer> counts = data.counts();
        assertThat(counts.get(AvantageEntity.EMPLOYEE)).isEqualTo(300);
        assertThat(counts.get(AvantageEntity.PROJECT)).isEqualTo(40);
        assertThat(counts.get(AvantageEntity.TRADE)).isBetween(14, 20);
        assertThat(counts.get(AvantageEntity.EARNING)).isEqualTo(10);
        assertThat(counts.get(AvantageEntity.HOUR_TYPE)).isBetween(4, 5);

        List<Employee> employees = data.employees();
        assertThat(employees).allMatch(e -> e.number().matches("E-\\d{5}"));
        long withoutEmail = employees.stream().filter(e -> e.email() == null).count();
        assertThat(withoutEmail).isBetween(15L, 50L);
        assertThat(employees).anyMatch(e -> !e.active());
        assertThat(employees).anyMatch(e -> (e.firstName() + e.lastName()).matches(".*[éèêëÉàçôî].*"));
        Set<String> tradeCodes = data.trades().stream().map(Trade::code).collect(Collectors.toSet());
        assertThat(employees).allMatch(e -> e.trade() == null || tradeCodes.contains(e.trade()));

        for (Project p : data.projects()) {
            assertThat(data.activities(p.number()).size()).isBetween(8, 20);
        }
        assertThat(data.projects()).anyMatch(p -> p.status() == Project.Status.CLOSED);
        assertThat(data.trade("CARP").orElseThrow().rates()).containsKeys("A", "B", "C");
        assertThat(data.hourType("OT").orElseThrow().multiplier()).isEqualByComparingTo("1.5");
        assertThat(data.earning("KM").orElseThrow().unit()).isEqualTo(Earning.Unit.KM);
    }

    @Test
    void suppliersAndPurchaseOrdersOfTheSeededCompany() {
        List<Supplier> suppliers = data.suppliers();
        assertThat(suppliers).hasSize(25);
        assertThat(suppliers).filteredOn(s -> s.status() == Supplier.Status.INACTIVE).hasSize(1);
        assertThat(suppliers).anyMatch(s -> s.name().matches(".*[éèêàçôÉ].*"));
        assertThat(suppliers).anyMatch(s -> s.address() == null).anyMatch(s -> s.email() == null);
        assertThat(suppliers).filteredOn(s -> s.address() != null)
                .allMatch(s -> s.address().postalCode().matches("[A-Z]\\d[A-Z] \\d[A-Z]\\d"));

        List<PurchaseOrder> orders = data.purchaseOrders();
        assertThat(orders).hasSize(60);
        assertThat(orders).extracting(PurchaseOrder::status).contains(PurchaseOrder.Status.values());
        assertThat(orders.stream().map(PurchaseOrder::project).distinct().count()).isGreaterThan(20);
        Set<String> supplierCodes = suppliers.stream().map(Supplier::code).collect(Collectors.toSet());
        for (PurchaseOrder order : orders) {
            assertThat(order.number()).matches("BC-\\d{5}");
            assertThat(supplierCodes).contains(order.supplier());
            assertThat(data.project(order.project())).isPresent();
            assertThat(order.lines()).hasSizeBetween(1, 5);
            for (PurchaseOrder.Line line : order.lines()) {
                assertThat(line.amount()).isEqualByComparingTo(line.quantity().multiply(line.unitCost())
                        .setScale(2, java.math.RoundingMode.HALF_UP));
                assertThat(line.activity() == null || data.activity(order.project(), line.activity()).isPresent())
                        .as(order.number() + " line " + line.line() + " names an activity of its project").isTrue();
            }
        }
        assertThat(orders).anyMatch(o -> o.lines().stream().anyMatch(l -> l.activity() == null));
        // the inactive supplier was only ordered from while it was in business
        Supplier closed = suppliers.stream().filter(s -> s.status() == Supplier.Status.INACTIVE).findFirst().orElseThrow();
        assertThat(orders).filteredOn(o -> o.supplier().equals(closed.code()))
                .allMatch(o -> o.date().isBefore(closed.modifiedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()));

        String project = orders.get(0).project();
        assertThat(data.purchaseOrders(project)).isNotEmpty().allMatch(o -> o.project().equals(project));
    }

    @Test
    void aChangedPurchaseOrderLineIsStampedLaterThanEverything() {
        PurchaseOrder order = data.purchaseOrders().get(0);
        long before = data.lastModifiedAt().toEpochMilli();
        PurchaseOrder changed = data.updatePurchaseOrder(order.number(),
                o -> o.withLine(1, l -> l.withQuantity(l.quantity().add(BigDecimal.TEN))));
        assertThat(changed.modifiedAtMillis()).isGreaterThan(before);
        assertThat(changed.lines().get(0).amount()).isEqualByComparingTo(
                order.lines().get(0).amount().add(BigDecimal.TEN.multiply(order.lines().get(0).unitCost())));
        assertThat(data.purchaseOrder(order.number())).contains(changed);
        assertThat(data.count(AvantageEntity.PURCHASE_ORDER)).isEqualTo(60);
    }

    @Test
    void itemsComeInListOrder() {
        for (AvantageEntity entity : AvantageEntity.values()) {
            assertThat(data.items(entity)).isSortedAccordingTo(Ordered.LIST_ORDER);
        }
    }

    @Test
    void touchingChangesAFieldAndStampsLaterThanEverything() {
        long before = data.lastModifiedAt().toEpochMilli();
        Employee oldest = data.employees().get(0);

        List<Employee> touched = data.touchEmployees(3);

        assertThat(touched).hasSize(3);
        assertThat(touched.get(0).number()).isEqualTo(oldest.number());
        assertThat(touched.get(0).competency()).isNotEqualTo(oldest.competency());
        assertThat(touched).allMatch(e -> e.modifiedAtMillis() > before);
        assertThat(data.employees().get(data.employees().size() - 1).modifiedAtMillis())
                .isEqualTo(touched.get(0).modifiedAtMillis());
        assertThat(data.count(AvantageEntity.EMPLOYEE)).isEqualTo(300);
    }

    @Test
    void updatesAndNewActivities() {
        Employee e = data.updateEmployee("E-00001", x -> x.withEmail(null).withActive(false));
        assertThat(data.employee("E-00001").orElseThrow()).isEqualTo(e);
        assertThat(e.email()).isNull();

        Activity a = data.addActivity("P-1002", "99-100", "Travaux supplémentaires", new BigDecimal("12.5"),
                new BigDecimal("1062.50"));
        assertThat(data.activity("P-1002", "99-100")).contains(a);
        assertThat(data.activities("P-1002")).last().isEqualTo(a);
    }

    @Test
    void syntheticVolumeKeepsPagingCheap() {
        int total = data.generateSynthetic(AvantageEntity.EMPLOYEE, 100_000);
        assertThat(total).isEqualTo(100_300);
        EntityTable.Page<? extends AvantageItem> page = data.page(AvantageEntity.EMPLOYEE, null,
                data.employees().get(50_000), false, 1000);
        assertThat(page.items()).hasSize(1000);
        assertThat(page.more()).isTrue();

        data.generateSynthetic(AvantageEntity.ACTIVITY, 10_000);
        assertThat(data.count(AvantageEntity.ACTIVITY)).isGreaterThan(10_000);
    }

    @Test
    void reseedGoesBackToTheSeededState() {
        data.touchEmployees(10);
        data.generateSynthetic(AvantageEntity.PROJECT, 50);
        data.reseed();
        assertThat(data.count(AvantageEntity.PROJECT)).isEqualTo(40);
        assertThat(data.employees()).isEqualTo(new AvantageDataset(7, DatasetSizes.defaults()).employees());
    }
}
