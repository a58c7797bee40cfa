package io.passerelle.document;

import static io.passerelle.document.Rows.plain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import io.passerelle.approval.ApprovalKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Commitments: subcontracts and purchase orders ({@code commitment}, {@code commitment_line}; SQL in
 * {@code sql/commitment/}). The reference is unique per company and type, and the idempotency key is
 * {@code <type>:<reference>} ({@code SUBCONTRACT:SC-0042}): the document number the ERP is written with.
 */
public final class CommitmentKind extends DocumentKind<CommitmentTerms, CommitmentLine> {

    public static final String API_PATH = "/api/commitments";
    public static final CommitmentKind COMMITMENTS = new CommitmentKind();

    private CommitmentKind() {
        super("commitment", "a commitment", ApprovalKind.COMMITMENTS, "COMMITMENT", API_PATH, "sql/commitment/",
                "type");
    }

    @Override
    void bindTerms(CommitmentTerms terms, MapSqlParameterSource params) {
        params.addValue("type", terms.type().name());
    }

    @Override
    void bindLine(CommitmentLine line, MapSqlParameterSource params) {
        params.addValue("quantity", line.quantity(), Types.NUMERIC)
                .addValue("unitCost", line.unitCost(), Types.NUMERIC);
    }

    @Override
    CommitmentTerms readTerms(ResultSet rs) throws SQLException {
        return new CommitmentTerms(CommitmentType.valueOf(rs.getString("commitment_type")));
    }

    @Override
    CommitmentLine readLine(ResultSet rs, String projectTaskId, String costCode, String description,
            BigDecimal amount) throws SQLException {
        return new CommitmentLine(projectTaskId, costCode, description, plain(rs.getBigDecimal("quantity")),
                plain(rs.getBigDecimal("unit_cost")), amount);
    }

    @Override
    String idempotencyKey(CommitmentTerms terms, String vendorId, String reference) {
        return terms.type().name() + ":" + reference;
    }

    @Override
    String itemType(CommitmentTerms terms) {
        return terms.type().name();
    }
}
