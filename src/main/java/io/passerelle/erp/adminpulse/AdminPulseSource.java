package io.passerelle.erp.adminpulse;

import io.passerelle.company.EnterpriseNumber;
import io.passerelle.connection.Connection;
import io.passerelle.erp.http.ModifiedSince;
import io.passerelle.erp.http.PageCountPaging;
import io.passerelle.erp.http.RestListing;
import io.passerelle.erp.http.RestSourceSession;
import io.passerelle.erp.http.Watermarks;
import io.passerelle.sync.SourceSession;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /relations} as a sync's source: numbered pages of up to 400, walked to the count the answer gives. AdminPulse
 * cannot be asked what changed, so every run reads everything; content hashes make the unchanged companies cost no
 * write.
 */
final class AdminPulseSource {

    private final AdminPulseTransports transports;

    AdminPulseSource(AdminPulseTransports transports) {
        this.transports = transports;
    }

    SourceSession open(Connection connection) {
        return new RestSourceSession(transports.session(connection), listing());
    }

    static RestListing listing() {
        return new RestListing(flow -> "/" + flow.remoteEntity(), new PageCountPaging(), ModifiedSince.NONE, "/results",
                Watermarks.at("/lastModified"), false, AdminPulseProperties.MAX_PAGE_SIZE,
                (flow, key) -> Map.of("vatNumber", vatNumber(key).orElseThrow()));
    }

    /**
     * The enterprise number as AdminPulse's {@code vatNumber} filter takes it, ten digits, from any spelling
     * ({@code BE 0712.345.678}, {@code 712345678}); empty when it is not one.
     */
    static Optional<String> vatNumber(String key) {
        return EnterpriseNumber.parse(key).map(EnterpriseNumber::key);
    }
}
