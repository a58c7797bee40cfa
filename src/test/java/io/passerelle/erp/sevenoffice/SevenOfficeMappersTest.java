package io.passerelle.erp.sevenoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.MappingException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SevenOfficeMappersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** The example of next-erps.md §3. */
    @Test
    void aCompanyCustomerKeepsItsNameExactlyAndItsContactAddress() throws Exception {
        CanonicalRecord customer = SevenOfficeMappers.customer(json("""
                {"id":10001,"name":"Bjørnstad Rør AS","isCompany":true,"isSupplier":false,"organizationNumber":"912345674",
                 "address":{"visit":{"street":"Storgata 5","postalCode":"0155","postalArea":"Oslo","countryCode":"NO"}},
                 "email":{"contact":"post@bjornstadror.no","billing":"faktura@bjornstadror.no"},"phone":"+47-22334455",
                 "createdAt":"2025-11-03 08:00:00.000Z","modifiedAt":"2026-03-02 10:00:07.000Z"}"""));
        assertThat(customer.entity()).isEqualTo(CanonicalEntity.CUSTOMER);
        assertThat(customer.remoteKey()).isEqualTo("10001");
        assertThat(customer.fields()).containsEntry("code", "10001").containsEntry("name", "Bjørnstad Rør AS")
                .containsEntry("email", "post@bjornstadror.no");
        assertThat(customer.remoteModifiedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:07Z"));
    }

    @Test
    void aPersonIsNamedByItsFirstAndLastNamesAndBothTimestampSpellingsAreRead() throws Exception {
        CanonicalRecord person = SevenOfficeMappers.customer(json("""
                {"id":10002,"isCompany":false,"person":{"firstName":"Åse","lastName":"Ødegård"},
                 "email":{"billing":"ase@example.no"},"modifiedAt":"2026-03-02T10:00:07.000Z"}"""));
        assertThat(person.fields()).containsEntry("name", "Åse Ødegård").containsEntry("email", "ase@example.no");
        assertThat(person.remoteModifiedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:07Z"));
    }

    @Test
    void aTrailingBlankIsAChange() throws Exception {
        String before = SevenOfficeMappers.customer(json("{\"id\":1,\"name\":\"Fjellvegen Bygg AS\"}")).contentHash();
        String after = SevenOfficeMappers.customer(json("{\"id\":1,\"name\":\"Fjellvegen Bygg AS \"}")).contentHash();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aCustomerWithoutIdOrNameOrWithABadTimestampIsRefusedNamingTheField() {
        assertThatThrownBy(() -> SevenOfficeMappers.customer(json("{\"name\":\"X\"}"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> SevenOfficeMappers.customer(json("{\"id\":3}"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> SevenOfficeMappers.customer(json("{\"id\":3,\"name\":\"X\",\"modifiedAt\":\"yesterday\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("modifiedAt");
    }
}
