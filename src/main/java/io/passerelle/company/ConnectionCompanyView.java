package io.passerelle.company;

/**
 * A company a connection reaches: {@code erpCompanyId} the ERP's key of it (for a connection that imports none, its
 * own company, by its code), {@code name} and {@code number} as the ERP gives them, whether it is {@code selected}
 * for import, and the platform {@code company} it is.
 */
public record ConnectionCompanyView(String erpCompanyId, String name, String number, boolean selected, long company) {

    static ConnectionCompanyView of(CompanyStore.ConnectionCompany company) {
        return new ConnectionCompanyView(company.erpCompanyId(), company.name(), company.number(), company.selected(),
                company.companyId());
    }
}
