package io.passerelle.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.passerelle.api.ApiTestSupport;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.FakeErpConnector;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The shared test context bootstraps {@code classpath:bootstrap/connections-test.yaml} on start. */
@ExtendWith(OutputCaptureExtension.class)
class ConnectionBootstrapTest extends ApiTestSupport {

    @Autowired
    ConnectionBootstrap bootstrap;
    @Autowired
    ConnectionService connections;

    @Test
    void createsTheFileConnectionOnStartWithPlaceholdersResolved() {
        Connection booted = connections.get("boot-acumatica");
        assertThat(booted.defaultEndpoint().url()).isEqualTo("https://boot.example/entity");
        assertThat(booted.credential("password")).isEqualTo(BOOTSTRAP_PASSWORD);
        assertThat(booted.credential("user")).isEqualTo("integration");
        assertThat(booted.company().name()).isEqualTo("Construction Boréal inc.");
        assertThat(booted.schedules()).containsEntry("employees", "0 5 * * * ?");
        // the invalid one is reported, not created
        assertThat(connections.exists("boot-broken")).isFalse();
    }

    @Test
    void neverCreatesTwice(CapturedOutput output) {
        int before = output.getAll().length(); // the context's own start-up may be in the capture: it created it
        List<String> present = bootstrap.run();

        assertThat(present).containsExactly("boot-acumatica");
        assertThat(connections.list().stream().filter(c -> c.id().equals("boot-acumatica"))).hasSize(1);
        assertThat(output.getAll().substring(before)).contains("connection boot-acumatica exists already, left as it is")
                .doesNotContain("created connection boot-acumatica")
                .contains("boot-broken").contains("schedules.employees")
                .doesNotContain(BOOTSTRAP_PASSWORD);
    }

    @Test
    void leavesAnEditedConnectionAsItIs() {
        Connection before = connections.get("boot-acumatica");
        try {
            connections.update("boot-acumatica", new ConnectionDocument("boot-acumatica",
                    new ConnectionDocument.CompanyDocument("BOREAL", before.company().name()), FakeErpConnector.ERP,
                    List.of(new ConnectionDocument.EndpointDocument("main", "https://edited.example/entity", true)),
                    Map.of(), before.schedules(), before.options(), "someone", false));
            bootstrap.run();
            Connection after = connections.get("boot-acumatica");
            assertThat(after.defaultEndpoint().url()).isEqualTo("https://edited.example/entity");
            assertThat(after.owner()).isEqualTo("someone");
            assertThat(after.credential("password")).isEqualTo(BOOTSTRAP_PASSWORD);
        } finally {
            restore(before);
        }
    }

    private void restore(Connection original) {
        connections.update(original.id(), new ConnectionDocument(original.id(),
                new ConnectionDocument.CompanyDocument(original.company().code(), original.company().name()),
                original.erp(),
                original.endpoints().stream()
                        .map(e -> new ConnectionDocument.EndpointDocument(e.name(), e.url(), e.isDefault())).toList(),
                Map.of(), original.schedules(), original.options(), original.owner(), original.allowOthersToEdit()));
    }

