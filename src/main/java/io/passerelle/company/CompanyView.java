package io.passerelle.company;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;

/**
 * A platform company as the API shows it: {@code number} its enterprise number's ten digits (as the ERP spelled it
 * when it holds none), {@code numberValid} whether it passes the check (null without a number), {@code connections}
 * the live connections that bring it. {@code relations} only in {@code GET /api/companies/{id}}, not in listings.
 */
public record CompanyView(long id, String name, String number, JsonNode address, LocalDate generalAssemblyDate,
        List<String> connections, String code, String legalForm, Boolean numberValid,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RelationView> relations) {

    static CompanyView of(CompanyStore.Row row, List<String> connections, List<RelationView> relations) {
        EnterpriseNumber number = row.enterpriseNumber();
        return new CompanyView(row.id(), row.name(), number == null ? null : number.shown(), row.address(),
                row.generalAssemblyDate(), List.copyOf(connections), row.code(), row.legalForm(),
                number == null ? null : number.valid(), relations == null ? null : List.copyOf(relations));
    }
}
