package io.passerelle.api;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.MappingException;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.Endpoint;
import io.passerelle.connection.ErpOption;
import io.passerelle.erp.ErpDescriptor;
import io.passerelle.erp.ErpModule;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSink;
import io.passerelle.export.ExportSource;
import io.passerelle.export.ItemOutcome;
import io.passerelle.export.OutboundFlow;
import io.passerelle.export.Preparation;
import io.passerelle.export.PreparedItem;
import io.passerelle.run.Causes;
import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.SourcePage;
import io.passerelle.sync.SourceSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A test ERP whose connections are linked to one company of theirs, as Abacus's are to an AmID and a mandant, for the
 * ERP-neutral link machinery. It is reached or refused as the test says ({@link Answers}), has
 * one inbound flow ({@code employees}, always empty) and one outbound flow ({@code bookings}, nothing ever ready),
 * whose route files the test writes. Its name is one no module of this build serves.
 */
class LinkableTestErp extends ErpModule {

    static final String ERP = "linkable-erp";

    /** What opening a session failed with, when the ERP refused the link: the link's failure, in its words. */
    static final class LinkRefused extends RuntimeException {
        LinkRefused(String message) {
            super(message);
        }
    }

    /** How the ERP answers, as each test sets it. */
    static final class Answers {
        /** The ERP's answer to a connection test: null when it is reached. */
        volatile String refusal;
        /** What opening a session (sync or export) throws, null when it opens. */
        volatile RuntimeException openFailure;

        void reset() {
            refusal = null;
            openFailure = null;
        }

        private void opening() {
            RuntimeException failure = openFailure;
            if (failure != null) {
                throw failure;
            }
        }
    }

    final Answers answers;

    LinkableTestErp() {
        this(new Answers());
    }

    private LinkableTestErp(Answers answers) {
        super(new ErpDescriptor(ERP, "a linkable test ERP", Set.of("https"),
                List.of(CredentialKey.required("clientId", "the client", false),
                        CredentialKey.required("clientSecret", "its secret", true)),
                List.of(ErpOption.required("amId", "the AmID the company is reached through"),
                        ErpOption.required("mandant", "the company's number", "[0-9]{1,9}", "a number, e.g. 7777"))),
                List.of(new InboundFlowSpec("employees", CanonicalEntity.EMPLOYEE, item -> {
                    throw new MappingException("UNMAPPED", "the test ERP sends no employees");
                })),
                List.of(new OutboundFlow<>(ERP, "bookings", new NothingReady(), new Bookings(answers))));
        this.answers = answers;
    }

    @Override
    public Optional<Map<String, Object>> linkIdentity(Connection connection) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("amId", connection.options().get("amId"));
        identity.put("mandant", connection.options().get("mandant"));
        return Optional.of(identity);
    }

    @Override
    public Optional<String> linkFailure(Throwable failure) {
        return Causes.find(failure, LinkRefused.class).map(Throwable::getMessage);
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        String refused = answers.refusal;
        return new ConnectionTestResult(refused == null, endpoint.name(),
                refused == null ? "mandant " + connection.options().get("mandant") + " reached" : refused,
                Map.of("url", endpoint.url()));
    }

    @Override
    public SourceSession open(Connection connection) {
        answers.opening();
        return new SourceSession() {
            @Override
            public CompletableFuture<SourcePage> fetch(InboundFlow flow, String after, Instant modifiedSince, int limit) {
                return CompletableFuture.completedFuture(new SourcePage(List.of(), null, null));
            }

            @Override
            public void close() {
            }
        };
    }

    /** The platform side of {@code bookings}: nothing is ever ready. */
    private static final class NothingReady implements ExportSource<String> {
        @Override
        public String kind() {
            return "TEST_BOOKING";
        }

        @Override
        public List<ExportCandidate<String>> candidates(Connection connection, String after, int limit) {
            return List.of();
        }

        @Override
        public void sent(Connection connection, List<String> items) {
        }

        @Override
        public void delivered(Connection connection, List<String> sourceIds) {
        }
    }

    /** The ERP side of {@code bookings}: opens as the answers say, and is never given anything. */
    private static final class Bookings implements ExportSink<String, String> {
        private final Answers answers;

        Bookings(Answers answers) {
            this.answers = answers;
        }

        @Override
        public int batchSize() {
            return 1000;
        }

        @Override
        public Session<String, String> open(Connection connection) {
            answers.opening();
            return new Session<>() {
                @Override
                public Preparation<String> prepare(ExportCandidate<String> candidate) {
                    throw new UnsupportedOperationException("nothing is ever ready");
                }

                @Override
                public CompletableFuture<List<ItemOutcome>> send(String batchId, List<PreparedItem<String>> batch) {
                    throw new UnsupportedOperationException("nothing is ever ready");
                }

                @Override
                public Set<String> holds(List<String> idempotencyKeys) {
                    return Set.of();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
