package io.passerelle.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Only one import of a company's records of a kind runs at a time, whichever connection asks: two users'
 * connections reaching the same 24SevenOffice organization write the same customer rows, so the second run is refused
 * (409) while the first goes. A guard in memory, as {@link RunningFlows} is for a connection's flows; released when
 * the run ends.
 */
@Component
public class RunningImports {

    /** One company's records of one canonical entity, named for the words of a refusal. */
    public record Import(long companyId, String companyName, String entity) {
    }

    private record Key(long companyId, String entity) {
    }

    /** Company and entity → the connection whose run imports them. */
    private final Map<Key, String> importing = new HashMap<>();

    /**
     * Claims the imports for the connection's run, all or none; the same connection may hold one twice (sync/all
     * after a flow of it), as {@link RunningFlows} already refuses a flow run twice.
     *
     * @return what releases the claim (harmless twice)
     * @throws CompanyImportBusyException naming a company another connection's run imports
     */
    public synchronized Runnable claim(String connectionId, List<Import> imports) {
        for (Import each : imports) {
            String holder = importing.get(new Key(each.companyId(), each.entity()));
            if (holder != null && !holder.equals(connectionId)) {
                throw new CompanyImportBusyException(connectionId, each.companyName(), holder);
            }
        }
        List<Key> taken = new ArrayList<>();
        for (Import each : imports) {
            Key key = new Key(each.companyId(), each.entity());
            if (importing.putIfAbsent(key, connectionId) == null) {
                taken.add(key);
            }
        }
        return () -> release(connectionId, taken);
    }

    private synchronized void release(String connectionId, List<Key> taken) {
        taken.forEach(key -> importing.remove(key, connectionId));
        taken.clear();
    }
}
