package io.passerelle.company;

import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.canonical.SearchText;
import io.passerelle.connection.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform companies through the API: the companies each connection reaches and which of them it imports, the
 * companies (searched by name and by enterprise number in any spelling), their relations, manual ones added and
 * deleted, and their checks. Callers have checked that the connection named exists.
 */
@Service
public class CompanyService {

    private final CompanyStore store;
    private final CompanyChecks checks = new CompanyChecks();
    private final Clock clock;

    @Autowired
    public CompanyService(CompanyStore store) {
        this(store, Clock.systemUTC());
    }

    CompanyService(CompanyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Its imported companies, in the order they first came; its own company when it imports none. */
    @Transactional(readOnly = true)
    public List<ConnectionCompanyView> companiesOf(String connectionId) {
        List<CompanyStore.ConnectionCompany> companies = store.connectionCompanies(connectionId);
        if (companies.isEmpty()) {
            return store.ownCompany(connectionId).stream().map(ConnectionCompanyView::of).toList();
        }
        return companies.stream().map(ConnectionCompanyView::of).toList();
    }

    /**
     * Imports the companies named (by {@code erpCompanyId}, compared as record keys are) and no other of the
     * connection's; answers them all.
     *
     * @throws InvalidCompanyRequestException naming each id that is none of the connection's companies
     */
    @Transactional
    public List<ConnectionCompanyView> select(String connectionId, List<String> selected) {
        if (selected == null) {
            throw new InvalidCompanyRequestException("the selection is not valid: see errors", List.of(new FieldProblem(
                    "selected", "required: the erpCompanyId of each company to import, e.g. [\"4711\"]")));
        }
        List<CompanyStore.ConnectionCompany> companies = store.connectionCompanies(connectionId);
        Map<String, CompanyStore.ConnectionCompany> byKey = new HashMap<>();
        companies.forEach(company -> byKey.put(company.matchKey(), company));
        if (companies.isEmpty()) {
            // one that imports none has its own company, always imported: naming it changes nothing
            store.ownCompany(connectionId).ifPresent(own -> byKey.put(KeyNormalizer.matchKey(own.erpCompanyId()), own));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            String key = KeyNormalizer.matchKey(selected.get(i));
            if (key == null) {
                problems.add(new FieldProblem("selected[" + i + "]", "must be an erpCompanyId"));
            } else if (!byKey.containsKey(key)) {
                problems.add(new FieldProblem("selected[" + i + "]", "'" + selected.get(i) + "' is none of this "
                        + "connection's companies: GET /api/connections/" + connectionId + "/companies lists them"));
            } else {
                keys.add(key);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCompanyRequestException("unknown companies in the selection: see errors", problems);
        }
        for (CompanyStore.ConnectionCompany company : companies) {
            boolean chosen = keys.contains(company.matchKey());
            if (chosen != company.selected()) {
                store.select(company.id(), chosen);
            }
        }
        return companiesOf(connectionId);
    }

    /**
     * Companies whose name holds {@code q} (folded as record search is), or whose enterprise number holds its digits
     * in any spelling ({@code 0712.345.678}, {@code BE 0712 345 678}, {@code 712345678} all find
     * {@code 0712345678}); all of them without {@code q}. Keyset-paged by id.
     *
     * @param openConnections only the companies these connections bring (those whose data the caller may see); null
     *                        for every company
     */
    @Transactional(readOnly = true)
    public CompanyPage search(String q, int limit, Long after, Collection<String> openConnections) {
        String digits = q == null ? null : EnterpriseNumber.digits(q);
        List<CompanyStore.Row> rows = store.search(SearchText.likePattern(q), digits == null ? null : "%" + digits + "%",
                after == null ? 0 : after, limit + 1, openConnections);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = String.valueOf(rows.get(limit - 1).id());
        }
        Map<Long, List<String>> connections = store.connectionsOf(rows.stream().map(CompanyStore.Row::id).toList());
        return new CompanyPage(rows.stream().map(row -> CompanyView.of(row, connections.getOrDefault(row.id(),
                List.of()), null)).toList(), next);
    }

    /** @throws CompanyNotFoundException when there is none of that id */
    @Transactional(readOnly = true)
    public CompanyView get(long id) {
        CompanyStore.Row row = row(id);
        List<RelationView> relations = store.relations(id).stream().map(RelationView::of).toList();
        return CompanyView.of(row, store.connectionsOf(List.of(id)).getOrDefault(id, List.of()), relations);
    }

    /** The live connections that bring the company (see {@link CompanyView#connections()}); empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<List<String>> connectionsOf(long id) {
        return store.find(id).map(row -> store.connectionsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    /** @throws CompanyNotFoundException when there is none of that id */
    @Transactional(readOnly = true)
    public void requireExists(long id) {
        row(id);
    }

    /**
     * Adds a MANUAL relation, which no import changes or removes. The company's current imported relations of the
     * same role and name become its duplicates ({@code duplicateOf}), as those an import brings in later do.
     *
     * @throws InvalidCompanyRequestException naming each field at fault
     */
    @Transactional
    public RelationView addRelation(long companyId, RelationRequest request) {
        RelationFields fields = RelationRequests.validate(request);
        row(companyId);
        store.lock(companyId);
        Instant now = Instant.now(clock);
        long id = store.insertRelation(companyId, fields, RelationSource.MANUAL, null, null, null, now);
        if (fields.currentOn(today())) {
            store.flagDuplicates(companyId, id, fields, today(), now);
        }
        return RelationView.of(store.relation(companyId, id).orElseThrow());
    }

    /**
     * Deletes a manual relation; the imported relations that were its duplicates are no longer (the foreign key
     * clears their {@code duplicateOf}).
     *
     * @throws ImportedRelationException for an imported one: its ERP keeps it
     */
    @Transactional
    public void deleteRelation(long companyId, long relationId) {
        row(companyId);
        store.lock(companyId);
        Relation relation = store.relation(companyId, relationId)
                .orElseThrow(() -> new RelationNotFoundException(companyId, relationId));
        if (relation.imported()) {
            throw new ImportedRelationException(relationId, relation.connectionId());
        }
        store.deleteManualRelation(companyId, relationId);
    }

    @Transactional(readOnly = true)
    public List<CompanyCheck> checks(long companyId) {
        CompanyStore.Row row = row(companyId);
        return checks.check(companyId, row.enterpriseNumber(), row.generalAssemblyDate(), store.relations(companyId),
                today());
    }

    private CompanyStore.Row row(long id) {
        return store.find(id).orElseThrow(() -> new CompanyNotFoundException(id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
