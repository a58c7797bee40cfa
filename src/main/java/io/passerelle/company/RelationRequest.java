package io.passerelle.company;

import io.passerelle.request.MergesTypeProblems;
import java.math.BigDecimal;

/**
 * A relation added by hand ({@code POST /api/companies/{id}/relations}): {@code role} DIRECTOR, SHAREHOLDER or
 * AUDITOR, {@code type} PERSON or COMPANY, a {@code name} (or a first and a last name), a shareholder's
 * {@code sharePercent} (0 to 100) and {@code shares}, the mandate's {@code startDate} and {@code endDate}
 * ({@code YYYY-MM-DD}: text, so that a date that is not one is named rather than a parse error), and a company
 * director's {@code permanentRepresentative}.
 */
@MergesTypeProblems
public record RelationRequest(
        String role,
        String type,
        String name,
        String firstName,
        String lastName,
        BigDecimal sharePercent,
        BigDecimal shares,
        String startDate,
        String endDate,
        String permanentRepresentative) {
}
