package io.passerelle.company;

import io.passerelle.run.CompanyImportBusyException;
import io.passerelle.sync.EntityWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Only one import of a company runs at a time, whichever connection asks: a guard in memory, as
 * {@link io.passerelle.run.RunningFlows} is for a connection's flows. A run of a connection's companies claims, before
 * it is created, the companies the connection imports (a second run of any connection that imports one of them is
 * refused: 409); a company a run meets that it had not claimed (new to the connection) is admitted to its claim,
 * unless another run holds it, and then that record waits for a retry. Across instances, the company's row lock
 * ({@code sql/company/lock.sql}) keeps two imports' pages from interleaving.
 */
@Component
public class CompanyImports {

    /** Company id → the connection whose run imports it. */
    private final Map<Long, String> importing = new HashMap<>();
    /** Connection → the companies its running import holds. */
    private final Map<String, Set<Long>> claims = new HashMap<>();

    /**
     * Claims {@code companies} (id → how to name it) for the connection's run, all or none.
     *
     * @throws CompanyImportBusyException naming a company another connection's run imports
     */
    synchronized EntityWriter.Claim claim(String connectionId, Map<Long, String> companies) {
        for (Map.Entry<Long, String> company : companies.entrySet()) {
            String holder = importing.get(company.getKey());
            if (holder != null && !holder.equals(connectionId)) {
                throw new CompanyImportBusyException(connectionId, company.getValue(), holder);
            }
        }
        Set<Long> held = claims.computeIfAbsent(connectionId, id -> new HashSet<>());
        for (Long company : companies.keySet()) {
            held.add(company);
            importing.put(company, connectionId);
        }
        return () -> release(connectionId);
    }

    /**
     * Lets the connection's import write the company: answers the connection whose run imports it instead, if one
     * does; else adds it to the connection's claim, when it has one (a write outside a run claims nothing).
     */
    synchronized Optional<String> admit(String connectionId, long companyId) {
        String holder = importing.get(companyId);
        if (holder != null && !holder.equals(connectionId)) {
            return Optional.of(holder);
        }
        Set<Long> held = claims.get(connectionId);
        if (held != null) {
            held.add(companyId);
            importing.put(companyId, connectionId);
        }
        return Optional.empty();
    }

    synchronized boolean importing(long companyId) {
        return importing.containsKey(companyId);
    }

    private synchronized void release(String connectionId) {
        Set<Long> held = claims.remove(connectionId);
        if (held != null) {
            held.forEach(company -> importing.remove(company, connectionId));
        }
    }
}
