package io.passerelle.codemap;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One platform code and the ERP code it is sent as. {@code regular} is for hour types only (and left out of the
 * other kinds' answers): at most one entry of a map is the Regular hour type.
 */
public record CodeMapEntry(
        String platformCode,
        String erpCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean regular) {

    public boolean markedRegular() {
        return Boolean.TRUE.equals(regular);
    }
}
