package io.passerelle.timesheet;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What timesheet validation looks up, in bulk (one call per kind per request, never per line). Keys are
 * {@link io.passerelle.canonical.KeyNormalizer#matchKey match keys}; answers hold only the keys that exist.
 */
public interface ReferenceLookup {

    Optional<Long> companyId(String code);

    /** Employee match key → employee id. */
    Map<String, Long> employees(long companyId, Collection<String> matchKeys);

    /** Project match key → project id. */
    Map<String, Long> projects(long companyId, Collection<String> matchKeys);

    /**
     * The ERP projects the platform projects among {@code platformKeys} are linked to in the {@code projects} code maps
     * of the company's live connections: platform code → the ERP project numbers (as the maps saved them), in
     * connection id order. A code no map names is not in the answer.
     */
    Map<String, List<String>> linkedProjects(long companyId, Collection<String> platformKeys);

    /** Activity key ({@code KeyNormalizer.compositeKey(project key, activity key)}) → activity id. */
    Map<String, Long> activities(long companyId, Collection<String> compositeKeys);

    /** Service code match key → service code id (company-wide codes, not per project). */
    Map<String, Long> serviceCodes(long companyId, Collection<String> matchKeys);

    /** Trade match key → trade id. */
    Map<String, Long> trades(long companyId, Collection<String> matchKeys);

    /** The codes among {@code codes} that are hour types of the company: in a code map of one of its connections, or synced. */
    Set<String> knownHourTypes(long companyId, Collection<String> codes);

    /** The codes among {@code codes} that are earnings of the company: in a code map of one of its connections, or synced. */
    Set<String> knownEarnings(long companyId, Collection<String> codes);

    /** Line id → the id of the timesheet that holds it, for the ids that exist. */
    Map<String, String> lineOwners(Collection<String> lineIds);
}
