package io.passerelle.document;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

import io.passerelle.approval.ApprovalKind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Vendor invoices ({@code invoice}, {@code invoice_line}; SQL in {@code sql/invoice/}). The reference is the
 * vendor's invoice number, unique per company and vendor, and the idempotency key is
 * {@code INVOICE:<vendorId>:<reference>}: an ERP that numbers bills itself is searched by vendor and reference.
 */
public final class InvoiceKind extends DocumentKind<InvoiceTerms, InvoiceLine> {

    public static final String API_PATH = "/api/invoices";
    public static final InvoiceKind INVOICES = new InvoiceKind();

    private InvoiceKind() {
        super("invoice", "an invoice", ApprovalKind.INVOICES, "INVOICE", API_PATH, "sql/invoice/", "vendor");
    }

    @Override
    void bindTerms(InvoiceTerms terms, MapSqlParameterSource params) {
        params.addValue("commitmentReference", terms.commitmentReference(), Types.VARCHAR)
                .addValue("dueDate", terms.dueDate(), Types.DATE);
    }

    @Override
    void bindLine(InvoiceLine line, MapSqlParameterSource params) {
        // an invoice line has only the fields every line has
    }

    @Override
    InvoiceTerms readTerms(ResultSet rs) throws SQLException {
        return new InvoiceTerms(rs.getString("commitment_reference"), rs.getObject("due_date", LocalDate.class));
    }

    @Override
    InvoiceLine readLine(ResultSet rs, String projectTaskId, String costCode, String description, BigDecimal amount) {
        return new InvoiceLine(projectTaskId, costCode, description, amount);
    }

    @Override
    String idempotencyKey(InvoiceTerms terms, String vendorId, String reference) {
        return exportKind() + ":" + vendorId + ":" + reference;
    }

    @Override
    String itemType(InvoiceTerms terms) {
        return "INVOICE";
    }
}