    @Test
    void startsASyncOfEachBootstrappedConnectionWhenAsked() {
        when(syncLauncher.start("boot-acumatica", "all", Trigger.STARTUP, SyncMode.INCREMENTAL)).thenReturn(List.of(1L));
        new ConnectionBootstrap(new BootstrapProperties(List.of("classpath:bootstrap/connections-test.yaml"), true,
                java.time.Duration.ofSeconds(5)), reader(), connections, provider(), completions).startUp();
        verify(syncLauncher).start("boot-acumatica", "all", Trigger.STARTUP, SyncMode.INCREMENTAL);
        verify(syncLauncher, never()).start(org.mockito.ArgumentMatchers.eq("boot-broken"),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void aFailingSyncStartIsLoggedNotThrown(CapturedOutput output) {
        when(syncLauncher.start("boot-acumatica", "all", Trigger.STARTUP, SyncMode.INCREMENTAL))
                .thenThrow(new IllegalStateException("engine not ready"));
        new ConnectionBootstrap(new BootstrapProperties(List.of("classpath:bootstrap/connections-test.yaml"), true,
                java.time.Duration.ofSeconds(5)), reader(), connections, provider(), completions).startUp();
        assertThat(output.getAll()).contains("could not start the sync of boot-acumatica");
    }

    @Test
    void neverBringsBackAConnectionSomeoneArchived(CapturedOutput output) {
        ConnectionBootstrap archivedFile = new ConnectionBootstrap(
                new BootstrapProperties(List.of("classpath:bootstrap/connections-archived-test.yaml"), false,
                        java.time.Duration.ofMinutes(1)),
                reader(), connections, provider(), completions);
        assertThat(archivedFile.run()).containsExactly("boot-archived");
        jdbc.update("insert into sync_run (connection_id, flow, direction, trigger_type, mode, started_at, status)"
                + " values ('boot-archived', 'projects', 'IN', 'STARTUP', 'INCREMENTAL', current_timestamp, 'SUCCEEDED')");
        assertThat(connections.delete("boot-archived", "someone").archived()).isTrue();

        int before = output.getAll().length();
        List<String> present = archivedFile.run();

        assertThat(present).as("not created, not synced").isEmpty();
        assertThat(connections.exists("boot-archived")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from connection where id = 'boot-archived' and archived_at is not null",
                Integer.class)).isEqualTo(1);
        assertThat(output.getAll().substring(before)).contains("Bootstrap: connection boot-archived was archived on ")
                .contains("left alone; create it again through the API to use it")
                .doesNotContain(BOOTSTRAP_PASSWORD);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void returnsOnlyOnceItsStartUpRunsHaveFinished(CapturedOutput output) throws Exception {
        java.util.concurrent.CountDownLatch looked = new java.util.concurrent.CountDownLatch(1);
        when(syncLauncher.start("boot-acumatica", "all", Trigger.STARTUP, SyncMode.INCREMENTAL)).thenReturn(List.of(41L));
        when(runHistory.find(41L)).thenAnswer(call -> {
            looked.countDown();
            return java.util.Optional.of(startUpRun(false));
        });
        ConnectionBootstrap held = new ConnectionBootstrap(new BootstrapProperties(
                List.of("classpath:bootstrap/connections-test.yaml"), true, java.time.Duration.ofMinutes(1)),
                reader(), connections, provider(), completions);

        java.util.concurrent.CompletableFuture<Void> startUp = java.util.concurrent.CompletableFuture.runAsync(held::startUp);
        assertThat(looked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(startUp).as("held by the start-up run").isNotDone();
        events.publishEvent(new io.passerelle.run.RunFinished(startUpRun(true)));

        startUp.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(output.getAll()).contains("Bootstrap: start-up sync finished (1 runs)");
    }

    @Test
    void aStartUpSyncLongerThanTheReadyTimeoutIsLeftRunning(CapturedOutput output) {
        when(syncLauncher.start("boot-acumatica", "all", Trigger.STARTUP, SyncMode.INCREMENTAL)).thenReturn(List.of(41L));
        when(runHistory.find(41L)).thenReturn(java.util.Optional.of(startUpRun(false)));

        new ConnectionBootstrap(new BootstrapProperties(List.of("classpath:bootstrap/connections-test.yaml"), true,
                java.time.Duration.ofMillis(50)), reader(), connections, provider(), completions).startUp();

        assertThat(output.getAll()).contains("Bootstrap: start-up runs [41] still going after PT0.05S");
    }

    private static io.passerelle.run.RunView startUpRun(boolean finished) {
        java.time.Instant now = java.time.Instant.now();
        return new io.passerelle.run.RunView(41L, "boot-acumatica", "employees", "IN", "STARTUP", "INCREMENTAL", now,
                finished ? now : null, finished ? "SUCCEEDED" : "RUNNING", Map.of(), null);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    BootstrapFileReader fileReader;
    @Autowired
    io.passerelle.run.RunCompletions completions;
    @Autowired
    org.springframework.beans.factory.ObjectProvider<io.passerelle.sync.SyncLauncher> launcherProvider;

    private BootstrapFileReader reader() {
        return fileReader;
    }

    private org.springframework.beans.factory.ObjectProvider<io.passerelle.sync.SyncLauncher> provider() {
        return launcherProvider;
    }
}
