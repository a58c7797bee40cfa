package io.passerelle.company;

import io.passerelle.canonical.JsonFields;
import io.passerelle.connection.FieldProblem;
import io.passerelle.request.TypeProblems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Checks a manual relation field by field, naming each that is wrong, and answers what it says. */
final class RelationRequests {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SHARE_DIGITS = 18;

    private RelationRequests() {
    }

    /** @throws InvalidCompanyRequestException naming every field at fault, the body's type errors first */
    static RelationFields validate(RelationRequest request) {
        if (request == null) {
            throw new InvalidCompanyRequestException(List.of(new FieldProblem("body", "a relation is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        RelationRole role = null;
        if (blank(request.role())) {
            problems.add(new FieldProblem("role", "required: DIRECTOR, SHAREHOLDER or AUDITOR"));
        } else {
            role = RelationRole.parse(request.role()).orElse(null);
            if (role == null) {
                problems.add(new FieldProblem("role", "DIRECTOR, SHAREHOLDER or AUDITOR"));
            }
        }
        RelationType type = null;
        if (blank(request.type())) {
            problems.add(new FieldProblem("type", "required: PERSON or COMPANY"));
        } else {
            type = RelationType.parse(request.type()).orElse(null);
            if (type == null) {
                problems.add(new FieldProblem("type", "PERSON or COMPANY"));
            }
        }
        String firstName = text("firstName", request.firstName(), IncomingCompany.KEY, problems);
        String lastName = text("lastName", request.lastName(), IncomingCompany.KEY, problems);
        String name = text("name", request.name(), IncomingCompany.NAME, problems);
        if (name == null && (firstName != null || lastName != null)) {
            name = String.join(" ", firstName == null ? "" : firstName, lastName == null ? "" : lastName).strip();
        }
        if (name == null && !mentioned(problems, "name")) {
            problems.add(new FieldProblem("name", "required (or a firstName and a lastName)"));
        }
        BigDecimal percent = request.sharePercent();
        if (percent != null) {
            if (role != null && role != RelationRole.SHAREHOLDER) {
                problems.add(new FieldProblem("sharePercent", "only a shareholder has a share"));
            } else if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                problems.add(new FieldProblem("sharePercent", "must be from 0 to 100"));
            } else if (percent.stripTrailingZeros().scale() > 2) {
                problems.add(new FieldProblem("sharePercent", "at most two decimals, e.g. 33.33"));
            }
        }
        BigDecimal shares = request.shares();
        if (shares != null) {
            if (role != null && role != RelationRole.SHAREHOLDER) {
                problems.add(new FieldProblem("shares", "only a shareholder holds shares"));
            } else if (shares.signum() < 0 || shares.stripTrailingZeros().scale() > 0
                    || shares.precision() - shares.scale() > SHARE_DIGITS) {
                problems.add(new FieldProblem("shares", "a whole number from 0, of at most " + SHARE_DIGITS + " digits"));
            }
        }
        LocalDate start = date("startDate", request.startDate(), problems);
        LocalDate end = date("endDate", request.endDate(), problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new FieldProblem("endDate", "must not be before startDate (" + start + ")"));
        }
        String representative = text("permanentRepresentative", request.permanentRepresentative(),
                IncomingCompany.NAME, problems);
        if (representative != null && type == RelationType.PERSON) {
            problems.add(new FieldProblem("permanentRepresentative", "only a company has a permanent representative"));
        }
        if (!problems.isEmpty() || !TypeProblems.current().isEmpty()) {
            throw new InvalidCompanyRequestException(TypeProblems.merge(problems));
        }
        return new RelationFields(role, type, name, firstName, lastName, start, end,
                percent == null ? null : percent.setScale(2), shares == null ? null : shares.setScale(0), representative);
    }

    private static String text(String field, String value, int maxLength, List<FieldProblem> problems) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            problems.add(new FieldProblem(field, "at most " + maxLength + " characters"));
            return null;
        }
        if (!JsonFields.storable(text)) {
            problems.add(new FieldProblem(field, "contains a NUL character or half of a surrogate pair"));
            return null;
        }
        return text;
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            if (value.strip().length() == 10) {
                return LocalDate.parse(value.strip());
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        problems.add(new FieldProblem(field, "a date, YYYY-MM-DD"));
        return null;
    }

    private static boolean mentioned(List<FieldProblem> problems, String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
