package io.passerelle.company;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.canonical.MappingException;
import io.passerelle.run.RecordError;
import io.passerelle.sync.EntityWriter;
import io.passerelle.sync.PageResult;
import io.passerelle.sync.SyncStore;
import io.passerelle.sync.SyncTarget;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the pages of a companies flow ({@link CanonicalEntity#COMPANY}): each ERP company the connection reaches is
 * a platform company, one per real company whichever connection brings it, known by its enterprise number in any
 * spelling ({@link EnterpriseNumber}), else by the ERP's key of it; its relations follow {@link RelationImport}. One
 * transaction per page, with the flow's cursor. A record whose content hash is the one its connection last wrote
 * costs no write (unchanged); one of a company the connection does not import (not selected) is skipped; a record
 * that cannot be read is rejected naming its field, and the page goes on. What a company is called, where it is and
 * when its general assembly meets are what its last import said, whichever connection's: the ERP is the reference.
 */
@Component
public class CompanyWriter implements EntityWriter {

    static final int MAX_CODE = 64;

    private final CompanyStore store;
    private final SyncStore cursors;
    private final TransactionTemplate transaction;
    private final CompanyImports imports;
    private final RelationImport rules = new RelationImport();
    private final Clock clock;

    @Autowired
    public CompanyWriter(CompanyStore store, SyncStore cursors, TransactionTemplate transaction, CompanyImports imports) {
        this(store, cursors, transaction, imports, Clock.systemUTC());
    }

    CompanyWriter(CompanyStore store, SyncStore cursors, TransactionTemplate transaction, CompanyImports imports,
            Clock clock) {
        this.store = store;
        this.cursors = cursors;
        this.transaction = transaction;
        this.imports = imports;
        this.clock = clock;
    }

    @Override
    public CanonicalEntity entity() {
        return CanonicalEntity.COMPANY;
    }

    /** The selected companies the connection imports: another connection's run importing one of them refuses this. */
    @Override
    public Claim claim(String connectionId) {
        return imports.claim(connectionId, store.claimable(connectionId));
    }

    @Override
    public PageResult writePage(SyncTarget target, List<CanonicalRecord> records, Instant watermark, Instant heldAt) {
        return transaction.execute(status -> {
            PageResult result = new PageWrite(target.connectionId(), records).run(heldAt);
            cursors.advanceCursor(target, CanonicalEntity.COMPANY, watermark, heldAt);
            return result;
        });
    }

    /** The work for one page; a fresh object per page keeps the steps readable without shared state. */
    private final class PageWrite {
        private final String connectionId;
        private final List<CanonicalRecord> records;
        private final Instant now = Instant.now(clock);
        private final LocalDate today = LocalDate.now(clock);
        private final List<RecordError> errors = new ArrayList<>();
        private final String erp;
        private int created;
        private int updated;
        private int unchanged;
        private int skipped;

        PageWrite(String connectionId, List<CanonicalRecord> records) {
            this.connectionId = connectionId;
            this.records = records;
            this.erp = store.erpOf(connectionId).orElseThrow(
                    () -> new IllegalStateException("connection '" + connectionId + "' no longer exists"));
        }

        PageResult run(Instant heldAt) {
            Map<String, CanonicalRecord> unique = dropDuplicateKeys();
            Map<String, CompanyStore.Link> links = store.links(connectionId, unique.keySet());
            for (CanonicalRecord record : unique.values()) {
                CompanyStore.Link link = links.get(record.matchKey());
                if (link != null && !link.selected()) {
                    skipped++;
                } else if (link != null && link.contentHash().equals(record.contentHash())) {
                    unchanged++;
                } else {
                    write(record, link);
                }
            }
            return new PageResult(created, updated, unchanged, errors, List.of(), heldAt, skipped);
        }

        /** Two items of one page that normalise to one key are ambiguous: keep the first, reject the next. */
        private Map<String, CanonicalRecord> dropDuplicateKeys() {
            Map<String, CanonicalRecord> unique = new LinkedHashMap<>();
            for (CanonicalRecord record : records) {
                CanonicalRecord first = unique.putIfAbsent(record.matchKey(), record);
                if (first != null) {
                    reject(record, "DUPLICATE_KEY", "'" + record.remoteKey() + "' is the same key as '"
                            + first.remoteKey() + "' once spaces and dashes are normalised; only the first was kept");
                }
            }
            return unique;
        }

        private void write(CanonicalRecord record, CompanyStore.Link link) {
            IncomingCompany company;
            try {
                company = IncomingCompany.of(record);
            } catch (MappingException e) {
                reject(record, e.code(), e.getMessage());
                return;
            }
            Resolution found = resolve(company);
            if (found.identity() != null) {
                long id = found.identity().id();
                Optional<String> holder = imports.admit(connectionId, id);
                if (holder.isPresent()) {
                    errors.add(new RecordError(CanonicalEntity.COMPANY.apiName(), record.remoteKey(), "COMPANY_BUSY",
                            "company " + found.identity().code() + " is being imported by a run of connection '"
                                    + holder.get() + "', and only one import of a company runs at a time: retry this "
                                    + "run once that one has finished", null, true));
                    return;
                }
                store.lock(id);
                Optional<String> other = store.otherLink(connectionId, id, company.matchKey());
                if (other.isPresent()) {
                    String number = company.number() == null ? "" : " (enterprise number "
                            + company.number().formatted() + ")";
                    reject(record, "DUPLICATE_COMPANY", "'" + record.remoteKey() + "' is the same company as '"
                            + other.get() + "'" + number + "; only '" + other.get() + "' is imported: merge the two in "
                            + "the ERP, or correct the number");
                    return;
                }
            }
            long companyId;
            if (found.identity() == null) {
                companyId = store.insert(found.code(), values(company, null, found), now);
                imports.admit(connectionId, companyId);
                created++;
            } else {
                companyId = found.identity().id();
                store.update(companyId, values(company, found.identity(), found), now);
                updated++;
            }
            CompanyStore.LinkValues linkValues = linkValues(company, companyId);
            if (link == null) {
                store.insertLink(linkValues, now);
            } else {
                store.updateLink(link.id(), linkValues, now);
                if (link.companyId() != companyId) {
                    // the ERP company is now another platform company (its number changed): this connection's
                    // relations of the former one are no longer listed by it
                    store.lock(link.companyId());
                    apply(link.companyId(), List.of());
                }
            }
            apply(companyId, company.relations());
        }

        private void apply(long companyId, List<IncomingRelation> incoming) {
            RelationPlan plan = rules.plan(store.relations(companyId), connectionId, erp, incoming, today);
            for (RelationPlan.Addition addition : plan.additions()) {
                store.insertRelation(companyId, addition.relation().fields(), RelationSource.IMPORTED, connectionId,
                        addition.relation().remoteId(), addition.duplicateOf(), now);
            }
            for (RelationPlan.Change change : plan.changes()) {
                store.updateRelation(change.id(), change.relation().fields(), connectionId, change.relation().remoteId(),
                        change.duplicateOf(), now);
            }
            plan.ended().forEach(id -> store.endRelation(id, today, now));
            plan.removed().forEach(store::removeImportedRelation);
        }

        /**
         * The platform company the record is: the one with its enterprise number, else the one the ERP's key of it
         * names (a company first imported without a number, or whose number the ERP corrected), else the one whose
         * code is the code it would be given (a connection's own company named so); none: a new one.
         */
        private Resolution resolve(IncomingCompany company) {
            String numberKey = company.number() == null ? null : company.number().key();
            Optional<CompanyStore.Identity> byErpKey = store.byErpKey(erp, company.matchKey());
            if (numberKey != null) {
                Optional<CompanyStore.Identity> byNumber = store.byNumberKey(numberKey);
                if (byNumber.isPresent()) {
                    CompanyStore.Identity identity = byNumber.get();
                    // the ERP's key becomes the company's too unless it has one, or another company holds it
                    boolean takesErpKey = identity.erpKey() == null && byErpKey.isEmpty();
                    return new Resolution(identity, null, takesErpKey);
                }
            }
            if (byErpKey.isPresent()) {
                return new Resolution(byErpKey.get(), null, false);
            }
            String code = code(numberKey, erp, company.matchKey());
            Optional<CompanyStore.Identity> byCode = store.byCode(code);
            if (byCode.isPresent() && byCode.get().numberKey() == null && byCode.get().erpKey() == null) {
                return new Resolution(byCode.get(), null, true);
            }
            String taken = code;
            for (int n = 2; byCode.isPresent(); n++) {
                // a connection's company was given that code for another company: this one takes the next free
                String suffix = "-" + n;
                code = taken.substring(0, Math.min(taken.length(), MAX_CODE - suffix.length())) + suffix;
                byCode = store.byCode(code);
            }
            return new Resolution(null, code, true);
        }

        /**
         * What the company row becomes. A number, once known, is not forgotten by an import that gives none: it is
         * what the company is known by.
         */
        private CompanyStore.CompanyValues values(IncomingCompany company, CompanyStore.Identity existing,
                Resolution found) {
            EnterpriseNumber number = company.number();
            if (number == null && existing != null && existing.number() != null) {
                number = EnterpriseNumber.parse(existing.number()).orElse(null);
            }
            String numberKey = number == null ? null : number.key();
            if (numberKey == null && existing != null) {
                numberKey = existing.numberKey();
            }
            String erpOfCompany = found.takesErpKey() ? erp : existing.erp();
            String erpKey = found.takesErpKey() ? company.matchKey() : existing.erpKey();
            return new CompanyStore.CompanyValues(company.name(), number == null ? null : number.raw(), numberKey,
                    number == null ? null : number.valid(), company.legalForm(), company.address(),
                    company.generalAssemblyDate(), erpOfCompany, erpKey, KeyNormalizer.searchFold(company.name()));
        }

        private CompanyStore.LinkValues linkValues(IncomingCompany company, long companyId) {
            CanonicalRecord record = company.record();
            return new CompanyStore.LinkValues(connectionId, record.matchKey(), record.remoteKey(), companyId,
                    company.name(), company.companyName(), company.number() == null ? null : company.number().raw(),
                    company.legalForm(), company.language(), company.uniqueIdentifier(), record.contentHash(),
                    record.remoteModifiedAt(), record.customFieldsText(), record.searchText());
        }

        private void reject(CanonicalRecord record, String code, String message) {
            errors.add(new RecordError(CanonicalEntity.COMPANY.apiName(), record.remoteKey(), code, message, null,
                    false));
        }
    }

    /**
     * The company a record is: {@code identity} when it exists, else the {@code code} a new one gets; whether the
     * company takes the ERP's key of it as its own.
     */
    private record Resolution(CompanyStore.Identity identity, String code, boolean takesErpKey) {
    }

    /**
     * The code a new company gets: {@code BE} and its ten digits, else the ERP and its key of it (a digest of the key
     * when that is too long for a code).
     */
    static String code(String numberKey, String erp, String erpKey) {
        if (numberKey != null) {
            return "BE" + numberKey;
        }
        String code = erp + ":" + erpKey;
        return code.length() <= MAX_CODE ? code : erp + ":" + sha256(erpKey).substring(0, MAX_CODE - erp.length() - 1);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
