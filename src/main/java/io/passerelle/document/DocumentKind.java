package io.passerelle.document;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.passerelle.approval.ApprovalKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What tells one kind of financial document from another: its names, its SQL folder, its API path, the approval
 * kind (and capability) that releases it, its {@code export_item.kind}, and how its own fields ({@code T}, e.g. a
 * commitment's type) and its own line shape ({@code L}) are stored, read and keyed. Everything else about
 * documents (checks, storage, service, API, approval and export) is written once over this descriptor.
 *
 * <p>Each kind has its own tables, so each has its own SQL files, one per statement, under its folder: the
 * statements differ in their columns, and a table name is never put into SQL.
 */
public abstract class DocumentKind<T, L extends DocumentLine> {

    private final String name;
    private final String withArticle;
    private final ApprovalKind approvalKind;
    private final String exportKind;
    private final String apiPath;
    private final String sqlFolder;
    private final String referenceScope;

    /**
     * @param name           {@code commitment}: in messages ({@code no such commitment 12})
     * @param withArticle    {@code a commitment}
     * @param referenceScope what the reference is unique for besides the company ({@code type}, {@code vendor})
     */
    DocumentKind(String name, String withArticle, ApprovalKind approvalKind, String exportKind, String apiPath,
            String sqlFolder, String referenceScope) {
        this.name = name;
        this.withArticle = withArticle;
        this.approvalKind = approvalKind;
        this.exportKind = exportKind;
        this.apiPath = apiPath;
        this.sqlFolder = sqlFolder;
        this.referenceScope = referenceScope;
    }

    String name() {
        return name;
    }

    String withArticle() {
        return withArticle;
    }

    /** The approval items it makes; also the capability an APPROVER needs to decide them. */
    ApprovalKind approvalKind() {
        return approvalKind;
    }

    /** The {@code export_item.kind} of its documents. */
    String exportKind() {
        return exportKind;
    }

    /** Its resource, e.g. {@code /api/commitments}; one document is {@code <apiPath>/<id>}. */
    public String apiPath() {
        return apiPath;
    }

    /** One of its SQL files, e.g. {@code sql/commitment/search.sql}. */
    String sqlFile(String file) {
        return sqlFolder + file;
    }

    String referenceScope() {
        return referenceScope;
    }

    /** Its own header fields as the named parameters of its insert and reference look-up. */
    abstract void bindTerms(T terms, MapSqlParameterSource params);

    /** Its own line fields as the named parameters of its line insert. */
    abstract void bindLine(L line, MapSqlParameterSource params);

    /** Its own header fields from a row of its {@code search.sql} or {@code export-candidates.sql}. */
    abstract T readTerms(ResultSet rs) throws SQLException;

    /** A line from a row of its {@code lines-select.sql}, given the fields every line has. */
    abstract L readLine(ResultSet rs, String projectTaskId, String costCode, String description, BigDecimal amount)
            throws SQLException;

    /** The stable key a document is exported under, unique within its company: what the sink looks it up by. */
    abstract String idempotencyKey(T terms, String vendorId, String reference);

    /** The {@code type} of its approval items, e.g. {@code SUBCONTRACT} or {@code INVOICE}. */
    abstract String itemType(T terms);
}
