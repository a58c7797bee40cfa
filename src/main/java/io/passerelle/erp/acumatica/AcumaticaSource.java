package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.Connection;
import io.passerelle.sync.CanonicalEntity;
import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.InboundSource;
import io.passerelle.sync.SourcePage;
import io.passerelle.sync.SourceSession;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * The job structure from Acumatica's contract API: paged by {@code $top}/{@code $skip}, incremental by
 * {@code LastModifiedDateTime gt datetimeoffset'…'}. Lists are not ordered by modification, so the
 * engine keeps the cursor until the last page (see {@link SourceSession#ordersByModification()}).
 */
@Component
public class AcumaticaSource implements InboundSource {

    public static final String ERP = "acumatica";
    /** Records modified within this margin of the cursor are read again: cheap (unchanged) and nothing slips through. */
    static final Duration OVERLAP = Duration.ofSeconds(1);
    static final DateTimeFormatter FILTER_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** Projects before their tasks: a task is stored under its project. */
    static final List<InboundFlow> FLOWS = List.of(
            new InboundFlow("projects", "Project", CanonicalEntity.PROJECT, AcumaticaMappers::project),
            new InboundFlow("projectTasks", "ProjectTask", CanonicalEntity.PROJECT_TASK, AcumaticaMappers::projectTask),
            new InboundFlow("costCodes", "CostCode", CanonicalEntity.COST_CODE, AcumaticaMappers::costCode),
            new InboundFlow("vendors", "Vendor", CanonicalEntity.VENDOR, AcumaticaMappers::vendor),
            new InboundFlow("customers", "Customer", CanonicalEntity.CUSTOMER, AcumaticaMappers::customer),
            new InboundFlow("employees", "Employee", CanonicalEntity.EMPLOYEE, AcumaticaMappers::employee),
            new InboundFlow("projectTemplates", "ProjectTemplate", CanonicalEntity.PROJECT_TEMPLATE, AcumaticaMappers::projectTemplate));

    private final AcumaticaTransports transports;

    public AcumaticaSource(AcumaticaTransports transports) {
        this.transports = transports;
    }

    @Override
    public String erp() {
        return ERP;
    }

    @Override
    public List<InboundFlow> flows() {
        return FLOWS;
    }

    @Override
    public SourceSession open(Connection connection) {
        AcumaticaSession session = transports.session(connection);
        session.signIn();
        return new PagedSession(session, transports.pageSize());
    }

    private static final class PagedSession implements SourceSession {
        private final AcumaticaSession session;
        private final int pageSize;

        PagedSession(AcumaticaSession session, int pageSize) {
            this.session = session;
            this.pageSize = pageSize;
        }

        @Override
        public CompletableFuture<SourcePage> fetch(InboundFlow flow, String after, Instant modifiedSince, int limit) {
            int skip = after == null ? 0 : Integer.parseInt(after);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("$top", String.valueOf(pageSize));
            query.put("$skip", String.valueOf(skip));
            if (modifiedSince != null) {
                query.put("$filter", "LastModifiedDateTime gt datetimeoffset'"
                        + FILTER_INSTANT.format(OffsetDateTime.ofInstant(modifiedSince.minus(OVERLAP), ZoneOffset.UTC)) + "'");
            }
            return session.list(flow.remoteEntity(), query).thenApply(array -> page(array, skip, pageSize));
        }

        @Override
        public boolean ordersByModification() {
            return false;
        }

        @Override
        public void close() {
            session.close();
        }
    }

    /** Fewer rows than {@code $top} ends the walk: the contract API has no next link. */
    static SourcePage page(JsonNode array, int skip, int pageSize) {
        List<JsonNode> items = new ArrayList<>(array.size());
        Instant watermark = null;
        for (JsonNode entity : array) {
            items.add(entity);
            Instant modified = modified(entity);
            if (modified != null && (watermark == null || modified.isAfter(watermark))) {
                watermark = modified;
            }
        }
        String next = items.size() < pageSize ? null : String.valueOf(skip + items.size());
        return new SourcePage(items, next, watermark);
    }

    private static Instant modified(JsonNode entity) {
        JsonNode value = entity.path(AcumaticaMappers.MODIFIED).path("value");
        try {
            return value.isTextual() ? OffsetDateTime.parse(value.asText()).toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
