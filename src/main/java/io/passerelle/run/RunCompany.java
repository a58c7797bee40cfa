package io.passerelle.run;

/**
 * The company a run imported, as the run names it: the platform company's {@code id}, the ERP's id of it and its
 * name when the run was made (a run says what it did even after the company is renamed).
 */
public record RunCompany(Long id, String erpCompanyId, String name) {
}
