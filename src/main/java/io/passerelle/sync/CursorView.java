package io.passerelle.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One inbound flow's watermark as the API shows it: the next incremental run reads what changed at or after it;
 * null means everything. {@code updatedAt} is when a page or an operator last set it, null if never. {@code company}
 * is the ERP company it is of, for a connection that reaches several (its {@code erpCompanyId}); null otherwise.
 */
public record CursorView(String flow, String entity, Instant watermark, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String company) {
}
